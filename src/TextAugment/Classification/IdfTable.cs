namespace TextAugment.Classification;

/// <summary>How the embedding bag weighs a text's features (<see cref="FeatureOptions.Weighting"/>).</summary>
public enum FeatureWeighting
{
    /// <summary>The mean of the feature rows, every occurrence alike (fastText's bag).</summary>
    Mean,

    /// <summary>
    /// TF-IDF: feature f weighs (1 + ln tf_f) · idf_f, with idf_f = ln((1 + N) / (1 + df_f)) + 1 over the N training
    /// texts, and the weights are scaled to unit L2 norm — scikit-learn's <c>TfidfVectorizer(sublinear_tf=True)</c>
    /// (smooth idf, norm "l2"). Features no training text had weigh 0, as words outside a vectorizer's vocabulary.
    /// </summary>
    TfIdf,
}

/// <summary>
/// The inverse document frequency of every hash bucket, fitted on the training texts, and the TF-IDF weights of a
/// bag (<see cref="FeatureWeighting.TfIdf"/>). Immutable once fitted; <see cref="Weigh(ReadOnlySpan{int})"/> is thread-safe.
/// </summary>
internal sealed class IdfTable
{
    private readonly float[] _idf;

    private IdfTable(float[] idf) => _idf = idf;

    /// <summary>Buckets.</summary>
    public int Buckets => _idf.Length;

    /// <summary>idf of bucket <paramref name="bucket"/>, or 0 when no training text had it.</summary>
    public float this[int bucket] => _idf[bucket];

    /// <summary>Fits the idf of every bucket on <paramref name="documents"/> (each a text's feature ids, with repeats).</summary>
    public static IdfTable Fit(IReadOnlyList<int[]> documents, int buckets)
    {
        var counts = new DocumentFrequencies(buckets);
        foreach (int[] document in documents)
        {
            counts.Add(document);
        }

        return counts.ToTable();
    }

    /// <summary>The idf of counts <paramref name="df"/> over <paramref name="documents"/> texts.</summary>
    private static IdfTable FromCounts(int[] df, long documents)
    {
        var idf = new float[df.Length];
        double n = documents;
        for (int b = 0; b < df.Length; b++)
        {
            idf[b] = df[b] == 0 ? 0f : (float)(Math.Log((1 + n) / (1 + df[b])) + 1);
        }

        return new IdfTable(idf);
    }

    /// <summary>
    /// The document frequency of every bucket, counted one text at a time (so that a corpus read once, as a stream, is
    /// fitted in the same pass): memory is two ints per bucket, whatever the number of texts.
    /// </summary>
    internal sealed class DocumentFrequencies
    {
        private readonly int[] _df;
        private readonly int[] _last;
        private int _documents;
        private int _stamp;

        /// <summary>Counts over <paramref name="buckets"/> buckets, no text yet.</summary>
        public DocumentFrequencies(int buckets)
        {
            _df = new int[buckets];
            _last = new int[buckets];
            Array.Fill(_last, -1);
        }

        private DocumentFrequencies(DocumentFrequencies from)
        {
            _df = (int[])from._df.Clone();
            _last = (int[])from._last.Clone();
            _documents = from._documents;
            _stamp = from._stamp;
        }

        /// <summary>The texts counted.</summary>
        public int Documents => _documents;

        /// <summary>Counts one text's features (with repeats; each distinct feature counts once).</summary>
        public void Add(ReadOnlySpan<int> document) => Count(document, +1);

        /// <summary>Takes back one text counted before (a row held out of training after the corpus was read).</summary>
        public void Remove(ReadOnlySpan<int> document) => Count(document, -1);

        private void Count(ReadOnlySpan<int> document, int sign)
        {
            int stamp = _stamp++;
            _documents += sign;
            foreach (int f in document)
            {
                if (_last[f] != stamp)
                {
                    _last[f] = stamp;
                    _df[f] += sign;
                }
            }
        }

        /// <summary>A copy, to count more texts into without changing this one.</summary>
        public DocumentFrequencies Clone() => new(this);

        /// <summary>The idf of the texts counted so far.</summary>
        public IdfTable ToTable() => FromCounts(_df, _documents);
    }

    /// <summary>A table from stored (bucket, idf) pairs (a model file); every other bucket is 0.</summary>
    /// <exception cref="InvalidDataException">A bucket out of range or an idf that is not finite and positive.</exception>
    public static IdfTable FromPairs(int buckets, IEnumerable<(int Bucket, float Idf)> pairs)
    {
        var idf = new float[buckets];
        foreach (var (bucket, value) in pairs)
        {
            if ((uint)bucket >= (uint)buckets || !float.IsFinite(value) || value <= 0)
            {
                throw new InvalidDataException($"idf {value} for bucket {bucket}; buckets are 0..{buckets - 1} and an idf is finite and positive");
            }

            idf[bucket] = value;
        }

        return new IdfTable(idf);
    }

    /// <summary>The buckets some training text had, with their idf, in bucket order.</summary>
    public IEnumerable<(int Bucket, float Idf)> Pairs()
    {
        for (int b = 0; b < _idf.Length; b++)
        {
            if (_idf[b] > 0)
            {
                yield return (b, _idf[b]);
            }
        }
    }

    /// <summary>
    /// The weight of each occurrence in <paramref name="features"/> (same length and order): an occurrence of a
    /// feature seen tf times gets (1 + ln tf) / tf · idf / ‖w‖₂, so a feature's occurrences sum to its TF-IDF weight
    /// and the weights have unit L2 norm over distinct features. All zero when no feature was seen in training.
    /// </summary>
    public float[] Weigh(ReadOnlySpan<int> features)
    {
        var weights = new float[features.Length];
        int[] sorted = [];
        Weigh(features, weights, ref sorted);
        return weights;
    }

    /// <summary>
    /// <see cref="Weigh(ReadOnlySpan{int})"/> into <paramref name="destination"/> (the first features.Length floats), with
    /// <paramref name="sorted"/> as scratch (grown when too small): the same floats, no allocation once the scratch is large enough.
    /// </summary>
    public void Weigh(ReadOnlySpan<int> features, Span<float> destination, ref int[] sorted)
    {
        Span<float> weights = destination[..features.Length];
        weights.Clear();
        if (features.IsEmpty)
        {
            return;
        }

        if (sorted.Length < features.Length)
        {
            sorted = new int[Math.Max(features.Length, sorted.Length * 2)];
        }

        Span<int> order = sorted.AsSpan(0, features.Length);
        features.CopyTo(order);
        order.Sort();
        double squares = 0;
        for (int i = 0; i < order.Length;)
        {
            int j = i;
            while (j < order.Length && order[j] == order[i])
            {
                j++;
            }

            double w = (1 + Math.Log(j - i)) * _idf[order[i]];
            squares += w * w;
            i = j;
        }

        if (squares == 0)
        {
            return;
        }

        double scale = 1 / Math.Sqrt(squares);
        for (int i = 0; i < features.Length; i++)
        {
            int f = features[i];
            int tf = UpperBound(order, f) - LowerBound(order, f);
            weights[i] = (float)((1 + Math.Log(tf)) / tf * _idf[f] * scale);
        }
    }

    private static int LowerBound(ReadOnlySpan<int> sorted, int value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static int UpperBound(ReadOnlySpan<int> sorted, int value) => LowerBound(sorted, value + 1);
}
