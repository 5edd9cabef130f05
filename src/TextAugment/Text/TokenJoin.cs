namespace TextAugment.Text;

/// <summary>
/// Whether two tokens that a stage places side by side would be read as one, and which words make a unit with joiners:
/// the rules random_deletion, random_swap and random_insertion share so that deleting, moving or inserting a word never
/// glues its neighbours together (<c>价格99元5角</c> → <c>价格995角</c>, <c>see file.txt now</c> → <c>see.txt now</c>,
/// <c>use C++ daily</c> → <c>use++ daily</c>) and never splits a unit such as <c>file.txt</c>.
/// </summary>
/// <remarks>
/// A <em>spaced</em> token is a word or number whose facing end is in a script written with spaces (Latin, digits, …;
/// not Chinese, see <see cref="Segmenter.IsUnspaced(int)"/>). A run of <see cref="IsJoiner"/> symbols is <em>glued</em> on
/// its far side when it ends there at a spaced token (<c>.txt</c>, <c>:8080</c>, <c>==1.26</c>, <c>&gt;=2.0</c>,
/// <c>-&gt;b</c>), or when it has two or more joiners that are not all sentence ends (<c>++</c>, <c>//</c>), or is a single
/// <c>#</c> or <c>+</c> after a word (<c>C#</c>, <c>A+</c>); a run of
/// full stops or exclamation marks before whitespace ends a sentence and glues nothing (<c>know...</c>, <c>wow!!</c>), nor
/// does a single joiner before whitespace, punctuation or the text's end (<c>the end.</c>, <c>note: this</c>,
/// <c>great!</c>). Chinese on either side, whitespace and other punctuation never join, so ordinary sentences are not
/// affected.
/// </remarks>
public static class TokenJoin
{
    /// <summary>Joiners looked at in one run before the run counts as glued (a bound on the work; real units have a few).</summary>
    private const int MaxRun = 8;

    /// <summary>
    /// True when <paramref name="left"/> followed directly by <paramref name="right"/>[0] would be read as one: the left is
    /// a spaced token or a joiner, and the right is a spaced token, a joiner after a joiner (<c>=</c> and <c>/</c> make
    /// <c>=/</c>), or the start of a joiner run glued on its far side (the type's remarks). <paramref name="right"/> holds the right token and what follows it. False when
    /// <paramref name="right"/> is empty.
    /// </summary>
    public static bool ReadsAsOne(in Token left, ReadOnlySpan<Token> right)
    {
        if (right.IsEmpty)
        {
            return false;
        }

        bool continues = left.Kind switch
        {
            TokenKind.Word or TokenKind.Number => !Segmenter.EndsUnspaced(left.Span),
            _ => IsJoiner(left),
        };
        return continues && (IsSpaced(right[0], atStart: true) || (IsJoiner(right[0]) && (IsJoiner(left) || GluedRun(right, 0, 1))));
    }

    /// <summary>
    /// True when the token at <paramref name="index"/> of <paramref name="tokens"/> is part of a unit: on a side where it
    /// is spaced (not Chinese), it touches a joiner run glued on the run's far side (the type's remarks): <c>file</c> and
    /// <c>txt</c> in <c>file.txt</c>, <c>C</c> in <c>C++</c>, <c>localhost</c> in <c>localhost:8080</c>, each word of
    /// <c>/usr/local/bin</c>, <c>e</c> and <c>g</c> in <c>e.g</c>; not <c>know</c> in <c>know...</c>, <c>end</c> in
    /// <c>the end.</c>, nor Chinese words around a joiner (<c>域名/主机名</c>, <c>编辑器.随后</c>). random_deletion and
    /// random_swap neither delete nor move such a word, so a unit is never split.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside <paramref name="tokens"/>.</exception>
    public static bool InUnit(ReadOnlySpan<Token> tokens, int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)tokens.Length, nameof(index));
        ref readonly Token token = ref tokens[index];
        return (index + 1 < tokens.Length && IsJoiner(tokens[index + 1]) && !Segmenter.EndsUnspaced(token.Span)
                && GluedRun(tokens, index + 1, 1))
               || (index >= 1 && IsJoiner(tokens[index - 1]) && !Segmenter.StartsUnspaced(token.Span)
                   && GluedRun(tokens, index - 1, -1));
    }

    /// <summary>
    /// True when <paramref name="token"/> is one of the symbols that join what is on either side into one unit in file
    /// names, addresses, versions, version specifiers and code: <c>. : / \ + = _ - @ # &lt; &gt; ! ~</c> (<c>file.txt</c>,
    /// <c>localhost:8080</c>, <c>/usr/local/bin</c>, <c>C++</c>, <c>numpy==1.26</c>, <c>snake_case</c>, <c>a@b</c>,
    /// <c>torch&gt;=2.0</c>, <c>numpy&lt;2</c>, <c>scipy!=1.1</c>, <c>pandas~=2.1</c>, <c>a-&gt;b</c>).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static bool IsJoiner(in Token token) =>
        token.Kind == TokenKind.Symbol && token.Length == 1
        && token.Span[0] is '.' or ':' or '/' or '\\' or '+' or '=' or '_' or '-' or '@' or '#' or '<' or '>' or '!' or '~';

    /// <summary>True for a word or number whose start (<paramref name="atStart"/>) or end is in a spaced script.</summary>
    private static bool IsSpaced(in Token token, bool atStart) =>
        token.Kind is TokenKind.Word or TokenKind.Number
        && !(atStart ? Segmenter.StartsUnspaced(token.Span) : Segmenter.EndsUnspaced(token.Span));

    /// <summary>
    /// True when the joiner run that starts at <paramref name="start"/> and goes in <paramref name="step"/> (1 or -1) is
    /// glued on its far side (the type's remarks).
    /// </summary>
    private static bool GluedRun(ReadOnlySpan<Token> tokens, int start, int step)
    {
        bool dots = true; // every joiner so far ends a sentence (. or !)
        int count = 0;
        for (int i = start; i >= 0 && i < tokens.Length; i += step)
        {
            if (!IsJoiner(tokens[i]))
            {
                return IsSpaced(tokens[i], atStart: step > 0) || Glued(tokens, start, step, count, dots);
            }

            dots &= tokens[i].Span[0] is '.' or '!';
            if (++count == MaxRun)
            {
                return true;
            }
        }

        return Glued(tokens, start, step, count, dots);
    }

    /// <summary>
    /// Whether a joiner run that is not followed by a spaced token is glued all the same: two or more joiners that are not
    /// all sentence ends (<c>C++</c>), or a single <c>#</c> or <c>+</c> that ends a word (<c>C#</c>, <c>F#</c>, <c>A+</c>,
    /// <c>Disney+</c>): a mark that ends a name, never a sentence.
    /// </summary>
    private static bool Glued(ReadOnlySpan<Token> tokens, int start, int step, int count, bool dots) =>
        (count >= 2 && !dots) || (count == 1 && step > 0 && tokens[start].Span[0] is '#' or '+');
}
