namespace TextAugment.Text;

/// <summary>What a token is: a word, a number, whitespace, or any other single character.</summary>
public enum TokenKind : byte
{
    /// <summary>Letters (any script) with marks, digits and inner apostrophes or hyphens: <c>don't</c>, <c>well-known</c>.</summary>
    Word,
    /// <summary>A run that starts with a digit: <c>42</c>, <c>3.14</c>, <c>1,000</c>, <c>10km</c>.</summary>
    Number,
    /// <summary>A run of whitespace, kept exactly.</summary>
    Whitespace,
    /// <summary>Any other single code point: punctuation, symbols, emoji.</summary>
    Symbol,
}

/// <summary>Marks a token carries from protection and from the stages that changed it.</summary>
[Flags]
public enum TokenFlags : byte
{
    /// <summary>No marks.</summary>
    None = 0,
    /// <summary>Never replaced, moved or deleted by any stage (numbers, URLs, e-mail addresses, protected words and patterns).</summary>
    Protected = 1,
    /// <summary>In the stop-word list: substitution stages skip it unless asked to include stop words.</summary>
    StopWord = 2,
    /// <summary>Written by a stage (a replacement or an insertion), not taken from the input.</summary>
    Changed = 4,
}

/// <summary>How a replacement is cased when rendered, copied from the word it replaced.</summary>
public enum CaseStyle : byte
{
    /// <summary>Rendered as stored.</summary>
    AsIs,
    /// <summary>Every letter upper case (<c>GREAT</c> → <c>SUPERB</c>).</summary>
    Upper,
    /// <summary>First letter upper case (<c>Great</c> → <c>Superb</c>).</summary>
    Title,
}

/// <summary>
/// One token: a slice of the input (the characters a <see cref="TokenList"/> holds) or of a string (a replacement held
/// by a dictionary) plus its kind, marks and case style. A value type that allocates nothing: tokens from the input point
/// into the list's characters, so they read the list's next text once the list is reset (<see cref="TokenList.Reset"/>).
/// </summary>
public readonly struct Token
{
    private readonly object _text; // a string or a char[]: see Slice
    private readonly int _start;
    private readonly int _length;
    private readonly bool _dotted; // an input word written with a dot (U.S., e.g.): found once, when the text is tokenized

    private Token(object text, int start, int length, TokenKind kind, TokenFlags flags, CaseStyle caseStyle, bool dotted = false)
    {
        _text = text;
        _start = start;
        _length = length;
        Kind = kind;
        Flags = flags;
        Case = caseStyle;
        _dotted = dotted;
    }

    /// <summary>The token's kind.</summary>
    public TokenKind Kind { get; }

    /// <summary>The token's marks.</summary>
    public TokenFlags Flags { get; }

    /// <summary>The case style applied when rendering (<see cref="CaseStyle.AsIs"/> for input tokens).</summary>
    public CaseStyle Case { get; }

    /// <summary>The stored characters, before the case style is applied.</summary>
    public ReadOnlySpan<char> Span => Slice(_text, _start, _length);

    /// <summary>What the token is a slice of: the input's characters (a <c>char[]</c>) or a replacement (a string).</summary>
    internal object Source => _text;

    /// <summary>Where the token starts in <see cref="Source"/>.</summary>
    internal int Start => _start;

    /// <summary>Offset of the token in the input, or -1 for a token a stage wrote.</summary>
    public int Offset => (Flags & TokenFlags.Changed) != 0 ? -1 : _start;

    /// <summary>Number of characters the token renders to.</summary>
    public int Length => _length;

    /// <summary>True for a word that is not protected.</summary>
    public bool IsMovableWord => Kind == TokenKind.Word && (Flags & TokenFlags.Protected) == 0;

    /// <summary>
    /// True for a word of the input written with a dot (<c>U.S.</c>, <c>e.g.</c>, <c>node.js</c>): the substitution
    /// sources leave it (<see cref="Augmenters.SubstitutionOptions.IsReplaceable"/>), and every variant asks, so it is found
    /// once when the token is made. False for a token a stage wrote.
    /// </summary>
    internal bool IsDotted => _dotted;

    /// <summary>True when any of <paramref name="flags"/> is set.</summary>
    public bool Has(TokenFlags flags) => (Flags & flags) != 0;

    /// <summary>A token that is a slice of the input.</summary>
    public static Token FromInput(string source, int start, int length, TokenKind kind) =>
        FromInput((object)source, start, length, kind);

    /// <summary>A token that is a slice of the input held in <paramref name="source"/> (a string or a <c>char[]</c>).</summary>
    internal static Token FromInput(object source, int start, int length, TokenKind kind) =>
        new(source, start, length, kind, TokenFlags.None, CaseStyle.AsIs, kind == TokenKind.Word && Slice(source, start, length).Contains('.'));

    /// <summary>
    /// The characters [start, start + length) of <paramref name="text"/>, a string or a <c>char[]</c>: a token's text is one
    /// or the other (replacements are strings from a dictionary; the input is the characters its list holds, reused from
    /// text to text so that reading a corpus allocates nothing per line).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal static ReadOnlySpan<char> Slice(object text, int start, int length) => text.GetType() == typeof(string)
        ? System.Runtime.CompilerServices.Unsafe.As<string>(text).AsSpan(start, length)
        : new ReadOnlySpan<char>(System.Runtime.CompilerServices.Unsafe.As<char[]>(text), start, length);

    /// <summary>A token a stage writes: an inserted word or whitespace, rendered as given.</summary>
    public static Token Inserted(string text, TokenKind kind) =>
        new(text, 0, text.Length, kind, TokenFlags.Changed, CaseStyle.AsIs);

    /// <summary>This token with <paramref name="flags"/> added.</summary>
    public Token With(TokenFlags flags) => new(_text, _start, _length, Kind, Flags | flags, Case, _dotted);

    /// <summary>
    /// A replacement for this word that keeps its case pattern: <c>Great</c> → <c>Superb</c>,
    /// <c>GREAT</c> → <c>SUPERB</c>; a lower-case word takes the replacement as stored.
    /// </summary>
    public Token ReplaceWith(string replacement) =>
        new(replacement, 0, replacement.Length, TokenKind.Word, TokenFlags.Changed, CasePattern.Of(Span));

    /// <summary>Writes the rendered token (case style applied) to <paramref name="destination"/>; returns the count written.</summary>
    public int Render(Span<char> destination)
    {
        ReadOnlySpan<char> text = Span;
        switch (Case)
        {
            case CaseStyle.Upper:
                return text.ToUpperInvariant(destination);
            case CaseStyle.Title:
                text.CopyTo(destination);
                if (text.Length > 0)
                {
                    destination[0] = char.ToUpperInvariant(text[0]);
                }

                return text.Length;
            default:
                text.CopyTo(destination);
                return text.Length;
        }
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        return string.Create(_length, this, static (span, token) => token.Render(span));
    }
}

/// <summary>Reads the case pattern of a word.</summary>
public static class CasePattern
{
    /// <summary>
    /// <see cref="CaseStyle.Upper"/> when the word has two or more letters, all upper case;
    /// <see cref="CaseStyle.Title"/> when its first letter is upper case and no other is;
    /// otherwise <see cref="CaseStyle.AsIs"/>.
    /// </summary>
    public static CaseStyle Of(ReadOnlySpan<char> word)
    {
        int letters = 0, upper = 0;
        bool firstUpper = false;
        foreach (char c in word)
        {
            if (!char.IsLetter(c))
            {
                continue;
            }

            if (char.IsUpper(c))
            {
                if (letters == 0)
                {
                    firstUpper = true;
                }

                upper++;
            }

            letters++;
        }

        if (upper == 0)
        {
            return CaseStyle.AsIs;
        }

        if (upper == letters && letters >= 2)
        {
            return CaseStyle.Upper;
        }

        return firstUpper && upper == 1 ? CaseStyle.Title : CaseStyle.AsIs;
    }
}
