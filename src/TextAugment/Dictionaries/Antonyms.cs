
namespace TextAugment.Dictionaries;

/// <summary>
/// Words with opposite meanings (good/bad, increase/decrease), compared without regard to case and through English
/// inflection (<c>increased</c>/<c>decreases</c>). The data is groups: two sides of words, every word of one side an
/// antonym of every word of the other. The built-in English groups are WordNet 3.0's antonym pointers, each synset
/// widened by its similar-to satellites (hot ~ sizzling) or direct troponyms (decrease ~ reduce), and the
/// function-word opposites WordNet lacks (before/after) (dictionaries/en-antonym-groups.tsv, built by
/// dictionaries/build_wordnet.py). Immutable and thread-safe.
/// </summary>
/// <remarks>
/// Nearest neighbours in a vector space and masked-LM fills are often antonyms, which flips a sentiment label;
/// every substitution source rejects a candidate that is an antonym of the word it replaces.
/// </remarks>
public sealed class Antonyms
{
    // Each word's sides: side 2k and side 2k + 1 are the two halves of group k, so a side's opposite is side ^ 1.
    private readonly Dictionary<string, int[]> _sides;
    private readonly Text.WordMap<string[]> _memberLemmas = new(), _allLemmas = new();

    private Antonyms(Dictionary<string, int[]> sides, int groups)
    {
        _sides = sides;
        Count = groups;
    }

    /// <summary>
    /// The built-in English antonym groups from WordNet 3.0 (dictionaries/en-antonym-groups.tsv), embedded in the library.
    /// </summary>
    public static Antonyms English { get; } = Read(EmbeddedResource.ReadLines("TextAugment.en-antonym-groups.tsv"), "en-antonym-groups.tsv");

    /// <summary>
    /// Chinese antonym pairs (增加/减少, 喜欢/讨厌): 13,015 pairs of words whose CC-CEDICT glosses are WordNet antonyms,
    /// with the same jieba part of speech (dictionaries/zh-cedict-antonyms.tsv, CC BY-SA 4.0, built by
    /// dictionaries/build_cedict_synonyms.py; embedded in the library). Traditional words are compared through their
    /// Simplified form. Loaded on first use.
    /// </summary>
    public static Antonyms Chinese => LazyChinese.Value;

    private static readonly Lazy<Antonyms> LazyChinese = new(() => Read(EmbeddedResource.ReadLines("TextAugment.zh-cedict-antonyms.tsv"), "zh-cedict-antonyms.tsv"));

    /// <summary>Number of groups (lines of the data: a pair is a group of one word a side).</summary>
    public int Count { get; }

    /// <summary>
    /// True when <paramref name="a"/> and <paramref name="b"/>, in any case and either Chinese script (a Traditional
    /// word through its Simplified form), or any of their lemmas (<see cref="EnglishInflector"/>), stand on opposite
    /// sides of a group.
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
            int[] sides = _sides[l];
            foreach (string m in ys)
            {
                if (!_sides.TryGetValue(m, out int[]? others))
                {
                    continue;
                }

                foreach (int side in sides)
                {
                    if (Array.IndexOf(others, side ^ 1) >= 0)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>The word (lower case) and its lemmas that have an antonym; cached per word form.</summary>
    private string[] MemberLemmas(ReadOnlySpan<char> word) => Cached(_memberLemmas, word, members: true);

    /// <summary>The word (lower case) first, then its lemmas; cached per word form.</summary>
    private string[] AllLemmas(ReadOnlySpan<char> word) => Cached(_allLemmas, word, members: false);

    private string[] Cached(Text.WordMap<string[]> cache, ReadOnlySpan<char> word, bool members)
    {
        Span<char> lower = word.Length <= 128 ? stackalloc char[word.Length] : new char[word.Length];
        word.ToLowerInvariant(lower);
        if (cache.TryGetValue(lower, out string[]? cached))
        {
            return cached;
        }

        string x = lower.ToString();
        List<string> lemmas = Lemmas(Text.ChineseScript.ToSimplified(x));
        if (members)
        {
            lemmas.RemoveAll(l => !_sides.ContainsKey(l));
        }

        return cache.GetOrAdd(x, lemmas.Count == 0 ? [] : [.. lemmas]);
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

    /// <summary>Reads lines of <c>words&lt;TAB&gt;opposite words</c>, each side one word or several joined by commas.</summary>
    private static Antonyms Read(List<string> lines, string name)
    {
        var sides = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        int groups = 0;
        for (int n = 0; n < lines.Count; n++)
        {
            string line = lines[n];
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            int tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0 || tab == line.Length - 1 || line.IndexOf('\t', tab + 1) >= 0)
            {
                throw new DataFormatException(name, n + 1, 1, $"'{line}' is not 'word<TAB>antonym' (either side may be several words joined by commas).");
            }

            int group = groups++;
            AddSide(line.AsSpan(0, tab), 2 * group);
            AddSide(line.AsSpan(tab + 1), 2 * group + 1);
        }

        var frozen = new Dictionary<string, int[]>(sides.Count, StringComparer.Ordinal);
        foreach (var (word, ids) in sides)
        {
            frozen.Add(word, [.. ids]);
        }

        return new Antonyms(frozen, groups);

        void AddSide(ReadOnlySpan<char> words, int side)
        {
            foreach (Range r in words.Split(','))
            {
                ReadOnlySpan<char> w = words[r];
                if (w.IsEmpty)
                {
                    continue;
                }

                string word = w.ToString().ToLowerInvariant();
                if (!sides.TryGetValue(word, out List<int>? ids))
                {
                    sides.Add(word, ids = []);
                }

                if (ids.Count == 0 || ids[^1] != side)
                {
                    ids.Add(side);
                }
            }
        }
    }
}
