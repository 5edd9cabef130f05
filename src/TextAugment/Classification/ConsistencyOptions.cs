using TextAugment.Augmenters;

namespace TextAugment.Classification;

/// <summary>Training-signal annealing schedules (Xie et al. 2019, §3.2): how the threshold grows from 1/K to 1 over training.</summary>
public enum TsaSchedule
{
    /// <summary>No annealing: every labelled example counts.</summary>
    None,
    /// <summary>α(t) = t: the threshold rises evenly.</summary>
    Linear,
    /// <summary>α(t) = 1 − e^(−5t): rises early (for data that is easy to fit).</summary>
    Log,
    /// <summary>α(t) = e^(5(t − 1)): rises late (for a model that overfits fast: few labelled examples).</summary>
    Exp,
}

/// <summary>
/// Consistency training on unlabelled text (UDA: Xie et al. 2019, "Unsupervised Data Augmentation for Consistency
/// Training"). The loss is cross-entropy on the labelled examples plus <see cref="Weight"/> · KL(p̃(y|x) ‖ p(y|x̂)) on
/// unlabelled examples x and their augmented versions x̂, where p̃ is the current model's prediction on x with
/// dropout off and no gradient through it (the stop-gradient), sharpened by <see cref="Temperature"/>, and x̂ goes
/// through the model in training mode. Off while <see cref="Unlabelled"/> is empty. With the TF-IDF bag
/// (<see cref="FeatureOptions.Weighting"/>, the default) the unlabelled originals (not their views) are also counted in
/// the idf, beside the labelled texts, so that a word only the unlabelled text has weighs in the bag and the consistency
/// loss can train it (fitted on the labelled texts alone its idf, and so its weight, would be 0); the model stores that
/// idf. With <see cref="Weight"/> 0 that is all the unlabelled text does.
/// <para>
/// Defaults: 3 unlabelled per labelled example, no sharpening (UDA's text reference run, google-research/uda
/// text/scripts/run_base_uda.sh and text/main.py), and — unlike that run — weight 0.3 (not 1), no TSA (not linear) and a
/// confidence mask of 0.6 (not none; UDA's image runs use 0.8). Chosen on dev splits of the training pools of the four
/// datasets of benchmarks/classifier (500 labelled, 1,000 dev — 2,000 for topics —, the rest unlabelled, split seeds
/// 101 and 102; never the test set; benchmarks/classifier/consistency_dev.py, benchmarks/README.md) with the trainer's
/// defaults (linear model on the TF-IDF bag, AdamW): UDA's text settings changed dev accuracy against supervised by
/// +0.5 (topics), −13.7 (debian), −5.2 (sotu) and −4.0 (spam) points; TSA off, weight 0.3 and the mask each did better
/// than UDA's value: TSA off and weight 0.3 on all four (by 1 to 4.8 points), the mask on three (it cost 2.0 points on
/// topics but saved 11.1 on debian); all three together gave +3.1 (topics), +0.25 (debian), −0.8 (spam) and −1.2 (sotu,
/// split 101 only). Ratio 7 and 15 and weight 3 did worse than 3 and 1 on every dataset (but ratio 15 on topics, +1.0);
/// with these defaults ratio 15 gave topics +6.0 on its dev splits (not made the default: it costs 2 to 6 points
/// elsewhere with UDA's other settings and 5 times the unlabelled steps). On the test sets (5 seeds, 500 labelled) these
/// defaults gave +2.5 points over supervised on topics (p = 0.005), −0.1 and +0.2 (not significant) on debian and sotu,
/// and −1.7 on spam (p = 0.01; supervised there is 97.9 %).
/// </para>
/// </summary>
public sealed record ConsistencyOptions
{
    /// <summary>The unlabelled examples (their labels, if any, are not used); empty turns consistency training off. Default: none.</summary>
    public IReadOnlyList<Example> Unlabelled { get; init; } = [];

    /// <summary>
    /// Makes x̂ from x: the augment stages. Each unlabelled example's view in an epoch is drawn from its own stream,
    /// (seed, example id, epoch), so training is byte-identical for any thread count. Default: null, the tfidf stage
    /// (UDA's TF-IDF word replacement, default options) fitted on <see cref="Unlabelled"/>.
    /// </summary>
    public Augmenter? Augmenter { get; init; }

    /// <summary>
    /// These options with <paramref name="unlabelled"/> and <paramref name="augmenter"/>, or else the default tfidf stage
    /// fitted on <paramref name="unlabelled"/> once here (with <paramref name="segmenter"/>), so that every training run
    /// that shares the options (a refit, the ablation's seeds) shares the fit.
    /// </summary>
    public ConsistencyOptions With(IReadOnlyList<Example> unlabelled, Augmenter? augmenter, Text.Segmenter segmenter)
    {
        ArgumentNullException.ThrowIfNull(unlabelled);
        // Weight 0 makes no views: the default stage is not fitted.
        return this with { Unlabelled = unlabelled, Augmenter = augmenter ?? (Weight > 0 ? DefaultAugmenter(unlabelled, segmenter) : null) };
    }

    /// <summary>The default view maker: the tfidf stage (default options) fitted on <paramref name="unlabelled"/>.</summary>
    internal static Augmenter DefaultAugmenter(IReadOnlyList<Example> unlabelled, Text.Segmenter segmenter) =>
        new TfIdfAugmenter(Corpus.TfIdfStatistics.Fit(unlabelled.Select(e => e.Text), segmenter));

    /// <summary>
    /// What a run says about its unlabelled file, the same from a pipeline and from <c>textaugment train</c>;
    /// <paramref name="labelColumn"/> is the column or field its labels were found in (the run's label column), or null
    /// when the format has none (fastText's <c>__label__</c> prefixes).
    /// </summary>
    internal static string Describe(int count, string path, int labelled, string? labelColumn, bool fromStages, TrainerOptions options) =>
        $"consistency training: {Plural.Count(count, "unlabelled text")} from {path}"
        + (labelled > 0 ? $"; the file has labels ({Plural.Count(labelled, "row")}{(labelColumn is null ? "" : $", in its '{labelColumn}' column")}): they are ignored" : "")
        + (options.Features.Weighting == FeatureWeighting.TfIdf ? "; the bag's idf is fitted on the labelled texts and these (not their views)" : "")
        + (options.Consistency.Weight > 0
            ? fromStages ? "; views from train.consistency.stages" : "; views from the tfidf stage fitted on them"
            : options.Features.Weighting == FeatureWeighting.TfIdf
                ? "; weight 0: no consistency loss, no views and no TSA (the texts count in the idf only)"
                : "; weight 0 with the mean bag: the texts have no effect at all (they count only in a tfidf bag's idf)");

    /// <summary>
    /// λ, the weight of the consistency loss (UDA's <c>uda_coeff</c>). 0 turns the loss off and keeps the unlabelled
    /// text in the idf only: no views are made, no unlabelled step is taken and TSA does not apply (a control for what
    /// the idf alone gives). Default: 0.3 (UDA's text run: 1; see the class summary for the dev-split evidence); range 0 to 100.
    /// </summary>
    public double Weight { get; init; } = 0.3;

    /// <summary>
    /// Confidence mask β: an unlabelled example counts only when the largest probability of p̃ (before sharpening)
    /// is at least β (UDA's <c>uda_confidence_thresh</c>). Default: 0.6 (UDA's text run: 0, no mask; its image runs
    /// 0.8; see the class summary for the dev-split evidence); range 0 to 0.99.
    /// </summary>
    public double Confidence { get; init; } = 0.6;

    /// <summary>Sharpening τ: p̃ ∝ p̃^(1/τ), i.e. softmax(logits/τ) (UDA's <c>uda_softmax_temp</c>); 1 leaves p̃ as it is. Default: 1; range 0.05 to 1.</summary>
    public double Temperature { get; init; } = 1;

    /// <summary>
    /// Training-signal annealing: a labelled example whose correct-class probability exceeds
    /// α(t)·(1 − 1/K) + 1/K (t: the fraction of training steps done, K: the labels) adds no loss at that step.
    /// Default: <see cref="TsaSchedule.None"/> (UDA's text run: linear; see the class summary for the dev-split evidence).
    /// </summary>
    public TsaSchedule Tsa { get; init; } = TsaSchedule.None;

    /// <summary>Unlabelled examples per labelled example in each step (UDA's <c>unsup_ratio</c>). Default: 3; range 1 to 64.</summary>
    public int Ratio { get; init; } = 3;

    /// <summary>
    /// How the augmented views x̂ are made. 0: on the fly — each epoch augments (and featurizes) the unlabelled
    /// examples it draws, from the stream (seed, example id, epoch, occurrence in the epoch), so no view is ever
    /// reused. K ≥ 1: K views of every unlabelled example are made once, before training, view v from the stream
    /// (seed, example id, v + 1, 0), and the o-th draw of an example in epoch e (1-based) uses view (e − 1 + o) mod K:
    /// K = 1 shows the same view every epoch. Memory: the K views' features stay in memory for the whole run, K times
    /// the unlabelled text's features (an int per word and per word n-gram, about 4·word_ngrams bytes a word, plus
    /// one per character n-gram when they are on; 1.2 MB per view for topics' 11,437 short texts, whose strings take
    /// 1.6 MB), on top of the originals' features that both ways hold. Default: 0; range 0 to 64.
    /// <para>
    /// Why 0 (benchmarks/README.md, "Views"): a view costs the same either way (about 5 µs: the tfidf stage and
    /// featurizing, about what the training step on it costs), and making views was a quarter (ratio 3) to two fifths
    /// (ratio 15) of a training run's CPU time. K views make K per example per training run (a refit makes them
    /// again) where on the fly makes one per draw, so K saves time only while it is below the draws per example
    /// (ratio × labelled rows × epochs / unlabelled examples), and then at most that share; and fewer views than
    /// draws lose accuracy. On topics at 500 labelled (5 seeds, paired, CPU time of <c>textaugment train</c>): with the
    /// default ratio 3 (about 2.5 draws per example per run) K = 1, 2, 4 took 0.98, 1.05, 1.13 × the time of on the
    /// fly for −0.33, −0.25, −0.35 points (none significant); with ratio 15 (about 12 draws) 0.76, 0.81, 0.86 × for
    /// −0.99 (p = 0.005), −0.46 (p = 0.12), −0.29 (p = 0.22) points.
    /// </para>
    /// </summary>
    public int Views { get; init; }

    /// <summary>Threads that make the augmented views, each epoch's or the <see cref="Views"/> made before training (the result does not depend on it). Default: the processor count.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Whether consistency training is on: there are unlabelled examples.</summary>
    public bool Enabled => Unlabelled.Count > 0;

    /// <summary>Whether the consistency loss is trained: there are unlabelled examples and <see cref="Weight"/> is above 0.</summary>
    public bool HasLoss => Enabled && Weight > 0;
}

/// <summary>The pieces of UDA's objective, each small enough to check by hand.</summary>
internal static class Consistency
{
    /// <summary>The TSA threshold α(t)·(1 − 1/K) + 1/K at <paramref name="progress"/> t ∈ [0, 1] with <paramref name="classes"/> K; 1 (keep all) for <see cref="TsaSchedule.None"/>.</summary>
    public static double TsaThreshold(TsaSchedule schedule, double progress, int classes)
    {
        double alpha = schedule switch
        {
            TsaSchedule.None => 1,
            TsaSchedule.Linear => progress,
            TsaSchedule.Log => 1 - Math.Exp(-5 * progress),
            _ => Math.Exp(5 * (progress - 1)),
        };
        return alpha * (1 - 1.0 / classes) + 1.0 / classes;
    }

    /// <summary>Whether a labelled example still adds loss: its correct-class probability is at most the threshold (always, without TSA).</summary>
    public static bool Trains(TsaSchedule schedule, double correctProbability, double threshold) =>
        schedule == TsaSchedule.None || correctProbability <= threshold;

    /// <summary>Whether an unlabelled example counts: its largest probability is at least <paramref name="confidence"/>.</summary>
    public static bool Confident(ReadOnlySpan<float> probabilities, double confidence) =>
        confidence <= 0 || System.Numerics.Tensors.TensorPrimitives.Max(probabilities) >= confidence;

    /// <summary>Sharpens <paramref name="probabilities"/> into <paramref name="destination"/>: p^(1/τ), normalised (softmax(log p / τ)).</summary>
    public static void Sharpen(ReadOnlySpan<float> probabilities, double temperature, Span<float> destination)
    {
        if (temperature == 1)
        {
            probabilities.CopyTo(destination);
            return;
        }

        double max = double.NegativeInfinity;
        for (int c = 0; c < probabilities.Length; c++)
        {
            max = Math.Max(max, Math.Log(Math.Max(probabilities[c], 1e-30)) / temperature);
        }

        double sum = 0;
        for (int c = 0; c < probabilities.Length; c++)
        {
            double v = Math.Exp(Math.Log(Math.Max(probabilities[c], 1e-30)) / temperature - max);
            destination[c] = (float)v;
            sum += v;
        }

        for (int c = 0; c < probabilities.Length; c++)
        {
            destination[c] = (float)(destination[c] / sum);
        }
    }

    /// <summary>KL(target ‖ p) = Σ target·(log target − log p).</summary>
    public static double KullbackLeibler(ReadOnlySpan<float> target, ReadOnlySpan<float> probabilities)
    {
        double kl = 0;
        for (int c = 0; c < target.Length; c++)
        {
            if (target[c] > 0)
            {
                kl += target[c] * (Math.Log(target[c]) - Math.Log(Math.Max(probabilities[c], 1e-12f)));
            }
        }

        return kl;
    }
}
