#!/usr/bin/python3
"""Inputs for the masked-LM benchmark: 1,024 sentences from the quickstart test split, word-pieced with the
default model's vocabulary, one whole word masked in each, sorted by length (so that padding is small and
both sides pad the same way). Usage: make_batches.py OUTPUT.jsonl [SENTENCES [INPUT.tsv]]   (default 1,024 from the quickstart sample;
INPUT.tsv: id, text, label with a header line instead)"""
import json
import os
import random
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "models", "mlm"))
from build_mlm import SPLIT, wordpiece  # noqa: E402

vocab = open(os.path.join(ROOT, "models", "mlm", "vocab.txt"), encoding="utf-8").read().split("\n")
index = {w: i for i, w in enumerate(vocab) if w}
rng = random.Random(5)
rows = []
sources = [sys.argv[3]] if len(sys.argv) > 3 else [os.path.join(ROOT, "pipelines", "data", f"wordnet-topics-{s}.tsv") for s in ("test", "train")]
texts = [t for path in sources for t in [l.split("\t")[1] for l in open(path, encoding="utf-8")][1:]]
for text in texts[:int(sys.argv[2]) if len(sys.argv) > 2 else 1024]:
    words = SPLIT.findall(text.lower())
    target = rng.randrange(len(words))
    ids, mask = [index["[CLS]"]], 0
    for k, w in enumerate(words):
        if k == target:
            mask = len(ids)
            ids.append(index["[MASK]"])
        else:
            ids += wordpiece(w, index)
    ids.append(index["[SEP]"])
    rows.append({"ids": ids[:48], "mask": min(mask, 46)})
rows.sort(key=lambda r: len(r["ids"]))
with open(sys.argv[1], "w", encoding="utf-8") as out:
    for r in rows:
        out.write(json.dumps(r) + "\n")
