#!/usr/bin/env bash
# Runs hostile inputs against the built textaugment command and prints one line per case:
#   PASS|FAIL  case  exit=<code> (expected <code>)  <seconds>s  <first line of standard error>
# Each case runs under a 30 s timeout (exit 124 = a hang). Build first: dotnet build -c Debug.
# Usage: tests/reliability.sh [path/to/TextAugment.Cli.dll]   (exit status: the number of failed cases)
set -u
root="$(cd "$(dirname "$0")/.." && pwd)"
dll="${1:-$root/src/TextAugment.Cli/bin/Debug/net10.0/TextAugment.Cli.dll}"
[ -f "$dll" ] || { echo "build first: $dll not found" >&2; exit 2; }
fixtures="$root/tests/TextAugment.Tests/fixtures"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
printf 'id\ttext\tlabel\n1\tthe quick brown fox\ta\n2\tthe lazy dog sleeps\tb\n' > in.tsv
cp in.tsv original.tsv
ln -s . alias
ln in.tsv hard.tsv
printf 'seed: 1\naugment:\n  stages: [ { random_swap: {} } ]\n' > p.yaml
printf 'seed: 1\ninput: { path: in.tsv }\noutput: { path: out.tsv }\ntrain: { model: in.tsv, epochs: 1 }\naugment:\n  stages: [ { random_swap: {} } ]\n' > train-model-is-input.yaml
printf 'augment:\n  stages:\n    - synonym: { dictionary: /dev/zero }\n' > dictionary-dev-zero.yaml
python3 -c "print('seed: ' + '['*200000 + ']'*200000)" > deep.yaml
failed=0
# case NAME EXPECTED_EXIT [STDIN_FILE] -- ARGS...
case_() {
  local name="$1" expected="$2" input="$3"; shift 4
  local start end code first
  start=$(date +%s.%N)
  timeout 30 dotnet "$dll" "$@" < "$input" > "$work/stdout" 2> "$work/stderr"; code=$?
  end=$(date +%s.%N)
  first="$(grep -v '^$' "$work/stderr" | head -1 | cut -c1-150)"
  local verdict=PASS
  [ "$code" = "$expected" ] || verdict=FAIL
  if ! cmp -s in.tsv original.tsv; then verdict=FAIL; first="in.tsv was changed! $first"; cp original.tsv in.tsv; fi
  if ls -a | grep -q '\.tmp$'; then verdict=FAIL; first="temp file left! $first"; rm -f .*.tmp; fi
  [ "$verdict" = PASS ] || failed=$((failed + 1))
  printf '%s  %-36s exit=%s (expected %s)  %5.2fs  %s\n' "$verdict" "$name" "$code" "$expected" "$(echo "$end - $start" | bc)" "$first"
}
case_ output-through-folder-link   2 /dev/null -- augment p.yaml -i in.tsv -o alias/in.tsv --no-progress
case_ output-hard-link-to-input    2 /dev/null -- augment p.yaml -i in.tsv -o hard.tsv --no-progress
case_ output-is-pipeline-file      2 /dev/null -- augment p.yaml -i in.tsv -o p.yaml --no-progress
case_ fit-tfidf-output-is-input    2 /dev/null -- fit-tfidf in.tsv -o in.tsv
case_ train-model-is-training-data 2 /dev/null -- train in.tsv -o ./in.tsv
case_ pipeline-train-model-is-input 2 /dev/null -- run train-model-is-input.yaml --no-progress
case_ output-dev-null              0 /dev/null -- augment p.yaml -i in.tsv -o /dev/null --no-progress
case_ output-proc-self-fd-1        0 /dev/null -- augment p.yaml -i in.tsv -o /proc/self/fd/1 --no-progress
mkfifo out.fifo no-writer.fifo
(cat out.fifo > fifo.out) &
case_ output-fifo                  0 /dev/null -- augment p.yaml -i in.tsv -o out.fifo --no-progress
wait
[ -s fifo.out ] || echo "FAIL  output-fifo: nothing arrived through the FIFO"
case_ vectors-fifo-without-writer  2 /dev/null -- train in.tsv -o model.tam --vectors no-writer.fifo
case_ cr-only-tsv                  0 /dev/null -- augment p.yaml -i "$fixtures/hostile/cr-only.tsv" -o out-cr.tsv --no-progress
case_ pipeline-dev-zero            2 /dev/null -- validate /dev/zero
case_ yaml-200000-deep             2 /dev/null -- validate deep.yaml
case_ yaml-tag                     2 /dev/null -- validate "$fixtures/invalid/yaml-tag.yaml"
case_ yaml-second-document         2 /dev/null -- validate "$fixtures/invalid/yaml-second-document.yaml"
case_ yaml-nul-byte                2 /dev/null -- validate "$fixtures/invalid/yaml-nul-byte.yaml"
case_ yaml-latin1                  2 /dev/null -- validate "$fixtures/invalid/yaml-latin1.yaml"
case_ yaml-long-value              2 /dev/null -- validate "$fixtures/invalid/yaml-long-value.yaml"
case_ dictionary-dev-zero          2 /dev/null -- augment dictionary-dev-zero.yaml -i in.tsv -o out.tsv --no-progress
case_ input-dev-zero-line-limit    1 /dev/null -- augment p.yaml -i /dev/zero --input-format text -o out.txt --no-progress
case_ shard-of-a-device            2 /dev/null -- augment p.yaml -i /dev/zero --input-format text -o out.txt --shard 1/2 --no-progress
case_ vectors-dev-zero             2 /dev/null -- train in.tsv -o model.tam --vectors /dev/zero
for f in huge-header too-many-rows dimension-mismatch nan inf; do
  case_ "vectors-$f"               1 /dev/null -- train in.tsv -o model.tam --vectors "$fixtures/hostile/vectors-$f.vec"
done
case_ model-dev-zero               2 /dev/null -- evaluate /dev/zero in.tsv
case_ jsonl-lone-surrogate         1 /dev/null -- augment p.yaml -i "$fixtures/hostile/lone-surrogate.jsonl" -o out.jsonl --no-progress
printf 'caf\351\n' > latin1.txt
timeout 60 dotnet "$dll" train in.tsv -o model.tam --epochs 1 --dim 4 --hidden 0 --buckets 1024 --validation-fraction 0 > /dev/null 2>&1
case_ predict-invalid-utf8-stdin   1 latin1.txt -- predict model.tam
# Per-line work and resource lines (issue 13): linear in one example's length, limits with file:line:column errors.
dotnet "$dll" fit-tfidf in.tsv -o stats.tsv > /dev/null 2>&1
python3 -c "import random; r = random.Random(1); w = ['the', 'quick', 'brown', 'fox', 'lazy', 'dog', 'The', 'Fox', 'sleeps']; print(' '.join(r.choice(w) for _ in range(200000)))" > long-line.txt
printf 'seed: 1\naugment:\n  stages: [ { tfidf: { p: 0.1, statistics: stats.tsv } } ]\n' > tfidf.yaml
case_ tfidf-200000-word-line       0 /dev/null -- augment tfidf.yaml -i long-line.txt --input-format text -o out-long.txt --no-progress
for f in synonyms-too-many synonyms-long-word; do
  printf 'augment:\n  stages: [ { synonym: { dictionary: %s } } ]\n' "$fixtures/hostile/$f.tsv" > "$f.yaml"
  case_ "$f"                       2 /dev/null -- augment "$f.yaml" -i in.tsv -o out.tsv --no-progress
done
printf 'language: zh\nsegmentation: { user_dictionary: %s }\naugment:\n  stages: [ { random_swap: {} } ]\n' "$fixtures/hostile/jieba-user-long-word.txt" > jieba-long.yaml
case_ jieba-user-word-too-long      2 /dev/null -- augment jieba-long.yaml -i in.tsv -o out.tsv --no-progress
printf 'augment:\n  stages: [ { tfidf: { statistics: %s } } ]\n' "$fixtures/hostile/tfidf-duplicate-word.tsv" > tfidf-duplicate.yaml
case_ tfidf-statistics-duplicate-word 2 /dev/null -- augment tfidf-duplicate.yaml -i in.tsv -o out.tsv --no-progress
case_ jsonl-duplicate-key          1 /dev/null -- augment p.yaml -i "$fixtures/hostile/jsonl-duplicate-key.jsonl" -o out.jsonl --no-progress
case_ protect-pattern-backtracks   1 /dev/null -- augment "$fixtures/hostile/backtracking-pattern.yaml" -i "$fixtures/hostile/backtracking.txt" --input-format text -o out-bt.txt --no-progress
# '-' for a standard stream: parsed everywhere, refused with the reason where a stream cannot work.
case_ dash-pipeline-refused        2 /dev/null -- validate -
case_ dash-model-output-refused    2 /dev/null -- train in.tsv -o -
case_ dash-fit-tfidf-stdin-stdout  0 in.tsv -- fit-tfidf - --format tsv -o -
case_ dash-evaluate-test-stdin     0 in.tsv -- evaluate model.tam -
# Labels with terminal escape sequences: printed as visible escapes; 25 labels: the table shows 20.
labels="$fixtures/hostile/labels-25-with-escapes.tsv"
timeout 60 dotnet "$dll" train "$labels" -o labels.tam --epochs 1 --dim 4 --hidden 0 --buckets 1024 --validation-fraction 0 > /dev/null 2>&1
case_ evaluate-escaped-labels      0 /dev/null -- evaluate labels.tam "$labels" --report evaluation.json
if grep -q $'\x1b' "$work/stdout" || ! grep -q 'the 20 most frequent of 25 labels' "$work/stdout"; then
  echo "FAIL  evaluate-escaped-labels: a raw escape character or no cap in the table"; failed=$((failed + 1))
fi
echo "$failed failed"
exit "$failed"
