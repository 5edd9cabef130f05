#!/usr/bin/python3
"""Why a linear model on TF-IDF beats a mean embedding bag at 500 examples: scikit-learn's LogisticRegression
(C=10, as peer_sklearn.py) on word 1-2 grams under different weightings of the bag, scored on a dev split.
  tfidf-l2-sublinear: the peer (TfidfVectorizer(sublinear_tf=True)): idf weights, log tf, unit L2 norm.
  tfidf-l2:           idf weights, raw tf, L2 norm.
  tf-l2:              no idf, raw tf, L2 norm.
  tf-l1 (mean bag):   no idf, raw tf, L1 norm: the mean of the feature vectors, what textaugment's embedding bag averages.
  tfidf-l1:           idf weights, L1 norm.
Usage: peer_variants.py TRAIN.tsv DEV.tsv   Prints: variant<TAB>accuracy per line."""
import sys
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression


def read(path):
    rows = [line.rstrip("\n").split("\t") for line in open(path, encoding="utf-8")][1:]
    return [r[1] for r in rows], [r[2] for r in rows]


x, y = read(sys.argv[1])
dx, dy = read(sys.argv[2])
for name, kw in (("tfidf-l2-sublinear", dict(sublinear_tf=True)), ("tfidf-l2", {}), ("tf-l2", dict(use_idf=False)),
                 ("tf-l1 (mean bag)", dict(use_idf=False, norm="l1")), ("tfidf-l1", dict(norm="l1"))):
    for c in (10, 1000):
        vec = TfidfVectorizer(ngram_range=(1, 2), **kw)
        model = LogisticRegression(max_iter=3000, C=c).fit(vec.fit_transform(x), y)
        pred = model.predict(vec.transform(dx))
        print(f"{name} C={c}\t{sum(p == g for p, g in zip(pred, dy)) / len(dy):.4f}")
