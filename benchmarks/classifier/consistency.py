#!/usr/bin/python3
"""Consistency training (UDA) against its controls, side by side in one run, on one dataset directory.

Usage: consistency.py DATASET_DIR [--sizes 500,100] [--seeds 5] [--cli PATH] [--work DIR] [--options "..."]

DATASET_DIR holds train.tsv and test.tsv (columns id, text, label; as benchmarks/classifier/prepare.py writes).
For each size n and seed s: n labelled examples are drawn from train.tsv (random, seed s), the rest of train.tsv
becomes unlabelled text (labels dropped); the test set is untouched. Arms, all with the same textaugment trainer
options (--options, default "--hidden 0" as run.sh):
  supervised      textaugment train on the n labelled examples
  augmented       the quickstart's stages (WordNet synonyms + one EDA operation), 4 variants + the original
  copy control    each labelled example repeated as often as it has augmented rows (same rows, no new text)
  consistency     textaugment train --unlabelled (UDA: tfidf views of the unlabelled text; --consistency-options)
  idf only        textaugment train --unlabelled --consistency-weight 0: the unlabelled text counts in the TF-IDF bag's
                  idf and nothing else (no consistency loss): what the idf alone gives
  self-training   scikit-learn SelfTrainingClassifier(LogisticRegression) on TF-IDF (word 1-2 grams), the peer
Prints mean ± std per arm (accuracy, macro-F1, training seconds) and paired t-tests over seeds of consistency
against supervised, copy control, idf only and self-training, and of idf only against supervised. Times are wall seconds on a shared machine.
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
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.semi_supervised import SelfTrainingClassifier

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def read(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    header = rows[0]
    i, t, l = header.index("id"), header.index("text"), header.index("label")
    return [(r[i], r[t], r[l]) for r in rows[1:]]


def write_tsv(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("id\ttext\tlabel\n")
        for r in rows:
            f.write("\t".join(r) + "\n")


def run(cmd):
    start = time.perf_counter()
    done = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if done.returncode != 0:
        sys.exit(f"failed ({done.returncode}): {' '.join(cmd)}\n{done.stderr}")
    return time.perf_counter() - start, done.stdout


def predict(cli, model, texts):
    done = subprocess.run([cli, "predict", model], input="\n".join(texts) + "\n", stdout=subprocess.PIPE, text=True, check=True)
    import json
    return [json.loads(line)["label"] for line in done.stdout.splitlines()]


def scores(gold, predicted):
    return accuracy_score(gold, predicted), f1_score(gold, predicted, average="macro")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dataset")
    ap.add_argument("--sizes", default="500,100")
    ap.add_argument("--seeds", type=int, default=5)
    ap.add_argument("--cli", default=os.path.join(ROOT, "src/TextAugment.Cli/bin/Release/net10.0/textaugment"))
    ap.add_argument("--work", default=os.path.join(ROOT, "benchmarks/work/consistency"))
    ap.add_argument("--options", default="--hidden 0")
    ap.add_argument("--consistency-options", default="")
    ap.add_argument("--arms", default="all", help="comma-separated subset of the arms (each arm is deterministic for a seed, so runs can be combined)")
    a = ap.parse_args()
    a.work = os.path.abspath(a.work)
    name = os.path.basename(os.path.normpath(a.dataset))
    pool = read(os.path.join(a.dataset, "train.tsv"))
    test = read(os.path.join(a.dataset, "test.tsv"))
    test_texts, test_gold = [t for _, t, _ in test], [l for _, _, l in test]
    options = a.options.split()
    arms = ["supervised", "augmented", "copy control", "consistency", "idf only", "self-training (sklearn)"]
    if a.arms != "all":
        arms = [arm for arm in arms if arm in a.arms.split(",")]
    print(f"# {name}: pool {len(pool)}, test {len(test)}; textaugment options: {a.options} {a.consistency_options}", flush=True)
    print("dataset\tlabelled\tseed\tarm\taccuracy\tmacro-F1\tseconds", flush=True)
    for size in [int(s) for s in a.sizes.split(",")]:
        results = {arm: [] for arm in arms}
        for seed in range(1, a.seeds + 1):
            work = os.path.join(a.work, name, f"{size}-{seed}")
            os.makedirs(work, exist_ok=True)
            order = list(range(len(pool)))
            random.Random(seed).shuffle(order)
            labelled = [pool[i] for i in order[:size]]
            unlabelled = [pool[i] for i in order[size:]]
            write_tsv(os.path.join(work, "labelled.tsv"), labelled)
            with open(os.path.join(work, "unlabelled.txt"), "w", encoding="utf-8") as f:
                f.write("\n".join(t for _, t, _ in unlabelled) + "\n")

            def train(arm, data, extra=()):
                model = os.path.join(work, arm.replace(" ", "-") + ".tam")
                seconds, _ = run([a.cli, "train", data, "-o", model, "--report", model + "-report", "--seed", str(seed), *options, *extra])
                acc, f1 = scores(test_gold, predict(a.cli, model, test_texts))
                results[arm].append((acc, f1, seconds))
                print(f"{name}\t{size}\t{seed}\t{arm}\t{acc:.4f}\t{f1:.4f}\t{seconds:.1f}", flush=True)

            def train_if(arm, *args):
                if arm in arms:
                    train(arm, *args)

            train_if("supervised", os.path.join(work, "labelled.tsv"))
            if "augmented" in arms or "copy control" in arms:
                with open(os.path.join(work, "augment.yaml"), "w", encoding="utf-8") as f:
                    f.write(f"""seed: {seed}
input: {{ path: {work}/labelled.tsv }}
augment:
  variants: 4
  stages:
    - synonym: {{ dictionary: {ROOT}/dictionaries/en-wordnet.tsv, p: 0.15 }}
    - one_of:
        - random_swap: {{ n: 1 }}
        - random_deletion: {{ p: 0.1 }}
        - random_insertion: {{ dictionary: {ROOT}/dictionaries/en-wordnet.tsv, n: 1 }}
output: {{ path: {work}/augmented.tsv }}
""")
                run([a.cli, "run", os.path.join(work, "augment.yaml"), "--no-progress"])
                augmented = read(os.path.join(work, "augmented.tsv"))
                by_id = {i: (i, t, l) for i, t, l in labelled}
                write_tsv(os.path.join(work, "copies.tsv"), [by_id[i] for i, _, _ in augmented])
                train_if("augmented", os.path.join(work, "augmented.tsv"))
                train_if("copy control", os.path.join(work, "copies.tsv"))
            train_if("consistency", os.path.join(work, "labelled.tsv"), ["--unlabelled", os.path.join(work, "unlabelled.txt"), *a.consistency_options.split()])
            train_if("idf only", os.path.join(work, "labelled.tsv"), ["--unlabelled", os.path.join(work, "unlabelled.txt"), "--consistency-weight", "0"])
            if "self-training (sklearn)" not in arms:
                continue

            start = time.perf_counter()
            vectorizer = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)
            x = vectorizer.fit_transform([t for _, t, _ in labelled] + [t for _, t, _ in unlabelled])
            labels = sorted({l for _, _, l in labelled})
            y = [labels.index(l) for _, _, l in labelled] + [-1] * len(unlabelled)
            # lbfgs capped at 300 iterations per refit: with 2000 one seed took 2 to 8 minutes on the shared machine
            peer = SelfTrainingClassifier(LogisticRegression(max_iter=300, C=10)).fit(x, y)
            seconds = time.perf_counter() - start
            predicted = [labels[k] for k in peer.predict(vectorizer.transform(test_texts))]
            acc, f1 = scores(test_gold, predicted)
            results["self-training (sklearn)"].append((acc, f1, seconds))
            print(f"{name}\t{size}\t{seed}\tself-training (sklearn)\t{acc:.4f}\t{f1:.4f}\t{seconds:.1f}", flush=True)

        print(f"\n## {name}, {size} labelled, {a.seeds} seeds: mean ± std")
        print("arm\taccuracy\tmacro-F1\ttrain s")
        for arm in arms:
            r = results[arm]
            def ms(k):
                v = [x[k] for x in r]
                m = sum(v) / len(v)
                sd = math.sqrt(sum((x - m) ** 2 for x in v) / (len(v) - 1)) if len(v) > 1 else 0
                return m, sd
            (am, asd), (fm, fsd), (sm, _) = ms(0), ms(1), ms(2)
            print(f"{arm}\t{am * 100:.2f} ± {asd * 100:.2f}\t{fm * 100:.2f} ± {fsd * 100:.2f}\t{sm:.1f}")
        print("\npaired t-tests over seeds (arm − other), points")
        print("arm\tvs\tmetric\tmean diff\tSE\tt\tp")
        pairs = [("consistency", o) for o in ["supervised", "copy control", "augmented", "idf only", "self-training (sklearn)"]] + [("idf only", "supervised")]
        for arm, other in [(x, o) for x, o in pairs if x in arms and o in arms]:
            for k, metric in [(0, "accuracy"), (1, "macro-F1")]:
                c = [x[k] for x in results[arm]]
                o = [x[k] for x in results[other]]
                d = [p - q for p, q in zip(c, o)]
                m = sum(d) / len(d)
                se = math.sqrt(sum((x - m) ** 2 for x in d) / (len(d) - 1) / len(d)) if len(d) > 1 else float("nan")
                t, p = stats.ttest_rel(c, o)
                print(f"{arm}\t{other}\t{metric}\t{m * 100:+.2f}\t{se * 100:.2f}\t{t:.2f}\t{p:.4f}")
        print(flush=True)


if __name__ == "__main__":
    main()
