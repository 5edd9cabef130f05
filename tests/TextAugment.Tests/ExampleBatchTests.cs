using System.Text;
using TextAugment.Augmenters;
using TextAugment.Corpus;
using TextAugment.Dictionaries;

namespace TextAugment.Tests;

/// <summary>
/// augment and run read records into a chunk's reused characters (<see cref="CorpusReader.TryReadInto"/>) instead of a
/// string and an <see cref="Example"/> per line, so that their memory does not grow with the input (issue 15, item 5):
/// the same records as <see cref="CorpusReader.TryRead"/>, and no allocation per line.
/// </summary>
public class ExampleBatchTests
{
    public static TheoryData<string, string, CorpusFormat, IdSource, RowErrorMode> Inputs => new()
    {
        { "tsv", "id\ttext\tlabel\n7\tgood film\tpos\n8\t  \tneg\n9\tbad film\tneg\n", CorpusFormat.Tsv, IdSource.Line, RowErrorMode.Fail },
        { "tsv lines", "text\tlabel\ngood film\tpos\n\nbad\tfilm\tneg\nworse film\tneg\n", CorpusFormat.Tsv, IdSource.Line, RowErrorMode.Skip },
        { "tsv offsets", "text\tlabel\ngood film\tpos\nbad film\tneg\n", CorpusFormat.Tsv, IdSource.Offset, RowErrorMode.Fail },
        { "tsv hashes", "text\tlabel\ngood film\tpos\nbad film\tneg\nbad film\tneg\n", CorpusFormat.Tsv, IdSource.Hash, RowErrorMode.Fail },
        { "tsv-escaped", "text\tlabel\ngood\\tfilm\\n\tp\\\\os\nbad \\x film\tneg\n", CorpusFormat.TsvEscaped, IdSource.Line, RowErrorMode.Fail },
        { "csv", "text,label\n\"a \"\"quoted\"\"\nfilm\",pos\nplain film,neg\n,neg\n", CorpusFormat.Csv, IdSource.Line, RowErrorMode.Fail },
        { "jsonl", "{\"id\": 3, \"text\": \"good film\", \"label\": 1, \"src\": \"w\"}\n{\"id\": \"x\", \"text\": \"bad film\", \"label\": true}\n", CorpusFormat.Jsonl, IdSource.Line, RowErrorMode.Fail },
        { "jsonl no ids", "{\"text\": \"good film\"}\n{\"text\": \"bad film\", \"label\": \"neg\", \"n\": [1, 2]}\n", CorpusFormat.Jsonl, IdSource.Hash, RowErrorMode.Fail },
        { "fasttext", "__label__pos good film\n  __label__neg\tbad film\nno label here\n__label__a __label__b two\ngood __label__pos film\nfine film __label__pos\n", CorpusFormat.FastText, IdSource.Line, RowErrorMode.Skip },
        { "tsv-quoted", "text\tlabel\n\"a \"\"quoted\"\"\nfilm\"\tpos\nplain film\tneg\n\"a\tb\"\tneg\n", CorpusFormat.TsvQuoted, IdSource.Line, RowErrorMode.Fail },
        { "text", "good film\n\nbad film\r\nnaïve 电影 🎬\n", CorpusFormat.Text, IdSource.Offset, RowErrorMode.Fail },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Reading_into_a_batch_gives_the_records_TryRead_gives(string name, string content, CorpusFormat format, IdSource ids, RowErrorMode onError)
    {
        string path = Path.Combine(TestPaths.NewTempDirectory(), "in");
        File.WriteAllText(path, content);
        var options = new CorpusReaderOptions { Format = format, Ids = ids, OnError = onError };

        using CorpusReader expected = CorpusReader.Open(path, options);
        List<Example> examples = [.. expected.ReadAll()];

        using CorpusReader reader = CorpusReader.Open(path, options);
        var batch = new ExampleBatch();
        while (reader.TryReadInto(batch))
        {
        }

        Assert.True(examples.Count > 0, name);
        Assert.Equal(examples.Count, batch.Count);
        for (int i = 0; i < examples.Count; i++)
        {
            Example e = examples[i];
            Assert.Equal(e.Id, batch.Id(i).ToString());
            Assert.Equal(e.Text, batch.Text(i).ToString());
            Assert.Equal(e.Label, batch.Label(i));
            Example? json = batch.Json(i);
            Assert.Equal(e.LabelJson, json?.LabelJson);
            Assert.Equal(e.IdJson, json?.IdJson);
            Assert.Equal(e.OtherJsonFields, json?.OtherJsonFields);
        }

        Assert.Equal((expected.RecordCount, expected.SkippedCount, expected.EmptyTextCount), (reader.RecordCount, reader.SkippedCount, reader.EmptyTextCount));
    }

    [Fact]
    public void RemoveLast_gives_back_the_characters_and_the_entry()
    {
        var batch = new ExampleBatch();
        batch.Add("1", "first text", "a");
        batch.Add("2", "second", "b");
        batch.RemoveLast();
        batch.Add("3", "third", null);
        Assert.Equal(2, batch.Count);
        Assert.Equal(("1", "first text", "a"), (batch.Id(0).ToString(), batch.Text(0).ToString(), batch.Label(0)));
        Assert.Equal(("3", "third", (string?)null), (batch.Id(1).ToString(), batch.Text(1).ToString(), batch.Label(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => batch.Text(2));
    }

    [Theory]
    [InlineData(CorpusFormat.Tsv)]
    [InlineData(CorpusFormat.Csv)]
    [InlineData(CorpusFormat.FastText)]
    [InlineData(CorpusFormat.TsvQuoted)]
    [InlineData(CorpusFormat.Text)]
    public void Reading_into_a_batch_allocates_nothing_per_line(CorpusFormat format)
    {
        // 20,000 lines of about 100 characters: a string and an Example per line cost about 400 bytes a line before.
        const int Lines = 20_000;
        string path = Path.Combine(TestPaths.NewTempDirectory(), "in");
        var text = new StringBuilder(format is CorpusFormat.Tsv or CorpusFormat.TsvQuoted ? "text\tlabel\n" : format is CorpusFormat.Csv ? "text,label\n" : "");
        for (int i = 0; i < Lines; i++)
        {
            string sentence = $"line {i} holds a sentence of some twenty words, much as the benchmark corpus does, with ünïcode 电影";
            string label = (i % 3) switch { 0 => "pos", 1 => "neg", _ => "neutral" };
            text.Append(format switch
            {
                CorpusFormat.Tsv => $"{sentence}\t{label}\n",
                CorpusFormat.Csv => $"\"{sentence}\",{label}\n",
                CorpusFormat.FastText => i % 2 == 0 ? $"__label__{label} {sentence}\n" : $"{sentence} __label__{label}\n",
                CorpusFormat.TsvQuoted => $"\"{sentence} \"\"quoted\"\"\"\t{label}\n",
                _ => $"{sentence}\n",
            });
        }

        File.WriteAllText(path, text.ToString());
        using CorpusReader reader = CorpusReader.Open(path, new CorpusReaderOptions { Format = format });
        var batch = new ExampleBatch();
        int read = 0;
        long before = 0;
        while (reader.TryReadInto(batch))
        {
            if (++read == 1000)
            {
                before = GC.GetAllocatedBytesForCurrentThread(); // the buffers and the labels' strings are made by now
            }

            if (batch.Count == 256)
            {
                batch.Clear();
            }
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(Lines, read);
        Assert.True(allocated < 2 * (Lines - 1000), $"{allocated:N0} bytes allocated for {Lines - 1000:N0} lines ({(double)allocated / (Lines - 1000):F1} a line)");
    }

    [Fact]
    public void Augmenting_a_batch_again_allocates_nothing()
    {
        // The EDA stages over a chunk that was augmented before (its words' synonyms looked up once): the token lists,
        // random streams and rendered variants are the worker's, reused.
        SynonymDictionary synonyms = SynonymDictionary.Load(TestPaths.WordNet);
        Augmenter stages = Augment.Sequence(
            new SynonymAugmenter(synonyms, new SubstitutionOptions { Probability = 0.2 }),
            new RandomInsertionAugmenter(synonyms),
            new RandomSwapAugmenter(),
            new RandomDeletionAugmenter(0.1));
        var worker = new VariantGenerator.Worker(new VariantGenerator(stages, new VariantOptions { Variants = 4, Seed = 3 }));
        var batch = new ExampleBatch();
        for (int i = 0; i < 256; i++)
        {
            batch.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture), $"The quick brown fox {i} jumps over the lazy dog while a good film plays in the old house", "a");
        }

        worker.Run(batch);
        string first = worker.Variant(255, 3).ToString();
        long before = GC.GetAllocatedBytesForCurrentThread();
        worker.Run(batch);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(first, worker.Variant(255, 3).ToString());
        Assert.True(allocated < 1024, $"{allocated:N0} bytes allocated for 256 examples × 4 variants");
    }
}
