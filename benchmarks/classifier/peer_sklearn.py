#!/usr/bin/python3
"""The peer: scikit-learn TF-IDF (word 1-2 grams) + LogisticRegression. Usage: peer_sklearn.py TRAIN.tsv TEST.tsv PREDICTIONS
Prints: train seconds<TAB>model bytes (pickled)."""
import pickle
import sys
import time
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline


def read(path):
    rows = [line.rstrip("\n").split("\t") for line in open(path, encoding="utf-8")][1:]
    return [r[1] for r in rows], [r[2] for r in rows]


x, y = read(sys.argv[1])
tx, _ = read(sys.argv[2])
start = time.perf_counter()
model = make_pipeline(TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True), LogisticRegression(max_iter=2000, C=10))
model.fit(x, y)
seconds = time.perf_counter() - start
with open(sys.argv[3], "w", encoding="utf-8") as out:
    out.write("\n".join(model.predict(tx)) + "\n")
print(f"{seconds:.2f}\t{len(pickle.dumps(model))}")
