#!/usr/bin/env bash
# The tool packages, checked as a user would meet them: clone the committed tree into a temporary folder, run the
# README's install line there (dotnet pack + dotnet tool install, into a private tool path rather than -g), then run
# the installed command outside the repository: --version, a one-line augment on stdin, and the mlm pipeline (which
# needs this platform's ONNX Runtime library from the RID-specific package).
# Prints each package's size (compressed and unpacked) and the installed size; exits non-zero on the first failure.
# Usage: tests/package.sh [REPO]   (default: the repository this script is in; its HEAD commit is what is packed)
set -euo pipefail
repo=$(cd "${1:-$(dirname "$0")/..}" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

git clone -q "$repo" "$work/clone"
cd "$work/clone"
dotnet pack src/TextAugment.Cli -c Release -o "$work/nupkg" > "$work/pack.log" 2>&1 || { cat "$work/pack.log"; exit 1; }
dotnet tool install --tool-path "$work/tools" --add-source "$work/nupkg" TextAugment.Cli > "$work/install.log" 2>&1 \
  || { cat "$work/install.log"; exit 1; }

printf '| package | nupkg | unpacked |\n| --- | ---: | ---: |\n'
for f in "$work"/nupkg/*.nupkg; do
  unpacked=$(unzip -l "$f" | tail -1 | awk '{print $1}')
  printf '| %s | %.2f MB | %.2f MB |\n' "$(basename "$f")" "$(stat -c %s "$f" | awk '{print $1/1e6}')" "$(awk -v b="$unpacked" 'BEGIN{print b/1e6}')"
done
echo "installed ($(dotnet --info | awk '/RID:/{print $2; exit}')): $(du -sm "$work/tools" | cut -f1) MB in $work/tools"

cd "$work"   # outside the repository from here on
tools/textaugment --version
printf 'id\ttext\tlabel\n1\tthe quick brown fox jumps over the lazy dog\ta\n' > one.tsv
printf 'seed: 1\naugment:\n  variants: 2\n  stages: [ { random_swap: {} } ]\n' > swap.yaml
tools/textaugment augment swap.yaml -i one.tsv
tools/textaugment run "$work/clone/pipelines/mlm.yaml" 2>&1 | tail -1
echo "package check: OK"
