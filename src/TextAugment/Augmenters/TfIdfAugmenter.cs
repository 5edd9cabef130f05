using System.Buffers;
using TextAugment.Corpus;
using TextAugment.Text;

namespace TextAugment.Augmenters;

/// <summary>Options of <see cref="TfIdfAugmenter"/>. Every property has a documented default.</summary>
public sealed class TfIdfOptions
{
    /// <summary>p: the expected fraction of an example's words to replace, in [0, 1]. Default: 0.1.</summary>
    public double Probability { get; init; } = 0.1;

    /// <summary>
    /// Whether stop words may be replaced. Default: true — in UDA, uninformative words, stop words above
    /// all, are exactly the ones to replace.
    /// </summary>
    public bool IncludeStopWords { get; init; } = true;
}

/// <summary>
/// UDA's TF-IDF word replacement (Xie et al., 2019): words with low TF-IDF are more likely to be replaced,
/// keywords are kept. For word i of example x, TFIDF_i = count_x(w_i)/|x| · IDF(w_i), C = max_i TFIDF_i and
/// P_i = min(1, p·|x|·(C − TFIDF_i) / Σ_j (C − TFIDF_j)), so that about p·|x| words change. Each replaced
/// word becomes a word sampled from q(w) ∝ max S − S(w) (<see cref="TfIdfStatistics.Score"/>), so that
/// non-keywords are preferred, in O(1) through an alias table; it keeps the case pattern of the word it replaces.
/// </summary>
/// <remarks>
/// When every word of an example scores the same (Σ_j (C − TFIDF_j) = 0: a one-word example, or all words
/// equally informative), no word is less informative than another, so each gets P_i = p: the expected
/// count is still p·|x|. (UDA's code divides by zero there and replaces nothing.) Protected words are
/// never replaced, and neither are stop words when <see cref="TfIdfOptions.IncludeStopWords"/> is false;
/// they still count in |x| and in the sums, so other words' chances do not change.
/// </remarks>
public sealed class TfIdfAugmenter : Augmenter
{
    private const int MaxDraws = 8;

    // Up to this many words an example's words are counted by a vectorised count per word (quadratic, no sorting: the
    // path every sentence took before); a longer one by sorting the hashes (O(n log n)): one 200,000-word line took
    // 1.9–6.2 s on the shared machine instead of an estimated 9 minutes (benchmarks/README.md, tfidf-long-line.sh).
    // The cut-off of 64 words itself was not tuned by measurement.
    private const int ShortExample = 64;
    private readonly TfIdfStatistics _statistics;
    private readonly TfIdfOptions _options;
    private readonly string[] _vocabulary;
    private readonly AliasTable? _sampler;

    // IDF by case-folded hash: the hash is computed anyway to count words, and an integer key is much
    // cheaper than hashing the text again. A hash two words share (never seen in practice) maps to null
    // and falls back to the statistics' own lookup.
    private readonly Dictionary<ulong, (string? Word, double Idf)> _idfByHash = [];
    private readonly double _unseenIdf;

    /// <summary>Creates the stage.</summary>
    /// <exception cref="ArgumentOutOfRangeException">p is outside [0, 1].</exception>
    public TfIdfAugmenter(TfIdfStatistics statistics, TfIdfOptions? options = null)
    {
        _statistics = statistics ?? throw new ArgumentNullException(nameof(statistics));
        _options = options ?? new TfIdfOptions();
        if (!(_options.Probability is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.Probability, "tfidf: p must be between 0 and 1.");
        }

        _vocabulary = [.. statistics.Words.Order(StringComparer.Ordinal)];
        var scores = new double[_vocabulary.Length];
        double max = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            scores[i] = statistics.Score(_vocabulary[i]);
            max = Math.Max(max, scores[i]);
        }

        for (int i = 0; i < scores.Length; i++)
        {
            scores[i] = max - scores[i];
        }

        _unseenIdf = statistics.Idf("");
        foreach (string word in _vocabulary)
        {
            ulong hash = FoldedHash(word);
            _idfByHash[hash] = _idfByHash.ContainsKey(hash) ? (null, 0) : (word, statistics.Idf(word));
        }

        ReplacementWeights = scores;
        _sampler = scores.Any(w => w > 0) ? new AliasTable(scores) : null;
    }

    /// <summary>The replacement vocabulary (lower case, ordinal order) and, index for index, its unnormalised q(w) = max S − S(w).</summary>
    public IReadOnlyList<string> Vocabulary => _vocabulary;

    /// <summary>q(w) before normalisation, in <see cref="Vocabulary"/> order.</summary>
    public IReadOnlyList<double> ReplacementWeights { get; }

    /// <summary>
    /// Writes P_i for every token of <paramref name="tokens"/> into <paramref name="destination"/>
    /// (0 for tokens that are not words or may not be replaced).
    /// </summary>
    public void GetReplacementProbabilities(TokenList tokens, Span<double> destination)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ReadOnlySpan<Token> all = tokens.AsSpan();
        destination = destination[..all.Length];
        destination.Clear();
        int words = 0;
        foreach (ref readonly Token t in all)
        {
            words += t.Kind == TokenKind.Word ? 1 : 0;
        }

        if (words == 0)
        {
            return;
        }

        // TFIDF_i = count_x(w_i)/|x| · IDF(w_i). Words are counted by their case-folded hashes, and only a hash
        // seen twice is checked against the text.
        ulong[]? rented = null;
        int[]? rentedIndex = null, rentedCount = null;
        bool small = words <= 256;
        Span<ulong> hashes = small ? stackalloc ulong[words] : (rented = ArrayPool<ulong>.Shared.Rent(words)).AsSpan(0, words);
        Span<int> wordAt = small ? stackalloc int[words] : (rentedIndex = ArrayPool<int>.Shared.Rent(words)).AsSpan(0, words);
        Span<int> counts = small ? stackalloc int[words] : (rentedCount = ArrayPool<int>.Shared.Rent(words)).AsSpan(0, words);
        for (int i = 0, k = 0; i < all.Length; i++)
        {
            if (all[i].Kind == TokenKind.Word)
            {
                wordAt[k] = i;
                hashes[k++] = FoldedHash(all[i].Span);
            }
        }

        if (words <= ShortExample)
        {
            CountShort(all, hashes, wordAt, counts);
        }
        else
        {
            CountLong(all, hashes, wordAt, counts);
        }

        double max = double.MinValue;
        for (int k = 0; k < words; k++)
        {
            int i = wordAt[k];
            destination[i] = (double)counts[k] / words * Idf(hashes[k], all[i].Span);
            max = Math.Max(max, destination[i]);
        }

        if (rented is not null)
        {
            ArrayPool<ulong>.Shared.Return(rented);
            ArrayPool<int>.Shared.Return(rentedIndex!);
            ArrayPool<int>.Shared.Return(rentedCount!);
        }

        double sum = 0;
        for (int i = 0; i < all.Length; i++)
        {
            sum += all[i].Kind == TokenKind.Word ? max - destination[i] : 0;
        }

        double p = _options.Probability;
        for (int i = 0; i < all.Length; i++)
        {
            Token t = all[i];
            bool eligible = SubstitutionOptions.IsReplaceable(t) && (_options.IncludeStopWords || !t.Has(TokenFlags.StopWord));
            destination[i] = !eligible ? 0 : sum > 0 ? Math.Min(1, p * words * (max - destination[i]) / sum) : p;
        }
    }

    /// <summary>
    /// count_x(w) for each word of a short example: a vectorised count of its hash over the example, the text
    /// compared only for a hash seen twice. Quadratic, so only up to <see cref="ShortExample"/> words, where it is
    /// the fastest way.
    /// </summary>
    private static void CountShort(ReadOnlySpan<Token> all, ReadOnlySpan<ulong> hashes, ReadOnlySpan<int> wordAt, Span<int> counts)
    {
        for (int k = 0; k < hashes.Length; k++)
        {
            ulong hash = hashes[k];
            int count = hashes.Count(hash);
            if (count > 1)
            {
                count = 0;
                for (int m = 0; m < hashes.Length; m++)
                {
                    count += hashes[m] == hash && all[wordAt[m]].Span.Equals(all[wordAt[k]].Span, StringComparison.OrdinalIgnoreCase) ? 1 : 0;
                }
            }

            counts[k] = count;
        }
    }

    /// <summary>
    /// count_x(w) for each word of a long example in O(n log n): the words sorted by hash, so that each run of one
    /// hash is one word; a run whose texts differ (two words sharing a 64-bit hash) is counted by text.
    /// </summary>
    private static void CountLong(ReadOnlySpan<Token> all, ReadOnlySpan<ulong> hashes, ReadOnlySpan<int> wordAt, Span<int> counts)
    {
        int n = hashes.Length;
        ulong[] keys = ArrayPool<ulong>.Shared.Rent(n);
        int[] order = ArrayPool<int>.Shared.Rent(n);
        hashes.CopyTo(keys);
        for (int k = 0; k < n; k++)
        {
            order[k] = k;
        }

        keys.AsSpan(0, n).Sort(order.AsSpan(0, n));
        for (int start = 0, end; start < n; start = end)
        {
            ReadOnlySpan<char> first = all[wordAt[order[start]]].Span;
            bool same = true;
            for (end = start + 1; end < n && keys[end] == keys[start]; end++)
            {
                same &= all[wordAt[order[end]]].Span.Equals(first, StringComparison.OrdinalIgnoreCase);
            }

            if (same)
            {
                for (int j = start; j < end; j++)
                {
                    counts[order[j]] = end - start;
                }

                continue;
            }

            var byText = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (int j = start; j < end; j++)
            {
                string text = all[wordAt[order[j]]].Span.ToString();
                byText[text] = byText.GetValueOrDefault(text) + 1;
            }

            for (int j = start; j < end; j++)
            {
                counts[order[j]] = byText[all[wordAt[order[j]]].Span.ToString()];
            }
        }

        ArrayPool<ulong>.Shared.Return(keys);
        ArrayPool<int>.Shared.Return(order);
    }

    private double Idf(ulong hash, ReadOnlySpan<char> word) =>
        !_idfByHash.TryGetValue(hash, out var entry) ? _unseenIdf
        : entry.Word is not null && word.Equals(entry.Word, StringComparison.OrdinalIgnoreCase) ? entry.Idf
        : _statistics.Idf(word);

    private static ulong FoldedHash(ReadOnlySpan<char> word)
    {
        ulong hash = 14695981039346656037UL;
        foreach (char c in word)
        {
            uint folded = (uint)(c - 'a') <= 'z' - 'a' ? c - 32u : c < 0x80 ? c : char.ToUpperInvariant(c);
            hash = (hash ^ folded) * 1099511628211UL;
        }

        return hash;
    }

    /// <inheritdoc/>
    protected internal override void AugmentCore(TokenList tokens, AugmentRandom random)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(random);
        if (_sampler is null || tokens.Count == 0)
        {
            return;
        }

        double[]? rented = null;
        Span<double> probabilities = tokens.Count <= 256 ? stackalloc double[tokens.Count] : (rented = ArrayPool<double>.Shared.Rent(tokens.Count));
        GetReplacementProbabilities(tokens, probabilities);
        for (int i = 0; i < tokens.Count; i++)
        {
            if (probabilities[i] > 0 && random.NextDouble() < probabilities[i])
            {
                // A draw the shared rules reject (an antonym, a number for a word) is drawn again, a few times at most.
                for (int attempt = 0; attempt < MaxDraws; attempt++)
                {
                    string candidate = _vocabulary[_sampler.Sample(random)];
                    if (tokens.IsTraditionalChinese)
                    {
                        candidate = ChineseScript.ToTraditional(candidate); // the text keeps its script
                    }

                    if (SubstitutionOptions.Allows(tokens[i].Span, candidate, tokens.Protection))
                    {
                        tokens[i] = tokens[i].ReplaceWith(candidate);
                        break;
                    }
                }
            }
        }

        if (rented is not null)
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }
}
