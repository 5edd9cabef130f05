#!/usr/bin/env bash
# Label safety (issue 12): every stage over the quickstart corpus, counted by count.py, for this checkout
# ("after") and for an earlier commit ("before", default: 080fe15, the last commit before issue 12; BEFORE=<commit> for another).
#
#   benchmarks/label-safety/run.sh            # needs dotnet and python3 (standard library only)
#   VARIANTS=2 BEFORE=080fe15 benchmarks/label-safety/run.sh
#
# Each stage runs alone with its quickstart settings, p raised to make faults visible; the counts should all
# be 0 after (count.py says what each count measures and where it is approximate).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
work=benchmarks/work/label-safety
before=${BEFORE:-080fe15}   # the last commit before issue 12 (main has it merged since)
variants=${VARIANTS:-2}
rm -rf "$work" && mkdir -p "$work"
git worktree remove --force "$work-before" 2>/dev/null || true
git worktree add --detach "$work-before" "$before" >/dev/null 2>&1
trap 'git worktree remove --force "$work-before" >/dev/null 2>&1 || true' EXIT

declare -A stages=(
  [synonym]="synonym: { dictionary: $root/dictionaries/en-wordnet.tsv, p: 0.3 }"
  [word_vector]="word_vector: { vectors: $root/models/en-vectors.bin, p: 0.3, top_k: 10 }"
  [tfidf]="tfidf: { p: 0.3 }"
  [mlm]="mlm: { model: $root/models/mlm/model.onnx, vocab: $root/models/mlm/vocab.txt, p: 0.3, top_k: 10 }"
  [random_deletion]="random_deletion: { p: 0.3 }"
  [random_swap]="random_swap: { n: 2 }"
  [random_insertion]="random_insertion: { dictionary: $root/dictionaries/en-wordnet.tsv, n: 2 }"
)

for side in before after; do
  src=$root; [ "$side" = before ] && src=$root/$work-before
  dotnet build "$src/src/TextAugment.Cli" -c Release -v quiet -nologo -m:1 -nodeReuse:false >/dev/null
  cli=$src/src/TextAugment.Cli/bin/Release/net10.0/textaugment
  for stage in "${!stages[@]}"; do
    cat > "$work/$stage.yaml" <<YAML
seed: 3
input: { path: $root/pipelines/data/wordnet-topics-train.tsv }
augment:
  variants: $variants
  keep_original: false
  protect: { words: [U.S.] }
  stages:
    - ${stages[$stage]}
output: { path: $root/$work/$side-$stage.jsonl }
YAML
    "$cli" run "$work/$stage.yaml" --no-progress >/dev/null 2>"$work/$side-$stage.log" || { echo "$side $stage failed: $(tail -3 "$work/$side-$stage.log")" >&2; }
  done
done

python3 benchmarks/label-safety/count.py "$root/pipelines/data/wordnet-topics-train.tsv" "$work" "${!stages[@]}"
