#!/usr/bin/env bash
# Start-up: wall and CPU time of a whole `textaugment augment` process on a 1-line input (the EDA pipeline,
# pipelines/eda.yaml: the WordNet dictionary, 9 variants), median of N runs, builds side by side in one run:
#   before  BASELINE_REF (default main) built as the repository's own scripts build it (dotnet build -c Release)
#   jit     this tree, dotnet build -c Release (JIT; tiered compilation as the runtime's default)
#   r2r     this tree, dotnet publish -c Release -r linux-x64 (ReadyToRun: the command as installed)
#   aot     this tree, dotnet publish -c Release -r linux-x64 -p:PublishAot=true (Native AOT; AOT=0 leaves it out)
# Each round runs every build once, in turn, so machine load falls on all of them alike.
#
#   benchmarks/startup/run.sh            # N=21
#   N=5 BASELINE_REF= benchmarks/startup/run.sh   # no baseline build
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${N:-21}
ref=${BASELINE_REF-main}
work=benchmarks/work/startup
mkdir -p "$work"
line="The film was great, and the actors were good."
builds=()

if [ -n "$ref" ]; then
  rm -rf "$work/before" && git worktree prune
  git worktree add --detach "$work/before" "$ref" >/dev/null 2>&1
  dotnet build "$work/before/src/TextAugment.Cli" -c Release -m:1 -nodeReuse:false -v quiet -nologo >/dev/null
  builds+=("before=$work/before/src/TextAugment.Cli/bin/Release/net10.0/TextAugment.Cli")
fi
dotnet build src/TextAugment.Cli -c Release -m:1 -nodeReuse:false -v quiet -nologo >/dev/null
builds+=("jit=src/TextAugment.Cli/bin/Release/net10.0/TextAugment.Cli")
dotnet publish src/TextAugment.Cli -c Release -r linux-x64 -o "$work/r2r" -m:1 -nodeReuse:false -v quiet -nologo >/dev/null
builds+=("r2r=$work/r2r/TextAugment.Cli")
if [ "${AOT:-1}" = 1 ]; then
  dotnet publish src/TextAugment.Cli -c Release -r linux-x64 -p:PublishAot=true -o "$work/aot" -m:1 -nodeReuse:false -v quiet -nologo >/dev/null
  builds+=("aot=$work/aot/TextAugment.Cli")
fi

: > "$work/times.tsv"
for ((round = 0; round < n; round++)); do
  for build in "${builds[@]}"; do
    name=${build%%=*} cli=${build#*=}
    echo "$line" | /usr/bin/time -f "$name	%e	%U	%S" -a -o "$work/times.tsv" "$cli" augment pipelines/eda.yaml --input-format text >/dev/null 2>/dev/null
  done
done

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR) print a[int((NR + 1) / 2)] }'; }
printf 'build\truns\tmedian wall s\tmedian CPU s (user+sys)\twall ratio to before\tCPU ratio to before\n'
base_wall=$(awk -F'\t' '$1 == "before" { print $2 }' "$work/times.tsv" | median)
base_cpu=$(awk -F'\t' '$1 == "before" { print $3 + $4 }' "$work/times.tsv" | median)
for build in "${builds[@]}"; do
  name=${build%%=*}
  wall=$(awk -F'\t' -v b="$name" '$1 == b { print $2 }' "$work/times.tsv" | median)
  cpu=$(awk -F'\t' -v b="$name" '$1 == b { print $3 + $4 }' "$work/times.tsv" | median)
  runs=$(awk -F'\t' -v b="$name" '$1 == b' "$work/times.tsv" | wc -l)
  awk -v b="$name" -v r="$runs" -v w="$wall" -v c="$cpu" -v bw="${base_wall:-0}" -v bc="${base_cpu:-0}" 'BEGIN {
    printf "%s\t%d\t%.3f\t%.3f\t%s\t%s\n", b, r, w, c, (bw > 0 ? sprintf("%.2f×", bw / w) : "-"), (bc > 0 ? sprintf("%.2f×", bc / c) : "-") }'
done
echo "(2-core machine shared with other work: the CPU column is the steadier one)" >&2
[ -n "$ref" ] && git worktree remove --force "$work/before" >/dev/null 2>&1 || true
