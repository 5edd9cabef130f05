using System.Text;
using TextAugment.Augmenters;
using TextAugment.Classification;
using TextAugment.Corpus;
using TextAugment.Vectors;

namespace TextAugment.Tests;

/// <summary>
/// Readers and writers of corpora and data files against what the tools that write them do: fastText's labels anywhere on
/// a line, TSV quoted as pandas writes it, a quoted field's line breaks as written, white space around a data file's
/// words, and labels that look equal (newcomer 4's faults 4, 5, 10, 11 and 14).
/// </summary>
[Collection(ConsoleCollection.Name)]
public class ReaderFaultTests
{
    private static List<Example> Read(string content, CorpusFormat format, string name = "input", string? label = null)
    {
        using CorpusReader reader = CorpusReader.Create(new MemoryStream(Encoding.UTF8.GetBytes(content)), name, new CorpusReaderOptions { Format = format, LabelColumn = label });
        return [.. reader.ReadAll()];
    }

    private static string Write(CorpusFormat format, params (string Text, string? Label)[] rows)
    {
        var chars = new CharBuffer();
        RowFormatter formatter = RowFormatter.For(format);
        formatter.WriteHeader(chars);
        for (int i = 0; i < rows.Length; i++)
        {
            formatter.WriteRow(chars, (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), 0, rows[i].Text, rows[i].Label);
        }

        return chars.AsSpan().ToString();
    }

    // Fault 4: fastText reads a label from any word that starts with __label__ (Dictionary::getLine); so does every reader here.
    [Theory]
    [InlineData("__label__pos great movie here", "great movie here", "pos")]
    [InlineData("great movie indeed __label__neg", "great movie indeed", "neg")]
    [InlineData("great movie indeed __label__neg  ", "great movie indeed", "neg")]
    [InlineData("good __label__pos film", "good film", "pos")]
    [InlineData("good\t__label__pos\tfilm", "good\tfilm", "pos")]
    [InlineData("  __label__pos  good film", "good film", "pos")]
    [InlineData("x__label__y is a word", "x__label__y is a word", null)]
    [InlineData("no label at all", "no label at all", null)]
    public void A_fastText_label_is_read_wherever_fastText_reads_it(string line, string text, string? label)
    {
        Example e = Assert.Single(Read(line + "\n", CorpusFormat.FastText));
        Assert.Equal(text, e.Text);
        Assert.Equal(label, e.Label);
    }

    [Fact]
    public void A_second_fastText_label_or_one_without_a_name_is_an_error_naming_line_and_column()
    {
        var second = Assert.Throws<DataFormatException>(() => Read("ok __label__a\na __label__x b __label__y\n", CorpusFormat.FastText, "f.ft"));
        Assert.StartsWith("f.ft:2:16: the line has a second label '__label__y' after '__label__x' (column 3)", second.Message, StringComparison.Ordinal);
        var empty = Assert.Throws<DataFormatException>(() => Read("good film __label__\n", CorpusFormat.FastText, "f.ft"));
        Assert.StartsWith("f.ft:1:11: '__label__' has no name", empty.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Augment_and_train_read_the_same_labels_from_a_fastText_file_with_labels_after_the_text()
    {
        string dir = TestPaths.NewTempDirectory();
        string data = Path.Combine(dir, "f.ft"), pipeline = Path.Combine(dir, "sw.yaml");
        File.WriteAllText(data, "__label__pos great movie here\ngreat movie indeed __label__neg\nbad film __label__neg\nfine film __label__pos\n");
        File.WriteAllText(pipeline, "seed: 1\ninput: { path: in.txt }\naugment:\n  variants: 1\n  stages:\n    - random_swap: { n: 1 }\noutput: { path: out.txt }\n");

        string augmentedPath = Path.Combine(dir, "out.jsonl");
        var (augmented, _, errors) = CommandRunner.InProcess("augment", pipeline, "-i", data, "-o", augmentedPath, "--no-progress");
        Assert.True(augmented == 0, errors);
        string output = File.ReadAllText(augmentedPath);
        Assert.Contains("{\"id\":\"2\",\"variant\":0,\"text\":\"great movie indeed\",\"label\":\"neg\"}", output, StringComparison.Ordinal);
        Assert.DoesNotContain("__label__", output, StringComparison.Ordinal);

        var (trained, _, trainErrors) = CommandRunner.InProcess("train", data, "-o", Path.Combine(dir, "f.tam"), "--epochs", "1", "--dim", "4", "--buckets", "1024", "--validation-fraction", "0", "--no-progress");
        Assert.True(trained == 0, trainErrors);
    }

    [Fact]
    public void A_file_whose_first_line_has_a_label_word_after_the_text_is_taken_for_fastText()
    {
        string dir = TestPaths.NewTempDirectory();
        string file = Path.Combine(dir, "data.txt");
        File.WriteAllText(file, "a fine film __label__pos\n");
        Assert.Equal(CorpusFormat.FastText, CorpusFormats.ForLabelledFile(file, CorpusFormat.Tsv));
        Assert.Equal(CorpusFormat.FastText, CorpusFormats.FromContent("a fine film __label__pos\n"u8));
        Assert.Equal(CorpusFormat.Text, CorpusFormats.FromContent("a x__label__pos word\n"u8));
        Assert.Equal(CorpusFormat.Jsonl, CorpusFormats.FromContent("{\"text\": \"a __label__pos\"}\n"u8));
    }

    [Fact]
    public void What_the_fastText_writer_writes_reads_back_the_same_and_a_label_word_in_a_text_is_refused()
    {
        string written = Write(CorpusFormat.FastText, ("great movie", "pos"), ("a\u00A0__label__x word", "neg"));
        List<Example> back = Read(written, CorpusFormat.FastText);
        Assert.Equal(["great movie", "a\u00A0__label__x word"], back.Select(e => e.Text));
        Assert.Equal(["pos", "neg"], back.Select(e => e.Label));
        Assert.Throws<DataFormatException>(() => Write(CorpusFormat.FastText, ("a good\v__label__x film", null)));
    }

    // Fault 5: plain tsv keeps quotes as text and refuses pandas' quoting; tsv-quoted reads and writes it.
    [Fact]
    public void Plain_tsv_refuses_a_field_quoted_as_pandas_writes_it_naming_tsv_quoted()
    {
        var error = Assert.Throws<DataFormatException>(() => Read("text\tlabel\n\"He said \"\"hi\"\" to me\"\tpos\n", CorpusFormat.Tsv, "pd.tsv"));
        Assert.StartsWith("pd.tsv:2:1: the field is quoted, as pandas' to_csv(sep='\\t')", error.Message, StringComparison.Ordinal);
        Assert.Contains("CorpusReaderOptions.Format = CorpusFormat.TsvQuoted", error.Message, StringComparison.Ordinal);

        var header = Assert.Throws<DataFormatException>(() => Read("\"text\"\t\"label\"\n\"good film\"\t\"pos\"\n", CorpusFormat.Tsv, "r.tsv"));
        Assert.StartsWith("r.tsv:1:1: the header's name is quoted", header.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_tsv_keeps_quotes_that_are_the_texts_own()
    {
        List<Example> rows = Read("text\tlabel\n\"Great\" movie\tpos\n\"machine ID\"通常\tneg\n\" 中描述的条件\tneg\n\"Yes\"\tpos\nhe said \"\"hi\"\"\tpos\n", CorpusFormat.Tsv);
        Assert.Equal(["\"Great\" movie", "\"machine ID\"通常", "\" 中描述的条件", "\"Yes\"", "he said \"\"hi\"\""], rows.Select(e => e.Text));
    }

    [Fact]
    public void A_quoted_field_split_by_plain_tsv_gets_a_hint_in_the_field_count_error()
    {
        var error = Assert.Throws<DataFormatException>(() => Read("text\tlabel\n\"line one\nline two\"\tneg\n", CorpusFormat.Tsv, "pd2.tsv"));
        Assert.StartsWith("pd2.tsv:2:10: expected 2 tab-separated fields, as in the header, but found 1; the row ends here. Field 1 starts with a quote and does not end with one", error.Message, StringComparison.Ordinal);
        Assert.Contains("CorpusFormat.TsvQuoted", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tsv_quoted_reads_what_pandas_and_pythons_csv_module_write()
    {
        // Bytes as csv.writer(f, delimiter='\t') and pandas' to_csv(sep='\t', index=False) write them.
        List<Example> rows = Read("text\tlabel\n\"He said \"\"hi\"\" to me\"\tpos\n\"line one\nline two\"\tneg\n\"a\tb\"\tpos\nplain\tneg\n", CorpusFormat.TsvQuoted, label: "label");
        Assert.Equal(["He said \"hi\" to me", "line one\nline two", "a\tb", "plain"], rows.Select(e => e.Text));
        Assert.Equal(["pos", "neg", "pos", "neg"], rows.Select(e => e.Label));

        var stray = Assert.Throws<DataFormatException>(() => Read("text\tlabel\n\"Great\" movie\tpos\n", CorpusFormat.TsvQuoted, "q.tsv"));
        Assert.StartsWith("q.tsv:2:8: unexpected ' ' after a closing quote", stray.Message, StringComparison.Ordinal);
        Assert.Contains("read it as tsv", stray.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> Texts => new()
    {
        "He said \"hi\" to me",
        "\"Great\" movie",
        "\"He said \"\"hi\"\"\"",
        "a\tb",
        "line one\nline two",
        "cr\ronly",
        "crlf\r\nkept",
        "C:\\temp\\new",
        "",
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Every_delimited_writer_reads_back_exactly_or_refuses(string text)
    {
        foreach (CorpusFormat format in (CorpusFormat[])[CorpusFormat.Tsv, CorpusFormat.TsvEscaped, CorpusFormat.TsvQuoted, CorpusFormat.Csv])
        {
            string written;
            try
            {
                written = Write(format, (text + " x", "pos"));
            }
            catch (DataFormatException) when (format == CorpusFormat.Tsv)
            {
                continue; // plain tsv cannot hold a tab or a line break
            }

            Example back = Assert.Single(Read(written, format, label: "label"));
            Assert.Equal(text + " x", back.Text);
        }
    }

    [Fact]
    public void The_plain_tsv_writer_writes_and_counts_a_text_its_reader_would_take_for_pandas_quoting()
    {
        // A stage can make such a text from one that was not (a deletion inside '"big ""red"" dog" barks'): refusing it
        // would stop a long run at that row, so it is written as it is, counted, and the run says so at its end.
        RowFormatter formatter = RowFormatter.For(CorpusFormat.Tsv);
        var chars = new CharBuffer();
        formatter.WriteRow(chars, "1", 3, "\"He said \"\"hi\"\"\"", null);
        formatter.WriteRow(chars, "1", 4, "\"Great\" movie", null);
        Assert.Equal("1\t3\t\"He said \"\"hi\"\"\"\t\n1\t4\t\"Great\" movie\t\n", chars.AsSpan().ToString());
        Assert.Equal(1, formatter.LooksQuoted);
        Assert.Equal("id\tvariant\ttext\tlabel\n1\t0\t\"He said \"\"hi\"\"\"\t\n", Write(CorpusFormat.TsvQuoted, ("He said \"hi\"", null)));
    }

    [Fact]
    public void A_variant_that_looks_pandas_quoted_does_not_stop_a_plain_tsv_run()
    {
        // The replay of newcomer 5's reproduction: a deletion leaves '"big """""' of '"big ""red"" dog" barks loudly'.
        string dir = TestPaths.NewTempDirectory();
        File.WriteAllText(Path.Combine(dir, "w.tsv"), "id\ttext\tlabel\n1\t\"big \"\"red\"\" dog\" barks loudly\tpos\n");
        File.WriteAllText(Path.Combine(dir, "del.yaml"), "seed: 1\naugment:\n  variants: 20\n  keep_original: true\n  stages:\n    - random_deletion: { p: 0.5 }\n");
        string output = Path.Combine(dir, "out.tsv");
        var (code, _, errors) = CommandRunner.InProcess("augment", Path.Combine(dir, "del.yaml"), "-i", Path.Combine(dir, "w.tsv"), "-o", output, "--no-progress");
        Assert.True(code == 0, errors);
        string[] lines = File.ReadAllLines(output);
        Assert.Equal(22, lines.Length);
        int quoted = lines.Skip(1).Count(l => l.Split('\t')[2] is ['"', .., '"'] text && text.Contains("\"\"", StringComparison.Ordinal));
        Assert.True(quoted > 0, "the seed no longer makes such a variant: pick another");
        Assert.Contains($"{quoted} value", errors, StringComparison.Ordinal);
        Assert.Contains("write tsv-quoted, csv or jsonl", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Tsv_quoted_is_not_split_at_byte_offsets()
    {
        string dir = TestPaths.NewTempDirectory();
        string file = Path.Combine(dir, "q.tsv");
        File.WriteAllText(file, "text\n\"a\nb\"\n");
        Assert.Throws<ArgumentException>(() => CorpusReader.OpenSplit(file, new CorpusReaderOptions { Format = CorpusFormat.TsvQuoted }, 0, 4));
        Assert.True(CorpusFormats.MayHoldLineBreaks(CorpusFormat.TsvQuoted));
        Assert.False(CorpusFormats.MayHoldLineBreaks(CorpusFormat.Tsv));
    }

    // Fault 10: a quoted field's line breaks are kept as written.
    [Fact]
    public void A_csv_quoted_field_keeps_its_line_breaks_as_written()
    {
        List<Example> rows = Read("id,text,label\n1,\"a\r\nb c\",p\n2,\"a\rb c\",n\n3,\"a\nb\r\rc\",n\r\n", CorpusFormat.Csv, label: "label");
        Assert.Equal(["a\r\nb c", "a\rb c", "a\nb\r\rc"], rows.Select(e => e.Text));
        Assert.Equal(["p", "n", "n"], rows.Select(e => e.Label));
    }

    [Fact]
    public void The_line_reader_says_which_break_ended_each_line()
    {
        using var reader = new Utf8LineReader(new MemoryStream("a\rb\r\nc\nd"u8.ToArray()), "mixed");
        var breaks = new List<string>();
        while (reader.TryReadLine(out _, out _))
        {
            breaks.Add(reader.LineBreak);
        }

        Assert.Equal(["\r", "\r\n", "\n", ""], breaks);
    }

    // Fault 11: white space around a data file's word.
    [Theory]
    [InlineData("2 3\ngood 1 0 0\ngreat  0.9 0.1 0\n", ":3:7: two spaces (or other white space) between the word 'great' and its numbers")]
    [InlineData("2 3\ngood 1 0 0\n great 0.9 0.1 0\n", ":3:1: the word starts with white space")]
    [InlineData("2 3\ngood 1 0 0\ngreat 0.9  0.1 0\n", ":3:11: two spaces in a row between the numbers")]
    [InlineData("2 3\ngood 1 0 0\ngreat\t0.9 0.1 0\n", ":3:6: a tab;")]
    [InlineData("2 3\ngood 1 0 0\ngr\u00A0eat 0.9 0.1 0\n", ":3:3: the word 'gr\u00A0eat' holds a white space character U+00A0")]
    public void A_vector_file_word_with_stray_white_space_is_an_error_naming_line_and_column(string content, string expected)
    {
        string dir = TestPaths.NewTempDirectory();
        string file = Path.Combine(dir, "v.vec");
        File.WriteAllText(file, content);
        var error = Assert.Throws<DataFormatException>(() => WordVectors.Load(file));
        Assert.StartsWith(file + expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_vector_file_word_with_single_spaces_inside_still_loads()
    {
        string dir = TestPaths.NewTempDirectory();
        string file = Path.Combine(dir, "v.vec");
        File.WriteAllText(file, "2 3\ngood 1 0 0\nnew york 0.9 0.1 0\n");
        WordVectors vectors = WordVectors.Load(file);
        Assert.Equal(["good", "new york"], Enumerable.Range(0, vectors.Count).Select(vectors.Word));
    }

    [Theory]
    [InlineData("great ", false)]
    [InlineData(" great", false)]
    [InlineData("gr\teat", false)]
    [InlineData("gr\neat", false)]
    [InlineData("first-rate", true)]
    [InlineData("superb", true)]
    public void No_source_may_offer_a_candidate_with_white_space_at_an_end_or_a_tab_or_line_break(string candidate, bool allowed)
    {
        Assert.Equal(allowed, SubstitutionOptions.Allows("good", candidate));
    }

    [Fact]
    public void A_tfidf_statistics_word_with_white_space_at_an_end_is_an_error()
    {
        string dir = TestPaths.NewTempDirectory();
        string file = Path.Combine(dir, "s.tsv");
        File.WriteAllText(file, "# textaugment tfidf v1\ndocuments\t2\ngood\t1\t1\ngreat \t1\t1\n");
        var error = Assert.Throws<DataFormatException>(() => TfIdfStatistics.Load(file));
        Assert.StartsWith(file + ":4:6: the word 'great ' is empty or starts or ends with white space", error.Message, StringComparison.Ordinal);
    }

    // Fault 14: labels that look equal.
    [Theory]
    [InlineData("1", "1.0", true)]
    [InlineData("1", "1e0", true)]
    [InlineData("01", "1", true)]
    [InlineData("-0", "0", true)]
    [InlineData("pos", "pos ", true)]
    [InlineData("Pos", "pos", true)]
    [InlineData("1", "2", false)]
    [InlineData("pos", "neg", false)]
    [InlineData("NaN", "nan", true)]
    public void Look_alike_labels_share_a_key(string a, string b, bool same)
    {
        Assert.Equal(same, LabelLookalikes.Key(a) == LabelLookalikes.Key(b));
    }

    [Fact]
    public void Train_names_look_alike_labels_and_the_lines_where_they_first_appear()
    {
        string dir = TestPaths.NewTempDirectory();
        string data = Path.Combine(dir, "l.jsonl");
        File.WriteAllText(data, "{\"text\":\"good film here\",\"label\":1}\n{\"text\":\"bad film here\",\"label\":1.0}\n{\"text\":\"nice film\",\"label\":0}\n");
        var (code, _, errors) = CommandRunner.InProcess("train", data, "-o", Path.Combine(dir, "l.tam"), "--epochs", "1", "--dim", "4", "--buckets", "1024", "--validation-fraction", "0", "--no-progress");
        Assert.True(code == 0, errors);
        Assert.Contains($"{data}: these labels differ only in letter case, surrounding white space or the way a number is written, and each is a class of its own: '1' (line 1) / '1.0' (line 2).", errors, StringComparison.Ordinal);

        string test = Path.Combine(dir, "t.tsv");
        File.WriteAllText(test, "text\tlabel\ngood film\t1\nbad film\t 1\n");
        var (evaluated, _, evaluateErrors) = CommandRunner.InProcess("evaluate", Path.Combine(dir, "l.tam"), test);
        Assert.True(evaluated == 0, evaluateErrors);
        Assert.Contains($"{test}: these labels differ only in", evaluateErrors, StringComparison.Ordinal);
        Assert.Contains("'1' (line 2) / ' 1' (line 3)", evaluateErrors, StringComparison.Ordinal);
    }
}

public class OtherFormatHeaderTests
{
    [Theory]
    [InlineData("sentence,topic\nhello world,a\n", "sentence", "give CorpusReaderOptions.Format: csv to read it as CSV.")]
    [InlineData("{\"sentence\": \"a b\", \"topic\": \"x\"}\n", "sentence", "give CorpusReaderOptions.Format: jsonl to read it as JSON Lines.")]
    [InlineData("__label__a good film\n", "text", "give CorpusReaderOptions.Format: fasttext to read it as fastText's.")]
    public void A_first_line_of_another_format_read_as_a_tsv_header_names_that_format(string content, string column, string expected)
    {
        // Standard input and unknown extensions are read as TSV: "the header has no text column 'sentence'; it has:
        // sentence,topic" contradicted itself without saying why.
        string path = Path.Combine(TestPaths.NewTempDirectory(), "data");
        File.WriteAllText(path, content);
        var error = Assert.Throws<DataFormatException>(() => CorpusReader.Open(path, new CorpusReaderOptions { TextColumn = column }).TryRead(out _));
        Assert.EndsWith(expected, error.Message, StringComparison.Ordinal);
    }
}
