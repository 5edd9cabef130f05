#!/usr/bin/env bash
# Peak memory (maximum resident set size, /usr/bin/time -v) of the EDA pipeline over 100k / 1M / 4M lines and of
# `train` on 100k / 1M rows, on generated corpora of 20-word sentences with 3 labels (benchmarks/e2e/generate_corpus.py).
#
#   benchmarks/memory.sh [CLI]            # CLI: the textaugment executable (default: a Release build of this tree)
#   SIZES_EDA="100000 1000000" SIZES_TRAIN=100000 benchmarks/memory.sh   # fewer sizes
#
# The augment runs write to /dev/null (20M rows at 4M lines); train runs use --epochs 1 (memory does not grow with
# epochs) and otherwise the defaults (linear model, dim 64, 2^20 buckets, TF-IDF bag, AdamW, no held-out split: every
# row is trained on). TRAIN_ARGS adds options to every train run, e.g. TRAIN_ARGS="--buckets 262144".
#
#   SIZES_EDA=" " SIZES_TRAIN="100000 1000000 4000000" benchmarks/memory.sh   # train only
# Prints one line per run: what, rows, peak RSS in MB, wall seconds. Times are noisy on a shared machine; memory is not.
set -euo pipefail
cd "$(dirname "$0")/.."
work=benchmarks/work
mkdir -p "$work"
cli="${1:-}"
if [ -z "$cli" ]; then
  dotnet build src/TextAugment.Cli -c Release -v quiet -nologo >/dev/null
  cli=src/TextAugment.Cli/bin/Release/net10.0/textaugment
fi
corpus() { # corpus LINES: generated once, then reused
  local f="$work/corpus-mem-$1.tsv"
  [ -f "$f" ] || python3 benchmarks/e2e/generate_corpus.py "$1" "$f"
  echo "$f"
}
measure() { # measure WHAT ROWS COMMAND...
  local what="$1" rows="$2"; shift 2
  /usr/bin/time -v -o "$work/time.txt" "$@" > /dev/null 2> "$work/log.txt" || { echo "FAILED: $what $rows" >&2; tail -3 "$work/log.txt" >&2; return 1; }
  awk -v w="$what" -v r="$rows" '/Maximum resident set size/ { m = $NF } /Elapsed \(wall clock\)/ { t = $NF }
    END { printf "%s\t%d\t%.0f MB\t%s\n", w, r, m / 1024, t }' "$work/time.txt"
}
printf 'what\trows\tpeak RSS\twall (h:mm:ss)\n'
for n in ${SIZES_EDA:-100000 1000000 4000000}; do
  measure "augment eda-equivalent.yaml" "$n" "$cli" augment benchmarks/e2e/eda-equivalent.yaml --no-progress \
    -i "$(corpus "$n")" -o /dev/null --output-format tsv
done
for n in ${SIZES_TRAIN:-100000 1000000}; do
  # shellcheck disable=SC2086 # TRAIN_ARGS is a list of words
  measure "train --epochs 1 ${TRAIN_ARGS:-}" "$n" "$cli" train "$(corpus "$n")" -o "$work/memory-model.tam" --epochs 1 ${TRAIN_ARGS:-}
done
