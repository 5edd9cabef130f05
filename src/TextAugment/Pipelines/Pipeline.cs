using TextAugment.Augmenters;
using TextAugment.Corpus;
using TextAugment.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TextAugment.Pipelines;

/// <summary>The input section of a pipeline.</summary>
/// <param name="Path">Full path, or <c>-</c> for standard input.</param>
/// <param name="Reader">How to read it.</param>
public sealed record PipelineInput(string Path, CorpusReaderOptions Reader);

/// <summary>The output section of a pipeline.</summary>
/// <param name="Path">Full path, or <c>-</c> for standard output.</param>
/// <param name="Format">The format.</param>
public sealed record PipelineOutput(string Path, CorpusFormat Format);

/// <summary>
/// A validated pipeline: its input and output, and the augmenter its stages describe, with every
/// resource loaded. Made by <see cref="Load"/>, which reports every mistake before any work starts.
/// </summary>
public sealed class Pipeline
{
    private static readonly string[] TopKeys = ["seed", "language", "segmentation", "threads", "input", "augment", "output", "train", "evaluate"];
    /// <summary>The keys of a section that names a corpus file: <c>input</c>, and <c>train.consistency.unlabelled</c> as a mapping.</summary>
    internal static readonly string[] InputKeys = ["path", "format", "text", "label", "id", "ids", "header", "on_error"];
    private static readonly string[] AugmentKeys = ["variants", "keep_original", "max_attempts", "protect", "stages"];
    private static readonly string[] ProtectKeys = ["stopwords", "words", "patterns", "numbers", "urls", "emails", "negators", "names", "placeholders", "hashtags", "mentions"];
    private static readonly string[] SegmentationKeys = ["hmm", "user_dictionary"];
    private static readonly string[] OutputKeys = ["path", "format"];

    private Pipeline(string file, PipelineInput? input, PipelineOutput? output, VariantGenerator generator, bool keepOriginal, int? threads, TrainSection? train, EvaluateSection? evaluate)
    {
        Train = train;
        Evaluate = evaluate;
        File = file;
        Input = input;
        Output = output;
        Generator = generator;
        KeepOriginal = keepOriginal;
        Threads = threads;
    }

    /// <summary>The pipeline file.</summary>
    public string File { get; }

    /// <summary>The input, or null when the file has none (allowed with <c>requireInputOutput: false</c>).</summary>
    public PipelineInput? Input { get; }

    /// <summary>The output, or null when the file has none.</summary>
    public PipelineOutput? Output { get; }

    /// <summary>The stages, seed, variant count and protection.</summary>
    public VariantGenerator Generator { get; }

    /// <summary>Whether each original is written before its variants.</summary>
    public bool KeepOriginal { get; }

    /// <summary>The classifier to train on the augmented corpus, or null.</summary>
    public TrainSection? Train { get; }

    /// <summary>The test set and ablation, or null.</summary>
    public EvaluateSection? Evaluate { get; }

    /// <summary>The most worker threads a run may ask for (the pipeline's <c>threads</c>, <c>--threads</c>): 1,024.</summary>
    public const int MaxThreads = 1024;

    /// <summary>Worker threads the file asks for, or null for the processor count.</summary>
    public int? Threads { get; }

    /// <summary>
    /// Every file the pipeline reads, each with the key that names it and where: the pipeline file, <c>input.path</c>, every
    /// stage's files (registered stages' too), the protected stop words and segmentation dictionary, and the train and
    /// evaluate sections' files. No run writes over one of them.
    /// </summary>
    public IReadOnlyList<PipelineFile> Reads { get; private init; } = [];

    /// <summary>Reads and validates a pipeline file, loading every resource it names.</summary>
    /// <param name="path">The pipeline file.</param>
    /// <param name="requireInputOutput">Whether the input and output sections are required (false for streaming through <c>textaugment augment</c>).</param>
    /// <param name="run">
    /// The settings of the run the pipeline is loaded for (default: none). With an <see cref="RunSettings.InputPath"/> that
    /// is a file (<c>textaugment augment -i</c>), the <c>tfidf</c> stage without statistics fits on that file, the corpus the
    /// run augments, rather than on the pipeline's <c>input.path</c>.
    /// </param>
    /// <exception cref="PipelineException">The file has mistakes; every one found is listed as <c>file:line:column: message</c>.
    /// With <paramref name="requireInputOutput"/>, a file the run would write (output.path, train.model, a train.report file,
    /// the ablation's report) that is also a file the pipeline reads (<see cref="Reads"/>) or another of its outputs is among them, at the output's key.</exception>
    /// <exception cref="FileNotFoundException">The pipeline file does not exist.</exception>
    public static Pipeline Load(string path, bool requireInputOutput = true, RunSettings? run = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!System.IO.File.Exists(path))
        {
            throw MissingFile.Error(path, "pipeline");
        }

        var d = new Diagnostics(path);
        YamlNode? root = Parse(path, d);
        if (root is null)
        {
            throw new PipelineException(d.Errors);
        }

        YamlFields? top = d.Mapping(root, "pipeline", TopKeys);
        if (top is null)
        {
            throw new PipelineException(d.Errors);
        }

        long? seed = top.Integer("seed", 0, Classification.TrainerOptions.MaxSeed);
        long? threads = top.Integer("threads", 1, MaxThreads);
        PipelineInput? input = ReadInput(top, d, requireInputOutput);
        PipelineOutput? output = ReadOutput(top, d, requireInputOutput);
        // Streaming (textaugment augment) writes -o, never output.path, and reads -i or standard input, never input.path.
        if (requireInputOutput && input is not null && output is not null && input.Path != "-" && input.Path == output.Path)
        {
            d.Add(top.Raw("output")!, $"output.path is the input file ({output.Path}); a run never writes over its input: choose another path.");
        }

        if (requireInputOutput && top.Has("train") && input is not null && FileIdentity.ReadOnce(input.Path) is { } readOnce && PathNode(top.Raw("input")) is { } standardInput)
        {
            d.Add(standardInput, $"input.path is {readOnce}, but the train section reads the input again after augmenting it "
                                 + "(its originals are trained on and validated against), and such a stream can be read only once: give the input as a regular file, "
                                 + "or augment with 'textaugment augment' and train on its output with 'textaugment train'.");
        }

        d.Use = PipelineFileUse.Augment;
        TextAnalysis? analysis = ReadLanguage(top, d);
        PipelineInput? augmented = run?.InputPath is { } runInput && runInput != "-"
            ? new PipelineInput(Path.GetFullPath(runInput), PipelineRunner.ReaderOptions(input, run, runInput))
            : input;
        List<PipelineError> warnings = ColumnsNotUsedByRunInput(top.Raw("input"), input, run, d);
        var (augmenter, options, keepOriginal) = ReadAugment(top, d, (ulong)(seed ?? 0), augmented, augmented == input ? "input.path" : "augment -i", analysis);
        d.Use = PipelineFileUse.Train;
        TrainSection? train = TrainingSections.ReadTrain(top, d, (ulong)(seed ?? 0), input, output, analysis ?? TextAnalysis.English, checkOutputs: requireInputOutput);
        EvaluateSection? evaluate = TrainingSections.ReadEvaluate(top, d, train, input, checkOutputs: requireInputOutput);
        PipelineFile[] reads = [new PipelineFile("the pipeline file", Path.GetFullPath(path), path, 1, 1, PipelineFileUse.Augment), .. d.Reads];
        CheckOverwrites(d, reads, input, output);
        CheckApart(d);
        if (d.Errors.Count > 0 || augmenter is null || options is null)
        {
            throw new PipelineException([.. d.Errors.OrderBy(e => e.Line).ThenBy(e => e.Column)]);
        }

        if (requireInputOutput && train?.UnlabelledPath is { } unlabelled && input is not null && FileIdentity.SameFile(unlabelled, input.Path)
            && reads.FirstOrDefault(r => r.Key.StartsWith("train.consistency.unlabelled", StringComparison.Ordinal)) is { } at)
        {
            // As 'textaugment train --unlabelled' warns: allowed (the idf still counts it), but it adds nothing to learn from.
            warnings.Add(new PipelineError(at.File, at.Line, at.Column,
                $"train.consistency.unlabelled '{unlabelled}' is the training data (input.path '{input.Path}'): consistency training then sees no text the labelled examples lack (UDA's unlabelled text is new, unlabelled examples of the task)."));
        }

        if (requireInputOutput && train is not null)
        {
            warnings.AddRange(train.Warnings);
        }

        return new Pipeline(path, input, output, new VariantGenerator(augmenter, options), keepOriginal, (int?)threads, train, evaluate)
        {
            Reads = reads,
            Warnings = warnings,
        };
    }

    /// <summary>
    /// What the pipeline allows but a run would not do as its author likely meant, each as <c>file:line:column: message</c>
    /// at its key: <c>train.consistency.unlabelled</c> that is the input file (the training data), trainer options
    /// without effect (<see cref="TrainSection.Warnings"/>), and input column keys that <c>augment -i</c>'s format ignores. Empty when loaded with
    /// <c>requireInputOutput: false</c>, which trains nothing. <c>textaugment validate</c> and <c>run</c> print them.
    /// </summary>
    public IReadOnlyList<PipelineError> Warnings { get; private init; } = [];

    /// <summary>
    /// Reports every two of the run's outputs that would get in each other's way: output.path and train.model (files) and the
    /// train.report folder must be different paths, nothing may lie inside a file output (the first written would stop the
    /// other from being made), and a file output may be in the report folder but not be one of the report's own files.
    /// Each clash is reported once, at the later of the two keys in the file, naming the other key and its position.
    /// </summary>
    private static void CheckApart(Diagnostics d)
    {
        // The report is recorded as its files (TrainingReport.Files: each directly in the folder); the folder is their parent.
        var outputs = new List<(PipelineFile At, bool Folder, IReadOnlyList<PipelineFile> Files)>();
        foreach (PipelineFile write in d.Writes)
        {
            if (write.Path == "-")
            {
                continue;
            }

            if (write.Key != "train.report")
            {
                outputs.Add((write, false, [write]));
            }
            else
            {
                int report = outputs.FindIndex(o => o.Folder);
                if (report < 0)
                {
                    outputs.Add((write with { Path = Path.GetDirectoryName(write.Path)! }, true, [write]));
                }
                else
                {
                    outputs[report] = (outputs[report].At, true, [.. outputs[report].Files, write]);
                }
            }
        }

        var reported = new HashSet<(long, long)>(d.Errors.Select(e => (e.Line, e.Column)));
        for (int i = 0; i < outputs.Count; i++)
        {
            for (int j = i + 1; j < outputs.Count; j++)
            {
                var (first, later) = (outputs[i].At.Line, outputs[i].At.Column).CompareTo((outputs[j].At.Line, outputs[j].At.Column)) <= 0
                    ? (outputs[i], outputs[j])
                    : (outputs[j], outputs[i]);
                PipelineFile a = first.At, b = later.At;
                string? clash = null;
                if (FileIdentity.SamePath(a.Path, b.Path))
                {
                    clash = $"is the same path as {a.Key} '{a.Path}' ({a.Location}); one would overwrite the other";
                }
                else if (!first.Folder && FileIdentity.IsInside(b.Path, a.Path))
                {
                    clash = $"would be inside {a.Key} '{a.Path}' ({a.Location}), which the run writes as a file";
                }
                else if (!later.Folder && FileIdentity.IsInside(a.Path, b.Path))
                {
                    clash = $"is written as a file, but {a.Key} '{a.Path}' ({a.Location}) would be inside it";
                }
                else if ((first.Folder ? first.Files : later.Folder ? later.Files : Array.Empty<PipelineFile>()) is { Count: > 0 } reportFiles
                         && reportFiles.FirstOrDefault(r => FileIdentity.SamePath(r.Path, (first.Folder ? b : a).Path)) is { } reportFile)
                {
                    clash = first.Folder
                        ? $"is the same path as the train.report file '{reportFile.Path}' ({a.Location}); one would overwrite the other"
                        : $"is a folder whose file '{reportFile.Path}' is {a.Key} '{a.Path}' ({a.Location}); one would overwrite the other";
                }

                if (clash is not null && reported.Add((b.Line, b.Column)))
                {
                    d.Add(b.Line, b.Column, $"{b.Key} '{b.Path}' {clash}: choose paths that are apart.");
                }
            }
        }
    }

    /// <summary>
    /// Reports, at its key, every file the run writes (<see cref="Diagnostics.Writes"/>: output.path, train.model, the
    /// train.report files, evaluate.ablation's ablation.json) that is one of <paramref name="reads"/> (the pipeline file, the input, every stage's files, the
    /// protection and segmentation files, the train and evaluate files), by device and inode or by fully resolved path.
    /// (Outputs against each other: <see cref="CheckApart"/>.)
    /// </summary>
    private static void CheckOverwrites(Diagnostics d, IReadOnlyList<PipelineFile> reads, PipelineInput? input, PipelineOutput? output)
    {
        var reported = new HashSet<PipelineFile>();
        var reportedInside = new HashSet<(long, long)>(); // once for the report folder, not for each of its files
        for (int i = 0; i < d.Writes.Count; i++)
        {
            PipelineFile write = d.Writes[i];
            if (write.Path == "-")
            {
                continue;
            }

            foreach (PipelineFile read in reads)
            {
                bool reportedAbove = write.Key == "output.path" && read.Key == "input.path" && input?.Path == output?.Path;
                if (!reportedAbove && FileIdentity.SamePath(write.Path, read.Path)
                    && reported.Add(write))
                {
                    d.Add(write.Line, write.Column,
                        $"{write.Key} '{write.Path}' is the same file as {read.Key} '{read.Path}' ({read.Location}), which the pipeline reads; "
                        + "a run never writes over a file it reads: choose another path.");
                }
                else if (!reportedAbove && !Directory.Exists(read.Path) && FileIdentity.IsInside(write.Path, read.Path) && reportedInside.Add((write.Line, write.Column)))
                {
                    // A folder the run makes for an output (the train.report folder, an output's parent) where the pipeline
                    // reads a file, even one read only if it exists (a model's config.json): made, it breaks every later run.
                    string folder = Path.GetDirectoryName(write.Path)!;
                    d.Add(write.Line, write.Column, write.Key == "train.report" && FileIdentity.SamePath(folder, read.Path)
                        ? $"train.report is the folder '{folder}', the same path as {read.Key} '{read.Path}' ({read.Location}), which the pipeline reads; "
                          + "a run never makes a folder where a file it reads is: choose another path."
                        : $"{write.Key} '{write.Path}' would be inside {read.Key} '{read.Path}' ({read.Location}), which the pipeline reads as a file; "
                          + "a run never makes a folder where a file it reads is: choose another path.");
                }
            }

        }
    }

    /// <summary>The value of <c>path</c> in the mapping <paramref name="section"/>, if it has one.</summary>
    private static YamlNode? PathNode(YamlNode? section) => Diagnostics.Child(section, "path");

    private static YamlNode? Parse(string path, Diagnostics d)
    {
        string? text = null;
        try
        {
            text = YamlGuard.Read(path, d);
            if (text is null)
            {
                return null;
            }

            using var reader = new StringReader(text);
            var stream = new YamlStream();
            stream.Load(new AliasExpandingParser(new YamlDotNet.Core.Parser(reader))); // mistakes in an aliased value at its use
            if (stream.Documents.Count == 0)
            {
                d.Add(1, 1, "the pipeline file is empty; it needs at least 'augment: { stages: [...] }' (see pipelines/quickstart.yaml).");
                return null;
            }

            return stream.Documents[0].RootNode;
        }
        catch (YamlException error)
        {
            string message = (error.InnerException?.Message ?? error.Message).Trim();
            if (text is not null && message.Contains("tab", StringComparison.OrdinalIgnoreCase)
                && YamlGuard.FindTabIndentation(text, error.Start.Line) is { } tab)
            {
                // YamlDotNet places this error at the start of the enclosing mapping, often line 1; the tab is what to fix.
                d.Add(tab.Line, tab.Column, "a tab in the indentation; YAML forbids tabs there: indent with spaces, not tabs.");
                return null;
            }

            d.Add(error.Start.Line, error.Start.Column, $"not valid YAML: {message}");
            return null;
        }
        catch (InvalidOperationException error)
        {
            // YamlDotNet's scanner can fail this way on some truncated documents; it gives no position.
            d.Add(1, 1, $"not valid YAML: the parser stopped ({error.Message}); check for an unclosed bracket or quote.");
            return null;
        }
    }

    private static PipelineInput? ReadInput(YamlFields top, Diagnostics d, bool required)
    {
        if (!top.Has("input"))
        {
            if (required)
            {
                top.Missing("input", "{ path: data/train.tsv }");
            }

            return null;
        }

        YamlFields? f = d.Mapping(top.Raw("input"), "input", InputKeys);
        return f is null ? null : ReadCorpusSection(f, required, new CorpusReaderOptions(), orElse: null, standardStream: true);
    }

    /// <summary>
    /// Reads a section that names a corpus file by <see cref="InputKeys"/> (path, format, text, label, id, ids, header,
    /// on_error): <c>input</c>, and <c>train.consistency.unlabelled</c> given as a mapping. Mistakes are reported at the
    /// section's keys (<see cref="YamlFields.What"/> names it). What the section leaves out comes from
    /// <paramref name="inherited"/>: the reader's defaults for the input, the input section's columns for the unlabelled file.
    /// </summary>
    /// <param name="f">The section.</param>
    /// <param name="required">Whether the path is required and must exist (false: streaming through <c>textaugment augment</c>).</param>
    /// <param name="inherited">The columns, header, ids and row-error mode the section does not name.</param>
    /// <param name="orElse">The format when neither the format key nor the extension gives one (null: that is a mistake).</param>
    /// <param name="standardStream">Whether the path may be <c>-</c>, standard input (only input.path).</param>
    /// <param name="example">A path to show when the required path is missing.</param>
    internal static PipelineInput? ReadCorpusSection(YamlFields f, bool required, CorpusReaderOptions inherited, CorpusFormat? orElse, bool standardStream = false, string example = "data/train.tsv")
    {
        // Streaming (textaugment augment) reads standard input unless -i names a file, so there the path may be left out,
        // and need not exist yet (-i replaces it; a run that does read it says so when it opens it).
        string? path = f.Path("path", required: required, mustExist: required, example: example, standardStream: standardStream) ?? (required || f.Has("path") ? null : "-");
        CorpusFormat? format = Format(f, path, streaming: !required, orElse);
        bool? header = f.Bool("header");
        string? onError = f.Choice("on_error", ["fail", "skip"]);
        string? ids = f.Choice("ids", IdSources.Names);
        string? text = f.String("text"), label = f.String("label"), id = f.String("id");
        if (path is null || format is null)
        {
            return null;
        }

        string section = f.What;
        Diagnostics d = f.Diagnostics;
        if (header is not null && CorpusFormats.NotApplicable(format.Value, header: true) is { } noHeader)
        {
            d.Add(f.Raw("header")!, $"{section}.header is {(header.Value ? "true" : "false")}, but {noHeader}, so it would be ignored; remove it.");
        }

        if (CorpusFormats.NotApplicable(format.Value, header: false) is { } noColumns)
        {
            // Columns named for a format that has none would be ignored without a word (id: hash read as ids: hash).
            foreach ((string key, string? value) in new[] { ("text", text), ("label", label), ("id", id) })
            {
                if (value is not null)
                {
                    string hint = key == "id" && IdSources.Parse(value) is not null ? $"; did you mean ids: {value} (where ids come from)?" : ".";
                    d.Add(f.Raw(key)!, $"{section}.{key} names a column, but {noColumns}, so it would be ignored; remove it{hint}");
                }
            }
        }
        else if ((text is not null || label is not null) && (text ?? inherited.TextColumn) == (label ?? inherited.LabelColumn ?? "label"))
        {
            // The label would be read as the text too: the model would learn the answer from its input.
            string column = text ?? inherited.TextColumn;
            d.Add(f.Raw(text is not null ? "text" : "label")!, $"{section}.text and {section}.label both name the column '{column}': the label would be part of the text (augmented, and learned from by the classifier); name two different columns.");
        }

        return new PipelineInput(path, inherited with
        {
            Format = format.Value,
            TextColumn = text ?? inherited.TextColumn,
            LabelColumn = label ?? inherited.LabelColumn,
            IdColumn = id ?? inherited.IdColumn,
            HasHeader = header ?? inherited.HasHeader,
            OnError = onError is null ? inherited.OnError : onError == "skip" ? RowErrorMode.Skip : RowErrorMode.Fail,
            Ids = ids is null ? inherited.Ids : IdSources.Parse(ids)!.Value,
            Names = ReaderSettingNames.Pipeline(section),
        });
    }

    /// <summary>
    /// Warnings, one per key at its line and column, for the input section's column keys (<c>text</c>, <c>label</c>,
    /// <c>id</c>, <c>header</c>) when <c>augment -i</c> / <c>--input-format</c> reads its input in a format that has no
    /// use for them: the keys describe the section's own file (<c>input.path</c>), so a pipeline written for a TSV file
    /// is still run on plain text; the warning says they are ignored. Empty otherwise.
    /// </summary>
    private static List<PipelineError> ColumnsNotUsedByRunInput(YamlNode? section, PipelineInput? input, RunSettings? run, Diagnostics d)
    {
        List<PipelineError> warnings = [];
        if (run is null || input is null || section is not YamlMappingNode mapping || (run.InputPath is null && run.InputFormat is null))
        {
            return warnings;
        }

        string runInput = run.InputPath ?? "-";
        CorpusFormat format = PipelineRunner.ReaderOptions(input, run, runInput).Format;
        if (format == input.Reader.Format)
        {
            return warnings; // the section's own format, checked with the section
        }

        foreach (string key in new[] { "text", "label", "id", "header" })
        {
            if (mapping.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? value) && CorpusFormats.NotApplicable(format, key == "header") is { } why)
            {
                warnings.Add(new PipelineError(d.File, value.Start.Line, value.Start.Column,
                    $"input.{key} is ignored: this run's input {(runInput == "-" ? "<stdin>" : runInput)} is read as {CorpusFormats.Name(format)}, and {why}"
                    + $" (the key describes input.path's {CorpusFormats.Name(input.Reader.Format)}; to read this input as that format, give{(run.InputFormatSetting is { } setting ? $" {setting} {CorpusFormats.Name(input.Reader.Format)}" : " its format")})."));
            }
        }

        return warnings;
    }

    private static PipelineOutput? ReadOutput(YamlFields top, Diagnostics d, bool required)
    {
        if (!top.Has("output"))
        {
            if (required)
            {
                top.Missing("output", "{ path: out/augmented.jsonl }");
            }

            return null;
        }

        YamlFields? f = d.Mapping(top.Raw("output"), "output", OutputKeys);
        if (f is null)
        {
            return null;
        }

        string? path = f.Path("path", required: required, mustExist: false, example: "out/augmented.jsonl", standardStream: true) ?? (required || f.Has("path") ? null : "-");
        if (path is not null && required)
        {
            TrainingSections.CheckWritable(f, "path", "output.path", path);
        }

        CorpusFormat? format = Format(f, path, streaming: !required);
        return path is null || format is null ? null : new PipelineOutput(path, format.Value);
    }

    /// <summary>
    /// The section's format: its format key, else the path's extension. A standard stream ('-') has no extension: a run must
    /// name its format, while streaming ('textaugment augment') leaves it to --input-format/--output-format, whose default is text.
    /// </summary>
    private static CorpusFormat? Format(YamlFields f, string? path, bool streaming, CorpusFormat? orElse = null)
    {
        if (f.Has("format"))
        {
            string? name = f.Choice("format", CorpusFormats.Names);
            return name is null ? null : CorpusFormats.Parse(name);
        }

        if (path is null)
        {
            return null;
        }

        if (path == "-" && streaming)
        {
            return CorpusFormat.Text;
        }

        CorpusFormat? fromExtension = (path == "-" ? null : CorpusFormats.FromExtension(path)) ?? orElse;
        if (fromExtension is null)
        {
            f.Error("path", $"{f.What}: the format cannot be told from '{Path.GetFileName(path)}'; add format: {string.Join(" | ", CorpusFormats.Names)}.");
        }

        return fromExtension;
    }

    private static (Augmenter?, VariantOptions?, bool) ReadAugment(YamlFields top, Diagnostics d, ulong seed, PipelineInput? input, string inputKey, TextAnalysis? analysis)
    {
        if (!top.Has("augment"))
        {
            top.Missing("augment", "{ variants: 4, stages: [ { random_swap: {} } ] }");
            return (null, null, true);
        }

        YamlFields? f = d.Mapping(top.Raw("augment"), "augment", AugmentKeys);
        if (f is null)
        {
            return (null, null, true);
        }

        long? variants = f.Integer("variants", 1, 1000);
        long? attempts = f.Integer("max_attempts", 1, 1000);
        bool? keepOriginal = f.Bool("keep_original");
        Protection? protection = ReadProtection(f, d, analysis ?? TextAnalysis.English);
        var context = new StageContext(d, new ResourceCache(), input, top.Has("input") || inputKey != "input.path", analysis ?? TextAnalysis.English, inputKey);
        IReadOnlyList<Augmenter>? stages = null;
        if (!f.Has("stages"))
        {
            f.Missing("stages", "[ { synonym: { dictionary: ../dictionaries/en-wordnet.tsv } } ]", top.Raw("augment"));
        }
        else
        {
            stages = StageCatalog.BuildList(f.Raw("stages"), context, "augment.stages");
        }

        if (stages is null || protection is null || analysis is null)
        {
            return (null, null, true);
        }

        var defaults = new VariantOptions();
        var options = new VariantOptions
        {
            Variants = (int)(variants ?? defaults.Variants),
            MaxAttempts = (int)(attempts ?? defaults.MaxAttempts),
            Seed = seed,
            Protection = protection,
            Segmenter = analysis.Segmenter,
        };
        return (stages.Count == 1 ? stages[0] : Augment.Sequence(stages), options, keepOriginal ?? true);
    }

    /// <summary>
    /// The top-level <c>language</c>: <c>en</c> (the default) or <c>zh</c>, as the <see cref="TextAnalysis"/> it selects; with zh,
    /// <c>segmentation: { hmm: true, user_dictionary: PATH }</c> (jieba's <c>word [freq] [pos]</c> lines) adjusts its segmenter.
    /// </summary>
    private static TextAnalysis? ReadLanguage(YamlFields top, Diagnostics d)
    {
        string? language = top.String("language");
        if (language is not (null or "en" or "zh"))
        {
            d.Add(top.Raw("language")!, $"language: '{language}' is not supported; expected en (the default) or zh.");
            return null;
        }

        TextAnalysis analysis = TextAnalysis.For(language ?? "en");
        if (!top.Has("segmentation"))
        {
            return analysis;
        }

        YamlFields? f = d.Mapping(top.Raw("segmentation"), "segmentation", SegmentationKeys);
        if (f is null)
        {
            return null;
        }

        if (analysis.Segmenter is not JiebaSegmenter jieba)
        {
            d.Add(top.Raw("segmentation")!, "segmentation applies to Chinese text: add 'language: zh' or remove the segmentation section.");
            return null;
        }

        int before = d.Errors.Count;
        bool? hmm = f.Bool("hmm");
        string? userDictionary = f.Path("user_dictionary", required: false, mustExist: true, example: "my-words.txt");
        if (d.Errors.Count > before)
        {
            return null;
        }

        try
        {
            jieba = userDictionary is null ? jieba : jieba.WithUserDictionary(userDictionary);
        }
        catch (FormatException error)
        {
            d.Add(f.Raw("user_dictionary")!, $"segmentation.user_dictionary: {error.Message}");
            return null;
        }

        return analysis.WithSegmenter(jieba.WithHmm(hmm ?? true));
    }

    /// <summary>
    /// Reads <c>augment.protect</c>; the stop words and negators default to the language's (<paramref name="analysis"/>:
    /// English, or Chinese with <c>language: zh</c>), and protected words are cut into words by its segmenter.
    /// </summary>
    private static Protection? ReadProtection(YamlFields augment, Diagnostics d, TextAnalysis analysis)
    {
        YamlFields? f = d.Mapping(augment.Raw("protect"), "augment.protect", ProtectKeys);
        if (f is null)
        {
            return null;
        }

        int before = d.Errors.Count;
        WordSet? stopWords = analysis.StopWords;
        string? stop = f.String("stopwords");
        if (stop is "none")
        {
            stopWords = null;
        }
        else if (stop is not null and not "default")
        {
            string? path = f.Path("stopwords", required: false, mustExist: true, example: "../dictionaries/stopwords-en.txt");
            try
            {
                stopWords = path is null ? null : WordSet.Load(path);
            }
            catch (DataFormatException error)
            {
                f.Error("stopwords", $"{f.What}.stopwords cannot be read: {error.Message}");
            }
        }

        IReadOnlyList<string> patterns = f.StringList("patterns") ?? [];
        for (int i = 0; i < patterns.Count; i++)
        {
            try
            {
                _ = new System.Text.RegularExpressions.Regex(patterns[i]);
            }
            catch (ArgumentException error)
            {
                YamlNode at = ((YamlSequenceNode)f.Raw("patterns")!).Children[i];
                d.Add(at, $"augment.protect.patterns: '{patterns[i]}' is not a valid .NET regular expression: {error.Message}");
            }
        }

        var defaults = new ProtectionOptions();
        var options = new ProtectionOptions
        {
            StopWords = stopWords,
            Words = f.StringList("words") ?? [],
            Patterns = patterns,
            PatternLocations = patterns.Count == 0 ? [] : [.. ((YamlSequenceNode)f.Raw("patterns")!).Children.Select(n => $"{d.File}:{n.Start.Line}:{n.Start.Column}")],
            Numbers = f.Bool("numbers") ?? defaults.Numbers,
            Urls = f.Bool("urls") ?? defaults.Urls,
            Emails = f.Bool("emails") ?? defaults.Emails,
            Negators = f.Bool("negators") is false ? null : analysis.Negators,
            Names = f.Choice("names", ["keep", "replace"]) switch { "replace" => NamePolicy.Replace, "keep" => NamePolicy.Keep, _ => defaults.Names },
            Placeholders = f.Bool("placeholders") ?? defaults.Placeholders,
            Hashtags = f.Bool("hashtags") ?? defaults.Hashtags,
            Mentions = f.Bool("mentions") ?? defaults.Mentions,
            Segmenter = analysis.Segmenter,
        };
        return d.Errors.Count > before ? null : Protection.Create(options);
    }
}
