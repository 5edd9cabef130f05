using System.Collections.Concurrent;
using TextAugment.Dictionaries;
using TextAugment.Text;
using TextAugment.Vectors;

namespace TextAugment.Augmenters;

/// <summary>Where <see cref="WordVectorAugmenter"/> takes its candidates from. Every property has a documented default.</summary>
public sealed class NeighborOptions
{
    /// <summary>Nearest neighbours considered per word. Default: 10.</summary>
    public int TopK { get; init; } = 10;

    /// <summary>Neighbours with a lower cosine similarity are not used. Default: 0.</summary>
    public float MinSimilarity { get; init; }
}

/// <summary>
/// Replaces words with their nearest neighbours in a word-vector space (exact cosine), behind the shared
/// substitution policy. A neighbour that is the word in another case or inflection (<c>Good</c>, <c>goods</c>,
/// <c>went</c> for <c>go</c>), that contains it or is contained in it (<c>whale's</c>, <c>whalebone</c>), or that
/// is not a word (punctuation, numbers) is never a candidate. Neighbour
/// lists are computed once per word and cached; a batch's unseen words are searched together.
/// </summary>
public sealed class WordVectorAugmenter : SubstitutionAugmenter
{
    private readonly WordVectors _vectors;
    private readonly NeighborOptions _neighbors;
    private readonly ConcurrentDictionary<int, string[]> _cache = new();
    private readonly ConcurrentDictionary<int, string[]> _traditional = new();

    /// <summary>Creates the stage.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public WordVectorAugmenter(WordVectors vectors, NeighborOptions? neighbors = null, SubstitutionOptions? options = null)
        : base(options)
    {
        _vectors = vectors ?? throw new ArgumentNullException(nameof(vectors));
        _neighbors = neighbors ?? new NeighborOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_neighbors.TopK, 1, "top_k");
        if (!(_neighbors.MinSimilarity is >= -1 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(neighbors), _neighbors.MinSimilarity, "min_similarity must be between -1 and 1.");
        }
    }

    /// <summary>The candidates for <paramref name="word"/>, most similar first (empty when it has no vector).</summary>
    public IReadOnlyList<string> CandidatesFor(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return _vectors.TryGetIndex(word, out int row) ? Lookup([row])[0] : [];
    }

    /// <inheritdoc/>
    /// <remarks>
    /// A Traditional Chinese word missing from the vectors is looked up through its Simplified form
    /// (<see cref="ChineseScript"/>), and in a Traditional text the neighbours are written in Traditional characters.
    /// </remarks>
    protected override ReadOnlySpan<string> GetCandidates(TokenList tokens, int index)
    {
        if (!TryGetRow(tokens[index].Span, out int row))
        {
            return [];
        }

        string[] words = Lookup([row])[0];
        return tokens.IsTraditionalChinese ? _traditional.GetOrAdd(row, _ => ToTraditional(words)) : words;
    }

    private bool TryGetRow(ReadOnlySpan<char> word, out int row) =>
        _vectors.TryGetIndex(word, out row)
        || (ChineseScript.HasTraditional(word) && _vectors.TryGetIndex(ChineseScript.ToSimplified(word.ToString()), out row));

    private static string[] ToTraditional(string[] words)
    {
        var result = new List<string>(words.Length);
        foreach (string word in words)
        {
            string t = ChineseScript.ToTraditional(word);
            if (!result.Contains(t))
            {
                result.Add(t);
            }
        }

        return [.. result];
    }

    /// <inheritdoc/>
    protected internal override bool PrefersLargeBatches => true;

    /// <inheritdoc/>
    protected internal override void AugmentBatchCore(IReadOnlyList<TokenList> batch, IReadOnlyList<AugmentRandom> randoms)
    {
        // One blocked search for every eligible word of the batch that is not cached yet.
        var rows = new HashSet<int>();
        foreach (TokenList tokens in batch)
        {
            foreach (Token token in tokens.AsSpan())
            {
                if (Options.IsEligible(token) && TryGetRow(token.Span, out int row) && !_cache.ContainsKey(row))
                {
                    rows.Add(row);
                }
            }
        }

        if (rows.Count > 0)
        {
            Lookup([.. rows.Order()]);
        }

        base.AugmentBatchCore(batch, randoms);
    }

    private string[][] Lookup(ReadOnlySpan<int> rows)
    {
        var result = new string[rows.Length][];
        var missing = new List<int>();
        for (int i = 0; i < rows.Length; i++)
        {
            if (!_cache.TryGetValue(rows[i], out result[i]!))
            {
                missing.Add(i);
            }
        }

        if (missing.Count == 0)
        {
            return result;
        }

        var queries = new int[missing.Count];
        for (int m = 0; m < queries.Length; m++)
        {
            queries[m] = rows[missing[m]];
        }

        Neighbor[][] found = _vectors.Nearest(queries, _neighbors.TopK, IsVariantOrNotAWord, _neighbors.MinSimilarity);
        for (int m = 0; m < missing.Count; m++)
        {
            string[] words = [.. found[m].Select(n => _vectors.Word(n.Index))];
            result[missing[m]] = _cache.GetOrAdd(queries[m], words);
        }

        return result;
    }

    /// <summary>True when <paramref name="candidate"/> is the query word in another case or inflection, or not a word at all.</summary>
    private bool IsVariantOrNotAWord(int query, int candidate)
    {
        string c = _vectors.Word(candidate);
        if (c.Length == 0 || !char.IsLetter(c[0]))
        {
            return true;
        }

        string q = _vectors.Word(query).ToLowerInvariant();
        string lower = c.ToLowerInvariant();
        if (q == lower)
        {
            return true;
        }

        // A compound or possessive of the word is no substitute either: whale -> whale's, whalebone.
        if (q.Length >= 3 && (lower.Contains(q, StringComparison.Ordinal) || (lower.Length >= 3 && q.Contains(lower, StringComparison.Ordinal))))
        {
            return true;
        }

        HashSet<string> lemmas = Lemmas(q);
        return lemmas.Contains(lower) || Lemmas(lower).Overlaps(lemmas);
    }

    private static HashSet<string> Lemmas(string word)
    {
        var analyses = new List<(string Lemma, char Pos, Inflection Kind)>();
        EnglishInflector.Default.Analyze(word, analyses);
        var lemmas = new HashSet<string>(StringComparer.Ordinal) { word };
        foreach (var (lemma, _, _) in analyses)
        {
            lemmas.Add(lemma);
        }

        return lemmas;
    }
}
