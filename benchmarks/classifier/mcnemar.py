#!/usr/bin/python3
"""Is a difference between two classifiers on one test set more than the test set's sampling? McNemar's exact test
(Dietterich 1998, "Approximate statistical tests for comparing supervised classification learning algorithms"):
of the test examples exactly one classifier gets right, b are A's and c are B's; under "equally accurate" b is
Binomial(b + c, 1/2). A t-test over training seeds (run.sh's p) covers only the seeds' variance; this covers which
texts happened to be in the test set.

Usage: mcnemar.py TEST.tsv A.pred B.pred [B.pred ...]   (one predicted label per line, in TEST.tsv's row order)
Prints, for each B: A's and B's accuracy, b, c, the difference A − B in points and the two-sided exact p."""
import csv
import sys

from scipy.stats import binomtest


def labels(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = [r for r in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE) if r]
    if not rows or "label" not in rows[0]:
        sys.exit(f"{path}: expected a TSV with a header naming a 'label' column")
    column = rows[0].index("label")
    return [r[column] for r in rows[1:]]


def predictions(path):
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f]


if len(sys.argv) < 4 or sys.argv[1] in ("-h", "--help"):
    sys.exit(__doc__)
gold = labels(sys.argv[1])
a = predictions(sys.argv[2])
if len(a) != len(gold):
    sys.exit(f"{sys.argv[2]}: {len(a)} predictions for {len(gold)} test rows")
print("A\tB\tA accuracy\tB accuracy\tonly A right (b)\tonly B right (c)\tA − B points\texact p")
for path in sys.argv[3:]:
    bp = predictions(path)
    if len(bp) != len(gold):
        sys.exit(f"{path}: {len(bp)} predictions for {len(gold)} test rows")
    b = sum(x == g and y != g for x, y, g in zip(a, bp, gold))
    c = sum(y == g and x != g for x, y, g in zip(a, bp, gold))
    acc_a = sum(x == g for x, g in zip(a, gold)) / len(gold)
    acc_b = sum(y == g for y, g in zip(bp, gold)) / len(gold)
    p = binomtest(b, b + c, 0.5).pvalue if b + c else 1.0
    print(f"{sys.argv[2]}\t{path}\t{acc_a * 100:.2f}\t{acc_b * 100:.2f}\t{b}\t{c}\t{(acc_a - acc_b) * 100:+.2f}\t{p:.3f}")
