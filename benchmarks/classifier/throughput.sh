#!/usr/bin/env bash
# Classifier training throughput beside fastText, one thread, side by side in one run, and the test accuracy of the
# same configuration: dim 64, words and word bigrams, the mean bag, 5 epochs, no hidden layer (fastText's model), no
# validation split.
#   * throughput: REPS rounds on topics (full size), each round running fastText, then textaugment with AdamW (lazy
#     embedding updates), SGD (fastText's optimiser, lr 0.1) and AdamW with a 64-unit hidden layer, and,
#     with BEFORE=path-to-another-build's-textaugment, that build's AdamW and SGD. Printed: each tool's median words/s
#     and the median over rounds of its ratio to the fastText run of the same round.
#   * accuracy: for each of DATASETS and SEEDS seeds, test accuracy of fastText (-seed), textaugment AdamW lazy
#     and dense (`--embedding-updates dense`: every embedding row every step, as dense AdamW), SGD, and BEFORE's AdamW.
# Usage: benchmarks/classifier/throughput.sh  (datasets from prepare.py under WORK, default benchmarks/work/classifier)
# Settings (environment): WORK, REPS (5), DATASETS ("topics debian spam"), SEEDS (3), DENSE (1: include dense AdamW),
# BEFORE (optional). Needs: apt-get install fasttext.
# (Until the `deferred` embedding updates were removed, the script also ran AdamW deferred, and the hidden-layer
# configuration with deferred updates: results/throughput-2026-12-01*.txt were made so.)
set -euo pipefail
cd "$(dirname "$0")/../.."
work=${WORK:-benchmarks/work/classifier}
REPS=${REPS:-5}
DATASETS=${DATASETS:-topics debian spam}
SEEDS=${SEEDS:-3}
DENSE=${DENSE:-1}
BEFORE=${BEFORE:-}
for dataset in topics $DATASETS; do
  [ -f "$work/$dataset/test.tsv" ] || /usr/bin/python3 benchmarks/classifier/prepare.py "$work" "$dataset"
done
dotnet build src/TextAugment.Cli -c Release -m:1 -nodeReuse:false -v quiet -nologo >/dev/null
cli=src/TextAugment.Cli/bin/Release/net10.0/textaugment
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
common=(--dim 64 --hidden 0 --word-ngrams 2 --epochs 5 --patience 0 --validation-fraction 0)
ft() { fasttext supervised -input "$1/train.ft" -output "$tmp/ft" -dim 64 -wordNgrams 2 -epoch 5 -thread 1 -seed "$2" -verbose 2 2>&1; }
ftspeed() { ft "$1" 0 | tr '\r' '\n' | grep -o 'words/sec/thread: *[0-9]*' | tail -1 | grep -o '[0-9]*$'; }
# The bag is the mean of the feature rows, as fastText's (--weighting mean: the default has been TF-IDF since 7fb232a;
# a build from before that has no such option and only the mean).
taspeed() {
  local c=$1; shift; local bag=(); [ "$c" = "$cli" ] && bag=(--weighting mean)
  "$c" train "$@" "${bag[@]}" 2>&1 | grep -o 'training throughput: [0-9,]*' | grep -o '[0-9,]*$' | tr -d ,
}
median() { sort -g | awk '{ x[NR] = $1 } END { print (NR % 2 ? x[(NR + 1) / 2] : (x[NR / 2] + x[NR / 2 + 1]) / 2) }'; }

# Throughput: raw rows "round tool words/s ratio-to-the-round's-fastText" in $tmp/speed.
topics="$work/topics"
tools=("adamw-lazy" "sgd" "hidden64")
[ -n "$BEFORE" ] && tools+=("before-adamw" "before-sgd")
for r in $(seq 1 "$REPS"); do
  f=$(ftspeed "$topics"); printf '%s\tfasttext\t%s\t1\n' "$r" "$f" >> "$tmp/speed"
  for t in "${tools[@]}"; do
    case $t in
      adamw-lazy) w=$(taspeed "$cli" "$topics/train.tsv" -o "$tmp/m.tam" "${common[@]}" --embedding-updates lazy) ;;
      sgd) w=$(taspeed "$cli" "$topics/train.tsv" -o "$tmp/m.tam" "${common[@]}" --optimizer sgd --lr 0.1) ;;
      hidden64) w=$(taspeed "$cli" "$topics/train.tsv" -o "$tmp/m.tam" "${common[@]}" --hidden 64) ;;
      before-adamw) w=$(taspeed "$BEFORE" "$topics/train.tsv" -o "$tmp/m.tam" "${common[@]}") ;;
      before-sgd) w=$(taspeed "$BEFORE" "$topics/train.tsv" -o "$tmp/m.tam" "${common[@]}" --optimizer sgd --lr 0.1) ;;
    esac
    printf '%s\t%s\t%s\t%s\n' "$r" "$t" "$w" "$(awk -v a="$w" -v b="$f" 'BEGIN { printf "%.4f", a / b }')" >> "$tmp/speed"
  done
done
echo "training throughput, topics full, one thread, dim 64, word bigrams, 5 epochs, $REPS interleaved rounds:"
printf 'tool\tmedian words/s\tmedian ratio to fastText (same round)\tratios\n'
for t in fasttext "${tools[@]}"; do
  printf '%s\t%s\t%s\t%s\n' "$t" "$(awk -v t="$t" '$2 == t { print $3 }' "$tmp/speed" | median)" \
    "$(awk -v t="$t" '$2 == t { print $4 }' "$tmp/speed" | median)" "$(awk -v t="$t" '$2 == t { printf "%s ", $4 }' "$tmp/speed")"
done

# Accuracy of the same configuration (test split), and each textaugment run's words/s.
echo
printf 'dataset\tseed\ttool\taccuracy %%\twords/s\n'
acc() { "$1" evaluate "$tmp/m.tam" "$2/test.tsv" --json 2>/dev/null | /usr/bin/python3 -c 'import sys, json; print("%.2f" % (100 * json.load(sys.stdin)["accuracy"]))'; }
for dataset in $DATASETS; do
  d="$work/$dataset"
  for seed in $(seq 0 $((SEEDS - 1))); do
    ft "$d" "$seed" >/dev/null
    printf '%s\t%s\tfastText\t%s\t\n' "$dataset" "$seed" "$(fasttext test "$tmp/ft.bin" "$d/test.ft" | awk '/^P@1/ { printf "%.2f", 100 * $2 }')"
    modes=(adamw-lazy sgd-lazy); [ "$DENSE" = 1 ] && modes+=(adamw-dense); [ -n "$BEFORE" ] && modes+=(before-adamw)
    for mode in "${modes[@]}"; do
      c=$cli; extra=()
      case $mode in
        adamw-lazy) extra=(--embedding-updates lazy) ;;
        sgd-lazy) extra=(--optimizer sgd --lr 0.1 --embedding-updates lazy) ;;
        adamw-dense) extra=(--embedding-updates dense) ;;
        before-adamw) c=$BEFORE ;;
      esac
      w=$(taspeed "$c" "$d/train.tsv" -o "$tmp/m.tam" "${common[@]}" --seed "$seed" "${extra[@]}")
      printf '%s\t%s\t%s\t%s\t%s\n' "$dataset" "$seed" "textaugment $mode" "$(acc "$cli" "$d")" "$w"
    done
  done
done
