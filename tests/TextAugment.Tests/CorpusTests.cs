using System.Text;
using TextAugment.Corpus;

namespace TextAugment.Tests;

[Collection(nameof(MemoryTests))]
public class CorpusTests
{
    private static List<Example> Read(string content, CorpusReaderOptions options, string name = "input")
    {
        using CorpusReader reader = CorpusReader.Create(new MemoryStream(Encoding.UTF8.GetBytes(content)), name, options);
        return [.. reader.ReadAll()];
    }

    private static DataFormatException ReadError(byte[] content, CorpusReaderOptions options)
    {
        using var stream = new MemoryStream(content);
        return Assert.Throws<DataFormatException>(() =>
        {
            using CorpusReader reader = CorpusReader.Create(stream, "input", options);
            _ = reader.ReadAll().ToList();
        });
    }

    private static DataFormatException ReadError(string content, CorpusReaderOptions options) => ReadError(Encoding.UTF8.GetBytes(content), options);

    [Fact]
    public void Tsv_escaped_reads_named_columns_and_unescapes_fields()
    {
        var rows = Read("label\ttext\tid\r\npos\tgood\\tfilm\\nhere\ta1\n\nneg\tbad\ta2\n", new CorpusReaderOptions { Format = CorpusFormat.TsvEscaped });
        Assert.Equal([new Example("a1", "good\tfilm\nhere", "pos"), new Example("a2", "bad", "neg")], rows);
    }

    [Fact]
    public void Rows_with_the_same_label_share_one_label_string_and_keep_its_text()
    {
        // The reader decodes each distinct label once; every label still reads as written (non-ASCII, escaped, long ones).
        string longLabel = new('x', 200);
        var rows = Read($"id\ttext\tlabel\n1\ta\tpos\n2\tb\tnég\n3\tc\tpos\n4\td\tnég\n5\te\t{longLabel}\n6\tf\t{longLabel}\n7\tg\tposs\n", new CorpusReaderOptions());
        Assert.Equal(["pos", "nég", "pos", "nég", longLabel, longLabel, "poss"], rows.Select(r => r.Label));
        Assert.Same(rows[0].Label, rows[2].Label);
        Assert.Same(rows[1].Label, rows[3].Label);
        Assert.Equal(["a", "b", "c", "d", "e", "f", "g"], rows.Select(r => r.Text)); // other columns are not shared
        var escaped = Read("text\tlabel\ngood\ta\\tb\nbad\ta\\tb\n", new CorpusReaderOptions { Format = CorpusFormat.TsvEscaped });
        Assert.Equal(["a\tb", "a\tb"], escaped.Select(r => r.Label));
        var noHeader = Read("pos\tone\nneg\ttwo\npos\tthree\n", new CorpusReaderOptions { HasHeader = false, TextColumn = "2", LabelColumn = "1" });
        Assert.Equal(["pos", "neg", "pos"], noHeader.Select(r => r.Label));
        Assert.Same(noHeader[0].Label, noHeader[2].Label);
    }

    [Fact]
    public void Plain_tsv_keeps_backslashes_as_they_are()
    {
        var rows = Read("text\tlabel\nC:\\temp\\new and \\frac{1}{2}\tpos\n", new CorpusReaderOptions());
        Assert.Equal("C:\\temp\\new and \\frac{1}{2}", rows[0].Text);
        var chars = new CharBuffer();
        RowFormatter.For(CorpusFormat.Tsv).WriteRow(chars, "1", 0, rows[0].Text, "pos");
        Assert.Equal("1\t0\tC:\\temp\\new and \\frac{1}{2}\tpos\n", chars.AsSpan().ToString()); // written back unchanged
    }

    [Fact]
    public void Plain_tsv_refuses_a_tab_or_line_break_in_a_field_and_names_the_formats_that_hold_one()
    {
        var error = Assert.Throws<DataFormatException>(() => RowFormatter.For(CorpusFormat.Tsv).WriteRow(new CharBuffer(), "1", 0, "a\tb", null));
        Assert.Contains("write format tsv-quoted, tsv-escaped, csv or jsonl instead", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_id_column_the_id_is_the_line_number()
    {
        var rows = Read("text\nfirst\nsecond\n", new CorpusReaderOptions());
        Assert.Equal(["2", "3"], rows.Select(r => r.Id));
        Assert.All(rows, r => Assert.Null(r.Label));
    }

    [Fact]
    public void Csv_reads_quoted_fields_with_commas_quotes_and_line_breaks()
    {
        const string csv = "id,text,label\n1,\"Hello, \"\"world\"\"\",a\n2,\"two\r\nlines\",b\n3,plain,\n";
        var rows = Read(csv, new CorpusReaderOptions { Format = CorpusFormat.Csv });
        Assert.Equal([new Example("1", "Hello, \"world\"", "a"), new Example("2", "two\r\nlines", "b"), new Example("3", "plain", "")], rows);
    }

    [Fact]
    public void Jsonl_reads_strings_and_numbers()
    {
        var rows = Read("{\"id\": 7, \"text\": \"caf\\u00e9 ok\", \"label\": 1, \"extra\": [1, {\"a\": 2}]}\n{\"id\": \"b\", \"text\": \"x\"}\n", new CorpusReaderOptions { Format = CorpusFormat.Jsonl });
        Assert.Equal([new Example("7", "café ok", "1") { LabelJson = "1", IdJson = "7", OtherJsonFields = "\"extra\": [1, {\"a\": 2}]" }, new Example("b", "x", null) { IdJson = "\"b\"" }], rows);
    }

    [Fact]
    public void Text_reads_one_example_per_non_empty_line()
    {
        var rows = Read("\uFEFFone\r\n\ntwo", new CorpusReaderOptions { Format = CorpusFormat.Text });
        Assert.Equal([new Example("1", "one", null), new Example("3", "two", null)], rows);
    }

    [Theory]
    [InlineData("text\tlabel\nok\tpos\nbroken\n", "input:3:7: expected 2 tab-separated fields, as in the header, but found 1; the row ends here.")]
    [InlineData("text\tlabel\nok\tpos\ncafé au lait\tpos\tneg\tx\n", "input:3:17: expected 2 tab-separated fields, as in the header, but found 4; field 3 starts after this tab.")]
    [InlineData("id\ttext\tlabel\n1\tok\tpos\n2\t\tneg\t\n", "input:3:7: expected 3 tab-separated fields, as in the header, but found 4; field 4 starts after this tab.")]
    public void A_row_with_the_wrong_number_of_fields_names_the_line_and_column(string input, string message)
    {
        var error = ReadError(input, new CorpusReaderOptions());
        Assert.Equal(message, error.Message);
        Assert.True(error.Column > 0);
    }

    [Fact]
    public void A_headerless_row_without_the_named_column_says_how_many_fields_it_has()
    {
        var error = ReadError("hello\n", new CorpusReaderOptions { HasHeader = false, TextColumn = "2" });
        Assert.Equal("input:1: the row has 1 field but CorpusReaderOptions.TextColumn 2 names column 2 for the text; set CorpusReaderOptions.TextColumn to a column number from 1 to 1.", error.Message);
        error = ReadError("hello\n", new CorpusReaderOptions { HasHeader = false, TextColumn = "2", Names = ReaderSettingNames.None });
        Assert.Equal("input:1: the row has 1 field but column 2 is needed for the text.", error.Message);
    }

    /// <summary>
    /// Item: a column the row lacks (--header false --text 9) or a label column the header lacks is named by the setting
    /// that chose it, in the caller's words (--text, --label; input.text, input.label), as the text column's was.
    /// </summary>
    [Fact]
    public void A_missing_column_names_the_option_or_key_that_chose_it()
    {
        string dir = TestPaths.NewTempDirectory();
        string data = Path.Combine(dir, "d.tsv");
        File.WriteAllText(data, "id\ttext\tlabel\n1\ta cat\tanimal\n2\tan apple\tfood\n");
        string model = Path.Combine(dir, "m.tam");
        var (code, _, errors) = CommandRunner.InProcess("train", data, "-o", model, "--header", "false", "--text", "9", "--label", "3");
        Assert.True(code == 1, errors); // a data error, as every fault of the file read
        Assert.Contains("d.tsv:1: the row has 3 fields but --text 9 names column 9 for the text; set --text to a column number from 1 to 3.", errors, StringComparison.Ordinal);
        (code, _, errors) = CommandRunner.InProcess("train", data, "-o", model, "--label", "topic");
        Assert.True(code == 1, errors); // a data error, as every fault of the file read
        Assert.Contains("the header has no label column 'topic'; it has: id, text, label. Set --label to the column that holds the labels.", errors, StringComparison.Ordinal);
        (code, _, errors) = CommandRunner.InProcess("train", data, "-o", model, "--header", "false", "--text", "2");
        Assert.True(code == 1, errors); // a data error, as every fault of the file read
        Assert.Contains("the label column is 'label', but a file without a header names columns by number (1, 2, ...). Set --label to the column number that holds the labels.", errors, StringComparison.Ordinal);

        string pipeline = Path.Combine(dir, "p.yaml");
        File.WriteAllText(pipeline, $"input: {{ path: {data}, header: false, text: 7, label: 3 }}\naugment: {{ stages: [ random_swap: {{}} ] }}\noutput: {{ path: {dir}/o.tsv }}\n");
        (code, _, errors) = CommandRunner.InProcess("run", pipeline, "--no-progress");
        Assert.True(code != 0, errors);
        Assert.Contains("the row has 3 fields but input.text 7 names column 7 for the text; set input.text to a column number from 1 to 3.", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text,label\n\"a, b\",pos\n\"a\nb\",pos,neg\n", "input:4:7: expected 2 comma-separated fields, as in the header, but found 3; field 3 starts after this comma (quote a field that holds one).")]
    [InlineData("text,label\nok,pos\nonly\n", "input:3:5: expected 2 comma-separated fields, as in the header, but found 1; the row ends here.")]
    public void A_csv_row_with_the_wrong_number_of_fields_names_the_line_and_column_where_it_goes_wrong(string input, string message)
    {
        var error = ReadError(input, new CorpusReaderOptions { Format = CorpusFormat.Csv });
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void A_missing_column_names_the_header_line_and_the_columns_it_has()
    {
        var error = ReadError("sentence\tlabel\nok\tpos\n", new CorpusReaderOptions());
        Assert.Equal("input:1: the header has no text column 'text'; it has: sentence, label. Set CorpusReaderOptions.TextColumn to the column that holds the text.", error.Message);
    }

    [Fact]
    public void Invalid_utf8_names_the_byte_offset()
    {
        byte[] content = [.. Encoding.UTF8.GetBytes("text\nfine\nbad "), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\n")];
        var error = ReadError(content, new CorpusReaderOptions());
        Assert.Equal(14, error.ByteOffset);
        Assert.StartsWith("input:3:5 (byte 14 of the file): invalid UTF-8 (byte 0xC3)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unclosed_csv_quote_names_the_line_where_the_field_starts()
    {
        var error = ReadError("text,label\n\"open,a\nstill open\n", new CorpusReaderOptions { Format = CorpusFormat.Csv });
        Assert.StartsWith("input:2: a quoted field is never closed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stray_quote_in_csv_names_line_and_column()
    {
        var error = ReadError("text,label\nsay \"hi\",a\n", new CorpusReaderOptions { Format = CorpusFormat.Csv });
        Assert.StartsWith("input:2:5: a quote inside an unquoted field", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_json_names_line_and_column()
    {
        var error = ReadError("{\"text\": \"ok\"}\n{\"text\": ok}\n", new CorpusReaderOptions { Format = CorpusFormat.Jsonl });
        Assert.StartsWith("input:2:10: invalid JSON", error.Message, StringComparison.Ordinal);
        var wrongType = ReadError("{\"text\": 5}\n", new CorpusReaderOptions { Format = CorpusFormat.Jsonl });
        Assert.Equal("input:1:10: 'text' must be a string but is a number.", wrongType.Message);
    }

    [Fact]
    public void With_skip_malformed_rows_are_counted_not_dropped_silently()
    {
        byte[] content = [.. Encoding.UTF8.GetBytes("text\tlabel\nok\tpos\nbroken\n"), 0xFF, .. Encoding.UTF8.GetBytes("\tneg\nfine\tneg\n")];
        using CorpusReader reader = CorpusReader.Create(new MemoryStream(content), "input", new CorpusReaderOptions { OnError = RowErrorMode.Skip });
        var rows = reader.ReadAll().ToList();
        Assert.Equal(["ok", "fine"], rows.Select(r => r.Text));
        Assert.Equal(2, reader.SkippedCount);
        Assert.Equal(4, reader.RecordCount);
        Assert.StartsWith("input:3:", reader.SkippedMessages[0], StringComparison.Ordinal);
        Assert.StartsWith("input:4:1 (byte", reader.SkippedMessages[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CorpusFormat.TsvEscaped)]
    [InlineData(CorpusFormat.Csv)]
    [InlineData(CorpusFormat.Jsonl)]
    public void What_a_writer_writes_its_reader_reads_back(CorpusFormat format)
    {
        Example[] examples =
        [
            new("a,1", "tabs\tand \"quotes\", commas\nnew lines \\ backslashes", "l\tabel"),
            new("2", "émoji 👍 and \u0001 control", null),
        ];
        var formatter = RowFormatter.For(format);
        var chars = new CharBuffer();
        formatter.WriteHeader(chars);
        foreach (Example e in examples)
        {
            formatter.WriteRow(chars, e.Id, 0, e.Text, e.Label);
        }

        var rows = Read(chars.AsSpan().ToString(), new CorpusReaderOptions { Format = format })
            .Select(r => r with { LabelJson = null, IdJson = null, OtherJsonFields = null }).ToList(); // the raw JSON is tested on its own
        Assert.Equal(examples[0], rows[0]);
        Assert.Equal(examples[1] with { Label = format == CorpusFormat.Jsonl ? null : "" }, rows[1]);
    }

    [Fact]
    public void A_line_break_cannot_be_written_as_plain_text()
    {
        var error = Assert.Throws<DataFormatException>(() => RowFormatter.For(CorpusFormat.Text).WriteRow(new CharBuffer(), "9", 1, "a\nb", null));
        Assert.Contains("example '9' (variant 1) holds a line break", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reading_does_not_hold_the_corpus_in_memory() => MemoryTests.ReadingDoesNotHoldTheCorpus();
}

/// <summary>Measures the managed heap, so it runs alone: other tests' allocations would blur it.</summary>
[CollectionDefinition(nameof(MemoryTests), DisableParallelization = true)]
public sealed class MemoryTests
{
    internal static void ReadingDoesNotHoldTheCorpus()
    {
        // 200k rows streamed through a reader: the working set grows by far less than the input.
        var stream = new GeneratedStream(200_000);
        using CorpusReader reader = CorpusReader.Create(stream, "generated", new CorpusReaderOptions { Format = CorpusFormat.Text });
        GC.Collect();
        long before = GC.GetTotalMemory(true);
        long count = 0;
        while (reader.TryRead(out _))
        {
            count++;
        }

        long after = GC.GetTotalMemory(true);
        Assert.Equal(200_000, count);
        Assert.True(after - before < stream.Length / 10, $"memory grew by {after - before} bytes for {stream.Length} bytes of input");
    }

    /// <summary>Lines "sentence number N with some words" generated on the fly.</summary>
    private sealed class GeneratedStream(int lines) : Stream
    {
        private int _line;
        private byte[] _pending = [];
        private int _offset;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => (long)lines * 40;
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_offset == _pending.Length)
            {
                if (_line == lines)
                {
                    return 0;
                }

                _pending = Encoding.UTF8.GetBytes($"sentence number {_line++} with some more words\n");
                _offset = 0;
            }

            int n = Math.Min(count, _pending.Length - _offset);
            Array.Copy(_pending, _offset, buffer, offset, n);
            _offset += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
