using TextAugment.Classification;
using TextAugment.Corpus;
using TextAugment.Text;
using YamlDotNet.RepresentationModel;

namespace TextAugment.Pipelines;

/// <summary>The <c>train</c> section: how to train a classifier on the augmented corpus and where to save it.</summary>
/// <param name="Options">The trainer's options.</param>
/// <param name="ModelPath">Where the model goes.</param>
/// <param name="ReportDirectory">Where report.json, curves.csv and curves.svg go.</param>
/// <param name="ValidationPath">A validation file, or null to hold out <see cref="TrainerOptions.ValidationFraction"/> of the input's examples.</param>
/// <param name="UnlabelledNote">With <c>consistency</c>: what was read as unlabelled text (and whether labels were ignored); else null.</param>
/// <param name="UnlabelledPath">With <c>consistency</c>: the full path of <c>train.consistency.unlabelled</c>; else null.</param>
public sealed record TrainSection(TrainerOptions Options, string ModelPath, string ReportDirectory, string? ValidationPath, string? UnlabelledNote = null, string? UnlabelledPath = null)
{
    /// <summary>How the validation file is read: <c>train.validation</c>'s path with its format and column keys (the input
    /// section's keys; the columns it does not name are the input's). Null without a validation file.</summary>
    public PipelineInput? Validation { get; init; }

    /// <summary>
    /// Trainer options the section sets that have no effect (as <c>textaugment train</c> warns on the command line), each at
    /// its key's value; <see cref="Pipeline.Warnings"/> holds them. Default: none.
    /// </summary>
    public IReadOnlyList<PipelineError> Warnings { get; init; } = [];
}

/// <summary>The <c>evaluate</c> section: a labelled test set and, optionally, the ablation.</summary>
/// <param name="TestPath">The test file (format from its extension; columns as the input's).</param>
/// <param name="AblationSeeds">Seeds for the three-arm ablation (originals, augmented, repetition control), default 5, or 0 for none.</param>
public sealed record EvaluateSection(string TestPath, int AblationSeeds)
{
    /// <summary>How the test file is read: <c>evaluate.test</c> as a path (the input's columns, the format from its extension)
    /// or as a mapping with the input section's keys (path, format, text, label, ...).</summary>
    public PipelineInput? Test { get; init; }
}

/// <summary>Reads the <c>train</c> and <c>evaluate</c> sections.</summary>
internal static class TrainingSections
{
    /// <summary>Keys of <c>train</c> that are not trainer options: paths and the nested sections.</summary>
    private static readonly string[] TrainPathKeys = ["model", "report", "features", "early_stopping", "validation", "consistency"];

    /// <summary>
    /// The part of the train section that has <paramref name="key"/> (<c>train</c>, <c>train.features</c>, ...), from the
    /// one table of trainer options, for a key written in the wrong part; null for a key no part has.
    /// </summary>
    private static string? SectionOf(string key)
    {
        if (key == "vectors")
        {
            return "train.features";
        }

        if (Array.IndexOf(TrainPathKeys, key) >= 0)
        {
            return "train";
        }

        TrainerOption? option = TrainerOptionTable.All.FirstOrDefault(o => TrainerOptionTable.Leaf(o) == key);
        return option is null ? null : option.Name.Contains('.', StringComparison.Ordinal) ? "train." + option.Name[..option.Name.LastIndexOf('.')] : "train";
    }

    /// <summary>
    /// Reads <c>train</c>; with <paramref name="checkOutputs"/> the model and report are checked (and recorded) as files the
    /// run writes: not when streaming through <c>textaugment augment</c>, which trains nothing.
    /// </summary>
    public static TrainSection? ReadTrain(YamlFields top, Diagnostics d, ulong seed, PipelineInput? input, PipelineOutput? output, TextAnalysis analysis, bool checkOutputs)
    {
        if (!top.Has("train"))
        {
            return null;
        }

        YamlFields? f = d.Mapping(top.Raw("train"), "train", [.. TrainPathKeys, .. TrainerOptionTable.InSection("").Select(TrainerOptionTable.Leaf)], SectionOf);
        if (f is null)
        {
            return null;
        }

        int before = d.Errors.Count;
        if (output is { Path: "-" })
        {
            f.Error("train: the augmented corpus must go to a file to be trained on; set output.path to a file.");
        }
        else if (checkOutputs && output is not null && FileIdentity.IsDeviceOrPipe(output.Path))
        {
            f.Error($"train: output.path '{output.Path}' is a device, FIFO or socket, not a regular file: the augmented corpus is read back to be trained on (and train.model and train.report default to beside it); set output.path to a regular file.");
        }
        else if (output is { Format: CorpusFormat.Text })
        {
            f.Error("train: the text output format keeps no labels; write tsv, csv or jsonl to train on it.");
        }
        else if (checkOutputs && input is { Reader.Format: CorpusFormat.Text })
        {
            // Whatever the output's format, a corpus augmented from unlabelled text has no labels to train on: caught here,
            // before the run writes the augmented file and then fails on its first row.
            f.Error($"train: the input is plain text (one text per line, as input.format or the extension of input.path '{Path.GetFileName(input.Path)}' says), which has no labels, so the augmented corpus has none to train on; give labelled input (tsv, csv or jsonl with a label column, or fastText's '__label__NAME text' lines, input.format: fasttext), or remove the train section{(top.Has("evaluate") ? " and the evaluate section" : "")} to only augment.");
        }
        else if (checkOutputs && input is not null && input.Path != "-" && !FileIdentity.IsDeviceOrPipe(input.Path)
                 && CorpusReader.MissingLabelColumn(input.Path, input.Reader, input.Reader.Format) is { } missing)
        {
            // Read from the header (tsv, csv) or the first object (jsonl) now, so that the run does not write the augmented
            // corpus and then fail when it reads the input's labels; standard input, and a label missing only from a later
            // object, are found when the run reads them.
            f.Error($"train: the input has no labels to train on: {missing.Message} (Or remove the train section{(top.Has("evaluate") ? " and the evaluate section" : "")} to only augment.)");
        }

        string outputDirectory = output is null || output.Path == "-" ? d.BaseDirectory : Path.GetDirectoryName(output.Path)!;
        string model = f.Path("model", required: false, mustExist: false, example: "out/model.tam") ?? Path.Combine(outputDirectory, "model.tam");
        string report = f.Path("report", required: false, mustExist: false, example: "out/report") ?? Path.Combine(outputDirectory, "report");
        // Reported here, at their keys and with the pipeline's other mistakes, rather than when the run reaches them.
        if (checkOutputs)
        {
            CheckWritable(f, "model", "train.model", model);
            foreach (string file in TrainingReport.Files(report))
            {
                if (!CheckWritable(f, "report", "train.report", file))
                {
                    break;
                }
            }
        }

        var options = new TrainerOptions { Seed = seed };
        options = ReadOptions(f, "", options);
        YamlFields? features = d.Mapping(f.Raw("features"), "train.features", [.. TrainerOptionTable.InSection("features").Select(TrainerOptionTable.Leaf), "vectors"], SectionOf);
        YamlFields? stopping = d.Mapping(f.Raw("early_stopping"), "train.early_stopping", [.. TrainerOptionTable.InSection("early_stopping").Select(TrainerOptionTable.Leaf)], SectionOf);
        YamlFields? validation = d.Mapping(f.Raw("validation"), "train.validation", [.. TrainerOptionTable.InSection("validation").Select(TrainerOptionTable.Leaf), .. Pipeline.InputKeys], SectionOf);
        options = ReadOptions(features, "features", options);
        options = ReadOptions(stopping, "early_stopping", options);
        options = ReadOptions(validation, "validation", options);
        if (TrainerOptionTable.CheckCombined(options, o => "train." + o.Name) is { } combined)
        {
            // At the first of the keys involved that the pipeline sets (a default one is not in the file).
            bool reported = false;
            foreach (TrainerOption option in combined.Options)
            {
                YamlFields? at = option.Name.StartsWith("features.", StringComparison.Ordinal) ? features : f;
                if (at is not null && at.Has(TrainerOptionTable.Leaf(option)))
                {
                    at.Error(TrainerOptionTable.Leaf(option), combined.Message);
                    reported = true;
                    break;
                }
            }

            if (!reported)
            {
                f.Error(combined.Message);
            }
        }

        var (consistency, unlabelledNote, unlabelledPath) = ReadConsistency(f, d, options, analysis, input);
        options = consistency ?? options;
        options = options with { Features = options.Features with { Segmenter = analysis.Segmenter } };
        Vectors.WordVectors? vectors = features is null ? null : ReadVectors(features, options.Features);
        PipelineInput? validationFile = validation is null ? null : ReadHeldOut(validation, "path", input, "data/valid.tsv");
        string? validationPath = validationFile?.Path;
        if (validationPath is not null && validation!.Has("fraction"))
        {
            validation.Error("path", "train.validation: give either fraction (held out of the input) or path (a validation file), not both.");
        }
        else if (validationPath is not null)
        {
            CheckHasExamples(validation!, "path", "train.validation.path", validationFile!, "validation");
            CheckHeldOut(validation!, "path", "train.validation.path", validationPath, input?.Path, "input.path",
                "validating on the training data measures how well the model remembers it (and the variants of every validation example would be trained on); give a held-out file, or fraction: 0.1 to hold out part of the input");
            CheckHeldOut(validation!, "path", "train.validation.path", validationPath, unlabelledPath, "train.consistency.unlabelled",
                "consistency training would learn from the validation texts (their labels ignored, but their words and views trained on), so early stopping would choose its epoch on text the model trained on; give separate unlabelled and validation files");
        }

        if (d.Errors.Count > before)
        {
            return null;
        }

        return new TrainSection(options with { InitialVectors = vectors }, model, report, validationPath, unlabelledNote, unlabelledPath)
        {
            Validation = validationFile,
            Warnings = TrainerWarnings(d, options, f, features, stopping, validation, validationPath),
        };
    }

    /// <summary>
    /// The trainer options the file sets that the rest make idle (<see cref="TrainerOptionTable.WithoutEffect"/>; set means
    /// written in the file, whatever the value), and early stopping without validation data, each at the value of the first
    /// key involved that the file sets: what <c>textaugment train</c> warns about on the command line.
    /// </summary>
    private static List<PipelineError> TrainerWarnings(Diagnostics d, TrainerOptions options, YamlFields f, YamlFields? features, YamlFields? stopping, YamlFields? validation, string? validationPath)
    {
        YamlFields? Section(TrainerOption option) => option.Name.IndexOf('.', StringComparison.Ordinal) is int dot and > 0
            ? option.Name[..dot] switch { "features" => features, "early_stopping" => stopping, "validation" => validation, _ => null }
            : f;
        YamlNode? consistency = f.Raw("consistency"); // read (and its keys checked) by ReadConsistency: looked into here, not read again
        YamlNode? Value(TrainerOption option) => option.Name.StartsWith("consistency.", StringComparison.Ordinal)
            ? Diagnostics.Child(consistency, TrainerOptionTable.Leaf(option))
            : Section(option)?.Raw(TrainerOptionTable.Leaf(option));
        PipelineError At(YamlNode? node, string message) => node is null
            ? new PipelineError(d.File, f.Node?.Start.Line ?? 1, f.Node?.Start.Column ?? 1, message)
            : new PipelineError(d.File, node.Start.Line, node.Start.Column, message);

        var warnings = new List<PipelineError>();
        foreach (var (involved, message) in TrainerOptionTable.WithoutEffect(options, o => Value(o) is not null, o => "train." + o.Name))
        {
            warnings.Add(At(involved.Select(Value).FirstOrDefault(n => n is not null), message));
        }

        if (options.Consistency.Weight == 0 && Diagnostics.Child(consistency, "stages") is { } stages)
        {
            warnings.Add(At(stages, "train.consistency.stages has no effect with train.consistency.weight 0: there is no consistency loss, so no views are made (the unlabelled texts count only in the idf); give train.consistency.weight above 0 (UDA's text run: 1) for them to apply, or leave them out."));
        }

        if (options.EarlyStopping.Enabled && validationPath is null && options.ValidationFraction == 0)
        {
            warnings.Add(At(Value(TrainerOptionTable.Named("early_stopping.enabled")),
                "train.early_stopping has no effect without validation data (validation.fraction is 0); give train.validation: { fraction: 0.1 } or a validation file. The last epoch is kept."));
        }

        return warnings;
    }

    /// <summary>
    /// train.consistency: <c>unlabelled</c> (required: a text, tsv, csv or jsonl file, read now so that an empty or
    /// unreadable one stops the pipeline before any work), <c>stages</c> (the augment stages that make x̂; default the
    /// tfidf stage fitted on the unlabelled file), and the table's consistency options. <c>unlabelled</c> is a path (the
    /// format from its extension, else text) or a mapping with the input section's keys (<see cref="Pipeline.InputKeys"/>:
    /// path, format, text, label, id, header, ...); either way the columns it does not name are the input section's, and a
    /// label in the run's label column (input.label, else a column named label) is counted and ignored.
    /// </summary>
    private static (TrainerOptions? Options, string? Note, string? Path) ReadConsistency(YamlFields train, Diagnostics d, TrainerOptions options, TextAnalysis analysis, PipelineInput? input)
    {
        if (!train.Has("consistency"))
        {
            return (null, null, null);
        }

        YamlFields? f = d.Mapping(train.Raw("consistency"), "train.consistency",
            [.. TrainerOptionTable.InSection("consistency").Select(TrainerOptionTable.Leaf), "unlabelled", "stages"], SectionOf);
        if (f is null)
        {
            return (null, null, null);
        }

        options = ReadOptions(f, "consistency", options);
        CorpusReaderOptions inherited = input?.Reader ?? new CorpusReaderOptions();
        PipelineInput? source;
        if (f.Raw("unlabelled") is YamlMappingNode)
        {
            YamlFields? section = d.Mapping(f.Raw("unlabelled"), "train.consistency.unlabelled", Pipeline.InputKeys);
            source = section is null ? null : Pipeline.ReadCorpusSection(section, required: true, inherited, orElse: CorpusFormat.Text, example: "data/unlabelled.txt");
        }
        else
        {
            string? file = f.Path("unlabelled", required: true, mustExist: true, example: "data/unlabelled.txt");
            source = file is null ? null : new PipelineInput(file, inherited with
            {
                Format = CorpusFormats.ForUnlabelledFile(file),
                Names = ReaderSettingNames.Pipeline("train.consistency.unlabelled"), // its keys, in the mapping form
            });
        }

        if (source is null)
        {
            return (null, null, null);
        }

        string path = source.Path;
        List<Example> unlabelled;
        int labelled;
        try
        {
            unlabelled = CorpusReader.ReadUnlabelled(path, source.Reader, out labelled, source.Reader.Format);
        }
        catch (Exception error) when (error is DataFormatException or IOException or UnauthorizedAccessException)
        {
            f.Error("unlabelled", $"train.consistency.unlabelled cannot be read: {error.Message}");
            return (null, null, null);
        }

        Augmenters.Augmenter? augmenter = null;
        if (f.Has("stages"))
        {
            var context = new StageContext(d, new ResourceCache(), source, true, analysis, "train.consistency.unlabelled");
            IReadOnlyList<Augmenters.Augmenter>? stages = StageCatalog.BuildList(f.Raw("stages"), context, "train.consistency.stages");
            if (stages is null)
            {
                return (null, null, null);
            }

            augmenter = stages.Count == 1 ? stages[0] : Augmenters.Augment.Sequence(stages);
        }

        string note = ConsistencyOptions.Describe(unlabelled.Count, path, labelled, LabelColumn(source.Reader), fromStages: augmenter is not null, options);
        return (options with { Consistency = options.Consistency.With(unlabelled, augmenter, analysis.Segmenter) }, note, path);
    }

    /// <summary>
    /// Reads every trainer option of <paramref name="section"/> (see <see cref="TrainerOptionTable"/>) present in
    /// <paramref name="f"/> into <paramref name="options"/>; a wrong value is reported at its node with the table's message.
    /// </summary>
    private static TrainerOptions ReadOptions(YamlFields? f, string section, TrainerOptions options)
    {
        if (f is null)
        {
            return options;
        }

        foreach (TrainerOption option in TrainerOptionTable.InSection(section))
        {
            string key = TrainerOptionTable.Leaf(option);
            if (!f.Has(key))
            {
                continue;
            }

            object? value;
            string? error;
            string label = "train." + option.Name;
            if (option.Kind == TrainerOptionKind.IntegerList && f.Raw(key) is YamlScalarNode)
            {
                // The command line's forms, so that the two accept the same values: hidden: 0 or none (no hidden layer),
                // hidden: 64, char_ngrams: "3,5"; TryParse reads them all and names the key in its error.
                if (f.Scalar(key, option.Range) is not { } scalar)
                {
                    continue;
                }

                option.TryParse(scalar, label, out value, out error);
            }
            else if (option.Kind == TrainerOptionKind.IntegerList)
            {
                if (f.StringList(key) is not { } items)
                {
                    continue;
                }

                option.TryParseList(items, label, out value, out error);
            }
            else if (f.Scalar(key, option.Kind switch
                     {
                         TrainerOptionKind.Integer => "a whole number",
                         TrainerOptionKind.Number => "a number",
                         TrainerOptionKind.Bool => "true or false",
                         _ => "one of " + string.Join(", ", option.Choices),
                     }) is { } text)
            {
                option.TryParse(text, label, out value, out error);
            }
            else
            {
                continue;
            }

            if (error is not null)
            {
                f.Error(key, error);
            }
            else if (value is not null)
            {
                options = option.Set(options, value);
            }
        }

        return options;
    }

    /// <summary>
    /// Reads <c>evaluate</c>; with <paramref name="checkOutputs"/> the ablation's report (<see cref="Ablation.File"/>) is
    /// checked and recorded, at <c>evaluate.ablation</c>, as a file the run writes, as train.model and train.report are.
    /// </summary>
    public static EvaluateSection? ReadEvaluate(YamlFields top, Diagnostics d, TrainSection? train, PipelineInput? input, bool checkOutputs)
    {
        if (!top.Has("evaluate"))
        {
            return null;
        }

        YamlFields? f = d.Mapping(top.Raw("evaluate"), "evaluate", "test", "ablation");
        if (f is null)
        {
            return null;
        }

        if (train is null && !top.Has("train"))
        {
            f.Error("evaluate needs a train section: it evaluates the model the pipeline trains.");
        }

        PipelineInput? testFile = null;
        if (f.Raw("test") is YamlMappingNode)
        {
            YamlFields? section = d.Mapping(f.Raw("test"), "evaluate.test", Pipeline.InputKeys);
            testFile = section is null ? null : ReadHeldOut(section, "path", input, "data/test.tsv");
        }
        else if (f.Path("test", required: true, mustExist: true, example: "data/test.tsv") is { } testPath)
        {
            CorpusReaderOptions inherited = input?.Reader ?? new CorpusReaderOptions();
            testFile = new PipelineInput(testPath, inherited with { Format = CorpusFormats.ForLabelledFile(testPath, inherited.Format) });
        }

        string? test = testFile?.Path;
        if (test is not null)
        {
            CheckHasExamples(f, "test", "evaluate.test", testFile!, "evaluation");
            CheckHeldOut(f, "test", "evaluate.test", test, input?.Path, "input.path", "a score on the training data says nothing about new text; give a held-out test file");
            CheckHeldOut(f, "test", "evaluate.test", test, train?.ValidationPath, "train.validation.path", "early stopping would choose its epoch on the test set; give separate validation and test files");
            CheckHeldOut(f, "test", "evaluate.test", test, train?.UnlabelledPath, "train.consistency.unlabelled",
                "consistency training would learn from the test texts (their labels ignored, but their words and views trained on), so the test score would not be on new text; give separate unlabelled and test files");
        }
        int seeds = 0;
        if (f.Has("ablation"))
        {
            YamlFields? a = d.Mapping(f.Raw("ablation"), "evaluate.ablation", "without_augmentation", "seeds");
            bool? without = a?.Bool("without_augmentation");
            long? count = a?.Integer("seeds", 1, 100);
            seeds = without == false ? 0 : (int)(count ?? 5);
            if (checkOutputs && seeds > 0 && train is not null && test is not null)
            {
                CheckWritable(f, "ablation", "evaluate.ablation", Ablation.File(train.ReportDirectory));
            }
        }

        return test is null ? null : new EvaluateSection(test, seeds) { Test = testFile };
    }

    /// <summary>train.features.vectors: word vectors to start the word features from; their size must be the dim.</summary>
    private static Vectors.WordVectors? ReadVectors(YamlFields f, FeatureOptions features)
    {
        string? path = f.Path("vectors", required: false, mustExist: true, example: "../models/en-vectors.bin");
        if (path is null)
        {
            return null;
        }

        try
        {
            Vectors.WordVectors vectors = Vectors.WordVectors.Load(path);
            if (vectors.Dimensions != features.Dimensions)
            {
                f.Error("vectors", $"train.features.vectors has {vectors.Dimensions} dimensions but dim is {features.Dimensions}; set dim: {vectors.Dimensions}.");
                return null;
            }

            return vectors;
        }
        catch (DataFormatException error)
        {
            f.Error("vectors", $"train.features.vectors cannot be read: {error.Message}");
            return null;
        }
    }

    /// <summary>
    /// Reads <paramref name="file"/> (in its format, with its column names) up to its first example while the pipeline is
    /// checked, so that a file that cannot be read or holds no labelled examples is refused before anything runs, not after
    /// the augmented corpus is written.
    /// </summary>
    private static void CheckHasExamples(YamlFields fields, string key, string name, PipelineInput file, string role)
    {
        string path = file.Path;
        if (path == "-")
        {
            return; // standard input is read once, when the run needs it
        }

        try
        {
            if (!CorpusReader.HasLabelledExample(path, file.Reader, file.Reader.Format))
            {
                fields.Error(key, $"{name}: {CorpusReader.NoExamples(path, role).Message}");
            }
        }
        catch (Exception error) when (error is DataFormatException or IOException or UnauthorizedAccessException)
        {
            fields.Error(key, $"{name} cannot be read: {error.Message}");
        }
    }

    /// <summary>
    /// Reports, at <paramref name="key"/> (or at the section when the path is a default), a path the run could not write:
    /// <see cref="AtomicOutput.EnsureWritable"/>. False when it was reported.
    /// </summary>
    internal static bool CheckWritable(YamlFields fields, string key, string name, string path)
    {
        fields.Diagnostics.Wrote(name, path, fields.Has(key) ? fields.Raw(key) : fields.Node);
        try
        {
            AtomicOutput.EnsureWritable(name, path);
            return true;
        }
        catch (UnwritableOutputException unwritable)
        {
            if (fields.Has(key))
            {
                fields.Error(key, unwritable.Message);
            }
            else
            {
                fields.Error(unwritable.Message);
            }

            return false;
        }
    }

    /// <summary>Refuses a held-out file (validation or test) that is <paramref name="otherName"/>'s file, whatever the spelling or link.</summary>
    private static void CheckHeldOut(YamlFields fields, string key, string name, string path, string? other, string otherName, string why)
    {
        if (other is not null && FileIdentity.SamePath(path, other))
        {
            fields.Error(key, $"{name} '{path}' is the same file as {otherName} '{other}': {why}.");
        }
    }

    /// <summary>The column or field labels are read from with <paramref name="reader"/>, for a message; null for a format without columns.</summary>
    internal static string? LabelColumn(CorpusReaderOptions reader) =>
        reader.Format is CorpusFormat.Text or CorpusFormat.FastText ? null : reader.LabelColumn ?? "label";

    /// <summary>Reads a labelled file with the input section's column names, the format from its extension.</summary>
    public static List<Example> ReadLabelled(string path, PipelineInput? input) => CorpusReader.ReadLabelled(path, input?.Reader);

    /// <summary>As <see cref="ReadLabelled(string, PipelineInput?)"/>, filling <paramref name="labelLines"/> with the line where each label first appears.</summary>
    internal static List<Example> ReadLabelled(string path, PipelineInput? input, Dictionary<string, long> labelLines) =>
        CorpusReader.ReadLabelled(path, input?.Reader, out _, format: null, labelLines);

    /// <summary>Reads a held-out file (validation or test) as <see cref="ReadHeldOut"/> described it: its format and columns.</summary>
    public static List<Example> ReadLabelled(PipelineInput file) => CorpusReader.ReadLabelled(file.Path, file.Reader, out _, file.Reader.Format);

    /// <summary>
    /// A held-out labelled file given as a mapping with the input section's keys (<see cref="Pipeline.InputKeys"/>, one
    /// definition: <see cref="Pipeline.ReadCorpusSection"/>): <c>train.validation</c> (beside its fraction and options) or
    /// <c>evaluate.test</c>. The columns it does not name are the input's; the format is its <c>format</c> key, else as a
    /// labelled file's (the extension, else the input's format; a text file of <c>__label__</c> lines is fastText). Null
    /// without a path (then a column key is a mistake: it would describe no file) or when a key is wrong (reported).
    /// </summary>
    private static PipelineInput? ReadHeldOut(YamlFields section, string key, PipelineInput? input, string example)
    {
        CorpusReaderOptions inherited = input?.Reader ?? new CorpusReaderOptions();
        if (!section.Has(key))
        {
            foreach (string column in Pipeline.InputKeys.Where(k => k != key && section.Has(k)))
            {
                section.Error(column, $"{section.What}.{column} describes the {section.What} file, but {section.What} has no {key}; give {key}: {example}, or remove {column}.");
            }

            return null;
        }

        PipelineInput? file = Pipeline.ReadCorpusSection(section, required: true, inherited, orElse: inherited.Format, example: example);
        if (file is null)
        {
            return null;
        }

        CorpusFormat format = section.Has("format") ? file.Reader.Format : CorpusFormats.ForLabelledFile(file.Path, inherited.Format);
        return file with { Reader = file.Reader with { Format = format } };
    }
}
