#!/usr/bin/python3
"""Chooses consistency training's settings on dev splits of a dataset's TRAINING pool (test.tsv is never read).

Usage: consistency_dev.py DATASET_DIR [--splits 101,102] [--labelled 500] [--dev 1000] [--cli PATH] [--work DIR]
       [--confs FILE]

For each split seed s: train.tsv is shuffled with seed s; the first --labelled rows are the labelled examples, the next
--dev rows the dev set (scored, labels kept), the rest unlabelled text (labels dropped) — the split consistency.py makes
at test time, with a dev set carved out of what would be unlabelled. Every configuration ("name|options" lines; default
the list below: the trainer's defaults, the idf-only control, and one consistency setting changed at a time from UDA's
defaults) is trained once per split (--seed s) and scored on the dev set.
Prints: dataset, split, configuration, dev accuracy, dev macro-F1, seconds (TSV); then each configuration's mean over
the splits and its paired difference from the supervised arm.
"""
import argparse
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from consistency import ROOT, predict, read, run, scores, write_tsv  # noqa: E402

CONFS = """supervised|
idf only (weight 0)|--unlabelled U --consistency-weight 0
UDA defaults (ratio 3, linear TSA, weight 1, no mask)|--unlabelled U
ratio 7|--unlabelled U --consistency-ratio 7
ratio 15|--unlabelled U --consistency-ratio 15
TSA none|--unlabelled U --consistency-tsa none
weight 0.3|--unlabelled U --consistency-weight 0.3
weight 3|--unlabelled U --consistency-weight 3
confidence 0.6|--unlabelled U --consistency-confidence 0.6
confidence 0.8|--unlabelled U --consistency-confidence 0.8"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dataset")
    ap.add_argument("--splits", default="101,102")
    ap.add_argument("--labelled", type=int, default=500)
    ap.add_argument("--dev", type=int, default=1000)
    ap.add_argument("--cli", default=os.path.join(ROOT, "src/TextAugment.Cli/bin/Release/net10.0/textaugment"))
    ap.add_argument("--work", default=os.path.join(ROOT, "benchmarks/work/consistency-dev"))
    ap.add_argument("--confs", help="a file of 'name|options' lines (U stands for the unlabelled file)")
    a = ap.parse_args()
    name = os.path.basename(os.path.normpath(a.dataset))
    pool = read(os.path.join(a.dataset, "train.tsv"))
    confs = open(a.confs, encoding="utf-8").read() if a.confs else CONFS
    confs = [line.split("|", 1) for line in confs.strip().splitlines() if line.strip() and not line.startswith("#")]
    print(f"# {name}: pool {len(pool)}; {a.labelled} labelled, {a.dev} dev, {len(pool) - a.labelled - a.dev} unlabelled per split", flush=True)
    print("dataset\tsplit\tconfiguration\tdev accuracy\tdev macro-F1\tseconds", flush=True)
    results = {c: [] for c, _ in confs}
    for split in [int(s) for s in a.splits.split(",")]:
        work = os.path.abspath(os.path.join(a.work, name, f"{a.labelled}-{split}"))
        os.makedirs(work, exist_ok=True)
        order = list(range(len(pool)))
        random.Random(split).shuffle(order)
        labelled = [pool[i] for i in order[:a.labelled]]
        dev = [pool[i] for i in order[a.labelled:a.labelled + a.dev]]
        unlabelled = [pool[i] for i in order[a.labelled + a.dev:]]
        write_tsv(os.path.join(work, "labelled.tsv"), labelled)
        path = os.path.join(work, "unlabelled.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(t for _, t, _ in unlabelled) + "\n")
        texts, gold = [t for _, t, _ in dev], [l for _, _, l in dev]
        for conf, options in confs:
            model = os.path.join(work, "m.tam")
            args = [path if o == "U" else o for o in options.split()]
            seconds, _ = run([a.cli, "train", os.path.join(work, "labelled.tsv"), "-o", model, "--report", model + "-report", "--seed", str(split), *args])
            acc, f1 = scores(gold, predict(a.cli, model, texts))
            results[conf].append(acc)
            print(f"{name}\t{split}\t{conf}\t{acc:.4f}\t{f1:.4f}\t{seconds:.1f}", flush=True)

    print(f"\n## {name}: mean dev accuracy over splits {a.splits}, and the paired difference from supervised (points)")
    base = results[confs[0][0]]
    for conf, _ in confs:
        r = results[conf]
        diffs = [x - y for x, y in zip(r, base)]
        print(f"{conf}\t{sum(r) / len(r) * 100:.2f}\t{sum(diffs) / len(diffs) * 100:+.2f}\t" + " ".join(f"{d * 100:+.2f}" for d in diffs))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
