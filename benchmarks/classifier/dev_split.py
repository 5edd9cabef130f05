#!/usr/bin/python3
"""Splits a TSV (header; label in the last column) 80/20 stratified by label, seed 11 unless SEED is given:
the dev split used to choose defaults (never the test set).
Usage: dev_split.py SRC.tsv TRAIN_OUT.tsv DEV_OUT.tsv [SEED]"""
import sys, random, collections
src, out_train, out_dev = sys.argv[1:4]
rows = open(src, encoding="utf-8").read().splitlines()
head, rows = rows[0], rows[1:]
by = collections.defaultdict(list)
for r in rows: by[r.split("\t")[-1]].append(r)
rng = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 11); tr, dv = [], []
for l in sorted(by):
    items = by[l][:]; rng.shuffle(items); k = len(items) // 5
    dv += items[:k]; tr += items[k:]
for p, rs in ((out_train, tr), (out_dev, dv)):
    open(p, "w", encoding="utf-8").write("\n".join([head] + rs) + "\n")
