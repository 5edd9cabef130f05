#!/usr/bin/env bash
# CPU per output row of the EDA recipe (eda-equivalent.yaml), this tree beside BASELINE_REF (default main), both published
# ReadyToRun as shipped, file to file. Rounds are interleaved (before, after, before, after, ...) so that a shared machine's
# load falls on both alike; CPU is user + sys of the whole process (/usr/bin/time), not pinned (taskset adds CPU: all
# threads then share one core's caches). Prints min and median CPU, µs of CPU per output row and the ratio after / before,
# and checks that the two outputs are byte-identical.
#   benchmarks/e2e/cpu.sh                                # ROUNDS=3 LINES=1000000 THREADS=2
#   ROUNDS=5 LINES=200000 THREADS=1 BASELINE_REF=653d374 benchmarks/e2e/cpu.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
work=benchmarks/work/cpu
mkdir -p "$work"
rounds=${ROUNDS:-3} lines=${LINES:-1000000} threads=${THREADS:-2} ref=${BASELINE_REF:-main}
corpus=benchmarks/work/corpus-$lines.tsv
[ -f "$corpus" ] || python3 benchmarks/e2e/generate_corpus.py "$lines" "$corpus"
rm -rf "$work/before-src" && git worktree prune
git worktree add --detach "$work/before-src" "$ref" >/dev/null 2>&1
dotnet publish "$work/before-src/src/TextAugment.Cli" -c Release -r linux-x64 -o "$work/before" -m:1 -nodeReuse:false -v quiet -nologo >/dev/null
dotnet publish src/TextAugment.Cli -c Release -r linux-x64 -o "$work/after" -m:1 -nodeReuse:false -v quiet -nologo >/dev/null
git worktree remove --force "$work/before-src" >/dev/null 2>&1 || true

: > "$work/times.tsv"
for ((round = 0; round < rounds; round++)); do
  for name in before after; do
    /usr/bin/time -f "$name	%e	%U	%S	%M" -a -o "$work/times.tsv" "$work/$name/TextAugment.Cli" augment benchmarks/e2e/eda-equivalent.yaml \
      --no-progress --threads "$threads" -i "$corpus" -o "$work/out-$name.tsv" 2>/dev/null
  done
done
cmp -s "$work/out-before.tsv" "$work/out-after.tsv" || { echo "before and after differ" >&2; exit 1; }
rows=$(($(wc -l < "$work/out-after.tsv") - 1))
stat() { awk -F'\t' -v b="$1" '$1 == b { print $3 + $4 }' "$work/times.tsv" | sort -n | awk '{ a[NR] = $1 } END { print a[1], a[int((NR + 1) / 2)] }'; }
read -r bmin bmed < <(stat before)
read -r amin amed < <(stat after)
printf 'lines %d, --threads %d, %d rows, %d rounds (%s)\n' "$lines" "$threads" "$rows" "$rounds" "$(uptime | sed 's/.*load/load/')"
printf 'build\tmin CPU s\tmedian CPU s\tµs CPU per row (median)\n'
awk -v n="$rows" -v a="$bmin" -v m="$bmed" 'BEGIN { printf "before\t%.2f\t%.2f\t%.2f\n", a, m, m / n * 1e6 }'
awk -v n="$rows" -v a="$amin" -v m="$amed" 'BEGIN { printf "after\t%.2f\t%.2f\t%.2f\n", a, m, m / n * 1e6 }'
awk -v b="$bmed" -v a="$amed" -v bm="$bmin" -v am="$amin" 'BEGIN { printf "after / before\t%.2f\t%.2f\n", am / bm, a / b }'
