#!/usr/bin/python3
"""Build dictionaries/zh-opencc-characters.tsv and zh-opencc-phrases.tsv.gz: OpenCC's character and phrase mappings
between Traditional and Simplified Chinese.

Source: Debian package libopencc-data 1.1.6 (OpenCC, BYVoid and contributors, Apache-2.0; licence text in
LICENSE-OpenCC.txt): TSCharacters.ocd2 (Traditional -> Simplified) and STCharacters.ocd2 (Simplified ->
Traditional), STPhrases.ocd2 (Simplified -> Traditional words and phrases), read back to text with opencc_dict from
the Debian package opencc. Used only here.

Run:
  apt-get install opencc libopencc-data
  /usr/bin/python3 dictionaries/build_opencc.py            # zh-opencc-characters.tsv, zh-opencc-phrases.tsv.gz
  /usr/bin/python3 dictionaries/build_opencc.py s2t-oracle # tests/.../fixtures/zh-opencc-s2t.txt
  apt-get install python3-jieba manpages-zh
  /usr/bin/python3 dictionaries/build_opencc.py oracle     # tests/.../fixtures/zh-segmentation-traditional.txt

Oracle: 40 lines of Traditional Chinese from manpages-zh's zh_TW pages (the first line with 12 or more
Han characters and a character that maps, of every 7th page in path order); each maximal run of
[\u4E00-\u9FD5] is mapped to Simplified with the table written here and cut by Python jieba (HMM on); the
expected file gives the run as written (Traditional) cut at jieba's places: run<TAB>w1/w2/...

Where OpenCC offers several characters, the first (OpenCC's usual choice) is kept. Only mappings from one
character of the Basic Multilingual Plane to another are kept, so that a mapped text has the same length
and offsets as the user's (the segmenter cuts the mapped text and the cuts apply to the original); 4,113 and
3,980 source entries give the counts printed at the end. Characters that map to themselves are dropped.

Output (deterministic, code-point order): t2s<TAB>traditional<TAB>simplified, then s2t<TAB>simplified<TAB>traditional.

Phrases: OpenCC's s2t converts a text by cutting it at the longest STPhrases entry that starts at each place (one
character where none does) and writing each phrase's first Traditional form, each other character's by
STCharacters; so 皇后 stays 皇后 and 干妈 becomes 乾媽, where character by character they would be 皇後 and 幹媽. The
library does the same (ChineseScript.ToTraditional). zh-opencc-phrases.tsv.gz holds every STPhrases entry whose
Simplified and first Traditional forms have the same number of UTF-16 code units (so offsets still hold; the counts
are printed), as simplified<TAB>traditional in code-point order, gzip with mtime 0. Entries equal to their character
mapping are kept too: they decide where the longest match cuts, as in OpenCC. TSPhrases (Traditional -> Simplified,
277 entries) is not used: the library maps Traditional text to Simplified only to look words up, where one
character for one is enough.

s2t oracle: every word of dictionaries/zh-cedict-synonyms.tsv (the words a Chinese stage writes) and the first 300
Han runs of 8 or more characters of manpages-zh's zh_CN pages (every 5th page), with `opencc -c s2t`'s output:
simplified<TAB>traditional.
"""
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "zh-opencc-characters.tsv")
DATA = "/usr/share/opencc"


def read(name):
    with tempfile.TemporaryDirectory() as tmp:
        text = os.path.join(tmp, name + ".txt")
        subprocess.run(["opencc_dict", "-i", os.path.join(DATA, name + ".ocd2"), "-o", text, "-f", "ocd2", "-t", "text"], check=True)
        pairs = {}
        with open(text, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                parts = line.rstrip("\n").split("\t")
                if len(parts) != 2 or not parts[1]:
                    sys.exit(f"{name}: line {n} is not 'char<TAB>char [char ...]': {line!r}")
                source, target = parts[0], parts[1].split(" ")[0]
                if len(source) == 1 and len(target) == 1 and ord(source) < 0x10000 and ord(target) < 0x10000 and source != target:
                    pairs[source] = target
        return pairs


def main():
    t2s = read("TSCharacters")
    s2t = read("STCharacters")
    lines = ["# OpenCC 1.1.6 character mappings (Apache-2.0, see LICENSE-OpenCC.txt), built by dictionaries/build_opencc.py.",
             "# t2s<TAB>traditional<TAB>simplified (TSCharacters) and s2t<TAB>simplified<TAB>traditional (STCharacters), first choice only."]
    lines += [f"t2s\t{k}\t{t2s[k]}" for k in sorted(t2s)]
    lines += [f"s2t\t{k}\t{s2t[k]}" for k in sorted(s2t)]
    tmp = OUT + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    os.replace(tmp, OUT)
    print(f"{len(t2s)} traditional -> simplified, {len(s2t)} simplified -> traditional -> {OUT}")
    phrases()


def utf16_length(text):
    return len(text.encode("utf-16-le")) // 2


def write_gzip(path, text):
    """The gzip file the jieba tables are written as (build_jieba.write_gzip: no name, mtime 0, level 9, renamed into place)."""
    sys.path.insert(0, HERE)
    from build_jieba import write_gzip as write
    write(path, text)


def phrases():
    with tempfile.TemporaryDirectory() as tmp:
        text = os.path.join(tmp, "STPhrases.txt")
        subprocess.run(["opencc_dict", "-i", os.path.join(DATA, "STPhrases.ocd2"), "-o", text, "-f", "ocd2", "-t", "text"], check=True)
        pairs, skipped = {}, 0
        with open(text, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                parts = line.rstrip("\n").split("\t")
                if len(parts) != 2 or not parts[1] or "\t" in parts[0]:
                    sys.exit(f"STPhrases: line {n} is not 'phrase<TAB>phrase [phrase ...]': {line!r}")
                source, target = parts[0], parts[1].split(" ")[0]
                if utf16_length(source) != utf16_length(target) or len(source) < 2:
                    skipped += 1
                    continue
                pairs[source] = target
    lines = [f"{k}\t{pairs[k]}\n" for k in sorted(pairs)]
    write_gzip(os.path.join(HERE, "zh-opencc-phrases.tsv.gz"), "".join(lines))
    print(f"{len(pairs)} phrases (simplified -> traditional), {skipped} skipped (lengths differ or one character)")


def s2t_oracle():
    import gzip
    import re
    han = re.compile("[\u4E00-\u9FD5]{8,}")
    words, seen = [], set()
    with open(os.path.join(HERE, "zh-cedict-synonyms.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            for field in re.split("[\t,]", line.rstrip("\n")):
                if re.fullmatch("[\u4E00-\u9FD5]+", field) and field not in seen:
                    seen.add(field)
                    words.append(field)
    pages = []
    for dirpath, _, files in sorted(os.walk("/usr/share/man/zh_CN")):
        pages += [os.path.join(dirpath, name) for name in sorted(files)]
    runs = []
    for path in pages[::5]:
        data = open(path, "rb").read()
        text = (gzip.decompress(data) if path.endswith(".gz") else data).decode("utf-8", "replace")
        runs += [r for r in dict.fromkeys(han.findall(text)) if r not in runs][:3]
        if len(runs) >= 300:
            break
    sources = words + runs[:300]
    done = subprocess.run(["opencc", "-c", "s2t"], input="\n".join(sources) + "\n", capture_output=True, text=True, check=True)
    targets = done.stdout.split("\n")[:len(sources)]
    out = os.path.join(os.path.dirname(HERE), "tests", "TextAugment.Tests", "fixtures", "zh-opencc-s2t.txt")
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write("# OpenCC 1.1.6 `opencc -c s2t` (Debian opencc): the words of zh-cedict-synonyms.tsv, then Han runs of\n")
        f.write("# manpages-zh's zh_CN pages. Written by dictionaries/build_opencc.py s2t-oracle. simplified<TAB>traditional\n")
        f.writelines(f"{s}\t{t}\n" for s, t in zip(sources, targets))
    print(f"{len(words)} words, {len(runs[:300])} runs -> {out}")


def oracle():
    import gzip
    import re
    import jieba
    jieba.setLogLevel(60)
    t2s = {}
    with open(OUT, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if parts[0] == "t2s":
                t2s[parts[1]] = parts[2]
    han = re.compile("[\u4E00-\u9FD5]+")
    pages = []
    for dirpath, _, files in sorted(os.walk("/usr/share/man/zh_TW")):
        pages += [os.path.join(dirpath, name) for name in sorted(files)]
    lines = ["# Traditional Chinese runs (manpages-zh, zh_TW) cut as Python jieba 0.42.1 cuts their Simplified mapping",
             "# (OpenCC characters, dictionaries/zh-opencc-characters.tsv). Written by dictionaries/build_opencc.py oracle.",
             "# run<TAB>word/word/..."]
    for path in pages[::7]:
        data = open(path, "rb").read()
        text = (gzip.decompress(data) if path.endswith(".gz") else data).decode("utf-8", "replace")
        for line in text.splitlines():
            runs = [r for r in han.findall(line) if len(r) >= 12 and any(c in t2s for c in r)]
            if runs:
                run = runs[0]
                cut, at = [], 0
                for word in jieba.lcut("".join(t2s.get(c, c) for c in run), HMM=True):
                    cut.append(run[at:at + len(word)])
                    at += len(word)
                lines.append(run + "\t" + "/".join(cut))
                break
        if len(lines) == 43:
            break
    out = os.path.join(os.path.dirname(HERE), "tests", "TextAugment.Tests", "fixtures", "zh-segmentation-traditional.txt")
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    print(f"{len(lines) - 3} runs -> {out}")


if __name__ == "__main__":
    if sys.argv[1:] == ["oracle"]:
        oracle()
    elif sys.argv[1:] == ["s2t-oracle"]:
        s2t_oracle()
    elif sys.argv[1:] == []:
        main()
    else:
        sys.exit("usage: build_opencc.py [oracle | s2t-oracle]")
