#!/usr/bin/python3
"""Accuracy and macro-F1 of predictions (one label per line) against a test TSV (id, text, label).
Usage: score.py TEST.tsv PREDICTIONS   Prints: accuracy<TAB>macro_f1"""
import sys

gold = [line.rstrip("\n").split("\t")[2] for line in open(sys.argv[1], encoding="utf-8")][1:]
pred = [line.strip() for line in open(sys.argv[2], encoding="utf-8")]
assert len(gold) == len(pred), f"{len(gold)} gold labels but {len(pred)} predictions"
labels = sorted(set(gold))
f1s = []
for label in labels:
    tp = sum(g == label and p == label for g, p in zip(gold, pred))
    fp = sum(g != label and p == label for g, p in zip(gold, pred))
    fn = sum(g == label and p != label for g, p in zip(gold, pred))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1s.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
print(f"{sum(g == p for g, p in zip(gold, pred)) / len(gold):.4f}\t{sum(f1s) / len(f1s):.4f}")
