using System.Globalization;

namespace TextAugment.Classification;

/// <summary>
/// Every option of the trainer, once: the pipeline's <c>train</c> section reads these keys, <c>textaugment train</c>
/// accepts these options and prints them in its help, and <see cref="TrainerOptions"/> checks these ranges. Defaults
/// are <see cref="TrainerOptions"/>' (and <see cref="FeatureOptions"/>', <see cref="EarlyStoppingOptions"/>')
/// property initialisers. Paths (the model, the report, a validation file, word vectors) and the pipeline-wide
/// <c>seed</c> and <c>language</c> are not trainer options and are read where they are named.
/// </summary>
public static class TrainerOptionTable
{
    private static readonly string[] OptimizerNames = ["sgd", "adam", "adamw"];
    private static readonly string[] ScheduleNames = ["constant", "linear", "cosine"];
    private static readonly string[] WeightingNames = ["mean", "tfidf"];
    private static readonly string[] EmbeddingUpdateNames = ["lazy", "dense"];
    private static readonly string[] TsaNames = ["none", "linear", "log", "exp"];

    /// <summary>All trainer options, in help order.</summary>
    public static IReadOnlyList<TrainerOption> All { get; } =
    [
        new("features.word_ngrams", TrainerOptionKind.Integer, "<N>", "Word n-grams up to N (1: words only; fastText's -wordNgrams).",
            o => o.Features.WordNgrams, (o, v) => o with { Features = o.Features with { WordNgrams = (int)v } }) { Minimum = 1, Maximum = 5 },
        new("features.buckets", TrainerOptionKind.Integer, "<N>", "Hash buckets shared by every feature (fastText's -bucket).",
            o => o.Features.Buckets, (o, v) => o with { Features = o.Features with { Buckets = (int)v } }) { Minimum = 1, Maximum = 1 << 26 },
        new("features.dim", TrainerOptionKind.Integer, "<N>", "Embedding dimensions (must equal the word vectors' when they are given).",
            o => o.Features.Dimensions, (o, v) => o with { Features = o.Features with { Dimensions = (int)v } }) { Minimum = 1, Maximum = 1024 },
        new("features.char_ngrams", TrainerOptionKind.IntegerList, "<MIN,MAX>", "Character n-grams of each word from MIN to MAX characters (fastText's -minn/-maxn), e.g. 3,5.",
            o => o.Features.CharNgramMin == 0 ? Array.Empty<int>() : new[] { o.Features.CharNgramMin, o.Features.CharNgramMax },
            (o, v) => o with { Features = o.Features with { CharNgramMin = ((int[])v).FirstOrDefault(), CharNgramMax = ((int[])v).LastOrDefault() } })
        { Minimum = 1, Maximum = 10, PairLength = 2 },
        new("features.weighting", TrainerOptionKind.Choice, "<NAME>", "How the bag weighs a text's features: tfidf ((1 + ln tf) · idf, unit L2 norm, as scikit-learn's TfidfVectorizer(sublinear_tf=True)) or mean (fastText's mean of the feature rows).",
            o => WeightingNames[(int)o.Features.Weighting], (o, v) => o with { Features = o.Features with { Weighting = (FeatureWeighting)Array.IndexOf(WeightingNames, (string)v) } })
        { Choices = WeightingNames },
        new("features.lowercase", TrainerOptionKind.Bool, "", "Lower-case words before hashing.",
            o => o.Features.Lowercase, (o, v) => o with { Features = o.Features with { Lowercase = (bool)v } }),
        new("hidden", TrainerOptionKind.IntegerList, "<SIZES>", "Hidden layer sizes (ReLU), e.g. 128,64; none, [] or 0 for a linear model on the embedding bag (fastText's).",
            o => o.Hidden.ToArray(), (o, v) => o with { Hidden = [.. (int[])v] }) { Minimum = 1, Maximum = 65536, ZeroMeansNone = true },
        new("dropout", TrainerOptionKind.Number, "<P>", "Dropout on hidden units while training (inverted, off at inference).",
            o => o.Dropout, (o, v) => o with { Dropout = (double)v }) { Minimum = 0, Maximum = 0.99 },
        new("l2", TrainerOptionKind.Number, "<L>", "Coupled L2: L·Σw² added to the loss.",
            o => o.L2, (o, v) => o with { L2 = (double)v }) { Minimum = 0, Maximum = 10 },
        new("l1", TrainerOptionKind.Number, "<L>", "L1: L·Σ|w|, a proximal soft-threshold after each step, so weights become exactly zero.",
            o => o.L1, (o, v) => o with { L1 = (double)v }) { Minimum = 0, Maximum = 10 },
        new("weight_decay", TrainerOptionKind.Number, "<WD>", "Weight decay: decoupled with adamw and sgd, added to the gradient with adam.",
            o => o.WeightDecay, (o, v) => o with { WeightDecay = (double)v }) { Minimum = 0, Maximum = 10 },
        new("optimizer", TrainerOptionKind.Choice, "<NAME>", "The optimiser.",
            o => OptimizerNames[(int)o.Optimizer], (o, v) => o with { Optimizer = (OptimizerKind)Array.IndexOf(OptimizerNames, (string)v) }) { Choices = OptimizerNames },
        new("embedding_updates", TrainerOptionKind.Choice, "<NAME>", "lazy: each step updates only the embedding rows of its examples' features (moments included; SparseAdam, LazyAdam); dense: every row every step (slow; for comparison).",
            o => EmbeddingUpdateNames[(int)o.EmbeddingUpdates], (o, v) => o with { EmbeddingUpdates = (EmbeddingUpdates)Array.IndexOf(EmbeddingUpdateNames, (string)v) }) { Choices = EmbeddingUpdateNames },
        new("learning_rate", TrainerOptionKind.Number, "<RATE>", "Peak learning rate (sgd wants about 0.1).",
            o => o.LearningRate, (o, v) => o with { LearningRate = (double)v }) { Minimum = 1e-9, Maximum = 100, Aliases = ["--lr"] },
        new("schedule", TrainerOptionKind.Choice, "<NAME>", "Learning-rate schedule over the training steps.",
            o => ScheduleNames[(int)o.Schedule], (o, v) => o with { Schedule = (Schedule)Array.IndexOf(ScheduleNames, (string)v) }) { Choices = ScheduleNames },
        new("momentum", TrainerOptionKind.Number, "<M>", "SGD momentum.",
            o => o.Momentum, (o, v) => o with { Momentum = (double)v }) { Minimum = 0, Maximum = 0.999 },
        new("batch_size", TrainerOptionKind.Integer, "<N>", "Examples per step.",
            o => o.BatchSize, (o, v) => o with { BatchSize = (int)v }) { Minimum = 1, Maximum = 65536 },
        new("epochs", TrainerOptionKind.Integer, "<N>", "Passes over the training data, at most.",
            o => o.Epochs, (o, v) => o with { Epochs = (int)v }) { Minimum = 1, Maximum = 10000 },
        new("class_weights", TrainerOptionKind.Choice, "<NAME>", "balanced weighs each class by N / (classes · n_c), for imbalanced data.",
            o => o.BalanceClasses ? "balanced" : "none", (o, v) => o with { BalanceClasses = (string)v == "balanced" }) { Choices = ["none", "balanced"] },
        new("refit", TrainerOptionKind.Bool, "", "After early stopping chose the epochs on the held-out split, train again from the start on all the data for that many epochs.",
            o => o.Refit, (o, v) => o with { Refit = (bool)v }),
        new("early_stopping.enabled", TrainerOptionKind.Bool, "", "Stop when the validation score has not improved for patience epochs.",
            o => o.EarlyStopping.Enabled, (o, v) => o with { EarlyStopping = o.EarlyStopping with { Enabled = (bool)v } }) { CommandLine = "--early-stopping" },
        new("early_stopping.patience", TrainerOptionKind.Integer, "<N>", "Epochs without improvement before stopping; 0 turns early stopping off (the last epoch is kept).",
            o => o.EarlyStopping.Patience, (o, v) => o with { EarlyStopping = o.EarlyStopping with { Patience = (int)v } }) { Minimum = 0, Maximum = 1000 },
        new("early_stopping.min_delta", TrainerOptionKind.Number, "<D>", "Smallest change of the monitored score that counts as an improvement.",
            o => o.EarlyStopping.MinDelta, (o, v) => o with { EarlyStopping = o.EarlyStopping with { MinDelta = (double)v } }) { Minimum = 0, Maximum = 1 },
        new("early_stopping.monitor", TrainerOptionKind.Choice, "<NAME>", "What early stopping watches on the validation data.",
            o => o.EarlyStopping.Monitor == StoppingMetric.Accuracy ? "accuracy" : "loss",
            (o, v) => o with { EarlyStopping = o.EarlyStopping with { Monitor = (string)v == "accuracy" ? StoppingMetric.Accuracy : StoppingMetric.Loss } })
        { Choices = ["loss", "accuracy"] },
        new("early_stopping.restore_best", TrainerOptionKind.Bool, "", "Keep the best validation epoch's weights, not the last.",
            o => o.EarlyStopping.RestoreBest, (o, v) => o with { EarlyStopping = o.EarlyStopping with { RestoreBest = (bool)v } }),
        new("early_stopping.min_epochs", TrainerOptionKind.Integer, "<N>", "The first epoch early stopping may keep or stop at (Keras' start_from_epoch).",
            o => o.EarlyStopping.MinEpochs, (o, v) => o with { EarlyStopping = o.EarlyStopping with { MinEpochs = (int)v } }) { Minimum = 1, Maximum = 10000 },
        new("validation.fraction", TrainerOptionKind.Number, "<F>", "Fraction of the training data held out for validation (stratified, split by the id column when there is one); 0 for none. Memory in train: each row's id as a 64-bit hash, kept with the row (in memory or in the temporary file); 16 bytes per row while the split is made, then 4; and the held-out rows' features.",
            o => o.ValidationFraction, (o, v) => o with { ValidationFraction = (double)v }) { Minimum = 0, Maximum = 0.9 },
        new("consistency.weight", TrainerOptionKind.Number, "<L>", "UDA: weight λ of the consistency loss KL(p̃(y|x) ‖ p(y|x̂)) on unlabelled text (uda_coeff; UDA's text run: 1; 0: the unlabelled text only counts in the idf).",
            o => o.Consistency.Weight, (o, v) => o with { Consistency = o.Consistency with { Weight = (double)v } }) { Minimum = 0, Maximum = 100 },
        new("consistency.confidence", TrainerOptionKind.Number, "<B>", "UDA: an unlabelled example counts only when p̃'s largest probability is at least B (uda_confidence_thresh; 0: no mask, as UDA's text run).",
            o => o.Consistency.Confidence, (o, v) => o with { Consistency = o.Consistency with { Confidence = (double)v } }) { Minimum = 0, Maximum = 0.99 },
        new("consistency.temperature", TrainerOptionKind.Number, "<T>", "UDA: sharpen p̃ as softmax(logits / T) (uda_softmax_temp; 1: no sharpening).",
            o => o.Consistency.Temperature, (o, v) => o with { Consistency = o.Consistency with { Temperature = (double)v } }) { Minimum = 0.05, Maximum = 1 },
        new("consistency.tsa", TrainerOptionKind.Choice, "<NAME>", "UDA's training-signal annealing: labelled examples predicted above a threshold growing from 1/K to 1 add no loss (UDA's text run: linear).",
            o => TsaNames[(int)o.Consistency.Tsa], (o, v) => o with { Consistency = o.Consistency with { Tsa = (TsaSchedule)Array.IndexOf(TsaNames, (string)v) } }) { Choices = TsaNames },
        new("consistency.ratio", TrainerOptionKind.Integer, "<N>", "UDA: unlabelled examples per labelled example in each step (unsup_ratio).",
            o => o.Consistency.Ratio, (o, v) => o with { Consistency = o.Consistency with { Ratio = (int)v } }) { Minimum = 1, Maximum = 64 },
        new("consistency.views", TrainerOptionKind.Integer, "<K>", "UDA: 0 augments each drawn unlabelled example afresh every epoch; K makes K views of every unlabelled example once, before training (K times its features in memory), and epoch e (from 1) uses view (e − 1) mod K.",
            o => o.Consistency.Views, (o, v) => o with { Consistency = o.Consistency with { Views = (int)v } }) { Minimum = 0, Maximum = 64 },
    ];

    /// <summary>The option whose <see cref="TrainerOption.Name"/> is <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such option.</exception>
    public static TrainerOption Named(string name) =>
        All.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.Ordinal)) ?? throw new KeyNotFoundException($"no trainer option '{name}'.");

    /// <summary>The options under a nested section of <c>train</c> (<c>features</c>, <c>early_stopping</c>, …), or at its top with "".</summary>
    internal static IEnumerable<TrainerOption> InSection(string section) => All.Where(o =>
        section.Length == 0 ? !o.Name.Contains('.', StringComparison.Ordinal) : o.Name.StartsWith(section + ".", StringComparison.Ordinal));

    /// <summary>The key of an option inside its section: the part of <see cref="TrainerOption.Name"/> after the last dot.</summary>
    internal static string Leaf(TrainerOption option) => option.Name[(option.Name.LastIndexOf('.') + 1)..];

    /// <summary>
    /// Limits on options taken together, checked wherever the options are checked (the command line, a pipeline's train
    /// section, <see cref="TrainerOptions"/>), so that every model trained can be written and loaded: the embedding table
    /// (buckets × dim) and the hidden layers' weights each hold at most <see cref="TextClassifier.MaxEmbeddingValues"/>
    /// values, the most a model file may hold.
    /// </summary>
    /// <param name="options">The options.</param>
    /// <param name="name">How an option is named in the message: its command-line name or its pipeline key.</param>
    /// <returns>Null, or the options involved (the one to report it at first) and the message.</returns>
    internal static (TrainerOption[] Options, string Message)? CheckCombined(TrainerOptions options, Func<TrainerOption, string> name)
    {
        TrainerOption buckets = Named("features.buckets"), dim = Named("features.dim"), hidden = Named("hidden");
        long limit = TextClassifier.MaxEmbeddingValues;
        int b = options.Features.Buckets, d = options.Features.Dimensions;
        if ((long)b * d > limit)
        {
            return ([buckets, dim], string.Create(CultureInfo.InvariantCulture,
                $"{name(buckets)} {b} × {name(dim)} {d} = {(long)b * d:N0} embedding values; a model holds at most {limit:N0} (1 GiB of floats): lower {name(buckets)} to at most {limit / d:N0} for this {name(dim)}, or lower {name(dim)}."));
        }

        long weights = Network.DenseValues(d, options.Hidden, classes: 0);
        if (weights > limit)
        {
            return ([hidden, dim], string.Create(CultureInfo.InvariantCulture,
                $"{name(hidden)} {string.Join(",", options.Hidden)} with {name(dim)} {d} needs {weights:N0} weights in its hidden layers; a model holds at most {limit:N0} (1 GiB of floats): use smaller hidden layers."));
        }

        return null;
    }

    /// <summary>
    /// Options the user set that the rest of <paramref name="options"/> makes idle: dropout on a linear model
    /// (it acts on hidden units, and there are none), momentum with an optimizer other than sgd (adam and adamw keep
    /// their own moment estimates), early stopping whose min_epochs is not below epochs (it can then keep or stop at no
    /// epoch but the last), and refit without a held-out validation fraction (it retrains on all the data after early
    /// stopping chose the epochs on the held-out part; a validation file is never trained on). Training goes on, as Keras
    /// trains on when start_from_epoch is past the epochs; the command line and a pipeline say so, each once. Early
    /// stopping's settings (patience, min_delta, monitor, restore_best, min_epochs) given with early stopping off are idle too,
    /// and consistency training's (views, ratio, confidence, temperature, tsa) with its weight 0.
    /// </summary>
    /// <param name="options">The options.</param>
    /// <param name="set">Whether the user set an option (given on the command line; in a pipeline, away from its default).</param>
    /// <param name="name">How an option is named: its command-line name or its pipeline key.</param>
    /// <returns>Each warning with the options it is about, the one the user set first (a pipeline reports it at that key).</returns>
    internal static IEnumerable<(TrainerOption[] Options, string Message)> WithoutEffect(TrainerOptions options, Func<TrainerOption, bool> set, Func<TrainerOption, string> name)
    {
        TrainerOption dropout = Named("dropout"), hidden = Named("hidden"), momentum = Named("momentum"), optimizer = Named("optimizer");
        if (set(dropout) && options.Dropout > 0 && options.Hidden.Count == 0)
        {
            yield return ([dropout], string.Create(CultureInfo.InvariantCulture,
                $"{name(dropout)} {options.Dropout} has no effect: dropout acts on hidden units and the model has no hidden layer ({name(hidden)} is none); give {name(hidden)} (e.g. 64) for it to apply."));
        }

        if (set(momentum) && options.Optimizer != OptimizerKind.Sgd)
        {
            yield return ([momentum], string.Create(CultureInfo.InvariantCulture,
                $"{name(momentum)} {options.Momentum} has no effect with {name(optimizer)} {TrainerOption.Format(optimizer.Get(options))}: only sgd uses it (adam and adamw keep their own moment estimates); give {name(optimizer)} sgd for it to apply."));
        }

        TrainerOption minEpochs = Named("early_stopping.min_epochs"), epochs = Named("epochs"), enabled = Named("early_stopping.enabled");
        if (options.EarlyStopping.Enabled && options.EarlyStopping.MinEpochs >= options.Epochs && (set(minEpochs) || set(epochs) || set(enabled)))
        {
            yield return ([.. new[] { minEpochs, epochs, enabled }.Where(set)], string.Create(CultureInfo.InvariantCulture,
                $"{name(minEpochs)} {options.EarlyStopping.MinEpochs}{(set(minEpochs) ? "" : " (the default)")} is not below {name(epochs)} {options.Epochs}: early stopping may keep or stop at no epoch before the last, so it has no effect and {(options.Epochs == 1 ? "the one epoch is" : $"all {options.Epochs} epochs are")} trained (as Keras does with start_from_epoch past the epochs); {(options.Epochs > minEpochs.Minimum ? $"give {name(minEpochs)} below {options.Epochs}, or more {name(epochs)}" : $"give more {name(epochs)} (early stopping needs at least {minEpochs.Minimum + 1}: {name(minEpochs)} is at least {minEpochs.Minimum}), or turn early stopping off")}."));
        }

        if (!options.EarlyStopping.Enabled)
        {
            TrainerOption[] idle = [.. All.Where(o => o.Name.StartsWith("early_stopping.", StringComparison.Ordinal) && o != enabled && set(o))];
            if (idle.Length > 0)
            {
                yield return (idle, $"{string.Join(", ", idle.Select(o => Setting(o, options, name)))} {(idle.Length == 1 ? "has" : "have")} no effect: early stopping is off; {(name(enabled).StartsWith("--", StringComparison.Ordinal) ? $"give {name(enabled)}" : $"set {name(enabled)}: true")} for {(idle.Length == 1 ? "it" : "them")} to apply, or leave {(idle.Length == 1 ? "it" : "them")} out.");
            }
        }

        TrainerOption weight = Named("consistency.weight");
        if (options.Consistency.Weight == 0)
        {
            // Weight 0 is UDA's control run: no consistency loss, so nothing that shapes it (views, ratio, mask, sharpening,
            // TSA) is used; the unlabelled texts count only in the idf.
            TrainerOption[] idle = [.. InSection("consistency").Where(o => o != weight && set(o))];
            if (idle.Length > 0)
            {
                yield return ([.. idle, weight], string.Create(CultureInfo.InvariantCulture,
                    $"{string.Join(", ", idle.Select(o => Setting(o, options, name)))} {(idle.Length == 1 ? "has" : "have")} no effect with {name(weight)} 0: there is no consistency loss, so no views, no confidence mask, no sharpening and no TSA (the unlabelled texts count only in the idf); give {name(weight)} above 0 (UDA's text run: 1) for {(idle.Length == 1 ? "it" : "them")} to apply, or leave {(idle.Length == 1 ? "it" : "them")} out."));
            }
        }

        TrainerOption refit = Named("refit"), fraction = Named("validation.fraction");
        if (set(refit) && options.ValidationFraction == 0)
        {
            yield return ([refit], $"{Setting(refit, options, name)} has no effect: the refit retrains on all the data after early stopping chose the epochs on a held-out part of it ({name(fraction)}), and none is held out (a validation file is never trained on); give {name(fraction)} (e.g. 0.1) for it to apply, or leave it out.");
        }
    }

    /// <summary>How the user wrote <paramref name="option"/>'s value: <c>--no-refit</c> or <c>--dropout 0.5</c> on the command line, <c>train.refit false</c> in a pipeline.</summary>
    private static string Setting(TrainerOption option, TrainerOptions options, Func<TrainerOption, string> name)
    {
        string named = name(option);
        object value = option.Get(options);
        return option.Kind == TrainerOptionKind.Bool && named.StartsWith("--", StringComparison.Ordinal)
            ? (bool)value ? named : "--no-" + named[2..]
            : $"{named} {TrainerOption.Format(value)}";
    }

    /// <summary>Checks every option's range in <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value out of its range; the message names the YAML key and the range.</exception>
    internal static void Validate(TrainerOptions options)
    {
        foreach (TrainerOption option in All)
        {
            if (option.Check(option.Get(options), option.Name) is { } error)
            {
                throw new ArgumentOutOfRangeException(option.Name, error);
            }
        }

        if (CheckCombined(options, o => o.Name) is { } combined)
        {
            throw new ArgumentException(combined.Message);
        }
    }
}
