#!/usr/bin/env bash
# TF-IDF stage benchmark: fit corpus statistics over 1M generated 20-word sentences (tokens per second),
# then apply the stage to the same corpus (sentences per second), file to file, one variant per line.
set -euo pipefail
cd "$(dirname "$0")/../.."
work=benchmarks/work
mkdir -p "$work"
[ -f "$work/corpus-1m.tsv" ] || python3 benchmarks/e2e/generate_corpus.py 1000000 "$work/corpus-1m.tsv"
dotnet build src/TextAugment.Cli -c Release -v quiet -nologo >/dev/null
cli=src/TextAugment.Cli/bin/Release/net10.0/textaugment
lines=$(($(wc -l < "$work/corpus-1m.tsv") - 1))
tokens=$((lines * 20))

start=$(date +%s.%N)
"$cli" fit-tfidf "$work/corpus-1m.tsv" -o "$work/tfidf-stats.tsv" 2>/dev/null
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" -v t="$tokens" -v l="$lines" \
  'BEGIN { printf "fit\t%d sentences\t%d words\t%.2f s\t%.0f words/s\t%.0f sentences/s\n", l, t, e - s, t / (e - s), l / (e - s) }'

cat > "$work/tfidf-apply.yaml" <<YAML
seed: 1
augment:
  variants: 1
  keep_original: false
  stages:
    - tfidf: { p: 0.1, statistics: tfidf-stats.tsv }
YAML
for threads in 1 2; do
  start=$(date +%s.%N)
  "$cli" augment "$work/tfidf-apply.yaml" --no-progress --threads "$threads" --input "$work/corpus-1m.tsv" --output "$work/out-tfidf.tsv" 2>/dev/null
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" -v l="$lines" -v n="$threads" \
    'BEGIN { printf "apply (%d threads)\t%d sentences\t\t%.2f s\t\t%.0f sentences/s\n", n, l, e - s, l / (e - s) }'
done
