namespace TextAugment.Classification;

/// <summary>Optimisers.</summary>
public enum OptimizerKind
{
    /// <summary>Mini-batch SGD with momentum.</summary>
    Sgd,
    /// <summary>Adam (Kingma and Ba 2015); <see cref="TrainerOptions.WeightDecay"/> is added to the gradient (L2), as in PyTorch's Adam.</summary>
    Adam,
    /// <summary>AdamW (Loshchilov and Hutter 2019): Adam with <see cref="TrainerOptions.WeightDecay"/> decoupled from the gradient.</summary>
    AdamW,
}

/// <summary>Learning-rate schedules.</summary>
public enum Schedule
{
    /// <summary>The same rate throughout.</summary>
    Constant,
    /// <summary>Linear decay to zero over the training steps (fastText's schedule).</summary>
    Linear,
    /// <summary>Cosine decay to zero.</summary>
    Cosine,
}

/// <summary>How the optimiser updates the embedding rows (the hashed feature vectors) in each step.</summary>
public enum EmbeddingUpdates
{
    /// <summary>
    /// Only the rows of the features in the step's examples: their moments and weights are updated; every other row keeps
    /// its moments and weights through the step (PyTorch's SparseAdam, TensorFlow Addons' LazyAdam). When the row is next
    /// touched, and at each epoch's end, it gets the decoupled weight decay Π(1 − lr_j·wd) and the L1 thresholds of the
    /// steps it missed, each at its step's rate; coupled L2 (and Adam's weight decay) as the shrinking (1 − lr_j·c) of each
    /// missed step, not through the adaptive step. The cost of a step grows with the rows it touches.
    /// </summary>
    Lazy,
    /// <summary>
    /// Every row in every step, with a zero gradient where the step has none, as a dense optimiser on a dense embedding
    /// gradient (PyTorch's Adam or AdamW on an <c>nn.EmbeddingBag</c> without <c>sparse=True</c>): moments of absent rows
    /// decay and momentum keeps moving them. The cost of a step grows with the buckets; for comparison, not speed.
    /// </summary>
    Dense,
}

/// <summary>What early stopping watches.</summary>
public enum StoppingMetric
{
    /// <summary>Validation loss (lower is better).</summary>
    Loss,
    /// <summary>Validation accuracy (higher is better).</summary>
    Accuracy,
}

/// <summary>Early stopping. Every property has a documented default.</summary>
public sealed record EarlyStoppingOptions
{
    /// <summary>
    /// Whether to stop early at all (needs validation data; as Keras' EarlyStopping callback, only when asked for).
    /// Default: false — on the benchmark's dev splits, early stopping on a held-out tenth of 500 examples kept 6–20 of
    /// the linear TF-IDF model's epochs and trailed training every epoch by 0.7–1.7 points (benchmarks/README.md, "Defaults").
    /// </summary>
    public bool Enabled { get; init; }

    /// <summary>Epochs without improvement before stopping; 0 turns early stopping off (every epoch is trained and the last kept). Default: 3.</summary>
    public int Patience { get; init; } = 3;

    /// <summary>Smallest change that counts as an improvement. Default: 0.0001.</summary>
    public double MinDelta { get; init; } = 1e-4;

    /// <summary>What to watch. Default: <see cref="StoppingMetric.Loss"/>.</summary>
    public StoppingMetric Monitor { get; init; } = StoppingMetric.Loss;

    /// <summary>Keep the best epoch's weights, not the last. Default: true.</summary>
    public bool RestoreBest { get; init; } = true;

    /// <summary>
    /// The first epoch early stopping may keep or stop at: earlier epochs neither count as the best nor
    /// toward patience (Keras' <c>start_from_epoch</c>), so a noisy small validation set cannot stop training
    /// before the model has fit. Default: 5 (measured: on the benchmark datasets' full training sets, early
    /// stopping from epoch 1 kept epoch 1 or 2 and lost 1.2 points of validation accuracy; see benchmarks/README.md).
    /// </summary>
    public int MinEpochs { get; init; } = 5;

    /// <summary>Whether early stopping acts at all: enabled with a patience above 0 (patience 0 trains every epoch and keeps the last).</summary>
    internal bool Stops => Enabled && Patience > 0;
}

/// <summary>How to train a <see cref="TextClassifier"/>. Every property has a documented default.</summary>
public sealed record TrainerOptions
{
    /// <summary>Features and embedding size. Default: <see cref="FeatureOptions"/>'s defaults.</summary>
    public FeatureOptions Features { get; init; } = new();

    /// <summary>
    /// Hidden layer sizes (ReLU); empty for a linear model on the embedding bag (fastText's). Default: none (linear):
    /// on dev splits of four benchmark tasks a 64-unit layer lost 0–7 points at 500 examples and gained nothing at
    /// full size (benchmarks/README.md, "Defaults").
    /// </summary>
    public IReadOnlyList<int> Hidden { get; init; } = [];

    /// <summary>Dropout on hidden units while training (inverted, off at inference), in [0, 0.99]. Default: 0.2.</summary>
    public double Dropout { get; init; } = 0.2;

    /// <summary>Coupled L2: λ·Σw² added to the loss (Keras' <c>l2</c>; PyTorch's SGD/Adam <c>weight_decay</c> is 2λ). Default: 0.</summary>
    public double L2 { get; init; }

    /// <summary>L1: λ·Σ|w|, applied as a proximal soft-threshold after each step, so weights become exactly zero. Default: 0.</summary>
    public double L1 { get; init; }

    /// <summary>
    /// Weight decay wd. With AdamW and SGD decoupled: w ← w − lr·wd·w after each step (PyTorch's AdamW). With Adam
    /// coupled: wd·w added to the gradient before the adaptive step (PyTorch's Adam), so Adam and AdamW differ
    /// exactly when wd &gt; 0. Default: 0.
    /// </summary>
    public double WeightDecay { get; init; }

    /// <summary>The optimiser. Default: <see cref="OptimizerKind.AdamW"/>.</summary>
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.AdamW;

    /// <summary>
    /// How the embedding rows are updated. Default: <see cref="EmbeddingUpdates.Lazy"/> (measured on the benchmark
    /// datasets beside <see cref="EmbeddingUpdates.Dense"/>: benchmarks/README.md, "Training throughput").
    /// </summary>
    public EmbeddingUpdates EmbeddingUpdates { get; init; }

    /// <summary>Peak learning rate. Default: 0.003 (chosen on validation data for AdamW; SGD wants about 0.1).</summary>
    public double LearningRate { get; init; } = 0.003;

    /// <summary>The schedule. Default: <see cref="Schedule.Linear"/>.</summary>
    public Schedule Schedule { get; init; } = Schedule.Linear;

    /// <summary>SGD momentum. Default: 0.9.</summary>
    public double Momentum { get; init; } = 0.9;

    /// <summary>Examples per step. Default: 16.</summary>
    public int BatchSize { get; init; } = 16;

    /// <summary>
    /// Passes over the training data (at most, with early stopping). Default: 30 (a linear TF-IDF bag scored within
    /// noise of 30 at 20 to 100 epochs on the benchmark's dev splits; 30 is the cheapest of the budgets that never trailed).
    /// </summary>
    public int Epochs { get; init; } = 30;

    /// <summary>Weigh each class by N / (classes · n_c), for imbalanced data. Default: false.</summary>
    public bool BalanceClasses { get; init; }

    /// <summary>Early stopping. Default: on, patience 3, on validation loss, restoring the best epoch.</summary>
    public EarlyStoppingOptions EarlyStopping { get; init; } = new();

    /// <summary>
    /// After early stopping chose the number of epochs on validation data held out from the training data, train
    /// again from the start on all of it (validation rows included) for that many epochs: the usual practice of
    /// choosing a hyper-parameter on a split and refitting on everything (scikit-learn's <c>refit</c>). No effect
    /// when validation data is given separately or there is none. Default: true (with a held-out fraction, it is trained on too).
    /// </summary>
    public bool Refit { get; init; } = true;

    /// <summary>
    /// Fraction of the training data held out (stratified, by id) for validation when no validation set is given; 0 for
    /// none. Default: 0 — every example is trained on, for <see cref="Epochs"/> epochs, as scikit-learn and fastText do;
    /// early stopping on a held-out tenth kept too few epochs for a linear model (benchmarks/README.md, "Defaults"). Give
    /// 0.1 for validation curves, the report's bias/variance reading and early stopping.
    /// </summary>
    public double ValidationFraction { get; init; }

    /// <summary>Training examples scored each epoch for the training curve (a fixed sample when there are more). Default: 20,000.</summary>
    public int TrainingCurveSample { get; init; } = 20_000;

    /// <summary>
    /// Word vectors to start the word features from (the same vectors the word_vector stage uses): each
    /// training word found in them starts as its vector instead of random values. Their dimensions must
    /// equal <see cref="FeatureOptions.Dimensions"/>. Default: none.
    /// </summary>
    public Vectors.WordVectors? InitialVectors { get; init; }

    /// <summary>Consistency training on unlabelled text (UDA). Default: off (no unlabelled examples).</summary>
    public ConsistencyOptions Consistency { get; init; } = new();

    /// <summary>The seed: initialisation, shuffling, dropout and the validation split. Default: 0.</summary>
    public ulong Seed { get; init; }

    /// <summary>The largest seed a pipeline's <c>seed</c> and <c>textaugment train --seed</c> take: 2^63−1 (the range of a
    /// YAML integer as read); one range for both, so a seed of one works in the other.</summary>
    public const long MaxSeed = long.MaxValue;

    internal void Validate()
    {
        Features.Validate();
        TrainerOptionTable.Validate(this);
        if (InitialVectors is { } vectors && vectors.Dimensions != Features.Dimensions)
        {
            throw new ArgumentException($"the initial word vectors have {vectors.Dimensions} dimensions but the classifier's embeddings have {Features.Dimensions}; set dim: {vectors.Dimensions}.", nameof(InitialVectors));
        }
    }
}
