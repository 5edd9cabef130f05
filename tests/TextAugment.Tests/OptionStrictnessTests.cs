using TextAugment.Cli;
using TextAugment.Corpus;

namespace TextAugment.Tests;

/// <summary>
/// The command line takes each value one way, before any work: an empty value is a usage mistake naming its option, an
/// option is given once, a column option must apply to a file the command reads, and every number is written as digits
/// (newcomer 4's faults 12, 13 and 15).
/// </summary>
public class OptionStrictnessTests
{
    private const string Data = "text\tlabel\ngood movie\tpos\nbad movie\tneg\ngreat film\tpos\nawful film\tneg\n";

    /// <summary>A folder with data.tsv, ok.ft, ok.jsonl, s.txt and p.yaml (a swap pipeline), and a model m.tam trained on data.tsv.</summary>
    private static string Folder(bool model = false)
    {
        string dir = TestPaths.NewTempDirectory();
        File.WriteAllText(Path.Combine(dir, "data.tsv"), Data);
        File.WriteAllText(Path.Combine(dir, "ok.ft"), "__label__pos good film\n__label__neg bad film\n");
        File.WriteAllText(Path.Combine(dir, "ok.jsonl"), "{\"text\":\"good film\",\"label\":\"pos\"}\n{\"text\":\"bad film\",\"label\":\"neg\"}\n");
        File.WriteAllText(Path.Combine(dir, "s.txt"), "the film was good\nthe film was bad\n");
        File.WriteAllText(Path.Combine(dir, "p.yaml"), "seed: 1\naugment:\n  variants: 1\n  stages:\n    - random_swap: { n: 1 }\n");
        if (model)
        {
            var (code, _, errors) = CommandRunner.InProcess("train", Path.Combine(dir, "data.tsv"), "-o", Path.Combine(dir, "m.tam"), "--epochs", "1", "--no-progress");
            Assert.True(code == 0, errors);
        }

        return dir;
    }

    /// <summary>The arguments with D/ replaced by <paramref name="dir"/>.</summary>
    private static string[] In(string dir, string arguments) =>
        [.. arguments.Split(' ').Select(a => a == "''" ? "" : a.Replace("D/", dir + "/", StringComparison.Ordinal))];

    [Collection(ConsoleCollection.Name)]
    public class Empty_values
    {
        [Theory]
        [InlineData("augment D/p.yaml -i D/data.tsv -o ''", "--output")]
        [InlineData("augment D/p.yaml -i '' -o D/x.tsv", "--input")]
        [InlineData("train D/data.tsv -o ''", "--output")]
        [InlineData("train '' -o D/a.tam", "<DATA>")]
        [InlineData("train D/data.tsv -o D/a.tam --validation ''", "--validation")]
        [InlineData("train D/data.tsv -o D/a.tam --unlabelled ''", "--unlabelled")]
        [InlineData("train D/data.tsv -o D/a.tam --vectors ''", "--vectors")]
        [InlineData("train D/data.tsv -o D/a.tam --report '' --epochs 1 --no-progress", "--report")]
        [InlineData("train D/data.tsv -o D/a.tam --text ''", "--text")]
        [InlineData("fit-tfidf D/data.tsv -o ''", "--output")]
        [InlineData("fit-tfidf '' -o D/a.tsv", "<INPUT>")]
        [InlineData("evaluate '' D/data.tsv", "<MODEL>")]
        [InlineData("evaluate D/m.tam ''", "<TEST>")]
        [InlineData("evaluate D/m.tam D/data.tsv --report ''", "--report")]
        [InlineData("predict ''", "<MODEL>")]
        [InlineData("run ''", "<PIPELINE>")]
        [InlineData("validate ''", "<PIPELINE>")]
        public void An_empty_value_is_refused_before_any_work_naming_it_with_exit_2(string arguments, string named)
        {
            // Given an empty value (-o ''), then exit 2 naming the option and what it takes; it was .NET's "The value cannot be
            // an empty string." with exit 1, and train --report '' trained and wrote the model first.
            string dir = Folder(model: arguments.Contains("m.tam", StringComparison.Ordinal));
            var (code, output, errors) = CommandRunner.InProcess(In(dir, arguments));
            Assert.True(code == 2, errors);
            Assert.Contains($"{named} is empty (''); it must name ", errors, StringComparison.Ordinal);
            Assert.DoesNotContain(named == "--output" ? "standard input" : "standard output", errors, StringComparison.Ordinal);
            Assert.DoesNotContain("cannot be an empty string", errors, StringComparison.Ordinal);
            Assert.Equal("", output);
            Assert.False(File.Exists(Path.Combine(dir, "a.tam")));
            Assert.False(File.Exists(Path.Combine(dir, "x.tsv")));
            Assert.False(File.Exists(Path.Combine(dir, "a.tsv")));
        }
    }

    [Collection(ConsoleCollection.Name)]
    public class Repeated_options
    {
        [Theory]
        [InlineData("augment D/p.yaml -i D/data.tsv -i D/s.txt -o D/x.tsv", "--input", "-i D/data.tsv", "-i D/s.txt")]
        [InlineData("augment D/p.yaml -o D/x.tsv --output=D/y.tsv", "--output", "-o D/x.tsv", "--output=D/y.tsv")]
        [InlineData("augment D/p.yaml --no-progress --threads 1 --no-progress", "--no-progress", "--no-progress", "--no-progress")]
        [InlineData("train D/data.tsv -o D/a.tam --lowercase --no-lowercase", "--lowercase", "--lowercase", "--no-lowercase")]
        [InlineData("train D/data.tsv -o D/a.tam --lr 0.5 --learning-rate 0.001", "--learning-rate", "--lr 0.5", "--learning-rate 0.001")]
        [InlineData("train D/data.tsv -o D/a.tam --refit false --refit", "--refit", "--refit false", "--refit")]
        [InlineData("train D/data.tsv -o D/a.tam --text text --text body", "--text", "--text text", "--text body")]
        [InlineData("evaluate D/m.tam D/data.tsv --json --json=false", "--json", "--json", "--json=false")]
        [InlineData("predict D/m.tam -k 1 --top 2", "--top", "-k 1", "--top 2")]
        public void An_option_given_twice_under_any_name_is_refused_naming_both(string arguments, string option, string first, string second)
        {
            // Given -i a.tsv -i b.tsv (or an alias, or --x with --no-x), then exit 2 naming both; the last one was taken silently.
            string dir = TestPaths.NewTempDirectory();
            var (code, output, errors) = CommandRunner.InProcess(In(dir, arguments));
            Assert.True(code == 2, errors);
            Assert.Contains($"{option} is given twice, as '{first.Replace("D/", dir + "/", StringComparison.Ordinal)}' and as '{second.Replace("D/", dir + "/", StringComparison.Ordinal)}'", errors, StringComparison.Ordinal);
            Assert.Equal("", output);
        }

        [Fact]
        public void A_value_that_looks_like_an_option_name_is_a_value_not_a_second_option()
        {
            // --text -i names a column called -i; only the option names count.
            Assert.Null(TextAugmentApp.RepeatedOption(["train", "d.tsv", "-o", "-o", "--lr", "0.1"]));
            Assert.Null(TextAugmentApp.RepeatedOption(["augment", "p.yaml", "-i", "-", "-o", "-", "--", "-i"]));
            Assert.NotNull(TextAugmentApp.RepeatedOption(["augment", "p.yaml", "-i", "-", "-o", "-", "-i", "x"]));
        }
    }

    [Collection(ConsoleCollection.Name)]
    public class Column_options_for_the_format
    {
        [Theory]
        [InlineData("train D/ok.ft -o D/a.tam --text body --epochs 1", "--text body", "D/ok.ft is read as fasttext")]
        [InlineData("train D/ok.ft -o D/a.tam --label topic --epochs 1", "--label topic", "D/ok.ft is read as fasttext")]
        [InlineData("train D/ok.ft -o D/a.tam --header false --epochs 1", "--header false", "D/ok.ft is read as fasttext")]
        [InlineData("train D/ok.jsonl -o D/a.tam --header false --epochs 1", "--header false", "the jsonl format has no header line")]
        [InlineData("train D/ok.ft -o D/a.tam --validation D/ok.jsonl --header true --epochs 1", "--header true", "D/ok.jsonl is read as jsonl")]
        [InlineData("fit-tfidf D/s.txt -o D/a.tsv --text body", "--text body", "D/s.txt is read as text")]
        [InlineData("evaluate D/m.tam D/ok.ft --label topic", "--label topic", "D/ok.ft is read as fasttext")]
        public void An_option_that_applies_to_no_file_read_is_refused_as_a_pipeline_key_is(string arguments, string option, string why)
        {
            // Given --text on a fastText file, --header on jsonl, --text on plain text: they were ignored without a word.
            string dir = Folder(model: arguments.Contains("m.tam", StringComparison.Ordinal));
            var (code, output, errors) = CommandRunner.InProcess(In(dir, arguments));
            Assert.True(code == 2, errors);
            Assert.Contains($"{option} applies to no file this command reads", errors, StringComparison.Ordinal);
            Assert.Contains(why.Replace("D/", dir + "/", StringComparison.Ordinal), errors, StringComparison.Ordinal);
            Assert.Equal("", output);
            Assert.False(File.Exists(Path.Combine(dir, "a.tam")));
            Assert.False(File.Exists(Path.Combine(dir, "a.tsv")));
        }

        [Fact]
        public void An_option_that_applies_to_one_of_the_files_is_used_there()
        {
            // --text names DATA's column; the fastText validation file has none, and is read all the same.
            string dir = Folder();
            var (code, _, errors) = CommandRunner.InProcess(In(dir, "train D/data.tsv -o D/a.tam --validation D/ok.ft --text text --header true --epochs 1 --no-progress"));
            Assert.True(code == 0, errors);
        }

        [Fact]
        public void Standard_input_read_as_plain_text_refuses_text()
        {
            // fit-tfidf detects standard input's format from its first line: no 'body' column there makes it plain text.
            string dir = Folder();
            var (code, _, errors) = CommandRunner.Child("the film was good\n", "fit-tfidf", "-", "-o", Path.Combine(dir, "a.tsv"), "--text", "body");
            Assert.Equal(2, code);
            Assert.Contains("<stdin> is read as text", errors, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(dir, "a.tsv")));
        }

        [Theory]
        [InlineData("-i D/ok.ft", "input.text is ignored: this run's input D/ok.ft is read as fasttext")]
        [InlineData("-i D/ok.jsonl", "input.header is ignored: this run's input D/ok.jsonl is read as jsonl")]
        [InlineData("-i D/s.txt", "input.text is ignored: this run's input D/s.txt is read as text")]
        [InlineData("-i D/s.txt --input-format fasttext", "input.text is ignored: this run's input D/s.txt is read as fasttext")]
        public void A_pipeline_key_that_does_not_apply_to_augments_own_input_is_named_and_the_run_goes_on(string input, string expected)
        {
            // The input section's columns describe input.path's file: a pipeline written for a TSV file is still run on
            // plain text or fastText with augment -i (a Spark or Hadoop recipe, a quick look), and the keys it cannot use
            // are named, at their line and column, not applied without a word.
            string dir = Folder();
            File.WriteAllText(Path.Combine(dir, "c.yaml"), "seed: 1\ninput: { format: tsv, text: text, header: true }\naugment:\n  variants: 1\n  stages:\n    - random_swap: { n: 1 }\n");
            var (code, _, errors) = CommandRunner.InProcess(In(dir, $"augment D/c.yaml {input} -o D/x.tsv --no-progress"));
            Assert.True(code == 0, errors);
            Assert.Contains("c.yaml:2:", errors, StringComparison.Ordinal);
            Assert.Contains(expected.Replace("D/", dir + "/", StringComparison.Ordinal), errors, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(dir, "x.tsv")));

            // The section's own format: the keys apply, and nothing is said.
            (code, _, errors) = CommandRunner.InProcess(In(dir, "augment D/c.yaml -i D/data.tsv -o D/x.tsv --no-progress"));
            Assert.True(code == 0, errors);
            Assert.DoesNotContain("ignored", errors, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData(CorpusFormat.Tsv, false, false)]
        [InlineData(CorpusFormat.TsvEscaped, false, false)]
        [InlineData(CorpusFormat.Csv, false, false)]
        [InlineData(CorpusFormat.Jsonl, false, true)]
        [InlineData(CorpusFormat.Text, true, true)]
        [InlineData(CorpusFormat.FastText, true, true)]
        public void One_rule_says_which_formats_have_columns_and_a_header(CorpusFormat format, bool noColumns, bool noHeader)
        {
            Assert.Equal(noColumns, CorpusFormats.NotApplicable(format, header: false) is not null);
            Assert.Equal(noHeader, CorpusFormats.NotApplicable(format, header: true) is not null);
        }
    }

    [Collection(ConsoleCollection.Name)]
    public class Numbers
    {
        [Theory]
        [InlineData("2", true)]
        [InlineData("02", true)]
        [InlineData("-3", true)]
        [InlineData(" 2", false)]
        [InlineData("2 ", false)]
        [InlineData("+2", false)]
        [InlineData("2.0", false)]
        [InlineData("-", false)]
        [InlineData("", false)]
        [InlineData("\u0662", false)] // an Arabic-Indic digit
        public void A_whole_number_is_ASCII_digits_with_an_optional_minus(string text, bool whole) =>
            Assert.Equal(whole, NumberText.IsWholeNumber(text));

        [Theory]
        [InlineData("0.5", true)]
        [InlineData(".5", true)]
        [InlineData("1e-3", true)]
        [InlineData("-0.25", true)]
        [InlineData(" 0.5", false)]
        [InlineData("0.5 ", false)]
        [InlineData("+0.5", false)]
        [InlineData("NaN", false)]
        [InlineData("Infinity", false)]
        [InlineData("1,5", false)]
        public void A_real_number_has_no_white_space_or_plus(string text, bool real) =>
            Assert.Equal(real, NumberText.TryParseDouble(text, out _));

        [Theory]
        [InlineData("1e400", true)]
        [InlineData("-1e400", true)]
        [InlineData("1e-400", true)]
        [InlineData("0.5", true)]
        [InlineData("1e+3", true)]
        [InlineData("+1e400", false)]
        [InlineData(" 1e400", false)]
        [InlineData("Infinity", false)]
        [InlineData("NaN", false)]
        [InlineData("1e", false)]
        [InlineData(".", false)]
        [InlineData("", false)]
        public void A_real_number_is_one_at_any_magnitude_and_past_the_double_range_it_does_not_parse(string text, bool real)
        {
            Assert.Equal(real, NumberText.IsRealNumber(text));
            Assert.Equal(real && !text.Contains("e400", StringComparison.Ordinal), NumberText.TryParseDouble(text, out _));
        }

        /// <summary>Every trainer option that takes a real number, from the table.</summary>
        public static TheoryData<string> RealNumberOptions() =>
            [.. TextAugment.Classification.TrainerOptionTable.All.Where(o => o.Kind == TextAugment.Classification.TrainerOptionKind.Number).Select(o => o.CommandLine)];

        [Theory]
        [MemberData(nameof(RealNumberOptions))]
        public void A_number_past_the_double_range_is_out_of_range_naming_the_range_not_not_a_number(string option)
        {
            // Given --lr 1e400, then "--learning-rate is 1e400; it must be between 1E-09 and 100." (it was "must be a number
            // but is '1e400'"), with exit 2 and nothing written; the same for the option in a pipeline's train section.
            string dir = Folder();
            foreach (string value in new[] { "1e400", "-1e400" })
            {
                var (code, output, errors) = CommandRunner.InProcess("train", Path.Combine(dir, "data.tsv"), "-o", Path.Combine(dir, "a.tam"), option, value);
                Assert.True(code == 2, errors);
                Assert.StartsWith($"textaugment train: {option} is {value}; it must be between ", errors, StringComparison.Ordinal);
                Assert.Equal("", output);
                Assert.False(File.Exists(Path.Combine(dir, "a.tam")));
            }

            var entry = TextAugment.Classification.TrainerOptionTable.All.Single(o => o.CommandLine == option);
            Assert.False(entry.TryParse("1e400", $"train.{entry.Name}", out _, out string? error));
            Assert.StartsWith($"train.{entry.Name} is 1e400; it must be between ", error, StringComparison.Ordinal);
        }

        [Fact]
        public void A_pipeline_number_past_the_double_range_is_out_of_range_too()
        {
            string dir = TestPaths.NewTempDirectory();
            string pipeline = Path.Combine(dir, "p.yaml");
            File.WriteAllText(pipeline, "seed: 1\naugment:\n  stages:\n    - random_deletion: { p: 1e400 }\n");
            var error = Assert.Throws<TextAugment.Pipelines.PipelineException>(() => TextAugment.Pipelines.Pipeline.Load(pipeline, requireInputOutput: false));
            Assert.Contains(error.Errors, e => e.Message == "random_deletion.p is 1e400; it must be between 0 and 1.");
        }

        [Theory]
        [InlineData(" 1/3", false)]
        [InlineData("+1/3", false)]
        [InlineData("1/ 3", false)]
        [InlineData("1/3 ", false)]
        [InlineData("1/3", true)]
        [InlineData("02/16", true)]
        public void A_shard_is_two_whole_numbers_by_the_same_rule(string text, bool valid) =>
            Assert.Equal(valid, Shard.Parse(text) is not null);

        /// <summary>
        /// Item (newcomer 5, fault 6): --shard 1/2147483648 was refused "with 1 &lt;= K &lt;= N", which the value satisfies;
        /// the reason is that N is past the largest number of shards, and the message says so and names that number.
        /// </summary>
        [Theory]
        [InlineData("1/2147483648", true)]
        [InlineData("2147483648/2147483648", true)]
        [InlineData("7/99999999999999999999999", true)]
        [InlineData("1/2147483647", false)]
        [InlineData("5/3", false)]
        [InlineData("0/2147483648", false)]
        [InlineData("2147483649/2147483648", false)]
        public void A_shard_count_past_the_largest_is_refused_naming_the_largest_not_the_order_of_K_and_N(string text, bool tooMany)
        {
            // Given K/N, when it is parsed, then N past 2147483647 is named as the reason, and only then
            Shard? shard = Shard.Parse(text, "--shard", out string? error);
            Assert.Equal(text == "1/2147483647", shard is not null);
            Assert.Equal(tooMany, error?.Contains("N is larger than 2147483647, the most shards allowed", StringComparison.Ordinal) == true);
            Assert.Equal(2147483647, Shard.MaxCount);
            if (tooMany)
            {
                Assert.Equal($"--shard is '{text}'; N is larger than 2147483647, the most shards allowed: it must be K/N with 1 <= K <= N <= 2147483647, e.g. --shard 2/8.", error);
            }
            else if (shard is null)
            {
                Assert.Equal($"--shard is '{text}'; it must be K/N, two whole numbers (digits only) with 1 <= K <= N, e.g. --shard 2/8.", error);
            }
        }

        [Theory]
        [InlineData("augment D/p.yaml -i D/s.txt -o D/x.jsonl --no-progress --shard 1/2147483648")]
        [InlineData("run D/p.yaml --no-progress --shard 1/2147483648")]
        public void A_shard_count_past_the_largest_exits_2_naming_the_largest(string arguments)
        {
            // Given --shard 1/2147483648, when a command runs, then exit 2 before any work, naming the largest N
            string dir = Folder();
            var (code, output, errors) = CommandRunner.InProcess(In(dir, arguments));
            Assert.True(code == 2, errors);
            Assert.Contains("--shard is '1/2147483648'; N is larger than 2147483647, the most shards allowed", errors, StringComparison.Ordinal);
            Assert.DoesNotContain("two whole numbers (digits only) with 1 <= K <= N, e.g.", errors, StringComparison.Ordinal);
            Assert.Equal("", output);
            Assert.False(File.Exists(Path.Combine(dir, "x.jsonl")));
        }

        [Theory]
        [InlineData("augment D/p.yaml -i D/data.tsv -o D/x.tsv --shard  1/3", "--shard")]
        [InlineData("augment D/p.yaml -i D/data.tsv -o D/x.tsv --shard +1/3", "--shard")]
        [InlineData("augment D/p.yaml -i D/data.tsv -o D/x.tsv --threads +2", "--threads")]
        [InlineData("train D/data.tsv -o D/a.tam --epochs +1", "--epochs")]
        [InlineData("train D/data.tsv -o D/a.tam --seed +1", "--seed")]
        [InlineData("train D/data.tsv -o D/a.tam --lr +0.5", "--learning-rate")]
        [InlineData("train D/data.tsv -o D/a.tam --hidden +64", "--hidden")]
        [InlineData("predict D/m.tam -k +1", "-k")]
        public void Every_numeric_option_refuses_a_sign_or_white_space_with_exit_2(string arguments, string option)
        {
            string dir = Folder();
            // The shard's value with a leading space: the split above takes "--shard  1/3" as an empty word and "1/3".
            string[] args = In(dir, arguments.Replace("--shard  1/3", "--shard \u00001/3", StringComparison.Ordinal));
            args = [.. args.Where(a => a.Length > 0).Select(a => a.Replace('\u0000', ' '))];
            var (code, output, errors) = CommandRunner.InProcess(args);
            Assert.True(code == 2, errors);
            Assert.Contains(option, errors, StringComparison.Ordinal);
            Assert.Equal("", output);
            Assert.False(File.Exists(Path.Combine(dir, "x.tsv")));
            Assert.False(File.Exists(Path.Combine(dir, "a.tam")));
        }
    }

    [Collection(ConsoleCollection.Name)]
    public class Diagnostics
    {
        [Theory]
        [InlineData("a\u0000dog\n")]
        [InlineData("a dog\nb\u0000dog\n")]
        public void A_NUL_byte_is_a_data_error_with_exit_1_on_any_line_and_not_called_UTF_16(string input)
        {
            // A single NUL on the first line of standard input was "is the file UTF-16LE?" with exit 2; on the second line exit 1.
            string dir = Folder(model: true);
            var (code, _, errors) = CommandRunner.Child(input, "predict", Path.Combine(dir, "m.tam"));
            Assert.Equal(1, code);
            Assert.Contains("a NUL byte", errors, StringComparison.Ordinal);
            Assert.DoesNotContain("UTF-16", errors, StringComparison.Ordinal);
        }

        [Fact]
        public void UTF_16_needs_more_than_one_NUL_as_evidence()
        {
            Assert.Null(FileSignature.Utf16ByteOrder("good\0film\tpos"u8, 0));
            Assert.Null(FileSignature.Utf16ByteOrder("a\0dog"u8, 0));
            Assert.Null(FileSignature.Utf16ByteOrder("a\0do\0g"u8, 0)); // two NULs, one at an odd offset and one at an even
            Assert.Equal("UTF-16LE", FileSignature.Utf16ByteOrder("t\0e\0x\0t\0"u8, 0));
            Assert.Equal("UTF-16BE", FileSignature.Utf16ByteOrder("\0t\0e\0x\0t"u8, 0));
        }

        [Fact]
        public void A_mistake_in_an_aliased_value_is_reported_at_each_use()
        {
            // Given an anchor on line 3 used on lines 7 to 9, then one message per use at the use (it was line 3, three times).
            string dir = TestPaths.NewTempDirectory();
            File.WriteAllText(Path.Combine(dir, "data.tsv"), Data);
            string pipeline = Path.Combine(dir, "p.yaml");
            File.WriteAllText(pipeline, "seed: 1\ninput: { path: data.tsv }\nbase: &b { p: 5 }\naugment:\n  variants: 2\n  stages:\n    - random_deletion: *b\n    - random_deletion: *b\n    - random_deletion: *b\noutput: { path: o.tsv }\n");
            var error = Assert.Throws<TextAugment.Pipelines.PipelineException>(() => TextAugment.Pipelines.Pipeline.Load(pipeline));
            Assert.Equal([7L, 8L, 9L], error.Errors.Where(e => e.Message.StartsWith("random_deletion.p is 5", StringComparison.Ordinal)).Select(e => e.Line));
        }

        [Fact]
        public void Nested_aliases_beyond_the_copy_limit_are_shared_and_load_quickly()
        {
            // A "billion laughs" file: nine levels of nine aliases each. Copies stop at the limit; the rest are shared.
            string dir = TestPaths.NewTempDirectory();
            var lines = new List<string> { "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]" };
            string previous = "a";
            foreach (char c in "bcdefghi")
            {
                lines.Add($"{c}: &{c} [{string.Join(", ", Enumerable.Repeat("*" + previous, 9))}]");
                previous = c.ToString();
            }

            string pipeline = Path.Combine(dir, "p.yaml");
            File.WriteAllText(pipeline, string.Join('\n', lines) + "\naugment:\n  stages:\n    - random_swap: { n: 1 }\n");
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var error = Assert.Throws<TextAugment.Pipelines.PipelineException>(() => TextAugment.Pipelines.Pipeline.Load(pipeline, requireInputOutput: false));
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), clock.Elapsed.ToString());
            Assert.Contains(error.Errors, e => e.Message.Contains("unknown key 'i'", StringComparison.Ordinal));
        }

        [Fact]
        public void The_root_help_lists_the_version_option_which_prints_the_version()
        {
            var console = new Spectre.Console.Testing.TestConsole();
            Assert.Equal(0, TextAugmentApp.Run(["--help"], console, TextWriter.Null));
            Assert.Contains("-v, --version", console.Output, StringComparison.Ordinal);
            foreach (string option in new[] { "--version", "-v" })
            {
                var versionConsole = new Spectre.Console.Testing.TestConsole();
                Assert.Equal(0, TextAugmentApp.Run([option], versionConsole, TextWriter.Null));
                Assert.StartsWith("textaugment ", versionConsole.Output, StringComparison.Ordinal);
                Assert.Contains("ONNX Runtime", versionConsole.Output, StringComparison.Ordinal);
            }
        }
    }
}
