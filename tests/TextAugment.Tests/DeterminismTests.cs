using System.Text;
using TextAugment.Corpus;
using TextAugment.Pipelines;

namespace TextAugment.Tests;

/// <summary>The same seed gives byte-identical output whatever the thread count, batch size or sharding.</summary>
public class DeterminismTests
{
    private static readonly Pipeline Quickstart = Pipeline.Load(Path.Combine(TestPaths.Root, "pipelines", "quickstart.yaml"));

    private static byte[] Run(int threads, int batchSize, Shard? shard = null, CorpusFormat format = CorpusFormat.Jsonl)
    {
        string input = Quickstart.Input!.Path;
        using CorpusReader reader = CorpusReader.Open(input, Quickstart.Input.Reader);
        using var output = new MemoryStream();
        CorpusAugmenter.Run(reader, () => CorpusReader.Open(input, Quickstart.Input.Reader), Quickstart.Generator, output, new CorpusAugmentOptions
        {
            Threads = threads,
            BatchSize = batchSize,
            Shard = shard,
            OutputFormat = format,
        });
        return output.ToArray();
    }

    [Fact]
    public void One_thread_and_many_threads_give_the_same_bytes()
    {
        byte[] single = Run(threads: 1, batchSize: 256);
        Assert.Equal(single, Run(threads: 4, batchSize: 256));
        Assert.Equal(single, Run(threads: 3, batchSize: 7));
        Assert.Equal(single, Run(threads: 2, batchSize: 1));
        Assert.Equal(1200 * 5, Encoding.UTF8.GetString(single).Count(c => c == '\n'));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public void Shards_concatenated_in_order_give_the_whole_output(int shards)
    {
        byte[] whole = Run(threads: 2, batchSize: 64, format: CorpusFormat.Tsv);
        var concatenated = new StringBuilder();
        for (int k = 1; k <= shards; k++)
        {
            string part = Encoding.UTF8.GetString(Run(threads: 2, batchSize: 64, new Shard(k, shards), CorpusFormat.Tsv));
            concatenated.Append(k == 1 ? part : part[(part.IndexOf('\n', StringComparison.Ordinal) + 1)..]); // one header
        }

        Assert.Equal(Encoding.UTF8.GetString(whole), concatenated.ToString());
    }

    [Fact]
    public void Shard_ranges_cover_every_record_once()
    {
        for (int n = 1; n <= 9; n++)
        {
            long next = 0;
            for (int k = 1; k <= n; k++)
            {
                var (start, end) = new Shard(k, n).RangeOf(100);
                Assert.Equal(next, start);
                next = end;
            }

            Assert.Equal(100, next);
        }
    }
}
