#!/usr/bin/env python3
"""Generate a TSV corpus of 20-word English sentences for the end-to-end benchmark.

Words are drawn (seeded, with replacement) from the running text of the quickstart sample
(pipelines/data/wordnet-topics-*.tsv), so that they follow English word frequencies: stop words
are frequent and most content words have WordNet synonyms, as in real text.
Usage: generate_corpus.py LINES OUTPUT.tsv
"""
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def main():
    lines, output = int(sys.argv[1]), sys.argv[2]
    words = []
    for name in ("wordnet-topics-train.tsv", "wordnet-topics-test.tsv"):
        with open(os.path.join(ROOT, "pipelines", "data", name), encoding="utf-8") as f:
            next(f)
            for line in f:
                words += [w.strip(".,;:()'") for w in line.split("\t")[1].split()]
    words = [w for w in words if w]
    rng = random.Random(42)
    labels = ["pos", "neg", "neutral"]
    with open(output, "w", encoding="utf-8", newline="\n") as out:
        out.write("id\ttext\tlabel\n")
        for i in range(lines):
            sentence = [rng.choice(words) for _ in range(20)]
            sentence[0] = sentence[0].capitalize()
            out.write(f"{i}\t{' '.join(sentence)}.\t{labels[i % 3]}\n")


if __name__ == "__main__":
    main()
