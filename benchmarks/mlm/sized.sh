#!/usr/bin/env bash
# Masked LM at real sizes: random-weight DistilBERT-sized and BERT-base-sized models (benchmarks/mlm/build_sized.py,
# built once into benchmarks/work/mlm-sized, ~1.5 GB, git-ignored), the same batches (SENTENCES sentences, one whole
# word masked in each, batch 32) through textaugment's MaskedLanguageModel.Logits (ONNX Runtime, 2 intra-op threads)
# with the full export, the masked-rows conversion (models/mlm/gather_masked.py) and its int8 variant, and through
# PyTorch (2 threads, OpenBLAS) on the same weights, in one run. Prints sequences/s and the argmax checksum (equal
# checksum = the same top-1 for every sentence); int8's top-1 agreement with float. Then the whole mlm stage in a
# pipeline at DistilBERT size (masked-rows model) on 20-word sentences: variants/s, with the fixed cost (start-up and
# model loading, a 1-line run) taken out, beside the model's own sequences/s on the same sentences.
# Needs /usr/bin/python3 with python3-torch, python3-onnx and libopenblas0-pthread (without it Debian's PyTorch uses
# the reference BLAS, ~45x slower).
#   SENTENCES=256 SIZES="distilbert bert-base" ROUNDS=3 benchmarks/mlm/sized.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
work=benchmarks/work/mlm-sized
sentences=${SENTENCES:-256} sizes=${SIZES:-distilbert bert-base} rounds=${ROUNDS:-3}
mkdir -p "$work"
for size in $sizes; do
  d=$work/$size
  [ -f "$d/model.onnx" ] || /usr/bin/python3 benchmarks/mlm/build_sized.py "$size" "$d"
  [ -f "$d/model-masked.onnx" ] || /usr/bin/python3 models/mlm/gather_masked.py "$d/model.onnx" "$d/model-masked.onnx"
  [ -f "$d/model-masked-int8.onnx" ] || /usr/bin/python3 models/mlm/gather_masked.py "$d/model.onnx" "$d/model-masked-int8.onnx" --int8
done
/usr/bin/python3 benchmarks/mlm/make_batches.py "$work/batches.jsonl" "$sentences"
dotnet build benchmarks/TextAugment.Benchmarks -c Release -m:1 -nodeReuse:false -v quiet -nologo >/dev/null
dotnet build src/TextAugment.Cli -c Release -m:1 -nodeReuse:false -v quiet -nologo >/dev/null
bench="dotnet benchmarks/TextAugment.Benchmarks/bin/Release/net10.0/TextAugment.Benchmarks.dll mlm"
: > "$work/rounds.tsv"
for ((round = 0; round < rounds; round++)); do  # interleaved, so that the load of the shared machine falls on all alike
  for size in $sizes; do
    d=$work/$size
    for m in model model-masked model-masked-int8; do
      echo -ne "$size\t" >> "$work/rounds.tsv"; $bench "$d/$m.onnx" "$d/vocab.txt" "$work/batches.jsonl" 32 "$work/top1-$size-$m.txt" >> "$work/rounds.tsv"
    done
    echo -ne "$size\t" >> "$work/rounds.tsv"; /usr/bin/python3 benchmarks/mlm/peer_torch.py "$work/batches.jsonl" 32 "$d" >> "$work/rounds.tsv"
  done
done
echo -e "size\ttool\tbatch\tsequences/s (median of $rounds; each round)\targmax checksum"
sort -t$'\t' -k1,2 -s "$work/rounds.tsv" | awk -F'\t' '
  { key = $1 "\t" $2 "\t" $3; if (!(key in n)) order[++k] = key; v[key, ++n[key]] = $4; all[key] = all[key] " " $4; sum[key] = $5 }
  END { for (i = 1; i <= k; i++) { key = order[i]; m = n[key]; for (a = 1; a <= m; a++) { x[a] = v[key, a] + 0; for (b = a; b > 1 && x[b - 1] > x[b]; b--) { t = x[b]; x[b] = x[b - 1]; x[b - 1] = t } } printf "%s\t%s (%s)\t%s\n", key, x[int((m + 1) / 2)], substr(all[key], 2), sum[key]; delete x } }'
for size in $sizes; do
  echo -e "$size\tint8 top-1 agreement with float: $(paste "$work/top1-$size-model.txt" "$work/top1-$size-model-masked-int8.txt" | awk '$1 == $2 { s++ } END { printf "%d/%d = %.1f%%", s, NR, 100 * s / NR }')"
done

# The whole stage: 20-word sentences (consecutive words of the quickstart sample cut into 20-word lines).
d=$work/distilbert
/usr/bin/python3 - "$work/twenty.tsv" "$sentences" <<'EOF'
import sys
words = [w for l in list(open("pipelines/data/wordnet-topics-train.tsv", encoding="utf-8"))[1:] for w in l.split("\t")[1].split()]
with open(sys.argv[1], "w", encoding="utf-8") as out:
    out.write("id\ttext\tlabel\n")
    for i in range(int(sys.argv[2])):
        out.write(f"s{i}\t{' '.join(words[20 * i:20 * i + 20])}\tx\n")
EOF
head -2 "$work/twenty.tsv" > "$work/one.tsv"
/usr/bin/python3 benchmarks/mlm/make_batches.py "$work/twenty.jsonl" "$sentences" "$work/twenty.tsv"
cli=src/TextAugment.Cli/bin/Release/net10.0/textaugment
for m in model-masked model-masked-int8; do
  for run in one twenty; do
    cat > "$work/stage-$run.yaml" <<EOF
seed: 11
input:
  path: $run.tsv
augment:
  variants: 1
  stages:
    - mlm:
        model: distilbert/$m.onnx
        vocab: distilbert/vocab.txt
        p: 0.15
        top_k: 10
        batch_size: 32
        threads: 2
output:
  path: stage-$run.jsonl
EOF
  done
  /usr/bin/time -f %e -o "$work/seconds-one" "$cli" run "$work/stage-one.yaml" --no-progress >/dev/null
  /usr/bin/time -f %e -o "$work/seconds-twenty" "$cli" run "$work/stage-twenty.yaml" --no-progress >/dev/null
  one=$(tail -1 "$work/seconds-one") all=$(tail -1 "$work/seconds-twenty")
  model=$($bench "$d/$m.onnx" "$d/vocab.txt" "$work/twenty.jsonl" 32 | cut -f3)
  echo -e "stage, distilbert $m, $sentences 20-word sentences x 1 variant\t1-line run ${one} s\t$sentences lines ${all} s\tvariants/s without the fixed cost: $(awk -v a="$all" -v o="$one" -v n="$sentences" 'BEGIN { printf "%.1f", (n - 1) / (a - o) }')\tthe model alone on the same sentences: $model sequences/s"
done
