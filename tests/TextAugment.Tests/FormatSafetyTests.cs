using System.Text;
using TextAugment.Corpus;

namespace TextAugment.Tests;

/// <summary>
/// What one format cannot carry is refused where it would be lost, not written for our own readers to refuse or misread:
/// a fastText label hidden in a text, a NUL from JSON, a column named twice, a blank id, a line past the limit, an output
/// name whose extension names no format; and a failure says truthfully what had been written.
/// </summary>
public class FormatSafetyTests
{
    private static List<Example> Read(string content, CorpusReaderOptions options)
    {
        using CorpusReader reader = CorpusReader.Create(new MemoryStream(Encoding.UTF8.GetBytes(content)), "input", options);
        return [.. reader.ReadAll()];
    }

    private static DataFormatException ReadError(string content, CorpusReaderOptions options) =>
        Assert.Throws<DataFormatException>(() => Read(content, options));

    private static string SwapPipeline(string dir)
    {
        string pipeline = Path.Combine(dir, "swap.yaml");
        File.WriteAllText(pipeline, "seed: 1\naugment:\n  variants: 1\n  keep_original: true\n  stages: [ { random_swap: { n: 1 } } ]\n");
        return pipeline;
    }

    /// <summary>
    /// Item: every writer's refusal of a value its format cannot hold names the output file, the example's id and the
    /// variant (the tsv writer's said "the output" and showed only the value).
    /// </summary>
    [Theory]
    [InlineData("o.tsv", "example 'a1' (variant 0) has a tab or a line break in its text, which plain tsv cannot hold: 'x\\ty'")]
    [InlineData("o.ft", "example 'a2' (variant 0) has the word '__label__y' in its text, which fastText would read as a label")]
    [InlineData("o.txt", "example 'a3' (variant 0) holds a line break, which the text format cannot hold")]
    public void A_value_a_format_cannot_hold_is_refused_naming_the_output_file_and_the_example(string output, string expected)
    {
        string dir = TestPaths.NewTempDirectory();
        string input = Path.Combine(dir, "in.csv");
        File.WriteAllText(input, output switch
        {
            "o.tsv" => "id,text,label\na1,\"x\ty\",l\n",
            "o.ft" => "id,text,label\na2,x __label__y,l\n",
            _ => "id,text,label\na3,\"x\ny\",l\n",
        });
        string target = Path.Combine(dir, output);
        var (code, _, errors) = CommandRunner.InProcess("augment", SwapPipeline(dir), "-i", input, "-o", target);
        Assert.True(code != 0, errors);
        Assert.Contains($"{target}: {expected}", errors, StringComparison.Ordinal);
        Assert.False(File.Exists(target));
    }

    /// <summary>Item: a tsv refusal for an id holding a line break printed the raw line break inside "example 'a⏎b'"; the id is escaped as the value is.</summary>
    [Fact]
    public void A_refusal_escapes_the_id_as_it_escapes_the_value()
    {
        var error = Assert.Throws<DataFormatException>(() => RowFormatter.For(CorpusFormat.Tsv, "o.tsv").WriteRow(new CharBuffer(), "a\nb\tc", 0, "x", "l"));
        Assert.Contains("example 'a\\nb\\tc' (variant 0) has a tab or a line break in its id, which plain tsv cannot hold: 'a\\nb\\tc'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    /// <summary>Item: a JSON Lines object without the label (or id) field gave no hint of the setting to change, as a missing text field does.</summary>
    [Theory]
    [InlineData("label", "--label", "Set --label to the field that holds the labels.")]
    [InlineData("label", "input.label", "Set input.label to the field that holds the labels.")]
    [InlineData("id", "input.id", "Set input.id to the field that holds the ids.")]
    public void A_missing_jsonl_label_or_id_field_names_the_setting_to_change(string role, string setting, string hint)
    {
        ReaderSettingNames names = setting.StartsWith("--", StringComparison.Ordinal)
            ? new ReaderSettingNames("--text", null, null) { LabelColumn = "--label" }
            : ReaderSettingNames.Pipeline("input");
        var options = new CorpusReaderOptions { Format = CorpusFormat.Jsonl, Names = names, LabelColumn = role == "label" ? "topic" : null, IdColumn = role == "id" ? "key" : null };
        var error = ReadError("{\"id\":\"1\",\"text\":\"a b\",\"label\":\"x\"}\n", options);
        Assert.Contains($"the object has no '{(role == "label" ? "topic" : "key")}' field; it has: id, text, label. {hint}", error.Message, StringComparison.Ordinal);
    }

    public class FastTextOutput
    {
        [Theory]
        [InlineData(null, "__label__spam buy now cheap", "__label__spam")] // unlabelled: would come back labelled
        [InlineData("y", "__label__x buy now cheap", "__label__x")] // labelled: would come back with two labels
        [InlineData(null, "buy now\t__label__spam cheap", "__label__spam")] // any word, not only the first
        public void A_text_word_that_starts_with_the_label_prefix_is_refused_naming_the_record(string? label, string text, string word)
        {
            var error = Assert.Throws<DataFormatException>(() => RowFormatter.For(CorpusFormat.FastText).WriteRow(new CharBuffer(), "a", 2, text, label));
            Assert.Contains($"example 'a' (variant 2) has the word '{word}' in its text, which fastText would read as a label", error.Message, StringComparison.Ordinal);
            Assert.Contains("write tsv, csv or jsonl instead", error.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("animal\u000b__label__x")]
        [InlineData("a\fb")]
        [InlineData("a\u00a0b")]
        [InlineData("a\u0000b")]
        [InlineData("a b")]
        public void A_label_with_any_white_space_or_nul_is_refused(string label)
        {
            var error = Assert.Throws<DataFormatException>(() => RowFormatter.For(CorpusFormat.FastText).WriteRow(new CharBuffer(), "a", 0, "a dog", label));
            Assert.Contains("which a fasttext label cannot be (it must be one word, with no white space)", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void The_prefix_inside_a_word_is_text_and_is_written()
        {
            var chars = new CharBuffer();
            RowFormatter.For(CorpusFormat.FastText).WriteRow(chars, "a", 0, "see my__label__x and __label", "pos");
            Assert.Equal("__label__pos see my__label__x and __label\n", chars.AsSpan().ToString());
        }

        [Fact]
        public void Augment_refuses_it_and_writes_no_file()
        {
            string dir = TestPaths.NewTempDirectory();
            string input = Path.Combine(dir, "lab.jsonl"), output = Path.Combine(dir, "lab.ft");
            File.WriteAllText(input, "{\"id\":\"a\",\"text\":\"__label__spam buy now cheap\"}\n");
            var (code, _, errors) = CommandRunner.Child((byte[]?)null, "augment", SwapPipeline(dir), "-i", input, "-o", output, "--no-progress");
            Assert.Equal(1, code);
            Assert.Contains("example 'a' (variant 0) has the word '__label__spam'", errors, StringComparison.Ordinal);
            Assert.Contains("Nothing was written, and no file was changed.", errors, StringComparison.Ordinal);
            Assert.False(File.Exists(output));
        }
    }

    public class NulCharacters
    {
        [Theory]
        [InlineData("{\"id\":\"a\",\"text\":\"alpha\\u0000beta gamma delta\"}\n", "input:1:18: 'text' holds a NUL character (\\u0000) at character 6")]
        [InlineData("{\"text\":\"alpha\",\"label\":\"p\\u0000\"}\n", "input:1:25: 'label' holds a NUL character")]
        [InlineData("{\"id\":\"\\u0000\",\"text\":\"alpha\"}\n", "input:1:7: 'id' holds a NUL character")]
        public void A_json_string_with_NUL_is_refused_at_its_position(string line, string expected)
        {
            var error = ReadError(line, new CorpusReaderOptions { Format = CorpusFormat.Jsonl });
            Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
        }
    }

    [Collection(ConsoleCollection.Name)]
    public class WhatWasWritten
    {
        [Fact]
        public void A_pipeline_whose_training_fails_after_its_output_is_in_place_names_that_file()
        {
            // The augmented corpus is written and renamed into place; training on it then fails (one label): the message
            // must not say that nothing was written.
            string dir = TestPaths.NewTempDirectory();
            File.WriteAllText(Path.Combine(dir, "in.tsv"), "text\tlabel\nalpha beta gamma\tpos\ndelta epsilon zeta\tpos\n");
            string pipeline = Path.Combine(dir, "p.yaml");
            File.WriteAllText(pipeline, "seed: 1\ninput: { path: in.tsv }\naugment: { variants: 1, stages: [ { random_swap: { n: 1 } } ] }\noutput: { path: out2.csv }\ntrain: { model: m.tam, epochs: 1 }\n");
            var (code, _, errors) = CommandRunner.InProcess("run", pipeline, "--no-progress");
            Assert.Equal(1, code);
            Assert.True(File.Exists(Path.Combine(dir, "out2.csv")), errors);
            Assert.DoesNotContain("Nothing was written", errors, StringComparison.Ordinal);
            Assert.Contains($"'{Path.Combine(dir, "out2.csv")}' was written in full before the failure and is in place; no other file was changed.", errors, StringComparison.Ordinal);
        }

        [Fact]
        public void Predict_says_how_many_lines_it_wrote_before_bad_input()
        {
            string dir = TestPaths.NewTempDirectory();
            string model = Path.Combine(dir, "m.tam");
            var (trained, _, trainErrors) = CommandRunner.Child((byte[]?)null, "train", TestPaths.Fixture(Path.Combine("hostile", "labelled.tsv")), "-o", model, "--epochs", "1", "--dim", "4", "--hidden", "0", "--buckets", "1024", "--validation-fraction", "0");
            Assert.True(trained == 0, trainErrors);
            var (code, output, errors) = CommandRunner.Child([.. "a bird\n"u8, 0xFF, (byte)'\n'], "predict", model);
            Assert.Equal(1, code);
            Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains("1 line had already been written to standard output before the failure", errors, StringComparison.Ordinal);
            Assert.DoesNotContain("Nothing was written", errors, StringComparison.Ordinal);
        }
    }

    public class DuplicateColumns
    {
        [Theory]
        [InlineData("text\tlabel\tlabel\nhello there\tpos\tneg\n", CorpusFormat.Tsv, "input:1:12: the header names the column 'label' twice (columns 2 and 3)")]
        [InlineData("text,label,text\nhello there,pos,other\n", CorpusFormat.Csv, "input:1:12: the header names the column 'text' twice (columns 1 and 3)")]
        [InlineData("id\ttext\tlabel\tid\n1\ta\tpos\t2\n", CorpusFormat.Tsv, "input:1:15: the header names the column 'id' twice (columns 1 and 4)")]
        public void A_column_the_reader_uses_named_twice_is_an_error_at_the_second(string content, CorpusFormat format, string expected)
        {
            var error = ReadError(content, new CorpusReaderOptions { Format = format });
            Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Other_columns_may_share_a_name()
        {
            var rows = Read("note\ttext\tnote\tlabel\nx\thello\ty\tpos\n", new CorpusReaderOptions());
            Assert.Equal([new Example("2", "hello", "pos")], rows);
        }
    }

    public class BlankIds
    {
        [Theory]
        [InlineData("id\ttext\tlabel\n\thello\tpos\n", CorpusFormat.Tsv, "input:2:1: the id ('id') is empty")]
        [InlineData("text\tid\tlabel\nhello\t  \tpos\n", CorpusFormat.Tsv, "input:2:7: the id ('id') is only white space")]
        [InlineData("text,id,label\nhello,,pos\n", CorpusFormat.Csv, "input:2:7: the id ('id') is empty")]
        [InlineData("text,id,label\nhello,\"\",pos\n", CorpusFormat.Csv, "input:2:7: the id ('id') is empty")]
        [InlineData("{\"id\":\"\",\"text\":\"hello\"}\n", CorpusFormat.Jsonl, "input:1:7: the id ('id') is empty")]
        public void An_empty_id_is_an_error_at_its_cell(string content, CorpusFormat format, string expected)
        {
            var error = ReadError(content, new CorpusReaderOptions { Format = format });
            Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
            Assert.Contains("fill it in, or drop the id column", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Without_a_header_the_id_column_is_named_by_number()
        {
            var error = ReadError("pos\thello\t\n", new CorpusReaderOptions { HasHeader = false, TextColumn = "2", LabelColumn = "1", IdColumn = "3" });
            Assert.StartsWith("input:1:11: the id ('column 3') is empty", error.Message, StringComparison.Ordinal);
        }
    }

    public class LineLimit
    {
        /// <summary>A stream that hands out at most <paramref name="chunk"/> bytes a read, as a pipe does.</summary>
        private sealed class Trickle(byte[] data, int chunk) : MemoryStream(data)
        {
            public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));

            public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, chunk)]);
        }

        private static List<int> Lengths(byte[] data, int chunk, int limit)
        {
            using var reader = new Utf8LineReader(new Trickle(data, chunk), "input", limit);
            var lengths = new List<int>();
            while (reader.TryReadLine(out ReadOnlySpan<byte> line, out _))
            {
                lengths.Add(line.Length);
            }

            return lengths;
        }

        [Theory]
        [InlineData(1)]
        [InlineData(7)]
        [InlineData(100)]
        [InlineData(1 << 20)] // the whole input in one read: the long line arrives with its line break
        public void A_line_at_the_limit_is_read_and_one_byte_more_is_refused_however_the_reads_fall(int chunk)
        {
            const int Limit = 100;
            foreach (string end in new[] { "\n", "\r\n", "\r", "" })
            {
                byte[] atLimit = Encoding.ASCII.GetBytes("short\n" + new string('x', Limit) + end + (end.Length == 0 ? "" : "tail\n"));
                Assert.Equal(end.Length == 0 ? [5, Limit] : [5, Limit, 4], Lengths(atLimit, chunk, Limit));

                byte[] over = Encoding.ASCII.GetBytes("short\n" + new string('x', Limit + 1) + end + (end.Length == 0 ? "" : "tail\n"));
                var error = Assert.Throws<DataFormatException>(() => Lengths(over, chunk, Limit));
                Assert.StartsWith("input:2:1 (byte 6 of the file): a line longer than 100 bytes", error.Message, StringComparison.Ordinal);
            }
        }
    }

    [Collection(ConsoleCollection.Name)]
    public class OutputExtension
    {
        [Theory]
        [InlineData("x.jsonl.gz", "output is not compressed: write 'x.jsonl'")]
        [InlineData("x.out", "the extension '.out' names no corpus format")]
        public void An_output_name_whose_extension_names_no_format_is_refused(string name, string expected)
        {
            string dir = TestPaths.NewTempDirectory();
            string input = Path.Combine(dir, "in.tsv"), output = Path.Combine(dir, name);
            File.WriteAllText(input, "text\tlabel\nalpha beta gamma\tpos\n");
            var (code, _, errors) = CommandRunner.InProcess("augment", SwapPipeline(dir), "-i", input, "-o", output, "--no-progress");
            Assert.Equal(2, code);
            Assert.Contains(expected, errors, StringComparison.Ordinal);
            Assert.Contains("--output-format FORMAT", errors, StringComparison.Ordinal);
            Assert.False(File.Exists(output));

            // --output-format says what to write under any name; a name without an extension keeps the input's format.
            (code, _, errors) = CommandRunner.InProcess("augment", SwapPipeline(dir), "-i", input, "-o", output, "--output-format", "jsonl", "--no-progress");
            Assert.True(code == 0, errors);
            Assert.StartsWith("{\"id\":\"2\"", File.ReadAllText(output), StringComparison.Ordinal);
            string bare = Path.Combine(dir, "bare");
            (code, _, errors) = CommandRunner.InProcess("augment", SwapPipeline(dir), "-i", input, "-o", bare, "--no-progress");
            Assert.True(code == 0, errors);
            Assert.StartsWith("id\tvariant\ttext\tlabel\n", File.ReadAllText(bare), StringComparison.Ordinal);
        }
    }

    public class BooleanLabels
    {
        [Fact]
        public void A_boolean_label_is_read_as_its_word_and_the_message_for_other_types_says_so()
        {
            var rows = Read("{\"text\":\"a\",\"label\":true}\n{\"text\":\"b\",\"label\":false}\n{\"text\":\"c\",\"label\":7}\n", new CorpusReaderOptions { Format = CorpusFormat.Jsonl });
            Assert.Equal(["true", "false", "7"], rows.Select(r => r.Label));
            var error = ReadError("{\"text\":\"a\",\"label\":[1]}\n", new CorpusReaderOptions { Format = CorpusFormat.Jsonl });
            Assert.StartsWith("input:1:21: 'label' must be a string, a number or true/false", error.Message, StringComparison.Ordinal);
        }
    }

    [Collection(ConsoleCollection.Name)]
    public class HeaderlessTrainingData
    {
        [Fact]
        public void Train_and_evaluate_read_headerless_tsv_and_csv_with_header_false()
        {
            string dir = TestPaths.NewTempDirectory();
            string[] good = ["a fine film indeed", "great acting and a fine story", "i loved it", "wonderful and moving"];
            string[] bad = ["a dull one sadly", "boring and far too long", "i hated it", "dreadful and tedious"];
            string tsv = Path.Combine(dir, "train.tsv"), csv = Path.Combine(dir, "test.csv"), model = Path.Combine(dir, "m.tam");
            File.WriteAllText(tsv, string.Concat(good.Select(t => $"pos\t{t}\n")) + string.Concat(bad.Select(t => $"neg\t{t}\n")));
            File.WriteAllText(csv, string.Concat(good.Select(t => $"pos,{t}\n")) + string.Concat(bad.Select(t => $"neg,{t}\n")));
            var (code, _, errors) = CommandRunner.InProcess("train", tsv, "-o", model, "--epochs", "2", "--dim", "4", "--hidden", "0", "--buckets", "1024", "--validation-fraction", "0", "--header", "false", "--text", "2", "--label", "1");
            Assert.True(code == 0, errors);
            (code, string output, errors) = CommandRunner.InProcess("evaluate", model, csv, "--json", "--header", "false", "--text", "2", "--label", "1");
            Assert.True(code == 0, errors);
            using var scores = System.Text.Json.JsonDocument.Parse(output);
            Assert.Equal(8, scores.RootElement.GetProperty("count").GetInt32());

            // Without it the first row is the header, which has no column 'text'.
            (code, _, errors) = CommandRunner.InProcess("evaluate", model, csv, "--json");
            Assert.Equal(1, code);
            Assert.Contains("the header has no text column 'text'", errors, StringComparison.Ordinal);
        }
    }
}
