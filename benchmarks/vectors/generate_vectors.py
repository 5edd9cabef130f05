#!/usr/bin/python3
"""Write a word2vec binary file of N random 300-dimensional vectors (seeded) for the vector benchmarks.
Usage: generate_vectors.py N OUTPUT.bin"""
import sys
import numpy as np

n, path = int(sys.argv[1]), sys.argv[2]
rng = np.random.default_rng(7)
values = rng.standard_normal((n, 300), dtype=np.float32)
with open(path, "wb") as out:
    out.write(f"{n} 300\n".encode())
    for i in range(n):
        out.write(f"w{i} ".encode() + values[i].astype("<f4").tobytes() + b"\n")
