#!/usr/bin/python3
"""The peer: numpy (OpenBLAS) top-10 cosine neighbours of the first Q words of a word2vec binary file:
normalise, one matrix product, argpartition, sort the 11 best (the word itself is among them).
Usage: numpy_topk.py FILE Q   Prints: load seconds, search seconds, and a checksum of the neighbour ids."""
import sys
import time
import numpy as np

path, q = sys.argv[1], int(sys.argv[2])
start = time.perf_counter()
with open(path, "rb") as f:
    n, d = map(int, f.readline().split())
    raw = f.read()
# Every record here is "w<i> " + 4*d bytes + "\n": parse with one strided view (a best case for numpy).
words, matrix, pos = [], np.empty((n, d), dtype=np.float32), 0
for i in range(n):
    space = raw.index(b" ", pos)
    words.append(raw[pos:space].decode())
    matrix[i] = np.frombuffer(raw, dtype="<f4", count=d, offset=space + 1)
    pos = space + 1 + 4 * d + 1
matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
load = time.perf_counter() - start

start = time.perf_counter()
scores = matrix[:q] @ matrix.T
best = np.argpartition(-scores, 11, axis=1)[:, :11]
order = np.take_along_axis(scores, best, axis=1).argsort(axis=1)[:, ::-1]
top = np.take_along_axis(best, order, axis=1)[:, 1:]   # drop the word itself
search = time.perf_counter() - start
print(f"numpy\t{load:.3f}\t{search:.3f}\t{int(top.sum())}")
