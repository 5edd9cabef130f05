#!/usr/bin/python3
"""Build dictionaries/zh-opencc-characters.tsv: OpenCC's character mappings between Traditional and Simplified Chinese.

Source: Debian package libopencc-data 1.1.6 (OpenCC, BYVoid and contributors, Apache-2.0; licence text in
LICENSE-OpenCC.txt): TSCharacters.ocd2 (Traditional -> Simplified) and STCharacters.ocd2 (Simplified ->
Traditional), read back to text with opencc_dict from the Debian package opencc. Used only here.

Run:
  apt-get install opencc libopencc-data
  /usr/bin/python3 dictionaries/build_opencc.py            # zh-opencc-characters.tsv
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
    elif sys.argv[1:] == []:
        main()
    else:
        sys.exit("usage: build_opencc.py [oracle]")
