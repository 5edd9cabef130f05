using System.Globalization;
using System.Text;
using System.Text.Json;
using TextAugment.Augmenters;
using TextAugment.Classification;
using TextAugment.Corpus;

namespace TextAugment.Pipelines;

/// <summary>Mean and sample standard deviation.</summary>
/// <param name="Mean">The mean.</param>
/// <param name="Std">The sample standard deviation (0 for one value).</param>
public readonly record struct MeanStd(double Mean, double Std)
{
    /// <summary>Of <paramref name="values"/>.</summary>
    public static MeanStd Of(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        double mean = values.Average();
        double variance = values.Count < 2 ? 0 : values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1);
        return new MeanStd(mean, Math.Sqrt(variance));
    }

    /// <inheritdoc/>
    public override string ToString() => FormattableString.Invariant($"{Mean:F4} ± {Std:F4}");
}

/// <summary>
/// The ablation: the same trainer and seeds with and without augmentation, scored on the same test set.
/// </summary>
/// <param name="Seeds">The seeds used.</param>
/// <param name="WithAccuracy">Test accuracy per seed, trained on the augmented corpus.</param>
/// <param name="WithoutAccuracy">Test accuracy per seed, trained on the originals only.</param>
/// <param name="WithMacroF1">Test macro-F1 per seed, augmented.</param>
/// <param name="WithoutMacroF1">Test macro-F1 per seed, originals only.</param>
public sealed record Ablation(IReadOnlyList<ulong> Seeds, IReadOnlyList<double> WithAccuracy, IReadOnlyList<double> WithoutAccuracy, IReadOnlyList<double> WithMacroF1, IReadOnlyList<double> WithoutMacroF1)
{
    /// <summary>Per-seed accuracy gain (with − without): mean ± std.</summary>
    public MeanStd AccuracyGain => MeanStd.Of([.. WithAccuracy.Zip(WithoutAccuracy, (a, b) => a - b)]);

    /// <summary>Per-seed macro-F1 gain (with − without): mean ± std.</summary>
    public MeanStd MacroF1Gain => MeanStd.Of([.. WithMacroF1.Zip(WithoutMacroF1, (a, b) => a - b)]);

    /// <summary>A plain answer: did augmentation help, by how much, and how sure.</summary>
    public string Verdict
    {
        get
        {
            MeanStd gain = AccuracyGain;
            int wins = WithAccuracy.Zip(WithoutAccuracy).Count(p => p.First > p.Second);
            double standardError = gain.Std / Math.Sqrt(Math.Max(1, Seeds.Count));
            string direction = gain.Mean > 0 ? "helped" : gain.Mean < 0 ? "hurt" : "made no difference";
            string certainty = Seeds.Count < 2 ? "one seed: no spread to judge by"
                : Math.Abs(gain.Mean) > 2 * standardError ? "more than twice its standard error: a clear effect"
                : "within twice its standard error: not a clear effect";
            return FormattableString.Invariant(
                $"Augmentation {direction}: test accuracy {gain.Mean * 100:+0.00;-0.00} points on average over {Seeds.Count} seeds ({wins} of {Seeds.Count} seeds better; {certainty}).");
        }
    }

    /// <summary>The table, as printed.</summary>
    public string Table()
    {
        var sb = new StringBuilder("                      accuracy           macro-F1\n");
        sb.Append(CultureInfo.InvariantCulture, $"with augmentation     {MeanStd.Of(WithAccuracy),-18} {MeanStd.Of(WithMacroF1)}\n");
        sb.Append(CultureInfo.InvariantCulture, $"without               {MeanStd.Of(WithoutAccuracy),-18} {MeanStd.Of(WithoutMacroF1)}\n");
        sb.Append(CultureInfo.InvariantCulture, $"paired difference     {AccuracyGain,-18} {MacroF1Gain}\n");
        return sb.ToString();
    }

    /// <summary>As JSON.</summary>
    public string Json() => JsonSerializer.Serialize(new
    {
        seeds = Seeds,
        with_augmentation = new { accuracy = WithAccuracy, macro_f1 = WithMacroF1 },
        without_augmentation = new { accuracy = WithoutAccuracy, macro_f1 = WithoutMacroF1 },
        accuracy_gain = new { mean = AccuracyGain.Mean, std = AccuracyGain.Std },
        macro_f1_gain = new { mean = MacroF1Gain.Mean, std = MacroF1Gain.Std },
        verdict = Verdict,
    }, new JsonSerializerOptions { WriteIndented = true });
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
    /// file that is the input, the output, the validation or the test file. Call it before the augmentation runs.
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
            outputs.Add(("the ablation report", Path.Combine(train.ReportDirectory, "ablation.json")));
        }

        (string Role, string? Path)[] inputs =
        [
            ("input.path", pipeline.Input?.Path), ("output.path", pipeline.Output?.Path),
            ("train.validation", train.ValidationPath), ("evaluate.test", pipeline.Evaluate?.TestPath),
        ];
        FileIdentity.EnsureDistinct(outputs, inputs);
        foreach ((string role, string? path) in outputs)
        {
            foreach ((string inputRole, string? input) in inputs)
            {
                if (path is not null && input is not null && input != "-"
                    && string.Equals(FileIdentity.RealPath(path), FileIdentity.RealPath(input), StringComparison.Ordinal))
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
        List<Example> originals = TrainingSections.ReadLabelled(pipeline.Input.Path, pipeline.Input);
        IReadOnlyList<Example> validation;
        HashSet<string> trainIds;
        if (train.ValidationPath is not null)
        {
            validation = TrainingSections.ReadLabelled(train.ValidationPath, pipeline.Input);
            trainIds = [.. originals.Select(e => e.Id)];
        }
        else
        {
            var (kept, held) = Trainer.StratifiedSplit(originals, train.Options.ValidationFraction, new AugmentRandom(train.Options.Seed ^ 0x5EED));
            validation = held;
            trainIds = new HashSet<string>(kept.Select(e => e.Id), StringComparer.Ordinal);
        }

        List<Example> augmented = ReadOutput(pipeline.Output).Where(e => trainIds.Contains(e.Id)).ToList();
        List<Example> plain = [.. originals.Where(e => trainIds.Contains(e.Id))];
        List<Example>? test = pipeline.Evaluate is null ? null : TrainingSections.ReadLabelled(pipeline.Evaluate.TestPath, pipeline.Input);
        IReadOnlyList<Example>? validationOrNull = validation.Count > 0 ? validation : null;

        log?.Report($"training on {augmented.Count:N0} augmented rows ({plain.Count:N0} originals), validating on {validation.Count:N0} held-out originals");
        var (model, report) = Trainer.Train(augmented, validationOrNull, WithSeed(train.Options, train.Options.Seed));
        model.Save(train.ModelPath);
        report.Save(train.ReportDirectory);
        Evaluation? score = test is null ? null : Evaluation.Of(model, test);

        Ablation? ablation = null;
        if (test is not null && pipeline.Evaluate!.AblationSeeds > 0)
        {
            var seeds = new List<ulong>();
            var withAccuracy = new List<double>();
            var withoutAccuracy = new List<double>();
            var withF1 = new List<double>();
            var withoutF1 = new List<double>();
            for (int k = 0; k < pipeline.Evaluate.AblationSeeds; k++)
            {
                ulong seed = train.Options.Seed + (ulong)k;
                log?.Report($"ablation: seed {seed} ({k + 1} of {pipeline.Evaluate.AblationSeeds})");
                Evaluation with = k == 0 ? score! : Evaluation.Of(Trainer.Train(augmented, validationOrNull, WithSeed(train.Options, seed)).Model, test);
                Evaluation without = Evaluation.Of(Trainer.Train(plain, validationOrNull, WithSeed(train.Options, seed)).Model, test);
                seeds.Add(seed);
                withAccuracy.Add(with.Accuracy);
                withoutAccuracy.Add(without.Accuracy);
                withF1.Add(with.MacroF1);
                withoutF1.Add(without.MacroF1);
            }

            ablation = new Ablation(seeds, withAccuracy, withoutAccuracy, withF1, withoutF1);
            using AtomicOutput output = AtomicOutput.Open(Path.Combine(train.ReportDirectory, "ablation.json"));
            output.Stream.Write(Encoding.UTF8.GetBytes(ablation.Json()));
            output.Commit();
        }

        return new ExperimentResult(report, train.ModelPath, score, ablation);
    }

    private static IEnumerable<Example> ReadOutput(PipelineOutput output)
    {
        using CorpusReader reader = CorpusReader.Open(output.Path, new CorpusReaderOptions { Format = output.Format, IdColumn = "id", LabelColumn = "label" });
        foreach (Example e in reader.ReadAll())
        {
            yield return e;
        }
    }

    // The validation set is passed in explicitly, so the trainer must not hold out another.
    private static TrainerOptions WithSeed(TrainerOptions options, ulong seed) => options with { Seed = seed, ValidationFraction = 0 };
}
