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

/// <summary>EDA random swap: swaps two random words, n times. Protected words never move; whitespace and punctuation stay in place.</summary>
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
            if (all[i].IsMovableWord)
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
            int a = random.Next(n);
            int b = random.Next(n - 1);
            b += b >= a ? 1 : 0; // two distinct positions
            tokens.Swap(words[a], words[b]);
        }
    }
}

/// <summary>
/// EDA random deletion: deletes each unprotected word with probability p, with one neighbouring
/// whitespace run. Never deletes every word: when all would go, one chosen at random stays.
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
            if (all[i].IsMovableWord && random.NextDouble() < _probability)
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

        for (int i = tokens.Count - 1; i >= 0; i--)
        {
            if (!delete[i])
            {
                continue;
            }

            // Take one whitespace run with the word: the one before it, else the one after it.
            if (i > 0 && tokens[i - 1].Kind == TokenKind.Whitespace)
            {
                tokens.RemoveRange(i - 1, 2);
                i--;
            }
            else if (i + 1 < tokens.Count && tokens[i + 1].Kind == TokenKind.Whitespace)
            {
                tokens.RemoveRange(i, 2);
            }
            else
            {
                tokens.RemoveRange(i, 1);
            }
        }
    }
}

/// <summary>
/// EDA random insertion: n times, takes a random eligible word that has synonyms and inserts one of its
/// synonyms before a random word (or at the end), separated by a space (by nothing between Chinese words).
/// </summary>
public sealed class RandomInsertionAugmenter : Augmenter
{
    private static readonly Token Space = Token.Inserted(" ", TokenKind.Whitespace);
    private readonly SynonymDictionary _dictionary;
    private readonly EdaCountOptions _count;
    private readonly bool _includeStopWords;

    /// <summary>Creates the stage.</summary>
    /// <param name="dictionary">Where synonyms come from.</param>
    /// <param name="count">How many insertions (default: one).</param>
    /// <param name="includeStopWords">Whether stop words may be the source of an insertion (default: false, as in EDA).</param>
    public RandomInsertionAugmenter(SynonymDictionary dictionary, EdaCountOptions? count = null, bool includeStopWords = false)
    {
        _dictionary = dictionary ?? throw new ArgumentNullException(nameof(dictionary));
        _count = (count ?? new EdaCountOptions()).Validated();
        _includeStopWords = includeStopWords;
    }

    /// <inheritdoc/>
    protected internal override void AugmentCore(TokenList tokens, AugmentRandom random)
    {
        int insertions = _count.For(tokens.WordCount);
        Span<int> sources = tokens.Count <= 512 ? stackalloc int[tokens.Count] : new int[tokens.Count];
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
                ReadOnlySpan<string> synonyms = _dictionary.GetSynonyms(tokens[sources[pick]].Span, tokens.IsTraditionalChinese);
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

            Insert(tokens, Token.Inserted(synonym, TokenKind.Word), random);
        }
    }

    /// <summary>
    /// Inserts <paramref name="word"/> at a random word boundary: before a word that starts the text, follows
    /// whitespace, or starts with a character of a script written without spaces (Chinese) after anything but
    /// a spaced word; or after the last word. Never inside a run such as a URL (<c>x.org/film</c>) or a protected
    /// unit. The word joins its neighbour with a space, or with nothing when either side is an unspaced script (Chinese).
    /// </summary>
    private static void Insert(TokenList tokens, Token word, AugmentRandom random)
    {
        // The boundaries in order, then the chosen one: slot k < boundaries is before the k-th, the last slot after the last word.
        int last = -1;
        ReadOnlySpan<Token> all = tokens.AsSpan();
        int[]? rented = null;
        Span<int> boundaries = all.Length <= 512 ? stackalloc int[all.Length] : (rented = System.Buffers.ArrayPool<int>.Shared.Rent(all.Length));
        int count = 0;
        for (int i = 0; i < all.Length; i++)
        {
            if (all[i].Kind == TokenKind.Word)
            {
                last = i;
                if (IsBoundary(all, i))
                {
                    boundaries[count++] = i;
                }
            }
        }

        int slot = random.Next(count + 1);
        int before = slot < count ? boundaries[slot] : -1;
        if (rented is not null)
        {
            System.Buffers.ArrayPool<int>.Shared.Return(rented);
        }

        if (before >= 0)
        {
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

    /// <summary>False when the left token ends or the right one starts with an unspaced script (no space between Chinese words).</summary>
    private static bool JoinsWithSpace(Token left, Token right) =>
        !Segmenter.EndsUnspaced(left.Span) && !Segmenter.StartsUnspaced(right.Span);

    // Whitespace inside a protected unit ("New York", "Bill Gates") is protected too: no insertion splits the unit.
    private static bool IsBoundary(ReadOnlySpan<Token> tokens, int index)
    {
        if (index == 0)
        {
            return true;
        }

        ref readonly Token previous = ref tokens[index - 1];
        if (previous.Kind == TokenKind.Whitespace)
        {
            return !(previous.Has(TokenFlags.Protected) && tokens[index].Has(TokenFlags.Protected));
        }

        return Segmenter.StartsUnspaced(tokens[index].Span)
            && !(previous.Has(TokenFlags.Protected) && tokens[index].Has(TokenFlags.Protected))
            && (previous.Kind != TokenKind.Word || Segmenter.EndsUnspaced(previous.Span));
    }
}
