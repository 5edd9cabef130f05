#!/usr/bin/python3
"""The peer: PyTorch 1.13 (CPU, 2 threads, inference mode) running the same weights (models/mlm/model.pt)
on the same batches. Usage: peer_torch.py BATCHES.jsonl BATCH_SIZE [SIZED_DIR]   Prints masked-word predictions per second.
SIZED_DIR: a model built by build_sized.py (its model.pt and config.json) instead of the default model."""
import json
import os
import sys
import time

import torch

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "models", "mlm"))
from build_mlm import MaskedLM  # noqa: E402

torch.set_num_threads(2)
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
size = int(sys.argv[2])
if len(sys.argv) > 3:  # a model from build_sized.py
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import build_sized  # noqa: E402
    config = json.load(open(os.path.join(sys.argv[3], "config.json"), encoding="utf-8"))
    name = "bert-base" if config["model_type"] == "bert" else "distilbert"
    if config["hidden_size"] < 768:
        name = "tiny"
    model = build_sized.MaskedLM(build_sized.SIZES[name])
    model.load_state_dict(torch.load(os.path.join(sys.argv[3], "model.pt")))
    types = build_sized.SIZES[name]["token_types"]
else:
    vocab = sum(1 for l in open(os.path.join(ROOT, "models", "mlm", "vocab.txt"), encoding="utf-8") if l.strip())
    model = MaskedLM(vocab)
    model.load_state_dict(torch.load(os.path.join(ROOT, "models", "mlm", "model.pt")))
    types = True
model.eval()
batches = []
for i in range(0, len(rows), size):
    chunk = rows[i:i + size]
    t = max(len(r["ids"]) for r in chunk)
    ids = torch.zeros(len(chunk), t, dtype=torch.long)
    mask = torch.zeros(len(chunk), t, dtype=torch.long)
    for b, r in enumerate(chunk):
        ids[b, :len(r["ids"])] = torch.tensor(r["ids"])
        mask[b, :len(r["ids"])] = 1
    batches.append((ids, mask, [r["mask"] for r in chunk]))
checksum = 0
with torch.inference_mode():
    model(*batches[0][:2], *([torch.zeros_like(batches[0][0])] if types else []))  # warm up
    start = time.perf_counter()
    for ids, mask, positions in batches:
        logits = model(ids, mask, *([torch.zeros_like(ids)] if types else []))
        for b, p in enumerate(positions):
            checksum += int(logits[b, p].argmax())
    seconds = time.perf_counter() - start
print(f"pytorch\t{size}\t{len(rows) / seconds:.1f}\t{checksum}")
