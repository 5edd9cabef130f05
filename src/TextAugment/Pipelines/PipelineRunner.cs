using TextAugment.Corpus;

namespace TextAugment.Pipelines;

/// <summary>Settings for one run of a pipeline that the command line may change. Every property has a documented default.</summary>
public sealed record RunSettings
{
    /// <summary>The input path, or <c>-</c>; default: the pipeline's.</summary>
    public string? InputPath { get; init; }

    /// <summary>The input format; default: the pipeline's, else from the input path's extension, else <see cref="CorpusFormat.Text"/>.</summary>
    public CorpusFormat? InputFormat { get; init; }

    /// <summary>
    /// How the caller names the setting of <see cref="InputFormat"/> in messages (a command's <c>--input-format</c>); default:
    /// the pipeline's key, <c>input.format</c>.
    /// </summary>
    public string? InputFormatSetting { get; init; }

    /// <summary>The output path, or <c>-</c>; default: the pipeline's.</summary>
    public string? OutputPath { get; init; }

    /// <summary>The output format; default: the pipeline's, else from the output path's extension, else the input format.</summary>
    public CorpusFormat? OutputFormat { get; init; }

    /// <summary>Worker threads; default: the pipeline's, else the processor count.</summary>
    public int? Threads { get; init; }

    /// <summary>
    /// Only this shard of the input; default: all of it. A file is split by bytes (CSV: by record count); standard input is
    /// taken to be the shard itself. Every shard but the first leaves out the output's header line.
    /// </summary>
    public Shard? Shard { get; init; }

    /// <summary>Where ids come from when the input has none; default: the pipeline's, else <see cref="IdSource.Line"/>.</summary>
    public IdSource? Ids { get; init; }

    /// <summary>Progress reports; default: none.</summary>
    public IProgress<AugmentProgress>? Progress { get; init; }
}

/// <summary>Runs a loaded <see cref="Pipeline"/>: input → stages → output, the output written atomically.</summary>
public static class PipelineRunner
{
    /// <summary>Runs the pipeline.</summary>
    /// <exception cref="ArgumentException">No input or output is given.</exception>
    /// <exception cref="OutputIsInputException">The output is the input file (by device and inode, whatever the spelling).</exception>
    /// <exception cref="DataFormatException">The input is malformed (and the pipeline does not skip bad rows).</exception>
    public static AugmentSummary Run(Pipeline pipeline, RunSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        settings ??= new RunSettings();
        string inputPath = settings.InputPath ?? pipeline.Input?.Path
            ?? throw new ArgumentException($"{pipeline.File}: the pipeline has no input; give one (--input PATH or -).");
        string outputPath = settings.OutputPath ?? pipeline.Output?.Path
            ?? throw new ArgumentException($"{pipeline.File}: the pipeline has no output; give one (--output PATH or -).");
        FileIdentity.EnsureOutputs([("the output", outputPath)], [("the input", inputPath), .. pipeline.Reads.Where(r => r.Use == PipelineFileUse.Augment).Select(r => (r.Role, (string?)r.Path))]);
        if (settings.Shard is not null && inputPath != "-")
        {
            FileIdentity.EnsureRegularFile(inputPath, "input", "a shard seeks to its byte range of the input (a CSV shard reads it twice, once to count its records), so it must be a regular file");
        }


        CorpusReaderOptions readerOptions = ReaderOptions(pipeline.Input, settings, inputPath) with
        {
            PositionUnknown = settings.Shard is { Index: > 1 } part && inputPath == "-"
                ? FormattableString.Invariant($"shard {part.Index}/{part.Count} reads standard input, the part itself, so its lines and bytes count from its own start")
                : null,
        };
        CorpusFormat inputFormat = readerOptions.Format;
        CorpusFormat outputFormat = settings.OutputFormat
            ?? (settings.OutputPath is null || settings.OutputPath == pipeline.Output?.Path ? pipeline.Output?.Format : null)
            ?? (outputPath == "-" ? null : CorpusFormats.FromExtension(outputPath))
            ?? inputFormat;

        Shard? shard = settings.Shard;
        bool byBytes = shard is not null && inputPath != "-" && !CorpusFormats.MayHoldLineBreaks(inputFormat);
        (long Start, long End) bytes = byBytes ? shard!.RangeOf(new FileInfo(inputPath).Length) : default;
        using CorpusReader reader = byBytes ? CorpusReader.OpenSplit(inputPath, readerOptions, bytes.Start, bytes.End) : CorpusReader.Open(inputPath, readerOptions);
        using AtomicOutput output = AtomicOutput.Open(outputPath);
        AugmentSummary summary = CorpusAugmenter.Run(
            reader,
            inputPath == "-" ? null : () => CorpusReader.Open(inputPath, readerOptions),
            pipeline.Generator,
            output.Stream,
            new CorpusAugmentOptions
            {
                KeepOriginal = pipeline.KeepOriginal,
                Threads = settings.Threads ?? pipeline.Threads ?? Environment.ProcessorCount,
                Shard = byBytes || inputPath == "-" ? null : shard,
                WriteHeader = shard is null || shard.Index == 1,
                OutputFormat = outputFormat,
                OutputName = outputPath == "-" ? "<stdout>" : outputPath,
                Progress = settings.Progress,
            });
        output.Commit();
        return summary;
    }

    /// <summary>
    /// How a run reads <paramref name="inputPath"/>: the pipeline's input section's columns, the format from
    /// <see cref="RunSettings.InputFormat"/>, else (when the run names its own input) the path's extension, else the
    /// pipeline's format, else text.
    /// </summary>
    internal static CorpusReaderOptions ReaderOptions(PipelineInput? input, RunSettings settings, string inputPath)
    {
        CorpusReaderOptions baseOptions = input?.Reader ?? new CorpusReaderOptions { Format = CorpusFormat.Text, Names = ReaderSettingNames.Pipeline("input") };
        CorpusFormat format = settings.InputFormat
            ?? (settings.InputPath is null ? baseOptions.Format : (inputPath == "-" ? null : CorpusFormats.FromExtension(inputPath)) ?? baseOptions.Format);
        return baseOptions with
        {
            Format = format,
            Ids = settings.Ids ?? baseOptions.Ids,
            Names = settings.InputFormatSetting is null ? baseOptions.Names : baseOptions.Names with { FormatSetting = settings.InputFormatSetting },
        };
    }
}
