using System.Text;
using TextAugment.Corpus;
using TextAugment.Pipelines;

namespace TextAugment.Tests;

/// <summary>
/// <c>--shard K/N</c> over a file reads the K-th byte range from the next record boundary (Hadoop input splits): the N
/// outputs concatenated equal the whole run byte for byte, and each record is read by one shard only.
/// </summary>
public class ShardSplitTests
{
    private static readonly string Dir = TestPaths.NewTempDirectory();

    private static readonly Pipeline Swaps = LoadPipeline();

    private static Pipeline LoadPipeline()
    {
        string path = Path.Combine(Dir, "swaps.yaml");
        File.WriteAllText(path, "seed: 5\naugment:\n  variants: 2\n  stages:\n    - one_of:\n        - random_swap: { n: 1 }\n        - random_deletion: { p: 0.2 }\n");
        return Pipeline.Load(path, requireInputOutput: false);
    }

    /// <summary>Lines of varied length (some long, one empty, one white space, a few blank lines), as <paramref name="format"/>.</summary>
    private static string Corpus(string format, string newline)
    {
        var rng = new Random(11);
        string[] words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu"];
        var text = new StringBuilder();
        text.Append(format switch { "tsv-id" => "id\ttext\tlabel", "tsv" => "text\tlabel", _ => "" });
        if (text.Length > 0)
        {
            text.Append(newline);
        }

        for (int i = 0; i < 300; i++)
        {
            if (i % 37 == 5)
            {
                text.Append(newline); // a blank line before a record: the split after it must not read that record twice
            }

            if (i % 41 == 7 && format is "text" or "jsonl")
            {
                text.Append("  ").Append(newline); // a line of white space (in a TSV of 2 or 3 columns it would be malformed)
            }

            string sentence = i == 17 ? "" : i == 90 ? "   " : string.Join(' ', Enumerable.Range(0, 1 + rng.Next(i % 50 == 0 ? 120 : 15)).Select(_ => words[rng.Next(words.Length)]));
            string label = (i % 3).ToString(System.Globalization.CultureInfo.InvariantCulture);
            text.Append(format switch
            {
                "tsv-id" => $"r{i}\t{sentence}\t{label}",
                "tsv" => $"{sentence}\t{label}",
                "jsonl" => sentence.Length == 0 ? "{\"text\": \"\"}" : $"{{\"text\": \"{sentence}\", \"label\": \"{label}\"}}",
                _ => sentence,
            });
            text.Append(newline);
        }

        if (rng.Next(2) == 0 || format == "text")
        {
            text.Append("last line without a line break");
        }

        return text.ToString();
    }

    private static string RunToText(string input, string extension, IdSource ids, Shard? shard)
    {
        string output = Path.Combine(Dir, $"out-{Guid.NewGuid():N}.tsv");
        PipelineRunner.Run(Swaps, new RunSettings
        {
            InputPath = input,
            InputFormat = extension switch { "jsonl" => CorpusFormat.Jsonl, "txt" => CorpusFormat.Text, _ => CorpusFormat.Tsv },
            OutputPath = output,
            Threads = 2,
            Shard = shard,
            Ids = ids,
        });
        string text = File.ReadAllText(output);
        File.Delete(output);
        return text;
    }

    [Theory]
    [InlineData("text", "\n", IdSource.Line)]
    [InlineData("text", "\r\n", IdSource.Line)]
    [InlineData("text", "\n", IdSource.Offset)]
    [InlineData("text", "\r\n", IdSource.Hash)]
    [InlineData("tsv", "\r\n", IdSource.Offset)]
    [InlineData("tsv", "\n", IdSource.Line)]
    [InlineData("tsv-id", "\n", IdSource.Line)]
    [InlineData("tsv-id", "\r\n", IdSource.Offset)]
    [InlineData("jsonl", "\n", IdSource.Hash)]
    [InlineData("jsonl", "\r\n", IdSource.Line)]
    public void Shards_concatenated_equal_the_whole_run_byte_for_byte(string format, string newline, IdSource ids)
    {
        string extension = format switch { "jsonl" => "jsonl", "text" => "txt", _ => "tsv" };
        string input = Path.Combine(Dir, $"in-{format}-{ids}-{newline.Length}.{extension}");
        File.WriteAllText(input, Corpus(format, newline));
        string whole = RunToText(input, extension, ids, null);
        Assert.True(whole.Split('\n').Length > 800, "the whole run wrote too few rows to tell anything");
        foreach (int n in new[] { 2, 3, 7, 64 })
        {
            var concatenated = new StringBuilder();
            for (int k = 1; k <= n; k++)
            {
                concatenated.Append(RunToText(input, extension, ids, new Shard(k, n)));
            }

            Assert.True(whole == concatenated.ToString(), $"{n} shards of {format} ({ids} ids) differ from the whole run");
        }
    }

    /// <summary>
    /// Item: every JSON Lines object has an id field or none, in the whole file. A split after the first holds its objects to
    /// the file's first object, so the splits together refuse a mix as the whole read does; before, each split saw only its
    /// own objects, both exited 0, and the parts held explicit id "150" beside "150" from a line number.
    /// </summary>
    [Theory]
    [InlineData(true, IdSource.Line)]
    [InlineData(false, IdSource.Line)]
    [InlineData(true, IdSource.Offset)]
    [InlineData(false, IdSource.Hash)]
    public void Json_lines_splits_together_refuse_objects_with_and_without_ids_as_the_whole_read_does(bool idsFirst, IdSource ids)
    {
        string input = Path.Combine(Dir, $"mixed-ids-{idsFirst}-{ids}.jsonl");
        IEnumerable<string> with = Enumerable.Range(150, 100).Select(i => $"{{\"id\": \"{i}\", \"text\": \"the film number {i} was good\"}}");
        IEnumerable<string> without = Enumerable.Range(0, 100).Select(i => $"{{\"text\": \"the film number {i} was bad\"}}");
        File.WriteAllLines(input, idsFirst ? [.. with, .. without] : [.. without, .. with]);
        long length = new FileInfo(input).Length;
        var options = new CorpusReaderOptions { Format = CorpusFormat.Jsonl, Ids = ids };
        using (CorpusReader reader = CorpusReader.Open(input, options))
        {
            Assert.Throws<DataFormatException>(() => reader.ReadAll().Count());
        }

        foreach (int n in new[] { 2, 3, 7 })
        {
            var refused = new List<string>();
            for (int k = 1; k <= n; k++)
            {
                var (start, end) = new Shard(k, n).RangeOf(length);
                using CorpusReader split = CorpusReader.OpenSplit(input, options, start, end);
                try
                {
                    _ = split.ReadAll().Count();
                }
                catch (DataFormatException error)
                {
                    refused.Add(error.Message);
                }
            }

            Assert.NotEmpty(refused);
            Assert.All(refused, m => Assert.Contains(idsFirst ? "but the object on line 1 has one" : "but the object on line 1 has none", m, StringComparison.Ordinal));
        }

        // Objects that agree with the first are read by every split.
        File.WriteAllLines(input, idsFirst ? with : without);
        var (s2, e2) = new Shard(2, 2).RangeOf(new FileInfo(input).Length);
        using CorpusReader agreeing = CorpusReader.OpenSplit(input, options, s2, e2);
        Assert.True(agreeing.ReadAll().Count() > 0);
    }

    [Fact]
    public void A_shard_run_over_json_lines_with_ids_then_none_fails_as_the_whole_run_does()
    {
        string dir = TestPaths.NewTempDirectory();
        File.WriteAllLines(Path.Combine(dir, "in.jsonl"), [
            .. Enumerable.Range(150, 100).Select(i => $"{{\"id\": \"{i}\", \"text\": \"the film number {i} was good\"}}"),
            .. Enumerable.Range(0, 100).Select(i => $"{{\"text\": \"the film number {i} was bad\"}}")]);
        File.WriteAllText(Path.Combine(dir, "p.yaml"), "input: { path: in.jsonl }\noutput: { path: out.jsonl }\naugment:\n  stages: [ { random_swap: {} } ]\n");
        Assert.Equal(1, CommandRunner.Child("", "run", Path.Combine(dir, "p.yaml"), "--no-progress").ExitCode);
        var (code, _, errors) = CommandRunner.Child("", "run", Path.Combine(dir, "p.yaml"), "--no-progress", "--shard", "2/2");
        Assert.True(code == 1, errors);
        Assert.Contains("in.jsonl:101: the object has no 'id' field, but the object on line 1 has one", errors, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir, "out.part-2-of-2.jsonl")));
    }

    /// <summary>
    /// About 60 lines of <paramref name="format"/>, each a record or not: blank lines (runs of them too), lines of white
    /// space only, LF, CRLF and lone CR line ends mixed at random (a lone CR before a blank line's LF reads as one CRLF, and
    /// a record's lone CR before a blank line's CRLF is the <c>\r\r\n</c> case), a byte-order mark and a header line when
    /// asked, and a last line with or without its line break. A TSV or CSV record is text and label.
    /// </summary>
    private static byte[] MixedCorpus(string format, bool header, bool bom, int seed)
    {
        var rng = new Random(seed);
        string[] words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa"];
        string[] breaks = ["\n", "\r\n", "\r"];
        var text = new StringBuilder(bom ? "\uFEFF" : "");
        char separator = format == "csv" ? ',' : '\t';
        if (header)
        {
            text.Append("text").Append(separator).Append("label").Append(breaks[rng.Next(3)]);
        }

        string Record(int i)
        {
            string sentence = string.Join(' ', Enumerable.Range(0, 1 + rng.Next(6)).Select(_ => words[rng.Next(words.Length)]));
            string label = i % 2 == 0 ? "a" : "b";
            return format switch
            {
                "text" => sentence,
                "fasttext" => $"__label__{label} {sentence}",
                "jsonl" => $"{{\"text\": \"{sentence}\", \"label\": \"{label}\"}}",
                "tsv-escaped" => $"{sentence}\\t{i}\t{label}",
                "tsv-quoted" or "csv" when i % 7 == 3 => $"\"{sentence}\n{i}\"{separator}{label}", // a line break inside a quoted field
                _ => $"{sentence}{separator}{label}",
            };
        }

        for (int i = 0; i < 60; i++)
        {
            int kind = i == 0 ? 9 : rng.Next(10); // the first line a record: a header-less TSV's first row gives the number of fields
            text.Append(kind < 2 ? "" : kind < 3 ? new string(' ', 1 + rng.Next(3)) : Record(i)).Append(breaks[rng.Next(3)]);
        }

        if (rng.Next(2) == 0)
        {
            text.Append(Record(60)); // a last line without a line break
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static CorpusFormat FormatOf(string format) => CorpusFormats.Parse(format) ?? throw new ArgumentException(format, nameof(format));

    /// <summary>
    /// Item (newcomer 5, fault 1): a split owns the records that start in its byte range, and stops before one that starts
    /// at or past its end, blank lines before that record included. TSV and JSON Lines skipped a blank line inside their
    /// range and then read the record after it without looking where it started, so when a split's end fell on that
    /// record's first byte, both splits read it. A record's byte offset (its id under --ids offset) is where its own line
    /// starts, not a blank line before it, so that the split that starts on it gives it the same id as the whole read.
    /// </summary>
    [Theory]
    [InlineData("text")]
    [InlineData("fasttext")]
    [InlineData("jsonl")]
    [InlineData("tsv")]
    [InlineData("tsv-escaped")]
    public void Every_record_is_read_by_exactly_one_split_and_a_split_stops_after_its_last_record(string format)
    {
        for (int seed = 0; seed < 4; seed++)
        {
            // Given a file with blank lines, white-space lines and mixed line ends, with a header or none, a BOM or none
            bool delimited = format.StartsWith("tsv", StringComparison.Ordinal), header = delimited && seed % 2 == 0;
            string input = Path.Combine(Dir, $"splits-{format}-{seed}.{format}");
            byte[] bytes = MixedCorpus(format, header, bom: seed < 2, seed);
            File.WriteAllBytes(input, bytes);
            var options = new CorpusReaderOptions
            {
                Format = FormatOf(format),
                HasHeader = header,
                TextColumn = delimited && !header ? "1" : "text",
                LabelColumn = delimited && !header ? "2" : null,
                OnError = RowErrorMode.Skip, // a line of white space is a malformed row of a two-column TSV
                Ids = IdSource.Offset,
            };
            var whole = new List<string>();
            long records;
            using (CorpusReader reader = CorpusReader.Open(input, options))
            {
                whole.AddRange(reader.ReadAll().Select(e => $"{e.Id} {e.Label} {e.Text}"));
                records = reader.RecordCount;
            }

            Assert.True(whole.Count > 30, $"{format}: too few records to tell anything");
            for (int n = 1; n <= 40; n++)
            {
                // When it is read in n splits
                var joined = new List<string>();
                long splitRecords = 0;
                for (int k = 1; k <= n; k++)
                {
                    var (start, end) = new Shard(k, n).RangeOf(bytes.Length);
                    using CorpusReader split = CorpusReader.OpenSplit(input, options, start, end);
                    foreach (Example example in split.ReadAll())
                    {
                        // Then each record comes from the split its own first byte is in
                        long offset = long.Parse(example.Id, System.Globalization.CultureInfo.InvariantCulture);
                        Assert.True(offset >= start && offset < end, $"{format} (seed {seed}), split {k}/{n} [{start}, {end}) read the record at byte {offset}: {example.Text}");
                        Assert.True(bytes[offset] is not ((byte)'\n' or (byte)'\r'), $"{format} (seed {seed}): the record '{example.Text}' has the offset {offset} of a line break before it, not of its own line");
                        joined.Add($"{example.Id} {example.Label} {example.Text}");
                    }

                    splitRecords += split.RecordCount;
                }

                // and the splits together read what the whole read does, each record once
                Assert.True(whole.SequenceEqual(joined), $"{n} splits of {format} (seed {seed}) read {joined.Count} records, the whole read {whole.Count}: {string.Join(" | ", joined.Except(whole).Concat(joined.GroupBy(r => r).Where(g => g.Count() > 1).Select(g => "twice: " + g.Key)))}");
                Assert.Equal(records, splitRecords);
            }
        }
    }

    /// <summary>
    /// Item (found by the byte-for-byte property test over every format): every row of a header-less TSV has as many fields as the file's first row.
    /// A split after the first took the count from its own first row, so over a file whose first row has three fields and
    /// the rest two, the whole read refused (or skipped) every row after the first while each later split read its rows.
    /// </summary>
    [Theory]
    [InlineData(IdSource.Line)]
    [InlineData(IdSource.Offset)]
    public void A_split_of_a_header_less_tsv_holds_its_rows_to_the_first_row_of_the_file_as_the_whole_read_does(IdSource ids)
    {
        // Given a header-less TSV whose first row (after a blank line) has three fields and whose other rows have two
        string input = Path.Combine(Dir, $"first-row-{ids}.tsv");
        File.WriteAllText(input, "\none two\ta\textra\n" + string.Concat(Enumerable.Range(0, 50).Select(i => $"row {i}\tb\n")));
        long length = new FileInfo(input).Length;
        var skip = new CorpusReaderOptions { Format = CorpusFormat.Tsv, HasHeader = false, TextColumn = "1", LabelColumn = "2", Ids = ids, OnError = RowErrorMode.Skip };
        var fail = skip with { OnError = RowErrorMode.Fail };
        using (CorpusReader whole = CorpusReader.Open(input, skip))
        {
            Assert.Equal(["one two"], whole.ReadAll().Select(e => e.Text));
            Assert.Equal(50, whole.SkippedCount);
        }

        foreach (int n in new[] { 2, 3, 7 })
        {
            long skipped = 0;
            var texts = new List<string>();
            for (int k = 1; k <= n; k++)
            {
                // When it is read in n splits
                var (start, end) = new Shard(k, n).RangeOf(length);
                using (CorpusReader split = CorpusReader.OpenSplit(input, skip, start, end))
                {
                    texts.AddRange(split.ReadAll().Select(e => e.Text));
                    skipped += split.SkippedCount;
                }

                // Then a split that fails on malformed rows refuses its first, as the whole read does line 3
                using CorpusReader failing = CorpusReader.OpenSplit(input, fail, start, end);
                if (k > 1)
                {
                    var error = Assert.Throws<DataFormatException>(() => failing.ReadAll().Count());
                    Assert.Contains("expected 3 tab-separated fields, as in the first row, but found 2", error.Message, StringComparison.Ordinal);
                }
            }

            // and the splits skipping them skip what the whole read skips
            Assert.Equal(["one two"], texts);
            Assert.Equal(50, skipped);
        }
    }

    /// <summary>
    /// The byte-for-byte property over every input format, as <c>--shard K/N</c> runs it (<see cref="PipelineRunner"/>: a
    /// byte range of the file, or a count of records for CSV and tsv-quoted, whose quoted fields may hold line breaks): for
    /// every N from 1 to 40, the N outputs concatenated equal the whole run's, over inputs with blank lines, lines of white
    /// space, LF/CR/CRLF mixed, a byte-order mark or none and a header or none, under each id source.
    /// </summary>
    [Theory]
    [InlineData("text", false, true, IdSource.Offset)]
    [InlineData("text", false, false, IdSource.Line)]
    [InlineData("fasttext", false, true, IdSource.Hash)]
    [InlineData("fasttext", false, false, IdSource.Offset)]
    [InlineData("jsonl", false, true, IdSource.Line)]
    [InlineData("jsonl", false, false, IdSource.Offset)]
    [InlineData("tsv", true, true, IdSource.Offset)]
    [InlineData("tsv", true, false, IdSource.Line)]
    [InlineData("tsv", false, true, IdSource.Hash)]
    [InlineData("tsv-escaped", true, false, IdSource.Offset)]
    [InlineData("tsv-escaped", false, true, IdSource.Line)]
    [InlineData("tsv-quoted", true, true, IdSource.Offset)]
    [InlineData("csv", true, false, IdSource.Line)]
    [InlineData("csv", false, true, IdSource.Hash)]
    public void Shards_of_every_format_concatenated_equal_the_whole_run_for_every_count_up_to_40(string format, bool header, bool bom, IdSource ids)
    {
        // Given a file of the format with blank and white-space lines, mixed line ends, and the BOM and header asked for
        string dir = TestPaths.NewTempDirectory();
        string input = Path.Combine(dir, "in.data");
        File.WriteAllBytes(input, MixedCorpus(format, header, bom, seed: format.Length + (header ? 10 : 0) + (bom ? 20 : 0)));
        bool delimited = format.StartsWith("tsv", StringComparison.Ordinal) || format == "csv";
        string columns = !delimited ? "" : header ? ", header: true" : ", header: false, text: 1, label: 2";
        string pipelinePath = Path.Combine(dir, "p.yaml");
        File.WriteAllText(pipelinePath, $"seed: 5\ninput: {{ path: in.data, format: {format}{columns}, on_error: skip }}\noutput: {{ path: out.tsv, format: tsv-escaped }}\naugment:\n  variants: 2\n  stages: [ {{ random_swap: {{ n: 1 }} }} ]\n");
        Pipeline pipeline = Pipeline.Load(pipelinePath);
        byte[] Run(Shard? shard)
        {
            string output = Path.Combine(dir, "out.tsv");
            PipelineRunner.Run(pipeline, new RunSettings { OutputPath = output, Threads = 1, Shard = shard, Ids = ids });
            return File.ReadAllBytes(output);
        }

        byte[] whole = Run(null);
        Assert.True(whole.Count(b => b == (byte)'\n') > 90, $"{format}: the whole run wrote too few rows to tell anything");
        for (int n = 1; n <= 40; n++)
        {
            // When it is run as n shards
            var concatenated = new List<byte>();
            for (int k = 1; k <= n; k++)
            {
                concatenated.AddRange(Run(new Shard(k, n)));
            }

            // Then the parts concatenated are the whole run, byte for byte
            Assert.True(whole.AsSpan().SequenceEqual(concatenated.ToArray()), $"{n} shards of {format} (header {header}, BOM {bom}, {ids} ids) differ from the whole run: {concatenated.Count} bytes against {whole.Length}");
        }
    }

    [Fact]
    public void Standard_input_partitions_with_hash_ids_concatenate_to_the_whole_run()
    {
        string corpus = Corpus("text", "\n");
        string[] lines = corpus.Split('\n');
        var options = new CorpusReaderOptions { Format = CorpusFormat.Text, Ids = IdSource.Hash };
        byte[] Run(string text, bool header)
        {
            using CorpusReader reader = CorpusReader.Create(new MemoryStream(Encoding.UTF8.GetBytes(text)), "<stdin>", options);
            using var output = new MemoryStream();
            CorpusAugmenter.Run(reader, null, Swaps.Generator, output, new CorpusAugmentOptions { Threads = 2, OutputFormat = CorpusFormat.Tsv, WriteHeader = header });
            return output.ToArray();
        }

        byte[] whole = Run(corpus, header: true);
        var parts = new List<byte>();
        int[] cuts = [0, 40, 41, 200, lines.Length];
        for (int p = 0; p + 1 < cuts.Length; p++)
        {
            string part = string.Join('\n', lines[cuts[p]..cuts[p + 1]]) + (cuts[p + 1] < lines.Length ? "\n" : "");
            parts.AddRange(Run(part, header: p == 0));
        }

        Assert.Equal(whole, parts.ToArray());
    }

    [Theory]
    [InlineData("line")]
    [InlineData("offset")]
    public void A_later_standard_input_shard_refuses_ids_from_its_own_positions(string ids)
    {
        string pipeline = Path.Combine(Dir, "swaps.yaml");
        var (code, output, errors) = CommandRunner.Child("one two three\nfour five six\n", "augment", pipeline, "--input-format", "text", "--no-progress", "--shard", "2/3", "--ids", ids);
        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.Contains("<stdin>:1: this record has no id", errors, StringComparison.Ordinal);
        Assert.Contains("give --ids hash", errors, StringComparison.Ordinal);

        // The first part starts where the input starts, a hash is the same in any split, and an id column is the record's own.
        Assert.Equal(0, CommandRunner.Child("one two three\n", "augment", pipeline, "--input-format", "text", "--no-progress", "--shard", "1/3", "--ids", ids).ExitCode);
        Assert.Equal(0, CommandRunner.Child("one two three\n", "augment", pipeline, "--input-format", "text", "--no-progress", "--shard", "2/3", "--ids", "hash").ExitCode);
        Assert.Equal(0, CommandRunner.Child("id\ttext\nr7\tone two three\n", "augment", pipeline, "--input-format", "tsv", "--no-progress", "--shard", "2/3", "--ids", ids).ExitCode);
    }

    [Fact]
    public void Run_writes_each_shard_beside_the_pipeline_output_and_the_parts_concatenate_to_the_whole_run()
    {
        string dir = TestPaths.NewTempDirectory();
        File.WriteAllText(Path.Combine(dir, "in.txt"), Corpus("text", "\n"));
        File.WriteAllText(Path.Combine(dir, "p.yaml"), "seed: 5\ninput: { path: in.txt, format: text }\noutput: { path: out.tsv, format: tsv }\naugment:\n  variants: 2\n  stages: [ { random_swap: { n: 1 } } ]\n");
        Assert.Equal(0, CommandRunner.Child("", "run", Path.Combine(dir, "p.yaml"), "--no-progress").ExitCode);
        byte[] whole = File.ReadAllBytes(Path.Combine(dir, "out.tsv"));
        var parts = new List<byte>();
        for (int k = 1; k <= 12; k++)
        {
            Assert.Equal(0, CommandRunner.Child("", "run", Path.Combine(dir, "p.yaml"), "--no-progress", "--shard", $"{k}/12").ExitCode);
            parts.AddRange(File.ReadAllBytes(Path.Combine(dir, $"out.part-{k:00}-of-12.tsv")));
        }

        Assert.Equal(whole, File.ReadAllBytes(Path.Combine(dir, "out.tsv"))); // the whole run's output is untouched
        Assert.Equal(whole, parts.ToArray());
    }

    [Fact]
    public void Hash_ids_depend_on_the_text_and_label_only()
    {
        Assert.Equal("69813708856b077b", CorpusReader.ContentHash("a b", "x")); // FNV-1a 64 over UTF-16 code units: the same id in every process and split
        Assert.NotEqual(CorpusReader.ContentHash("a b", "x"), CorpusReader.ContentHash("a b", "y"));
        Assert.NotEqual(CorpusReader.ContentHash("a b", null), CorpusReader.ContentHash("b a", null));
        Assert.Matches("^[0-9a-f]{16}$", CorpusReader.ContentHash("", null));
    }

    [Fact]
    public void A_csv_file_cannot_be_split_by_bytes()
    {
        string input = Path.Combine(Dir, "quoted.csv");
        File.WriteAllText(input, "text\n\"two\nlines\"\n");
        Assert.Throws<ArgumentException>(() => CorpusReader.OpenSplit(input, new CorpusReaderOptions { Format = CorpusFormat.Csv }, 3, 10));
    }

    [Fact]
    public void A_pipeline_names_its_id_source_and_a_wrong_one_is_reported_with_its_line()
    {
        File.WriteAllText(Path.Combine(Dir, "ids.txt"), "a b c\n");
        string good = Path.Combine(Dir, "ids.yaml");
        File.WriteAllText(good, "input: { path: ids.txt, ids: hash }\noutput: { path: ids-out.tsv }\naugment:\n  stages: [ { random_swap: {} } ]\n");
        Assert.Equal(IdSource.Hash, Pipeline.Load(good).Input!.Reader.Ids);
        string bad = Path.Combine(Dir, "ids-bad.yaml");
        File.WriteAllText(bad, "input:\n  path: ids.txt\n  ids: serial\noutput: { path: ids-out.tsv }\naugment:\n  stages: [ { random_swap: {} } ]\n");
        var error = Assert.Throws<PipelineException>(() => Pipeline.Load(bad));
        Assert.Contains(error.Errors, e => e.Line == 3 && e.Message.Contains("serial", StringComparison.Ordinal));
    }
}
