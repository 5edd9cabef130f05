#!/usr/bin/env bash
# Time of the tfidf stage on ONE example of N words (issue 13: it was quadratic in the length of an example).
# Usage: benchmarks/e2e/tfidf-long-line.sh [path/to/TextAugment.Cli.dll] [N ...]   (default N: 20000 30000 200000)
# Prints: words, seconds (wall time of the whole process, start-up included; the machine may be shared: compare
# the rows of one run, not runs on different days). Each run is cut off after 300 s.
set -u
root="$(cd "$(dirname "$0")/../.." && pwd)"
dll="${1:-$root/src/TextAugment.Cli/bin/Debug/net10.0/TextAugment.Cli.dll}"
shift || true
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(20000 30000 200000)
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
python3 - "$work" "${sizes[@]}" <<'PY'
import random, sys
work = sys.argv[1]
rng = random.Random(1)
vocab = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(3, 9))) for _ in range(2000)]
with open(f"{work}/corpus.txt", "w") as f:
    for _ in range(2000):
        f.write(" ".join(rng.choice(vocab) for _ in range(20)) + "\n")
for n in map(int, sys.argv[2:]):
    with open(f"{work}/line-{n}.txt", "w") as f:
        f.write(" ".join(rng.choice(vocab) for _ in range(n)) + "\n")
PY
dotnet "$dll" fit-tfidf "$work/corpus.txt" --format text -o "$work/stats.tsv" 2>/dev/null
printf 'seed: 1\naugment:\n  variants: 1\n  keep_original: false\n  stages:\n    - tfidf: { p: 0.1, statistics: %s }\n' "$work/stats.tsv" > "$work/p.yaml"
printf 'words\tseconds\n'
for n in "${sizes[@]}"; do
  start=$(date +%s.%N)
  timeout 300 dotnet "$dll" augment "$work/p.yaml" -i "$work/line-$n.txt" --input-format text -o "$work/out.txt" --no-progress 2>/dev/null
  code=$?
  end=$(date +%s.%N)
  if [ "$code" = 124 ]; then printf '%s\t>300 (cut off)\n' "$n"; else printf '%s\t%.2f\n' "$n" "$(echo "$end - $start" | bc)"; fi
done
