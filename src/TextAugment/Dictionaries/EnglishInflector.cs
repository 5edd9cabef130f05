namespace TextAugment.Dictionaries;

/// <summary>The inflections <see cref="EnglishInflector"/> recognises and produces.</summary>
public enum Inflection : byte
{
    /// <summary>Noun plural: <c>films</c>, <c>children</c>.</summary>
    Plural,
    /// <summary>Verb third person singular: <c>runs</c>, <c>goes</c>.</summary>
    ThirdPerson,
    /// <summary>Verb past tense or past participle: <c>walked</c>, <c>went</c>.</summary>
    Past,
    /// <summary>Verb -ing form: <c>running</c>.</summary>
    Gerund,
    /// <summary>Adjective or adverb comparative: <c>bigger</c>, <c>better</c>.</summary>
    Comparative,
    /// <summary>Adjective or adverb superlative: <c>biggest</c>, <c>best</c>.</summary>
    Superlative,
}

/// <summary>
/// English inflection for synonym lookup: maps an inflected word to its lemmas (WordNet's "morphy"
/// detachment rules plus its exception lists), and inflects a synonym's lemma the same way.
/// </summary>
/// <remarks>
/// Covered: regular noun plurals (-s, -es, -ies, -men), verb -s/-es/-ies, -ed, -ing (with e-dropping and
/// doubled final consonants), adjective -er/-est; irregular forms from WordNet's noun.exc, verb.exc,
/// adj.exc and adv.exc, both ways. Where an irregular verb has several past forms (began/begun) the
/// exception lists do not say which is which, so such synonyms are not offered for a past-tense word.
/// Adjectives of three or more syllables are not inflected (they take "more"/"most"), and neither are
/// multi-word adjectives. A multi-word noun inflects its last word, a phrasal verb (second word a function
/// word: "go away") its first; other multi-word verbs ("black market") are not inflected. A regular form must be in
/// the word-form list (<see cref="Default"/>).
/// </remarks>
public sealed class EnglishInflector
{
    private static readonly (string Suffix, string Ending, char Pos, Inflection Kind)[] Rules =
    [
        ("s", "", 'n', Inflection.Plural), ("ses", "s", 'n', Inflection.Plural), ("xes", "x", 'n', Inflection.Plural),
        ("zes", "z", 'n', Inflection.Plural), ("ches", "ch", 'n', Inflection.Plural), ("shes", "sh", 'n', Inflection.Plural),
        ("men", "man", 'n', Inflection.Plural), ("ies", "y", 'n', Inflection.Plural),
        ("s", "", 'v', Inflection.ThirdPerson), ("ies", "y", 'v', Inflection.ThirdPerson), ("es", "e", 'v', Inflection.ThirdPerson),
        ("es", "", 'v', Inflection.ThirdPerson), ("ed", "e", 'v', Inflection.Past), ("ed", "", 'v', Inflection.Past),
        ("ing", "e", 'v', Inflection.Gerund), ("ing", "", 'v', Inflection.Gerund),
        ("er", "", 'a', Inflection.Comparative), ("est", "", 'a', Inflection.Superlative),
        ("er", "e", 'a', Inflection.Comparative), ("est", "e", 'a', Inflection.Superlative),
    ];

    // inflected form -> (lemma, pos, kind); (lemma, pos, kind) -> irregular forms.
    private readonly Dictionary<string, List<(string Lemma, char Pos, Inflection Kind)>> _irregularLemmas = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, char, Inflection), List<string>> _irregularForms = [];

    private readonly TextAugment.Text.SortedWordList? _wordForms;

    // Adverb particles of phrasal verbs that are not in the stop-word list ("go away", "set aside").
    private static readonly TextAugment.Text.WordSet Particles = new(["away", "back", "aside", "apart", "along", "around", "forward", "together", "ahead", "behind", "across", "round"]);

    private EnglishInflector(IEnumerable<string> exceptionLines, TextAugment.Text.SortedWordList? wordForms)
    {
        _wordForms = wordForms;
        foreach (string line in exceptionLines)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            string[] parts = line.Split('\t');
            string form = parts[0], lemma = parts[2];
            char pos = parts[1][0] == 's' ? 'a' : parts[1][0];
            Inflection kind = KindOfIrregular(form, pos);
            if (!_irregularLemmas.TryGetValue(form, out var lemmas))
            {
                _irregularLemmas[form] = lemmas = [];
            }

            lemmas.Add((lemma, pos, kind));
            if (!_irregularForms.TryGetValue((lemma, pos, kind), out var forms))
            {
                _irregularForms[(lemma, pos, kind)] = forms = [];
            }

            forms.Add(form);
        }
    }

    /// <summary>The inflector built from WordNet 3.0's exception lists (embedded in the library).</summary>
    /// <remarks>
    /// A regular form it builds is used only when it is a real English word form, one of SCOWL's
    /// (dictionaries/en-word-forms.txt): that rules out plurals of mass nouns ("newses", "goodnesses") and
    /// comparatives no one writes ("skilfulest").
    /// </remarks>
    public static EnglishInflector Default { get; } = new(
        EmbeddedResource.ReadLines("TextAugment.en-inflection-exceptions.tsv"),
        new TextAugment.Text.SortedWordList(EmbeddedResource.ReadText("TextAugment.en-word-forms.txt")));

    /// <summary>True when the regular form <paramref name="form"/> is in the word-form list (always true without one).</summary>
    public bool IsWordForm(ReadOnlySpan<char> form) => _wordForms?.Contains(form) != false;

    /// <summary>
    /// Adds to <paramref name="destination"/> every (lemma, part of speech, inflection) that
    /// <paramref name="word"/> (lower case) may be an inflection of. Lemmas are not checked against any dictionary.
    /// </summary>
    public void Analyze(string word, List<(string Lemma, char Pos, Inflection Kind)> destination)
    {
        ArgumentNullException.ThrowIfNull(word);
        ArgumentNullException.ThrowIfNull(destination);
        if (_irregularLemmas.TryGetValue(word, out var irregular))
        {
            destination.AddRange(irregular);
        }

        foreach (var (suffix, ending, pos, kind) in Rules)
        {
            if (word.Length <= suffix.Length + 1 || !word.EndsWith(suffix, StringComparison.Ordinal)
                || (suffix == "s" && word.EndsWith("ss", StringComparison.Ordinal)))
            {
                continue;
            }

            string stem = word[..^suffix.Length];
            destination.Add((stem + ending, pos, kind));
            // stopped -> stop, bigger -> big: undo a doubled final consonant.
            if (ending.Length == 0 && suffix[0] is 'e' or 'i' && stem.Length >= 3 && stem[^1] == stem[^2] && !IsVowel(stem[^1]))
            {
                destination.Add((stem[..^1], pos, kind));
            }
        }
    }

    /// <summary>The <paramref name="kind"/> form of <paramref name="lemma"/> (part of speech <paramref name="pos"/>), or null when it cannot be formed reliably.</summary>
    public string? Inflect(string lemma, char pos, Inflection kind)
    {
        ArgumentNullException.ThrowIfNull(lemma);
        int space = lemma.IndexOf(' ', StringComparison.Ordinal);
        if (space >= 0)
        {
            if (pos == 'n')
            {
                int last = lemma.LastIndexOf(' ');
                return InflectWord(lemma[(last + 1)..], pos, kind) is { } tail ? string.Concat(lemma.AsSpan(0, last + 1), tail) : null;
            }

            if (pos == 'v')
            {
                // A phrasal verb ("go away", "look up", "take a breath") inflects its verb; a compound verb whose
                // second word is content ("black market") has no such form ("blacked market"), so none is offered.
                ReadOnlySpan<char> rest = lemma.AsSpan(space + 1);
                int end = rest.IndexOf(' ');
                ReadOnlySpan<char> second = end < 0 ? rest : rest[..end];
                bool phrasal = Particles.Contains(second) || TextAugment.Text.WordSet.EnglishStopWords.Contains(second);
                return phrasal && InflectWord(lemma[..space], pos, kind) is { } head ? string.Concat(head, lemma.AsSpan(space)) : null;
            }

            return null;
        }

        return InflectWord(lemma, pos, kind);
    }

    private string? InflectWord(string word, char pos, Inflection kind)
    {
        if (_irregularForms.TryGetValue((word, pos, kind), out var forms))
        {
            return forms.Count == 1 ? forms[0] : null;
        }

        return InflectRegular(word, kind) is { } form && IsWordForm(form) ? form : null;
    }

    private static string? InflectRegular(string word, Inflection kind)
    {
        if (word.Length == 0 || !char.IsAsciiLetterLower(word[^1]))
        {
            return null;
        }

        char last = word[^1];
        bool consonantY = last == 'y' && word.Length > 1 && !IsVowel(word[^2]);
        switch (kind)
        {
            case Inflection.Plural:
            case Inflection.ThirdPerson:
                if (word.EndsWith('s') || word.EndsWith('x') || word.EndsWith('z') || word.EndsWith("ch", StringComparison.Ordinal) || word.EndsWith("sh", StringComparison.Ordinal)
                    || (kind == Inflection.ThirdPerson && last == 'o'))
                {
                    return word + "es";
                }

                return consonantY ? word[..^1] + "ies" : word + "s";
            case Inflection.Gerund:
                if (word.EndsWith("ie", StringComparison.Ordinal))
                {
                    return word[..^2] + "ying";
                }

                if (last == 'e' && word.Length > 2 && word[^2] is not ('e' or 'y' or 'o'))
                {
                    return word[..^1] + "ing";
                }

                return (DoublesFinal(word) ? word + last : word) + "ing";
            case Inflection.Past:
                if (last == 'e')
                {
                    return word + "d";
                }

                return consonantY ? word[..^1] + "ied" : (DoublesFinal(word) ? word + last : word) + "ed";
            default:
                if (Syllables(word) >= 3)
                {
                    return null;
                }

                string suffix = kind == Inflection.Comparative ? "er" : "est";
                if (last == 'e')
                {
                    return word + suffix[1..];
                }

                return consonantY ? word[..^1] + "i" + suffix : (DoublesFinal(word) ? word + last : word) + suffix;
        }
    }

    private static Inflection KindOfIrregular(string form, char pos) => pos switch
    {
        'n' => Inflection.Plural,
        'v' when form.EndsWith("ing", StringComparison.Ordinal) => Inflection.Gerund,
        'v' when form.EndsWith('s') && !form.EndsWith("ss", StringComparison.Ordinal) => Inflection.ThirdPerson,
        'v' => Inflection.Past,
        _ when form.EndsWith("st", StringComparison.Ordinal) => Inflection.Superlative,
        _ => Inflection.Comparative,
    };

    // A one-syllable word ending consonant-vowel-consonant doubles its last letter: stop -> stopped.
    private static bool DoublesFinal(string word) =>
        word.Length >= 3 && Syllables(word) == 1 && !IsVowel(word[^1]) && word[^1] is not ('w' or 'x' or 'y')
        && IsVowel(word[^2]) && !IsVowel(word[^3]);

    private static int Syllables(string word)
    {
        int groups = 0;
        bool inVowel = false;
        foreach (char c in word)
        {
            bool vowel = IsVowel(c) || c == 'y';
            groups += vowel && !inVowel ? 1 : 0;
            inVowel = vowel;
        }

        return word.EndsWith('e') && groups > 1 ? groups - 1 : groups;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
