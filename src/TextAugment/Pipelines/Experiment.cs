using System.Globalization;
using System.Text;
using System.Text.Json;
using TextAugment.Augmenters;
using TextAugment.Classification;
using TextAugment.Corpus;

namespace TextAugment.Pipelines;

/// <summary>Mean and sample standard deviation.</summary>
/// <param name="Mean">The mean.</param>
/// <param name="Std">The sample standard deviation; null for one value (undefined).</param>
public readonly record struct MeanStd(double Mean, double? Std)
{
    /// <summary>Of <paramref name="values"/>.</summary>
    public static MeanStd Of(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        double mean = values.Average();
        return values.Count < 2 ? new MeanStd(mean, null) : new MeanStd(mean, Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1)));
    }

    /// <inheritdoc/>
    public override string ToString() => Std is double std ? FormattableString.Invariant($"{Mean:F4} ± {std:F4}") : FormattableString.Invariant($"{Mean:F4} (one seed)");
}

/// <summary>Test scores per seed of one arm of the ablation.</summary>
/// <param name="Rows">Training rows of this arm.</param>
/// <param name="Accuracy">Test accuracy per seed.</param>
/// <param name="MacroF1">Test macro-F1 per seed.</param>
public sealed record AblationArm(int Rows, IReadOnlyList<double> Accuracy, IReadOnlyList<double> MacroF1);

/// <summary>One question of the ablation, answered for accuracy and macro-F1 by paired t-tests over seeds.</summary>
/// <param name="Question">The question in words.</param>
/// <param name="Accuracy">The paired test of test accuracy (first arm − second arm).</param>
/// <param name="MacroF1">The paired test of test macro-F1 (first arm − second arm).</param>
public sealed record AblationComparison(string Question, PairedTTest Accuracy, PairedTTest MacroF1)
{
    /// <summary>Compares <paramref name="first"/> with <paramref name="second"/>, seed by seed.</summary>
    public static AblationComparison Of(string question, AblationArm first, AblationArm second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        return new AblationComparison(question, PairedTTest.Of(first.Accuracy, second.Accuracy), PairedTTest.Of(first.MacroF1, second.MacroF1));
    }

    /// <summary>The answer in one line per metric, e.g. "accuracy +0.67 points (SE 0.33, t = 2.03, df = 4, p = 0.112): not clear".</summary>
    public string Answer()
    {
        string yes = Accuracy.Pairs < 2 ? "not tested (one seed)"
            : Accuracy.Identical && MacroF1.Identical ? "not tested (the same difference in every seed: no spread to test against)"
            : Accuracy.Clear && MacroF1.Clear && Math.Sign(Accuracy.MeanDifference) == Math.Sign(MacroF1.MeanDifference)
            ? (Accuracy.MeanDifference > 0 ? "yes" : "no, it hurts")
            : Accuracy.Clear || MacroF1.Clear ? "mixed" : "no clear effect";
        return $"{Question} {yes}.\n  {Line("accuracy", Accuracy)}\n  {Line("macro-F1", MacroF1)}\n";
    }

    private static string Line(string metric, PairedTTest test)
    {
        if (test.T is not double t)
        {
            return test.Pairs < 2
                ? FormattableString.Invariant($"{metric} {test.MeanDifference * 100:+0.00;-0.00;0.00} points with one seed: nothing to test against (give two or more seeds; five is the default)")
                : test.MeanDifference == 0
                ? FormattableString.Invariant($"{metric} 0.00 points in each of {test.Pairs} seeds: identical across seeds, no difference to test")
                : FormattableString.Invariant($"{metric} {test.MeanDifference * 100:+0.00;-0.00;0.00} points in each of {test.Pairs} seeds: identical across seeds, so no spread to test against (no t-test possible)");
        }

        string p = test.P < 0.001 ? "p < 0.001" : FormattableString.Invariant($"p = {test.P:F3}");
        string clear = test.Clear ? "clear (p < 0.05)" : "not clear (p ≥ 0.05)";
        return FormattableString.Invariant(
            $"{metric} {test.MeanDifference * 100:+0.00;-0.00;0.00} points (SE {test.StandardError.GetValueOrDefault() * 100:F2}, t = {t:F2}, df = {test.DegreesOfFreedom}, {p}): {clear}");
    }
}

/// <summary>
/// The three-arm ablation: the same trainer and seeds on the originals alone, on the augmented corpus, and on
/// a repetition control (each original repeated as many times as it has rows in the augmented corpus: the
/// same rows, epochs and updates, but no new text), scored on the same test set. Two questions, each by a
/// paired t-test over seeds for accuracy and macro-F1: does more training on the same text help (control vs
/// originals), and does the new text help (augmented vs control).
/// </summary>
/// <param name="Seeds">The seeds used, one per run of each arm.</param>
/// <param name="Originals">Trained on the originals alone.</param>
/// <param name="Augmented">Trained on the augmented corpus.</param>
/// <param name="Repetition">Trained on the repetition control.</param>
/// <param name="Consistency">The fourth arm, with <c>train.consistency</c>: the originals with consistency training on the unlabelled text (UDA); else null.</param>
public sealed record Ablation(IReadOnlyList<ulong> Seeds, AblationArm Originals, AblationArm Augmented, AblationArm Repetition, AblationArm? Consistency = null)
{
    /// <summary>
    /// The one file a pipeline's ablation writes, <c>ablation.json</c> in the train.report folder <paramref name="reportDirectory"/>
    /// (its arms' models are scored and dropped, not saved): checked at <c>evaluate.ablation</c> with the run's other outputs.
    /// </summary>
    public static string File(string reportDirectory) => Path.Combine(reportDirectory, "ablation.json");

    /// <summary>Control vs originals: does more training on the same text help?</summary>
    public AblationComparison MoreTraining => AblationComparison.Of("Does more training on the same text help (repetition control vs originals)?", Repetition, Originals);

    /// <summary>Augmented vs control: does the new text help?</summary>
    public AblationComparison NewText => AblationComparison.Of("Does the new text help (augmented vs repetition control)?", Augmented, Repetition);

    /// <summary>Augmented vs originals: the total effect, repetition and new text together.</summary>
    public AblationComparison Total => AblationComparison.Of("Does augmentation help at all (augmented vs originals)?", Augmented, Originals);

    /// <summary>Consistency vs originals: does consistency training on unlabelled text help? Null without the fourth arm.</summary>
    public AblationComparison? ConsistencyGain => Consistency is null ? null
        : AblationComparison.Of("Does consistency training on unlabelled text help (consistency vs originals)?", Consistency, Originals);

    /// <summary>Consistency vs the repetition control: does it beat more training on the same text? Null without the fourth arm.</summary>
    public AblationComparison? ConsistencyOverRepetition => Consistency is null ? null
        : AblationComparison.Of("Does consistency training beat the repetition control (consistency vs repetition control)?", Consistency, Repetition);

    /// <summary>Consistency vs augmented rows: is augmentation better used as a regularizer than as extra rows? Null without the fourth arm.</summary>
    public AblationComparison? ConsistencyOverAugmented => Consistency is null ? null
        : AblationComparison.Of("Is augmentation better used for consistency than as extra rows (consistency vs augmented)?", Consistency, Augmented);

    /// <summary>The answers, each with accuracy and macro-F1 tests (two, or five with the consistency arm).</summary>
    public string Verdict => MoreTraining.Answer() + NewText.Answer()
        + (Consistency is null ? "" : ConsistencyGain!.Answer() + ConsistencyOverRepetition!.Answer() + ConsistencyOverAugmented!.Answer());

    /// <summary>The table of arms, as printed.</summary>
    public string Table()
    {
        var sb = new StringBuilder("                      rows       accuracy           macro-F1\n");
        foreach (var (name, arm) in Arms())
        {
            sb.Append(CultureInfo.InvariantCulture, $"{name,-21} {arm.Rows,-10:N0} {MeanStd.Of(arm.Accuracy),-18} {MeanStd.Of(arm.MacroF1)}\n");
        }

        return sb.ToString();
    }

    /// <summary>As JSON: every arm and seed, and the three paired tests.</summary>
    public string Json() => JsonText.Write(w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("seeds");
        foreach (ulong seed in Seeds)
        {
            w.WriteNumberValue(seed);
        }

        w.WriteEndArray();
        w.WriteStartObject("arms");
        foreach ((string name, AblationArm arm) in Arms())
        {
            w.WriteStartObject(name.Replace(' ', '_'));
            w.WriteNumber("rows", arm.Rows);
            w.WriteNumbers("accuracy", arm.Accuracy);
            w.WriteNumbers("macro_f1", arm.MacroF1);
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteStartObject("tests");
        foreach ((string name, AblationComparison? comparison) in new[] { ("repetition_vs_originals", MoreTraining), ("augmented_vs_repetition", NewText), ("augmented_vs_originals", Total),
                ("consistency_vs_originals", ConsistencyGain), ("consistency_vs_repetition", ConsistencyOverRepetition), ("consistency_vs_augmented", ConsistencyOverAugmented) })
        {
            if (comparison is null)
            {
                continue;
            }

            w.WriteStartObject(name);
            w.WriteString("question", comparison.Question);
            WriteTest(w, "accuracy", comparison.Accuracy);
            WriteTest(w, "macro_f1", comparison.MacroF1);
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteString("verdict", Verdict);
        w.WriteEndObject();
    }, indented: true, relaxed: true);

    private static void WriteTest(Utf8JsonWriter w, string name, PairedTTest t)
    {
        w.WriteStartObject(name);
        w.WriteNumber("mean_difference", t.MeanDifference);
        w.WriteNumberOrNull("standard_error", t.StandardError);
        w.WriteNumberOrNull("t", t.T);
        w.WriteBoolean("identical_across_seeds", t.Identical);
        w.WriteNumber("df", t.DegreesOfFreedom);
        w.WriteNumberOrNull("p", t.P);
        w.WriteBoolean("clear", t.Clear);
        w.WriteEndObject();
    }

    private IEnumerable<(string Name, AblationArm Arm)> Arms() => Consistency is null
        ? [("originals", Originals), ("augmented", Augmented), ("repetition control", Repetition)]
        : [("originals", Originals), ("augmented", Augmented), ("repetition control", Repetition), ("consistency", Consistency)];
}

/// <summary>What the train and evaluate sections produced.</summary>
/// <param name="Report">The training report of the saved model.</param>
/// <param name="ModelPath">Where the model was saved.</param>
/// <param name="Test">Its scores on the test set, or null without one.</param>
/// <param name="Ablation">The ablation, or null.</param>
public sealed record ExperimentResult(TrainingReport Report, string ModelPath, Evaluation? Test, Ablation? Ablation);

/// <summary>
/// Trains on the augmented corpus, evaluates, and runs the ablation. Validation never sees a variant of a
/// training example: examples are split by id before augmentation counts, so the held-out examples'
/// variants are dropped from training and only their originals validate.
/// </summary>
public static class Experiment
{
    /// <summary>
    /// Refuses a pipeline whose train section would write over a file the pipeline reads or writes: the model or a report
    /// file that is the input, the output, the validation or the test file, or any other file it reads
    /// (<see cref="Pipeline.Reads"/>). Call it before the augmentation runs. (That
    /// the model and report can be written at all, <see cref="Pipeline.Load"/> checks at their keys.)
    /// </summary>
    /// <exception cref="OutputIsInputException">Two of those paths are one file.</exception>
    public static void EnsureDistinct(Pipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        if (pipeline.Train is not { } train)
        {
            return;
        }

        List<(string Role, string? Path)> outputs = [("train.model", train.ModelPath), .. TrainingReport.Files(train.ReportDirectory).Select(f => ("a train.report file", (string?)f))];
        if (pipeline.Evaluate?.AblationSeeds > 0)
        {
            outputs.Add(("evaluate.ablation's report", Ablation.File(train.ReportDirectory)));
        }

        (string Role, string? Path)[] inputs =
        [
            ("input.path", pipeline.Input?.Path), ("output.path", pipeline.Output?.Path),
            ("train.validation", train.ValidationPath), ("evaluate.test", pipeline.Evaluate?.TestPath),
            .. pipeline.Reads.Select(r => (r.Role, (string?)r.Path)),
        ];
        FileIdentity.EnsureDistinct(outputs, inputs);
        foreach ((string role, string? path) in outputs)
        {
            foreach ((string inputRole, string? input) in inputs)
            {
                if (path is not null && input is not null && FileIdentity.SamePath(path, input))
                {
                    throw new OutputIsInputException($"{role} '{path}' is the same path as {inputRole} '{input}'; one would overwrite the other. Choose another path.");
                }
            }
        }
    }

    /// <summary>Runs the pipeline's train and evaluate sections (after its augmentation has run).</summary>
    /// <exception cref="ArgumentException">The pipeline has no train section, or no labelled input file.</exception>
    /// <exception cref="OutputIsInputException">The model or a report file is a file the pipeline reads or writes.</exception>
    public static ExperimentResult Run(Pipeline pipeline, IProgress<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        TrainSection train = pipeline.Train ?? throw new ArgumentException($"{pipeline.File}: the pipeline has no train section.", nameof(pipeline));
        if (pipeline.Input is null || pipeline.Input.Path == "-" || pipeline.Output is null)
        {
            throw new ArgumentException($"{pipeline.File}: training needs the input and output to be files.", nameof(pipeline));
        }

        EnsureDistinct(pipeline);
        var labelLines = new Dictionary<string, long>(StringComparer.Ordinal);
        List<Example> originals = TrainingSections.ReadLabelled(pipeline.Input.Path, pipeline.Input, labelLines);
        Trainer.EnsureTrainable(originals, pipeline.Input.Path);
        IReadOnlyList<Example> validation;
        HashSet<string> trainIds;
        if (train.ValidationPath is not null)
        {
            validation = train.Validation is { } file ? TrainingSections.ReadLabelled(file) : TrainingSections.ReadLabelled(train.ValidationPath, pipeline.Input); // not empty: Pipeline.Load checked
            trainIds = [.. originals.Select(e => e.Id)];
        }
        else
        {
            var (kept, held) = Trainer.StratifiedSplit(originals, train.Options.ValidationFraction, new AugmentRandom(train.Options.Seed ^ 0x5EED));
            validation = held;
            trainIds = new HashSet<string>(kept.Select(e => e.Id), StringComparer.Ordinal);
        }

        if (LabelLookalikes.Describe(originals.Select(e => e.Label ?? ""), pipeline.Input.Path, labelLines) is { } lookalikes)
        {
            log?.Report(lookalikes);
        }

        List<Example> allAugmented = [.. ReadOutput(pipeline, originals)];
        List<Example> augmented = allAugmented.Where(e => trainIds.Contains(e.Id)).ToList();
        List<Example> plain = [.. originals.Where(e => trainIds.Contains(e.Id))];
        List<Example>? test = pipeline.Evaluate is null ? null
            : pipeline.Evaluate.Test is { } testFile ? TrainingSections.ReadLabelled(testFile) : TrainingSections.ReadLabelled(pipeline.Evaluate.TestPath, pipeline.Input);
        if (test is not null && LabelLookalikes.Describe(test.Select(e => e.Label ?? ""), pipeline.Evaluate!.TestPath) is { } testLookalikes)
        {
            log?.Report(testLookalikes);
        }

        IReadOnlyList<Example>? validationOrNull = validation.Count > 0 ? validation : null;
        // Held out of the input here (not given as a file): the report says so, with the share when rounding moved it.
        string? heldOutNote = train.ValidationPath is null ? Trainer.HeldOutNote(validation.Count, originals.Count, train.Options.ValidationFraction) : null;

        // refit: after early stopping chose the epochs on the held-out originals, each arm trains again from the start
        // on all its rows (the held-out originals and their variants included) for that many epochs.
        bool refit = train.Options.Refit && train.ValidationPath is null && validationOrNull is not null;
        // With train.consistency the saved model is the consistency arm's (the originals, regularised on the unlabelled
        // text); the augmented corpus and the repetition control are trained without it, as the other arms.
        bool uda = train.Options.Consistency.Enabled;
        TrainerOptions supervised = train.Options with { Consistency = new ConsistencyOptions() };
        // Without early stopping the selection run keeps its last epoch, so the refit equals training on all rows for the
        // configured epochs (byte-identical): the ablation's arms skip the selection run; the saved model keeps it for its
        // validation curves.
        bool stops = train.Options.EarlyStopping.Stops;
        (TextClassifier Model, TrainingReport Report) Fit(List<Example> rows, Func<List<Example>> all, ulong seed, TrainerOptions trainer, bool curves = false)
        {
            // Each training allocates its network (2^20 × 64 floats at the defaults) on the large-object heap, which only a
            // full collection frees: without one between trainings the quickstart's trainings peaked at 4.8 GB RSS, with it at
            // 1.76 GB (/usr/bin/time -v textaugment run pipelines/quickstart.yaml; compacting the large-object heap too: the same).
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true);
            TrainerOptions options = WithSeed(trainer, seed);
            if (refit && !stops && !curves)
            {
                return Trainer.Train(all(), null, options);
            }

            var selected = Trainer.Train(rows, validationOrNull, options, null, heldOutNote);
            return refit ? Trainer.RefitAfter(selected.Report, all(), options) : selected;
        }

        if (Trainer.DescribeUnknownLabels(plain, train.ValidationPath is null ? null : validation, train.ValidationPath ?? "") is { } unknown)
        {
            log?.Report(unknown);
        }

        if (test is { Count: 0 })
        {
            throw CorpusReader.NoExamples(pipeline.Evaluate!.TestPath, "evaluation");
        }

        if (train.UnlabelledNote is not null)
        {
            log?.Report(train.UnlabelledNote);
        }

        // Options without effect were found when the pipeline was read (Pipeline.Warnings, at their keys; validate and run
        // print them); here only what the data decides: a held-out fraction too small to hold any example out.
        if (train.Options.EarlyStopping.Enabled && validation.Count == 0 && train.Options.ValidationFraction > 0)
        {
            log?.Report($"{pipeline.File}: train.early_stopping has no effect: validation.fraction {train.Options.ValidationFraction.ToString(System.Globalization.CultureInfo.InvariantCulture)} holds out no example of this input; give a larger fraction or a validation file. The last epoch is kept.");
        }

        string validating = validation.Count == 0
            ? "without validation (the last epoch is kept)"
            : $"validating on {(train.ValidationPath is null ? Plural.Count(validation.Count, "held-out original") : Plural.Count(validation.Count, "example") + " given")}{(refit ? ", then refitting on all rows" : "")}";
        log?.Report(uda
            ? $"training on {Plural.Count(plain.Count, "original")} with consistency training on {Plural.Count(train.Options.Consistency.Unlabelled.Count, "unlabelled text")}, {validating}"
            : $"training on {Plural.Count(augmented.Count, "augmented row")} ({Plural.Count(plain.Count, "original")}), {validating}");
        var (model, report) = uda ? Fit(plain, () => originals, train.Options.Seed, train.Options, curves: true) : Fit(augmented, () => allAugmented, train.Options.Seed, supervised, curves: true);
        model.Save(train.ModelPath);
        report.Save(train.ReportDirectory);
        Evaluation? score = test is null ? null : Evaluation.Of(model, test);

        Ablation? ablation = null;
        if (test is not null && pipeline.Evaluate!.AblationSeeds > 0)
        {
            List<Example> repetition = RepetitionControl(plain, augmented);
            List<Example> allRepetition = refit ? RepetitionControl(originals, allAugmented) : repetition;
            var seeds = new List<ulong>();
            var scores = new List<Evaluation>[4] { [], [], [], [] };
            for (int k = 0; k < pipeline.Evaluate.AblationSeeds; k++)
            {
                ulong seed = AblationSeed(train.Options.Seed, k);
                log?.Report($"ablation: seed {seed} ({k + 1} of {pipeline.Evaluate.AblationSeeds}): originals, augmented, repetition control{(uda ? ", consistency" : "")}");
                seeds.Add(seed);
                scores[0].Add(Evaluation.Of(Fit(plain, () => originals, seed, supervised).Model, test));
                scores[1].Add(k == 0 && !uda ? score! : Evaluation.Of(Fit(augmented, () => allAugmented, seed, supervised).Model, test));
                scores[2].Add(Evaluation.Of(Fit(repetition, () => allRepetition, seed, supervised).Model, test));
                if (uda)
                {
                    scores[3].Add(k == 0 ? score! : Evaluation.Of(Fit(plain, () => originals, seed, train.Options).Model, test));
                }
            }

            AblationArm Arm(int i, int rows) => new(rows, [.. scores[i].Select(e => e.Accuracy)], [.. scores[i].Select(e => e.MacroF1)]);
            // The rows each arm's kept model was trained on: with a refit, the held-out originals (and their rows) too.
            ablation = new Ablation(seeds, Arm(0, refit ? originals.Count : plain.Count), Arm(1, refit ? allAugmented.Count : augmented.Count),
                Arm(2, allRepetition.Count), uda ? Arm(3, refit ? originals.Count : plain.Count) : null);
            using AtomicOutput output = AtomicOutput.Open(Ablation.File(train.ReportDirectory));
            output.Stream.Write(Encoding.UTF8.GetBytes(ablation.Json()));
            output.Commit();
        }

        return new ExperimentResult(report, train.ModelPath, score, ablation);
    }

    /// <summary>
    /// The ablation's <paramref name="k"/>-th seed (0-based): the run's seed plus k, counted on past the largest seed
    /// (<see cref="TrainerOptions.MaxSeed"/>, 2^63 − 1) from 0, so that every ablation seed is a seed the pipeline accepts.
    /// </summary>
    internal static ulong AblationSeed(ulong seed, int k) => (seed + (ulong)k) % ((ulong)TrainerOptions.MaxSeed + 1);

    /// <summary>
    /// The repetition control: for each row of the augmented corpus, in its order, the original with the same
    /// id; so each original appears as many times as it has rows in the augmented corpus.
    /// </summary>
    /// <exception cref="ArgumentException">An augmented row's id is not among the originals.</exception>
    public static List<Example> RepetitionControl(IReadOnlyList<Example> originals, IReadOnlyList<Example> augmented)
    {
        ArgumentNullException.ThrowIfNull(originals);
        ArgumentNullException.ThrowIfNull(augmented);
        var byId = new Dictionary<string, Example>(StringComparer.Ordinal);
        foreach (Example e in originals)
        {
            byId.TryAdd(e.Id, e);
        }

        var control = new List<Example>(augmented.Count);
        foreach (Example row in augmented)
        {
            control.Add(byId.TryGetValue(row.Id, out Example? original) ? original
                : throw new ArgumentException($"the augmented corpus has a row with id '{row.Id}' that no original has; the repetition control needs every row's original.", nameof(augmented)));
        }

        return control;
    }

    /// <summary>
    /// The augmented corpus the run wrote, each row with its original's id. A fastText file has no ids: there the run wrote
    /// each of <paramref name="originals"/> (the input read as the run read it) as one block of rows, in the input's order,
    /// (keep_original ? 1 : 0) + variants rows each, so row r belongs to original r / block; its label must be that
    /// original's, and the row count the originals' times the block, or the file is not what the run wrote.
    /// </summary>
    /// <exception cref="DataFormatException">A fastText output whose rows do not line up with the originals.</exception>
    private static IEnumerable<Example> ReadOutput(Pipeline pipeline, IReadOnlyList<Example> originals)
    {
        PipelineOutput output = pipeline.Output!;
        using CorpusReader reader = CorpusReader.Open(output.Path, new CorpusReaderOptions { Format = output.Format, IdColumn = "id", LabelColumn = "label", Names = ReaderSettingNames.None });
        if (output.Format != CorpusFormat.FastText)
        {
            foreach (Example e in reader.ReadAll())
            {
                yield return e;
            }

            yield break;
        }

        long block = (pipeline.KeepOriginal ? 1 : 0) + pipeline.Generator.Options.Variants, row = 0;
        string Mismatch(string what) =>
            $"the fasttext output has no ids, so its rows are matched to the input's {Plural.Count(originals.Count, "example")} in order, {block} rows each "
            + $"(keep_original and variants), but {what}; it is not the file this run wrote. Write tsv, csv or jsonl to keep ids.";
        foreach (Example e in reader.ReadAll())
        {
            long index = row / block;
            if (index >= originals.Count || !string.Equals(originals[(int)index].Label, e.Label, StringComparison.Ordinal))
            {
                throw new DataFormatException(output.Path, 0, 0,
                    Mismatch(index >= originals.Count ? "it has more rows" : $"row {row + 1:N0} has the label '{e.Label}' where example '{originals[(int)index].Id}' has '{originals[(int)index].Label}'"));
            }

            row++;
            yield return e with { Id = originals[(int)index].Id };
        }

        if (row != originals.Count * block)
        {
            throw new DataFormatException(output.Path, 0, 0, Mismatch($"it has {Plural.Count(row, "row")}, not {originals.Count * block:N0}"));
        }
    }

    // The validation set is passed in explicitly, so the trainer must not hold out another.
    private static TrainerOptions WithSeed(TrainerOptions options, ulong seed) => options with { Seed = seed, ValidationFraction = 0 };
}
