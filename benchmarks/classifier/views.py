#!/usr/bin/python3
"""Consistency training's views: on the fly (--consistency-views 0) against K views made once, side by side in one run.

Usage: views.py DATASET_DIR [--size 500] [--seeds 3] [--views 0,1,2,4] [--cli PATH] [--work DIR] [--options "..."]

The data are consistency.py's: for each seed s, SIZE labelled examples drawn from train.tsv (random, seed s) and the
rest of train.tsv as unlabelled text; the test set untouched. For each seed every K in --views trains the consistency
arm (textaugment train --unlabelled, --options, default "--hidden 0" as consistency.py) with --consistency-views K,
the K values in an order rotated from seed to seed so that a drift in the shared machine's load does not favour one.
Per run: test accuracy, wall seconds, CPU seconds (user + system of the textaugment process) and its peak resident
memory (both from wait4), and from
the report's curves the selection run's epochs and the seconds of their training steps (which include the epoch's
augmenting on the fly, and not the views made before training). Prints per-K means, and per seed the ratios to K = 0
(time) and paired differences (accuracy) with a paired t-test over seeds.
"""
import argparse
import csv
import math
import os
import random
import subprocess
import sys
import time

from scipy import stats

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from consistency import ROOT, predict, read, scores, write_tsv  # noqa: E402


def timed(cmd, log):
    """Runs cmd (standard error to log); returns (wall seconds, CPU seconds of the child: user + system, its peak RSS in MB)."""
    with open(log, "w", encoding="utf-8") as err:
        start = time.perf_counter()
        child = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        with open(log, encoding="utf-8") as err:
            sys.exit(f"failed ({child.returncode}): {' '.join(cmd)}\n{err.read()}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def curves(report):
    with open(os.path.join(report, "curves.csv"), encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return len(rows), sum(float(r["seconds"]) for r in rows)


def mean_sd(v):
    m = sum(v) / len(v)
    return m, (math.sqrt(sum((x - m) ** 2 for x in v) / (len(v) - 1)) if len(v) > 1 else 0.0)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dataset")
    ap.add_argument("--size", type=int, default=500)
    ap.add_argument("--seeds", type=int, default=3)
    ap.add_argument("--views", default="0,1,2,4")
    ap.add_argument("--cli", default=os.path.join(ROOT, "src/TextAugment.Cli/bin/Release/net10.0/textaugment"))
    ap.add_argument("--work", default=os.path.join(ROOT, "benchmarks/work/views"))
    ap.add_argument("--options", default="--hidden 0")
    a = ap.parse_args()
    name = os.path.basename(os.path.normpath(a.dataset))
    pool = read(os.path.join(a.dataset, "train.tsv"))
    test = read(os.path.join(a.dataset, "test.tsv"))
    test_texts, test_gold = [t for _, t, _ in test], [l for _, _, l in test]
    ks = [int(k) for k in a.views.split(",")]
    print(f"# {name}: {a.size} labelled, {len(pool) - a.size} unlabelled, test {len(test)}; options: {a.options}; views {ks}", flush=True)
    print("seed\tviews\taccuracy\twall s\tCPU s\tepochs\tepoch s\tpeak RSS MB", flush=True)
    results = {k: {} for k in ks}
    for seed in range(1, a.seeds + 1):
        work = os.path.join(os.path.abspath(a.work), name, f"{a.size}-{seed}")
        os.makedirs(work, exist_ok=True)
        order = list(range(len(pool)))
        random.Random(seed).shuffle(order)
        write_tsv(os.path.join(work, "labelled.tsv"), [pool[i] for i in order[:a.size]])
        with open(os.path.join(work, "unlabelled.txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(pool[i][1] for i in order[a.size:]) + "\n")
        shift = (seed - 1) % len(ks)
        for k in ks[shift:] + ks[:shift]:
            model = os.path.join(work, f"views-{k}.tam")
            wall, cpu, rss = timed([a.cli, "train", os.path.join(work, "labelled.tsv"), "-o", model, "--report", model + "-report",
                               "--seed", str(seed), *a.options.split(), "--unlabelled", os.path.join(work, "unlabelled.txt"),
                               "--consistency-views", str(k)], model + ".log")
            acc, _ = scores(test_gold, predict(a.cli, model, test_texts))
            epochs, epoch_seconds = curves(model + "-report")
            results[k][seed] = (acc, wall, cpu, epochs, epoch_seconds, rss)
            print(f"{seed}\t{k}\t{acc:.4f}\t{wall:.2f}\t{cpu:.2f}\t{epochs}\t{epoch_seconds:.2f}\t{rss:.0f}", flush=True)

    seeds = list(range(1, a.seeds + 1))
    print(f"\n## {name}, {a.size} labelled, {a.seeds} seeds: mean ± std")
    print("views\taccuracy\twall s\tCPU s\tselection epochs\tits epochs' s\tpeak RSS MB")
    for k in ks:
        cols = [mean_sd([results[k][s][j] for s in seeds]) for j in range(6)]
        print(f"{k}\t{cols[0][0] * 100:.2f} ± {cols[0][1] * 100:.2f}\t{cols[1][0]:.2f}\t{cols[2][0]:.2f}\t{cols[3][0]:.1f}\t{cols[4][0]:.2f}\t{cols[5][0]:.0f}")
    base = ks[0]
    print(f"\nagainst views {base}, paired over seeds: accuracy difference (points), and time ratios (geometric mean over seeds)")
    print("views\tacc diff\tSE\tt\tp\twall ratio\tCPU ratio")
    for k in ks[1:]:
        d = [results[k][s][0] - results[base][s][0] for s in seeds]
        m, sd = mean_sd(d)
        se = sd / math.sqrt(len(d)) if len(d) > 1 else float("nan")
        t, p = stats.ttest_rel([results[k][s][0] for s in seeds], [results[base][s][0] for s in seeds]) if sd > 0 else (float("nan"), float("nan"))

        def ratio(j):
            return math.exp(sum(math.log(results[k][s][j] / results[base][s][j]) for s in seeds) / len(seeds))
        print(f"{k}\t{m * 100:+.2f}\t{se * 100:.2f}\t{t:.2f}\t{p:.4f}\t{ratio(1):.3f}\t{ratio(2):.3f}")


if __name__ == "__main__":
    main()
