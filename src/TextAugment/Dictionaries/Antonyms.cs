using System.Collections.Concurrent;

namespace TextAugment.Dictionaries;

/// <summary>
/// Pairs of words with opposite meanings (good/bad, increase/decrease), compared without regard to case and
/// through English inflection (<c>increased</c>/<c>decreases</c>). The built-in list is WordNet 3.0's antonym
/// pointers (dictionaries/en-antonyms.tsv, built by dictionaries/build_wordnet.py). Immutable and thread-safe.
/// </summary>
/// <remarks>
/// Nearest neighbours in a vector space and masked-LM fills are often antonyms, which flips a sentiment label;
/// every substitution source rejects a candidate that is an antonym of the word it replaces.
/// </remarks>
public sealed class Antonyms
{
    private const int CacheLimit = 1 << 20;
    private readonly HashSet<(string, string)> _pairs;
    private readonly HashSet<string> _members = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string[]> _memberLemmas = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string[]>.AlternateLookup<ReadOnlySpan<char>> _memberLemmasLookup;
    private readonly ConcurrentDictionary<string, string[]> _allLemmas = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string[]>.AlternateLookup<ReadOnlySpan<char>> _allLemmasLookup;

    private Antonyms(HashSet<(string, string)> pairs)
    {
        _memberLemmasLookup = _memberLemmas.GetAlternateLookup<ReadOnlySpan<char>>();
        _allLemmasLookup = _allLemmas.GetAlternateLookup<ReadOnlySpan<char>>();
        _pairs = pairs;
        foreach (var (a, _) in pairs)
        {
            _members.Add(a);
        }
    }

    /// <summary>WordNet 3.0's English antonym pairs, embedded in the library.</summary>
    public static Antonyms English { get; } = Read(EmbeddedResource.ReadLines("TextAugment.en-antonyms.tsv"), "en-antonyms.tsv");

    /// <summary>
    /// Chinese antonym pairs (增加/减少, 喜欢/讨厌): 13,015 pairs of words whose CC-CEDICT glosses are WordNet antonyms,
    /// with the same jieba part of speech (dictionaries/zh-cedict-antonyms.tsv, CC BY-SA 4.0, built by
    /// dictionaries/build_cedict_synonyms.py; embedded in the library). Traditional words are compared through their
    /// Simplified form. Loaded on first use.
    /// </summary>
    public static Antonyms Chinese => LazyChinese.Value;

    private static readonly Lazy<Antonyms> LazyChinese = new(() => Read(EmbeddedResource.ReadLines("TextAugment.zh-cedict-antonyms.tsv"), "zh-cedict-antonyms.tsv"));

    /// <summary>Number of pairs (each counted once).</summary>
    public int Count => _pairs.Count / 2;

    /// <summary>
    /// True when <paramref name="a"/> and <paramref name="b"/>, in any case and either Chinese script (a Traditional
    /// word through its Simplified form), or any of their lemmas (<see cref="EnglishInflector"/>), form a pair.
    /// </summary>
    public bool AreAntonyms(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        // Most words have no antonym in any form: that answer is cached per word, so the common case allocates nothing.
        string[] xs = MemberLemmas(a);
        if (xs.Length == 0)
        {
            return false;
        }

        string[] ys = AllLemmas(b);
        if (a.Equals(ys[0], StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        foreach (string l in xs)
        {
            foreach (string m in ys)
            {
                if (_pairs.Contains((l, m)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The word (lower case) and its lemmas that have an antonym; cached per word form.</summary>
    private string[] MemberLemmas(ReadOnlySpan<char> word) => Cached(_memberLemmasLookup, _memberLemmas, word, members: true);

    /// <summary>The word (lower case) first, then its lemmas; cached per word form.</summary>
    private string[] AllLemmas(ReadOnlySpan<char> word) => Cached(_allLemmasLookup, _allLemmas, word, members: false);

    private string[] Cached(ConcurrentDictionary<string, string[]>.AlternateLookup<ReadOnlySpan<char>> lookup, ConcurrentDictionary<string, string[]> cache,
        ReadOnlySpan<char> word, bool members)
    {
        Span<char> lower = word.Length <= 128 ? stackalloc char[word.Length] : new char[word.Length];
        word.ToLowerInvariant(lower);
        if (lookup.TryGetValue(lower, out string[]? cached))
        {
            return cached;
        }

        string x = lower.ToString();
        List<string> lemmas = Lemmas(Text.ChineseScript.ToSimplified(x));
        if (members)
        {
            lemmas.RemoveAll(l => !_members.Contains(l));
        }

        string[] result = lemmas.Count == 0 ? [] : [.. lemmas];
        if (cache.Count < CacheLimit)
        {
            cache.TryAdd(x, result);
        }

        return result;
    }

    private static List<string> Lemmas(string word)
    {
        var analyses = new List<(string Lemma, char Pos, Inflection Kind)>();
        EnglishInflector.Default.Analyze(word, analyses);
        var lemmas = new List<string>(analyses.Count + 1) { word };
        foreach (var (lemma, _, _) in analyses)
        {
            lemmas.Add(lemma);
        }

        return lemmas;
    }

    private static Antonyms Read(List<string> lines, string name)
    {
        var pairs = new HashSet<(string, string)>();
        for (int n = 0; n < lines.Count; n++)
        {
            string line = lines[n];
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            int tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0 || tab == line.Length - 1)
            {
                throw new DataFormatException(name, n + 1, 1, $"'{line}' is not 'word<TAB>antonym'.");
            }

            string a = line[..tab], b = line[(tab + 1)..];
            pairs.Add((a, b));
            pairs.Add((b, a));
        }

        return new Antonyms(pairs);
    }
}
