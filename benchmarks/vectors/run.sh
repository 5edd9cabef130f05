#!/usr/bin/env bash
# Word-vector benchmark: load a generated 100k x 300 word2vec binary file, then top-10 cosine neighbours of
# 1,000 words, by textaugment and by numpy in the same run. Needs Debian python3-numpy with OpenBLAS
# (apt-get install python3-numpy libopenblas0-pthread: without it numpy falls back to the slow reference BLAS).
set -euo pipefail
cd "$(dirname "$0")/../.."
work=benchmarks/work
mkdir -p "$work"
file="$work/vectors-100k-300.bin"
[ -f "$file" ] || /usr/bin/python3 benchmarks/vectors/generate_vectors.py 100000 "$file"
dotnet build benchmarks/TextAugment.Benchmarks -c Release -v quiet -nologo >/dev/null
echo -e "tool\tload s\tsearch s (1,000 queries, top 10)\tchecksum"
for run in 1 2 3; do
  dotnet benchmarks/TextAugment.Benchmarks/bin/Release/net10.0/TextAugment.Benchmarks.dll vectors "$file" 1000
  /usr/bin/python3 benchmarks/vectors/numpy_topk.py "$file" 1000
done
