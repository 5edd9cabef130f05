#!/usr/bin/env bash
# Wall time of the EDA recipe (eda-equivalent.yaml) file to file at 1M lines → 5M rows, N runs of the published command
# (ReadyToRun, as installed) at THREADS worker threads (default: the processor count), each run followed by
# awk '{ print }' writing the same bytes (cmp-checked). With BASELINE_REF, that commit is published alike and run in turn
# with this tree (before, after, before, after, ...), so both see the same machine. For a quiet machine: the goals of issue
# 15 item 2 are ≥ 1M rows/s and within 4× of awk. Prints, per build, the runs' min and median wall time, the median rows/s,
# how many runs reached 1M rows/s, the median awk time and the median of each run's ratio to its own awk run; the raw times
# are in benchmarks/work/repeats/times.tsv (build, tool, wall s, user s, sys s). With AOT=1 the tree is also published as a
# Native AOT executable (build "aot": -p:PublishAot=true, see src/TextAugment.Cli's project) and run in the same rotation.
#   benchmarks/e2e/repeats.sh                              # N=12, this tree only
#   N=12 BASELINE_REF=28b1ace benchmarks/e2e/repeats.sh    # beside the build before issue 15's allocation work
#   N=12 AOT=1 benchmarks/e2e/repeats.sh                   # ReadyToRun ("after") beside Native AOT ("aot")
set -euo pipefail
cd "$(dirname "$0")/../.."
work=benchmarks/work/repeats
mkdir -p "$work"
n=${N:-12} lines=${LINES:-1000000} threads=${THREADS:-$(nproc)} ref=${BASELINE_REF-}
corpus=benchmarks/work/corpus-$lines.tsv
[ -f "$corpus" ] || python3 benchmarks/e2e/generate_corpus.py "$lines" "$corpus"
builds=()
if [ -n "$ref" ]; then
  rm -rf "$work/before-src" && git worktree prune
  git worktree add --detach "$work/before-src" "$ref" >/dev/null 2>&1
  dotnet publish "$work/before-src/src/TextAugment.Cli" -c Release -r linux-x64 -o "$work/before" -m:1 -nodeReuse:false -v quiet -nologo >/dev/null
  git worktree remove --force "$work/before-src" >/dev/null 2>&1 || true
  builds+=(before)
fi
dotnet publish src/TextAugment.Cli -c Release -r linux-x64 -o "$work/after" -m:1 -nodeReuse:false -v quiet -nologo >/dev/null
builds+=(after)
if [ "${AOT:-0}" = 1 ]; then
  dotnet publish src/TextAugment.Cli -c Release -r linux-x64 -p:PublishAot=true -o "$work/aot" -m:1 -nodeReuse:false -v quiet -nologo >/dev/null
  builds+=(aot)
fi

: > "$work/times.tsv"
for ((round = 0; round < n; round++)); do
  for name in "${builds[@]}"; do
    # Both tools write a new file: the shell truncates awk's output before awk's time starts, so textaugment's output of
    # the round before is removed here too (its rename into place would otherwise free the old file's blocks in its time).
    # sync before each timed run: no tool pays for the writeback of another's output (the kernel throttles a writer while
    # earlier gigabytes are still dirty; without it awk after a fast run took twice its time, all of it in the kernel).
    rm -f "$work/out-$name.tsv" "$work/awk-$name.tsv"
    sync
    /usr/bin/time -f "$name	textaugment	%e	%U	%S" -a -o "$work/times.tsv" "$work/$name/TextAugment.Cli" augment \
      benchmarks/e2e/eda-equivalent.yaml --no-progress --threads "$threads" -i "$corpus" -o "$work/out-$name.tsv" 2>/dev/null
    sync
    /usr/bin/time -f "$name	awk	%e	%U	%S" -a -o "$work/times.tsv" awk '{ print }' "$work/out-$name.tsv" > "$work/awk-$name.tsv"
    cmp -s "$work/out-$name.tsv" "$work/awk-$name.tsv" || { echo "$name: awk's copy differs" >&2; exit 1; }
  done
done
for name in "${builds[@]}"; do
  cmp -s "$work/out-$name.tsv" "$work/out-after.tsv" || { echo "$name and after differ" >&2; exit 1; }
done
rows=$(($(wc -l < "$work/out-after.tsv") - 1))

printf '%d lines → %d rows, --threads %d, %d runs each (%s)\n' "$lines" "$rows" "$threads" "$n" "$(uptime | sed 's/.*load/load/')"
printf 'build\tmin wall s\tmedian wall s\tmedian rows/s\truns ≥ 1M rows/s\tmedian awk s\tmedian ratio to awk\n'
for name in "${builds[@]}"; do
  awk -F'\t' -v b="$name" -v rows="$rows" '
    $1 == b && $2 == "textaugment" { ta[++t] = $3 }
    $1 == b && $2 == "awk" { aw[++a] = $3; ratio[a] = ta[a] / $3 }
    function median(v, k,   s, i, j, x) { for (i = 1; i <= k; i++) s[i] = v[i]
      for (i = 2; i <= k; i++) { x = s[i]; for (j = i - 1; j >= 1 && s[j] > x; j--) s[j + 1] = s[j]; s[j + 1] = x }
      return k % 2 ? s[(k + 1) / 2] : (s[k / 2] + s[k / 2 + 1]) / 2 }
    END {
      min = ta[1]; fast = 0
      for (i = 1; i <= t; i++) { if (ta[i] < min) min = ta[i]; if (rows / ta[i] >= 1000000) fast++ }
      m = median(ta, t)
      printf "%s\t%.2f\t%.2f\t%.0f\t%d of %d\t%.2f\t%.1f×\n", b, min, m, rows / m, fast, t, median(aw, a), median(ratio, a) }' "$work/times.tsv"
done
