#!/bin/sh
# Chinese segmentation: agreement with Python jieba (Debian python3-jieba 0.42.1) on Chinese text from Debian
# packages, and speed beside NuGet jieba.NET 0.42.2. Needs: apt-get install python3-jieba manpages-zh gettext
# (the zh_* message catalogues under /usr/share/locale come from whatever packages are installed).
set -e
cd "$(dirname "$0")/../.."
DIR=${1:-/tmp/zh-corpus}
/usr/bin/python3 dictionaries/build_jieba.py corpus "$DIR"
dotnet run -c Release --project benchmarks/TextAugment.Benchmarks -- jieba "$DIR"
dotnet restore benchmarks/JiebaNetPeer
dotnet run -c Release --project benchmarks/JiebaNetPeer -- "$DIR/runs.txt" "$HOME/.nuget/packages/jieba.net/0.42.2/Resources/"
