#!/usr/bin/python3
"""What the curves show: per-epoch curves of supervised and consistency training (the trainer's defaults) on one dev
split of a dataset's TRAINING pool (test.tsv is never read): the split consistency_dev.py makes for split seed S
(500 labelled, the next 1,000 the dev set, the rest unlabelled). The dev set is given as --validation with
--no-restore-best, so it only records the curve: the kept model is the last epoch's, as with the defaults.

Usage: consistency_curves.py DATASET_DIR SPLIT CLI WORK [extra train options for the consistency arm]
Prints: epoch, then for each arm the validation loss and accuracy, and the consistency arm's KL term (unweighted) and
the share of unlabelled examples its confidence mask kept (TSV; the arms' curves.csv stay under WORK)."""
import csv
import os
import random
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from consistency import read, write_tsv  # noqa: E402

dataset, split, cli, out = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
pool = read(os.path.join(dataset, "train.tsv"))
order = list(range(len(pool)))
random.Random(split).shuffle(order)
labelled, dev, unlabelled = ([pool[i] for i in order[a:b]] for a, b in ((0, 500), (500, 1500), (1500, len(pool))))
os.makedirs(out, exist_ok=True)
write_tsv(f"{out}/labelled.tsv", labelled)
write_tsv(f"{out}/dev.tsv", dev)
with open(f"{out}/unlabelled.txt", "w", encoding="utf-8") as f:
    f.write("\n".join(t for _, t, _ in unlabelled) + "\n")
arms = (("supervised", []), ("consistency", ["--unlabelled", f"{out}/unlabelled.txt", *sys.argv[5:]]))
for name, options in arms:
    subprocess.run([cli, "train", f"{out}/labelled.tsv", "-o", f"{out}/{name}.tam", "--report", f"{out}/{name}-report",
                    "--seed", str(split), "--validation", f"{out}/dev.tsv", "--no-restore-best", *options],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
curves = {name: list(csv.DictReader(open(f"{out}/{name}-report/curves.csv", encoding="utf-8"))) for name, _ in arms}
print("epoch\tsupervised val loss\tsupervised val acc\tconsistency val loss\tconsistency val acc\tKL\tkept")
for s, c in zip(curves["supervised"], curves["consistency"]):
    print("\t".join([s["epoch"], s["validation_loss"], s["validation_accuracy"], c["validation_loss"],
                     c["validation_accuracy"], c["consistency_loss"], c["consistency_kept"]]))
