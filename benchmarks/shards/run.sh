#!/usr/bin/env bash
# Shards under a real engine: runs `textaugment augment` (the EDA pipeline) under a local Dask cluster (2 worker
# processes) over N partitions of a generated corpus, in two ways (--shard K/N over the file; partitions piped through
# standard input), and checks that each concatenated output equals a single run, byte for byte.
#   benchmarks/shards/run.sh            # needs /usr/bin/python3 with Debian's python3-distributed (apt-get install python3-distributed)
#   LINES=20000 N=8 benchmarks/shards/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
work=benchmarks/work/shards
mkdir -p "$work"
lines=${LINES:-20000}
[ -f "$work/corpus-$lines.tsv" ] || python3 benchmarks/e2e/generate_corpus.py "$lines" "$work/corpus-$lines.tsv"
tail -n +2 "$work/corpus-$lines.tsv" | cut -f2 > "$work/corpus-$lines.txt" # plain text: ids come from position or content
dotnet build src/TextAugment.Cli -c Release -m:1 -nodeReuse:false -v quiet -nologo >/dev/null
printf 'run\tpartitions\tseconds (wall)\trows\tequal to the single run\n'
/usr/bin/python3 benchmarks/shards/dask_shards.py src/TextAugment.Cli/bin/Release/net10.0/textaugment \
  benchmarks/e2e/eda-equivalent.yaml "$work/corpus-$lines.txt" "${N:-4}" "$work/parts" 2>"$work/dask.log"
