#!/usr/bin/env bash
# Masked-LM benchmark: masked-word predictions per second through ONNX Runtime (textaugment) and through
# PyTorch running the same weights, on the same batches of 1,024 sentences, at batch size 32 and 1, in one run.
# Needs /usr/bin/python3 with python3-torch. Both use 2 threads.
set -euo pipefail
cd "$(dirname "$0")/../.."
work=benchmarks/work
mkdir -p "$work"
/usr/bin/python3 benchmarks/mlm/make_batches.py "$work/mlm-batches.jsonl"
dotnet build benchmarks/TextAugment.Benchmarks -c Release -v quiet -nologo >/dev/null
echo -e "tool\tbatch\tpredictions/s\targmax checksum"
for size in 32 1; do
  dotnet benchmarks/TextAugment.Benchmarks/bin/Release/net10.0/TextAugment.Benchmarks.dll mlm models/mlm/model.onnx models/mlm/vocab.txt "$work/mlm-batches.jsonl" "$size"
  /usr/bin/python3 benchmarks/mlm/peer_torch.py "$work/mlm-batches.jsonl" "$size"
done
