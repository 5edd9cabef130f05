using TextAugment.Text;

namespace TextAugment.Augmenters;

/// <summary>Composes augmenters. A composition is itself an augmenter, so compositions nest.</summary>
public static class Augment
{
    /// <summary>Applies every stage in order.</summary>
    public static Augmenter Sequence(params IReadOnlyList<Augmenter> stages) => new SequenceAugmenter(stages);

    /// <summary>Applies one stage, chosen uniformly at random.</summary>
    public static Augmenter OneOf(params IReadOnlyList<Augmenter> stages) => new OneOfAugmenter(stages, null);

    /// <summary>Applies one stage, chosen with probability proportional to its weight.</summary>
    /// <exception cref="ArgumentException">A weight is negative or not finite, all weights are zero, or the counts differ.</exception>
    public static Augmenter OneOf(IReadOnlyList<Augmenter> stages, IReadOnlyList<double> weights) => new OneOfAugmenter(stages, weights);

    /// <summary>Applies <paramref name="stage"/> with probability <paramref name="probability"/>, otherwise leaves the sentence unchanged.</summary>
    public static Augmenter Sometimes(double probability, Augmenter stage) => new SometimesAugmenter(probability, stage);
}

internal sealed class SequenceAugmenter : Augmenter
{
    private readonly Augmenter[] _stages;

    public SequenceAugmenter(IReadOnlyList<Augmenter> stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        _stages = [.. stages];
    }

    protected internal override void AugmentCore(TokenList tokens, AugmentRandom random)
    {
        foreach (Augmenter stage in _stages)
        {
            stage.AugmentCore(tokens, random);
        }
    }

    protected internal override bool PrefersLargeBatches => _stages.Any(s => s.PrefersLargeBatches);

    // Each stage sees the whole batch; every sentence still draws from its own stream in stage order,
    // so the result equals one call per sentence.
    protected internal override void AugmentBatchCore(IReadOnlyList<TokenList> batch, IReadOnlyList<AugmentRandom> randoms)
    {
        foreach (Augmenter stage in _stages)
        {
            stage.AugmentBatchCore(batch, randoms);
        }
    }
}

/// <summary>Shared by one-of and sometimes: draw a branch per sentence, then hand each branch its sub-batch.</summary>
internal abstract class BranchingAugmenter : Augmenter
{
    private readonly ThreadLocal<List<Group>> _groups = new(() => []);

    protected abstract Augmenter? Choose(AugmentRandom random);

    protected internal override void AugmentCore(TokenList tokens, AugmentRandom random) =>
        Choose(random)?.AugmentCore(tokens, random);

    protected internal override void AugmentBatchCore(IReadOnlyList<TokenList> batch, IReadOnlyList<AugmentRandom> randoms)
    {
        // Groups in order of first choice. A branch has a few stages, so a linear search by reference finds a sentence's
        // group without hashing the stage object on every sentence (a call into the runtime). Each thread keeps its groups'
        // lists between batches (a stage is shared by every worker), so a batch allocates nothing here.
        List<Group> groups = _groups.Value!;
        int used = 0;
        for (int i = 0; i < batch.Count; i++)
        {
            Augmenter? chosen = Choose(randoms[i]);
            if (chosen is null)
            {
                continue;
            }

            int g = 0;
            while (g < used && !ReferenceEquals(groups[g].Stage, chosen))
            {
                g++;
            }

            if (g == used)
            {
                if (used == groups.Count)
                {
                    groups.Add(new Group());
                }

                groups[used++].Start(chosen);
            }

            groups[g].Tokens.Add(batch[i]);
            groups[g].Randoms.Add(randoms[i]);
        }

        try
        {
            for (int g = 0; g < used; g++)
            {
                groups[g].Stage!.AugmentBatchCore(groups[g].Tokens, groups[g].Randoms);
            }
        }
        finally
        {
            for (int g = 0; g < used; g++)
            {
                groups[g].Start(null); // no references to the batch's lists kept past it
            }
        }
    }

    /// <summary>The sentences of a batch that chose one stage, with their random streams.</summary>
    private sealed class Group
    {
        public Augmenter? Stage { get; private set; }

        public List<TokenList> Tokens { get; } = [];

        public List<AugmentRandom> Randoms { get; } = [];

        public void Start(Augmenter? stage)
        {
            Stage = stage;
            Tokens.Clear();
            Randoms.Clear();
        }
    }
}

internal sealed class OneOfAugmenter : BranchingAugmenter
{
    private readonly Augmenter[] _stages;
    private readonly double[] _cumulative;

    public OneOfAugmenter(IReadOnlyList<Augmenter> stages, IReadOnlyList<double>? weights)
    {
        ArgumentNullException.ThrowIfNull(stages);
        if (stages.Count == 0)
        {
            throw new ArgumentException("one_of needs at least one stage.", nameof(stages));
        }

        if (weights is not null && weights.Count != stages.Count)
        {
            throw new ArgumentException($"one_of has {stages.Count} stages but {weights.Count} weights; give one weight per stage.", nameof(weights));
        }

        _stages = [.. stages];
        _cumulative = new double[stages.Count];
        double largest = 0;
        for (int i = 0; i < stages.Count; i++)
        {
            double w = weights?[i] ?? 1.0;
            if (!double.IsFinite(w) || w < 0)
            {
                throw new ArgumentException($"one_of weight {i + 1} is {w}; weights must be finite and at least 0.", nameof(weights));
            }

            largest = Math.Max(largest, w);
        }

        // Finite weights near double.MaxValue add up to infinity: then each is divided by the largest first.
        double divisor = double.IsFinite(weights?.Sum() ?? 0) ? 1 : largest;
        double total = 0;
        for (int i = 0; i < stages.Count; i++)
        {
            total += (weights?[i] ?? 1.0) / divisor;
            _cumulative[i] = total;
        }

        if (total <= 0)
        {
            throw new ArgumentException("one_of weights are all zero; at least one must be positive.", nameof(weights));
        }

        for (int i = 0; i < _cumulative.Length; i++)
        {
            _cumulative[i] /= total;
        }
    }

    protected internal override bool PrefersLargeBatches => _stages.Any(s => s.PrefersLargeBatches);

    protected override Augmenter? Choose(AugmentRandom random)
    {
        double u = random.NextDouble();
        for (int i = 0; i < _cumulative.Length - 1; i++)
        {
            if (u < _cumulative[i])
            {
                return _stages[i];
            }
        }

        return _stages[^1];
    }
}

internal sealed class SometimesAugmenter : BranchingAugmenter
{
    private readonly double _probability;
    private readonly Augmenter _stage;

    public SometimesAugmenter(double probability, Augmenter stage)
    {
        if (!(probability is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "sometimes: p must be between 0 and 1.");
        }

        _probability = probability;
        _stage = stage ?? throw new ArgumentNullException(nameof(stage));
    }

    protected internal override bool PrefersLargeBatches => _stage.PrefersLargeBatches;

    protected override Augmenter? Choose(AugmentRandom random) => random.NextDouble() < _probability ? _stage : null;
}
