#!/usr/bin/env bash
# Choosing defaults on validation splits of the TRAINING data only (sel-*-train / sel-*-dev); test.tsv untouched.
# Usage: choose_defaults.sh WORK (the folder prepare.py wrote); run from the repository root after a Release build.
# Splits each training set 80/20 (dev_split.py, stratified, seed 11) and scores every configuration on the 20 %.
set -u
repo=$PWD
cli=$repo/src/TextAugment.Cli/bin/Release/net10.0/textaugment
work=$1
for d in topics spam; do
  /usr/bin/python3 $repo/benchmarks/classifier/dev_split.py $work/$d/train-500.tsv $work/$d/sel-500-train.tsv $work/$d/sel-500-dev.tsv
  /usr/bin/python3 $repo/benchmarks/classifier/dev_split.py $work/$d/train.tsv $work/$d/sel-full-train.tsv $work/$d/sel-full-dev.tsv
done
cd $work
for s in 500 full; do for d in topics spam; do
  tr=$d/sel-$s-train.tsv; dv=$d/sel-$s-dev.tsv
  sk=$(/usr/bin/python3 $repo/benchmarks/classifier/peer_sklearn.py $tr $dv $work/sk.pred | cut -f1)
  echo -e "$d\t$s\tsklearn TF-IDF+LR\t$(/usr/bin/python3 $repo/benchmarks/classifier/score.py $dv $work/sk.pred)"
  while IFS='|' read -r name opts; do
    start=$(date +%s.%N)
    $cli train $tr -o $work/m.tam --report $work/r $opts > $work/train.log 2>&1
    kept=$(grep -o 'kept epoch [0-9]*' $work/train.log | head -1)
    acc=$($cli evaluate $work/m.tam $dv 2>&1 | grep -o 'accuracy [0-9.]* %, macro-F1 [0-9.]*')
    echo -e "$d\t$s\t$name\t$acc\t$kept\t$(awk -v s=$start -v e=$(date +%s.%N) 'BEGIN{printf "%.1f s", e-s}')"
  done <<'CONF'
hidden 64, no refit, min-epochs 1 (the old defaults)|--no-refit --min-epochs 1
hidden 64, refit, min-epochs 5 (the new defaults)|
linear, no refit, min-epochs 1|--hidden 0 --no-refit --min-epochs 1
linear, refit, min-epochs 5|--hidden 0
linear, 20 epochs, no validation|--hidden 0 --validation-fraction 0 --patience 0 --min-epochs 1
CONF
done; done
