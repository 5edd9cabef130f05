using System.Diagnostics;
using System.Globalization;
using TextAugment.Augmenters;

namespace TextAugment.Classification;

/// <summary>One epoch of a training run.</summary>
/// <param name="Epoch">1-based epoch.</param>
/// <param name="TrainLoss">Mean cross-entropy on (a fixed sample of) the training data, dropout off.</param>
/// <param name="TrainAccuracy">Accuracy on the same.</param>
/// <param name="ValidationLoss">Mean cross-entropy on the validation data (NaN without).</param>
/// <param name="ValidationAccuracy">Accuracy on the validation data (NaN without).</param>
/// <param name="LearningRate">The rate at the end of the epoch.</param>
/// <param name="Sparsity">Fraction of weights that are exactly zero.</param>
/// <param name="Seconds">Wall time of the epoch's training steps (scoring the curves not included).</param>
/// <param name="ConsistencyLoss">Mean consistency loss KL(p̃(y|x) ‖ p(y|x̂)) over the epoch's unlabelled examples, unweighted, in training mode (masked ones count 0); NaN without consistency training.</param>
/// <param name="ConsistencyKept">The fraction of the epoch's unlabelled examples the confidence mask kept (0 to 1: those that add to the consistency loss); NaN without consistency training.</param>
public sealed record EpochRecord(int Epoch, double TrainLoss, double TrainAccuracy, double ValidationLoss, double ValidationAccuracy, double LearningRate, double Sparsity, double Seconds, double ConsistencyLoss = double.NaN, double ConsistencyKept = double.NaN);

/// <summary>Trains a <see cref="TextClassifier"/>. Deterministic for a seed (training runs on one thread).</summary>
public static class Trainer
{
    /// <summary>Trains on <paramref name="train"/>; validates on <paramref name="validation"/>, or on a stratified fraction of the training data when it is null.</summary>
    /// <exception cref="ArgumentException">No labelled examples, or an example without a label.</exception>
    public static (TextClassifier Model, TrainingReport Report) Train(
        IReadOnlyList<Example> train, IReadOnlyList<Example>? validation, TrainerOptions? options = null, IProgress<EpochRecord>? progress = null) =>
        Train(train, validation, options, progress, validationNote: null);

    /// <summary>
    /// <see cref="Train(IReadOnlyList{Example}, IReadOnlyList{Example}?, TrainerOptions?, IProgress{EpochRecord}?)"/> with
    /// the report's note for <paramref name="validation"/> when not null (a caller that held it out: <see cref="HeldOutNote"/>).
    /// </summary>
    internal static (TextClassifier Model, TrainingReport Report) Train(
        IReadOnlyList<Example> train, IReadOnlyList<Example>? validation, TrainerOptions? options, IProgress<EpochRecord>? progress, string? validationNote)
    {
        ArgumentNullException.ThrowIfNull(train);
        options ??= new TrainerOptions();
        options.Validate();
        bool split = validation is null && options.ValidationFraction > 0;
        using var rows = new TrainingRows(options, trackIds: split);
        foreach (Example e in train)
        {
            rows.Add(e.Text, e.Label ?? throw new ArgumentException($"example '{e.Id}' has no label; training needs labelled examples.", nameof(train)), e.Id);
        }

        rows.Complete();
        return Train(rows, validation, options, progress, validationNote);
    }

    /// <summary>
    /// Trains on featurized <paramref name="rows"/> (completed, not yet weighed: <see cref="TrainingRows.Complete"/>); validates on
    /// <paramref name="validation"/> when given (no held-out split: the rows are all trained on). The same model as
    /// <see cref="Train(IReadOnlyList{Example}, IReadOnlyList{Example}?, TrainerOptions?, IProgress{EpochRecord}?)"/> over
    /// the rows' examples while the rows fit in <see cref="TrainingRows.MemoryBudget"/>.
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than 2 labels, or <see cref="TrainerOptions.ValidationFraction"/> above 0 without validation data.</exception>
    internal static (TextClassifier Model, TrainingReport Report) Train(TrainingRows rows, IReadOnlyList<Example>? validation, TrainerOptions options, IProgress<EpochRecord>? progress = null) =>
        Train(rows, validation, options, progress, validationNote: null);

    /// <summary>
    /// <see cref="Train(TrainingRows, IReadOnlyList{Example}?, TrainerOptions, IProgress{EpochRecord}?)"/> with the report's
    /// validation note <paramref name="validationNote"/> for <paramref name="validation"/> when not null (a caller that
    /// held it out of the data: <see cref="HeldOutNote"/>); else the note says the examples were given.
    /// </summary>
    internal static (TextClassifier Model, TrainingReport Report) Train(TrainingRows rows, IReadOnlyList<Example>? validation, TrainerOptions options, IProgress<EpochRecord>? progress, string? validationNote)
    {
        ArgumentNullException.ThrowIfNull(rows);
        options.Validate();
        if (validation is null && options.ValidationFraction > 0)
        {
            if (!options.Refit)
            {
                return TrainOnSplit(rows, options, progress);
            }

            // Only the report is kept: the selection run's network is garbage before the refit allocates its own.
            TrainingReport selectionReport = TrainOnSplit(rows, options with { Refit = false }, progress).Report;
            return RefitAfter(selectionReport, rows, options);
        }

        validationNote = validation is { Count: > 0 }
            ? validationNote ?? $"validation: {Plural.Count(validation.Count, "example")} given"
            : NoValidationNote;
        var (validationFeatures, validationLabels) = Encode(validation, rows.Featurizer, rows.Labels);
        return Train(rows, validationFeatures, validationLabels, options, progress, validationNote, RunRandom(options));
    }

    /// <summary>
    /// Holds out <see cref="TrainerOptions.ValidationFraction"/> of the rows by id (<see cref="TrainingRows.Split"/>, the draws
    /// of <see cref="StratifiedSplit"/>), trains on the rest and validates on them.
    /// </summary>
    private static (TextClassifier Model, TrainingReport Report) TrainOnSplit(TrainingRows rows, TrainerOptions options, IProgress<EpochRecord>? progress)
    {
        var random = RunRandom(options);
        var (train, held, ids, heldIds) = rows.Split(options.ValidationFraction, random);
        string validationNote = heldIds == 0
            ? FormattableString.Invariant($"validation: none: too few examples per label to hold any out (a label needs at least 2 ids to give one to validation): no validation, no early stopping, the last epoch is kept")
            : (ids < train.Length + held.Length
                ? FormattableString.Invariant($"validation: {Plural.Count(held.Length, "row")} held out, split by the id column ({heldIds:N0} of {Plural.Count(ids, "id")}, stratified by label), so no variant of a validation example is trained on")
                : FormattableString.Invariant($"validation: {held.Length:N0} of {Plural.Count(train.Length + held.Length, "example")} held out (stratified by label; one row per id)"))
              + HeldShare(heldIds, ids, options.ValidationFraction);
        rows.Select(train);
        var (validationFeatures, validationLabels) = rows.Gather(held);
        return Train(rows, validationFeatures, validationLabels, options, progress, validationNote, random);
    }

    /// <summary>
    /// The refit after a selection run over a split of <paramref name="rows"/>: every row selected again, trained from the
    /// start for the epochs the selection kept, on the rows featurized once.
    /// </summary>
    private static (TextClassifier Model, TrainingReport Report) RefitAfter(TrainingReport selectionReport, TrainingRows rows, TrainerOptions options)
    {
        rows.Select(null);
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        int epochs = selectionReport.BestEpoch;
        var (model, refit) = Train(rows, [], [], RefitOptions(options, epochs), null, NoValidationNote, RunRandom(options));
        return (model, RefitReport(selectionReport, refit, rows.Count, epochs, options));
    }

    private const string NoValidationNote = "no validation data: no early stopping, the last epoch is kept";

    /// <summary>The run's random stream: initialisation, shuffling, dropout and the held-out split draw from it, in that order of use.</summary>
    private static AugmentRandom RunRandom(TrainerOptions options) => new(options.Seed ^ 0x7472_6169_6E00UL);

    /// <summary>
    /// Trains on featurized <paramref name="rows"/> (completed, their selection made); validates on the featurized
    /// validation rows (labels -1 for a label the training rows lack). <paramref name="random"/> is the run's stream (the one
    /// a stratified split drew from, if any).
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than 2 labels.</exception>
    private static (TextClassifier Model, TrainingReport Report) Train(
        TrainingRows rows, int[][] validationFeatures, int[] validationLabels, TrainerOptions options, IProgress<EpochRecord>? progress, string validationNote, AugmentRandom random)
    {
        string[] labels = rows.Labels;
        if (labels.Length < 2)
        {
            throw new ArgumentException($"training needs at least 2 labels; found {labels.Length}.", "train");
        }

        float[] classWeights = ClassWeights(rows.ClassCounts, rows.Count, options.BalanceClasses);

        ConsistencyOptions consistency = options.Consistency;
        // The unlabelled originals' features, made once: the idf is fitted on them too, and the consistency loss reads them.
        int[][] unlabelledFeatures = consistency.Enabled ? UnlabelledStream.Featurize(consistency, options.Features) : [];
        if (Network.DenseValues(options.Features.Dimensions, options.Hidden, labels.Length) is var dense && dense > TextClassifier.MaxEmbeddingValues)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"the classifier's layers (dim {options.Features.Dimensions}, hidden [{string.Join(", ", options.Hidden)}], {labels.Length:N0} labels) need {dense:N0} weights; a model holds at most {TextClassifier.MaxEmbeddingValues:N0}: lower dim or the last hidden size."));
        }

        var network = new Network(options.Features.Buckets, options.Features.Dimensions, options.Hidden, labels.Length)
        {
            // With unlabelled text the idf is fitted on the labelled texts and the unlabelled originals (not their views),
            // as the field's TF-IDF vectorizers for semi-supervised learning are: a feature only the unlabelled text has
            // then weighs in the bag, so the consistency loss can train its row (with the labelled texts alone it weighs 0).
            Idf = options.Features.Weighting == FeatureWeighting.TfIdf ? FitIdf(rows.Frequencies!, unlabelledFeatures) : null,
        };
        rows.Weigh(network.Idf);
        int[][] curveFeatures = [.. rows.CurveFeatures];
        float[][] curveWeights = [.. curveFeatures.Select(f => network.Weigh(f))];
        int[] curveLabels = rows.CurveLabels();
        float[][] validationWeights = [.. validationFeatures.Select(f => network.Weigh(f))];
        network.Initialize(random);
        if (options.InitialVectors is { } vectors)
        {
            // For each bucket, the vector of the first training word that hashes to it (collected while the rows were read).
            foreach (var (bucket, row) in rows.VectorStarts)
            {
                vectors.Vector(row).CopyTo(network.Row(bucket));
            }
        }

        int count = rows.Count;
        var state = new TrainingState(network, options, (long)options.Epochs * ((count + options.BatchSize - 1) / options.BatchSize));
        var scratch = new Network.Scratch(network);
        TrainingRows.EpochReader reader = rows.OpenEpochs();
        var records = new List<EpochRecord>();
        (float[] Dense, float[] Embeddings)? best = null;
        int bestEpoch = 0, sinceBest = 0;
        double bestScore = double.NaN;
        bool validate = validationFeatures.Length > 0;
        // Patience 0 turns early stopping off entirely: every epoch is trained and the last is kept.
        bool stops = options.EarlyStopping.Stops;
        bool restores = stops && options.EarlyStopping.RestoreBest;
        var denseGradient = new float[network.Dense.Length];
        // Weight 0: the unlabelled text only informs the idf; no views, no consistency loss and no TSA (training is the
        // supervised run's, on the bag weighted by that idf).
        UnlabelledStream? unlabelled = consistency.HasLoss
            ? new UnlabelledStream(consistency, unlabelledFeatures, options.Features, options.Seed, f => network.Weigh(f))
            : null;
        var target = new float[labels.Length];
        long step = 0, totalSteps = (long)options.Epochs * ((count + options.BatchSize - 1) / options.BatchSize);
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            reader.Begin(random);
            (int[] views, int[][] augmented, float[][] augmentedWeights) = unlabelled is null ? ([], [], []) : unlabelled.Epoch(epoch, consistency.Ratio * count);
            double klSum = 0;
            long confident = 0;
            for (int start = 0; start < count; start += options.BatchSize)
            {
                int end = Math.Min(count, start + options.BatchSize);
                Array.Clear(denseGradient);
                state.BeginBatch();
                float scale = 1f / (end - start);
                double threshold = unlabelled is null ? 1 : Consistency.TsaThreshold(consistency.Tsa, (double)step / totalSteps, labels.Length);
                for (int k = start; k < end; k++)
                {
                    reader.Next(out int label, out ReadOnlySpan<int> features, out ReadOnlySpan<float> weights);
                    ReadOnlySpan<float> p = network.Forward(features, weights, scratch, options.Dropout, random);
                    if (unlabelled is not null && !Consistency.Trains(consistency.Tsa, p[label], threshold))
                    {
                        continue; // TSA: already confident on this labelled example at this point of training
                    }

                    network.Backward(label, classWeights[label] * scale, scratch, denseGradient);
                    state.AccumulateEmbedding(features, weights, scratch.InputDelta);
                }

                if (unlabelled is not null)
                {
                    // UDA: λ · mean over the step's unlabelled examples of KL(p̃(y|x) ‖ p(y|x̂)); p̃ with dropout off and
                    // no gradient (a constant target), x̂ in training mode.
                    int from = consistency.Ratio * start, to = consistency.Ratio * end;
                    float weight = (float)(consistency.Weight / (to - from));
                    for (int u = from; u < to; u++)
                    {
                        ReadOnlySpan<float> original = network.Forward(unlabelled.Original(views[u]), unlabelled.OriginalWeights(views[u]), scratch);
                        if (!Consistency.Confident(original, consistency.Confidence))
                        {
                            continue;
                        }

                        confident++;
                        Consistency.Sharpen(original, consistency.Temperature, target);
                        ReadOnlySpan<float> p = network.Forward(augmented[u], augmentedWeights[u], scratch, options.Dropout, random);
                        klSum += Consistency.KullbackLeibler(target, p);
                        network.BackwardToward(target, weight, scratch, denseGradient);
                        state.AccumulateEmbedding(augmented[u], augmentedWeights[u], scratch.InputDelta);
                    }
                }

                state.Step(denseGradient);
                step++;
                if ((step & 0x3FF) == 0)
                {
                    rows.EpochProgress?.Invoke(epoch, end, count); // every 1,024 steps: cheap, and the listener decides when to speak
                }
            }

            state.CatchUpAllRows();
            double trainingSeconds = clock.Elapsed.TotalSeconds;
            var (trainLoss, trainAccuracy) = Score(network, scratch, curveFeatures, curveWeights, curveLabels, null);
            var (validationLoss, validationAccuracy) = validate
                ? Score(network, scratch, validationFeatures, validationWeights, validationLabels, null)
                : (double.NaN, double.NaN);
            var record = new EpochRecord(epoch, trainLoss, trainAccuracy, validationLoss, validationAccuracy, state.LearningRate, Sparsity(network, state.IsTouched), trainingSeconds,
                unlabelled is null ? double.NaN : klSum / Math.Max(1, views.Length), unlabelled is null ? double.NaN : (double)confident / Math.Max(1, views.Length));
            records.Add(record);
            progress?.Report(record);
            if (!double.IsFinite(trainLoss))
            {
                throw Diverged(options, epoch, "the training loss", trainLoss);
            }

            if (!validate)
            {
                continue;
            }

            if (epoch < Math.Min(options.EarlyStopping.MinEpochs, options.Epochs))
            {
                continue;
            }

            double score = options.EarlyStopping.Monitor == StoppingMetric.Loss ? validationLoss : -validationAccuracy;
            if (double.IsNaN(bestScore) || score < bestScore - options.EarlyStopping.MinDelta)
            {
                bestScore = score;
                bestEpoch = epoch;
                sinceBest = 0;
                if (restores)
                {
                    best = ((float[])network.Dense.Clone(), (float[])network.Embeddings.Clone());
                }
            }
            else if (stops && ++sinceBest >= options.EarlyStopping.Patience)
            {
                break;
            }
        }

        if (best is { } snapshot)
        {
            snapshot.Dense.CopyTo(network.Dense, 0);
            snapshot.Embeddings.CopyTo(network.Embeddings, 0);
        }

        // Rows of features never seen in training hold only their random start: zero them, so that an
        // unseen feature at prediction time adds nothing and the model file stores only what was learned.
        state.ZeroUntouchedRows();
        if (!IsFinite(network.Dense) || !IsFinite(network.Embeddings))
        {
            throw Diverged(options, records.Count, "a weight", double.NaN); // a loss can stay finite while a weight no example reached overflowed
        }
        var model = new TextClassifier(network, labels, options.Features);
        int kept = validate && restores ? bestEpoch : records.Count;
        var report = new TrainingReport(records, kept, records.Count < options.Epochs, Sparsity(network, state.IsTouched), labels.Length, options)
        {
            TrainingRows = count,
            ValidationRows = validationFeatures.Length,
            ValidationNote = validationNote,
        };
        return (model, report);
    }

    /// <summary>
    /// Training diverged (a loss or weight became infinite or NaN): the step was too large for the data. Nothing may be
    /// written: a model with such weights predicts one class for everything, and its probabilities cannot be written.
    /// </summary>
    private static TrainingDivergedException Diverged(TrainerOptions options, int epoch, string what, double value)
    {
        string rate = options.LearningRate.ToString("G", CultureInfo.InvariantCulture);
        string optimizer = TrainerOption.Format(TrainerOptionTable.Named("optimizer").Get(options));
        string shown = double.IsNaN(value) ? "not a number" : double.IsPositiveInfinity(value) ? "infinite" : "-infinite";
        return new TrainingDivergedException(string.Create(CultureInfo.InvariantCulture,
            $"training diverged at epoch {epoch}: {what} became {shown}, so the steps were too large (learning_rate, --lr, is {rate} with the {optimizer} optimizer). "
            + $"Lower the learning rate (e.g. --lr {options.LearningRate / 10:G3}). No model was written."));
    }

    private static bool IsFinite(ReadOnlySpan<float> values)
    {
        foreach (float v in values)
        {
            if (!float.IsFinite(v))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The refit after a selection run: trains from the start on <paramref name="all"/> (the selection run's training
    /// and validation rows) for the epochs the selection kept; the report holds the selection run's curves.
    /// </summary>
    internal static (TextClassifier Model, TrainingReport Report) RefitAfter(TrainingReport selectionReport, IReadOnlyList<Example> all, TrainerOptions options)
    {
        int epochs = selectionReport.BestEpoch;
        // The selection run's network, optimizer state and features (hundreds of MB) are garbage now: collect them before the
        // refit allocates its own, so that peak memory is one run's, not two (with one string per distinct label, train's peak
        // at 1M rows went from 1,542 to 1,365 MB: benchmarks/memory.sh; the share of each change was not measured apart).
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        var (model, refit) = Refit(all, epochs, options);
        return (model, RefitReport(selectionReport, refit, all.Count, epochs, options));
    }

    private static TrainingReport RefitReport(TrainingReport selectionReport, TrainingReport refit, int rows, int epochs, TrainerOptions options) =>
        new(selectionReport.Epochs, epochs, selectionReport.StoppedEarly, refit.Sparsity, selectionReport.Classes, options)
        {
            TrainingRows = rows,
            ValidationRows = selectionReport.ValidationRows,
            // Without validation rows the refit has nothing to add to: the note says only what the selection run said.
            ValidationNote = selectionReport.ValidationRows == 0 ? selectionReport.ValidationNote
                : FormattableString.Invariant($"{selectionReport.ValidationNote}; then refit on all {Plural.Count(rows, "row")} for {(options.EarlyStopping.Stops ? $"the {Plural.Count(epochs, "epoch")} early stopping chose" : $"{(epochs == 1 ? "its one epoch" : $"all {epochs:N0} epochs")} (early stopping is off)")}"),
            RefitEpochs = epochs,
        };

    private static TrainerOptions RefitOptions(TrainerOptions options, int epochs) => options with
    {
        Epochs = epochs,
        Refit = false,
        ValidationFraction = 0,
        EarlyStopping = new EarlyStoppingOptions { Enabled = false, RestoreBest = false },
    };

    /// <summary>Trains from the start on <paramref name="all"/> for exactly <paramref name="epochs"/> epochs, without validation (the refit after early stopping chose the count).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="epochs"/> below 1.</exception>
    public static (TextClassifier Model, TrainingReport Report) Refit(IReadOnlyList<Example> all, int epochs, TrainerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(epochs, 1);
        return Train(all, null, RefitOptions(options, epochs));
    }

    /// <summary>The idf of the training rows' document frequencies and, when given, the unlabelled originals' (counted into a copy).</summary>
    private static IdfTable FitIdf(IdfTable.DocumentFrequencies training, int[][] unlabelled)
    {
        if (unlabelled.Length == 0)
        {
            return training.ToTable();
        }

        IdfTable.DocumentFrequencies all = training.Clone();
        foreach (int[] document in unlabelled)
        {
            all.Add(document);
        }

        return all.ToTable();
    }

    /// <summary>
    /// Mean loss and accuracy, dropout off, over <paramref name="subset"/> (or all). An example whose label is -1 (a
    /// validation label the training data lacks, see <see cref="Encode"/>) counts as an error in the accuracy and is left
    /// out of the loss, which has no term for a class the model does not have (NaN when no example has a known label).
    /// </summary>
    internal static (double Loss, double Accuracy) Score(Network network, Network.Scratch scratch, int[][] features, float[][] weights, int[] labels, int[]? subset)
    {
        int n = subset?.Length ?? features.Length;
        if (n == 0)
        {
            return (double.NaN, double.NaN);
        }

        double loss = 0;
        int correct = 0, known = 0;
        for (int k = 0; k < n; k++)
        {
            int i = subset?[k] ?? k;
            if (labels[i] < 0)
            {
                continue; // the model cannot predict it: an error, and no loss term
            }

            ReadOnlySpan<float> p = network.Forward(features[i], weights[i], scratch);
            loss += Network.Loss(p, labels[i]);
            known++;
            correct += System.Numerics.Tensors.TensorPrimitives.IndexOfMax(p) == labels[i] ? 1 : 0;
        }

        return (known == 0 ? double.NaN : loss / known, (double)correct / n);
    }

    /// <summary>
    /// Says how many rows of <paramref name="validation"/> (read from <paramref name="path"/>) have a label that no row of
    /// <paramref name="train"/> has, naming the first few such labels; null when there are none. Such rows count as errors
    /// in the validation accuracy and are left out of the validation loss (the model has no class for them).
    /// </summary>
    public static string? DescribeUnknownLabels(IReadOnlyList<Example> train, IReadOnlyList<Example>? validation, string path)
    {
        ArgumentNullException.ThrowIfNull(train);
        return validation is null ? null : DescribeUnknownLabels(new HashSet<string>(train.Select(e => e.Label ?? ""), StringComparer.Ordinal), validation, path);
    }

    /// <summary><see cref="DescribeUnknownLabels(IReadOnlyList{Example}, IReadOnlyList{Example}?, string)"/> given the training data's labels.</summary>
    internal static string? DescribeUnknownLabels(IReadOnlySet<string> known, IReadOnlyList<Example>? validation, string path)
    {
        if (validation is null)
        {
            return null;
        }

        var unknown = new SortedDictionary<string, int>(StringComparer.Ordinal);
        int rows = 0;
        foreach (Example e in validation)
        {
            if (e.Label is { } label && !known.Contains(label))
            {
                rows++;
                unknown[label] = unknown.GetValueOrDefault(label) + 1;
            }
        }

        if (rows == 0)
        {
            return null;
        }

        string names = FirstFew([.. unknown.Select(u => FormattableString.Invariant($"'{u.Key}' ({u.Value:N0})"))]);
        return FormattableString.Invariant(
            $"{path}: {rows:N0} of {Plural.Count(validation.Count, "validation row")} {(rows == 1 ? "has" : "have")} {(unknown.Count == 1 ? "a label" : $"{unknown.Count:N0} labels")} the training data lacks: {names}; they count as errors in the validation accuracy and are left out of the validation loss (the model has no class for them){(rows == validation.Count ? "; no validation row has a label the model can predict, so the validation scores say nothing and early stopping has nothing to watch" : "")}.");
    }

    /// <summary>The first <paramref name="shown"/> of <paramref name="items"/>, comma-separated, then "and N more" for the rest (messages that name a few of many).</summary>
    internal static string FirstFew(IReadOnlyList<string> items, int shown = 5) =>
        string.Join(", ", items.Take(shown)) + (items.Count > shown ? FormattableString.Invariant($" and {items.Count - shown:N0} more") : "");

    /// <summary>
    /// Checks that <paramref name="train"/> (read from <paramref name="path"/>) can be trained on: at least one example, and at
    /// least 2 labels.
    /// </summary>
    /// <exception cref="DataFormatException">The file holds no examples, or fewer than 2 labels (the message names them).</exception>
    public static void EnsureTrainable(IReadOnlyList<Example> train, string path)
    {
        ArgumentNullException.ThrowIfNull(train);
        string[] labels = [.. train.Select(e => e.Label ?? "").Distinct(StringComparer.Ordinal).Take(2)];
        EnsureTrainable(train.Count, labels.Length, labels.FirstOrDefault(), path, emptyTexts: 0);
    }

    /// <summary>
    /// <see cref="EnsureTrainable(IReadOnlyList{Example}, string)"/> for rows read as a stream: at least one row, at least 2 labels
    /// (the same messages); <paramref name="emptyTexts"/> is the number of records skipped for an empty text.
    /// </summary>
    /// <exception cref="DataFormatException">No rows, or fewer than 2 labels.</exception>
    internal static void EnsureTrainable(TrainingRows rows, string path, long emptyTexts) =>
        EnsureTrainable(rows.Count, rows.LabelsSeen.Count, rows.FirstLabel, path, emptyTexts);

    private static void EnsureTrainable(int examples, int labels, string? firstLabel, string path, long emptyTexts)
    {
        if (examples == 0)
        {
            throw Corpus.CorpusReader.NoExamples(path, "training", emptyTexts > 0);
        }

        if (labels < 2)
        {
            throw new DataFormatException(path, 0, 0, FormattableString.Invariant(
                $"every one of the {examples:N0} training examples has the label '{firstLabel}'; training needs at least 2 labels."));
        }
    }

    /// <summary>
    /// Fraction of exactly-zero weights among the dense layers' weights and the embedding rows that count:
    /// those of features seen in training (<paramref name="counts"/>), or every row not entirely zero (a loaded model).
    /// </summary>
    internal static double Sparsity(Network network, Func<int, bool>? counts = null)
    {
        long zeros = 0, total = 0;
        for (int l = 0; l < network.Layers; l++)
        {
            zeros += Zeros(network.Dense.AsSpan(network.WeightAt[l], network.In[l] * network.Out[l]));
            total += network.In[l] * network.Out[l];
        }

        for (int row = 0; row < network.Buckets; row++)
        {
            ReadOnlySpan<float> values = network.Row(row);
            if (counts?.Invoke(row) ?? values.ContainsAnyExcept(0f))
            {
                zeros += Zeros(values);
                total += values.Length;
            }
        }

        return total == 0 ? 0 : (double)zeros / total;
    }

    private static long Zeros(ReadOnlySpan<float> values)
    {
        long n = 0;
        foreach (float v in values)
        {
            n += v == 0f ? 1 : 0;
        }

        return n;
    }

    private static (int[][] Features, int[] Labels) Encode(IReadOnlyList<Example>? examples, Featurizer featurizer, string[] labels)
    {
        if (examples is null)
        {
            return ([], []);
        }

        var labelIndex = labels.Select((l, i) => (l, i)).ToDictionary(e => e.l, e => e.i, StringComparer.Ordinal);
        var features = new List<int[]>();
        var known = new List<int>();
        foreach (Example e in examples)
        {
            // A validation label the training data never had cannot be predicted; it still counts as an error.
            features.Add(featurizer.Featurize(e.Text));
            known.Add(e.Label is not null && labelIndex.TryGetValue(e.Label, out int y) ? y : -1);
        }

        return ([.. features], [.. known]);
    }

    private static float[] ClassWeights(int[] counts, int rows, bool balance)
    {
        int classes = counts.Length;
        var weights = new float[classes];
        Array.Fill(weights, 1f);
        if (balance)
        {
            for (int c = 0; c < classes; c++)
            {
                weights[c] = counts[c] == 0 ? 0 : (float)rows / (classes * counts[c]);
            }
        }

        return weights;
    }

    /// <summary>
    /// The share of ids held out when it is more than 5 points from the fraction asked, and why: the split rounds within
    /// each label (<see cref="HeldIds"/>), so small data holds out more or less. Empty otherwise.
    /// </summary>
    internal static string HeldShare(int heldIds, int ids, double fraction)
    {
        double share = (double)heldIds / ids;
        return Math.Abs(share - fraction) <= 0.05 ? ""
            : $"; that is {Percent(share)} of the ids, not the {Percent(fraction)} asked: the split rounds within each label, and a label with at least 2 ids gives at least one to validation and keeps at least one for training";
    }

    /// <summary>
    /// The validation note of a split made before training (a pipeline's <c>train.validation.fraction</c>, which holds out
    /// originals so that their variants are not trained on): how many were held out, and <see cref="HeldShare"/>.
    /// </summary>
    internal static string HeldOutNote(int held, int originals, double fraction) =>
        FormattableString.Invariant($"validation: {held:N0} of {Plural.Count(originals, "original")} held out (stratified by label), their variants not trained on")
        + (held == 0 ? "" : HeldShare(held, originals, fraction));

    /// <summary>
    /// <paramref name="fraction"/> as a percentage with the fewest decimals that keep it within 1 % of its value ("67 %",
    /// "12.5 %", "0.0000001 %"), so that a small fraction does not read as 0 %.
    /// </summary>
    internal static string Percent(double fraction)
    {
        double percent = fraction * 100;
        for (int decimals = 0; decimals <= 15; decimals++)
        {
            double rounded = Math.Round(percent, decimals);
            if (rounded != 0 && Math.Abs(rounded - percent) <= Math.Abs(percent) * 0.01)
            {
                return rounded.ToString("0." + new string('#', decimals), System.Globalization.CultureInfo.InvariantCulture) + " %";
            }
        }

        return percent.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + " %";
    }

    /// <summary>
    /// How many of a label's <paramref name="ids"/> the split holds out: <paramref name="fraction"/> of them, rounded
    /// (to even), at least one and at most all but one when the label has two or more ids (so every label keeps an id
    /// to train on and one to validate), none when it has one or <paramref name="fraction"/> is 0.
    /// </summary>
    internal static int HeldIds(int ids, double fraction) =>
        ids < 2 || fraction <= 0 ? 0 : Math.Clamp((int)Math.Round(ids * fraction), 1, ids - 1);

    /// <summary>
    /// Holds out <paramref name="fraction"/> of each label's ids (<see cref="HeldIds"/>). Rows that share an id (an
    /// augmented corpus's variants of one original) go to the same side, so no variant of a validation example is
    /// trained on; with one row per id this is a stratified split by row.
    /// </summary>
    internal static (IReadOnlyList<Example> Train, IReadOnlyList<Example> Validation) StratifiedSplit(IReadOnlyList<Example> examples, double fraction, AugmentRandom random)
    {
        var train = new List<Example>();
        var validation = new List<Example>();
        if (fraction <= 0)
        {
            train.AddRange(examples);
            return (train, validation);
        }

        // Each id's rows, in order of first appearance; an id is stratified by its first row's label.
        var groups = new Dictionary<string, List<Example>>(StringComparer.Ordinal);
        var firsts = new List<List<Example>>();
        foreach (Example e in examples)
        {
            if (!groups.TryGetValue(e.Id, out List<Example>? rows))
            {
                rows = [];
                groups[e.Id] = rows;
                firsts.Add(rows);
            }

            rows.Add(e);
        }

        foreach (var label in firsts.GroupBy(g => g[0].Label ?? "", StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            List<Example>[] items = [.. label];
            int[] order = [.. Enumerable.Range(0, items.Length)];
            Shuffle(order, random);
            int held = HeldIds(items.Length, fraction);
            for (int k = 0; k < items.Length; k++)
            {
                (k < held ? validation : train).AddRange(items[order[k]]);
            }
        }

        return (train, validation);
    }

    private static void Shuffle(int[] order, AugmentRandom random)
    {
        for (int i = order.Length - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
    }
}
