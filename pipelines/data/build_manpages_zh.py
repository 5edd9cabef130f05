#!/usr/bin/python3
"""Build the Chinese quickstart's labelled sample: sentences from Debian's Chinese manual pages, labelled by section.

Source: Debian package manpages-zh 1.6.4.0 (the zh_CN pages; GFDL-1.2+, licence in LICENSE-manpages-zh.txt). The
three pages that Debian lists under the GPL (man1/kill.1, man6/intro.6, man7/epoll.7) are left out.

Run:
  apt-get install manpages-zh
  /usr/bin/python3 pipelines/data/build_manpages_zh.py

The task: from one sentence of a manual page, tell which section the page is in:
  1 user-command, 3 library-function, 5 file-format, 7 overview, 8 admin-command
(sections 2, 4 and 6 have 13 pages or fewer). The roff markup is removed (requests, font escapes); the text is
cut into sentences at 。！？；, and at line ends; a sentence is kept with 10 to 100 characters, of which at least 8
Han characters making up at least 60 % of its letters (Chinese prose, not option lists or code), and not
written with spaces between the characters (as some old translations are). A page's
sentences all go to the same split: pages whose CRC-32 of "section/name" is divisible by 4 are the test split, so
no test sentence comes from a page the classifier was trained on. At most 6 sentences a page (the first ones are
taken, in page order); then per label up to 200 training and 100 test sentences, drawn with random.Random(13).

Writes (deterministically) zh-manpages-train.tsv and zh-manpages-test.tsv: id<TAB>text<TAB>label with a header;
the id is section/page#n.
"""
import gzip
import os
import random
import re
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
MAN = "/usr/share/man/zh_CN"
LABELS = {"1": "user-command", "3": "library-function", "5": "file-format", "7": "overview", "8": "admin-command"}
GPL = {"man1/kill.1.gz", "man6/intro.6.gz", "man7/epoll.7.gz"}
PER_PAGE = 6
TRAIN, TEST = 200, 100
HAN = re.compile("[\u4E00-\u9FFF]")
SPACED = re.compile("[\u4E00-\u9FFF] [\u4E00-\u9FFF] [\u4E00-\u9FFF]")  # old translations with a space between characters
ESCAPE = re.compile(r"\\f[BIRPC]|\\f\(..|\\f\[[^\]]*\]|\\[,/&:]|\\\(..|\\\*\(..|\\\*.|\\s[-+]?\d")


def text_of(roff):
    lines = []
    for line in roff.splitlines():
        if line.startswith((".", "'")):
            # A request; the words of .B/.I/.SH requests are text, others (.TH, .TP, .PP, .IP ...) are not.
            m = re.match(r"^\.(B|I|BI|BR|IB|IR|RB|RI)\s+(.*)$", line)
            if not m:
                lines.append("")
                continue
            line = m.group(2).replace('"', "")
        line = ESCAPE.sub("", line).replace("\\-", "-").replace("\\e", "\\").replace("\\ ", " ").replace("\\", "")
        lines.append(line.strip())
    return "\n".join(lines)


def sentences(text):
    for raw in re.split(r"(?<=[。！？；])|\n", text):
        s = raw.strip()
        if not 10 <= len(s) <= 100 or "\t" in s or SPACED.search(s):
            continue
        han = len(HAN.findall(s))
        letters = sum(1 for c in s if c.isalpha())
        if han >= 8 and han >= 0.6 * letters:
            yield s


def main():
    pools = {(label, split): [] for label in LABELS.values() for split in ("train", "test")}
    for section, label in LABELS.items():
        folder = os.path.join(MAN, "man" + section)
        for name in sorted(os.listdir(folder)):
            if f"man{section}/{name}" in GPL:
                continue
            data = open(os.path.join(folder, name), "rb").read()
            roff = (gzip.decompress(data) if name.endswith(".gz") else data).decode("utf-8", "replace")
            page = name[:-3] if name.endswith(".gz") else name
            split = "test" if zlib.crc32(f"{section}/{page}".encode()) % 4 == 0 else "train"
            seen = set()
            for s in sentences(text_of(roff)):
                if s in seen:
                    continue
                seen.add(s)
                pools[(label, split)].append((f"{section}/{page}#{len(seen)}", s, label))
                if len(seen) == PER_PAGE:
                    break
    rng = random.Random(13)
    for split, limit in (("train", TRAIN), ("test", TEST)):
        rows = []
        for label in LABELS.values():
            pool = pools[(label, split)]
            rows += rng.sample(pool, min(limit, len(pool)))
        rng.shuffle(rows)
        path = os.path.join(HERE, f"zh-manpages-{split}.tsv")
        with open(path + ".tmp", "w", encoding="utf-8", newline="\n") as f:
            f.write("id\ttext\tlabel\n")
            f.writelines(f"{i}\t{t}\t{l}\n" for i, t, l in rows)
        os.replace(path + ".tmp", path)
        counts = {label: sum(1 for r in rows if r[2] == label) for label in LABELS.values()}
        print(f"{path}: {len(rows)} rows {counts}")


if __name__ == "__main__":
    main()
