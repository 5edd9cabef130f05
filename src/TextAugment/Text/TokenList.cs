namespace TextAugment.Text;

/// <summary>
/// The tokens of one sentence, which stages rewrite in place. Reused between sentences
/// (<see cref="Reset"/>) so that a worker allocates nothing per sentence.
/// </summary>
public sealed class TokenList
{
    private Token[] _items = new Token[64];

    // The text the tokens were read from: this list's own characters (_own, reused from text to text, so that a worker
    // allocates nothing per sentence), or another list's after CopyFrom.
    private char[] _own = new char[256];
    private char[] _source = [];
    private int _sourceLength;
    private int _renderedLength;
    private int _wordCount;
    private sbyte _traditional = -1; // -1: not yet looked at

    /// <summary>The text the tokens were read from (valid until the list is reset).</summary>
    public ReadOnlySpan<char> Source => _source.AsSpan(0, _sourceLength);

    /// <summary>
    /// Whether <see cref="Source"/> is written in Traditional Chinese (holds a character with a different Simplified
    /// form, <see cref="ChineseScript"/>), so that words a stage writes are written in Traditional characters too.
    /// </summary>
    public bool IsTraditionalChinese
    {
        get
        {
            if (_traditional < 0)
            {
                _traditional = ChineseScript.HasTraditional(Source) ? (sbyte)1 : (sbyte)0;
            }

            return _traditional == 1;
        }
    }

    /// <summary>
    /// The segmenter the words of <see cref="Source"/> were cut with (<see cref="Segmenter.None"/> when none was given):
    /// the protection asks it which words are names (<see cref="Segmenter.IsProperNoun"/>).
    /// </summary>
    public Segmenter Segmenter { get; private set; } = Segmenter.None;

    /// <summary>
    /// The protection the tokens were marked with (<see cref="Protection.Default"/> until the list is reset): a substitution
    /// source checks its candidates against the same negators (<see cref="Augmenters.SubstitutionOptions.Allows(ReadOnlySpan{char}, ReadOnlySpan{char}, Protection)"/>).
    /// </summary>
    public Protection Protection { get; private set; } = Protection.Default;

    /// <summary>Number of tokens.</summary>
    public int Count { get; private set; }

    /// <summary>The token at <paramref name="index"/>.</summary>
    public Token this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
            return _items[index];
        }
        set
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
            _renderedLength += value.Length - _items[index].Length;
            _wordCount += IsWord(value) - IsWord(_items[index]);
            _items[index] = value;
        }
    }

    /// <summary>The tokens as a read-only span.</summary>
    public ReadOnlySpan<Token> AsSpan() => _items.AsSpan(0, Count);

    /// <summary>
    /// Tokenizes <paramref name="text"/> into this list (unspaced scripts split by <paramref name="segmenter"/>,
    /// default <see cref="Segmenter.None"/>) and marks protected words and stop words.
    /// </summary>
    public static TokenList Create(ReadOnlySpan<char> text, Protection? protection = null, Segmenter? segmenter = null)
    {
        var tokens = new TokenList();
        tokens.Reset(text, protection ?? Protection.Default, segmenter);
        return tokens;
    }

    /// <summary>
    /// Replaces the contents with the tokens of <paramref name="text"/> (unspaced scripts split by
    /// <paramref name="segmenter"/>, default <see cref="Segmenter.None"/>), marked by <paramref name="protection"/>.
    /// The list copies the text into characters it keeps and reuses: tokens taken from it earlier, and lists copied from
    /// it (<see cref="CopyFrom"/>), read the new text from then on.
    /// </summary>
    public void Reset(ReadOnlySpan<char> text, Protection protection, Segmenter? segmenter = null)
    {
        ArgumentNullException.ThrowIfNull(protection);
        Clear();
        if (_own.Length < text.Length)
        {
            _own = new char[Math.Max(text.Length, Math.Min(2 * _own.Length, Array.MaxLength))];
        }

        text.CopyTo(_own);
        _source = _own;
        _sourceLength = text.Length;
        _traditional = -1;
        Segmenter = segmenter ?? Segmenter.None;
        Protection = protection;
        WordTokenizer.Tokenize(_own, Source, this, segmenter);
        protection.Mark(this);
    }

    /// <summary>
    /// Copies the tokens of <paramref name="other"/> into this list. They read <paramref name="other"/>'s text, which is
    /// not copied: until <paramref name="other"/> is reset.
    /// </summary>
    public void CopyFrom(TokenList other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Clear();
        _source = other._source; // read, not copied: valid until other is reset
        _sourceLength = other._sourceLength;
        _traditional = other._traditional; // the same source: what other found out about its script holds here
        Segmenter = other.Segmenter;
        Protection = other.Protection;
        EnsureCapacity(other.Count);
        other.AsSpan().CopyTo(_items);
        Count = other.Count;
        _renderedLength = other._renderedLength;
        _wordCount = other._wordCount;
    }

    /// <summary>
    /// Tokens moved by <see cref="Insert"/>, <see cref="RemoveRange"/> and <see cref="RemoveWords"/> on this thread, for the
    /// tests that hold the stages' work linear in a text's length (EdaScalingTests): a count, not a clock.
    /// </summary>
    [ThreadStatic]
    internal static long Shifted;

    /// <summary>Removes every token.</summary>
    public void Clear()
    {
        Count = 0;
        _renderedLength = 0;
        _wordCount = 0;
    }

    /// <summary>Appends a token.</summary>
    public void Add(Token token)
    {
        EnsureCapacity(Count + 1);
        _items[Count++] = token;
        _renderedLength += token.Length;
        _wordCount += IsWord(token);
    }

    /// <summary>Inserts a token before <paramref name="index"/> (<see cref="Count"/> appends).</summary>
    public void Insert(int index, Token token)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)index, (uint)Count, nameof(index));
        EnsureCapacity(Count + 1);
        Shifted += Count - index;
        Array.Copy(_items, index, _items, index + 1, Count - index);
        _items[index] = token;
        Count++;
        _renderedLength += token.Length;
        _wordCount += IsWord(token);
    }

    /// <summary>Removes <paramref name="count"/> tokens starting at <paramref name="index"/>.</summary>
    public void RemoveRange(int index, int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)(index + count), (uint)Count, nameof(count));
        Shifted += Count - index - count;
        _renderedLength -= LengthOf(_items.AsSpan(index, count));
        _wordCount -= WordsIn(_items.AsSpan(index, count));
        Array.Copy(_items, index + count, _items, index, Count - index - count);
        Count -= count;
    }

    /// <summary>
    /// Removes the words marked in <paramref name="delete"/> (indexed like the tokens), each with one neighbouring
    /// whitespace run: the one before it, else the one after it that is still there. A marked word whose removal would
    /// make the tokens on either side read as one (<see cref="TokenJoin.ReadsAsOne"/>: <c>价格99元5角</c> → <c>价格995角</c>,
    /// <c>see file.txt</c> → <c>see.txt</c>) is kept. The same result as removing the marked words one by one from the
    /// last back, each kept when its removal would join its neighbours then, in one pass over the tokens.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="delete"/> is shorter than <see cref="Count"/>.</exception>
    public void RemoveWords(ReadOnlySpan<bool> delete)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delete.Length, Count, nameof(delete));
        int write = Count; // the kept tokens are _items[write..Count)
        for (int i = Count - 1; i >= 0; i--)
        {
            if (!delete[i])
            {
                _items[--write] = _items[i];
            }
            else if (i > 0 && _items[i - 1].Kind == TokenKind.Whitespace)
            {
                if (i > 1 && TokenJoin.ReadsAsOne(_items[i - 2], _items.AsSpan(write, Count - write)))
                {
                    _items[--write] = _items[i];
                    continue;
                }

                i--; // the whitespace before it goes too
            }
            else if (write < Count && _items[write].Kind == TokenKind.Whitespace)
            {
                if (i > 0 && TokenJoin.ReadsAsOne(_items[i - 1], _items.AsSpan(write + 1, Count - write - 1)))
                {
                    _items[--write] = _items[i];
                    continue;
                }

                write++; // the whitespace kept after it goes too
            }
            else if (i > 0 && TokenJoin.ReadsAsOne(_items[i - 1], _items.AsSpan(write, Count - write)))
            {
                _items[--write] = _items[i];
            }
        }

        Shifted += Count - write;
        Array.Copy(_items, write, _items, 0, Count - write);
        Count -= write;
        _renderedLength = LengthOf(AsSpan());
        _wordCount = WordsIn(AsSpan());
    }

    /// <summary>Swaps the tokens at two positions.</summary>
    public void Swap(int first, int second) => (_items[first], _items[second]) = (this[second], this[first]);

    /// <summary>Number of words (any <see cref="TokenKind.Word"/> token; kept as tokens are added, replaced and removed).</summary>
    public int WordCount => _wordCount;

    private static int IsWord(in Token token) => token.Kind == TokenKind.Word ? 1 : 0;

    private static int WordsIn(ReadOnlySpan<Token> tokens)
    {
        int n = 0;
        foreach (ref readonly Token t in tokens)
        {
            n += IsWord(t);
        }

        return n;
    }

    /// <summary>Number of characters <see cref="RenderTo(Span{char})"/> writes (kept as tokens are added, replaced and removed).</summary>
    public int RenderedLength => _renderedLength;

    private static int LengthOf(ReadOnlySpan<Token> tokens)
    {
        int n = 0;
        foreach (ref readonly Token t in tokens)
        {
            n += t.Length;
        }

        return n;
    }

    /// <summary>Writes the text the tokens spell (case styles applied); returns the count written.</summary>
    public int RenderTo(Span<char> destination)
    {
        // Tokens that follow each other in the same string (the input around the few a stage changed) are copied in one
        // run, not one by one.
        ReadOnlySpan<Token> tokens = AsSpan();
        int written = 0;
        int i = 0;
        while (i < tokens.Length)
        {
            ref readonly Token t = ref tokens[i];
            if (t.Case != CaseStyle.AsIs)
            {
                written += t.Render(destination[written..]);
                i++;
                continue;
            }

            object source = t.Source;
            int start = t.Start, end = start + t.Length;
            for (i++; i < tokens.Length; i++)
            {
                ref readonly Token next = ref tokens[i];
                if (next.Case != CaseStyle.AsIs || next.Start != end || !ReferenceEquals(next.Source, source))
                {
                    break;
                }

                end += next.Length;
            }

            Token.Slice(source, start, end - start).CopyTo(destination[written..]);
            written += end - start;
        }

        return written;
    }

    /// <summary>The text the tokens spell.</summary>
    public string Render() => string.Create(RenderedLength, this, static (span, list) => list.RenderTo(span));

    /// <inheritdoc/>
    public override string ToString() => Render();

    private void EnsureCapacity(int needed)
    {
        if (needed > _items.Length)
        {
            Array.Resize(ref _items, Math.Max(needed, _items.Length * 2));
        }
    }
}
