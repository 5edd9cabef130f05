#!/usr/bin/python3
"""Combines the per-seed rows of several consistency.py runs (each arm is deterministic for a seed, so arms run apart
combine) and prints, per dataset and size, each arm's mean ± std and the paired t-tests over the seeds both arms have.

Usage: consistency_combine.py OUTPUT... [--rename OLD=NEW ...]
Rows are consistency.py's "dataset, labelled, seed, arm, accuracy, macro-F1, seconds" lines; a later file's row for the
same (dataset, labelled, seed, arm) replaces an earlier one's. --rename relabels an arm (e.g. one run's
"consistency" as "consistency, weight 0.3").
"""
import argparse
import math
from collections import OrderedDict

from scipy import stats

PAIRS = [("consistency", "supervised"), ("consistency", "copy control"), ("consistency", "augmented"), ("consistency", "idf only"),
         ("consistency", "self-training (sklearn)"), ("idf only", "supervised")]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="+")
    ap.add_argument("--rename", action="append", default=[])
    a = ap.parse_args()
    rename = dict(r.split("=", 1) for r in a.rename)
    rows = OrderedDict()
    for path in a.files:
        for line in open(path, encoding="utf-8"):
            f = line.rstrip("\n").split("\t")
            if len(f) != 7 or not f[1].isdigit():
                continue
            arm = rename.get(f"{path}:{f[3]}", rename.get(f[3], f[3]))
            rows[(f[0], int(f[1]), int(f[2]), arm)] = (float(f[4]), float(f[5]), float(f[6]))
    groups = OrderedDict()
    for (d, n, seed, arm), v in rows.items():
        groups.setdefault((d, n), OrderedDict()).setdefault(arm, {})[seed] = v
    for (d, n), arms in groups.items():
        print(f"## {d}, {n} labelled: mean ± std over seeds (accuracy, macro-F1 in %; train s)")
        print("arm\tseeds\taccuracy\tmacro-F1\ttrain s")
        for arm, by_seed in arms.items():
            v = list(by_seed.values())

            def ms(k):
                x = [r[k] for r in v]
                m = sum(x) / len(x)
                return m, (math.sqrt(sum((y - m) ** 2 for y in x) / (len(x) - 1)) if len(x) > 1 else 0.0)
            (am, asd), (fm, fsd), (sm, _) = ms(0), ms(1), ms(2)
            print(f"{arm}\t{len(v)}\t{am * 100:.2f} ± {asd * 100:.2f}\t{fm * 100:.2f} ± {fsd * 100:.2f}\t{sm:.1f}")
        print("\npaired t-tests over the seeds both arms have (arm − other), points")
        print("arm\tvs\tseeds\tmetric\tmean diff\tSE\tt\tp")
        names = list(arms)
        pairs = [(x, o) for x in names for o in names if x.startswith("consistency") and x != o and not o.startswith("consistency")]
        pairs += [(x, o) for x, o in PAIRS if x in arms and o in arms and (x, o) not in pairs]
        pairs += [(x, o) for x in names for o in names if x.startswith("consistency") and o.startswith("consistency") and names.index(x) < names.index(o)]
        for x, o in pairs:
            seeds = sorted(set(arms[x]) & set(arms[o]))
            if len(seeds) < 2:
                continue
            for k, metric in [(0, "accuracy"), (1, "macro-F1")]:
                c = [arms[x][s][k] for s in seeds]
                q = [arms[o][s][k] for s in seeds]
                diff = [p - r for p, r in zip(c, q)]
                m = sum(diff) / len(diff)
                se = math.sqrt(sum((y - m) ** 2 for y in diff) / (len(diff) - 1) / len(diff))
                t, p = stats.ttest_rel(c, q)
                print(f"{x}\t{o}\t{len(seeds)}\t{metric}\t{m * 100:+.2f}\t{se * 100:.2f}\t{t:.2f}\t{p:.4f}")
        print()


if __name__ == "__main__":
    main()
