#!/usr/bin/python3
"""Build jieba's dictionary and HMM tables for the C# segmenter, and write the oracle files.

Source: Debian package `python3-jieba` 0.42.1 (Sun Junyi, MIT/Expat; licence text in LICENSE-jieba.txt).
The Python package is used only here, to build data and as the test oracle; never at run or test time.

Run:
  apt-get install python3-jieba
  /usr/bin/python3 dictionaries/build_jieba.py build      # zh-jieba.dict.gz, zh-jieba-hmm.tsv.gz
  /usr/bin/python3 dictionaries/build_jieba.py oracle     # tests/.../fixtures/zh-segmentation-{hmm,nohmm,user}.txt
  /usr/bin/python3 dictionaries/build_jieba.py corpus OUT # Chinese text from Debian packages + jieba's cuts
                                                          # (of a Traditional run: of its Simplified mapping, as the library cuts)

Writes (deterministically: gzip with mtime 0, input order kept):
  zh-jieba.dict.gz      word<TAB>freq, one line per entry of jieba's dict.txt (the part-of-speech column
                        is dropped: default-mode segmentation does not use it)
  zh-jieba-hmm.tsv.gz   start<TAB>S<TAB>logp | trans<TAB>S<TAB>T<TAB>logp | emit<TAB>S<TAB>char<TAB>logp
                        (jieba's finalseg tables; floats written with repr, which round-trips exactly)

Oracle: jieba segments text in blocks of [\u4E00-\u9FD5] mixed with ASCII letters and digits; the
library's tokenizer keeps Latin letters and digits as tokens of their own and asks the segmenter only
about runs of Han characters. The oracle therefore cuts each maximal run of [\u4E00-\u9FD5] on its
own, which is exactly the question the C# segmenter answers.
"""
import gzip
import io
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
FIXTURES = os.path.join(ROOT, "tests", "TextAugment.Tests", "fixtures")
HAN = re.compile("[\u4E00-\u9FD5]+")


def jieba_dir():
    import jieba
    return os.path.dirname(jieba.__file__)


def write_gzip(path, text):
    raw = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
        gz.write(text.encode("utf-8"))
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(raw.getvalue())
    os.replace(tmp, path)


def build():
    src = jieba_dir()
    lines = []
    with open(os.path.join(src, "dict.txt"), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            parts = line.rstrip("\n").split(" ")
            if len(parts) < 2 or not parts[1].isdigit():
                sys.exit(f"dict.txt:{n}: expected 'word freq [pos]', got {line!r}")
            lines.append(f"{parts[0]}\t{parts[1]}\n")
    write_gzip(os.path.join(HERE, "zh-jieba.dict.gz"), "".join(lines))

    sys.path.insert(0, os.path.join(src, "finalseg"))
    from prob_start import P as start
    from prob_trans import P as trans
    from prob_emit import P as emit
    out = []
    for s in "BMES":
        out.append(f"start\t{s}\t{start[s]!r}\n")
    for s in "BMES":
        for t in sorted(trans[s]):
            out.append(f"trans\t{s}\t{t}\t{trans[s][t]!r}\n")
    for s in "BMES":
        for c in sorted(emit[s]):
            if c in "\t\n":
                continue
            out.append(f"emit\t{s}\t{c}\t{emit[s][c]!r}\n")
    write_gzip(os.path.join(HERE, "zh-jieba-hmm.tsv.gz"), "".join(out))
    print(f"{len(lines)} words, {len(out)} HMM rows")


def cut_runs(text, hmm):
    import jieba
    return [jieba.lcut(run, HMM=hmm) for run in HAN.findall(text)]


def oracle():
    import jieba
    jieba.setLogLevel(60)
    with open(os.path.join(FIXTURES, "zh-sentences.txt"), encoding="utf-8") as f:
        sentences = [l.rstrip("\n") for l in f if l.strip()]
    for hmm, name in ((True, "zh-segmentation-hmm.txt"), (False, "zh-segmentation-nohmm.txt")):
        out = []
        for s in sentences:
            out.append(" ".join("/".join(words) for words in cut_runs(s, hmm)) + "\n")
        with open(os.path.join(FIXTURES, name), "w", encoding="utf-8") as f:
            f.write("# jieba 0.42.1 (Debian python3-jieba), HMM=%s, one line per line of zh-sentences.txt:\n" % hmm)
            f.write("# each run of [\\u4E00-\\u9FD5] cut into words joined by '/', runs separated by a space.\n")
            f.writelines(out)
    # With the committed user dictionary (jieba.Tokenizer.load_userdict), HMM on.
    tk = jieba.Tokenizer()
    tk.load_userdict(os.path.join(FIXTURES, "zh-userdict.txt"))
    with open(os.path.join(FIXTURES, "zh-segmentation-user.txt"), "w", encoding="utf-8") as f:
        f.write("# jieba 0.42.1 with zh-userdict.txt loaded, HMM=True; same layout as zh-segmentation-hmm.txt.\n")
        for s in sentences:
            f.write(" ".join("/".join(tk.lcut(run, HMM=True)) for run in HAN.findall(s)) + "\n")
    print(f"{len(sentences)} sentences")


def corpus_text():
    """Chinese text from Debian packages: manpages-zh (zh_CN, zh_TW) and the zh_* message catalogues."""
    chunks = []
    for base in ("/usr/share/man/zh_CN", "/usr/share/man/zh_TW"):
        for dirpath, _, files in sorted(os.walk(base)):
            for name in sorted(files):
                path = os.path.join(dirpath, name)
                data = open(path, "rb").read()
                if name.endswith(".gz"):
                    data = gzip.decompress(data)
                chunks.append(data.decode("utf-8", "replace"))
    for lang in ("zh_CN", "zh_TW", "zh_HK"):
        d = f"/usr/share/locale/{lang}/LC_MESSAGES"
        if not os.path.isdir(d):
            continue
        for name in sorted(os.listdir(d)):
            if name.endswith(".mo"):
                po = subprocess.run(["msgunfmt", os.path.join(d, name)], capture_output=True, text=True, errors="replace")
                chunks.append("\n".join(l[len("msgstr "):] for l in po.stdout.splitlines() if l.startswith("msgstr ")))
    return "\n".join(chunks)


def traditional_to_simplified():
    """OpenCC's character mapping as the library uses it (dictionaries/zh-opencc-characters.tsv, build_opencc.py)."""
    table = {}
    with open(os.path.join(HERE, "zh-opencc-characters.tsv"), encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if parts[0] == "t2s":
                table[parts[1]] = parts[2]
    return table


def cut_as_library(run, hmm, t2s):
    """jieba's cut of the run's Simplified mapping (one character for one), applied to the run as written: what the
    library's segmenter does with Traditional characters. For a run without them it is jieba's cut of the run."""
    import jieba
    words, at = [], 0
    for w in jieba.lcut("".join(t2s.get(c, c) for c in run), HMM=hmm):
        words.append(run[at:at + len(w)])
        at += len(w)
    return words


def corpus(out_dir):
    import jieba
    jieba.setLogLevel(60)
    t2s = traditional_to_simplified()
    text = corpus_text()
    runs = HAN.findall(text)
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "runs.txt"), "w", encoding="utf-8") as f:
        f.writelines(r + "\n" for r in runs)
    for hmm, name in ((True, "hmm.txt"), (False, "nohmm.txt")):
        with open(os.path.join(out_dir, name), "w", encoding="utf-8") as f:
            f.writelines("/".join(cut_as_library(r, hmm, t2s)) + "\n" for r in runs)
    traditional = sum(1 for r in runs if any(c in t2s for c in r))
    print(f"{len(runs)} runs, {sum(map(len, runs))} Han characters; {traditional} runs hold Traditional characters")


if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else "build"
    if cmd == "build":
        build()
    elif cmd == "oracle":
        oracle()
    elif cmd == "corpus":
        corpus(sys.argv[2])
    else:
        sys.exit("usage: build_jieba.py build | oracle | corpus OUT_DIR")
