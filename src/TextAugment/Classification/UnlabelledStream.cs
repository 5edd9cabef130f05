using TextAugment.Augmenters;
using TextAugment.Corpus;

namespace TextAugment.Classification;

/// <summary>
/// The unlabelled side of consistency training: each example's features once, and for each epoch the examples it
/// uses (shuffled passes over the unlabelled set, continued from epoch to epoch) with an augmented view of each. On
/// the fly (<see cref="ConsistencyOptions.Views"/> 0) a view is made when it is used, from the random stream (seed,
/// example id, epoch, occurrence in the epoch); with K views they are all made here, view v from (seed, example id,
/// v + 1, 0), and the o-th use of an example in epoch e takes view (e − 1 + o) mod K. Either way a view depends only
/// on its stream, so views are the same for any thread count.
/// </summary>
internal sealed class UnlabelledStream
{
    private const ulong OrderSalt = 0x756E_6C61_6265_6CUL, ViewSalt = 0x7669_6577UL;
    private readonly IReadOnlyList<Example> _examples;
    private readonly int[][] _features;
    private readonly float[][] _weights;        // each original's bag weights (empty for the mean bag), computed once
    private readonly Func<int[], float[]> _weigh;
    private readonly Augmenter _augmenter;
    private readonly FeatureOptions _options;
    private readonly ulong _seed;
    private readonly int _threads;
    private readonly AugmentRandom _order;
    private readonly int[] _pass;
    private readonly int[][][]? _views;
    private readonly float[][][]? _viewWeights;
    private int _cursor;

    /// <summary>The features of every unlabelled original in <paramref name="consistency"/>, in order (made on its threads; the same for any count).</summary>
    public static int[][] Featurize(ConsistencyOptions consistency, FeatureOptions features)
    {
        IReadOnlyList<Example> examples = consistency.Unlabelled;
        var made = new int[examples.Count][];
        Parallel.For(0, examples.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, consistency.Threads) }, () => new Featurizer(features),
            (i, _, featurizer) =>
            {
                made[i] = featurizer.Featurize(examples[i].Text);
                return featurizer;
            }, _ => { });
        return made;
    }

    /// <param name="consistency">The unlabelled texts, the stages that make views, the number of views and the threads.</param>
    /// <param name="originals">The features of the unlabelled texts (<see cref="Featurize"/>).</param>
    /// <param name="features">How texts become features.</param>
    /// <param name="seed">The run's seed.</param>
    /// <param name="weigh">The bag weights of a feature list (<see cref="Network.Weigh"/>); null for the mean bag. Applied once
    /// per original and per view made, not per use.</param>
    public UnlabelledStream(ConsistencyOptions consistency, int[][] originals, FeatureOptions features, ulong seed, Func<int[], float[]>? weigh = null)
    {
        _weigh = weigh ?? (_ => []);
        _examples = consistency.Unlabelled;
        _options = features;
        _seed = seed ^ ViewSalt;
        _threads = Math.Max(1, consistency.Threads);
        _augmenter = consistency.Augmenter ?? ConsistencyOptions.DefaultAugmenter(_examples, features.Segmenter);
        if (originals.Length != _examples.Count)
        {
            throw new ArgumentException($"{originals.Length} feature lists for {_examples.Count} unlabelled examples.", nameof(originals));
        }

        _features = originals;
        _weights = new float[_examples.Count][];
        Parallel.For(0, _examples.Count, new ParallelOptions { MaxDegreeOfParallelism = _threads }, i => _weights[i] = _weigh(_features[i]));
        if (consistency.Views > 0)
        {
            // Every (view, example) pair is one item, written to its own slot: the result does not depend on the threads.
            int count = _examples.Count, views = consistency.Views;
            var made = new int[views][][];
            var madeWeights = new float[views][][];
            for (int v = 0; v < views; v++)
            {
                made[v] = new int[count][];
                madeWeights[v] = new float[count][];
            }

            Parallel.For(0, (long)views * count, new ParallelOptions { MaxDegreeOfParallelism = _threads }, () => new Featurizer(features),
                (item, _, featurizer) =>
                {
                    int v = (int)(item / count), i = (int)(item % count);
                    made[v][i] = MakeView(featurizer, i, v + 1, 0);
                    madeWeights[v][i] = _weigh(made[v][i]);
                    return featurizer;
                }, _ => { });
            _views = made;
            _viewWeights = madeWeights;
        }

        _order = new AugmentRandom(seed ^ OrderSalt);
        _pass = [.. Enumerable.Range(0, _examples.Count)];
        _cursor = _pass.Length;
    }

    /// <summary>The features of unlabelled example <paramref name="index"/> as it is (for p̃).</summary>
    public int[] Original(int index) => _features[index];

    /// <summary>The bag weights of <see cref="Original"/> (empty for the mean bag).</summary>
    public float[] OriginalWeights(int index) => _weights[index];

    /// <summary>
    /// The next <paramref name="count"/> unlabelled examples (indices), the features of an augmented view of each, and
    /// the view's bag weights, for <paramref name="epoch"/> (1-based).
    /// </summary>
    public (int[] Index, int[][] Augmented, float[][] Weights) Epoch(int epoch, int count)
    {
        var index = new int[count];
        var occurrence = new int[count];
        var seen = new Dictionary<int, int>();
        for (int k = 0; k < count; k++)
        {
            if (_cursor == _pass.Length)
            {
                for (int i = _pass.Length - 1; i > 0; i--)
                {
                    int j = _order.Next(i + 1);
                    (_pass[i], _pass[j]) = (_pass[j], _pass[i]);
                }

                _cursor = 0;
            }

            index[k] = _pass[_cursor++];
            seen.TryGetValue(index[k], out int n);
            occurrence[k] = n;
            seen[index[k]] = n + 1;
        }

        var augmented = new int[count][];
        var weights = new float[count][];
        if (_views is { } views)
        {
            for (int k = 0; k < count; k++)
            {
                int v = (epoch - 1 + occurrence[k]) % views.Length;
                augmented[k] = views[v][index[k]];
                weights[k] = _viewWeights![v][index[k]];
            }

            return (index, augmented, weights);
        }

        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = _threads }, () => new Featurizer(_options),
            (k, _, featurizer) =>
            {
                augmented[k] = MakeView(featurizer, index[k], epoch, occurrence[k]);
                weights[k] = _weigh(augmented[k]);
                return featurizer;
            }, _ => { });
        return (index, augmented, weights);
    }

    /// <summary>The features of unlabelled example <paramref name="index"/> augmented with the stream (seed, its id, <paramref name="round"/>, <paramref name="occurrence"/>).</summary>
    private int[] MakeView(Featurizer featurizer, int index, int round, int occurrence)
    {
        Example e = _examples[index];
        return featurizer.Featurize(_augmenter.Augment(e.Text, AugmentRandom.For(_seed, e.Id, round, occurrence), null, _options.Segmenter));
    }
}
