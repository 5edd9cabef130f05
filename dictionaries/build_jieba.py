#!/usr/bin/python3
"""Build jieba's dictionary and HMM tables for the C# segmenter, and write the oracle files.

Source: Debian package `python3-jieba` 0.42.1 (Sun Junyi, MIT/Expat; licence text in LICENSE-jieba.txt).
The Python package is used only here, to build data and as the test oracle; never at run or test time.

Proper nouns (the default `names: keep` protects them, as it protects capitalised English names) also come from
CC-CEDICT (MDBG 2020-02-03, CC BY-SA 4.0, dictionaries/LICENSE-CC-CEDICT.txt; the copy in npm @nlpjs/lang-zh 4.26.1,
as build_cedict_synonyms.py reads it), because jieba's tags alone are too loose (操作符 nr, 城市 ns, 普通 nz).

Run:
  apt-get install python3-jieba
  cd /tmp && npm pack @nlpjs/lang-zh@4.26.1 && tar xzf nlpjs-lang-zh-4.26.1.tgz
  /usr/bin/python3 dictionaries/build_jieba.py build /tmp/package/src/cedict_ts.u8.js
                                                          # zh-jieba.dict.gz, zh-jieba-hmm.tsv.gz, zh-surnames.txt
  /usr/bin/python3 dictionaries/build_jieba.py oracle     # tests/.../fixtures/zh-segmentation-{hmm,nohmm,user}.txt
  /usr/bin/python3 dictionaries/build_jieba.py corpus OUT # Chinese text from Debian packages + jieba's cuts
                                                          # (of a Traditional run: of its Simplified mapping, as the library cuts)

Writes (deterministically: gzip with mtime 0, input order kept):
  zh-jieba.dict.gz      word<TAB>freq, one line per entry of jieba's dict.txt, and <TAB>pos for a proper noun:
                        jieba's part of speech (nr, nrfg, nrt person; ns place; nt organisation; nz other) kept
                        for a word of two or more Han characters that CC-CEDICT lists only as a proper noun
                        (capitalised pinyin: 北京, 毛泽东, 联合国), or, for nr and nrfg, that CC-CEDICT does not list
                        and that is two or three characters starting with a surname of zh-surnames.txt (韦小宝,
                        袁承志). Every other word's part of speech is dropped (segmentation does not use it).
  zh-surnames.txt       the common surnames: a character CC-CEDICT glosses "surname ...", that starts at least
                        MIN_SURNAME_NAMES person names (nr, nrfg; two or three characters; not in CC-CEDICT) in
                        jieba's dictionary, that are at least SURNAME_SHARE of its two- and three-character words,
                        and that jieba does not tag as a function word (那 和 向 从 何 于 start many names in jieba's
                        tags but far more other words). The protection takes a word jieba's HMM makes (not in the
                        dictionary) of two or three characters starting with one of them for a name (张伟, 王芳).
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


PROPER_TAGS = {"nr", "nrfg", "nrt", "ns", "nt", "nz"}
PERSON_TAGS = {"nr", "nrfg"}
FUNCTION_TAGS = {"p", "c", "r", "d", "u", "y", "e", "o", "f"}
MIN_SURNAME_NAMES = 100
SURNAME_SHARE = 0.7
HAN_WORD = re.compile("^[\u4E00-\u9FD5]+$")


def proper_nouns(entries, cedict_path):
    """(surnames, {word: tag}) as the module's docstring says."""
    sys.path.insert(0, HERE)
    from build_cedict_synonyms import read_cedict
    senses, surname_glossed = {}, set()
    for _, simp, pinyin, glosses in read_cedict(cedict_path):
        senses.setdefault(simp, set()).add("proper" if pinyin[:1].isupper() else "common")
        if len(simp) == 1 and any(g.startswith("surname ") for g in glosses):
            surname_glossed.add(simp)
    tags = {word: pos for word, _, pos in entries}
    names, starts = {}, {}
    for word, _, pos in entries:
        if len(word) in (2, 3):
            starts[word[0]] = starts.get(word[0], 0) + 1
            if pos in PERSON_TAGS and word not in senses and word[0] in surname_glossed:
                names[word[0]] = names.get(word[0], 0) + 1
    surnames = sorted(c for c, n in names.items()
                      if n >= MIN_SURNAME_NAMES and n / starts[c] >= SURNAME_SHARE and tags.get(c, "") not in FUNCTION_TAGS)
    proper = {}
    for word, _, pos in entries:
        if pos not in PROPER_TAGS or len(word) < 2 or not HAN_WORD.match(word):
            continue
        known = senses.get(word)
        if known == {"proper"} or (known is None and pos in PERSON_TAGS and len(word) in (2, 3) and word[0] in surnames):
            proper[word] = pos
    return surnames, proper


def build(cedict_path):
    src = jieba_dir()
    entries = []
    with open(os.path.join(src, "dict.txt"), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            parts = line.rstrip("\n").split(" ")
            if len(parts) < 2 or not parts[1].isdigit():
                sys.exit(f"dict.txt:{n}: expected 'word freq [pos]', got {line!r}")
            entries.append((parts[0], parts[1], parts[2] if len(parts) > 2 else ""))
    surnames, proper = proper_nouns(entries, cedict_path)
    lines = [f"{w}\t{freq}\t{proper[w]}\n" if w in proper else f"{w}\t{freq}\n" for w, freq, _ in entries]
    write_gzip(os.path.join(HERE, "zh-jieba.dict.gz"), "".join(lines))
    with open(os.path.join(HERE, "zh-surnames.txt.tmp"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# Common Chinese surnames (CC-CEDICT glosses and jieba 0.42.1's person names), built by dictionaries/build_jieba.py.\n")
        f.writelines(c + "\n" for c in surnames)
    os.replace(os.path.join(HERE, "zh-surnames.txt.tmp"), os.path.join(HERE, "zh-surnames.txt"))
    counts = {}
    for pos in proper.values():
        counts[pos] = counts.get(pos, 0) + 1
    print(f"{len(proper)} proper nouns {sorted(counts.items())}, {len(surnames)} surnames")

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
    if cmd == "build" and len(sys.argv) == 3:
        build(sys.argv[2])
    elif cmd == "oracle":
        oracle()
    elif cmd == "corpus":
        corpus(sys.argv[2])
    else:
        sys.exit("usage: build_jieba.py build CEDICT_JS | oracle | corpus OUT_DIR")
