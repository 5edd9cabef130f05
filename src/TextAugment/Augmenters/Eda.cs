using System.Buffers;
using TextAugment.Dictionaries;
using TextAugment.Text;

namespace TextAugment.Augmenters;

/// <summary>
/// How many operations an EDA stage performs: a fixed <see cref="Count"/>, or EDA's
/// n = max(1, ⌊<see cref="Alpha"/> × words⌋) when <see cref="Alpha"/> is set.
/// </summary>
public sealed class EdaCountOptions
{
    /// <summary>Operations per sentence when <see cref="Alpha"/> is not set. Default: 1.</summary>
    public int Count { get; init; } = 1;

    /// <summary>EDA's α: the fraction of the sentence's words, at least one operation. Default: not set.</summary>
    public double? Alpha { get; init; }

    /// <summary>Number of operations for a sentence of <paramref name="words"/> words.</summary>
    public int For(int words) => Alpha is { } alpha ? Math.Max(1, (int)(alpha * words)) : Count;

    internal EdaCountOptions Validated()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(Count, nameof(Count));
        if (Alpha is { } a && !(a is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Alpha), a, "alpha must be between 0 and 1.");
        }

        return this;
    }
}

/// <summary>
/// EDA random swap: swaps two random words, n times. Protected words never move, nor words of a unit such as
/// <c>file.txt</c>, <c>C++</c> or <c>localhost:8080</c> (<see cref="TokenJoin.InUnit"/>); whitespace and punctuation stay
/// in place. A swap that would make a moved word read as one with its new neighbour (<see cref="TokenJoin.ReadsAsOne"/>: two words
/// of a spaced script with nothing between them in Chinese text, <c>我用iPhone和Android手机</c> → <c>我用手机和AndroidiPhone</c>;
/// a word moved against a joiner such as <c>/</c>) is not made: the two words are drawn again,
/// up to ten times, and when no draw fits that swap is left out. Texts where no swap can join words
/// draw exactly as before the rule.
/// </summary>
public sealed class RandomSwapAugmenter : Augmenter
{
    private readonly EdaCountOptions _count;

    /// <summary>Creates the stage (default: one swap per sentence).</summary>
    public RandomSwapAugmenter(EdaCountOptions? count = null) => _count = (count ?? new EdaCountOptions()).Validated();

    /// <inheritdoc/>
    protected internal override void AugmentCore(TokenList tokens, AugmentRandom random)
    {
        Span<int> words = tokens.Count <= 512 ? stackalloc int[tokens.Count] : new int[tokens.Count];
        int n = 0;
        ReadOnlySpan<Token> all = tokens.AsSpan();
        for (int i = 0; i < all.Length; i++)
        {
            if (all[i].IsMovableWord && !TokenJoin.InUnit(all, i))
            {
                words[n++] = i;
            }
        }

        if (n < 2)
        {
            return;
        }

        int swaps = _count.For(tokens.WordCount);
        for (int s = 0; s < swaps; s++)
        {
            for (int draw = 0; draw < MaxDraws; draw++)
            {
                int a = random.Next(n);
                int b = random.Next(n - 1);
                b += b >= a ? 1 : 0; // two distinct positions
                tokens.Swap(words[a], words[b]);
                if (!JoinsNeighbour(tokens, words[a]) && !JoinsNeighbour(tokens, words[b]))
                {
                    break;
                }

                tokens.Swap(words[a], words[b]); // undone: draw again
            }
        }
    }

    /// <summary>How many times one swap draws its two words before it is left out (each draw joined a word to a neighbour).</summary>
    private const int MaxDraws = 10;

    /// <summary>True when the token at <paramref name="index"/> reads as one with the token before or after it.</summary>
    private static bool JoinsNeighbour(TokenList tokens, int index)
    {
        ReadOnlySpan<Token> all = tokens.AsSpan();
        return (index > 0 && TokenJoin.ReadsAsOne(all[index - 1], all[index..]))
               || TokenJoin.ReadsAsOne(all[index], all[(index + 1)..]);
    }
}

/// <summary>
/// EDA random deletion: deletes each unprotected word with probability p, with one neighbouring
/// whitespace run. Words of a unit such as <c>file.txt</c>, <c>C++</c>, <c>localhost:8080</c>, <c>numpy==1.26</c> or
/// <c>/usr/local/bin</c> (<see cref="TokenJoin.InUnit"/>) are never deleted, as protected words are not: the unit is
/// never split. Never deletes every word: when all would go, one chosen at random stays. A word whose removal would
/// make the tokens on either side read as one (<see cref="TokenJoin.ReadsAsOne"/>) stays too: a Chinese word between two
/// numbers or Latin words (<c>价格99元5角</c> is never <c>价格995角</c>; no space is put in its place, which Chinese text
/// would not have), or a word between a word and a joiner glued to what follows it. Texts where no
/// deletion can join words draw and delete exactly as before the rule.
/// </summary>
public sealed class RandomDeletionAugmenter : Augmenter
{
    private readonly double _probability;

    /// <summary>Creates the stage.</summary>
    /// <param name="probability">Chance that each word is deleted, in [0, 1]. EDA's default: 0.1.</param>
    public RandomDeletionAugmenter(double probability = 0.1)
    {
        if (!(probability is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "random_deletion: p must be between 0 and 1.");
        }

        _probability = probability;
    }

    /// <inheritdoc/>
    protected internal override void AugmentCore(TokenList tokens, AugmentRandom random)
    {
        Span<bool> delete = tokens.Count <= 512 ? stackalloc bool[tokens.Count] : new bool[tokens.Count];
        int words = 0, deleted = 0;
        ReadOnlySpan<Token> all = tokens.AsSpan();
        for (int i = 0; i < all.Length; i++)
        {
            if (all[i].Kind != TokenKind.Word)
            {
                continue;
            }

            words++;
            if (all[i].IsMovableWord && !TokenJoin.InUnit(all, i) && random.NextDouble() < _probability)
            {
                delete[i] = true;
                deleted++;
            }
        }

        if (deleted == 0)
        {
            return;
        }

        if (deleted == words)
        {
            // Keep one: the k-th deleted word, k uniform.
            int keep = random.Next(deleted);
            for (int i = 0; i < tokens.Count; i++)
            {
                if (delete[i] && keep-- == 0)
                {
                    delete[i] = false;
                    break;
                }
            }
        }

        // In one pass (TokenList.RemoveWords), not one removal per word: linear however many words go.
        tokens.RemoveWords(delete);
    }
}

/// <summary>
/// EDA random insertion: n times, takes a random eligible word that has synonyms and inserts one of its
/// synonyms before a random word (or at the end), separated by a space (by nothing between Chinese words). Only the
/// synonyms every substitution source may use are inserted (<see cref="SubstitutionOptions.Allows(ReadOnlySpan{char}, ReadOnlySpan{char}, Protection)"/>: no negator, number
/// word or antonym of the word).
/// </summary>
public sealed class RandomInsertionAugmenter : Augmenter
{
    private static readonly Token Space = Token.Inserted(" ", TokenKind.Whitespace);
    private readonly AllowedSynonyms _synonyms;
    private readonly EdaCountOptions _count;
    private readonly bool _includeStopWords;

    /// <summary>Creates the stage.</summary>
    /// <param name="dictionary">Where synonyms come from.</param>
    /// <param name="count">How many insertions (default: one).</param>
    /// <param name="includeStopWords">Whether stop words may be the source of an insertion (default: false, as in EDA).</param>
    public RandomInsertionAugmenter(SynonymDictionary dictionary, EdaCountOptions? count = null, bool includeStopWords = false)
    {
        _synonyms = AllowedSynonyms.For(dictionary ?? throw new ArgumentNullException(nameof(dictionary)));
        _count = (count ?? new EdaCountOptions()).Validated();
        _includeStopWords = includeStopWords;
    }

    /// <inheritdoc/>
    protected internal override void AugmentCore(TokenList tokens, AugmentRandom random)
    {
        int insertions = _count.For(tokens.WordCount);
        if (insertions <= 0)
        {
            return;
        }

        if (tokens.Count <= ShortText)
        {
            AugmentShort(tokens, random, insertions);
            return;
        }

        // The sources: eligible words that have synonyms, looked up once. Inserted words are never sources (a stage's
        // own words are not replaceable), so the list holds for every insertion, and each takes one draw from it.
        ReadOnlySpan<Token> all = tokens.AsSpan();
        int[] sources = ArrayPool<int>.Shared.Rent(all.Length);
        bool[] boundaries = ArrayPool<bool>.Shared.Rent(all.Length);
        try
        {
            int n = 0, last = -1;
            for (int i = 0; i < all.Length; i++)
            {
                ref readonly Token t = ref all[i];
                boundaries[i] = t.Kind == TokenKind.Word && IsBoundary(i == 0, i == 0 ? default : all[i - 1], t);
                last = t.Kind == TokenKind.Word ? i : last;
                if ((_includeStopWords || !t.Has(TokenFlags.StopWord)) && SubstitutionOptions.IsReplaceable(t)
                    && !_synonyms.Get(t.Span, tokens.IsTraditionalChinese, tokens.Protection).IsEmpty)
                {
                    sources[n++] = i;
                }
            }

            if (n == 0)
            {
                return;
            }

            last = EndOfLastUnit(all, last);

            // Each insertion shifts what follows it: the words go into a sequence where that costs O(log n), not O(n).
            using var sequence = new InsertionSequence(all, boundaries.AsSpan(0, all.Length), 2 * insertions);
            for (int done = 0; done < insertions; done++)
            {
                ReadOnlySpan<string> synonyms = _synonyms.Get(all[sources[random.Next(n)]].Span, tokens.IsTraditionalChinese, tokens.Protection);
                Insert(sequence, Token.Inserted(synonyms[random.Next(synonyms.Length)], TokenKind.Word), random, ref last);
            }

            sequence.CopyTo(tokens);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(sources);
            ArrayPool<bool>.Shared.Return(boundaries);
        }
    }

    /// <summary>
    /// Texts of at most this many tokens take the short path (<see cref="AugmentShort"/>): O(n) per insertion, which for
    /// a sentence or a paragraph costs less than building the sequence and looking every word up, and draws the random
    /// stream earlier versions drew (the same output for the same seed). Longer texts take the O(log n) path.
    /// </summary>
    private const int ShortText = 2048;

    /// <summary>
    /// The short path: for each insertion, draws eligible words without replacement until one has synonyms (as EDA's
    /// reference code tries words until one has), then a boundary among those the text has now. The same distribution as
    /// the long path (uniform over the words with synonyms, then over the boundaries), another random stream.
    /// </summary>
    private void AugmentShort(TokenList tokens, AugmentRandom random, int insertions)
    {
        Span<int> sources = stackalloc int[tokens.Count];
        for (int done = 0; done < insertions; done++)
        {
            int n = 0;
            ReadOnlySpan<Token> all = tokens.AsSpan();
            for (int i = 0; i < all.Length; i++)
            {
                ref readonly Token t = ref all[i];
                if ((_includeStopWords || !t.Has(TokenFlags.StopWord)) && SubstitutionOptions.IsReplaceable(t))
                {
                    sources[n++] = i;
                }
            }

            string? synonym = null;
            while (n > 0 && synonym is null)
            {
                int pick = random.Next(n);
                ReadOnlySpan<string> synonyms = _synonyms.Get(tokens[sources[pick]].Span, tokens.IsTraditionalChinese, tokens.Protection);
                sources[pick] = sources[--n];
                if (!synonyms.IsEmpty)
                {
                    synonym = synonyms[random.Next(synonyms.Length)];
                }
            }

            if (synonym is null)
            {
                return;
            }

            InsertShort(tokens, Token.Inserted(synonym, TokenKind.Word), random);
        }
    }

    /// <summary>The short path's insertion: <see cref="Insert"/>'s rule, the boundaries found by scanning the text.</summary>
    private static void InsertShort(TokenList tokens, Token word, AugmentRandom random)
    {
        // The boundaries in order, then the chosen one: slot k < boundaries is before the k-th, the last slot after the last word.
        int last = -1;
        ReadOnlySpan<Token> all = tokens.AsSpan();
        Span<int> boundaries = stackalloc int[all.Length];
        int count = 0;
        for (int i = 0; i < all.Length; i++)
        {
            if (all[i].Kind == TokenKind.Word)
            {
                last = i;
                if (IsBoundary(i == 0, i == 0 ? default : all[i - 1], all[i]))
                {
                    boundaries[count++] = i;
                }
            }
        }

        last = EndOfLastUnit(all, last);
        int slot = random.Next(count + 1);
        if (slot < count)
        {
            int before = boundaries[slot];
            if (JoinsWithSpace(word, tokens[before]))
            {
                tokens.Insert(before, Space);
            }

            tokens.Insert(before, word);
            return;
        }

        tokens.Insert(last + 1, word);
        if (last < 0 || JoinsWithSpace(tokens[last], word))
        {
            tokens.Insert(last + 1, Space);
        }
    }

    /// <summary>
    /// Inserts <paramref name="word"/> at a random word boundary: before a word that starts the text, follows
    /// whitespace, or starts with a character of a script written without spaces (Chinese) after anything but
    /// a spaced word; or after the last word's unit (at <paramref name="last"/>, <see cref="EndOfLastUnit"/>, moved as words go in before it). Never
    /// inside a run such as a URL (<c>x.org/film</c>) or a protected unit. The word joins its neighbour with a space, or
    /// with nothing when either side is an unspaced script (Chinese).
    /// </summary>
    private static void Insert(InsertionSequence tokens, Token word, AugmentRandom random, ref int last)
    {
        // Slot k < boundaries is before the k-th boundary, the last slot after the last word.
        int count = tokens.BoundaryCount;
        int slot = random.Next(count + 1);
        int first, inserted;
        if (slot < count)
        {
            first = tokens.PositionOfBoundary(slot);
            inserted = 1;
            if (JoinsWithSpace(word, tokens[first]))
            {
                tokens.Insert(first, Space);
                inserted = 2;
            }

            tokens.Insert(first, word);
            last += inserted; // the last word is the boundary's word or after it
        }
        else
        {
            first = last + 1;
            tokens.Insert(first, word);
            inserted = 1;
            if (last < 0 || JoinsWithSpace(tokens[last], word))
            {
                tokens.Insert(first, Space);
                inserted = 2;
            }

            last = first + inserted - 1;
        }

        // Whether a token is a boundary depends on it and the token before it: only the inserted tokens and the one
        // after them can have changed.
        for (int p = first; p <= first + inserted && p < tokens.Count; p++)
        {
            Token t = tokens[p];
            tokens.SetBoundary(p, t.Kind == TokenKind.Word && IsBoundary(p == 0, p == 0 ? default : tokens[p - 1], t));
        }
    }

    /// <summary>
    /// Where "after the last word" is, given the last word at <paramref name="last"/>: after the unit the word is part of
    /// (<c>C++</c>, <c>C#</c>, <c>localhost:8080</c>, <c>file.txt</c>: the tokens up to the next whitespace), less the
    /// punctuation that ends the text there (<c>film.</c>, <c>"hi"!</c>: the word goes before it). A word that ends in a
    /// script written without spaces (Chinese) ends there. Inserting right after the word itself split
    /// <c>C++</c> into <c>C dearest++</c>.
    /// </summary>
    private static int EndOfLastUnit(ReadOnlySpan<Token> all, int last)
    {
        if (last < 0 || Segmenter.EndsUnspaced(all[last].Span))
        {
            return last;
        }

        int end = last;
        while (end + 1 < all.Length && all[end + 1].Kind != TokenKind.Whitespace)
        {
            end++;
        }

        // Sentence and closing punctuation goes after the inserted word; a joiner that ends a name (C++, C#) stays before it.
        while (end > last && all[end].Kind == TokenKind.Symbol && (!TokenJoin.IsJoiner(all[end]) || all[end].Span[0] is '.' or '!' or ':'))
        {
            end--;
        }

        return end;
    }

    /// <summary>
    /// True when the two words need a space between them: when side by side they would read as one
    /// (<see cref="TokenJoin.ReadsAsOne"/>, the rule deletion and swap keep too); false when the left ends or the right
    /// starts with an unspaced script (no space between Chinese words).
    /// </summary>
    private static bool JoinsWithSpace(Token left, Token right) => TokenJoin.ReadsAsOne(left, new ReadOnlySpan<Token>(in right));

    // Whitespace inside a protected unit ("New York", "Bill Gates") is protected too: no insertion splits the unit.
    private static bool IsBoundary(bool first, in Token previous, in Token current)
    {
        if (first)
        {
            return true;
        }

        if (previous.Kind == TokenKind.Whitespace)
        {
            return !(previous.Has(TokenFlags.Protected) && current.Has(TokenFlags.Protected));
        }

        return Segmenter.StartsUnspaced(current.Span)
            && !(previous.Has(TokenFlags.Protected) && current.Has(TokenFlags.Protected))
            && (previous.Kind != TokenKind.Word || Segmenter.EndsUnspaced(previous.Span));
    }
}
