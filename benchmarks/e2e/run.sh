#!/usr/bin/env bash
# End-to-end benchmark: textaugment file to file over generated corpora of 20-word sentences,
# beside the EDA reference code on the same corpus, in one run. Results go to stdout as a table.
#
#   benchmarks/e2e/run.sh                 # needs: python3; for the peer also /usr/bin/python3 + python3-nltk,
#                                         # wordnet-base, and EDA_DIR holding eda.py from jasonwei20/eda_nlp
#   EDA_LINES=20000 benchmarks/e2e/run.sh # how many input lines the (slow) peer gets; default 20000
set -euo pipefail
cd "$(dirname "$0")/../.."
work=benchmarks/work
mkdir -p "$work"
for n in 100k:100000 1m:1000000; do
  [ -f "$work/corpus-${n%%:*}.tsv" ] || python3 benchmarks/e2e/generate_corpus.py "${n##*:}" "$work/corpus-${n%%:*}.tsv"
done
dotnet build src/TextAugment.Cli -c Release -v quiet -nologo >/dev/null
cli=src/TextAugment.Cli/bin/Release/net10.0/textaugment

printf 'tool\tpipeline\tinput lines\toutput rows\tseconds (wall, incl. start-up)\trows/s\tpeak RSS MB\n'
for pipeline in eda-equivalent synonym-eda; do
  for size in 100k 1m; do
    lines=$(($(wc -l < "$work/corpus-$size.tsv") - 1))
    start=$(date +%s.%N)
    /usr/bin/time -f '%M' -o "$work/rss" "$cli" augment "benchmarks/e2e/$pipeline.yaml" --no-progress \
      --input "$work/corpus-$size.tsv" --output "$work/out-$pipeline-$size.tsv" 2> "$work/log"
    end=$(date +%s.%N)
    rows=$(($(wc -l < "$work/out-$pipeline-$size.tsv") - 1))
    awk -v p="$pipeline" -v l="$lines" -v r="$rows" -v s="$start" -v e="$end" -v m="$(cat "$work/rss")" \
      'BEGIN { printf "textaugment\t%s\t%d\t%d\t%.2f\t%.0f\t%.0f\n", p, l, r, e - s, r / (e - s), m / 1024 }'
  done
done

if [ -n "${EDA_DIR:-}" ] && [ -f "$EDA_DIR/eda.py" ]; then
  nltk="$work/nltk_data/corpora/wordnet"
  if [ ! -f "$nltk/lexnames" ]; then
    mkdir -p "$nltk" && ln -sf /usr/share/wordnet/* "$nltk/"
    /usr/bin/python3 - "$nltk/lexnames" <<'PY'
import sys
names = ("adj.all adj.pert adv.all noun.Tops noun.act noun.animal noun.artifact noun.attribute noun.body noun.cognition "
         "noun.communication noun.event noun.feeling noun.food noun.group noun.location noun.motive noun.object noun.person "
         "noun.phenomenon noun.plant noun.possession noun.process noun.quantity noun.relation noun.shape noun.state "
         "noun.substance noun.time verb.body verb.change verb.cognition verb.communication verb.competition verb.consumption "
         "verb.contact verb.creation verb.emotion verb.motion verb.perception verb.possession verb.social verb.stative "
         "verb.weather adj.ppl").split()
pos = {"adj": 3, "adv": 4, "noun": 1, "verb": 2}
with open(sys.argv[1], "w") as f:
    for i, n in enumerate(names):
        f.write(f"{i:02d}\t{n}\t{pos[n.split('.')[0]]}\n")
PY
  fi
  lines=${EDA_LINES:-20000}
  result=$(NLTK_DATA="$work/nltk_data" /usr/bin/python3 benchmarks/e2e/peer_eda.py "$work/corpus-100k.tsv" "$work/out-eda.tsv" "$lines")
  echo "$result" | awk -F'\t' -v l="$lines" '{ printf "eda_nlp (reference)\teda\t%d\t%d\t%.2f\t%.0f\t-\n", l, $2, $3, $4 }'
else
  echo "(EDA reference code skipped: set EDA_DIR to a folder holding eda.py from github.com/jasonwei20/eda_nlp)" >&2
fi
