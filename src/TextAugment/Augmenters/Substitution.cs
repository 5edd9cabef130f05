using System.Buffers;
using TextAugment.Dictionaries;
using TextAugment.Text;

namespace TextAugment.Augmenters;

/// <summary>Which words a substitution stage may change, and how many. Every property has a documented default.</summary>
public sealed class SubstitutionOptions
{
    /// <summary>Fraction of the eligible words to replace, in [0, 1]. Default: 0.1.</summary>
    public double Probability { get; init; } = 0.1;

    /// <summary>Fewest words to replace (when the sentence has that many with candidates). Default: 1.</summary>
    public int Min { get; init; } = 1;

    /// <summary>Most words to replace. Default: no limit.</summary>
    public int Max { get; init; } = int.MaxValue;

    /// <summary>Whether stop words are eligible. Default: false.</summary>
    public bool IncludeStopWords { get; init; }

    /// <summary>
    /// The number of words to replace among <paramref name="eligible"/> eligible ones:
    /// round(p × eligible) (halves up), clamped to [<see cref="Min"/>, <see cref="Max"/>].
    /// </summary>
    public int CountFor(int eligible) => Math.Clamp((int)Math.Floor(Probability * eligible + 0.5), Min, Math.Max(Min, Max));

    /// <summary>
    /// Whether the token may be replaced: <see cref="IsReplaceable"/>, and not a stop word unless they are included.
    /// </summary>
    public bool IsEligible(in Token token) => (IncludeStopWords || !token.Has(TokenFlags.StopWord)) && IsReplaceable(token); // the flag first: it is cheaper than IsReplaceable's scan for a dot

    /// <summary>
    /// Whether any substitution source may replace the token: a word of at least two characters (a one-letter
    /// word's dictionary senses are abbreviations: "a" → "angstrom", "x" → "10"), not an abbreviation written with
    /// dots ("e.g.", "U.S.": a language model or TF-IDF draw replaces them with unrelated words), not protected,
    /// not written by a stage.
    /// </summary>
    public static bool IsReplaceable(in Token token) =>
        token.Kind == TokenKind.Word && token.Length >= 2 && !token.Has(TokenFlags.Protected | TokenFlags.Changed) && !token.IsDotted;

    private static readonly System.Buffers.SearchValues<char> LineBreakOrTab = System.Buffers.SearchValues.Create("\t\n\r\v\f\u0085\u2028\u2029");

    /// <summary>
    /// Whether <paramref name="candidate"/> may replace <paramref name="original"/> (or be inserted beside it) in any
    /// substitution source — synonyms, word vectors, a masked LM, TF-IDF draws, random insertion: not an antonym of it
    /// (<see cref="Antonyms.English"/>; for a Chinese word also <see cref="Antonyms.Chinese"/>); not a negator and
    /// holding none ("not bad", "don't", 不错, <see cref="NegatorRule.BuiltIn"/>: the built-in English and Chinese
    /// negators) unless the original is one; not a number word and holding none ("seventy million",
    /// <see cref="NumberWords"/>) and containing a digit only when the original is a number (has a digit or is a number
    /// word); not an offensive word and holding none (<see cref="OffensiveWords"/>: WordNet's obscene, slur and disparaging
    /// words, CC-CEDICT's vulgar and derogatory ones) unless the original is or holds one; at least two characters unless the
    /// original is one character; never one that is empty, starts or ends with white space, or holds a tab or a line break (a
    /// source's data with a stray space would otherwise write it into the text).
    /// The negators are the built-in ones only: a text marked with a protection of its own negators is checked with
    /// <see cref="Allows(ReadOnlySpan{char}, ReadOnlySpan{char}, Protection)"/>.
    /// </summary>
    public static bool Allows(ReadOnlySpan<char> original, ReadOnlySpan<char> candidate) => Allows(original, candidate, Protection.None);

    /// <summary>
    /// <see cref="Allows(ReadOnlySpan{char}, ReadOnlySpan{char})"/> for a word of a text marked by <paramref name="protection"/>
    /// (<see cref="TokenList.Protection"/>): a candidate that is or holds a negator of the protection's own list
    /// (<see cref="ProtectionOptions.Negators"/>, by the rule that protects them in the text) is refused too, unless the
    /// original is or holds one, so that no stage brings in a word the protection keeps from being changed.
    /// </summary>
    public static bool Allows(ReadOnlySpan<char> original, ReadOnlySpan<char> candidate, Protection protection)
    {
        ArgumentNullException.ThrowIfNull(protection);
        if (candidate.Length < 2 && original.Length >= 2)
        {
            return false;
        }

        if (candidate.IsEmpty || char.IsWhiteSpace(candidate[0]) || char.IsWhiteSpace(candidate[^1]) || candidate.IndexOfAny(LineBreakOrTab) >= 0)
        {
            return false; // from any source's data (a vocabulary line "great "): white space at an end, a tab or a line break is no word
        }

        if (Digits.Contains(candidate) && !Digits.Contains(original))
        {
            return false;
        }

        // Each check asks about the original only when the candidate is refused by it otherwise (seldom).
        NegatorRule? own = protection.CandidateNegators;
        if (HoldsNegator(candidate, own) && !HoldsNegator(original, own))
        {
            return false;
        }

        if (NumberWords.HoldsNumberWord(candidate) && !NumberWords.HoldsNumberWord(original) && !Digits.Contains(original))
        {
            return false;
        }

        if (OffensiveWords.HoldsOffensiveWord(candidate) && !OffensiveWords.HoldsOffensiveWord(original))
        {
            return false;
        }

        return !Antonyms.English.AreAntonyms(original, candidate)
               && !(Segmenter.StartsUnspaced(original) && Antonyms.Chinese.AreAntonyms(original, candidate));
    }

    /// <summary>Whether <paramref name="phrase"/> is or holds a built-in negator, or one of <paramref name="own"/> (a protection's own list) when given.</summary>
    private static bool HoldsNegator(ReadOnlySpan<char> phrase, NegatorRule? own) =>
        NegatorRule.BuiltIn.HoldsNegator(phrase) || own?.HoldsNegator(phrase) == true;

    /// <exception cref="ArgumentOutOfRangeException">A value is out of its range.</exception>
    internal SubstitutionOptions Validated()
    {
        if (!(Probability is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Probability), Probability, "p must be between 0 and 1.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(Min, nameof(Min));
        ArgumentOutOfRangeException.ThrowIfLessThan(Max, Min, nameof(Max));
        return this;
    }
}

/// <summary>
/// The substitution policy shared by every candidate source: pick eligible words in random order and
/// replace each with one of its candidates, until <see cref="SubstitutionOptions.CountFor"/> words have
/// changed or no eligible word is left. Words without candidates are passed over, so they do not use up
/// the count. A replacement keeps the case pattern of the word it replaces.
/// </summary>
public abstract class SubstitutionAugmenter : Augmenter
{
    /// <summary>Creates the stage with <paramref name="options"/> (default: <see cref="SubstitutionOptions"/>'s defaults).</summary>
    protected SubstitutionAugmenter(SubstitutionOptions? options) => Options = (options ?? new SubstitutionOptions()).Validated();

    /// <summary>The policy.</summary>
    public SubstitutionOptions Options { get; }

    /// <summary>The candidates for the word at <paramref name="index"/>; empty when there are none.</summary>
    protected abstract ReadOnlySpan<string> GetCandidates(TokenList tokens, int index);

    /// <summary>
    /// True when <see cref="GetCandidates"/> returns only candidates that <see cref="SubstitutionOptions.Allows(ReadOnlySpan{char}, ReadOnlySpan{char}, Protection)"/> for the
    /// word, in their order (a source that filters once per word form): the choice is then the same without checking again.
    /// </summary>
    private protected virtual bool CandidatesAreAllowed => false;

    /// <inheritdoc/>
    protected internal override void AugmentCore(TokenList tokens, AugmentRandom random)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(random);
        int[]? rented = null;
        Span<int> eligible = tokens.Count <= 256 ? stackalloc int[tokens.Count] : (rented = ArrayPool<int>.Shared.Rent(tokens.Count));
        int remaining = 0;
        ReadOnlySpan<Token> all = tokens.AsSpan();
        for (int i = 0; i < all.Length; i++)
        {
            if (Options.IsEligible(all[i]))
            {
                eligible[remaining++] = i;
            }
        }

        int wanted = remaining == 0 ? 0 : Options.CountFor(remaining);
        int replaced = 0;
        while (replaced < wanted && remaining > 0)
        {
            int pick = random.Next(remaining);
            int index = eligible[pick];
            eligible[pick] = eligible[--remaining];
            ReadOnlySpan<string> candidates = GetCandidates(tokens, index);
            string? choice = CandidatesAreAllowed
                ? (candidates.IsEmpty ? null : candidates[random.Next(candidates.Length)])
                : Pick(tokens[index].Span, candidates, tokens.Protection, random);
            if (choice is null)
            {
                continue;
            }

            tokens[index] = tokens[index].ReplaceWith(choice);
            replaced++;
        }

        if (rented is not null)
        {
            ArrayPool<int>.Shared.Return(rented);
        }
    }

    /// <summary>A uniform choice among the candidates that <see cref="SubstitutionOptions.Allows(ReadOnlySpan{char}, ReadOnlySpan{char}, Protection)"/>; null when none is allowed.</summary>
    private static string? Pick(ReadOnlySpan<char> original, ReadOnlySpan<string> candidates, Protection protection, AugmentRandom random)
    {
        if (candidates.IsEmpty)
        {
            return null;
        }

        Span<int> allowed = candidates.Length <= 256 ? stackalloc int[candidates.Length] : new int[candidates.Length];
        int n = 0;
        for (int c = 0; c < candidates.Length; c++)
        {
            if (SubstitutionOptions.Allows(original, candidates[c], protection))
            {
                allowed[n++] = c;
            }
        }

        return n == 0 ? null : candidates[allowed[random.Next(n)]];
    }
}

/// <summary>Replaces words with synonyms from a <see cref="SynonymDictionary"/>.</summary>
public sealed class SynonymAugmenter : SubstitutionAugmenter
{
    private readonly AllowedSynonyms _synonyms;

    /// <summary>Creates the stage.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public SynonymAugmenter(SynonymDictionary dictionary, SubstitutionOptions? options = null)
        : base(options)
    {
        _synonyms = AllowedSynonyms.For(dictionary ?? throw new ArgumentNullException(nameof(dictionary)));
    }

    /// <inheritdoc/>
    private protected override bool CandidatesAreAllowed => true;

    /// <inheritdoc/>
    protected override ReadOnlySpan<string> GetCandidates(TokenList tokens, int index) => _synonyms.Get(tokens[index].Span, tokens.IsTraditionalChinese, tokens.Protection);
}

/// <summary>
/// The synonyms of a word that <see cref="SubstitutionOptions.Allows(ReadOnlySpan{char}, ReadOnlySpan{char}, Protection)"/>
/// for it, in the dictionary's order: what the synonym stage replaces a word with and what random insertion inserts beside
/// it. Cached per lower-case word form, one cache per dictionary (<see cref="For"/>) and per negator list of one's own
/// (<see cref="Protection.CandidateNegators"/>): the stages of a pipeline that share a dictionary (EDA's synonym replacement
/// and random insertion) filter each word's synonyms once. Thread-safe.
/// </summary>
internal sealed class AllowedSynonyms
{
    private readonly SynonymDictionary _dictionary;

    // One cache per script the synonyms are written in: random insertion asks for every word of every variant, so a
    // Traditional Chinese text's filtered lists are kept too, not filtered again on each call. Texts protected with a
    // negator list of their own (a protection's CandidateNegators) allow fewer synonyms: their caches are apart.
    private readonly Caches _builtIn = new();
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<NegatorRule, Caches> _ownNegators = [];

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SynonymDictionary, AllowedSynonyms> PerDictionary = [];

    private AllowedSynonyms(SynonymDictionary dictionary) => _dictionary = dictionary;

    /// <summary>The filter of <paramref name="dictionary"/>'s synonyms, made on first use and kept while the dictionary lives.</summary>
    public static AllowedSynonyms For(SynonymDictionary dictionary) => PerDictionary.GetValue(dictionary, d => new AllowedSynonyms(d));

    /// <summary>
    /// The allowed synonyms of <paramref name="word"/>, a word of a text marked by <paramref name="protection"/>, in
    /// Traditional characters for a Traditional Chinese text.
    /// </summary>
    public ReadOnlySpan<string> Get(ReadOnlySpan<char> word, bool traditional, Protection protection)
    {
        // The allowed synonyms depend on the word's lower-case form only (the dictionary lowers the word; the antonym,
        // negator and number checks ignore case; the length and digit checks do not see it), so they are filtered once
        // per form and cached by it, words without synonyms included: one lookup per word on the way back.
        Caches caches = protection.CandidateNegators is { } own ? _ownNegators.GetValue(own, _ => new Caches()) : _builtIn;
        WordMap<string[]> cache = traditional ? caches.Traditional : caches.Simplified;
        Span<char> lower = word.Length <= 128 ? stackalloc char[word.Length] : new char[word.Length];
        InvariantCase.ToLower(word, lower);
        if (cache.TryGetValue(lower, out string[]? cached))
        {
            return cached;
        }

        ReadOnlySpan<string> synonyms = traditional ? _dictionary.GetSynonyms(word, traditional: true) : _dictionary.GetSynonyms(word);
        return cache.GetOrAdd(lower, synonyms.IsEmpty ? [] : Allowed(word, synonyms, protection));
    }

    private static string[] Allowed(ReadOnlySpan<char> word, ReadOnlySpan<string> synonyms, Protection protection)
    {
        var allowed = new List<string>(synonyms.Length);
        foreach (string synonym in synonyms)
        {
            if (SubstitutionOptions.Allows(word, synonym, protection))
            {
                allowed.Add(synonym);
            }
        }

        return allowed.Count == 0 ? [] : [.. allowed];
    }

    /// <summary>The caches of one negator rule: synonyms written in Simplified (or no Chinese) and in Traditional characters.</summary>
    private sealed class Caches
    {
        public WordMap<string[]> Simplified { get; } = new();

        public WordMap<string[]> Traditional { get; } = new();
    }
}
