using System.Diagnostics;
using System.Text;
using Spectre.Console.Testing;
using TextAugment.Classification;
using TextAugment.Cli;
using TextAugment.Corpus;

namespace TextAugment.Tests;

/// <summary>
/// Messages that say what happened: the value as given, the range of that option, the position of the fault, advice that
/// fits the run, counts in the right number. Each kind of fault a newcomer met, one test each.
/// </summary>
[Collection(ConsoleCollection.Name)]
public class MessageTests
{
    private const string Train = "id\ttext\tlabel\n1\ta cat\tanimal\n2\tan apple\tfood\n3\ta dog\tanimal\n4\ta pear\tfood\n";
    private static readonly string[] Small = ["--epochs", "2", "--dim", "8", "--buckets", "4096"];

    private static string Write(string dir, string name, string content)
    {
        string path = Path.Combine(dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    // --hidden: the forms the help names, and no 0 among sizes.

    [Theory]
    [InlineData("[]", new int[0])]
    [InlineData("none", new int[0])]
    [InlineData("0", new int[0])]
    [InlineData("[0]", new int[0])]
    [InlineData("64", new[] { 64 })]
    [InlineData("128,64", new[] { 128, 64 })]
    [InlineData("[128, 64]", new[] { 128, 64 })]
    public void Hidden_accepts_every_form_the_help_names(string given, int[] expected)
    {
        Assert.Null(TrainerCommandLine.Parse(["--hidden", given], out _, out TrainerOptions options));
        Assert.Equal(expected, options.Hidden);
    }

    [Theory]
    [InlineData("64,0")]
    [InlineData("0,64")]
    [InlineData("[64, 0]")]
    public void A_zero_among_hidden_sizes_is_refused_not_dropped(string given)
    {
        Assert.Equal(
            "--hidden: '0' is not a layer size; give whole numbers from 1 to 65536, e.g. [64], or 0 alone, or [] for none.",
            TrainerCommandLine.Parse(["--hidden", given], out _, out _));
    }

    [Fact]
    public void Hidden_empty_list_trains_a_linear_model_from_the_command_line()
    {
        string dir = TestPaths.NewTempDirectory();
        var (code, _, errors) = CommandRunner.InProcess(["train", Write(dir, "t.tsv", Train), "-o", Path.Combine(dir, "m.tam"), "--hidden", "[]", .. Small]);
        Assert.True(code == 0, errors);
        Assert.Empty(TextClassifier.Load(Path.Combine(dir, "m.tam")).Hidden);
    }

    // Integers out of range: the value as given, the option's own range.

    [Theory]
    [InlineData("99999999999")]
    [InlineData("-99999999999")]
    [InlineData("99999999999999999999999")]
    [InlineData("0")]
    public void An_integer_out_of_range_is_echoed_as_given(string given)
    {
        Assert.Equal($"--buckets is {given}; it must be between 1 and 67108864.", TrainerCommandLine.Parse(["--buckets", given], out _, out _));
    }

    [Fact]
    public void An_integer_option_that_is_no_number_names_its_own_range()
    {
        Assert.Equal("--buckets is 'abc'; it must be a whole number from 1 to 67108864.", TrainerCommandLine.Parse(["--buckets", "abc"], out _, out _));
    }

    [Theory]
    [InlineData("abc", "--threads is 'abc'; it must be a whole number from 1 to 1024.")]
    [InlineData("2000", "--threads is 2000; it must be between 1 and 1024.")]
    [InlineData("0", "--threads is 0; it must be between 1 and 1024.")]
    [InlineData("99999999999", "--threads is 99999999999; it must be between 1 and 1024.")]
    public void Threads_has_one_range_on_the_command_line_and_in_yaml(string given, string message)
    {
        foreach (string command in new[] { "augment", "run" })
        {
            var (code, _, errors) = CommandRunner.InProcess(command, Path.Combine(TestPaths.Root, "pipelines", "eda.yaml"), "--threads", given);
            Assert.Equal(TextAugmentApp.UsageError, code);
            Assert.Equal($"textaugment {command}: {message}", errors.Trim());
        }

        Assert.Equal(1024, TextAugment.Pipelines.Pipeline.MaxThreads); // YAML's cap: fixtures/invalid/threads-too-many.yaml
    }

    // NUL bytes: UTF-16 without a byte-order mark, or a NUL in a field.

    [Fact]
    public void A_utf16_text_corpus_is_refused_even_when_the_pipeline_skips_bad_rows()
    {
        string dir = TestPaths.NewTempDirectory();
        string input = Path.Combine(dir, "u16.txt");
        File.WriteAllBytes(input, Encoding.Unicode.GetBytes("a fine film\nanother line\n"));
        string output = Path.Combine(dir, "o.txt");
        var (code, _, errors) = CommandRunner.InProcess("augment", Path.Combine(TestPaths.Root, "pipelines", "eda.yaml"), "-i", input, "--input-format", "text", "-o", output, "--no-progress");
        Assert.Equal(TextAugmentApp.UsageError, code); // not UTF-8 text: the wrong file, as a compressed one
        Assert.StartsWith($"{input}:1:2 (byte 1 of the file): a NUL byte (is the file UTF-16LE, UTF-16 without a byte-order mark? convert it to UTF-8: iconv -f UTF-16LE -t UTF-8", errors, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void A_nul_inside_a_tsv_field_stops_training_at_its_line_and_byte()
    {
        string dir = TestPaths.NewTempDirectory();
        string data = Write(dir, "t.tsv", "text\tlabel\na cat\tanimal\nan ap\0ple\tfood\n");
        var (code, _, errors) = CommandRunner.InProcess(["train", data, "-o", Path.Combine(dir, "m.tam"), .. Small]);
        Assert.Equal(TextAugmentApp.Failure, code);
        Assert.StartsWith($"{data}:3:6 (byte 29 of the file): a NUL byte", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0xE9 }, "invalid UTF-8 (byte 0xE9)")]
    [InlineData(new byte[] { 0 }, "a NUL byte")]
    public void A_bad_byte_is_placed_by_line_and_column_in_characters_and_its_file_offset_is_labelled_as_such(byte[] bad, string what)
    {
        // Given a bad byte on line 3 after "déf g": 5 characters, 6 bytes, and 25 bytes into the file
        string dir = TestPaths.NewTempDirectory();
        string data = Path.Combine(dir, "d.tsv");
        File.WriteAllBytes(data, [.. "text\tlabel\nabc\tpos\nd\u00e9f g"u8, .. bad, .. "h\tneg\n"u8]);

        // When it is read
        var error = Assert.Throws<DataFormatException>(() => CorpusReader.ReadLabelled(data));

        // Then the message places it at line 3, column 6, and says that 25 is the byte of the file, not of the line
        Assert.StartsWith($"{data}:3:6 (byte 25 of the file): {what}", error.Message, StringComparison.Ordinal);
        Assert.Equal((3, 6, 25), (error.Line, error.Column, error.ByteOffset));
    }

    [Fact]
    public void A_bad_byte_in_a_pipeline_file_is_placed_the_same_way()
    {
        string dir = TestPaths.NewTempDirectory();
        string pipeline = Path.Combine(dir, "p.yaml");
        File.WriteAllBytes(pipeline, [.. "seed: 1\n# caf"u8, 0xE9, .. "\n"u8]);
        var error = Assert.Throws<TextAugment.Pipelines.PipelineException>(() => TextAugment.Pipelines.Pipeline.Load(pipeline, requireInputOutput: false));
        Assert.Equal($"{pipeline}:2:6 (byte 13 of the file): invalid UTF-8 (byte 0xE9); save the pipeline as UTF-8.", Assert.Single(error.Errors).ToString());
    }

    [Fact]
    public void A_nul_in_text_to_predict_is_refused()
    {
        string dir = TestPaths.NewTempDirectory();
        string model = Path.Combine(dir, "m.tam");
        Assert.Equal(0, CommandRunner.InProcess(["train", Write(dir, "t.tsv", Train), "-o", model, .. Small]).ExitCode);
        var (code, _, errors) = CommandRunner.Child("a cat\na d\0og\n"u8.ToArray(), "predict", model);
        Assert.Equal(TextAugmentApp.Failure, code);
        Assert.StartsWith("<stdin>:2:4 (byte 9 of the input): a NUL byte", errors, StringComparison.Ordinal);
    }

    // JSON Lines: a null label is not a missing one.

    [Fact]
    public void A_null_label_in_json_lines_is_named_at_its_column()
    {
        string dir = TestPaths.NewTempDirectory();
        string data = Write(dir, "j.jsonl", "{\"id\": 1, \"text\": \"a cat\", \"label\": \"animal\"}\n{\"id\": 2, \"text\": \"a pear\", \"label\": null}\n");
        var (code, _, errors) = CommandRunner.InProcess(["train", data, "-o", Path.Combine(dir, "m.tam"), .. Small]);
        Assert.Equal(TextAugmentApp.Failure, code);
        Assert.StartsWith($"{data}:2:38: 'label' is null; each example needs a label: a string (or a number, or true/false), e.g. \"label\": \"sports\".", errors, StringComparison.Ordinal);
    }

    // The report's advice fits what the run did.

    private static EpochRecord E(int epoch, double train, double valid) => new(epoch, train, 0.9, valid, 0.8, 0.01, 0, 0.1);

    private static readonly EpochRecord[] Rising = [E(1, 0.45, 0.50), E(2, 0.10, 0.58), E(3, 0.02, 0.70), E(4, 0.004, 0.81)];

    [Fact]
    public void Patience_0_is_advised_a_patience_not_told_to_turn_early_stopping_on()
    {
        var options = new TrainerOptions { EarlyStopping = new EarlyStoppingOptions { Enabled = true, Patience = 0 } };
        string diagnosis = new TrainingReport(Rising, 4, false, 0, 2, options).Diagnosis;
        Assert.Contains("give early stopping a patience: early_stopping.patience, --patience of 1 or more (patience 0 turns it off).", diagnosis, StringComparison.Ordinal);
        Assert.DoesNotContain("turn early stopping on", diagnosis, StringComparison.Ordinal);
    }

    [Fact]
    public void A_validation_loss_still_falling_at_the_last_epoch_is_not_variance()
    {
        // Validation loss falls every epoch, to its lowest at the last, while staying well above training loss.
        EpochRecord[] falling = [E(1, 0.60, 1.60), E(2, 0.30, 1.40), E(3, 0.10, 1.20), E(4, 0.05, 1.10)];
        string diagnosis = new TrainingReport(falling, 4, false, 0, 6, new TrainerOptions()).Diagnosis;
        Assert.DoesNotContain("overfits", diagnosis, StringComparison.Ordinal);
        Assert.Contains("validation loss is still falling at the last epoch (1.200 → 1.100 at epoch 4): the model is still improving, not overfitting", diagnosis, StringComparison.Ordinal);
        Assert.Contains("train longer", diagnosis, StringComparison.Ordinal);

        // The same gap, growing while validation loss has stopped falling: variance.
        EpochRecord[] flat = [E(1, 0.60, 1.10), E(2, 0.30, 1.105), E(3, 0.10, 1.108), E(4, 0.05, 1.109)];
        string grown = new TrainingReport(flat, 4, false, 0, 6, new TrainerOptions()).Diagnosis;
        Assert.Contains("the gap has grown since epoch 1 (0.500 → 1.059): the model overfits (high variance)", grown, StringComparison.Ordinal);

        // A gap as large at epoch 1 as at the end is no sign of variance either.
        EpochRecord[] constant = [E(1, 0.10, 1.10), E(2, 0.10, 1.10), E(3, 0.10, 1.10)];
        Assert.DoesNotContain("overfits", new TrainingReport(constant, 3, false, 0, 6, new TrainerOptions()).Diagnosis, StringComparison.Ordinal);
    }

    [Fact]
    public void The_command_line_run_of_the_report_reads_falling_validation_loss_as_improving()
    {
        // The newcomer's run: validation loss lowest at the last epoch, early stopping on with patience 0.
        string dir = TestPaths.NewTempDirectory();
        var (code, output, errors) = CommandRunner.InProcess("train", Path.Combine(TestPaths.Root, "pipelines", "data", "wordnet-topics-train.tsv"), "-o", Path.Combine(dir, "m.tam"),
            "--epochs", "8", "--validation-fraction", "0.2", "--early-stopping", "--patience", "0", "--min-epochs", "1", "--no-refit");
        Assert.True(code == 0, errors);
        Assert.Contains("still improving", output, StringComparison.Ordinal);
        Assert.DoesNotContain("overfits", output, StringComparison.Ordinal);
        Assert.DoesNotContain("turn early stopping on", output, StringComparison.Ordinal);
        Assert.Contains("--patience 1 or more", output, StringComparison.Ordinal);
    }

    // Tiny data: say what was held out.

    [Fact]
    public void When_no_example_can_be_held_out_the_note_says_so()
    {
        var (_, report) = Trainer.Train([new Example("1", "good film", "pos"), new Example("2", "bad film", "neg")], null,
            new TrainerOptions { ValidationFraction = 0.5, Epochs = 2, Features = new FeatureOptions { Buckets = 256, Dimensions = 4 } });
        Assert.Equal(0, report.ValidationRows);
        Assert.StartsWith("validation: none: too few examples per label to hold any out", report.ValidationNote, StringComparison.Ordinal);
        Assert.DoesNotContain("refit", report.ValidationNote, StringComparison.Ordinal);
        Assert.Contains("none could be held out: add examples", report.Diagnosis, StringComparison.Ordinal);
    }

    [Fact]
    public void When_tiny_data_holds_out_more_than_asked_the_note_gives_the_share_and_why()
    {
        // 6 labels, 2 ids each: each label gives one, so 6 of 12 = 50 % for the 10 % asked.
        List<Example> rows = [.. Enumerable.Range(0, 12).Select(i => new Example($"{i}", $"text {i}", $"label{i % 6}"))];
        var (_, report) = Trainer.Train(rows, null,
            new TrainerOptions { ValidationFraction = 0.1, Epochs = 1, Refit = false, Features = new FeatureOptions { Buckets = 256, Dimensions = 4 } });
        Assert.Equal(6, report.ValidationRows);
        Assert.Contains("that is 50 % of the ids, not the 10 % asked: the split rounds within each label, and a label with at least 2 ids gives at least one to validation and keeps at least one for training", report.ValidationNote, StringComparison.Ordinal);
    }

    [Fact]
    public void A_label_keeps_an_id_for_training_however_large_the_fraction_and_a_share_far_from_the_one_asked_is_said()
    {
        // 0.9 of 3 ids rounds to 3: the whole label went to validation, and training found no label at all.
        Assert.Equal(2, Trainer.HeldIds(3, 0.9));
        Assert.Equal(1, Trainer.HeldIds(2, 0.9));
        Assert.Equal(0, Trainer.HeldIds(1, 0.9));
        Assert.Equal(18, Trainer.HeldIds(20, 0.9));
        Assert.Equal(1, Trainer.HeldIds(20, 0.01));
        Assert.Equal(0, Trainer.HeldIds(20, 0));

        // 20 + 20 + 4 rows: at 0.9 the 4 rows of c were all held out, and the model was trained on two labels in silence.
        List<Example> rows = [.. Enumerable.Range(0, 44).Select(i => new Example($"{i}", $"text {i} {(i < 20 ? "alpha" : i < 40 ? "beta" : "gamma")}", i < 20 ? "a" : i < 40 ? "b" : "c"))];
        var (train, validation) = Trainer.StratifiedSplit(rows, 0.9, new TextAugment.Augmenters.AugmentRandom(1));
        Assert.Equal(["a", "b", "c"], train.Select(e => e.Label).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(3, validation.Count(e => e.Label == "c"));

        // The streamed path (TrainingRows) splits alike, and a share 17 points above the 50 % asked is said.
        var (model, report) = Trainer.Train([.. Enumerable.Range(0, 6).Select(i => new Example($"{i}", $"film {i}", $"{i % 2}"))], null,
            new TrainerOptions { ValidationFraction = 0.5, Epochs = 1, Refit = false, Features = new FeatureOptions { Buckets = 256, Dimensions = 4 } });
        Assert.Equal(4, report.ValidationRows);
        Assert.Equal(2, model.Labels.Count);
        Assert.Contains("that is 67 % of the ids, not the 50 % asked", report.ValidationNote, StringComparison.Ordinal);
    }

    // Small items.

    [Theory]
    [InlineData("train", "input")]
    [InlineData("evaluate", "model")]
    [InlineData("validate", "pipeline")]
    [InlineData("augment", "input")]
    public void A_folder_given_as_a_file_is_called_a_folder(string command, string what)
    {
        string dir = TestPaths.NewTempDirectory();
        string folder = Directory.CreateDirectory(Path.Combine(dir, "adir")).FullName;
        var (code, _, errors) = command switch
        {
            "train" => CommandRunner.InProcess("train", folder, "-o", Path.Combine(dir, "m.tam")),
            "evaluate" => CommandRunner.InProcess("evaluate", folder, Write(dir, "t.tsv", Train)),
            "validate" => CommandRunner.InProcess("validate", folder),
            _ => CommandRunner.InProcess("augment", Path.Combine(TestPaths.Root, "pipelines", "eda.yaml"), "-i", folder, "-o", Path.Combine(dir, "o.txt"), "--no-progress"),
        };
        Assert.Equal(TextAugmentApp.UsageError, code);
        Assert.Equal($"textaugment: {folder}: a folder, not a{(what == "input" ? "n" : "")} {what} file; give the file inside it.", errors.Trim());
    }

    [Theory]
    [InlineData("id\ttext\tlabel\n1\ta cat\tanimal\n", CorpusFormat.Tsv)]
    [InlineData("\uFEFFlabel,text\nanimal,a cat\n", CorpusFormat.Csv)]
    [InlineData("{\"text\": \"a cat\"}\n", CorpusFormat.Jsonl)]
    [InlineData("__label__animal a cat\n", CorpusFormat.FastText)]
    [InlineData("a cat sat on the mat\n", CorpusFormat.Text)]
    [InlineData("a cat\tsat on\tthe mat\n", CorpusFormat.Text)]
    public void The_format_of_standard_input_is_read_from_its_first_line(string head, CorpusFormat expected)
    {
        Assert.Equal(expected, CorpusFormats.FromContent(Encoding.UTF8.GetBytes(head)));
    }

    [Fact]
    public void Fit_tfidf_on_standard_input_reads_a_tsv_as_tsv()
    {
        string dir = TestPaths.NewTempDirectory();
        string stats = Path.Combine(dir, "stats.tsv");
        var (code, _, errors) = CommandRunner.Child(Encoding.UTF8.GetBytes(Train), "fit-tfidf", "-", "-o", stats);
        Assert.True(code == 0, errors);
        Assert.Contains("<stdin> read as tsv", errors, StringComparison.Ordinal);
        Assert.Contains("4 examples", errors, StringComparison.Ordinal);
        string[] words = [.. File.ReadAllLines(stats).Skip(1).Select(l => l.Split('\t')[0])];
        Assert.Contains("cat", words);
        Assert.DoesNotContain("animal", words); // a label, not a word of the text
        Assert.DoesNotContain("label", words); // the header
    }

    [Fact]
    public void Standard_input_is_named_stdin_in_unlabelled_errors_too()
    {
        string dir = TestPaths.NewTempDirectory();
        var (code, _, errors) = CommandRunner.Child([], ["train", Write(dir, "t.tsv", Train), "-o", Path.Combine(dir, "m.tam"), "--unlabelled", "-", .. Small]);
        Assert.Equal(TextAugmentApp.Failure, code);
        Assert.StartsWith("<stdin>:1: the unlabelled file holds no text", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "0 rows")]
    [InlineData(1, "1 row")]
    [InlineData(2560, "2,560 rows")]
    public void Counts_take_the_noun_in_the_right_number(long count, string expected)
    {
        Assert.Equal(expected, Plural.Count(count, "row"));
        Assert.Equal(expected.Replace("row", "variant", StringComparison.Ordinal), Plural.Count(count, "variant"));
        Assert.Equal(count == 1 ? "1 entry" : expected.Replace("rows", "entries", StringComparison.Ordinal), Plural.Count(count, "entry", "entries"));
    }

    [Fact]
    public void One_epoch_and_one_variant_are_singular_in_what_the_commands_print()
    {
        string dir = TestPaths.NewTempDirectory();
        var (code, output, errors) = CommandRunner.InProcess("train", Write(dir, "t.tsv", Train), "-o", Path.Combine(dir, "m.tam"), "--epochs", "1", "--dim", "8", "--buckets", "4096");
        Assert.True(code == 0, errors);
        Assert.Contains("(1 epoch, ", output, StringComparison.Ordinal);
        Assert.Contains("trained on 4 examples", output, StringComparison.Ordinal);

        string pipeline = Write(dir, "p.yaml", $"input: {{ path: {Path.Combine(dir, "t.tsv")} }}\noutput: {{ path: {Path.Combine(dir, "o.jsonl")} }}\naugment:\n  variants: 1\n  stages: [ {{ random_swap: {{}} }} ]\n");
        (code, output, errors) = CommandRunner.InProcess("validate", pipeline);
        Assert.True(code == 0, errors);
        Assert.Contains("→ 1 variant per example →", output, StringComparison.Ordinal);
    }
}
