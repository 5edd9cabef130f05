using System.Reflection;
using Spectre.Console.Cli;
using TextAugment.Classification;
using TextAugment.Cli;
using TextAugment.Pipelines;

namespace TextAugment.Tests;

/// <summary>
/// Faults a fresh tester found in the command line, each kind with a test: no arguments, true/false option values,
/// a pipeline that cannot train passing validate, fastText read as a header, misplaced train keys, evaluate's labels; an
/// option given no value, a positional argument too many and words after --version (newcomer 5's faults 2 to 5).
/// </summary>
public class CommandLineFaultTests
{
    private const string Numbers = "text\tlabel\ngood movie\t1\nbad movie\t0\ngreat film\t1\nawful film\t0\nnice plot\t1\nterrible plot\t0\n";

    [Collection(ConsoleCollection.Name)]
    public class No_arguments
    {
        [Fact]
        public void Print_the_usage_and_exit_2_as_an_empty_command_does()
        {
            // Given no arguments, when run, then the usage and exit 2 (it was exit 134 and a stack trace from Protect).
            var (code, output, errors) = CommandRunner.Child("");
            Assert.Equal(2, code);
            Assert.Contains("USAGE", output + errors, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", output + errors, StringComparison.Ordinal);
        }

        [Fact]
        public void Protect_takes_any_number_of_arguments()
        {
            Assert.Empty(StandardStreamInterceptor.Protect([]));
            Assert.Equal(["--"], StandardStreamInterceptor.Protect(["--"]));
            Assert.Equal(["train", "\0-c.tsv"], StandardStreamInterceptor.Protect(["train", "--", "-c.tsv"]));
        }
    }

    [Collection(ConsoleCollection.Name)]
    public class True_false_values
    {
        [Theory]
        [InlineData("evaluate", "--json", "1")]
        [InlineData("evaluate", "--header", "0")]
        [InlineData("train", "--header", "on")]
        [InlineData("train", "--no-progress", "off")]
        [InlineData("train", "--refit", "0")]
        [InlineData("run", "--no-progress", "0")]
        [InlineData("augment", "--no-progress", "1")]
        public void A_wrong_value_of_a_true_false_option_names_the_option_and_the_values_it_takes(string command, string option, string value)
        {
            // Given a truth-like word that is not true or false, then exit 2 naming the option (it was Spectre's "Could not match '0' with an argument").
            string[] positional = command switch { "evaluate" => ["m.tam", "t.tsv"], "train" => ["d.tsv", "-o", "m.tam"], _ => ["p.yaml"] };
            foreach (string[] args in new string[][] { [command, .. positional, option, value], [command, .. positional, $"{option}={value}"] })
            {
                var (code, output, errors) = CommandRunner.InProcess(args);
                Assert.Equal(2, code);
                Assert.Equal("", output);
                Assert.Contains($"{option} must be true or false", errors, StringComparison.Ordinal);
                Assert.Contains($"'{value}'", errors, StringComparison.Ordinal);
                Assert.DoesNotContain("Could not match", errors, StringComparison.Ordinal);
            }
        }

        [Theory]
        [InlineData("--lowercase", "maybe", "train", "d.tsv", "-o", "m.tam", "--lowercase", "maybe")]
        [InlineData("--lowercase", "maybe", "train", "--lowercase", "maybe", "d.tsv", "-o", "m.tam")]
        [InlineData("--refit", "perhaps", "train", "d.tsv", "--lowercase", "--refit", "perhaps", "-o", "m.tam")]
        [InlineData("--no-progress", "maybe", "augment", "p.yaml", "--no-progress", "maybe")]
        [InlineData("--no-progress", "maybe", "run", "p.yaml", "--no-progress", "maybe", "--threads", "2")]
        [InlineData("--json", "perhaps", "evaluate", "m.tam", "t.tsv", "--json", "perhaps")]
        [InlineData("--json", "perhaps", "evaluate", "m.tam", "--json", "perhaps", "t.tsv")]
        public void A_word_after_a_flag_that_is_no_truth_value_and_has_no_place_names_the_option_and_the_values_it_takes(string option, string value, params string[] args)
        {
            // Given a flag followed by a word that is neither a truth value nor an argument the command takes, then exit 2
            // naming the option, the word and the values (it was Spectre's "Could not match 'maybe' with an argument").
            var (code, output, errors) = CommandRunner.InProcess(args);
            Assert.Equal(2, code);
            Assert.Equal("", output);
            Assert.Equal($"textaugment {args[0]}: {option} must be true or false (or yes or no) but is '{value}'. ({option} alone means true.)", errors.Trim());
        }

        [Theory]
        [InlineData("t2.tsv", "evaluate", "--json", "m.tam", "t1.tsv", "t2.tsv")]
        [InlineData("t2.tsv", "evaluate", "m.tam", "--json", "t1.tsv", "t2.tsv")]
        [InlineData("more", "evaluate", "--json", "data/m", "t1.tsv", "more")]
        [InlineData("in2.txt", "augment", "p.yaml", "--no-progress", "in2.txt")]
        public void A_path_after_a_flag_is_an_argument_so_one_too_many_is_named_as_the_extra_argument(string extra, params string[] args)
        {
            // Given a flag followed by a word written as a path, and one argument too many: the path was meant as an
            // argument, so the message names the extra word (it said "--json must be true or false ... but is 'm.tam'")
            Assert.Null(TextAugmentApp.StrayFlagValue(args));
            var (code, output, errors) = CommandRunner.InProcess(args);
            Assert.Equal(2, code);
            Assert.Equal("", output);
            Assert.StartsWith($"textaugment {args[0]}: unexpected argument '{extra}'", errors, StringComparison.Ordinal);
        }

        [Fact]
        public void A_word_after_a_no_flag_that_has_no_place_says_the_flag_takes_no_value()
        {
            var (code, _, errors) = CommandRunner.InProcess("train", "d.tsv", "--no-lowercase", "maybe", "-o", "m.tam");
            Assert.Equal(2, code);
            Assert.StartsWith("textaugment train: --no-lowercase takes no value; write --lowercase true|false, or --no-lowercase alone for false. It is followed by 'maybe'", errors, StringComparison.Ordinal);
        }

        [Fact]
        public void A_flag_followed_by_a_positional_argument_the_command_takes_is_left_to_the_parser()
        {
            Assert.Null(TextAugmentApp.StrayFlagValue(["train", "--no-progress", "d.tsv", "-o", "m.tam"]));
            Assert.Null(TextAugmentApp.StrayFlagValue(["evaluate", "--json", "m.tam", "t.tsv"]));
            Assert.Null(TextAugmentApp.StrayFlagValue(["augment", "p.yaml", "--no-progress", "--", "x"])); // one word too many, but not a flag's
            Assert.Null(TextAugmentApp.StrayFlagValue(["train", "d.tsv", "--lowercase", "maybe", "--help"]));
        }

        [Fact]
        public void Every_true_false_option_of_the_settings_is_handed_to_the_parser_as_name_and_value()
        {
            Assert.Null(BoolOptionValues.Normalize(["evaluate", "m.tam", "--json=No", "t.tsv"], typeof(EvaluateSettings), out string[] args));
            Assert.Equal(["evaluate", "m.tam", "--json", "false", "t.tsv"], args);
            Assert.Null(BoolOptionValues.Normalize(["evaluate", "m.tam", "--json", "t.tsv", "--header", "YES"], typeof(EvaluateSettings), out args));
            Assert.Equal(["evaluate", "m.tam", "--json", "true", "t.tsv", "--header", "true"], args);
            Assert.Null(BoolOptionValues.Normalize(["run", "p.yaml", "--no-progress", "false", "--", "--no-progress"], typeof(RunSettingsBase), out args));
            Assert.Equal(["run", "p.yaml", "--no-progress", "false", "--", "--no-progress"], args);
            Assert.Contains("--header needs a value", BoolOptionValues.Normalize(["train", "d.tsv", "--header"], typeof(TrainSettings), out _), StringComparison.Ordinal);
        }

        [Fact]
        public void Trainer_options_written_name_value_train_and_header_no_reads_no_header()
        {
            string dir = TestPaths.NewTempDirectory();
            string data = Path.Combine(dir, "num.tsv"), bare = Path.Combine(dir, "bare.tsv");
            File.WriteAllText(data, Numbers);
            File.WriteAllText(bare, Numbers[(Numbers.IndexOf('\n') + 1)..]);

            // --refit false was refused ("Could not match 'false' with an argument"); now it trains, refit off.
            var (code, _, errors) = CommandRunner.InProcess("train", data, "-o", Path.Combine(dir, "a.tam"), "--epochs", "1", "--no-progress", "--refit", "false", "--validation-fraction", "0.5");
            Assert.True(code == 0, errors);
            Assert.DoesNotContain("refit on all", errors, StringComparison.Ordinal);

            // --header no: the file has no header line, columns by number.
            (code, _, errors) = CommandRunner.InProcess("train", bare, "-o", Path.Combine(dir, "b.tam"), "--epochs", "1", "--no-progress", "--header", "no", "--text", "1", "--label", "2");
            Assert.True(code == 0, errors);
        }
    }

    [Collection(ConsoleCollection.Name)]
    public class Validate_catches_what_cannot_train
    {
        [Theory]
        [InlineData("jsonl")]
        [InlineData("tsv")]
        [InlineData("csv")]
        [InlineData("txt")]
        public void Text_input_with_a_train_section_is_refused_at_load_for_every_output_format_and_nothing_is_written(string extension)
        {
            // Given unlabelled text input, an output of any format and train and evaluate sections: validate said valid, and run
            // wrote the augmented file, then failed with exit 1.
            string dir = TestPaths.NewTempDirectory();
            File.WriteAllText(Path.Combine(dir, "plain.txt"), "good movie\nbad movie\n");
            File.WriteAllText(Path.Combine(dir, "test.tsv"), Numbers);
            string pipeline = Path.Combine(dir, "p.yaml");
            File.WriteAllText(pipeline, $"""
                seed: 1
                input: {"{"} path: plain.txt {"}"}
                output: {"{"} path: out/aug.{extension} {"}"}
                augment:
                  stages:
                    - random_swap: {"{"} n: 1 {"}"}
                train: {"{"} epochs: 1 {"}"}
                evaluate: {"{"} test: test.tsv {"}"}
                """);
            var (code, _, errors) = CommandRunner.InProcess("validate", pipeline);
            Assert.Equal(2, code);
            Assert.Contains("p.yaml:7:", errors, StringComparison.Ordinal);
            Assert.Contains(extension == "txt" ? "keeps no labels" : "the input is plain text", errors, StringComparison.Ordinal);

            (code, _, errors) = CommandRunner.InProcess("run", pipeline, "--no-progress");
            Assert.Equal(2, code);
            Assert.False(Directory.Exists(Path.Combine(dir, "out")), errors);
        }
    }

    [Collection(ConsoleCollection.Name)]
    public class FastText_hint
    {
        private const string FastText = "__label__pos good movie\n__label__neg bad movie\n";

        [Fact]
        public void A_header_that_starts_with_a_fastText_label_names_the_format_option_on_standard_input_and_in_a_file()
        {
            string dir = TestPaths.NewTempDirectory();
            string file = Path.Combine(dir, "ft.tsv");
            File.WriteAllText(file, FastText);
            string model = Path.Combine(dir, "m.tam");
            File.WriteAllText(Path.Combine(dir, "num.tsv"), Numbers);
            var (trained, _, trainErrors) = CommandRunner.InProcess("train", Path.Combine(dir, "num.tsv"), "-o", model, "--epochs", "1", "--no-progress");
            Assert.True(trained == 0, trainErrors);

            foreach (var (input, args) in new (string, string[])[]
                     {
                         (FastText, ["train", "-", "-o", Path.Combine(dir, "f.tam")]), (FastText, ["evaluate", model, "-"]),
                         ("", ["train", file, "-o", Path.Combine(dir, "f.tam")]), ("", ["evaluate", model, file]),
                     })
            {
                var (code, _, errors) = CommandRunner.Child(input, args);
                Assert.NotEqual(0, code);
                Assert.Contains("give --format fasttext", errors, StringComparison.Ordinal);
                Assert.DoesNotContain("Set --text", errors, StringComparison.Ordinal);
            }

            // augment reads with the pipeline's input section, and names its own option; run names the pipeline's key.
            string pipeline = Path.Combine(dir, "p.yaml");
            File.WriteAllText(pipeline, $"input: {{ path: ft.tsv }}\noutput: {{ path: out.tsv }}\naugment:\n  stages:\n    - random_swap: {{ n: 1 }}\n");
            var (augmented, _, augmentErrors) = CommandRunner.Child(FastText, "augment", pipeline);
            Assert.Equal(1, augmented);
            Assert.Contains("give --input-format fasttext", augmentErrors, StringComparison.Ordinal);
            var (ran, _, runErrors) = CommandRunner.Child("", "run", pipeline, "--no-progress");
            Assert.Equal(1, ran);
            Assert.Contains("give input.format: fasttext", runErrors, StringComparison.Ordinal);
        }

        [Fact]
        public void A_header_with_the_text_column_missing_but_no_fastText_label_keeps_the_column_hint()
        {
            string dir = TestPaths.NewTempDirectory();
            string file = Path.Combine(dir, "other.tsv");
            File.WriteAllText(file, "words\tlabel\ngood\tpos\n");
            var (code, _, errors) = CommandRunner.InProcess("train", file, "-o", Path.Combine(dir, "m.tam"));
            Assert.NotEqual(0, code);
            Assert.Contains("Set --text", errors, StringComparison.Ordinal);
            Assert.DoesNotContain("fasttext", errors, StringComparison.Ordinal);
        }
    }

    [Collection(ConsoleCollection.Name)]
    public class Train_section_messages
    {
        private static IReadOnlyList<PipelineError> Errors(string train)
        {
            string path = TestPaths.TrainPipeline(TestPaths.NewTempDirectory(), " " + train);
            return Assert.Throws<PipelineException>(() => Pipeline.Load(path)).Errors;
        }

        [Theory]
        [InlineData("{ char_ngrams: [3, 5] }", "char_ngrams", "train.features", "features: { char_ngrams: ... } inside train")]
        [InlineData("{ patience: 2 }", "patience", "train.early_stopping", "early_stopping: { patience: ... } inside train")]
        [InlineData("{ vectors: v.vec }", "vectors", "train.features", "features: { vectors: ... } inside train")]
        [InlineData("{ features: { epochs: 2 } }", "epochs", "train", "epochs: ... in train itself")]
        [InlineData("{ early_stopping: { dim: 8 } }", "dim", "train.features", "features: { dim: ... }")]
        public void A_key_of_another_part_of_train_says_where_it_belongs(string train, string key, string place, string written)
        {
            string message = Assert.Single(Errors(train)).Message;
            Assert.Contains($"unknown key '{key}'; it is a key of {place}", message, StringComparison.Ordinal);
            Assert.Contains(written, message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("true", "on", "{ enabled: true }")]
        [InlineData("false", "off", "{ enabled: false }")]
        public void Early_stopping_as_a_flag_suggests_its_enabled_key(string flag, string turned, string suggestion)
        {
            string message = Assert.Single(Errors($"{{ early_stopping: {flag} }}")).Message;
            Assert.Contains("must be a mapping", message, StringComparison.Ordinal);
            Assert.Contains($"to turn it {turned}, write early_stopping: {suggestion}", message, StringComparison.Ordinal);
        }
    }

    [Collection(ConsoleCollection.Name)]
    public class Evaluate_labels
    {
        [Fact]
        public void Test_labels_that_differ_from_the_models_only_in_case_are_named_and_the_table_lines_up_with_long_labels()
        {
            string dir = TestPaths.NewTempDirectory();
            string longLabel = "a_label_name_much_longer_than_twenty_characters";
            File.WriteAllText(Path.Combine(dir, "train.tsv"), $"text\tlabel\ngood dog\tanimal\nbad cat\tanimal\nred car\t{longLabel}\nblue bus\t{longLabel}\n");
            File.WriteAllText(Path.Combine(dir, "test.tsv"), $"text\tlabel\ngood dog\tAnimal\nred car\t{longLabel}\n");
            string model = Path.Combine(dir, "m.tam");
            var (code, _, errors) = CommandRunner.InProcess("train", Path.Combine(dir, "train.tsv"), "-o", model, "--epochs", "2", "--no-progress");
            Assert.True(code == 0, errors);

            (code, string output, errors) = CommandRunner.InProcess("evaluate", model, Path.Combine(dir, "test.tsv"));
            Assert.True(code == 0, errors);
            Assert.Contains("'Animal' (the model's 'animal')", errors, StringComparison.Ordinal);
            Assert.Contains("only in letter case", errors, StringComparison.Ordinal);

            // Every row of the score table is as long as its header, the numbers under their column names.
            string[] lines = output.Split('\n');
            int header = Array.FindIndex(lines, l => l.Contains("precision", StringComparison.Ordinal));
            string[] rows = [.. lines.Skip(header + 1).TakeWhile(l => !l.StartsWith("  * ", StringComparison.Ordinal) && l.Length > 0 && char.IsAsciiDigit(l[^1]))];
            Assert.Equal(3, rows.Length);
            Assert.All(rows, r => Assert.Equal(lines[header].Length, r.Length));
            Assert.Contains(rows, r => r.StartsWith("  " + longLabel + "  ", StringComparison.Ordinal));
        }

        [Fact]
        public void A_wide_character_takes_two_cells_when_the_columns_are_lined_up()
        {
            // Chinese labels (the classifier's zh data) take two terminal cells a character; combining marks none.
            Assert.Equal(4, TerminalText.Width("体育"));
            Assert.Equal(6, TerminalText.Width("sport1"));
            Assert.Equal(1, TerminalText.Width("e\u0301"));
        }
    }

    /// <summary>Every command with a placeholder for each of its positional arguments (none of them exists: the mistakes are found first).</summary>
    private static string[] WithArguments(string command, string dir) =>
    [
        command,
        .. TextAugmentApp.Commands[command].GetProperties()
            .Select(p => p.GetCustomAttribute<CommandArgumentAttribute>(true)).OfType<CommandArgumentAttribute>()
            .OrderBy(a => a.Position).Select(a => Path.Combine(dir, a.ValueName.ToLowerInvariant())),
    ];

    [Collection(ConsoleCollection.Name)]
    public class Options_without_a_value
    {
        /// <summary>Every name of every option that takes a value, of every command: from the settings and the trainer's table, not a list written here.</summary>
        public static TheoryData<string, string> OptionsThatTakeAValue()
        {
            var data = new TheoryData<string, string>();
            foreach ((string command, Type settings) in TextAugmentApp.Commands)
            {
                foreach (PropertyInfo property in settings.GetProperties())
                {
                    foreach (CommandOptionAttribute option in property.GetCustomAttributes<CommandOptionAttribute>(true))
                    {
                        bool flag = (Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType) == typeof(bool) && (option.ValueName is null || option.ValueIsOptional);
                        foreach (string name in flag ? [] : option.LongNames.Select(n => "--" + n).Concat(option.ShortNames.Select(n => "-" + n)))
                        {
                            data.Add(command, name);
                        }
                    }
                }
            }

            foreach (TrainerOption option in TrainerOptionTable.All.Where(o => o.Kind != TrainerOptionKind.Bool))
            {
                foreach (string name in option.Aliases.Prepend(option.CommandLine))
                {
                    data.Add("train", name);
                }
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(OptionsThatTakeAValue))]
        public void An_option_given_no_value_is_refused_naming_it_last_before_another_option_or_before_the_end_of_options(string command, string option)
        {
            // Given an option that takes a value, last on the line, before another option or before --, then exit 2 naming it
            // and what it takes; the parser gave it its placeholder '__default_command' as the value (a file of that name was
            // written, read or overwritten, and messages quoted it or said "Failed to convert ... to Nullable`1").
            string dir = TestPaths.NewTempDirectory();
            string[] positional = WithArguments(command, dir);
            // Another option of the command (any other name: predict has only -k and --top), with a value.
            string other = TextAugmentApp.Commands[command].GetProperties().SelectMany(p => p.GetCustomAttributes<CommandOptionAttribute>(true))
                .SelectMany(o => o.LongNames.Select(n => "--" + n).Concat(o.ShortNames.Select(n => "-" + n))).First(n => n != option);
            foreach (string[] args in new string[][] { [.. positional, option], [.. positional, option, "--"], [.. positional, option, other, "1"] })
            {
                var (code, output, errors) = CommandRunner.InProcess(args);
                Assert.True(code == 2, $"{string.Join(' ', args)}: {errors}");
                Assert.StartsWith($"textaugment {command}: {option}", errors, StringComparison.Ordinal);
                Assert.Contains(" needs a value: <", errors, StringComparison.Ordinal);
                Assert.DoesNotContain("__default_command", errors, StringComparison.Ordinal);
                Assert.DoesNotContain("Nullable", errors, StringComparison.Ordinal);
                Assert.Equal("", output);
                Assert.Empty(Directory.EnumerateFileSystemEntries(dir));
            }
        }

        [Fact]
        public void The_message_names_the_long_name_the_value_its_range_and_what_the_option_does()
        {
            Assert.Equal("textaugment augment: --threads needs a value: <N> (1 to 1024). Worker threads (default: the pipeline's 'threads', else the processor count). The output does not depend on it.",
                TextAugmentApp.MissingValue(["augment", "p.yaml", "--threads", "--no-progress"]));
            Assert.StartsWith("textaugment augment: -o (--output) needs a value: <PATH>. Output file, or - for standard output",
                TextAugmentApp.MissingValue(["augment", "p.yaml", "-o"]), StringComparison.Ordinal);
            Assert.StartsWith("textaugment train: --lr (--learning-rate) needs a value: <RATE> (1E-09 to 100). ",
                TextAugmentApp.MissingValue(["train", "d.tsv", "--lr", "--epochs", "2"]), StringComparison.Ordinal);
            Assert.StartsWith("textaugment augment: --output needs a value", TextAugmentApp.MissingValue(["augment", "p.yaml", "--output="]), StringComparison.Ordinal);
        }

        [Fact]
        public void A_value_is_taken_where_the_parsers_take_one()
        {
            Assert.Null(TextAugmentApp.MissingValue(["augment", "p.yaml", "-o", "-", "-i", "-5"])); // standard output; a file named -5
            Assert.Contains("--hidden needs a value", TextAugmentApp.MissingValue(["train", "d.tsv", "-o", "m.tam", "--hidden="]), StringComparison.Ordinal); // none, 0 or [] for no hidden layer
            Assert.Null(TextAugmentApp.MissingValue(["train", "d.tsv", "-o", "m.tam", "--lowercase", "--no-progress"])); // flags take none
            Assert.Null(TextAugmentApp.MissingValue(["augment", "p.yaml", "--", "-o"])); // a positional argument after --
            Assert.Null(TextAugmentApp.MissingValue(["augment", "p.yaml", "-o", "--help"])); // the help is printed, nothing run
        }

        [Fact]
        public void No_file_named_after_the_parsers_placeholder_is_written_read_or_overwritten()
        {
            // The reproductions, run as a shell runs them, in a folder that holds a file of that name with the user's notes.
            string dir = TestPaths.NewTempDirectory();
            File.WriteAllText(Path.Combine(dir, "c.txt"), "alpha beta gamma\ndelta eps zeta\n");
            File.WriteAllText(Path.Combine(dir, "d.tsv"), Numbers);
            File.WriteAllText(Path.Combine(dir, "p.yaml"), "seed: 3\naugment: { variants: 2, stages: [ { random_swap: { n: 1 } } ] }\n");
            var (trained, _, trainErrors) = CommandRunner.InProcess("train", Path.Combine(dir, "d.tsv"), "-o", Path.Combine(dir, "m.tam"), "--epochs", "1", "--no-progress");
            Assert.True(trained == 0, trainErrors);
            string notes = Path.Combine(dir, "__default_command");
            File.WriteAllText(notes, "my notes, keep me\n");
            foreach (string arguments in new[] { "augment p.yaml -i c.txt -o --no-progress", "augment p.yaml -i --no-progress -o out.txt", "fit-tfidf c.txt -o",
                                                 "train d.tsv --epochs 1 --no-progress -o", "evaluate m.tam d.tsv --report" })
            {
                var (code, output) = CommandRunner.InShell(dir, arguments);
                Assert.True(code == 2, $"{arguments}: {output}");
                Assert.Contains("needs a value", output, StringComparison.Ordinal);
                Assert.Equal("my notes, keep me\n", File.ReadAllText(notes));
                Assert.Equal(["__default_command", "c.txt", "d.tsv", "m.report", "m.tam", "p.yaml"], Directory.EnumerateFileSystemEntries(dir).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal));
            }
        }
    }

    [Collection(ConsoleCollection.Name)]
    public class Extra_arguments
    {
        public static TheoryData<string> Commands() => [.. TextAugmentApp.Commands.Keys];

        [Theory]
        [MemberData(nameof(Commands))]
        public void An_argument_more_than_the_command_takes_names_the_command_its_arguments_and_what_to_do(string command)
        {
            // Given one positional argument too many, then exit 2 naming it, the arguments the command takes and what to do
            // instead; it was the parser's "Could not match 'x' with an argument", naming neither the command nor the arguments.
            string dir = TestPaths.NewTempDirectory();
            string[] args = [.. WithArguments(command, dir), "extra.txt"];
            var (code, output, errors) = CommandRunner.InProcess(args);
            Assert.True(code == 2, errors);
            Assert.StartsWith($"textaugment {command}: unexpected argument 'extra.txt': {command} takes ", errors, StringComparison.Ordinal);
            Assert.Contains(TextAugmentApp.Commands[command].GetCustomAttribute<ExtraArgumentAdviceAttribute>(false)!.Advice[..12], errors, StringComparison.Ordinal);
            Assert.DoesNotContain("Could not match", errors, StringComparison.Ordinal);
            Assert.Equal("", output);
            Assert.Empty(Directory.EnumerateFileSystemEntries(dir));
        }

        [Fact]
        public void Every_command_says_what_to_do_with_an_argument_too_many() =>
            Assert.All(TextAugmentApp.Commands.Values, settings => Assert.NotNull(settings.GetCustomAttribute<ExtraArgumentAdviceAttribute>(false)));

        [Fact]
        public void No_advice_tells_the_user_to_write_over_the_extra_argument()
        {
            // The extra word is most likely a second input: advice that names it as the output (fit-tfidf a.txt -o b.txt)
            // would, followed as written, replace that corpus with the statistics.
            foreach (Type settings in TextAugmentApp.Commands.Values)
            {
                string advice = settings.GetCustomAttribute<ExtraArgumentAdviceAttribute>(false)!.Advice;
                Assert.DoesNotContain("-o <EXTRA>", advice, StringComparison.Ordinal);
                Assert.DoesNotContain("--output <EXTRA>", advice, StringComparison.Ordinal);
            }

            Assert.DoesNotContain("-o b.txt", TextAugmentApp.ExtraArgument(["fit-tfidf", "a.txt", "b.txt", "-o", "stats.tsv"]), StringComparison.Ordinal);
        }

        [Fact]
        public void Predict_given_a_file_as_fastText_takes_it_says_that_it_reads_standard_input()
        {
            var (code, output, errors) = CommandRunner.InProcess("predict", "m.tam", "test.txt");
            Assert.Equal(2, code);
            Assert.Equal("", output);
            Assert.Equal("textaugment predict: unexpected argument 'test.txt': predict takes one argument, MODEL; it reads the texts to label from standard input, one per line (textaugment predict m.tam < test.txt).", errors.Trim());
        }

        [Fact]
        public void The_extra_word_is_the_first_past_the_arguments_the_values_of_options_skipped()
        {
            Assert.Equal("textaugment evaluate: unexpected argument 'more': evaluate takes two arguments, MODEL and TEST; it scores one test file per call (textaugment evaluate m.tam more for the next); --report PATH writes the full scores to a file.",
                TextAugmentApp.ExtraArgument(["evaluate", "--format", "tsv", "m.tam", "--json", "t.tsv", "more"]));
            Assert.Contains("(textaugment train 'my data.tsv' --validation v.tsv -o MODEL)", TextAugmentApp.ExtraArgument(["train", "my data.tsv", "-o", "m.tam", "--lr", "0.1", "v.tsv"]), StringComparison.Ordinal);
            Assert.Contains("unexpected argument '-c.tsv'", TextAugmentApp.ExtraArgument(["fit-tfidf", "a.txt", "-o", "s.tsv", "--", "-c.tsv"]), StringComparison.Ordinal);
            Assert.Null(TextAugmentApp.ExtraArgument(["train", "d.tsv", "-o", "m.tam", "--lowercase", "false"]));
            Assert.Null(TextAugmentApp.ExtraArgument(["predict", "m.tam", "extra", "--help"]));
        }
    }

    [Collection(ConsoleCollection.Name)]
    public class Version_alone
    {
        [Theory]
        [InlineData("--version extra", "--version takes no arguments, but it is followed by 'extra'")]
        [InlineData("--version run", "--version takes no arguments, but it is followed by 'run'")]
        [InlineData("--version --help", "--version takes no arguments, but it is followed by '--help'")]
        [InlineData("-v -v", "--version is given twice, as '-v' and as '-v'")]
        [InlineData("-v --version", "--version is given twice, as '-v' and as '--version'")]
        public void Anything_after_version_is_refused_with_exit_2_and_no_version_is_printed(string arguments, string expected)
        {
            // It printed the parser's bare version ("0.1.0", not the tool's line) and exit 0.
            var console = new Spectre.Console.Testing.TestConsole();
            var errors = new StringWriter();
            Assert.Equal(2, TextAugmentApp.Run(arguments.Split(' '), console, errors));
            Assert.Equal("", console.Output);
            Assert.StartsWith($"textaugment: {expected}", errors.ToString(), StringComparison.Ordinal);
        }
    }
}
