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
    private readonly HashSet<(string, string)> _pairs;
    private readonly HashSet<string> _members = new(StringComparer.Ordinal);

    private Antonyms(HashSet<(string, string)> pairs)
    {
        _pairs = pairs;
        foreach (var (a, _) in pairs)
        {
            _members.Add(a);
        }
    }

    /// <summary>WordNet 3.0's English antonym pairs, embedded in the library.</summary>
    public static Antonyms English { get; } = Read(EmbeddedResource.ReadLines("TextAugment.en-antonyms.tsv"));

    /// <summary>Number of pairs (each counted once).</summary>
    public int Count => _pairs.Count / 2;

    /// <summary>
    /// True when <paramref name="a"/> and <paramref name="b"/>, in any case, or any of their lemmas
    /// (<see cref="EnglishInflector"/>), form a pair.
    /// </summary>
    public bool AreAntonyms(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        string x = a.ToString().ToLowerInvariant(), y = b.ToString().ToLowerInvariant();
        if (x == y)
        {
            return false;
        }

        if (_pairs.Contains((x, y)))
        {
            return true;
        }

        // Most words have no antonym at all: look at the lemmas of a side only when one of its forms has one.
        List<string> xs = Lemmas(x);
        xs.RemoveAll(l => !_members.Contains(l));
        if (xs.Count == 0)
        {
            return false;
        }

        List<string> ys = Lemmas(y);
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

    private static Antonyms Read(List<string> lines)
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
                throw new DataFormatException("en-antonyms.tsv", n + 1, 1, $"'{line}' is not 'word<TAB>antonym'.");
            }

            string a = line[..tab], b = line[(tab + 1)..];
            pairs.Add((a, b));
            pairs.Add((b, a));
        }

        return new Antonyms(pairs);
    }
}
