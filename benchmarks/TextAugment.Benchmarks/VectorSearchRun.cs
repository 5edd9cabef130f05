using System.Diagnostics;
using TextAugment.Vectors;

/// <summary>One timed run of loading a word2vec file and finding the top 10 of its first words, printed like numpy_topk.py.</summary>
internal static class VectorSearchRun
{
    public static void Run(string path, int queries)
    {
        var clock = Stopwatch.StartNew();
        WordVectors vectors = WordVectors.Load(path);
        double load = clock.Elapsed.TotalSeconds;

        int[] rows = [.. Enumerable.Range(0, queries)];
        clock.Restart();
        Neighbor[][] found = vectors.Nearest(rows, 10);
        double search = clock.Elapsed.TotalSeconds;
        long checksum = found.Sum(list => list.Sum(n => (long)n.Index));
        Console.WriteLine(System.FormattableString.Invariant($"textaugment\t{load:F3}\t{search:F3}\t{checksum}"));
    }
}
