#!/usr/bin/python3
"""All at once or in rounds? Masks two whole single-piece words in each of 1,000 held-out sentences and
measures how often the model's top-1 restores each word: when both are predicted from one call (all at
once), and when the first is predicted, written back, and the second predicted from a second call (rounds).
Usage: /usr/bin/python3 benchmarks/mlm/rounds.py   Prints top-1 accuracy both ways and the model calls."""
import os
import random
import sys

import torch

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "models", "mlm"))
from build_mlm import SPLIT, MaskedLM, wordpiece  # noqa: E402

torch.set_num_threads(2)
vocab = [w for w in open(os.path.join(ROOT, "models", "mlm", "vocab.txt"), encoding="utf-8").read().split("\n") if w]
index = {w: i for i, w in enumerate(vocab)}
model = MaskedLM(len(vocab))
model.load_state_dict(torch.load(os.path.join(ROOT, "models", "mlm", "model.pt")))
model.eval()
rng = random.Random(3)
texts = [l.split("\t")[1] for l in open(os.path.join(ROOT, "pipelines", "data", "wordnet-topics-test.tsv"), encoding="utf-8")][1:]
once = rounds = n = 0
with torch.inference_mode():
    for text in texts:
        ids = [index["[CLS]"]] + [p for w in SPLIT.findall(text.lower()) for p in wordpiece(w, index)] + [index["[SEP]"]]
        singles = [j for j in range(1, len(ids) - 1) if ids[j] >= 5 and not vocab[ids[j]].startswith("##")
                   and (j + 1 >= len(ids) or not vocab[ids[j + 1]].startswith("##"))]
        if len(singles) < 2 or len(ids) > 48:
            continue
        a, b = sorted(rng.sample(singles, 2))
        masked = torch.tensor([ids])
        masked[0, a] = masked[0, b] = index["[MASK]"]
        run = lambda x: model(x, torch.ones_like(x), torch.zeros_like(x))[0]
        logits = run(masked)
        first, second = logits[a].argmax().item(), logits[b].argmax().item()
        once += (first == ids[a]) + (second == ids[b])
        masked[0, a] = first
        second_round = run(masked)[b].argmax().item()
        rounds += (first == ids[a]) + (second_round == ids[b])
        n += 2
        if n >= 2000:
            break
print(f"{n} masked words: all at once top-1 {once / n:.3f} (1 call per sentence); in rounds top-1 {rounds / n:.3f} (2 calls per sentence)")
