#!/usr/bin/python3
"""Summarises dev_search.sh's output: per dataset and size, each configuration's mean dev accuracy over the
splits, its difference from the peer (scikit-learn TF-IDF + LR as peer_sklearn.py: sublinear tf, L2, C=10)
with the standard error of the paired differences, and the mean kept epoch.
Usage: dev_summary.py DEV_SEARCH_OUTPUT.tsv   Prints a Markdown table."""
import collections
import math
import statistics
import sys

PEER = "scikit-learn LR, tfidf-l2-sublinear C=10"
acc = collections.defaultdict(dict)
kept = collections.defaultdict(list)
order = []
for line in open(sys.argv[1], encoding="utf-8"):
    d, size, split, name, a, k, _ = line.rstrip("\n").split("\t")
    if (d, size, name) not in kept:
        order.append((d, size, name))
    acc[(d, size, name)][split] = float(a)
    kept[(d, size, name)] += [int(k)] if k else []
print("| dataset | train | configuration | splits | dev accuracy % | vs peer (± SE) | kept epoch |")
print("| --- | --- | --- | ---: | ---: | ---: | ---: |")
for d, size, name in order:
    a, peer = acc[(d, size, name)], acc[(d, size, PEER)]
    splits = sorted(set(a) & set(peer))
    diffs = [100 * (a[s] - peer[s]) for s in splits]
    se = statistics.stdev(diffs) / math.sqrt(len(diffs)) if len(diffs) > 1 else float("nan")
    k = f"{statistics.mean(kept[(d, size, name)]):.1f}" if kept[(d, size, name)] else ""
    print(f"| {d} | {size} | {name} | {len(splits)} | {100 * statistics.mean(a[s] for s in splits):.2f} | {statistics.mean(diffs):+.2f} ± {se:.2f} | {k} |")
