using Spectre.Console;
using Spectre.Console.Cli;
using TextAugment;
using TextAugment.Classification;
using TextAugment.Cli;
using TextAugment.Corpus;
using TextAugment.Pipelines;

// First: a closed standard output (>&-) is held on /dev/null, so that no file opened later takes its descriptor.
StandardOutput.ReserveIfClosed();
// Results printed on standard output (tables, summaries) say which output a full device stopped, as the files do.
Console.SetOut(new ResultWriter(ResultWriter.OpenStandardOutput()));
// Messages on standard error are best effort: a full or closed standard error never aborts a run or changes its exit code.
Console.SetError(new StandardErrorWriter(Console.Error));
return TextAugmentApp.Run(args, AnsiConsole.Console, Console.Error);

namespace TextAugment.Cli
{
    /// <summary>The <c>textaugment</c> command. Exit codes: 0 ok, 2 usage or validation error, 1 failure at run time.</summary>
    internal static class TextAugmentApp
    {
        public const int Ok = 0;
        public const int Failure = 1;
        public const int UsageError = 2;

        [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Spectre.Console.Cli binds settings by reflection; a Native AOT build keeps this assembly and Spectre.Console.Cli whole (TrimmerRootAssembly in the project), and the tests run against that build (TEXTAUGMENT_TEST_COMMAND).")]
        public static int Run(string[] args, IAnsiConsole console, TextWriter errors)
        {
            try
            {
                return RunCommand(args, console, errors);
            }
            catch (IOException e) when (e is DiskFullException or StandardOutputClosedException)
            {
                // A write to standard output outside a command (the version line; help, where the parser prints it) fails as
                // one inside does: the message and what was written, exit 1, never a stack trace.
                return Report(e, errors);
            }
        }

        [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Spectre.Console.Cli binds settings by reflection; a Native AOT build keeps this assembly and Spectre.Console.Cli whole (TrimmerRootAssembly in the project), and the tests run against that build (TEXTAUGMENT_TEST_COMMAND).")]
        private static int RunCommand(string[] args, IAnsiConsole console, TextWriter errors)
        {
            WrittenOutputs.Begin(); // what this command writes, for the message if it fails
            if (args is ["--version" or "-v", ..])
            {
                if (VersionArguments(args) is { } refused)
                {
                    errors.WriteLine(TerminalText.Visible(refused));
                    return UsageError;
                }

                console.WriteLine(VersionLine());
                return Ok;
            }

            if (args is ["predict", ..])
            {
                // fastText's spelling (k=, --k in its wrappers); the parser takes one-letter names only after a single dash.
                args = [.. args.Select(a => a == "--k" ? "--top" : a.StartsWith("--k=", StringComparison.Ordinal) ? "--top=" + a[4..] : a)];
            }

            if ((UnknownOption(args) ?? MissingValue(args) ?? RepeatedOption(args) ?? BadNumber(args) ?? StrayFlagValue(args) ?? ExtraArgument(args)) is { } unknown)
            {
                errors.WriteLine(TerminalText.Visible(unknown));
                return UsageError;
            }

            // Every true/false option takes its value one way (BoolOptionValues; the trainer's the same way, TrainerCommandLine).
            if (args.Length > 0 && SettingsOf.TryGetValue(args[0], out Type? settingsType))
            {
                if (BoolOptionValues.Normalize(args, settingsType, out string[] normalized) is { } refused)
                {
                    errors.WriteLine(TerminalText.Visible(refused));
                    return UsageError;
                }

                args = normalized;
            }

            // The trainer's options come from the one table (TrainerOptionTable), not from the settings class.
            ParsedTrainerOptions? trainer = null;
            if (args is ["train", ..] && !args.TakeWhile(a => a != "--").Any(a => a is "--help" or "-h"))
            {
                if (TrainerCommandLine.Parse(args[1..], out List<string> rest, out TrainerOptions parsed, out HashSet<string> given) is { } error)
                {
                    errors.WriteLine($"textaugment train: {error}");
                    return UsageError;
                }

                trainer = new ParsedTrainerOptions(parsed, given);
                args = ["train", .. rest];
            }

            Onnx.OnnxStages.Register();
            var app = new CommandApp();
            app.Configure(config =>
            {
                config.SetApplicationName("textaugment");
                // Lists -v, --version in the help; the version line itself is printed above (it also names ONNX Runtime).
                config.SetApplicationVersion(LibraryVersion());
                config.UseStrictParsing();
                config.ConfigureConsole(console);
                config.SetHelpProvider(new TrainerHelpProvider(config.Settings));
                config.AddCommand<RunCommand>("run")
                    .WithDescription("Run a pipeline: read its input, augment every example, write its output.")
                    .WithExample("run", "pipelines/quickstart.yaml")
                    .WithExample("run", "pipelines/quickstart.yaml", "--shard", "2/8");
                config.AddCommand<ValidateCommand>("validate")
                    .WithDescription("Check a pipeline file and load its resources without running it; lists every mistake as file:line:column.")
                    .WithExample("validate", "pipelines/quickstart.yaml");
                config.AddCommand<AugmentCommand>("augment")
                    .WithDescription("Stream text through a pipeline's stages: standard input to standard output unless --input/--output say otherwise.")
                    .WithExample("augment", "pipelines/quickstart.yaml", "--input-format", "text", "<", "sentences.txt");
                config.AddCommand<FitTfIdfCommand>("fit-tfidf")
                    .WithDescription("Fit the corpus statistics of the tfidf stage (document frequency and TF-IDF per word) and save them.")
                    .WithExample("fit-tfidf", "pipelines/data/wordnet-topics-train.tsv", "-o", "out/tfidf-stats.tsv");
                config.AddCommand<TrainCommand>("train")
                    .WithData(trainer ?? new ParsedTrainerOptions(new TrainerOptions(), new HashSet<string>(StringComparer.Ordinal)))
                    .WithDescription("Train a regularized text classifier (L1/L2, dropout, early stopping) on labelled data; writes the model and a report with curves.")
                    .WithExample("train", "pipelines/data/wordnet-topics-train.tsv", "-o", "out/topics.tam");
                config.AddCommand<EvaluateCommand>("evaluate")
                    .WithDescription("Score a model on labelled data: accuracy, macro-F1, per-label precision/recall/F1, confusion matrix.")
                    .WithExample("evaluate", "out/topics.tam", "pipelines/data/wordnet-topics-test.tsv");
                config.AddCommand<PredictCommand>("predict")
                    .WithDescription("Label text from standard input, one line each: a JSON line with the label and every label's probability. Words that start with __label__ are labels, not text, and are dropped, as fastText's predict drops them.")
                    .WithExample("predict", "out/topics.tam");
                config.SetInterceptor(new StandardStreamInterceptor());
                config.SetExceptionHandler((exception, _) => Report(exception, errors));
            });
            if (args.Length == 0)
            {
                // No command: the usage, as for an empty or unknown one, and the exit code of a usage mistake (Spectre's is 0).
                app.Run([]);
                errors.WriteLine("textaugment: give a command. Run 'textaugment --help' (or 'textaugment COMMAND --help') for usage.");
                return UsageError;
            }

            return app.Run(StandardStreamInterceptor.Protect(args));
        }

        /// <summary>The settings of each command, for the strict option check; the same names the configuration registers.</summary>
        internal static IReadOnlyDictionary<string, Type> Commands => SettingsOf;

        private static readonly Dictionary<string, Type> SettingsOf = new(StringComparer.Ordinal)
        {
            ["run"] = typeof(RunSettingsBase),
            ["validate"] = typeof(PipelineSettings),
            ["augment"] = typeof(AugmentSettings),
            ["fit-tfidf"] = typeof(FitTfIdfSettings),
            ["train"] = typeof(TrainSettings),
            ["evaluate"] = typeof(EvaluateSettings),
            ["predict"] = typeof(PredictSettings),
        };

        /// <summary>"textaugment 1.2.3 (ONNX Runtime 1.x.y)": the library's version and the ONNX Runtime it runs.</summary>
        public static string VersionLine() => $"textaugment {LibraryVersion()} (ONNX Runtime {Microsoft.ML.OnnxRuntime.OrtEnv.Instance().GetVersionString()})";

        /// <summary>The library's version ("1.2.3"), without the commit.</summary>
        private static string LibraryVersion() => typeof(Example).Assembly
                .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
                .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion.Split('+')[0]
                ?? typeof(Example).Assembly.GetName().Version?.ToString() ?? "unknown";

        /// <summary>
        /// The usage message for the first option the command does not have, with the nearest valid one; null when every option is known.
        /// Options are parsed strictly: a mistyped option must not silently fall back to a default.
        /// </summary>
        [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "SettingsOf holds this assembly's settings classes, which a Native AOT build keeps whole (TrimmerRootAssembly in the project).")]
        public static string? UnknownOption(IReadOnlyList<string> args)
        {
            if (args.Count == 0 || args[0] is "--help" or "-h" or "--version" or "-v")
            {
                return null;
            }

            if (!SettingsOf.TryGetValue(args[0], out Type? settings))
            {
                string? nearest = Diagnostics.Nearest(args[0], SettingsOf.Keys);
                string what = args[0].StartsWith('-') ? $"unknown option '{args[0]}' (options come after a command)" : $"unknown command '{args[0]}'";
                return $"textaugment: {what}{(nearest is null || args[0].StartsWith('-') ? "." : $"; did you mean '{nearest}'?")} "
                       + $"Commands: {string.Join(", ", SettingsOf.Keys)}. Run 'textaugment --help' for usage.";
            }

            var valid = new List<string> { "--help", "-h" };
            if (args[0] == "train")
            {
                valid.AddRange(TrainerCommandLine.Names());
            }

            foreach (System.Reflection.PropertyInfo property in settings.GetProperties())
            {
                foreach (CommandOptionAttribute option in property.GetCustomAttributes(typeof(CommandOptionAttribute), true).Cast<CommandOptionAttribute>())
                {
                    valid.AddRange(option.LongNames.Select(n => "--" + n));
                    valid.AddRange(option.ShortNames.Select(n => "-" + n));
                }
            }

            foreach (string arg in args.Skip(1))
            {
                if (arg == "--")
                {
                    break;
                }

                if (arg.Length < 2 || arg[0] != '-' || !(char.IsLetter(arg[1]) || arg[1] == '-'))
                {
                    continue; // a value: a path, '-' for a standard stream, a negative number
                }

                int equals = arg.IndexOf('=', StringComparison.Ordinal);
                string name = equals < 0 ? arg : arg[..equals];
                if (!valid.Contains(name, StringComparer.Ordinal))
                {
                    string? hint = Diagnostics.Nearest(name, valid.Where(v => v.StartsWith("--", StringComparison.Ordinal)));
                    return $"textaugment {args[0]}: unknown option '{name}'{(hint is null ? "." : $"; did you mean '{hint}'?")} "
                           + $"Options: {string.Join(", ", valid.Where(v => v.StartsWith("--", StringComparison.Ordinal)))}. Run 'textaugment {args[0]} --help' for usage.";
                }
            }

            return null;
        }

        /// <summary>
        /// The usage message for the first option given twice, under any of its names (<c>-i a -i b</c>, <c>--lr 0.5
        /// --learning-rate 0.001</c>, <c>--lowercase --no-lowercase</c>), naming both occurrences as written; null when each
        /// is given at most once. Every option takes one value, and the parser would keep the last one without a word.
        /// Values are skipped as the parsers take them: an option with a value takes the next argument (or its <c>=VALUE</c>),
        /// a true/false flag the next one only when it looks like a truth value (<see cref="TrainerOption.LooksLikeBool"/>).
        /// </summary>
        public static string? RepeatedOption(IReadOnlyList<string> args)
        {
            if (args.Count == 0 || !SettingsOf.ContainsKey(args[0]))
            {
                return null;
            }

            IReadOnlyDictionary<string, OptionName> names = OptionNames(args[0]);
            var seen = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int i = 1; i < args.Count && args[i] != "--"; i++)
            {
                int equals = args[i].IndexOf('=', StringComparison.Ordinal);
                string name = equals < 0 ? args[i] : args[i][..equals];
                if (!names.TryGetValue(name, out var option))
                {
                    continue; // a positional argument (an unknown option was refused before)
                }

                string written = args[i];
                if (equals < 0 && i + 1 < args.Count && (option.TakesValue == true || (option.TakesValue is null && TrainerOption.LooksLikeBool(args[i + 1]))))
                {
                    written += " " + args[++i];
                }

                if (seen.TryGetValue(option.Option, out string? first))
                {
                    return $"textaugment {args[0]}: {option.Option} is given twice, as '{first}' and as '{written}'; give it once (the parser would keep the last without a word).";
                }

                seen[option.Option] = written;
            }

            return null;
        }

        /// <summary>
        /// The usage message for <c>--version</c> (<c>-v</c>) followed by anything: it prints the version line and takes no
        /// argument, so a word after it is a mistake (<c>--version extra</c>, <c>--version run</c>) and a second <c>-v</c> an
        /// option given twice, refused as <see cref="RepeatedOption"/> refuses one; null for <c>--version</c> alone. The
        /// parser would print its own bare version ("0.1.0") and exit 0.
        /// </summary>
        public static string? VersionArguments(IReadOnlyList<string> args)
        {
            if (args.Count < 2 || args[0] is not ("--version" or "-v"))
            {
                return null;
            }

            return args[1] is "--version" or "-v"
                ? $"textaugment: --version is given twice, as '{args[0]}' and as '{args[1]}'; give it once: textaugment --version."
                : $"textaugment: --version takes no arguments, but it is followed by '{args[1]}'; run 'textaugment --version' alone (options of a command come after the command: 'textaugment COMMAND --help').";
        }

        /// <summary>
        /// The usage message for the first option that takes a value but is given none: last on the line, followed by
        /// <c>--</c> or by another option of the command (<c>-o --no-progress</c>), or written <c>NAME=</c>; null when each has its
        /// value. It names the option, the value it takes and what it does, from the
        /// option's own declaration (<see cref="OptionNames"/>). The parser would give such an option its internal placeholder
        /// '__default_command' as the value: <c>-o</c> wrote a file of that name, <c>--threads</c> said "Failed to convert
        /// '__default_command' to Nullable`1". With <c>--help</c>, the help is printed and nothing is run.
        /// </summary>
        public static string? MissingValue(IReadOnlyList<string> args)
        {
            if (!Checked(args, out _))
            {
                return null;
            }

            IReadOnlyDictionary<string, OptionName> names = OptionNames(args[0]);
            for (int i = 1; i < args.Count && args[i] != "--"; i++)
            {
                int equals = args[i].IndexOf('=', StringComparison.Ordinal);
                string name = equals < 0 ? args[i] : args[i][..equals];
                if (!names.TryGetValue(name, out OptionName option))
                {
                    continue; // a positional argument
                }

                if (equals >= 0)
                {
                    if (option.TakesValue == true && equals == args[i].Length - 1)
                    {
                        return NeedsValue(args[0], name, option);
                    }

                    continue;
                }

                if (option.TakesValue == true)
                {
                    if (i + 1 >= args.Count || args[i + 1] == "--" || names.ContainsKey(args[i + 1].Split('=')[0]))
                    {
                        return NeedsValue(args[0], name, option);
                    }

                    i++; // its value
                }
                else if (option.TakesValue is null && i + 1 < args.Count && TrainerOption.LooksLikeBool(args[i + 1]))
                {
                    i++; // a flag's truth value
                }
            }

            return null;
        }

        /// <summary>
        /// The usage message for the option <paramref name="name"/> of <paramref name="command"/> given without its value
        /// (see <see cref="MissingValue"/>; also <see cref="BoolOptionValues.Normalize"/>'s).
        /// </summary>
        public static string NeedsValue(string command, string name) => NeedsValue(command, name, OptionNames(command)[name]);

        private static string NeedsValue(string command, string name, OptionName option) =>
            $"textaugment {command}: {NeedsValue(name == option.Option ? name : $"{name} ({option.Option})", option.ValueName, option.Range, option.Doc)}";

        /// <summary>
        /// The one wording of an option given without its value, for the commands' settings and the trainer options alike:
        /// "--threads needs a value: &lt;N&gt; (1 to 1024). Worker threads (...)": the value's name, its range when it has
        /// one, and what the option does.
        /// </summary>
        internal static string NeedsValue(string name, string valueName, string? range, string? doc) =>
            $"{name} needs a value: {valueName}{(range is null ? "" : $" ({range})")}.{(string.IsNullOrEmpty(doc) ? "" : " " + doc)}";

        /// <summary>
        /// The usage message for a positional argument more than the command takes (<c>predict m.tam test.txt</c>, <c>train
        /// a.tsv b.tsv</c>): the word, the arguments the command takes, and what to do instead, from the command's settings
        /// (<see cref="ExtraArgumentAdviceAttribute"/>, with the arguments given filled in); null when there is none. The parser
        /// said only "Could not match 'test.txt' with an argument". A word after a flag is <see cref="StrayFlagValue"/>'s.
        /// </summary>
        [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "SettingsOf holds this assembly's settings classes, which a Native AOT build keeps whole (TrimmerRootAssembly in the project).")]
        public static string? ExtraArgument(IReadOnlyList<string> args)
        {
            if (!Checked(args, out Type? settings))
            {
                return null;
            }

            string[] places = ArgumentNames(settings);
            List<(int Index, int Flag)> words = Positional(args, OptionNames(args[0]));
            if (words.Count <= places.Length)
            {
                return null;
            }

            string extra = args[words[places.Length].Index];
            string takes = places.Length switch
            {
                0 => "no arguments",
                1 => $"one argument, {places[0]}",
                2 => $"two arguments, {places[0]} and {places[1]}",
                _ => $"{places.Length} arguments, {string.Join(", ", places[..^1])} and {places[^1]}",
            };
            string advice = "";
            if (settings.GetCustomAttributes(typeof(ExtraArgumentAdviceAttribute), false).Cast<ExtraArgumentAdviceAttribute>().FirstOrDefault() is { } given)
            {
                advice = "; " + given.Advice.Replace("<EXTRA>", ShellWord(extra), StringComparison.Ordinal);
                for (int k = 0; k < places.Length; k++)
                {
                    advice = advice.Replace($"<{places[k]}>", ShellWord(args[words[k].Index]), StringComparison.Ordinal);
                }
            }

            return $"textaugment {args[0]}: unexpected argument '{extra}': {args[0]} takes {takes}{advice}.";
        }

        /// <summary>
        /// The settings of the command <paramref name="args"/> names, for a check of its words; false when it names none, or
        /// when <c>--help</c> comes before any <c>--</c> (the help is printed and nothing runs, whatever else is given).
        /// </summary>
        private static bool Checked(IReadOnlyList<string> args, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Type? settings) =>
            SettingsOf.TryGetValue(args.Count == 0 ? "" : args[0], out settings) && !args.TakeWhile(a => a != "--").Any(a => a is "--help" or "-h");

        /// <summary>The names of the positional arguments of <paramref name="settings"/> in order (<c>MODEL</c>, <c>TEST</c>).</summary>
        [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "SettingsOf holds this assembly's settings classes, which a Native AOT build keeps whole (TrimmerRootAssembly in the project).")]
        private static string[] ArgumentNames(Type settings) => [.. settings.GetProperties()
            .Select(p => p.GetCustomAttributes(typeof(CommandArgumentAttribute), true).Cast<CommandArgumentAttribute>().FirstOrDefault())
            .OfType<CommandArgumentAttribute>().OrderBy(a => a.Position).Select(a => a.ValueName)];

        /// <summary><paramref name="word"/> as a shell reads it back: as it is when it holds only safe characters, else in single quotes.</summary>
        private static string ShellWord(string word) =>
            word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "_-./:@%+,=".Contains(c, StringComparison.Ordinal))
                ? word
                : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

        /// <summary>One name of an option of a command (see <see cref="OptionNames"/>).</summary>
        /// <param name="Option">The option it sets: its first long name.</param>
        /// <param name="TakesValue">Whether it takes a value always (true), only when the next word looks like a truth value (null: a flag), or never (false: <c>--no-NAME</c>).</param>
        /// <param name="ValueName">Its value's name, as the help shows it (<c>&lt;PATH&gt;</c>).</param>
        /// <param name="Range">The values it takes in words ("1 to 1024"), or null when its description says.</param>
        /// <param name="Doc">What the option does, as the help says it.</param>
        private readonly record struct OptionName(string Option, bool? TakesValue, string ValueName, string? Range, string? Doc);

        /// <summary>
        /// Every name of every option of <paramref name="command"/> (its settings', and for <c>train</c> the trainer options),
        /// with what <see cref="OptionName"/> says of it, from the settings' declarations (and the trainer's table): no list
        /// of options is written twice; read once per command. Values are taken as the parsers take them: an option with a
        /// value takes the next argument (or its <c>=VALUE</c>), a flag the next one only when it looks like a truth value
        /// (<see cref="TrainerOption.LooksLikeBool"/>).
        /// </summary>
        private static IReadOnlyDictionary<string, OptionName> OptionNames(string command) =>
            NamesOf.GetOrAdd(command, static c => ReadOptionNames(c, SettingsOf[c]));

        /// <summary><see cref="OptionNames"/> of each command, read once: each check of a command line asks for them.</summary>
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyDictionary<string, OptionName>> NamesOf = new(StringComparer.Ordinal);

        [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "SettingsOf holds this assembly's settings classes, which a Native AOT build keeps whole (TrimmerRootAssembly in the project).")]
        private static Dictionary<string, OptionName> ReadOptionNames(string command, Type settings)
        {
            var names = new Dictionary<string, OptionName>(StringComparer.Ordinal);
            foreach (System.Reflection.PropertyInfo property in settings.GetProperties())
            {
                foreach (CommandOptionAttribute option in property.GetCustomAttributes(typeof(CommandOptionAttribute), true).Cast<CommandOptionAttribute>())
                {
                    bool isBool = (Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType) == typeof(bool);
                    bool flag = isBool && (option.ValueName is null || option.ValueIsOptional);
                    string? range = isBool ? "true or false, or yes or no" : RangeOf(property) is { } r ? $"{r.Min} to {r.Max}" : null;
                    string? doc = property.GetCustomAttributes(typeof(System.ComponentModel.DescriptionAttribute), true).Cast<System.ComponentModel.DescriptionAttribute>().FirstOrDefault()?.Description;
                    var entry = new OptionName("--" + option.LongNames[0], flag ? null : true, $"<{option.ValueName}>", range, doc);
                    foreach (string name in option.LongNames.Select(n => "--" + n).Concat(option.ShortNames.Select(n => "-" + n)))
                    {
                        names[name] = entry;
                    }
                }
            }

            if (command == "train")
            {
                foreach (TrainerOption option in TrainerOptionTable.All)
                {
                    bool flag = option.Kind == TrainerOptionKind.Bool;
                    var entry = new OptionName(option.CommandLine, flag ? null : true, option.ValueName, option.Range, option.Doc);
                    foreach (string name in option.Aliases.Prepend(option.CommandLine))
                    {
                        names[name] = entry;
                    }

                    if (flag)
                    {
                        names["--no-" + option.CommandLine[2..]] = entry with { TakesValue = false };
                    }
                }
            }

            return names;
        }

        /// <summary>
        /// The positional words of <paramref name="args"/> (the command first), skipping the options and their values as the
        /// parsers take them (<see cref="OptionNames"/>); every word after <c>--</c> is one. Each with its index and the index
        /// of the flag right before it (-1 when none): a word that a flag was not given as its value.
        /// </summary>
        private static List<(int Index, int Flag)> Positional(IReadOnlyList<string> args, IReadOnlyDictionary<string, OptionName> names)
        {
            var words = new List<(int Index, int Flag)>();
            for (int i = 1; i < args.Count; i++)
            {
                if (args[i] == "--")
                {
                    words.AddRange(Enumerable.Range(i + 1, args.Count - i - 1).Select(k => (k, -1)));
                    break;
                }

                int equals = args[i].IndexOf('=', StringComparison.Ordinal);
                string name = equals < 0 ? args[i] : args[i][..equals];
                if (!names.TryGetValue(name, out OptionName option))
                {
                    words.Add((i, i > 1 && names.TryGetValue(args[i - 1], out OptionName before) && before.TakesValue != true ? i - 1 : -1));
                    continue;
                }

                if (equals < 0 && i + 1 < args.Count && args[i + 1] != "--"
                    && (option.TakesValue == true || (option.TakesValue is null && TrainerOption.LooksLikeBool(args[i + 1]))))
                {
                    i++; // its value (a truth-like word that is no truth value is refused by BoolOptionValues, naming it)
                }
            }

            return words;
        }

        /// <summary>
        /// The usage message for a word after a true/false flag that is no truth value and for which the command has no
        /// place (<c>--lowercase maybe</c>, <c>--no-progress perhaps</c>), naming the option, the word and the values it
        /// takes; null otherwise. A flag takes the next word as its value only when it looks like one (true, no, 0, on:
        /// <see cref="TrainerOption.LooksLikeBool"/>), since the next word may be a positional argument
        /// (<c>--no-progress data.tsv</c>); any other word was left over as one argument too many, and the parser said only
        /// "Could not match 'maybe' with an argument". When more positional words are given than the command takes, the
        /// extra ones are those after a flag: the last of them, as many as are extra, the first of those named.
        /// </summary>
        [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "SettingsOf holds this assembly's settings classes, which a Native AOT build keeps whole (TrimmerRootAssembly in the project).")]
        public static string? StrayFlagValue(IReadOnlyList<string> args)
        {
            if (!Checked(args, out Type? settings))
            {
                return null;
            }

            IReadOnlyDictionary<string, OptionName> names = OptionNames(args[0]);
            int places = ArgumentNames(settings).Length;
            List<(int Index, int Flag)> words = Positional(args, names);
            // A word that names a file or looks like a path was meant as an argument, not as the flag's value: one too many
            // is then ExtraArgument's to name (evaluate --json m.tam t1.tsv t2.tsv: 't2.tsv', not "--json ... is 'm.tam'").
            (int Index, int Flag)[] afterFlag = [.. words.Where(w => w.Flag >= 0 && !LooksLikePath(args[w.Index]))];
            int extra = words.Count - places;
            if (extra <= 0 || afterFlag.Length == 0)
            {
                return null;
            }

            var (index, at) = afterFlag[Math.Max(0, afterFlag.Length - extra)];
            string flag = args[at], word = args[index];
            OptionName option = names[flag];
            return option.TakesValue == false
                ? $"textaugment {args[0]}: {TrainerCommandLine.NegatedFlagTakesNoValue(flag, option.Option)} It is followed by '{word}', which the command has no place for."
                : BoolOptionValues.ValueError(args[0], flag, word, needsValue: false);
        }

        /// <summary>Whether <paramref name="word"/> names a file or directory, or is written like a path (a separator, or a dot that is not a number's).</summary>
        private static bool LooksLikePath(string word) =>
            File.Exists(word) || Directory.Exists(word) || word.IndexOfAny(['/', '\\']) >= 0
            || (word.Contains('.', StringComparison.Ordinal) && !double.TryParse(word, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _));

        /// <summary>The valid range of a whole-number option of the settings: its <see cref="ValueRangeAttribute"/>, else its type's; null for any other option.</summary>
        private static (System.Numerics.BigInteger Min, System.Numerics.BigInteger Max)? RangeOf(System.Reflection.PropertyInfo property)
        {
            Type type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            return property.GetCustomAttributes(typeof(ValueRangeAttribute), true).Cast<ValueRangeAttribute>().FirstOrDefault() is { } given ? (given.Minimum, given.Maximum)
                : type == typeof(int) ? (int.MinValue, int.MaxValue)
                : type == typeof(long) ? (long.MinValue, long.MaxValue)
                : type == typeof(ulong) ? (0, ulong.MaxValue)
                : null;
        }

        /// <summary>
        /// The usage message for the first whole-number option of the command's settings whose value is not a number or out
        /// of the option's range (its <see cref="ValueRangeAttribute"/>, else its type's), naming the option, the value as
        /// given and the range; or null. Spectre's own message ("Failed to convert '-1' to UInt64") names neither the option
        /// nor what would be right, and a settings check after conversion could not echo a value too large for the type.
        /// </summary>
        [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "SettingsOf holds this assembly's settings classes, which a Native AOT build keeps whole (TrimmerRootAssembly in the project).")]
        public static string? BadNumber(IReadOnlyList<string> args)
        {
            if (args.Count == 0 || !SettingsOf.TryGetValue(args[0], out Type? settings))
            {
                return null;
            }

            foreach (System.Reflection.PropertyInfo property in settings.GetProperties())
            {
                if (RangeOf(property) is not { } r)
                {
                    continue;
                }

                foreach (CommandOptionAttribute option in property.GetCustomAttributes(typeof(CommandOptionAttribute), true).Cast<CommandOptionAttribute>())
                {
                    string[] names = [.. option.LongNames.Select(n => "--" + n), .. option.ShortNames.Select(n => "-" + n)];
                    for (int i = 1; i < args.Count && args[i] != "--"; i++)
                    {
                        string? value = names.Contains(args[i], StringComparer.Ordinal) ? (i + 1 < args.Count ? args[i + 1] : null)
                            : names.FirstOrDefault(n => args[i].StartsWith(n + "=", StringComparison.Ordinal)) is { } n ? args[i][(n.Length + 1)..]
                            : null;
                        if (value is null)
                        {
                            continue;
                        }

                        string name = args[i].Split('=')[0];
                        if (!NumberText.TryParseBig(value, out var number))
                        {
                            return $"textaugment {args[0]}: {name} is '{value}'; it must be a whole number from {r.Min} to {r.Max}.";
                        }

                        if (number < r.Min || number > r.Max)
                        {
                            return $"textaugment {args[0]}: {name} is {value}; it must be between {r.Min} and {r.Max}.";
                        }
                    }
                }
            }

            return null;
        }

        /// <summary>
        /// What a failed run leaves behind, as <see cref="WrittenOutputs"/> and <see cref="StandardOutput"/> recorded it: an
        /// output file is never half-written, but files finished before the failure (a pipeline's augmented corpus before its
        /// training failed) are in place, a device or pipe may hold part of an output, and standard output may hold complete rows.
        /// </summary>
        internal static string WhatWasWritten()
        {
            var parts = new List<string>();
            if (StandardOutput.LinesWritten > 0)
            {
                parts.Add($"{Plural.Count(StandardOutput.LinesWritten, "line")} had already been written to standard output before the failure (the output is incomplete)");
            }

            IReadOnlyList<string> files = WrittenOutputs.Files, direct = WrittenOutputs.Direct;
            if (files.Count > 0)
            {
                parts.Add($"{string.Join(", ", files.Select(f => $"'{f}'"))} {(files.Count == 1 ? "was" : "were")} written in full before the failure and {(files.Count == 1 ? "is" : "are")} in place");
            }

            if (direct.Count > 0)
            {
                parts.Add($"{string.Join(", ", direct.Select(f => $"'{f}'"))} (not a regular file, written directly) may hold part of the output");
            }

            return parts.Count == 0 ? "Nothing was written, and no file was changed."
                : string.Join("; ", parts) + (files.Count > 0 || direct.Count > 0 ? "; no other file was changed." : "; no file was changed.");
        }

        /// <summary>
        /// An argument error's message without the .NET parameter text (" (Parameter 'countRecords')"), which names code, not
        /// anything the user wrote; an out-of-range value is kept, in words.
        /// </summary>
        public static string InProductVoice(ArgumentException exception)
        {
            string message = exception.Message;
            if (exception is ArgumentOutOfRangeException { ActualValue: { } actual })
            {
                int at = message.LastIndexOf(Environment.NewLine, StringComparison.Ordinal);
                message = (at < 0 ? message : message[..at]) + $" (it is {Convert.ToString(actual, System.Globalization.CultureInfo.InvariantCulture)})";
            }

            return exception.ParamName is null ? message : message.Replace($" (Parameter '{exception.ParamName}')", "", StringComparison.Ordinal);
        }

        /// <summary>Prints an error without a stack trace, control characters escaped (<see cref="TerminalText"/>), and picks the exit code.</summary>
        public static int Report(Exception exception, TextWriter errors)
        {
            // Messages quote values from the data (labels, keys, lines): their control characters are shown, not obeyed.
            void Say(string message) => errors.WriteLine(TerminalText.Visible(message, keepLineBreaks: true));
            switch (exception)
            {
                case CommandAppException usage:
                    Say($"textaugment: {StandardStreamInterceptor.Unprotect(usage.Message)}");
                    Say("Run 'textaugment --help' (or 'textaugment COMMAND --help') for usage.");
                    return UsageError;
                case UsageException usage:
                    Say($"textaugment: {usage.Message}");
                    return UsageError;
                case PipelineException pipeline:
                    foreach (PipelineError error in pipeline.Errors)
                    {
                        Say(error.ToString());
                    }

                    Say($"{Plural.Count(pipeline.Errors.Count, "mistake")} in the pipeline; nothing was run.");
                    return UsageError;
                case TextAugment.Corpus.OutputIsInputException same:
                    Say($"textaugment: {same.Message}");
                    Say("Nothing was written.");
                    return UsageError;
                case TextAugment.Corpus.UnwritableOutputException unwritable:
                    Say($"textaugment: {unwritable.Message}");
                    Say("Nothing was written.");
                    return UsageError;
                case TextAugment.Corpus.NotARegularFileException special:
                    Say($"textaugment: {special.Message}");
                    return UsageError;
                case FileNotFoundException missing:
                    Say($"textaugment: {missing.Message}");
                    return UsageError;
                case ClosedPipeException:
                    return Ok; // the reader has what it wanted (| head): stop quietly, like other Unix filters
                case DataFormatException { Compression: not null } or DataFormatException { TextEncoding: not null }:
                    // The wrong file was given (compressed, or UTF-16: not UTF-8 text, found at its first bytes), as a missing
                    // file is: a usage mistake.
                    Say(exception.Message);
                    Say(WhatWasWritten());
                    return UsageError;
                case DiskFullException or StandardOutputClosedException:
                    Say($"textaugment: {exception.Message}");
                    Say(WhatWasWritten());
                    return Failure;
                case DataFormatException data:
                    Say(data.Message);
                    Say(WhatWasWritten());
                    return Failure;
                case Microsoft.ML.OnnxRuntime.OnnxRuntimeException onnx:
                    Say($"textaugment: the model failed while running: {onnx.Message}");
                    Say(WhatWasWritten());
                    return Failure;
                case ArgumentException argument:
                    Say($"textaugment: {InProductVoice(argument)}");
                    return Failure;
                case IOException or UnauthorizedAccessException:
                    Say($"textaugment: {exception.Message}");
                    return Failure;
                default:
                    Say($"textaugment: unexpected error: {exception}");
                    return Failure;
            }
        }
    }
}
