#!/usr/bin/env bash
# The held-out test score of configurations chosen on the dev splits (dev_search.sh), after choosing them:
# the test splits played no part in the choice. SEEDS seeds (default 3), 500-example training sets.
# Usage: candidates.sh CLI "NAME|OPTIONS" DATASET...   Prints: dataset, train size, name, accuracy % and
# macro-F1 % (mean ± std over seeds), mean train seconds (TSV). Run from the repository root.
set -euo pipefail
cli=$1; IFS='|' read -r name opts <<< "$2"; shift 2
work=benchmarks/work/classifier
meanstd() { awk '{ x[NR] = $1 * 100; s += x[NR] } END { m = s / NR; for (i = 1; i <= NR; i++) v += (x[i] - m) ^ 2; printf "%.2f ± %.2f", m, (NR > 1 ? sqrt(v / (NR - 1)) : 0) }'; }
for dataset in "$@"; do
  out=$(mktemp -d "$work/candidate-$dataset.XXXXXX"); total=0
  for seed in $(seq 0 $((${SEEDS:-3} - 1))); do
    s=$(date +%s.%N)
    # shellcheck disable=SC2086
    "$cli" train "$work/$dataset/train-500.tsv" -o "$out/m.tam" --report "$out/r" --seed "$seed" $opts > "$out/train.log" 2>&1
    total=$(awk -v t="$total" -v s="$s" -v e="$(date +%s.%N)" 'BEGIN { print t + e - s }')
    "$cli" evaluate "$out/m.tam" "$work/$dataset/test.tsv" --json 2>/dev/null \
      | /usr/bin/python3 -c 'import sys, json; j = json.load(sys.stdin); print(j["accuracy"], j["macro_f1"])' >> "$out/scores"
  done
  n=$(($(wc -l < "$work/$dataset/train-500.tsv") - 1))
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$dataset" "$n" "$name" "$(cut -d' ' -f1 "$out/scores" | meanstd)" "$(cut -d' ' -f2 "$out/scores" | meanstd)" \
    "$(awk -v t="$total" -v k="${SEEDS:-3}" 'BEGIN { printf "%.2f", t / k }')"
done
