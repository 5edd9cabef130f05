using System.IO.Compression;
using System.Text;
using TextAugment.Cli;
using TextAugment.Corpus;
using TextAugment.Dictionaries;
using TextAugment.Text;
using TextAugment.Vectors;

namespace TextAugment.Tests;

/// <summary>
/// Faults of the readers found by newcomer bug hunts: a CSV record without a size limit, loosely checked word-vector
/// files, compressed files taken for UTF-16, JSON Lines ids that could equal line-number ids.
/// </summary>
[Collection(ConsoleCollection.Name)]
public class InputFaultTests
{
    private static string Write(string dir, string name, byte[] content)
    {
        string path = Path.Combine(dir, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    private static string Write(string dir, string name, string content) => Write(dir, name, Encoding.UTF8.GetBytes(content));

    // A CSV record is bounded as a line is.

    /// <summary>A CSV record whose quoted field spans lines, <paramref name="recordBytes"/> long from its first byte to its closing quote.</summary>
    private static byte[] CsvWithRecordOf(int recordBytes)
    {
        // 1,"AAA…\nBBB…"   : 3 + a + 1 + b + 1 bytes, each line under the line limit.
        int a = recordBytes / 2, b = recordBytes - 5 - a;
        var bytes = new List<byte>(recordBytes + 16);
        bytes.AddRange("id,text\n1,\""u8.ToArray());
        bytes.AddRange(Enumerable.Repeat((byte)'a', a));
        bytes.Add((byte)'\n');
        bytes.AddRange(Enumerable.Repeat((byte)'b', b));
        bytes.AddRange("\"\n"u8.ToArray());
        return [.. bytes];
    }

    [Fact]
    public void A_csv_record_of_exactly_16_MiB_is_read_and_one_byte_more_is_refused_at_the_line_where_it_starts()
    {
        int limit = Utf8LineReader.MaxLineBytes;
        Assert.Equal(16 << 20, limit);
        using (CorpusReader reader = CorpusReader.Create(new MemoryStream(CsvWithRecordOf(limit)), "at.csv", new CorpusReaderOptions { Format = CorpusFormat.Csv }))
        {
            Assert.True(reader.TryRead(out Example? example));
            Assert.Equal(limit - 4, example.Text.Length); // the record less 1,"…" plus its line break, read as \n
            Assert.False(reader.TryRead(out _));
        }

        using (CorpusReader reader = CorpusReader.Create(new MemoryStream(CsvWithRecordOf(limit + 1)), "over.csv", new CorpusReaderOptions { Format = CorpusFormat.Csv, OnError = RowErrorMode.Skip }))
        {
            // Whole-file: skipping it would go on reading inside the open field.
            var error = Assert.Throws<DataFormatException>(() => reader.TryRead(out _));
            Assert.StartsWith("over.csv:2:1 (byte 8 of the file): a CSV record longer than 16 MiB (16,777,217 bytes by the end of line 3", error.Message, StringComparison.Ordinal);
            Assert.Contains("limited to 16,777,216 bytes", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_csv_quote_left_open_stops_the_command_at_the_limit_not_at_the_end_of_memory()
    {
        string dir = TestPaths.NewTempDirectory();
        var csv = new StringBuilder("id,text\n1,\"an open quote\n");
        string line = new('x', 1 << 20);
        for (int i = 0; i < 17; i++)
        {
            csv.Append(line).Append('\n');
        }

        string input = Write(dir, "open.csv", csv.ToString());
        string output = Path.Combine(dir, "o.jsonl");
        var (code, _, errors) = CommandRunner.InProcess("augment", Path.Combine(TestPaths.Root, "pipelines", "eda.yaml"), "-i", input, "--input-format", "csv", "-o", output, "--no-progress");
        Assert.Equal(1, code);
        Assert.StartsWith($"{input}:2:1 (byte 8 of the file): a CSV record longer than 16 MiB", errors, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    // Word-vector files: the header's count, repeated words, NUL in a word.

    [Fact]
    public void A_vec_file_with_more_vectors_than_its_header_counts_is_refused_with_the_right_count()
    {
        string dir = TestPaths.NewTempDirectory();
        string path = Write(dir, "v.vec", "2 3\nfoo 1 2 3\nbar 1 0 0\n\nbaz 0 1 0\nqux 0 0 1\n");
        var error = Assert.Throws<DataFormatException>(() => WordVectors.Load(path));
        Assert.StartsWith($"{path}:5: the header promises 2 vectors, but the file holds 4", error.Message, StringComparison.Ordinal);
        Assert.Contains("set it to 4 (the header is '4 3')", error.Message, StringComparison.Ordinal);

        // A limit below the count reads only the first vectors, so the rest are not counted; the right count loads.
        Assert.Equal(1, WordVectors.Load(path, new WordVectorOptions { Limit = 1 }).Count);
        Assert.Equal(4, WordVectors.Load(Write(dir, "ok.vec", "4 3\nfoo 1 2 3\nbar 1 0 0\n\nbaz 0 1 0\nqux 0 0 1\n")).Count);
    }

    [Fact]
    public void A_binary_vector_file_with_data_after_the_counted_vectors_is_refused()
    {
        string dir = TestPaths.NewTempDirectory();
        byte[] Binary(int count, params string[] words)
        {
            var bytes = new List<byte>(Encoding.ASCII.GetBytes($"{count} 2\n"));
            foreach (string word in words)
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(word + " "));
                bytes.AddRange(BitConverter.GetBytes(1f));
                bytes.AddRange(BitConverter.GetBytes(0.5f));
                bytes.Add((byte)'\n');
            }

            return [.. bytes];
        }

        var options = new WordVectorOptions { Format = WordVectorFormat.Word2VecBinary };
        Assert.Equal(2, WordVectors.Load(Write(dir, "ok.bin", Binary(2, "foo", "bar")), options).Count);
        string extra = Write(dir, "extra.bin", Binary(2, "foo", "bar", "baz"));
        var error = Assert.Throws<DataFormatException>(() => WordVectors.Load(extra, options));
        Assert.StartsWith($"{extra} (byte 30 of the file): the header promises 2 vectors, but more data follows the last of them", error.Message, StringComparison.Ordinal);

        string repeated = Write(dir, "dup.bin", Binary(3, "foo", "bar", "foo"));
        error = Assert.Throws<DataFormatException>(() => WordVectors.Load(repeated, options));
        Assert.StartsWith($"{repeated} (byte 30 of the file): the word 'foo' (word 3 of 3) appears a second time: word 1 at byte 4 is the same word", error.Message, StringComparison.Ordinal);

        string nul = Write(dir, "nul.bin", Binary(2, "fo\0o", "bar"));
        error = Assert.Throws<DataFormatException>(() => WordVectors.Load(nul, options));
        Assert.StartsWith($"{nul} (byte 6 of the file): word 1 of 2 holds a NUL byte", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("3 3\nfoo 1 2 3\nbar 1 0 0\nfoo 0 1 0\n", WordVectorFormat.Auto, ":4:1: the word 'foo' appears a second time (first on line 2)")]
    [InlineData("foo 1 2 3\nbar 1 0 0\nfoo 0 1 0\n", WordVectorFormat.Glove, ":3:1: the word 'foo' appears a second time (first on line 1)")]
    [InlineData("2 3\nfoo 1 2 3\nb\0r 1 0 0\n", WordVectorFormat.Word2VecText, ":3:2: the word 'b\\0r' holds a NUL byte")]
    [InlineData("foo 1 2 3\nb\0r 1 0 0\n", WordVectorFormat.Glove, ":2:2: the word 'b\\0r' holds a NUL byte")]
    public void A_text_vector_file_with_a_repeated_word_or_a_nul_in_a_word_is_refused_at_its_line(string content, WordVectorFormat format, string expected)
    {
        string path = Write(TestPaths.NewTempDirectory(), "v.vec", content);
        var error = Assert.Throws<DataFormatException>(() => WordVectors.Load(path, new WordVectorOptions { Format = format }));
        Assert.StartsWith(path + expected, error.Message, StringComparison.Ordinal);
    }

    // Compressed files are named as such; UTF-16 keeps its hint.

    public static TheoryData<string, string, string> CompressedFormats() => new()
    {
        { "gzip", "1f 8b", "gzip -dc" },
        { "bzip2", "42 5a 68", "bzip2 -dc" },
        { "xz", "fd 37 7a 58 5a 00", "xz -dc" },
        { "zstd", "28 b5 2f fd", "zstd -dcq" },
        { "zip", "50 4b 03 04", "unzip -p" },
    };

    /// <summary>A file of <paramref name="format"/>: real gzip; for the others their signature and some data.</summary>
    private static byte[] Compressed(string format, string text)
    {
        if (format == "gzip")
        {
            using var buffer = new MemoryStream();
            using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
            {
                gzip.Write(Encoding.UTF8.GetBytes(text));
            }

            return buffer.ToArray();
        }

        string hex = CompressedFormats().Single(row => (string)row[0] == format)[1].ToString()!;
        byte[] magic = Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));
        return format == "bzip2"
            ? [.. magic, (byte)'9', 0x31, 0x41, 0x59, 0x26, 0x53, 0x59, 0, 1, (byte)'\n', 0] // block size 9, then a block's magic
            : [.. magic, 0, 1, 2, 0, 0, 0, 9, (byte)'\n', 0];
    }

    [Theory]
    [InlineData("BZh\nthe film\n")]
    [InlineData("BZh9 is a name\n")]
    [InlineData("PK\n")]
    [InlineData("a\n")]
    public void Text_that_starts_like_a_signature_is_read_as_text(string content)
    {
        using CorpusReader reader = CorpusReader.Create(new MemoryStream(Encoding.UTF8.GetBytes(content)), "t.txt", new CorpusReaderOptions { Format = CorpusFormat.Text });
        Assert.True(reader.TryRead(out Example? first));
        Assert.Equal(content.Split('\n')[0], first.Text);
    }

    /// <summary>The first line of a stream that is still open is read without waiting for more bytes than the line holds.</summary>
    [Fact]
    public async Task A_short_first_line_of_a_pipe_is_read_before_the_writer_sends_more()
    {
        using var pipe = new System.IO.Pipes.AnonymousPipeServerStream(System.IO.Pipes.PipeDirection.Out);
        using var client = new System.IO.Pipes.AnonymousPipeClientStream(System.IO.Pipes.PipeDirection.In, pipe.ClientSafePipeHandle);
        pipe.Write("hi\n"u8);
        pipe.Flush();
        using var reader = new Utf8LineReader(client, "<stdin>");
        Task<string> first = Task.Run(() => reader.TryReadLine(out ReadOnlySpan<byte> line, out _) ? Encoding.UTF8.GetString(line) : "");
        Assert.Equal("hi", await first.WaitAsync(TimeSpan.FromSeconds(10))); // a TimeoutException: it waited for more input
    }

    [Theory]
    [MemberData(nameof(CompressedFormats))]
    public void Every_reader_names_a_compressed_file_and_the_command_that_decompresses_it(string format, string magic, string command)
    {
        string dir = TestPaths.NewTempDirectory();
        string Expect(string path) => $"{path}: the file looks like a {format}-compressed {(format == "zip" ? "archive" : "file")} (it starts with the bytes {magic}), not text; decompress it first: {command} {path} > {Path.ChangeExtension(path, null)}.decompressed{Path.GetExtension(path)}";

        string corpus = Write(dir, "corpus.tsv", Compressed(format, "id\ttext\n1\ta film\n"));
        var error = Assert.Throws<DataFormatException>(() => CorpusReader.Open(corpus).TryRead(out _));
        Assert.StartsWith(Expect(corpus), error.Message, StringComparison.Ordinal);

        string synonyms = Write(dir, "syn.tsv", Compressed(format, "film\tmovie\n"));
        Assert.StartsWith(Expect(synonyms), Assert.Throws<DataFormatException>(() => SynonymDictionary.Load(synonyms)).Message, StringComparison.Ordinal);

        string stopWords = Write(dir, "stop.txt", Compressed(format, "the\n"));
        Assert.StartsWith(Expect(stopWords), Assert.Throws<DataFormatException>(() => WordSet.Load(stopWords)).Message, StringComparison.Ordinal);

        string vectors = Write(dir, "v.vec", Compressed(format, "1 2\nfilm 1 0\n"));
        Assert.StartsWith(Expect(vectors), Assert.Throws<DataFormatException>(() => WordVectors.Load(vectors)).Message, StringComparison.Ordinal);
        Assert.StartsWith(Expect(vectors), Assert.Throws<DataFormatException>(() => WordVectors.Load(vectors, new WordVectorOptions { Format = WordVectorFormat.Word2VecBinary })).Message, StringComparison.Ordinal);

        string statistics = Write(dir, "stats.tsv", Compressed(format, "x\n"));
        Assert.StartsWith(Expect(statistics), Assert.Throws<DataFormatException>(() => TfIdfStatistics.Load(statistics)).Message, StringComparison.Ordinal);

        string user = Write(dir, "user.txt", Compressed(format, "电影院 5\n"));
        Assert.StartsWith(Expect(user), Assert.Throws<DataFormatException>(() => JiebaSegmenter.Default.WithUserDictionary(user)).Message, StringComparison.Ordinal);

        string vocabulary = Write(dir, "vocab.txt", Compressed(format, "[PAD]\n"));
        Assert.StartsWith(Expect(vocabulary), Assert.Throws<DataFormatException>(() => Onnx.MaskedLanguageModel.Create(TestPaths.Fixture(Path.Combine("models", "mlm-tiny", "model.onnx")), vocabulary)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gzip_corpus_exits_2_from_a_file_or_standard_input_even_when_the_pipeline_skips_bad_rows()
    {
        string dir = TestPaths.NewTempDirectory();
        byte[] gzip = Compressed("gzip", "a fine film\nanother line\n");
        string input = Write(dir, "in.txt", gzip);
        string output = Path.Combine(dir, "o.txt");
        string pipeline = Path.Combine(TestPaths.Root, "pipelines", "eda.yaml");
        Assert.Contains("on_error: skip", File.ReadAllText(pipeline), StringComparison.Ordinal);
        var (code, _, errors) = CommandRunner.InProcess("augment", pipeline, "-i", input, "--input-format", "text", "-o", output, "--no-progress");
        Assert.Equal(2, code);
        Assert.StartsWith($"{input}: the file looks like a gzip-compressed file (it starts with the bytes 1f 8b), not text; decompress it first: gzip -dc {input} > {Path.ChangeExtension(input, null)}.decompressed.txt.", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("UTF-16", errors, StringComparison.Ordinal);
        Assert.False(File.Exists(output));

        (code, _, errors) = CommandRunner.Child(gzip, "augment", pipeline, "--input-format", "text", "--no-progress");
        Assert.Equal(2, code);
        Assert.StartsWith("<stdin>: the file looks like a gzip-compressed file (it starts with the bytes 1f 8b), not text; decompress it first (e.g. gzip -dc FILE | textaugment …).", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE, (byte)'a', 0, (byte)'\n', 0 }, "u.txt:1:1 (byte 0 of the file): a UTF-16 (little-endian) byte-order mark (ff fe)")]
    [InlineData(new byte[] { 0xFE, 0xFF, 0, (byte)'a', 0, (byte)'\n' }, "u.txt:1:1 (byte 0 of the file): a UTF-16 (big-endian) byte-order mark (fe ff)")]
    [InlineData(new byte[] { (byte)'a', 0, (byte)' ', 0, (byte)'b', 0, (byte)'\n', 0 }, "u.txt:1:2 (byte 1 of the file): a NUL byte (is the file UTF-16LE, UTF-16 without a byte-order mark? convert it to UTF-8: iconv -f UTF-16LE -t UTF-8")]
    [InlineData(new byte[] { (byte)'a', (byte)'b', (byte)'c', 0, 0, 0, 1, (byte)'\n' }, "u.txt:1:4 (byte 3 of the file): a NUL byte; text holds no NUL bytes (is this a binary file?")]
    public void Utf16_keeps_its_hint_and_other_nul_bytes_do_not_get_it(byte[] content, string expected)
    {
        string dir = TestPaths.NewTempDirectory();
        string path = Write(dir, "u.txt", content);
        var error = Assert.Throws<DataFormatException>(() => CorpusReader.Open(path, new CorpusReaderOptions { Format = CorpusFormat.Text }).TryRead(out _));
        Assert.StartsWith(Path.Combine(dir, expected), error.Message, StringComparison.Ordinal);
    }

    // JSON Lines ids: every object has one or none, and null is no id.

    [Theory]
    [InlineData("{\"id\": 2, \"text\": \"a b\"}\n{\"id\": null, \"text\": \"c d\"}\n", "in.jsonl:2:8: 'id' is null; each example needs an id")]
    [InlineData("{\"id\": 2, \"text\": \"a b\"}\n{\"text\": \"c d\"}\n", "in.jsonl:2: the object has no 'id' field, but the object on line 1 has one; give every object an id, or none")]
    [InlineData("{\"text\": \"a b\"}\n{\"text\": \"c d\", \"id\": 1}\n", "in.jsonl:2:23: the object has an 'id' field, but the object on line 1 has none (its id is the line number)")]
    public void A_json_lines_record_cannot_take_a_line_number_id_next_to_explicit_ids(string content, string expected)
    {
        foreach (IdSource ids in new[] { IdSource.Line, IdSource.Offset, IdSource.Hash })
        {
            using CorpusReader reader = CorpusReader.Create(new MemoryStream(Encoding.UTF8.GetBytes(content)), "in.jsonl", new CorpusReaderOptions { Format = CorpusFormat.Jsonl, Ids = ids });
            Assert.True(reader.TryRead(out _));
            var error = Assert.Throws<DataFormatException>(() => reader.TryRead(out _));
            Assert.StartsWith(ids == IdSource.Line ? expected : expected.Split(" (its id", 2)[0], error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Json_lines_ids_all_given_or_all_from_the_position_are_read()
    {
        List<Example> Read(string content)
        {
            using CorpusReader reader = CorpusReader.Create(new MemoryStream(Encoding.UTF8.GetBytes(content)), "in.jsonl", new CorpusReaderOptions { Format = CorpusFormat.Jsonl });
            return [.. reader.ReadAll()];
        }

        Assert.Equal(["7", "2"], Read("{\"id\": 7, \"text\": \"a\"}\n{\"id\": \"2\", \"text\": \"b\"}\n").Select(e => e.Id));
        Assert.Equal(["1", "3"], Read("{\"text\": \"a\"}\n\n{\"text\": \"b\"}\n").Select(e => e.Id));
    }

    // A pipeline's keys that name files read whole take no '-': PipelinePathTests.A_dash_is_refused_at_every_file_key_but_the_input_and_output
    // and fixtures/invalid/evaluate-test-stdin.yaml, validation-stdin.yaml.
}
