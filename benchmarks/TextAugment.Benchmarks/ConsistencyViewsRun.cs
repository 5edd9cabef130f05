using System.Diagnostics;
using System.Globalization;
using TextAugment;
using TextAugment.Augmenters;
using TextAugment.Classification;
using TextAugment.Corpus;
using TextAugment.Pipelines;

/// <summary>
/// Where consistency training's time goes, on one thread, in one process: fitting the default tfidf view maker; whole
/// training runs (the trainer's defaults, with a refit, as <c>textaugment train --hidden 0</c>) with
/// <c>consistency.views</c> 0 (on the fly) and each K given, alternated over the repetitions; the unlabelled side of
/// a selection run alone (the trainer's stream: originals featurized, views made, the epochs' draws served); and,
/// warm, one view of every unlabelled example, augmenting and featurizing apart. CPU seconds of the
/// process (on a shared machine wall time is not the work done). benchmarks/classifier/views.py times the same
/// comparison through the command line.
/// </summary>
internal static class ConsistencyViewsRun
{
    public static void Run(string labelledPath, string unlabelledPath, int ratio, int[] views, int repetitions)
    {
        List<Example> labelled = TrainingSections.ReadLabelled(labelledPath, null);
        List<Example> unlabelled = CorpusReader.ReadUnlabelled(unlabelledPath, null, out _);
        var options = new TrainerOptions { Hidden = [], Seed = 1 };
        Console.WriteLine(FormattableString.Invariant($"{labelled.Count:N0} labelled, {unlabelled.Count:N0} unlabelled, ratio {ratio}, views {string.Join(",", views)}, {repetitions} repetitions; CPU seconds, one thread"));

        var augmenter = Measure("fit the tfidf view maker", () => ConsistencyOptions.DefaultAugmenter(unlabelled, options.Features.Segmenter));

        ConsistencyOptions consistency = options.Consistency.With(unlabelled, augmenter, options.Features.Segmenter) with { Ratio = ratio, Threads = 1 };
        int[] arms = [0, .. views];
        var seconds = arms.ToDictionary(k => k, _ => new List<double>());
        var epochs = new Dictionary<int, (int Selection, int Refit)>();
        for (int r = 0; r < repetitions; r++)
        {
            for (int a = 0; a < arms.Length; a++)
            {
                int k = arms[(a + r) % arms.Length];
                TrainerOptions o = options with { Consistency = consistency with { Views = k } };
                double start = Cpu();
                var (_, report) = Trainer.Train(labelled, null, o);
                seconds[k].Add(Cpu() - start);
                epochs[k] = (report.Epochs.Count, report.RefitEpochs ?? 0);
            }
        }

        // The unlabelled side alone, as the selection run uses it (the trainer's own stream: views made, draws served).
        int trainRows = labelled.Count - (int)Math.Round(labelled.Count * options.ValidationFraction);
        foreach (int k in arms)
        {
            var side = new List<double>();
            for (int r = 0; r < repetitions; r++)
            {
                double start = Cpu();
                ConsistencyOptions arm = consistency with { Views = k };
                var stream = new UnlabelledStream(arm, UnlabelledStream.Featurize(arm, options.Features), options.Features, options.Seed);
                for (int e = 1; e <= epochs[k].Selection; e++)
                {
                    stream.Epoch(e, ratio * trainRows);
                }

                side.Add(Cpu() - start);
            }

            Console.WriteLine(FormattableString.Invariant($"unlabelled side of the selection run, views {k} (originals featurized, views made, {epochs[k].Selection} epochs of {ratio * trainRows:N0} draws): {Median(side):F2} s median"));
        }

        // After the runs above, so that this code is compiled at its final tier (measured first, a view cost about 4× as much).
        var featurizer = new Featurizer(options.Features);
        Measure("featurize the unlabelled originals", () => unlabelled.ConvertAll(e => featurizer.Featurize(e.Text)));
        var texts = Measure("augment every unlabelled example once", () => unlabelled.ConvertAll(e => augmenter.Augment(e.Text, AugmentRandom.For(7, e.Id, 1), null, options.Features.Segmenter)));
        List<int[]> oneView = Measure("featurize those views", () => texts.ConvertAll(t => featurizer.Featurize(t)));
        long ints = oneView.Sum(f => (long)f.Length), chars = unlabelled.Sum(e => (long)e.Text.Length);
        Console.WriteLine(FormattableString.Invariant($"one view of every example holds {ints:N0} features: {(ints * 4 + oneView.Count * 24L) / 1e6:F1} MB as int arrays (the text: {chars:N0} characters, {(chars * 2 + unlabelled.Count * 22L) / 1e6:F1} MB as strings)"));
        foreach (int k in arms)
        {
            var (selection, refit) = epochs[k];
            long draws = (long)ratio * ((long)selection * trainRows + (long)refit * labelled.Count);
            long made = k == 0 ? draws : 2L * k * unlabelled.Count;
            Console.WriteLine(FormattableString.Invariant(
                $"train, views {k}: {Median(seconds[k]):F2} s median of [{string.Join(", ", seconds[k].Select(s => s.ToString("F2", CultureInfo.InvariantCulture)))}]; epochs {selection} + refit {refit}; unlabelled draws ≈ {draws:N0}, views made ≈ {made:N0}; ratio to views 0: {Median(seconds[k]) / Median(seconds[0]):F3}"));
        }
    }

    /// <summary>Runs <paramref name="work"/> twice and prints both times (the second is the one to read).</summary>
    private static T Measure<T>(string what, Func<T> work)
    {
        double start = Cpu();
        work();
        double first = Cpu() - start;
        start = Cpu();
        T result = work();
        Console.WriteLine(FormattableString.Invariant($"{what}: {Cpu() - start:F3} s (first time: {first:F3} s)"));
        return result;
    }

    private static double Cpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    private static double Median(List<double> values)
    {
        double[] sorted = [.. values.Order()];
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
