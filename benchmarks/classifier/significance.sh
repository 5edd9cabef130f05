#!/usr/bin/env bash
# The defaults against scikit-learn TF-IDF + LR on the held-out test split, per training seed, with McNemar's exact test
# (mcnemar.py): is the difference more than which texts happened to be in the test set? Run only after the defaults are
# chosen (on dev splits, dev_search.sh); this reads the test labels.
# Usage: significance.sh WORK "DATASET:SIZE ..." [SEEDS]   (WORK: the folder prepare.py wrote; SIZE: 500 or full; SEEDS: 3)
# Environment: CLI (default this checkout's Release build).
set -euo pipefail
repo=$PWD
cli=${CLI:-$repo/src/TextAugment.Cli/bin/Release/net10.0/textaugment}
work=$1; cells=$2; seeds=${3:-3}
tmp=$(mktemp -d "$work/significance.XXXXXX")
for cell in $cells; do
  d=$work/${cell%%:*}; size=${cell##*:}
  train=$d/train$([ "$size" = 500 ] && echo -500 || true).tsv
  /usr/bin/python3 "$repo/benchmarks/classifier/peer_sklearn.py" "$train" "$d/test.tsv" "$tmp/peer.pred" > /dev/null
  preds=()
  for seed in $(seq 0 $((seeds - 1))); do
    "$cli" train "$train" -o "$tmp/m.tam" --seed "$seed" > /dev/null 2>&1
    tail -n +2 "$d/test.tsv" | awk -F'\t' '{ print $2 }' | "$cli" predict "$tmp/m.tam" \
      | /usr/bin/python3 -c 'import sys, json; [print(json.loads(l)["label"]) for l in sys.stdin]' > "$tmp/ta-${cell/:/-}-$seed.pred"
    preds+=("$tmp/ta-${cell/:/-}-$seed.pred")
  done
  echo "# $cell"
  /usr/bin/python3 "$repo/benchmarks/classifier/mcnemar.py" "$d/test.tsv" "$tmp/peer.pred" "${preds[@]}" | sed "s|$tmp/||g"
done
