#!/usr/bin/env bash
# Why the default trainer trails TF-IDF + LR at 500 examples, measured on dev splits of the TRAINING data only
# (test.tsv is never read): each training set is split 80/20 (dev_split.py, stratified) with split seeds
# FIRST (default 11), FIRST+1, ... (SPLITS of them), every configuration is trained once per split (seed 0) and scored on that
# split's 20 %; the peer and its weighting variants (peer_variants.py) on the same splits (PEERS=peer: the peer alone,
# peer_sklearn.py, which is what a full-size run can afford; PEERS=0: no peer).
# Usage: dev_search.sh WORK SIZE DATASET SPLITS   (WORK: the folder prepare.py wrote; SIZE: 500 or full)
# Environment: CLI (the textaugment executable; default this checkout's Release build), CONFS (a file of
# "name|options" lines; default the list below), PEERS (0 skips the scikit-learn variants), DEV_MODE (random, the
# default and every round before round 6; mirror: dev_split.py --mode mirror, a dev split built as prepare.py built
# DATASET's test split: sotu by address, debian balanced, topics and spam as random).
# Prints: dataset, size, split seed, configuration, dev accuracy, kept epoch, seconds (TSV).
set -u
repo=$PWD
cli=${CLI:-$repo/src/TextAugment.Cli/bin/Release/net10.0/textaugment}
work=$1; size=$2; d=$3; splits=$4
src=$work/$d/train$([ "$size" = 500 ] && echo -500 || true).tsv
tmp=$(mktemp -d "$work/dev-$d-$size.XXXXXX")   # one folder per run: runs side by side do not share a model file
first=${FIRST:-11}
for split in $(seq "$first" $((first + splits - 1))); do
  tr=$tmp/train-$split.tsv; dv=$tmp/dev-$split.tsv
  /usr/bin/python3 "$repo/benchmarks/classifier/dev_split.py" --mode "${DEV_MODE:-random}" --dataset "$d" "$src" "$tr" "$dv" "$split"
  if [ "${PEERS:-1}" = peer ]; then
    /usr/bin/python3 "$repo/benchmarks/classifier/peer_sklearn.py" "$tr" "$dv" "$tmp/peer.pred" > /dev/null
    echo -e "$d\t$size\t$split\tscikit-learn LR, tfidf-l2-sublinear C=10\t$(/usr/bin/python3 "$repo/benchmarks/classifier/score.py" "$dv" "$tmp/peer.pred" | cut -f1)\t\t"
  elif [ "${PEERS:-1}" != 0 ]; then
    /usr/bin/python3 "$repo/benchmarks/classifier/peer_variants.py" "$tr" "$dv" | while IFS=$'\t' read -r name acc; do
      echo -e "$d\t$size\t$split\tscikit-learn LR, $name\t$acc\t\t"
    done
  fi
  while IFS='|' read -r name opts; do
    start=$(date +%s.%N)
    # shellcheck disable=SC2086
    "$cli" train "$tr" -o "$tmp/m.tam" --report "$tmp/r" $opts > "$tmp/train.log" 2>&1
    kept=$(grep -o 'kept epoch [0-9]*' "$tmp/train.log" | head -1 | grep -o '[0-9]*$')
    acc=$("$cli" evaluate "$tmp/m.tam" "$dv" --json 2>/dev/null | /usr/bin/python3 -c 'import sys, json; print(json.load(sys.stdin)["accuracy"])')
    echo -e "$d\t$size\t$split\t$name\t$acc\t$kept\t$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')"
  done < <(if [ -n "${CONFS:-}" ]; then cat "$CONFS"; else cat <<'CONF'
defaults (hidden 64, lr 0.003, early stopping min 5, refit)|
hidden 0|--hidden 0
lr 0.01|--lr 0.01
hidden 0, lr 0.01|--hidden 0 --lr 0.01
hidden 0, lr 0.03|--hidden 0 --lr 0.03
word-ngrams 1|--word-ngrams 1
dropout 0|--dropout 0
hidden 0, 20 epochs, no validation|--hidden 0 --validation-fraction 0 --patience 0 --epochs 20
hidden 0, 50 epochs, no validation|--hidden 0 --validation-fraction 0 --patience 0 --epochs 50
hidden 64, 50 epochs, no validation|--validation-fraction 0 --patience 0 --epochs 50
hidden 0, lr 0.01, 30 epochs, no validation|--hidden 0 --lr 0.01 --validation-fraction 0 --patience 0 --epochs 30
CONF
  fi)
done
