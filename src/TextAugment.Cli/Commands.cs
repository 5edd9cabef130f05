using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TextAugment;
using TextAugment.Corpus;
using TextAugment.Pipelines;
using TextAugment.Text;

namespace TextAugment.Cli;

/// <summary>Settings every command that reads a pipeline shares.</summary>
[ExtraArgumentAdvice("it checks one pipeline file per call (textaugment validate <EXTRA> for the next)")]
internal class PipelineSettings : CommandSettings
{
    [CommandArgument(0, "<PIPELINE>")]
    [Description("The pipeline file (YAML). Paths inside it are relative to it.")]
    [NoStandardStream("a pipeline's paths are relative to its folder, and its input may itself be standard input; give the pipeline file.")]
    public string Pipeline { get; init; } = "";
}

/// <summary>Settings of the commands that run a pipeline.</summary>
[ExtraArgumentAdvice("it runs one pipeline per call, on the input the pipeline names (input.path); to augment another file, give it to augment (textaugment augment <PIPELINE> -i <EXTRA> -o OUTPUT)")]
internal class RunSettingsBase : PipelineSettings
{
    [CommandOption("--shard <K/N>")]
    [Description("Process only the K-th of N parts of the input (1-based): a file is split by bytes, each shard starting at the next record (CSV: by record count); standard input is the part itself. Shards after the first write no header, so the N outputs concatenated in order equal the whole run's output. 'run' writes shard K to the pipeline's output path with .part-K-of-N before its extension. Ids from lines or byte offsets need a file: a shard after the first read from standard input needs --ids hash or an id column.")]
    public string? Shard { get; init; }

    [CommandOption("--ids <SOURCE>")]
    [Description("Where ids come from when the input has no id column: line (default: the line number), offset (the record's byte offset) or hash (of its text and label: the same in any split, on standard input too).")]
    public string? Ids { get; init; }

    [CommandOption("--threads <N>")]
    [Description("Worker threads (default: the pipeline's 'threads', else the processor count). The output does not depend on it.")]
    [ValueRange(1, TextAugment.Pipelines.Pipeline.MaxThreads)]
    public int? Threads { get; init; }

    [CommandOption("--no-progress")]
    [Description("No progress bar or progress lines.")]
    public bool NoProgress { get; init; }

    public override ValidationResult Validate()
    {
        if (Shard is not null && TextAugment.Corpus.Shard.Parse(Shard, "--shard", out string? error) is null)
        {
            return ValidationResult.Error(error!);
        }

        if (Ids is not null && IdSources.Parse(Ids) is null)
        {
            return ValidationResult.Error($"--ids is '{Ids}'; it must be one of {string.Join(", ", IdSources.Names)}.");
        }

        return ValidationResult.Success(); // --threads: its ValueRange, checked before parsing
    }
}

internal sealed class RunCommand : Command<RunSettingsBase>
{
    /// <summary>The checks of every path a run of <paramref name="pipeline"/> writes, before it reads anything (run and validate).</summary>
    internal static void EnsureOutputs(Pipeline pipeline, string file, string? output = null)
    {
        FileIdentity.EnsureOutputs([("output.path", output ?? pipeline.Output!.Path)],
            [("input.path", pipeline.Input!.Path), ("the pipeline file", file), .. pipeline.Reads.Select(r => (r.Role, (string?)r.Path))]);
        Experiment.EnsureDistinct(pipeline);
    }

    /// <summary>Prints the pipeline's <see cref="Pipeline.Warnings"/> on standard error (run, validate and augment), before any work.</summary>
    internal static void Warn(Pipeline pipeline)
    {
        foreach (PipelineError warning in pipeline.Warnings)
        {
            Console.Error.WriteLine(TerminalText.Visible($"textaugment: {warning}"));
        }
    }

    /// <summary>
    /// Where shard <paramref name="shard"/> of a pipeline writes: its output path with <c>.part-K-of-N</c> before the
    /// extension (K zero-padded to N's width, so the parts sort in order: <c>augmented.part-02-of-16.jsonl</c>), so that N
    /// shards never write over one another or over a whole run's output; <c>-</c> stays standard output.
    /// </summary>
    internal static string ShardOutput(string path, Shard shard)
    {
        if (path == "-")
        {
            return path;
        }

        string width = new('0', shard.Count.ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
        string part = FormattableString.Invariant($".part-{shard.Index.ToString(width, System.Globalization.CultureInfo.InvariantCulture)}-of-{shard.Count}");
        return Path.Combine(Path.GetDirectoryName(path) ?? "", Path.GetFileNameWithoutExtension(path) + part + Path.GetExtension(path));
    }

    public override int Execute(CommandContext context, RunSettingsBase settings, CancellationToken cancellationToken)
    {
        Pipeline pipeline = Pipeline.Load(settings.Pipeline);
        Shard? shard = ParseShard(settings.Shard);
        string output = shard is null ? pipeline.Output!.Path : ShardOutput(pipeline.Output!.Path, shard);
        EnsureOutputs(pipeline, settings.Pipeline, output);
        Warn(pipeline);
        int code = Runner.Run(pipeline, settings, new RunSettings { OutputPath = output, OutputFormat = pipeline.Output.Format, Threads = settings.Threads, Shard = shard, Ids = ParseIds(settings.Ids) }, output);
        if (code == TextAugmentApp.Ok && pipeline.Train is not null)
        {
            if (settings.Shard is not null)
            {
                Console.Error.WriteLine("textaugment: a shard run augments only; train on the concatenated shards with 'textaugment train'.");
                return code;
            }

            // Results on standard output, unless the augmented rows went there.
            Printer.Experiment(Experiment.Run(pipeline, new Reporter<string>(line => Console.Error.WriteLine($"textaugment: {line}"))),
                pipeline.Output!.Path == "-" ? Console.Error : Console.Out);
        }

        return code;
    }

    internal static Shard? ParseShard(string? text) => text is null ? null : TextAugment.Corpus.Shard.Parse(text);

    internal static IdSource? ParseIds(string? text) => text is null ? null : IdSources.Parse(text);
}

internal sealed class ValidateCommand : Command<PipelineSettings>
{
    public override int Execute(CommandContext context, PipelineSettings settings, CancellationToken cancellationToken)
    {
        Pipeline pipeline = Pipeline.Load(settings.Pipeline);
        RunCommand.EnsureOutputs(pipeline, settings.Pipeline);
        RunCommand.Warn(pipeline);
        // A FIFO or device is not looked into: reading it would wait for a writer, or take the data the run needs.
        bool stream = pipeline.Input!.Path == "-" || FileIdentity.IsDeviceOrPipe(pipeline.Input.Path);
        if (!stream)
        {
            // The header (or first record) of the input must have the columns the pipeline names: a run would fail on it.
            try
            {
                using CorpusReader reader = CorpusReader.Open(pipeline.Input.Path, pipeline.Input.Reader);
                reader.TryRead(out _);
            }
            catch (DataFormatException mistake)
            {
                Console.Error.WriteLine(TerminalText.Visible(mistake.Message, keepLineBreaks: true));
                Console.Error.WriteLine($"{settings.Pipeline}: the input does not fit the pipeline's input section; nothing was run.");
                return TextAugmentApp.UsageError;
            }
        }

        Console.Out.WriteLine($"{settings.Pipeline}: valid. Input {Runner.Shown(pipeline.Input!.Path)} ({CorpusFormats.Name(pipeline.Input.Reader.Format)}"
                              + (stream ? "; a stream: its columns are checked when a run reads it" : "") + ") → "
                              + $"{Plural.Count(pipeline.Generator.Options.Variants, "variant")} per example → {Runner.Shown(pipeline.Output!.Path)} ({CorpusFormats.Name(pipeline.Output.Format)}).");
        return TextAugmentApp.Ok;
    }
}

[ExtraArgumentAdvice("it reads one input per call, given with --input, else standard input (for this file: textaugment augment <PIPELINE> -i <EXTRA> -o OUTPUT); to augment several files, run it once for each or join them first")]
internal sealed class AugmentSettings : RunSettingsBase
{
    [CommandOption("-i|--input <PATH>")]
    [Description("Input file, or - for standard input (the default).")]
    public string Input { get; init; } = "-";

    [CommandOption("-o|--output <PATH>")]
    [Description("Output file, or - for standard output (the default). A file is written atomically.")]
    public string Output { get; init; } = "-";

    [CommandOption("--input-format <FORMAT>")]
    [Description("tsv, tsv-escaped, tsv-quoted (as pandas writes TSV), csv, jsonl, text or fasttext (default: from the input's extension, else the pipeline's input format, else text).")]
    public string? InputFormat { get; init; }

    [CommandOption("--output-format <FORMAT>")]
    [Description("tsv, tsv-escaped, tsv-quoted (as pandas writes TSV), csv, jsonl, text or fasttext (default: from the output's extension; a name without one, and standard output, get the input format; an extension that names no format, such as .gz, is refused).")]
    public string? OutputFormat { get; init; }

    public override ValidationResult Validate()
    {
        foreach (string? format in new[] { InputFormat, OutputFormat })
        {
            if (format is not null && CorpusFormats.Parse(format) is null)
            {
                return ValidationResult.Error($"format '{format}' is not one of {string.Join(", ", CorpusFormats.Names)}.");
            }
        }

        return base.Validate();
    }
}

internal sealed class AugmentCommand : Command<AugmentSettings>
{
    public override int Execute(CommandContext context, AugmentSettings settings, CancellationToken cancellationToken)
    {
        var run = new RunSettings
        {
            InputPath = settings.Input,
            OutputPath = settings.Output,
            InputFormat = settings.InputFormat is null ? null : CorpusFormats.Parse(settings.InputFormat),
            InputFormatSetting = "--input-format",
            OutputFormat = settings.OutputFormat is null ? null : CorpusFormats.Parse(settings.OutputFormat),
            Threads = settings.Threads,
            Shard = RunCommand.ParseShard(settings.Shard),
            Ids = RunCommand.ParseIds(settings.Ids),
        };
        Pipeline pipeline = Pipeline.Load(settings.Pipeline, requireInputOutput: false, run);
        RunCommand.Warn(pipeline);
        // The files this command reads: -i, the pipeline, and what its stages read (not input.path, output.path or the train
        // section's files, which augment does not use).
        FileIdentity.EnsureOutputs([("--output", settings.Output)],
            [("--input", settings.Input), ("the pipeline file", settings.Pipeline), .. pipeline.Reads.Where(r => r.Use == PipelineFileUse.Augment).Select(r => (r.Role, (string?)r.Path))]);
        if (settings.OutputFormat is null && settings.Output != "-" && settings.Output != pipeline.Output?.Path
            && CorpusFormats.UnknownExtension(settings.Output, "--output-format") is { } unknown)
        {
            // Else the input's format would be written under a name that says otherwise (x.jsonl.gz holding plain TSV).
            throw new UsageException($"--output {settings.Output}: {unknown} Nothing was written.");
        }

        return Runner.Run(pipeline, settings, run, settings.Output);
    }
}

/// <summary>Runs a pipeline with progress on standard error: a bar on a terminal, a line every few seconds otherwise.</summary>
internal static class Runner
{
    public static int Run(Pipeline pipeline, RunSettingsBase settings, RunSettings run, string outputPath)
    {
        string inputPath = run.InputPath ?? pipeline.Input!.Path;
        long total = File.Exists(inputPath) ? new FileInfo(inputPath).Length : 0; // a missing file or a folder: the reader says which
        AugmentSummary summary;
        if (settings.NoProgress)
        {
            summary = PipelineRunner.Run(pipeline, run);
        }
        else if (!Console.IsErrorRedirected)
        {
            using var cursor = CursorGuard.Install();
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            summary = console.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .Start(ctx =>
                {
                    ProgressTask task = ctx.AddTask("augmenting", maxValue: Math.Max(1, total));
                    task.IsIndeterminate = total == 0;
                    var progress = new Reporter<AugmentProgress>(p =>
                    {
                        task.Value = p.BytesDone;
                        task.Description = $"{Plural.Count(p.Rows, "row")} · {Rate(p.Rows, p.Elapsed)} rows/s";
                    });
                    AugmentSummary result = PipelineRunner.Run(pipeline, WithProgress(run, progress));
                    task.Value = task.MaxValue;
                    task.StopTask();
                    return result;
                });
        }
        else
        {
            long lastLine = 0;
            var progress = new Reporter<AugmentProgress>(p =>
            {
                if (p.Elapsed.TotalMilliseconds - lastLine < 5000)
                {
                    return;
                }

                lastLine = (long)p.Elapsed.TotalMilliseconds;
                string percent = total > 0 ? $"{100.0 * p.BytesDone / total:F0}% " : "";
                Console.Error.WriteLine($"textaugment: {percent}{Plural.Count(p.Examples, "example")}, {Plural.Count(p.Rows, "row")}, {Rate(p.Rows, p.Elapsed)} rows/s");
            });
            summary = PipelineRunner.Run(pipeline, WithProgress(run, progress));
        }

        Console.Error.WriteLine(
            $"textaugment: {Plural.Count(summary.Examples, "example")} → {Plural.Count(summary.Rows, "row")} in {summary.Elapsed.TotalSeconds:F2} s ({Rate(summary.Rows, summary.Elapsed)} rows/s)"
            + (outputPath == "-" ? "" : $" → {Shown(outputPath)}"));
        if (summary.Skipped > 0)
        {
            Console.Error.WriteLine($"textaugment: skipped {Plural.Count(summary.Skipped, "malformed row")} (on_error: skip); the first:");
            foreach (string message in summary.SkippedMessages)
            {
                Console.Error.WriteLine($"  {TerminalText.Visible(message, keepLineBreaks: true)}");
            }
        }

        if (summary.EmptyTexts > 0)
        {
            Console.Error.WriteLine($"textaugment: skipped {Plural.Count(summary.EmptyTexts, "record")} whose text is empty or only white space (in every format they are counted, not written).");
        }

        if (summary.NotWritten is { } notWritten)
        {
            Console.Error.WriteLine($"textaugment: warning: {TerminalText.Visible(notWritten)}");
        }

        if (summary.LooksQuoted > 0)
        {
            Console.Error.WriteLine($"textaugment: warning: {Plural.Count(summary.LooksQuoted, "value")} of the plain tsv output start and end with a quote and double the quotes inside, as pandas quotes a field (a stage made them from the text); they are written as they are, but a plain tsv reader (ours too) takes them for pandas' quoting: to read the output back exactly, write tsv-quoted, csv or jsonl.");
        }

        if (summary.Unlabelled > 0)
        {
            bool one = summary.Unlabelled == 1;
            Console.Error.WriteLine(TerminalText.Visible($"textaugment: warning: {Plural.Count(summary.Unlabelled, "record")} of the input {(one ? "has" : "have")} no label (none, or an empty one), where others have one{(one ? "" : "; the first")}: {summary.FirstUnlabelled}. {(one ? "It is" : "They are")} written without a label, and 'train' refuses a row without one: give {(one ? "it a label, or remove it" : "each a label, or remove them")}, before training on the output."));
        }

        if (summary.Fallbacks > 0)
        {
            Console.Error.WriteLine($"textaugment: {Plural.Count(summary.Fallbacks, "variant")} {(summary.Fallbacks == 1 ? "repeats" : "repeat")} the original or another variant: no distinct text was found in max_attempts tries.");
        }

        return TextAugmentApp.Ok;
    }

    private static RunSettings WithProgress(RunSettings run, IProgress<AugmentProgress> progress) => run with { Progress = progress };

    /// <summary>
    /// A path as the user would type it from here: relative to the current folder when the file is inside it (a pipeline's
    /// paths are resolved against its own folder, so they arrive absolute), else unchanged. <c>-</c> stays <c>-</c>.
    /// </summary>
    internal static string Shown(string path)
    {
        if (path == "-" || !Path.IsPathFullyQualified(path))
        {
            return path;
        }

        string relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative == "." || relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathFullyQualified(relative) ? path : relative;
    }

    private static string Rate(long rows, TimeSpan elapsed) => elapsed.TotalSeconds > 0 ? $"{rows / elapsed.TotalSeconds:N0}" : "-";

}

[ExtraArgumentAdvice("it fits on one corpus per call, and the statistics are written where --output says (textaugment fit-tfidf <INPUT> -o STATS.tsv); to fit on several corpora, join them into one file first")]
internal sealed class FitTfIdfSettings : CommandSettings
{
    [CommandArgument(0, "<INPUT>")]
    [Description("The corpus to fit on (a file, or - for standard input).")]
    public string Input { get; init; } = "";

    [CommandOption("-o|--output <PATH>")]
    [Description("Where to write the statistics (written atomically). Required.")]
    public string? Output { get; init; }

    [CommandOption("--format <FORMAT>")]
    [Description("tsv, tsv-escaped, tsv-quoted (as pandas writes TSV), csv, jsonl, text or fasttext (default: from the input's extension, else text).")]
    public string? Format { get; init; }

    [CommandOption("--text <COLUMN>")]
    [Description("The text column or JSON field (default: text); refused for a text or fasttext corpus, which has no columns.")]
    public string? Text { get; init; }

    [CommandOption("--language <LANG>")]
    [Description("en (default) or zh: zh counts Chinese words as jieba segments them, the words a 'language: zh' pipeline's tfidf stage replaces.")]
    public string Language { get; init; } = "en";

    public override ValidationResult Validate()
    {
        if (Output is null)
        {
            return ValidationResult.Error("--output is required: where to write the statistics, e.g. -o stats.tsv.");
        }

        if (Language is not ("en" or "zh"))
        {
            return ValidationResult.Error($"--language is '{Language}'; it must be en or zh.");
        }

        return Format is not null && CorpusFormats.Parse(Format) is null
            ? ValidationResult.Error($"format '{Format}' is not one of {string.Join(", ", CorpusFormats.Names)}.")
            : ValidationResult.Success();
    }
}

internal sealed class FitTfIdfCommand : Command<FitTfIdfSettings>
{
    public override int Execute(CommandContext context, FitTfIdfSettings settings, CancellationToken cancellationToken)
    {
        CorpusFormat? format = (settings.Format is null ? null : CorpusFormats.Parse(settings.Format))
                               ?? (settings.Input == "-" ? null : CorpusFormats.FromExtension(settings.Input) ?? CorpusFormat.Text);
        FileIdentity.EnsureOutputs(("--output", settings.Output), ("the input", settings.Input));
        if (format is { } given)
        {
            LabelledDataSettings.EnsureColumnsApply([(settings.Input, given)], ("--text", settings.Text, false));
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        using CorpusReader reader = format is { } known
            ? CorpusReader.Open(settings.Input, new CorpusReaderOptions { Format = known, TextColumn = settings.Text ?? "text", Names = LabelledDataSettings.OptionNames })
            : OpenStandardInput(settings.Text);
        TfIdfStatistics statistics = TfIdfStatistics.Fit(reader, Segmenter.ForLanguage(settings.Language));
        statistics.Save(settings.Output!);
        Console.Error.WriteLine($"textaugment: {Plural.Count(statistics.Documents, "example")}, {Plural.Count(statistics.Count, "distinct word")} in {clock.Elapsed.TotalSeconds:F2} s → {settings.Output}");
        return TextAugmentApp.Ok;
    }

    /// <summary>
    /// Standard input in the format its first line shows (<see cref="CorpusFormats.FromContent"/>): a TSV with a header
    /// is read as TSV, not as text whose ids, labels and header would count as words. The bytes looked at are read again.
    /// </summary>
    private static CorpusReader OpenStandardInput(string? givenTextColumn)
    {
        string textColumn = givenTextColumn ?? "text";
        Stream input = FileIdentity.OpenStandardInput();
        byte[] head = new byte[1 << 16];
        int length = 0, read;
        while (length < head.Length && (read = input.Read(head, length, head.Length - length)) > 0)
        {
            length += read;
            if (head.AsSpan(0, length).TrimStart("\r\n"u8).IndexOfAny((byte)'\n', (byte)'\r') >= 0)
            {
                break; // the first line is in
            }
        }

        CorpusFormat format = CorpusFormats.FromContent(head.AsSpan(0, length), textColumn);
        LabelledDataSettings.EnsureColumnsApply([("-", format)], ("--text", givenTextColumn, false));
        Console.Error.WriteLine($"textaugment: <stdin> read as {CorpusFormats.Name(format)}, as its first line shows (give --format to read it otherwise).");
        return CorpusReader.Create(new PrefixedStream(head.AsMemory(0, length), input), "<stdin>", new CorpusReaderOptions { Format = format, TextColumn = textColumn, Names = LabelledDataSettings.OptionNames });
    }
}
