#!/usr/bin/env bash
# All cores: the EDA recipe (eda-equivalent.yaml) file to file at --threads 1 and --threads 2, this tree beside
# BASELINE_REF (default main), interleaved, median of ROUNDS; then 1M lines at the processor count beside awk writing the
# same bytes (awk '{ print }' over the output). Seconds are wall time of the whole process; CPU is user + sys.
# On a shared machine wall time depends on the load, so each run is also given with `taskset` (threads 1 pinned to one
# core, threads 2 to two) and its CPU time.
#   benchmarks/e2e/threads.sh                       # ROUNDS=3 LINES=200000
set -euo pipefail
cd "$(dirname "$0")/../.."
work=benchmarks/work/threads
mkdir -p "$work"
rounds=${ROUNDS:-3} lines=${LINES:-200000} ref=${BASELINE_REF-main}
for n in "$lines" 1000000; do
  [ -f "benchmarks/work/corpus-$n.tsv" ] || python3 benchmarks/e2e/generate_corpus.py "$n" "benchmarks/work/corpus-$n.tsv"
done
builds=()
if [ -n "$ref" ]; then
  rm -rf "$work/before" && git worktree prune
  git worktree add --detach "$work/before" "$ref" >/dev/null 2>&1
  dotnet build "$work/before/src/TextAugment.Cli" -c Release -m:1 -nodeReuse:false -v quiet -nologo >/dev/null
  builds+=("before=$work/before/src/TextAugment.Cli/bin/Release/net10.0/TextAugment.Cli")
fi
dotnet publish src/TextAugment.Cli -c Release -r linux-x64 -o "$work/after" -m:1 -nodeReuse:false -v quiet -nologo >/dev/null
builds+=("after=$work/after/TextAugment.Cli")

: > "$work/times.tsv"
for ((round = 0; round < rounds; round++)); do
  for build in "${builds[@]}"; do
    name=${build%%=*} cli=${build#*=}
    for threads in 1 2; do
      cores=$([ "$threads" = 1 ] && echo 0 || echo 0,1)
      /usr/bin/time -f "$name	$threads	%e	%U	%S" -a -o "$work/times.tsv" taskset -c "$cores" "$cli" augment benchmarks/e2e/eda-equivalent.yaml \
        --no-progress --threads "$threads" -i "benchmarks/work/corpus-$lines.tsv" -o "$work/out-$name-$threads.tsv" 2>/dev/null
    done
  done
done
for build in "${builds[@]}"; do
  name=${build%%=*}
  cmp -s "$work/out-$name-1.tsv" "$work/out-$name-2.tsv" || { echo "$name: --threads 1 and 2 differ" >&2; exit 1; }
done

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR) print a[int((NR + 1) / 2)] }'; }
printf 'build\tthreads\truns\tmedian wall s\tmedian CPU s\trows/s (wall)\tspeed-up 1→2 threads (wall)\n'
rows=$(($(wc -l < "$work/out-after-1.tsv") - 1))
for build in "${builds[@]}"; do
  name=${build%%=*}
  one=$(awk -F'\t' -v b="$name" '$1 == b && $2 == 1 { print $3 }' "$work/times.tsv" | median)
  for threads in 1 2; do
    wall=$(awk -F'\t' -v b="$name" -v t="$threads" '$1 == b && $2 == t { print $3 }' "$work/times.tsv" | median)
    cpu=$(awk -F'\t' -v b="$name" -v t="$threads" '$1 == b && $2 == t { print $4 + $5 }' "$work/times.tsv" | median)
    awk -v b="$name" -v t="$threads" -v r="$rounds" -v w="$wall" -v c="$cpu" -v n="$rows" -v o="$one" \
      'BEGIN { printf "%s\t%d\t%d\t%.2f\t%.2f\t%.0f\t%.2f×\n", b, t, r, w, c, n / w, o / w }'
  done
done

# 1M lines at the processor count, beside awk writing the same bytes.
cli=${builds[-1]#*=}
start=$(date +%s.%N)
"$cli" augment benchmarks/e2e/eda-equivalent.yaml --no-progress -i benchmarks/work/corpus-1000000.tsv -o "$work/out-1m.tsv" 2>/dev/null
mid=$(date +%s.%N)
awk '{ print }' "$work/out-1m.tsv" > "$work/awk-1m.tsv"
end=$(date +%s.%N)
cmp -s "$work/out-1m.tsv" "$work/awk-1m.tsv" || { echo "awk's copy differs" >&2; exit 1; }
rows=$(($(wc -l < "$work/out-1m.tsv") - 1))
awk -v s="$start" -v m="$mid" -v e="$end" -v n="$rows" 'BEGIN {
  printf "\n1M lines, all cores\trows\tseconds\trows/s\n"
  printf "textaugment\t%d\t%.2f\t%.0f\n", n, m - s, n / (m - s)
  printf "awk (same bytes)\t%d\t%.2f\t%.0f\n", n, e - m, n / (e - m)
  printf "ratio textaugment / awk\t\t%.1f×\n", (m - s) / (e - m) }'
[ -n "$ref" ] && git worktree remove --force "$work/before" >/dev/null 2>&1 || true
