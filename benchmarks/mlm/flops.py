#!/usr/bin/python3
"""How close the masked LM runs to the machine's float peak: the floating-point work of one sequence of
benchmarks/mlm/sized.sh (the batches it wrote, padded per batch of 32 as both tools run them), the rate each
measured sequences/s implies, and this machine's float32 matrix-multiply rate measured with OpenBLAS (numpy) on
the same thread count, as the ceiling an encoder made of matrix multiplications can approach.

Usage: flops.py ROUNDS.tsv BATCHES.jsonl [THREADS, default 2]   (sized.sh's benchmarks/work/mlm-sized/rounds.tsv and batches.jsonl)
Run it on a quiet machine: the matrix-multiply rate is the machine's only while nothing else runs.
"""
import json
import os
import statistics
import sys
import time

if len(sys.argv) < 3 or sys.argv[1] in ("-h", "--help"):
    sys.exit(__doc__)
rounds_path, batches_path = sys.argv[1], sys.argv[2]
threads = sys.argv[3] if len(sys.argv) > 3 else "2"
os.environ["OPENBLAS_NUM_THREADS"] = threads
import numpy as np  # noqa: E402  (after the thread count is set)

HIDDEN, FFN, VOCAB = 768, 3072, 30522
LAYERS = {"distilbert": 6, "bert-base": 12}
BATCH = 32

lengths = [len(json.loads(line)["ids"]) for line in open(batches_path, encoding="utf-8")]
padded = sum(max(lengths[i:i + BATCH]) * len(lengths[i:i + BATCH]) for i in range(0, len(lengths), BATCH)) / len(lengths)


def flops_per_sequence(layers, masked_rows_only):
    """Multiply-adds × 2 of the encoder's matrix multiplications and attention at the padded length, and the
    MLM head (dense transform + vocabulary projection) at every position or at the one masked row."""
    t = padded
    per_token_layer = 4 * HIDDEN * HIDDEN + 2 * HIDDEN * FFN      # Q, K, V, output; the two feed-forward matrices
    attention = 2 * t * t * HIDDEN                                  # scores and the weighted sum, per layer
    encoder = layers * (t * per_token_layer + attention)
    head_rows = 1 if masked_rows_only else t
    head = head_rows * (HIDDEN * HIDDEN + HIDDEN * VOCAB)
    return 2 * (encoder + head)


def gemm_rate(n=4096, repeats=5):
    a = np.random.default_rng(0).random((n, n), dtype=np.float32)
    b = np.random.default_rng(1).random((n, n), dtype=np.float32)
    a @ b
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        a @ b
        best = min(best, time.perf_counter() - start)
    return 2 * n ** 3 / best


peak = max(gemm_rate(n) for n in (2048, 4096))
print(f"padded tokens per sequence: {padded:.2f} (mean length {statistics.mean(lengths):.2f})")
print(f"float32 matrix multiply, OpenBLAS, {threads} threads, best of 4096 and 2048: {peak / 1e9:.1f} GFLOP/s")
print("size\ttool\tsequences/s\tGFLOP per sequence\tGFLOP/s\tshare of the measured matrix-multiply rate")
rates = {}
for line in open(rounds_path, encoding="utf-8"):
    size, tool, _, rate, _ = line.rstrip("\n").split("\t")
    rates.setdefault((size, tool), []).append(float(rate))
for (size, tool), values in sorted(rates.items()):
    if "int8" in tool:
        continue  # int8 arithmetic has another ceiling
    rate = statistics.median(values)
    work = flops_per_sequence(LAYERS[size], "masked rows" in tool)
    print(f"{size}\t{tool}\t{rate:.1f}\t{work / 1e9:.2f}\t{rate * work / 1e9:.1f}\t{rate * work / peak:.0%}")
