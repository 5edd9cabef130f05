using System.Diagnostics;
using System.Globalization;
using Ours = TextAugment.Text.JiebaSegmenter;
using Peer = JiebaNet.Segmenter.JiebaSegmenter;

// dotnet run -c Release --project benchmarks/JiebaNetPeer -- RUNS_FILE JIEBA_NET_RESOURCES_DIR
// RUNS_FILE: one run of Han characters a line (dictionaries/build_jieba.py corpus DIR writes DIR/runs.txt).
// Both segmenters cut every run (default mode, HMM on), each returning strings; three rounds, alternating,
// after a warm-up; also counts the runs whose cut differs between the two.
string[] runs = File.ReadAllLines(args[0]);
JiebaNet.Segmenter.ConfigManager.ConfigFileBaseDir = args[1];
long chars = runs.Sum(r => (long)r.Length);
var peer = new Peer();
Ours ours = Ours.Default;
foreach (string r in runs.Take(20_000))
{
    _ = peer.Cut(r, false, true).Count();
    _ = ours.Cut(r);
}

int differ = 0;
for (int i = 0; i < runs.Length; i++)
{
    differ += string.Join('/', peer.Cut(runs[i], false, true)) == string.Join('/', ours.Cut(runs[i])) ? 0 : 1;
}

Console.WriteLine($"{runs.Length} runs, {chars} Han characters; cuts differ between jieba.NET and TextAugment on {differ} runs");
for (int round = 1; round <= 3; round++)
{
    var watch = Stopwatch.StartNew();
    long words = 0;
    foreach (string r in runs)
    {
        words += peer.Cut(r, false, true).Count();
    }

    double peerSeconds = watch.Elapsed.TotalSeconds;
    watch.Restart();
    long ourWords = 0;
    foreach (string r in runs)
    {
        ourWords += ours.Cut(r).Count;
    }

    double ourSeconds = watch.Elapsed.TotalSeconds;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"round {round}: jieba.NET {chars / peerSeconds / 1e6:F2} M chars/s ({words} words), TextAugment {chars / ourSeconds / 1e6:F2} M chars/s ({ourWords} words), ratio {peerSeconds / ourSeconds:F2}x"));
}
