using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using TextAugment.Classification;
using TextAugment.Corpus;
using TextAugment.Pipelines;
using TextAugment.Text;

namespace TextAugment.Cli;

/// <summary>Prints training reports, evaluations and ablations: results, so on standard output (progress and logs go to standard error).</summary>
internal static class Printer
{
    public static void Report(TrainingReport report, string? reportDirectory, TextWriter to)
    {
        to.Write(report.Table());
        to.WriteLine($"kept epoch {report.BestEpoch}; {report.Sparsity:P1} of the weights are exactly zero.");
        to.WriteLine(report.Diagnosis);
        if (reportDirectory is not null)
        {
            to.WriteLine($"report: {Path.Combine(reportDirectory, "curves.svg")} (picture), curves.csv, report.json");
        }
    }

    /// <summary>The most labels the printed table and confusion matrix show: 20, the most frequent (by support).</summary>
    public const int MaxPrintedLabels = 20;

    /// <summary>
    /// Prints the scores: per label and a confusion matrix, for at most <see cref="MaxPrintedLabels"/> labels (3,000 labels
    /// would print a 52 MB matrix); <paramref name="fullAt"/> says where the whole of it is. Labels are printed with their
    /// control characters escaped (<see cref="TerminalText"/>).
    /// </summary>
    public static void Evaluation(Evaluation evaluation, string title, TextWriter to, string fullAt = "evaluate --json or --report PATH")
    {
        to.WriteLine(FormattableString.Invariant($"{TerminalText.Visible(title)}: accuracy {evaluation.Accuracy:P2}, macro-F1 {evaluation.MacroF1:F4} ({Plural.Count(evaluation.Count, "example")})"));
        int labels = evaluation.Classes.Count;
        int[] shown = labels <= MaxPrintedLabels
            ? [.. Enumerable.Range(0, labels)]
            : [.. Enumerable.Range(0, labels).OrderByDescending(i => evaluation.Classes[i].Support).ThenBy(i => i).Take(MaxPrintedLabels)];
        bool capped = shown.Length < labels;
        if (capped)
        {
            to.WriteLine(FormattableString.Invariant($"  the {shown.Length} most frequent of {labels:N0} labels (the full table and confusion matrix: {fullAt})"));
        }

        // The label column as wide as its longest label (terminal cells: a CJK character takes two), at least 20.
        string[] names = [.. shown.Select(i => TerminalText.Label(evaluation.Classes[i].Label) + (evaluation.Classes[i].InModel ? "" : " *"))];
        int width = Math.Max(20, names.Length == 0 ? 0 : names.Max(TerminalText.Width));
        string Padded(string text) => text + new string(' ', Math.Max(0, width - TerminalText.Width(text)));
        var sb = new StringBuilder($"  {Padded("label")}  precision  recall     F1  support\n");
        for (int k = 0; k < shown.Length; k++)
        {
            ClassScores c = evaluation.Classes[shown[k]];
            sb.Append(CultureInfo.InvariantCulture, $"  {Padded(names[k])}  {c.Precision,9:F3}  {c.Recall,6:F3}  {c.F1,5:F3}  {c.Support,7}\n");
        }

        if (evaluation.Classes.Any(c => !c.InModel))
        {
            sb.Append("  * not a label of the model (it was not in the training data): never predicted, recall 0, counted in the macro-F1\n");
        }

        sb.Append(capped
            ? "  confusion (rows: true label, columns: predicted, in the order above; last column: predicted as any other label)\n"
            : "  confusion (rows: true label, columns: predicted, in the order above)\n");
        var isShown = new bool[labels];
        foreach (int i in shown)
        {
            isShown[i] = true;
        }

        foreach (int i in shown)
        {
            int[] row = evaluation.Confusion[i];
            sb.Append("  ").AppendJoin(' ', shown.Select(j => row[j].ToString(CultureInfo.InvariantCulture).PadLeft(5)));
            if (capped)
            {
                int other = 0;
                for (int j = 0; j < labels; j++)
                {
                    other += isShown[j] ? 0 : row[j];
                }

                sb.Append(' ').Append(other.ToString(CultureInfo.InvariantCulture).PadLeft(5));
            }

            sb.Append('\n');
        }

        to.Write(sb.ToString());
    }

    public static void Experiment(ExperimentResult result, TextWriter to)
    {
        Report(result.Report, null, to);
        to.WriteLine($"model: {result.ModelPath}");
        if (result.Test is not null)
        {
            Evaluation(result.Test, "test", to, "textaugment evaluate MODEL TEST --report PATH");
        }

        if (result.Ablation is not null)
        {
            to.WriteLine($"ablation: the same trainer and seeds ({string.Join(", ", result.Ablation.Seeds)}) on the originals, the augmented corpus and a repetition control (each original repeated as often as it has augmented rows){(result.Ablation.Consistency is null ? "" : ", and consistency training (the originals with UDA's consistency loss on the unlabelled text)")}, on the test set; paired t-tests over seeds");
            to.Write(result.Ablation.Table());
            to.Write(result.Ablation.Verdict);
        }
    }

    /// <summary>The evaluation as one JSON object: accuracy, macro_f1, count, per-label scores (in_model false for a test label the model does not have) and the confusion matrix (rows: true label).</summary>
    public static string Json(Evaluation evaluation) => JsonText.Write(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("accuracy", evaluation.Accuracy);
        w.WriteNumber("macro_f1", evaluation.MacroF1);
        w.WriteNumber("count", evaluation.Count);
        w.WriteStartArray("labels");
        foreach (ClassScores c in evaluation.Classes)
        {
            w.WriteStartObject();
            w.WriteString("label", c.Label);
            w.WriteNumber("precision", c.Precision);
            w.WriteNumber("recall", c.Recall);
            w.WriteNumber("f1", c.F1);
            w.WriteNumber("support", c.Support);
            w.WriteBoolean("in_model", c.InModel);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("confusion");
        foreach (int[] row in evaluation.Confusion)
        {
            w.WriteStartArray();
            foreach (int count in row)
            {
                w.WriteNumberValue(count);
            }

            w.WriteEndArray();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });
}

/// <summary>How train and evaluate read their labelled files: one format and column names for all of them (as a pipeline's input section gives them for its input, validation and test files).</summary>
internal class LabelledDataSettings : CommandSettings
{
    [CommandOption("--format <FORMAT>")]
    [Description("The labelled files' format: tsv, tsv-escaped, tsv-quoted, csv, jsonl or fasttext (default: from each file's extension, tsv without one; a file whose first line has a word __label__NAME is fastText's).")]
    public string? Format { get; init; }

    [CommandOption("--text <COLUMN>")]
    [Description("The text column (tsv, csv) or field (jsonl) of the labelled files (default: text); refused when no file read has columns (fasttext).")]
    public string? Text { get; init; }

    [CommandOption("--label <COLUMN>")]
    [Description("The label column or field of the labelled files (default: label); refused when no file read has columns (fasttext).")]
    public string? Label { get; init; }

    [CommandOption("--header <BOOL>")]
    [Description("Whether the tsv and csv files start with a header line naming their columns, as a pipeline's input.header (default: true). With false, columns are named by number: --header false --text 2 --label 1. Refused when no file read is tsv, tsv-escaped or csv.")]
    public bool? Header { get; init; }

    /// <summary>The column names and header as reader options; what is not given keeps <see cref="CorpusReaderOptions"/>' default (as a pipeline's input section does).</summary>
    public CorpusReaderOptions Columns
    {
        get
        {
            var defaults = new CorpusReaderOptions();
            return defaults with { TextColumn = Text ?? defaults.TextColumn, LabelColumn = Label ?? defaults.LabelColumn, HasHeader = Header ?? defaults.HasHeader, Names = OptionNames };
        }
    }

    /// <summary>How the reader's messages name the settings these commands have: --text and --label (they have no option to skip malformed rows, hash ids or name the id column).</summary>
    public static ReaderSettingNames OptionNames { get; } = new("--text", SkipMalformed: null, HashIds: null) { LabelColumn = "--label", FormatSetting = "--format" };

    /// <summary>The format given by --format, or null to detect it from each file.</summary>
    public CorpusFormat? GivenFormat => Format is null ? null : CorpusFormats.Parse(Format);

    /// <summary>The format a labelled file is read in: --format, else as <see cref="CorpusReader.ReadLabelled(string, CorpusReaderOptions?, out long, CorpusFormat?)"/> detects it.</summary>
    public CorpusFormat LabelledFormat(string path) => GivenFormat ?? CorpusFormats.ForLabelledFile(path, Columns.Format);

    /// <summary>
    /// Refuses --text, --label or --header when it applies to none of the files the command reads (<paramref name="files"/>,
    /// each with the format it will be read in): a fastText or plain-text file has no columns, and only tsv, tsv-escaped and
    /// csv have a header line (<see cref="CorpusFormats.NotApplicable"/>, the rule that refuses a pipeline's input keys).
    /// An option that applies to one of the files (a tsv training file with a fastText validation file) is used there.
    /// </summary>
    /// <exception cref="UsageException">An option given would be ignored for every file.</exception>
    public void EnsureColumnsApply(IReadOnlyList<(string Path, CorpusFormat Format)> files) =>
        EnsureColumnsApply(files, ("--text", Text, false), ("--label", Label, false), ("--header", Header is { } h ? (h ? "true" : "false") : null, true));

    /// <summary>The check of <see cref="EnsureColumnsApply(IReadOnlyList{ValueTuple{string, CorpusFormat}})"/> for the options given (a null value: not given).</summary>
    internal static void EnsureColumnsApply(IReadOnlyList<(string Path, CorpusFormat Format)> files, params (string Option, string? Value, bool Header)[] options)
    {
        foreach ((string option, string? value, bool header) in options)
        {
            if (value is null || files.Count == 0)
            {
                continue;
            }

            string[] why = [.. files.Select(f => CorpusFormats.NotApplicable(f.Format, header) is { } reason ? $"{StandardStreamInterceptor.Shown(f.Path)} is read as {CorpusFormats.Name(f.Format)}, and {reason}" : "")];
            if (why.All(w => w.Length > 0))
            {
                throw new UsageException($"{option} {value} applies to no file this command reads: {string.Join("; ", why)}. It would be ignored; remove it (a pipeline's input.{option[2..]} is refused the same way).");
            }
        }
    }

    public override ValidationResult Validate() => (Text ?? "text") == (Label ?? "label")
        ? ValidationResult.Error($"--text and --label both name the column '{Text ?? "text"}': the label would be part of the text the model learns from; name two different columns.")
        : Format is null ? ValidationResult.Success() : CorpusFormats.Parse(Format) switch
    {
        null => ValidationResult.Error($"--format is '{Format}'; it must be one of tsv, tsv-escaped, tsv-quoted, csv, jsonl, fasttext."),
        CorpusFormat.Text => ValidationResult.Error("--format text has no labels; labelled data is tsv, tsv-escaped, tsv-quoted, csv, jsonl or fasttext."),
        _ => ValidationResult.Success(),
    };
}

[ExtraArgumentAdvice("the model is written where --output says, and validation data is given with --validation (textaugment train <DATA> --validation <EXTRA> -o MODEL); to train on several files, join them into one first")]
internal sealed class TrainSettings : LabelledDataSettings
{
    [CommandArgument(0, "<DATA>")]
    [Description("Labelled training data (tsv, tsv-escaped, tsv-quoted, csv or jsonl with text and label columns, or fastText's __label__NAME lines), or - for standard input. Read once, as a stream: rows past 64 MiB of features go to a temporary file (TMPDIR) and are read back each epoch in a windowed shuffle.")]
    public string Data { get; init; } = "";

    [CommandOption("-o|--output <MODEL>")]
    [Description("Where to write the model (atomically). Required.")]
    [NoStandardStream("the model is binary and the training summary is printed on standard output; give a file such as out/model.tam.")]
    public string? Output { get; init; }

    [CommandOption("--validation <FILE>")]
    [Description("Validation data, a file or - for standard input (when DATA is a file), held in memory (DATA is streamed); default: hold out --validation-fraction of DATA (stratified, split by the id column when DATA has one).")]
    public string? Validation { get; init; }

    [CommandOption("--unlabelled <FILE>")]
    [Description("Unlabelled text for consistency training (UDA; see the --consistency-* options): text (one per line), tsv, csv or jsonl: the format from its extension (.txt is text), else --format, else text; its columns named by --text, --header and --label as the labelled files' (labels in the --label column, else a column named label, are ignored: the run says how many). Views come from the tfidf stage fitted on FILE (a pipeline's train.consistency.stages can choose others); with the tfidf bag FILE's texts count in the idf too (with --consistency-weight 0 that is all they do).")]
    public string? Unlabelled { get; init; }

    [CommandOption("--report <DIR>")]
    [Description("Where to write report.json, curves.csv and curves.svg (default: beside MODEL, named after it: m.tam → m.report; a MODEL that is a device or FIFO, as /dev/null, needs --report).")]
    [NoStandardStream("the report is a folder of three files; give a folder.")]
    public string? Report { get; init; }

    [CommandOption("--language <LANG>")]
    [Description("en (default) or zh: zh segments Chinese into words (jieba) for the features; the model records it, so predict and evaluate segment the same way.")]
    public string Language { get; init; } = "en";

    [CommandOption("--vectors <FILE>")]
    [NoStandardStream("word vectors are checked against the file's size before they are read; give a regular file.")]
    [Description("Word vectors to start the word features from (word2vec, GloVe, fastText .vec); --dim must match them.")]
    public string? Vectors { get; init; }

    [CommandOption("--no-progress")]
    [Description("No progress lines within an epoch (on large data, one every 10 seconds); the line at each epoch's end, the training log, stays.")]
    public bool NoProgress { get; init; }

    [CommandOption("--seed <N>")]
    [ValueRange(0, TrainerOptions.MaxSeed)]
    [Description("Seed, from 0 to 9223372036854775807 as a pipeline's seed (default 0).")]
    public ulong Seed { get; init; }

    public override ValidationResult Validate()
    {
        if (base.Validate() is { Successful: false } columns)
        {
            return columns;
        }

        if (Output is null)
        {
            return ValidationResult.Error("--output is required: where to write the model, e.g. -o out/model.tam.");
        }

        if (Language is not ("en" or "zh"))
        {
            return ValidationResult.Error($"--language is '{Language}'; it must be en or zh.");
        }

        return ValidationResult.Success();
    }

    /// <summary>The trainer options the command line gave (<paramref name="fromTable"/>, see <see cref="TrainerCommandLine"/>) with this command's seed, language and vectors.</summary>
    public TrainerOptions ToOptions(TrainerOptions fromTable) => fromTable with
    {
        Features = fromTable.Features with { Segmenter = Segmenter.ForLanguage(Language) },
        Seed = Seed,
        InitialVectors = Vectors is null ? null : TextAugment.Vectors.WordVectors.Load(Vectors),
    };
}

internal sealed class TrainCommand : Command<TrainSettings>
{
    /// <summary>
    /// Reads labelled data, saying on standard error how many records were skipped for an empty text (the rule of every format).
    /// </summary>
    /// <param name="path">The file, or - for standard input.</param>
    /// <param name="role">What the rows are for ("evaluation", "validation", "training"), for the message when there are none.</param>
    /// <exception cref="DataFormatException">A row is malformed or has no label, or the file holds no examples.</exception>
    internal static List<Example> ReadLabelled(string path, string role, LabelledDataSettings columns, Dictionary<string, long>? labelLines = null)
    {
        List<Example> examples = CorpusReader.ReadLabelled(path, columns.Columns, out long empty, columns.GivenFormat, labelLines);
        string shown = StandardStreamInterceptor.Shown(path);
        SaySkipped(shown, empty);
        return examples.Count > 0 ? examples
            : throw CorpusReader.NoExamples(shown, role, empty > 0);
    }

    /// <summary>Says on standard error how many records of <paramref name="shown"/> were skipped for an empty text (the rule of every format); nothing when none.</summary>
    private static void SaySkipped(string shown, long empty)
    {
        if (empty > 0)
        {
            Console.Error.WriteLine($"textaugment: {shown}: skipped {Plural.Count(empty, "record")} whose text is empty or only white space.");
        }
    }

    /// <summary>
    /// Reads the training data once, as a stream, featurizing each row as it is read (<see cref="TrainingRows"/>): the same
    /// formats, checks and messages as <see cref="ReadLabelled"/> and <see cref="Trainer.EnsureTrainable(IReadOnlyList{Example}, string)"/>,
    /// with memory bounded by the rows' budget, not by the file.
    /// </summary>
    /// <exception cref="DataFormatException">A row is malformed or has no label, the file holds no examples, or fewer than 2 labels.</exception>
    internal static TrainingRows ReadTrainingRows(string path, TrainerOptions options, bool trackIds, LabelledDataSettings columns, Dictionary<string, long>? labelLines = null)
    {
        string shown = StandardStreamInterceptor.Shown(path);
        var rows = new TrainingRows(options, trackIds: trackIds);
        try
        {
            var empty = new System.Runtime.CompilerServices.StrongBox<long>();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            long next = 5_000, count = 0;
            foreach (Example e in CorpusReader.EnumerateLabelled(path, columns.Columns, empty, columns.GivenFormat, labelLines))
            {
                rows.Add(e.Text, e.Label!, e.Id);
                // Large data takes a while to read: a line every 5 seconds says how far it is.
                if ((++count & 0x3FF) == 0 && clock.ElapsedMilliseconds >= next)
                {
                    next += 5_000;
                    Console.Error.WriteLine(FormattableString.Invariant($"textaugment: reading {shown}: {count:N0} rows ({count / clock.Elapsed.TotalSeconds:N0} rows/s){(rows.Spilled ? "; past 64 MiB of features, rows go to a temporary file" : "")}"));
                }
            }

            SaySkipped(shown, empty.Value);
            Trainer.EnsureTrainable(rows, shown, empty.Value);
            rows.Complete();
            // The texts read and the rows that went to the temporary file are garbage now: collect them before the network
            // and its optimizer state are allocated, so that the peak is the rows' budget and the network, not the reading's leftovers.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            return rows;
        }
        catch
        {
            rows.Dispose();
            throw;
        }
    }

    /// <summary>The early-stopping options (table names): given without validation data they have no effect, and the command warns.</summary>
    private static readonly string[] NeedValidation = ["early_stopping.enabled", "early_stopping.patience", "early_stopping.min_delta", "early_stopping.monitor", "early_stopping.restore_best", "early_stopping.min_epochs"];

    /// <summary>
    /// Warnings about trainer options that would have no effect: early stopping given without validation data, consistency
    /// options without unlabelled text.
    /// </summary>
    /// <exception cref="UsageException">--validation and --validation-fraction are both given: they are two sources of
    /// validation data, refused together as a pipeline's train.validation refuses path with fraction.</exception>
    internal static IEnumerable<string> IneffectiveOptions(TrainSettings settings, TrainerOptions options, IReadOnlySet<string> given)
    {
        string fraction = TrainerOptionTable.Named("validation.fraction").CommandLine;
        string[] stdin = [.. new[] { ("<DATA>", settings.Data), ("--validation", settings.Validation), ("--unlabelled", settings.Unlabelled) }.Where(r => r.Item2 == "-").Select(r => r.Item1)];
        if (stdin.Length > 1)
        {
            throw new UsageException($"{string.Join(" and ", stdin)} are {(stdin.Length == 2 ? "both" : "all")} '-': only one of them can be standard input.");
        }

        if (settings.Validation is not null && FileIdentity.SameFile(settings.Validation, settings.Data))
        {
            throw new UsageException($"--validation and <DATA> are the same file ('{settings.Validation}' and '{settings.Data}', both '{FileIdentity.RealPath(settings.Data)}'): validating on the training data measures how well the model remembers it; give a held-out file, or {fraction} F to hold out part of <DATA>.");
        }

        if (settings.Validation is not null && settings.Unlabelled is not null && FileIdentity.SamePath(settings.Unlabelled, settings.Validation))
        {
            // As a pipeline refuses train.consistency.unlabelled that is evaluate.test or train.validation.path.
            throw new UsageException($"--unlabelled and --validation are the same file ('{settings.Unlabelled}' and '{settings.Validation}', both '{FileIdentity.RealPath(settings.Validation)}'): consistency training would learn from the validation texts (their labels ignored, but their words and views trained on), so early stopping would choose its epoch on text the model trained on; give separate unlabelled and validation files.");
        }

        if (settings.Validation is not null && given.Contains("validation.fraction"))
        {
            throw new UsageException($"--validation {settings.Validation} and {fraction} both say where the validation data comes from; give one: the file, or the fraction of <DATA> to hold out (as a pipeline's train.validation takes path or fraction, not both).");
        }

        // --no-early-stopping asks for what happens anyway: no warning for it.
        string[] idle = [.. NeedValidation.Where(n => given.Contains(n) && (n != "early_stopping.enabled" || options.EarlyStopping.Enabled))
            .Select(n => TrainerOptionTable.Named(n).CommandLine)];
        var warnings = new List<string>();
        if (settings.Validation is null && options.ValidationFraction == 0 && idle.Length > 0)
        {
            warnings.Add($"textaugment: {string.Join(", ", idle)} {(idle.Length == 1 ? "has" : "have")} no effect without validation data: early stopping watches a validation score; give --validation FILE or {fraction} F (e.g. 0.1). The last epoch is kept.");
        }

        // Without unlabelled text the consistency options get the one warning below, not also one about their weight.
        warnings.AddRange(TrainerOptionTable.WithoutEffect(options, o => given.Contains(o.Name), o => o.CommandLine)
            .Where(w => settings.Unlabelled is not null || !w.Options.All(o => o.Name.StartsWith("consistency.", StringComparison.Ordinal)))
            .Select(w => "textaugment: " + w.Message));
        string[] uda = [.. TrainerOptionTable.InSection("consistency").Where(o => given.Contains(o.Name)).Select(o => o.CommandLine)];
        if (settings.Unlabelled is null && uda.Length > 0)
        {
            warnings.Add($"textaugment: {string.Join(", ", uda)} {(uda.Length == 1 ? "has" : "have")} no effect without --unlabelled FILE: consistency training needs unlabelled text.");
        }

        if (settings.Unlabelled is not null && FileIdentity.SameFile(settings.Unlabelled, settings.Data))
        {
            warnings.Add($"textaugment: --unlabelled {settings.Unlabelled} is the training data {settings.Data}: consistency training then sees no text the labelled examples lack (UDA's unlabelled text is new, unlabelled examples of the task).");
        }

        return warnings;
    }

    public override int Execute(CommandContext context, TrainSettings settings, CancellationToken cancellationToken)
    {
        // Beside the model and named after it (m.tam → m.report/), so that two models trained in one folder keep their reports.
        if (settings.Report is null && FileIdentity.IsDeviceOrPipe(settings.Output!))
        {
            // Refused rather than run without a report: the report holds the run's scores, which a model sent to /dev/null
            // is usually trained for; and a folder is never made among the devices.
            throw new UsageException($"--output {settings.Output} is a device, FIFO or socket, not a regular file, so the report folder cannot go beside it (as '{Path.ChangeExtension(settings.Output!, ".report")}'); give --report DIR for the report, or write the model to a file.");
        }

        var files = new List<(string, CorpusFormat)> { (settings.Data, settings.LabelledFormat(settings.Data)) };
        if (settings.Validation is not null)
        {
            files.Add((settings.Validation, settings.LabelledFormat(settings.Validation)));
        }

        if (settings.Unlabelled is not null)
        {
            files.Add((settings.Unlabelled, CorpusFormats.ForUnlabelledFile(settings.Unlabelled, settings.GivenFormat)));
        }

        settings.EnsureColumnsApply(files);
        string reportDirectory = settings.Report ?? Path.ChangeExtension(Path.GetFullPath(settings.Output!), ".report");
        (string Role, string? Path)[] reads = [("the training data", settings.Data), ("--validation", settings.Validation), ("--vectors", settings.Vectors), ("--unlabelled", settings.Unlabelled)];
        string reportRole = settings.Report is null ? "a file of the default report folder (the model's name with .report; --report DIR chooses another)" : "a --report file";
        FileIdentity.EnsureOutputs([("--output", settings.Output), .. TrainingReport.Files(reportDirectory).Select(f => (reportRole, (string?)f))], reads);
        ParsedTrainerOptions parsed = context.Data as ParsedTrainerOptions ?? new ParsedTrainerOptions(new TrainerOptions(), new HashSet<string>(StringComparer.Ordinal));
        foreach (string warning in IneffectiveOptions(settings, parsed.Options, parsed.Given))
        {
            Console.Error.WriteLine(TerminalText.Visible(warning));
        }

        TrainerOptions options = settings.ToOptions(parsed.Options);
        if (options.InitialVectors is { } vectors && vectors.Dimensions != options.Features.Dimensions)
        {
            // Before the data is read, not after (the trainer's own check comes once the rows are featurized).
            throw new UsageException($"--vectors {settings.Vectors} has {vectors.Dimensions} dimensions but the classifier's embeddings have {options.Features.Dimensions} (--dim); give --dim {vectors.Dimensions}.");
        }

        // The training data is read once, as a stream, featurized as it is read (the rows held compactly, and beyond a budget
        // in a temporary file: TrainingRows); for a held-out split each row keeps its id, hashed, with it.
        bool split = settings.Validation is null && options.ValidationFraction > 0;
        var labelLines = new Dictionary<string, long>(StringComparer.Ordinal);
        using TrainingRows rows = ReadTrainingRows(settings.Data, options, split, settings, labelLines);
        var sinceReport = System.Diagnostics.Stopwatch.StartNew();
        rows.EpochProgress = settings.NoProgress ? null : (epoch, done, all) =>
        {
            // Large data: a line every 10 seconds within an epoch, beside the line at its end.
            if (sinceReport.ElapsedMilliseconds >= 10_000)
            {
                sinceReport.Restart();
                Console.Error.WriteLine(FormattableString.Invariant($"epoch {epoch}: {100.0 * done / all:F0}% ({done:N0} of {all:N0} rows)"));
            }
        };
        if (LabelLookalikes.Describe(rows.LabelsSeen, StandardStreamInterceptor.Shown(settings.Data), labelLines) is { } lookalikes)
        {
            Console.Error.WriteLine(TerminalText.Visible($"textaugment: {lookalikes}"));
        }

        // The validation file is the user's separate (usually small) file: held in memory.
        List<Example>? validation = settings.Validation is null ? null : ReadLabelled(settings.Validation, "validation", settings);
        string validationName = StandardStreamInterceptor.Shown(settings.Validation!);
        if (Trainer.DescribeUnknownLabels(new HashSet<string>(rows.LabelsSeen, StringComparer.Ordinal), validation, validationName) is { } unknown)
        {
            Console.Error.WriteLine(TerminalText.Visible($"textaugment: {unknown}"));
        }

        if (settings.Unlabelled is not null)
        {
            CorpusFormat unlabelledFormat = CorpusFormats.ForUnlabelledFile(settings.Unlabelled, settings.GivenFormat);
            List<Example> unlabelled;
            int labelled;
            try
            {
                unlabelled = CorpusReader.ReadUnlabelled(settings.Unlabelled, settings.Columns, out labelled, unlabelledFormat);
            }
            catch (FileNotFoundException missing)
            {
                throw new FileNotFoundException($"--unlabelled {StandardStreamInterceptor.Shown(settings.Unlabelled)}: {(Directory.Exists(settings.Unlabelled) ? "a folder, not a file" : "file not found")} (the unlabelled text for consistency training).", settings.Unlabelled, missing);
            }

            Console.Error.WriteLine("textaugment: " + ConsistencyOptions.Describe(unlabelled.Count, StandardStreamInterceptor.Shown(settings.Unlabelled), labelled,
                TrainingSections.LabelColumn(settings.Columns with { Format = unlabelledFormat }), fromStages: false, options));
            options = options with { Consistency = options.Consistency.With(unlabelled, null, options.Features.Segmenter) };
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var reporter = new Reporter<EpochRecord>(e => Console.Error.WriteLine(double.IsNaN(e.ValidationLoss)
            ? FormattableString.Invariant($"epoch {e.Epoch}: train loss {e.TrainLoss:F4}{Kl(e)} ({e.Seconds:F1} s)")
            : FormattableString.Invariant($"epoch {e.Epoch}: train loss {e.TrainLoss:F4}, validation loss {e.ValidationLoss:F4}, validation accuracy {e.ValidationAccuracy:P1}{Kl(e)} ({e.Seconds:F1} s)")));
        var (model, report) = Trainer.Train(rows, validation, options, reporter);
        model.Save(settings.Output!);
        report.Save(reportDirectory);
        static string Kl(EpochRecord e) => double.IsNaN(e.ConsistencyLoss) ? "" : FormattableString.Invariant($", consistency loss {e.ConsistencyLoss:F4}");
        long words = rows.Words;
        double stepSeconds = report.Epochs.Sum(r => r.Seconds);
        Console.Error.WriteLine(report.ValidationNote);
        Console.Out.WriteLine($"trained on {Plural.Count(report.TrainingRows, "example")} in {clock.Elapsed.TotalSeconds:F1} s → {settings.Output}");
        Console.Out.WriteLine($"training throughput: {words * report.Epochs.Count / Math.Max(stepSeconds, 1e-9):N0} words/s on one thread ({Plural.Count(report.Epochs.Count, "epoch")}, {stepSeconds:F2} s in training steps)");
        Printer.Report(report, reportDirectory, Console.Out);
        return TextAugmentApp.Ok;
    }
}

[ExtraArgumentAdvice("it scores one test file per call (textaugment evaluate <MODEL> <EXTRA> for the next); --report PATH writes the full scores to a file")]
internal sealed class EvaluateSettings : LabelledDataSettings
{
    [CommandArgument(0, "<MODEL>")]
    [Description("A model written by 'train' or a pipeline's train section.")]
    [NoStandardStream("a model is read from a file (its checksum is checked first); give the model file.")]
    public string Model { get; init; } = "";

    [CommandArgument(1, "<TEST>")]
    [Description("Labelled test data (tsv, tsv-escaped, tsv-quoted, csv or jsonl with text and label columns, or fastText's __label__NAME lines), or - for standard input.")]
    public string Test { get; init; } = "";

    [CommandOption("--json")]
    [Description("Print the scores as one JSON object instead of a table.")]
    public bool Json { get; init; }

    [CommandOption("--report <PATH>")]
    [Description("Also write the full scores and confusion matrix as JSON (the --json object) to PATH, atomically; the printed table shows at most the 20 most frequent labels.")]
    [NoStandardStream("the table is printed on standard output; use --json for the JSON there.")]
    public string? Report { get; init; }
}

internal sealed class EvaluateCommand : Command<EvaluateSettings>
{
    public override int Execute(CommandContext context, EvaluateSettings settings, CancellationToken cancellationToken)
    {
        FileIdentity.EnsureOutputs([("--report", settings.Report)], [("the model", settings.Model), ("the test data", settings.Test)]);
        settings.EnsureColumnsApply([(settings.Test, settings.LabelledFormat(settings.Test))]);
        TextClassifier model = TextClassifier.Load(settings.Model);
        var labelLines = new Dictionary<string, long>(StringComparer.Ordinal);
        List<Example> test = TrainCommand.ReadLabelled(settings.Test, "evaluation", settings, labelLines);
        if (LabelLookalikes.Describe(labelLines.Keys, StandardStreamInterceptor.Shown(settings.Test), labelLines) is { } within)
        {
            Console.Error.WriteLine(TerminalText.Visible($"textaugment: {within}"));
        }

        Evaluation evaluation = Evaluation.Of(model, test);
        if (evaluation.Classes.Where(c => !c.InModel).ToArray() is { Length: > 0 } unknown)
        {
            Console.Error.WriteLine(TerminalText.Visible($"textaugment: {StandardStreamInterceptor.Shown(settings.Test)}: {unknown.Sum(c => c.Support):N0} of {Plural.Count(test.Count, "row")} {(unknown.Sum(c => c.Support) == 1 ? "has" : "have")} "
                + $"{(unknown.Length == 1 ? "a label" : $"{unknown.Length:N0} labels")} the model does not know ({Trainer.FirstFew([.. unknown.Select(c => $"'{c.Label}'")])}); "
                + "they count as errors, and each is scored as a label with recall 0 (marked * in the table, in_model false in the JSON)."));
        }

        if (LabelLookalikes.AgainstModel(evaluation.Classes.Where(c => !c.InModel).Select(c => c.Label), model.Labels, StandardStreamInterceptor.Shown(settings.Test)) is { } lookalikes)
        {
            Console.Error.WriteLine(TerminalText.Visible($"textaugment: {lookalikes}"));
        }

        if (settings.Report is not null)
        {
            using AtomicOutput report = AtomicOutput.Open(settings.Report);
            report.Stream.Write(Encoding.UTF8.GetBytes(Printer.Json(evaluation) + "\n"));
            report.Commit();
        }

        if (settings.Json)
        {
            Console.Out.WriteLine(Printer.Json(evaluation));
        }
        else
        {
            Printer.Evaluation(evaluation, StandardStreamInterceptor.Shown(settings.Test), Console.Out);
        }
        return TextAugmentApp.Ok;
    }
}

[ExtraArgumentAdvice("it reads the texts to label from standard input, one per line (textaugment predict <MODEL> < <EXTRA>)")]
internal sealed class PredictSettings : CommandSettings
{
    [CommandArgument(0, "<MODEL>")]
    [Description("A model written by 'train' or a pipeline's train section.")]
    [NoStandardStream("a model is read from a file (its checksum is checked first); give the model file.")]
    public string Model { get; init; } = "";

    [CommandOption("-k|--top <N>")]
    [Description("Also list the N most probable labels, most probable first, in a \"top\" list of label and probability (as fastText's predict k; --k is accepted too).")]
    [ValueRange(1, int.MaxValue)]
    public int? K { get; init; }
}

internal sealed class PredictCommand : Command<PredictSettings>
{
    public override int Execute(CommandContext context, PredictSettings settings, CancellationToken cancellationToken)
    {
        // predict < texts >> texts would read its own answers back for ever.
        FileIdentity.EnsureOutputs(("standard output", "-"), ("standard input", "-"), ("the model", settings.Model));
        TextClassifier model = TextClassifier.Load(settings.Model);
        // Through StandardOutput, which counts the lines written, so that a failure part-way says how many were (as augment's does).
        using var output = new StreamWriter(StandardOutput.Open(), new UTF8Encoding(false));
        using var input = new Utf8LineReader(FileIdentity.OpenStandardInput(), "<stdin>");
        while (input.TryReadLine(out ReadOnlySpan<byte> bytes, out _))
        {
            input.EnsureUtf8(bytes);
            // As fastText's predict: a word that starts with __label__ is a label, not input (a labelled file can be given as it is).
            Prediction p = model.Predict(FastTextLabels.WithoutLabelWords(Encoding.UTF8.GetString(bytes)));
            output.WriteLine(JsonText.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("label", p.Label);
                w.WriteStartObject("probabilities");
                for (int i = 0; i < model.Labels.Count; i++)
                {
                    w.WriteNumber(model.Labels[i], Math.Round(p.Probabilities[i], 6));
                }

                w.WriteEndObject();
                if (settings.K is { } k)
                {
                    w.WriteStartArray("top");
                    foreach (int i in Enumerable.Range(0, model.Labels.Count).OrderByDescending(i => p.Probabilities[i]).ThenBy(i => i).Take(k))
                    {
                        w.WriteStartObject();
                        w.WriteString("label", model.Labels[i]);
                        w.WriteNumber("probability", Math.Round(p.Probabilities[i], 6));
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                }

                w.WriteEndObject();
            }));
        }

        return TextAugmentApp.Ok;
    }
}

/// <summary>Calls back on the reporting thread (unlike <see cref="Progress{T}"/>).</summary>
internal sealed class Reporter<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
