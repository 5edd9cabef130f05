using System.Text;
using TextAugment.Augmenters;
using TextAugment.Corpus;
using TextAugment.Text;

namespace TextAugment.Tests;

/// <summary>Progress follows the examples written, not what the reader (which runs ahead of the workers) has read.</summary>
public class ProgressTests
{
    /// <summary>A stage that takes a millisecond per sentence and changes nothing, so that a run lasts long enough to report.</summary>
    private sealed class Slow : Augmenter
    {
        protected internal override void AugmentCore(TokenList tokens, AugmentRandom random) => Thread.Sleep(1);
    }

    /// <summary>Calls back on the reporting thread (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class Recorder : IProgress<AugmentProgress>
    {
        public List<AugmentProgress> Reports { get; } = [];

        public void Report(AugmentProgress value) => Reports.Add(value);
    }

    [Fact]
    public void Bytes_done_is_the_offset_just_past_the_last_example_written()
    {
        string dir = TestPaths.NewTempDirectory();
        string input = Path.Combine(dir, "corpus.txt");
        var text = new StringBuilder();
        var ends = new List<long> { 0 };
        for (int i = 0; i < 800; i++)
        {
            string line = $"sentence number {i} of the corpus\n";
            text.Append(line);
            ends.Add(ends[^1] + Encoding.UTF8.GetByteCount(line));
        }

        File.WriteAllText(input, text.ToString());
        using CorpusReader reader = CorpusReader.Open(input, new CorpusReaderOptions { Format = CorpusFormat.Text });
        var recorder = new Recorder();
        CorpusAugmenter.Run(reader, null, new VariantGenerator(new Slow(), new VariantOptions { Variants = 1, MaxAttempts = 1 }), Stream.Null, new CorpusAugmentOptions
        {
            Threads = 1,
            BatchSize = 10,
            Progress = recorder,
        });

        // Sleeping 1 ms for each of 800 sentences takes over 0.8 s: at least one report comes before the end.
        Assert.True(recorder.Reports.Count >= 2, $"{recorder.Reports.Count} reports");
        Assert.Contains(recorder.Reports, p => p.Examples < 800);
        foreach (AugmentProgress p in recorder.Reports)
        {
            Assert.Equal(ends[(int)p.Examples], p.BytesDone);
        }

        Assert.Equal(new FileInfo(input).Length, recorder.Reports[^1].BytesDone);
    }
}
