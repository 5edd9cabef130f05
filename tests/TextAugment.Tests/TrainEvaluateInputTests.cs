using System.Text.Json;
using Spectre.Console.Testing;
using TextAugment.Classification;
using TextAugment.Cli;
using TextAugment.Pipelines;

namespace TextAugment.Tests;

/// <summary>
/// What train and evaluate do with data that does not fit (labels one side lacks, no labels, no rows, one label) and
/// with options that cannot act: a message naming the file and the value, never a stack trace or a silent drop.
/// </summary>
[Collection(ConsoleCollection.Name)]
public class TrainEvaluateInputTests
{
    private const string Train = "id\ttext\tlabel\n1\ta cat\tanimal\n2\tan apple\tfood\n3\ta dog\tanimal\n4\ta pear\tfood\n";
    private const string ValidationWithNewLabel = "id\ttext\tlabel\n1\ta cat\tanimal\n2\ta car\tvehicle\n";
    private static readonly string[] Small = ["--epochs", "2", "--dim", "8", "--buckets", "4096"];

    [Fact]
    public void Messages_name_the_first_five_of_many_and_count_the_rest()
    {
        Assert.Equal("'a', 'b'", Trainer.FirstFew(["'a'", "'b'"]));
        Assert.Equal("1, 2, 3, 4, 5", Trainer.FirstFew(["1", "2", "3", "4", "5"]));
        Assert.Equal("1, 2, 3, 4, 5 and 2 more", Trainer.FirstFew(["1", "2", "3", "4", "5", "6", "7"]));
        Assert.Equal("", Trainer.FirstFew([]));
    }

    [Fact]
    public void Labels_that_differ_only_in_case_or_surrounding_space_are_named()
    {
        Assert.Null(LabelLookalikes.Describe(["animal", "food", "animal"], "t.tsv"));
        Assert.Equal(
            "t.tsv: these labels differ only in letter case, surrounding white space or the way a number is written, and each is a class of its own: 'ANIMAL' / 'animal' / 'animal '. If they mean one class, make them equal in the data.",
            LabelLookalikes.Describe(["animal", "ANIMAL", "food", "animal ", "animal"], "t.tsv"));
        Assert.StartsWith("t.tsv: 2 groups of labels differ", LabelLookalikes.Describe(["a", "A", "b", " b"], "t.tsv"), StringComparison.Ordinal);
    }

    [Collection(ConsoleCollection.Name)]
    public class Columns_and_format
    {
        [Fact]
        public void Train_and_evaluate_read_named_columns_in_the_format_given()
        {
            string dir = TestPaths.NewTempDirectory();
            // A CSV under an extension that implies no format, with its own column names and a quoted comma.
            string data = Write(dir, "t.dat", "topic,sentence\nanimal,\"a cat, a dog\"\nfood,an apple\nanimal,a dog\nfood,a pear\n");
            var (code, output, errors) = CommandRunner.InProcess(["train", data, "-o", Path.Combine(dir, "m.tam"), "--format", "csv", "--text", "sentence", "--label", "topic", .. Small]);
            Assert.True(code == 0, errors);
            Assert.Contains("trained on 4 examples", output, StringComparison.Ordinal);
            var (evaluated, table, _) = CommandRunner.InProcess("evaluate", Path.Combine(dir, "m.tam"), data, "--format", "csv", "--text", "sentence", "--label", "topic");
            Assert.Equal(0, evaluated);
            Assert.Contains("(4 examples)", table, StringComparison.Ordinal);

            // Without them the file is read as tsv with a 'text' column, and the error says what the header has.
            var (refused, _, message) = CommandRunner.InProcess(["train", data, "-o", Path.Combine(dir, "m2.tam"), .. Small]);
            Assert.Equal(1, refused);
            Assert.Contains("no text column 'text'", message, StringComparison.Ordinal);
            Assert.Equal(2, CommandRunner.InProcess(["train", data, "-o", Path.Combine(dir, "m2.tam"), "--format", "text"]).ExitCode);
        }
    }

    [Collection(ConsoleCollection.Name)]
    public class Empty_labels
    {
        [Theory]
        [InlineData("t.tsv", "id\ttext\tlabel\n1\ta cat\tanimal\n2\tan apple\t\n3\ta dog\tanimal\n4\ta pear\tfood\n", "t.tsv:3: the label of example '2' is empty")]
        [InlineData("t.tsv", "id\ttext\tlabel\n1\ta cat\tanimal\n2\tan apple\t \n3\ta dog\tanimal\n4\ta pear\tfood\n", "t.tsv:3: the label of example '2' is only white space (1 character)")]
        [InlineData("t.jsonl", "{\"text\":\"a cat\",\"label\":\"animal\"}\n{\"text\":\"a pear\",\"label\":\"\"}\n", "t.jsonl:2: the label of example '2' is empty")]
        [InlineData("t.csv", "text,label\na cat,animal\na pear,\n", "t.csv:3: the label of example '3' is empty")]
        public void Are_refused_at_their_line_and_no_model_is_written(string name, string content, string expected)
        {
            string dir = TestPaths.NewTempDirectory();
            string data = Write(dir, name, content);
            var (code, _, errors) = CommandRunner.InProcess(["train", data, "-o", Path.Combine(dir, "m.tam"), .. Small]);
            Assert.Equal(1, code);
            Assert.Contains(expected, errors, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(dir, "m.tam")));
        }

        [Fact]
        public void Vectors_of_another_size_than_dim_are_refused_before_the_data_is_read()
        {
            string dir = TestPaths.NewTempDirectory();
            // The data file's only row is malformed: an error about it would mean the data was read first.
            string data = Write(dir, "t.tsv", "id\ttext\tlabel\n1\tno label column here\n");
            var (code, _, errors) = CommandRunner.InProcess("train", data, "-o", Path.Combine(dir, "m.tam"), "--vectors", Path.Combine(TestPaths.Root, "models", "en-vectors.bin"));
            Assert.Equal(2, code);
            Assert.Contains("has 100 dimensions but the classifier's embeddings have 64 (--dim); give --dim 100.", errors, StringComparison.Ordinal);
        }

        [Fact]
        public void Are_refused_by_the_library_trainer_too()
        {
            var error = Assert.Throws<ArgumentException>(() => Trainer.Train(Examples(("a cat", "animal"), ("a pear", "")), null, new TrainerOptions { Epochs = 1 }));
            Assert.Contains("example '2' has an empty label", error.Message, StringComparison.Ordinal);
        }
    }

    [Collection(ConsoleCollection.Name)]
    public class Lookalike_labels
    {
        [Fact]
        public void Train_warns_and_evaluate_shows_the_white_space()
        {
            string dir = TestPaths.NewTempDirectory();
            string data = Write(dir, "t.tsv", "id\ttext\tlabel\n1\ta cat\tanimal\n2\tan apple\tfood\n3\ta dog\tanimal \n4\ta pear\tfood\n");
            var (code, _, errors) = CommandRunner.InProcess(["train", data, "-o", Path.Combine(dir, "m.tam"), .. Small]);
            Assert.Equal(0, code);
            Assert.Contains("these labels differ only in letter case, surrounding white space or the way a number is written, and each is a class of its own: 'animal' (line 2) / 'animal ' (line 4)", errors, StringComparison.Ordinal);
            var (_, table, _) = CommandRunner.InProcess("evaluate", Path.Combine(dir, "m.tam"), data);
            Assert.Contains("  'animal '  ", table, StringComparison.Ordinal);
        }
    }

    private static string Write(string dir, string name, string content)
    {
        string path = Path.Combine(dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static Example[] Examples(params (string Text, string Label)[] rows) =>
        [.. rows.Select((r, i) => new Example((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), r.Text, r.Label))];

    [Collection(ConsoleCollection.Name)]
    public class Validation_labels_the_training_data_lacks
    {
        [Fact]
        public void Count_as_errors_in_accuracy_and_are_left_out_of_the_loss()
        {
            Example[] train = Examples(("a cat", "animal"), ("an apple", "food"), ("a dog", "animal"), ("a pear", "food"));
            var options = new TrainerOptions { Epochs = 3 };
            var (_, known) = Trainer.Train(train, Examples(("a cat", "animal")), options);
            var (_, mixed) = Trainer.Train(train, Examples(("a cat", "animal"), ("a car", "vehicle")), options);
            Assert.Equal(known.Epochs.Count, mixed.Epochs.Count);
            for (int e = 0; e < known.Epochs.Count; e++)
            {
                // The loss is the known row's alone; the unknown row halves the accuracy (the model cannot predict 'vehicle').
                Assert.Equal(known.Epochs[e].ValidationLoss, mixed.Epochs[e].ValidationLoss, 12);
                Assert.Equal(known.Epochs[e].ValidationAccuracy / 2, mixed.Epochs[e].ValidationAccuracy, 12);
            }
        }

        [Fact]
        public void Are_named_on_standard_error_with_their_file_and_count()
        {
            string dir = TestPaths.NewTempDirectory();
            string t = Write(dir, "t.tsv", Train), v = Write(dir, "v.tsv", ValidationWithNewLabel);
            var (code, _, errors) = CommandRunner.InProcess(["train", t, "-o", Path.Combine(dir, "x.tam"), "--validation", v, .. Small]);
            Assert.True(code == 0, errors);
            Assert.DoesNotContain("Exception", errors, StringComparison.Ordinal);
            Assert.Contains($"{v}: 1 of 2 validation rows has a label the training data lacks: 'vehicle' (1)", errors, StringComparison.Ordinal);
            Assert.DoesNotContain("nothing to watch", errors, StringComparison.Ordinal);
        }

        [Fact]
        public void Say_so_when_no_validation_row_can_be_scored()
        {
            Example[] train = Examples(("a cat", "animal"), ("an apple", "food"));
            string? note = Trainer.DescribeUnknownLabels(train, Examples(("a car", "vehicle"), ("a bus", "vehicle"), ("a rose", "plant")), "v.tsv");
            Assert.Equal("v.tsv: 3 of 3 validation rows have 2 labels the training data lacks: 'plant' (1), 'vehicle' (2); they count as errors in the validation accuracy and are left out of the validation loss (the model has no class for them); no validation row has a label the model can predict, so the validation scores say nothing and early stopping has nothing to watch.", note);
            Assert.Null(Trainer.DescribeUnknownLabels(train, Examples(("a dog", "animal")), "v.tsv"));
        }

        [Fact]
        public void Are_named_when_a_pipeline_gives_the_validation_path()
        {
            string dir = TestPaths.NewTempDirectory();
            string t = Write(dir, "t.tsv", Train).Replace('\\', '/'), v = Write(dir, "v.tsv", ValidationWithNewLabel).Replace('\\', '/');
            string pipeline = Write(dir, "p.yaml", $"""
                seed: 1
                input: {"{"} path: {t} {"}"}
                augment:
                  variants: 1
                  stages:
                    - random_swap: {"{"} n: 1 {"}"}
                output: {"{"} path: out/augmented.tsv {"}"}
                train:
                  features: {"{"} dim: 8, buckets: 4096 {"}"}
                  hidden: []
                  epochs: 2
                  validation: {"{"} path: {v} {"}"}
                """);
            Pipeline loaded = Pipeline.Load(pipeline);
            PipelineRunner.Run(loaded);
            var log = new List<string>();
            Experiment.Run(loaded, new Reporter<string>(log.Add));
            Assert.Contains(log, l => l.Contains($"{v}: 1 of 2 validation rows has a label the training data lacks: 'vehicle'", StringComparison.Ordinal));
        }
    }

    [Collection(ConsoleCollection.Name)]
    public class Files_without_labels_or_rows
    {
        [Theory]
        [InlineData("evaluate")]
        [InlineData("train")]
        public void A_text_file_is_refused_naming_the_file_and_line(string command)
        {
            string dir = TestPaths.NewTempDirectory();
            string model = Path.Combine(dir, "m.tam");
            Assert.Equal(0, CommandRunner.InProcess(["train", Write(dir, "t.tsv", Train), "-o", model, .. Small]).ExitCode);
            string text = Write(dir, "n.txt", "a cat\n");
            var (code, _, errors) = command == "evaluate" ? CommandRunner.InProcess("evaluate", model, text) : CommandRunner.InProcess("train", text, "-o", Path.Combine(dir, "y.tam"));
            Assert.Equal(TextAugmentApp.Failure, code); // a fault in an input's rows, as a malformed row (README: exit codes)
            Assert.DoesNotContain("Exception", errors, StringComparison.Ordinal);
            Assert.StartsWith($"{text}:1: the file is plain text (one text per line), which has no labels", errors, StringComparison.Ordinal);
        }

        [Fact]
        public void A_fasttext_line_without_a_label_is_named_by_its_line()
        {
            string dir = TestPaths.NewTempDirectory();
            string data = Write(dir, "d.ft", "__label__a one\n__label__b two\nthree\n");
            var (code, _, errors) = CommandRunner.InProcess("train", data, "-o", Path.Combine(dir, "y.tam"));
            Assert.Equal(TextAugmentApp.Failure, code);
            Assert.StartsWith($"{data}:3: the line has no label", errors, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("evaluate", "evaluation")]
        [InlineData("train", "training")]
        [InlineData("validation", "validation")]
        public void A_header_only_file_is_refused_naming_the_file(string role, string needs)
        {
            string dir = TestPaths.NewTempDirectory();
            string model = Path.Combine(dir, "m.tam"), t = Write(dir, "t.tsv", Train);
            Assert.Equal(0, CommandRunner.InProcess(["train", t, "-o", model, .. Small]).ExitCode);
            string empty = Write(dir, "h.tsv", "id\ttext\tlabel\n");
            var (code, output, errors) = role switch
            {
                "evaluate" => CommandRunner.InProcess("evaluate", model, empty),
                "train" => CommandRunner.InProcess("train", empty, "-o", Path.Combine(dir, "y.tam")),
                _ => CommandRunner.InProcess("train", t, "-o", Path.Combine(dir, "y.tam"), "--validation", empty),
            };
            Assert.Equal(TextAugmentApp.Failure, code);
            Assert.DoesNotContain("accuracy", output, StringComparison.Ordinal);
            Assert.StartsWith($"{empty}: the file holds no labelled examples (only a header, or nothing); {needs} needs at least one row", errors, StringComparison.Ordinal);
        }

        [Fact]
        public void The_library_names_an_unlabelled_example_without_an_aggregate_exception()
        {
            var (model, _) = Trainer.Train(Examples(("a cat", "animal"), ("an apple", "food")), null, new TrainerOptions { Epochs = 1 });
            Example[] test = [new("1", "a cat", "animal"), new("row-2", "a dog", null)];
            var error = Assert.Throws<ArgumentException>(() => Evaluation.Of(model, test));
            Assert.StartsWith("example 'row-2' has no label", error.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("one-label")]
        [InlineData("empty-test")]
        [InlineData("empty-validation")]
        public void A_pipeline_names_its_one_label_input_or_empty_test_or_validation_file(string fault)
        {
            string dir = TestPaths.NewTempDirectory();
            string t = Write(dir, "t.tsv", fault == "one-label" ? "id\ttext\tlabel\n1\ta cat\tanimal\n2\ta dog\tanimal\n" : Train).Replace('\\', '/');
            string test = Write(dir, "test.tsv", fault == "one-label" ? Train : "id\ttext\tlabel\n").Replace('\\', '/');
            string pipeline = Write(dir, "p.yaml", $"""
                seed: 1
                input: {"{"} path: {t} {"}"}
                augment:
                  variants: 1
                  stages:
                    - random_swap: {"{"} n: 1 {"}"}
                output: {"{"} path: out/augmented.tsv {"}"}
                train:
                  features: {"{"} dim: 8, buckets: 4096 {"}"}
                  hidden: []
                  epochs: 1{(fault == "empty-validation" ? $"\n  validation: {{ path: {test} }}" : "")}
                evaluate:
                  test: {test}
                """);
            if (fault != "one-label")
            {
                // An empty test or validation file is refused while the pipeline is checked: nothing is augmented or written.
                var refused = Assert.Throws<PipelineException>(() => Pipeline.Load(pipeline));
                string key = fault == "empty-test" ? "evaluate.test" : "train.validation.path";
                string role = fault == "empty-test" ? "evaluation" : "validation";
                Assert.Contains($"{key}: {test}: the file holds no labelled examples", refused.Message, StringComparison.Ordinal);
                Assert.Contains($"{role} needs at least one row with a text and a label.", refused.Message, StringComparison.Ordinal);
                Assert.False(Directory.Exists(Path.Combine(dir, "out")));
                return;
            }

            Pipeline loaded = Pipeline.Load(pipeline);
            PipelineRunner.Run(loaded);
            var error = Assert.Throws<DataFormatException>(() => Experiment.Run(loaded));
            Assert.StartsWith($"{t}: every one of the 2 training examples has the label 'animal'", error.Message, StringComparison.Ordinal);
            Assert.EndsWith("training needs at least 2 labels.", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Training_data_with_one_label_is_refused_naming_the_file_and_the_label()
        {
            string dir = TestPaths.NewTempDirectory();
            string one = Write(dir, "one.tsv", "id\ttext\tlabel\n1\ta cat\tanimal\n2\ta dog\tanimal\n");
            var (code, _, errors) = CommandRunner.InProcess("train", one, "-o", Path.Combine(dir, "y.tam"));
            Assert.Equal(TextAugmentApp.Failure, code);
            Assert.StartsWith($"{one}: every one of the 2 training examples has the label 'animal'; training needs at least 2 labels.", errors, StringComparison.Ordinal);
        }
    }

    [Collection(ConsoleCollection.Name)]
    public class Test_labels_the_model_lacks
    {
        [Fact]
        public void Are_scored_as_labels_as_scikit_learn_scores_y_true_union_y_pred()
        {
            // classification_report(["a", "b", "c", "c"], ["a", "b", "a", "b"]): c has support 2, precision/recall/F1 0;
            // macro-F1 = (F1(a) 2/3 + F1(b) 2/3 + 0) / 3.
            Evaluation e = Evaluation.Of(["a", "b", "c", "c"], ["a", "b", "a", "b"], ["a", "b"]);
            Assert.Equal(["a", "b", "c"], e.Classes.Select(c => c.Label));
            Assert.Equal([true, true, false], e.Classes.Select(c => c.InModel));
            Assert.Equal(2, e.Classes[2].Support);
            Assert.Equal(0, e.Classes[2].Recall);
            Assert.Equal(4.0 / 9, e.MacroF1, 12);
            Assert.Equal(0.5, e.Accuracy);
            Assert.Equal([1, 1, 0], e.Confusion[2]);
        }

        [Fact]
        public void Show_in_the_table_json_and_a_warning()
        {
            string dir = TestPaths.NewTempDirectory();
            string model = Path.Combine(dir, "m.tam"), v = Write(dir, "v.tsv", ValidationWithNewLabel);
            Assert.Equal(0, CommandRunner.InProcess(["train", Write(dir, "t.tsv", Train), "-o", model, .. Small]).ExitCode);
            var (code, output, errors) = CommandRunner.InProcess("evaluate", model, v);
            Assert.True(code == 0, errors);
            Assert.Contains("  vehicle *", output, StringComparison.Ordinal);
            Assert.Contains($"{v}: 1 of 2 rows has a label the model does not know ('vehicle')", errors, StringComparison.Ordinal);
            (code, output, errors) = CommandRunner.InProcess("evaluate", model, v, "--json");
            Assert.True(code == 0, errors);
            using var json = JsonDocument.Parse(output);
            JsonElement vehicle = json.RootElement.GetProperty("labels").EnumerateArray().Single(l => l.GetProperty("label").GetString() == "vehicle");
            Assert.False(vehicle.GetProperty("in_model").GetBoolean());
            Assert.Equal(1, vehicle.GetProperty("support").GetInt32());
            Assert.Equal(3, json.RootElement.GetProperty("confusion").GetArrayLength());
        }
    }

    [Collection(ConsoleCollection.Name)]
    public class Option_values_and_combinations
    {
        /// <summary>Item: train shows progress lines within an epoch on large data, so it takes --no-progress as run and augment do.</summary>
        [Fact]
        public void Train_accepts_no_progress_as_run_and_augment_do()
        {
            string dir = TestPaths.NewTempDirectory();
            var (code, _, errors) = CommandRunner.InProcess(["train", Write(dir, "t.tsv", Train), "-o", Path.Combine(dir, "y.tam"), "--no-progress", .. Small]);
            Assert.True(code == 0, errors);
            Assert.Contains("epoch 2:", errors, StringComparison.Ordinal); // the training log stays
            Assert.True(File.Exists(Path.Combine(dir, "y.tam")));
        }

        [Theory]
        [InlineData("--seed", "-1", "-1; it must be between 0 and 9223372036854775807")]
        [InlineData("--seed=abc", null, "'abc'; it must be a whole number from 0 to 9223372036854775807")]
        [InlineData("--seed", "1.5", "'1.5'; it must be a whole number from 0 to 9223372036854775807")]
        [InlineData("--seed", "18446744073709551616", "18446744073709551616; it must be between 0 and 9223372036854775807")]
        [InlineData("--seed", "18446744073709551615", "18446744073709551615; it must be between 0 and 9223372036854775807")] // a pipeline's seed range: one for both
        [InlineData("--seed", "9223372036854775808", "9223372036854775808; it must be between 0 and 9223372036854775807")]
        public void A_number_that_does_not_parse_names_the_option_value_and_range(string option, string? value, string message)
        {
            string dir = TestPaths.NewTempDirectory();
            string[] given = value is null ? [option] : [option, value];
            var (code, _, errors) = CommandRunner.InProcess(["train", Write(dir, "t.tsv", Train), "-o", Path.Combine(dir, "y.tam"), .. given]);
            Assert.Equal(TextAugmentApp.UsageError, code);
            Assert.Equal($"textaugment train: --seed is {message}.", errors.Trim());
        }

        [Fact]
        public void A_number_option_of_another_command_is_checked_the_same_way()
        {
            var (code, _, errors) = CommandRunner.InProcess("predict", "m.tam", "-k", "abc");
            Assert.Equal(TextAugmentApp.UsageError, code);
            Assert.Equal("textaugment predict: -k is 'abc'; it must be a whole number from 1 to 2147483647.", errors.Trim());
        }

        [Theory]
        [InlineData("--early-stopping")]
        [InlineData("--patience=3")]
        [InlineData("--monitor=accuracy")]
        [InlineData("--restore-best")]
        [InlineData("--min-delta=0.01")]
        public void Early_stopping_without_validation_data_warns(string option)
        {
            string dir = TestPaths.NewTempDirectory();
            var (code, _, errors) = CommandRunner.InProcess(["train", Write(dir, "t.tsv", Train), "-o", Path.Combine(dir, "y.tam"), option, .. Small]);
            Assert.True(code == 0, errors);
            Assert.Contains($"textaugment: {option.Split('=')[0]} has no effect without validation data", errors, StringComparison.Ordinal);
            Assert.Contains("give --validation FILE or --validation-fraction F", errors, StringComparison.Ordinal);
        }

        /// <summary>
        /// Item: the report folder's default is derived from the model's path; for a model that is a device or FIFO
        /// (-o /dev/null) it would be made among the devices (/dev/null.report/): refused, exit 2, asking for --report;
        /// with --report the run goes on. A pipeline whose output.path is a device (from which train.model and
        /// train.report default, and which is read back to train on) is refused at train.
        /// </summary>
        [Fact]
        public void A_model_that_is_a_device_needs_an_explicit_report_folder()
        {
            string dir = TestPaths.NewTempDirectory();
            string data = Write(dir, "t.tsv", Train);
            bool existed = Directory.Exists("/dev/null.report");
            var (code, _, errors) = CommandRunner.InProcess(["train", data, "-o", "/dev/null", .. Small]);
            Assert.True(code == 2, errors);
            Assert.Contains("--output /dev/null is a device, FIFO or socket, not a regular file, so the report folder cannot go beside it (as '/dev/null.report'); give --report DIR", errors, StringComparison.Ordinal);
            Assert.Equal(existed, Directory.Exists("/dev/null.report"));

            (code, _, errors) = CommandRunner.InProcess(["train", data, "-o", "/dev/null", "--report", Path.Combine(dir, "r"), .. Small]);
            Assert.True(code == 0, errors);
            Assert.True(File.Exists(Path.Combine(dir, "r", "report.json")));

            string pipeline = Write(dir, "p.yaml", $"input: {{ path: {data} }}\naugment: {{ stages: [ random_swap: {{}} ] }}\noutput: {{ path: /dev/null, format: tsv }}\ntrain: {{ epochs: 1 }}\n");
            (code, _, errors) = CommandRunner.InProcess("validate", pipeline);
            Assert.True(code == 2, errors);
            Assert.Contains("p.yaml:4:8: train: output.path '/dev/null' is a device, FIFO or socket, not a regular file", errors, StringComparison.Ordinal);
        }

        /// <summary>Item: early stopping's settings given with early stopping off have no effect: warned about, named, as a pipeline's are.</summary>
        [Theory]
        [InlineData("--min-epochs=3")]
        [InlineData("--patience=3")]
        [InlineData("--monitor=accuracy")]
        public void Early_stopping_settings_with_early_stopping_off_warn(string option)
        {
            string dir = TestPaths.NewTempDirectory();
            string[] train = ["train", Write(dir, "t.tsv", Train), "--validation", Write(dir, "v.tsv", Train), .. Small];
            var (code, _, errors) = CommandRunner.InProcess([.. train, "-o", Path.Combine(dir, "y.tam"), option]);
            Assert.True(code == 0, errors);
            Assert.Contains($"textaugment: {option.Replace('=', ' ')} has no effect: early stopping is off; give --early-stopping for it to apply", errors, StringComparison.Ordinal);
            (code, _, errors) = CommandRunner.InProcess([.. train, "-o", Path.Combine(dir, "z.tam"), option, "--early-stopping"]);
            Assert.True(code == 0, errors);
            Assert.DoesNotContain("early stopping is off", errors, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("--consistency-ratio=5")]
        [InlineData("--consistency-tsa=linear")]
        [InlineData("--consistency-weight=1")]
        public void Consistency_options_without_unlabelled_text_warn(string option)
        {
            string dir = TestPaths.NewTempDirectory();
            var (code, _, errors) = CommandRunner.InProcess(["train", Write(dir, "t.tsv", Train), "-o", Path.Combine(dir, "y.tam"), option, .. Small]);
            Assert.True(code == 0, errors);
            Assert.Contains($"textaugment: {option.Split('=')[0]} has no effect without --unlabelled FILE", errors, StringComparison.Ordinal);

            (code, _, errors) = CommandRunner.InProcess(["train", Write(dir, "t.tsv", Train), "-o", Path.Combine(dir, "z.tam"), "--unlabelled", Write(dir, "u.txt", "a cow\na plum\n"), option, .. Small]);
            Assert.True(code == 0, errors);
            Assert.DoesNotContain("no effect without --unlabelled", errors, StringComparison.Ordinal);
        }

        [Fact]
        public void A_missing_unlabelled_file_is_named_as_the_unlabelled_option()
        {
            string dir = TestPaths.NewTempDirectory();
            string missing = Path.Combine(dir, "nope.txt");
            var (code, _, errors) = CommandRunner.InProcess(["train", Write(dir, "t.tsv", Train), "-o", Path.Combine(dir, "y.tam"), "--unlabelled", missing, .. Small]);
            Assert.NotEqual(0, code);
            Assert.Contains($"--unlabelled {missing}: file not found (the unlabelled text for consistency training).", errors, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(dir, "y.tam")));
        }

        [Fact]
        public void Early_stopping_with_validation_data_does_not_warn()
        {
            string dir = TestPaths.NewTempDirectory();
            // --min-epochs 1: with Small's 2 epochs the default 5 would leave early stopping idle, and that is warned about.
            var (code, _, errors) = CommandRunner.InProcess(["train", Write(dir, "t.tsv", Train), "-o", Path.Combine(dir, "y.tam"), "--early-stopping", "--validation-fraction", "0.5", "--min-epochs", "1", .. Small]);
            Assert.True(code == 0, errors);
            Assert.DoesNotContain("no effect", errors, StringComparison.Ordinal);
        }

        [Fact]
        public void A_validation_file_and_a_validation_fraction_together_are_refused()
        {
            string dir = TestPaths.NewTempDirectory();
            string v = Write(dir, "v.tsv", Train);
            var (code, _, errors) = CommandRunner.InProcess(["train", Write(dir, "t.tsv", Train), "-o", Path.Combine(dir, "y.tam"), "--validation", v, "--validation-fraction", "0.2", .. Small]);
            Assert.Equal(TextAugmentApp.UsageError, code);
            Assert.Contains($"--validation {v} and --validation-fraction both say where the validation data comes from; give one", errors, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(dir, "y.tam")));
        }
    }
}
