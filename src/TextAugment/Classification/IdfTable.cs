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
/// bag (<see cref="FeatureWeighting.TfIdf"/>). Immutable once fitted; <see cref="Weigh"/> is thread-safe.
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
        var df = new int[buckets];
        var last = new int[buckets];
        Array.Fill(last, -1);
        for (int d = 0; d < documents.Count; d++)
        {
            foreach (int f in documents[d])
            {
                if (last[f] != d)
                {
                    last[f] = d;
                    df[f]++;
                }
            }
        }

        var idf = new float[buckets];
        double n = documents.Count;
        for (int b = 0; b < buckets; b++)
        {
            idf[b] = df[b] == 0 ? 0f : (float)(Math.Log((1 + n) / (1 + df[b])) + 1);
        }

        return new IdfTable(idf);
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
        if (features.IsEmpty)
        {
            return weights;
        }

        int[] sorted = features.ToArray();
        Array.Sort(sorted);
        double squares = 0;
        for (int i = 0; i < sorted.Length;)
        {
            int j = i;
            while (j < sorted.Length && sorted[j] == sorted[i])
            {
                j++;
            }

            double w = (1 + Math.Log(j - i)) * _idf[sorted[i]];
            squares += w * w;
            i = j;
        }

        if (squares == 0)
        {
            return weights;
        }

        double scale = 1 / Math.Sqrt(squares);
        for (int i = 0; i < features.Length; i++)
        {
            int f = features[i];
            int tf = UpperBound(sorted, f) - LowerBound(sorted, f);
            weights[i] = (float)((1 + Math.Log(tf)) / tf * _idf[f] * scale);
        }

        return weights;
    }

    private static int LowerBound(int[] sorted, int value)
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

    private static int UpperBound(int[] sorted, int value) => LowerBound(sorted, value + 1);
}
