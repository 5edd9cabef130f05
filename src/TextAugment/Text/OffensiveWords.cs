using TextAugment.Dictionaries;

namespace TextAugment.Text;

/// <summary>
/// The one answer to "is this candidate an offensive word?", for the substitution rule every source's candidates go
/// through (<see cref="Augmenters.SubstitutionOptions.Allows(ReadOnlySpan{char}, ReadOnlySpan{char}, Protection)"/>): the
/// English words whose first sense WordNet 3.0 labels obscene, an ethnic slur or disparaging, with their inflected forms
/// in those parts of speech (<c>shits</c>, <c>fucking</c>; <see cref="EnglishInflector"/>), and the Chinese words whose
/// CC-CEDICT entry is marked (vulgar) or (derog.) (dictionaries/offensive-en.txt and offensive-zh.txt, built by
/// dictionaries/build_offensive.py, embedded in the library). Compared in any case and either Chinese script. The shipped
/// synonym dictionaries were cleaned when built; word vectors, a masked LM, TF-IDF draws and one's own dictionaries were not.
/// Loaded on first use; thread-safe.
/// </summary>
internal static class OffensiveWords
{
    /// <summary>The list, inflected forms included.</summary>
    public static WordSet List => LazyList.Value;

    private static readonly Lazy<WordSet> LazyList = new(Load);

    // The inflections of a part of speech of offensive-en.txt (WordNet's n v a r; adverbs are not inflected).
    private static readonly Dictionary<char, Inflection[]> Inflections = new()
    {
        ['n'] = [Inflection.Plural],
        ['v'] = [Inflection.ThirdPerson, Inflection.Past, Inflection.Gerund],
        ['a'] = [Inflection.Comparative, Inflection.Superlative],
        ['r'] = [],
    };

    private static WordSet Load()
    {
        var words = new List<string>();
        foreach (string line in EmbeddedResource.ReadLines("TextAugment.offensive-en.txt"))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            // word<TAB>n,v: the word and the parts of speech of its offensive first senses, whose forms are listed too.
            string[] parts = line.Split('\t');
            words.Add(parts[0]);
            foreach (string pos in parts[1].Split(','))
            {
                foreach (Inflection kind in Inflections[pos[0]])
                {
                    if (EnglishInflector.Default.Inflect(parts[0], pos[0], kind) is { } form)
                    {
                        words.Add(form);
                    }
                }
            }
        }

        foreach (string line in EmbeddedResource.ReadLines("TextAugment.offensive-zh.txt"))
        {
            if (line.Length > 0 && line[0] != '#')
            {
                words.Add(line);
            }
        }

        return new WordSet(words);
    }

    /// <summary>
    /// Whether <paramref name="phrase"/> (a candidate, which may be several words: "holy shit", "son_of_a_bitch") is an
    /// offensive word or holds one: the whole (underscores read as spaces, as word2vec joins a phrase's words), or any of its
    /// parts between spaces, hyphens and underscores.
    /// </summary>
    public static bool HoldsOffensiveWord(ReadOnlySpan<char> phrase)
    {
        WordSet list = List;
        if (list.Contains(phrase))
        {
            return true;
        }

        if (phrase.IndexOfAny(NegatorRule.PartSeparators) < 0)
        {
            return false;
        }

        if (phrase.Contains('_'))
        {
            Span<char> spaced = phrase.Length <= 128 ? stackalloc char[phrase.Length] : new char[phrase.Length];
            phrase.Replace(spaced, '_', ' ');
            if (list.Contains(spaced))
            {
                return true;
            }
        }

        foreach (Range r in phrase.SplitAny(NegatorRule.PartSeparators))
        {
            ReadOnlySpan<char> part = phrase[r];
            if (!part.IsEmpty && list.Contains(part))
            {
                return true;
            }
        }

        return false;
    }
}
