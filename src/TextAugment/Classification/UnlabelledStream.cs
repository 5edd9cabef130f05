using TextAugment.Augmenters;
using TextAugment.Corpus;

namespace TextAugment.Classification;

/// <summary>
/// The unlabelled side of consistency training: each example's features once, and for each epoch the examples it
/// uses (shuffled passes over the unlabelled set, continued from epoch to epoch) with a freshly augmented view of
/// each. A view's random stream is (seed, example id, epoch, occurrence in the epoch), so views are the same for any
/// thread count.
/// </summary>
internal sealed class UnlabelledStream
{
    private const ulong OrderSalt = 0x756E_6C61_6265_6CUL, ViewSalt = 0x7669_6577UL;
    private readonly IReadOnlyList<Example> _examples;
    private readonly int[][] _features;
    private readonly Augmenter _augmenter;
    private readonly FeatureOptions _options;
    private readonly ulong _seed;
    private readonly int _threads;
    private readonly AugmentRandom _order;
    private readonly int[] _pass;
    private int _cursor;

    public UnlabelledStream(ConsistencyOptions consistency, FeatureOptions features, ulong seed)
    {
        _examples = consistency.Unlabelled;
        _options = features;
        _seed = seed ^ ViewSalt;
        _threads = Math.Max(1, consistency.Threads);
        _augmenter = consistency.Augmenter ?? ConsistencyOptions.DefaultAugmenter(_examples, features.Segmenter);
        _features = new int[_examples.Count][];
        Parallel.For(0, _examples.Count, new ParallelOptions { MaxDegreeOfParallelism = _threads }, () => new Featurizer(features),
            (i, _, featurizer) =>
            {
                _features[i] = featurizer.Featurize(_examples[i].Text);
                return featurizer;
            }, _ => { });
        _order = new AugmentRandom(seed ^ OrderSalt);
        _pass = [.. Enumerable.Range(0, _examples.Count)];
        _cursor = _pass.Length;
    }

    /// <summary>The features of unlabelled example <paramref name="index"/> as it is (for p̃).</summary>
    public int[] Original(int index) => _features[index];

    /// <summary>The next <paramref name="count"/> unlabelled examples (indices) and the features of an augmented view of each, for <paramref name="epoch"/>.</summary>
    public (int[] Index, int[][] Augmented) Epoch(int epoch, int count)
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
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = _threads }, () => new Featurizer(_options),
            (k, _, featurizer) =>
            {
                Example e = _examples[index[k]];
                string view = _augmenter.Augment(e.Text, AugmentRandom.For(_seed, e.Id, epoch, occurrence[k]), null, _options.Segmenter);
                augmented[k] = featurizer.Featurize(view);
                return featurizer;
            }, _ => { });
        return (index, augmented);
    }
}
