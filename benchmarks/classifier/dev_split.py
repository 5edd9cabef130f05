#!/usr/bin/python3
"""Splits a training TSV (header; id in the first column, label in the last) into dev-train and dev: the dev split used
to choose defaults (test.tsv is never read). Two modes:

  random (the default; every round before round 6): 80/20 stratified by label, at random.
  mirror: the dev split is built the way prepare.py built DATASET's test split from its pool, so that dev asks what the
          test asks:
            sotu   by address, as the test: 20 % of each party's addresses (the id's part before '/', shuffled with the
                   split seed; len // 5 of them, as prepare.py's cut) give the dev excerpts, so no dev excerpt shares an
                   address with dev-train; then the larger party's dev excerpts are sampled down to the smaller's count
                   (the test has 500 per party; the dropped excerpts are not trained on either: they share addresses).
            debian balanced, as the test (100 per section, while training has 123-400): the same number k of each
                   section to dev, k = n // (5 · sections) so that dev is 20 % of the rows as in the random mode (dev-train
                   is as large as there), at most half the smallest section (every section keeps k rows to train on).
                   Holding out an equal number per section is how prepare.py made the test; it leaves dev-train's small
                   sections a little smaller in proportion than train's (the test shift, somewhat amplified).
            topics, spam: the test is an 80/20 (spam) or fixed-count (topics) stratified random split: the random mode.
Usage: dev_split.py [--mode random|mirror] [--dataset NAME] SRC.tsv TRAIN_OUT.tsv DEV_OUT.tsv [SEED]   (SEED default 11;
--dataset is required with --mode mirror)"""
import argparse
import collections
import random

MIRRORED = {"sotu": "address", "debian": "balanced", "topics": "random", "spam": "random"}


def stratified(rows, rng):
    by = collections.defaultdict(list)
    for r in rows:
        by[r.split("\t")[-1]].append(r)
    tr, dv = [], []
    for label in sorted(by):
        items = by[label][:]
        rng.shuffle(items)
        k = len(items) // 5
        dv += items[:k]
        tr += items[k:]
    return tr, dv


def by_address(rows, rng):
    """prepare.py's sotu test: per party, shuffle the addresses and hold out len // 5 of them."""
    addresses = collections.defaultdict(lambda: collections.defaultdict(list))
    for r in rows:
        fields = r.split("\t")
        addresses[fields[-1]][fields[0].rsplit("/", 1)[0]].append(r)
    tr, dev_by = [], {}
    for party in sorted(addresses):
        names = sorted(addresses[party])
        rng.shuffle(names)
        cut = len(names) // 5
        dev_by[party] = [r for n in names[:cut] for r in addresses[party][n]]
        tr += [r for n in names[cut:] for r in addresses[party][n]]
    k = min(len(v) for v in dev_by.values())
    dv = [r for party in sorted(dev_by) for r in rng.sample(dev_by[party], k)]
    return tr, dv


def balanced(rows, rng):
    """prepare.py's debian test: the same number of each section held out first."""
    by = collections.defaultdict(list)
    for r in rows:
        by[r.split("\t")[-1]].append(r)
    k = min(len(rows) // (5 * len(by)), min(len(v) for v in by.values()) // 2)
    tr, dv = [], []
    for label in sorted(by):
        items = by[label][:]
        rng.shuffle(items)
        dv += items[:k]
        tr += items[k:]
    return tr, dv


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mode", choices=("random", "mirror"), default="random")
    ap.add_argument("--dataset", help="the dataset prepare.py built SRC for (mirror: one of " + ", ".join(sorted(MIRRORED)) + ")")
    ap.add_argument("src")
    ap.add_argument("out_train")
    ap.add_argument("out_dev")
    ap.add_argument("seed", nargs="?", type=int, default=11)
    a = ap.parse_args()
    if a.mode == "mirror" and a.dataset not in MIRRORED:
        ap.error(f"--mode mirror needs --dataset, one of {', '.join(sorted(MIRRORED))} (how prepare.py built that "
                 f"dataset's test split), not {a.dataset!r}")
    lines = open(a.src, encoding="utf-8").read().splitlines()
    head, rows = lines[0], lines[1:]
    rng = random.Random(a.seed)
    how = MIRRORED[a.dataset] if a.mode == "mirror" else "random"
    tr, dv = {"random": stratified, "address": by_address, "balanced": balanced}[how](rows, rng)
    for p, rs in ((a.out_train, tr), (a.out_dev, dv)):
        open(p, "w", encoding="utf-8").write("\n".join([head] + rs) + "\n")


if __name__ == "__main__":
    main()
