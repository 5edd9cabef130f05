using System.Diagnostics;
using System.Globalization;
using TextAugment.Text;

/// <summary>
/// Agreement with Python jieba on a large corpus, and segmentation speed: reads the runs and jieba's cuts that
/// <c>dictionaries/build_jieba.py corpus DIR</c> wrote (runs.txt, hmm.txt, nohmm.txt), cuts every run with
/// <see cref="JiebaSegmenter"/>, HMM on and off, and counts runs and characters whose cut differs.
/// </summary>
internal static class JiebaAgreementRun
{
    public static void Run(string dir)
    {
        string[] runs = File.ReadAllLines(Path.Combine(dir, "runs.txt"));
        long chars = runs.Sum(r => (long)r.Length);
        var watch = Stopwatch.StartNew();
        _ = JiebaSegmenter.Default;
        Console.WriteLine($"dictionary loaded in {watch.Elapsed.TotalSeconds:F2} s");
        foreach (string run in runs.Take(50_000))
        {
            _ = JiebaSegmenter.Default.Cut(run); // warm-up: the timings below are of compiled code
            _ = JiebaSegmenter.Default.WithHmm(false).Cut(run);
        }

        foreach (bool hmm in new[] { true, false })
        {
            string[] expected = File.ReadAllLines(Path.Combine(dir, hmm ? "hmm.txt" : "nohmm.txt"));
            JiebaSegmenter segmenter = JiebaSegmenter.Default.WithHmm(hmm);
            var cuts = new string[runs.Length];
            watch.Restart();
            for (int i = 0; i < runs.Length; i++)
            {
                cuts[i] = string.Join('/', segmenter.Cut(runs[i]));
            }

            double seconds = watch.Elapsed.TotalSeconds;
            int differ = 0;
            long differChars = 0;
            for (int i = 0; i < runs.Length; i++)
            {
                if (!string.Equals(cuts[i], expected[i], StringComparison.Ordinal))
                {
                    if (differ < 5)
                    {
                        Console.WriteLine($"  differs: ours {cuts[i]}  jieba {expected[i]}");
                    }

                    differ++;
                    differChars += runs[i].Length;
                }
            }

            // The allocation-free entry point the tokenizer uses: word lengths only, no strings.
            var lengths = new int[runs.Max(r => r.Length)];
            long words = 0;
            watch.Restart();
            foreach (string run in runs)
            {
                words += segmenter.Segment(run, lengths);
            }

            double segmentSeconds = watch.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"HMM={hmm}: {runs.Length} runs, {chars} Han characters; {runs.Length - differ} runs identical ({100.0 * (runs.Length - differ) / runs.Length:F4} %), {differ} differ ({differChars} characters); one thread: Cut + join {chars / seconds / 1e6:F2} M characters/s, Segment {chars / segmentSeconds / 1e6:F2} M characters/s ({words} words)"));
        }
    }
}
