#!/usr/bin/python3
"""Summarises dev_search.sh's output: per dataset and size, each configuration's mean dev accuracy over the
splits, its difference from the peer (scikit-learn TF-IDF + LR as peer_sklearn.py: sublinear tf, L2, C=10)
with the standard error of the paired differences, and the mean kept epoch. With --vs NAME, also each
configuration's paired difference from configuration NAME (e.g. defaults) on the splits both ran: mean ± SE and
the two-sided p of a paired t-test over the splits (n − 1 degrees of freedom; blank when every split differs by
the same amount). A difference is blank where
there is no peer (or no NAME) on a split.
Usage: dev_summary.py DEV_SEARCH_OUTPUT.tsv [--vs NAME]   Prints a Markdown table."""
import collections
import math
import statistics
import sys

from scipy.stats import t as student_t

PEER = "scikit-learn LR, tfidf-l2-sublinear C=10"


def paired(a, base):
    splits = sorted(set(a) & set(base))
    diffs = [100 * (a[s] - base[s]) for s in splits]
    if not diffs:
        return "", None
    if len(diffs) == 1:
        return f"{diffs[0]:+.2f}", None
    mean, se = statistics.mean(diffs), statistics.stdev(diffs) / math.sqrt(len(diffs))
    p = None if se == 0 else 2 * student_t.sf(abs(mean) / se, len(diffs) - 1)   # equal differences on every split: no t
    return f"{mean:+.2f} ± {se:.2f}", p


def main():
    args = sys.argv[1:]
    vs = None
    if "--vs" in args:
        i = args.index("--vs")
        vs = args[i + 1]
        del args[i:i + 2]
    acc = collections.defaultdict(dict)
    kept = collections.defaultdict(list)
    order = []
    for line in open(args[0], encoding="utf-8"):
        d, size, split, name, a, k, _ = line.rstrip("\n").split("\t")
        if (d, size, name) not in kept:
            order.append((d, size, name))
        acc[(d, size, name)][split] = float(a)
        kept[(d, size, name)] += [int(k)] if k else []
    extra = f" vs {vs} (± SE) | p |" if vs else ""
    print(f"| dataset | train | configuration | splits | dev accuracy % | vs peer (± SE) |{extra} kept epoch |")
    print("| --- | --- | --- | ---: | ---: | ---: |" + (" ---: | ---: |" if vs else "") + " ---: |")
    for d, size, name in order:
        a = acc[(d, size, name)]
        k = f"{statistics.mean(kept[(d, size, name)]):.1f}" if kept[(d, size, name)] else ""
        row = f"| {d} | {size} | {name} | {len(a)} | {100 * statistics.mean(a.values()):.2f} | {paired(a, acc.get((d, size, PEER), {}))[0]} |"
        if vs:
            diff, p = paired(a, acc.get((d, size, vs), {}))
            row += f" {diff} | {'' if p is None else f'{p:.3f}'} |"
        print(f"{row} {k} |")


if __name__ == "__main__":
    main()
