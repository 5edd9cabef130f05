namespace TextAugment.Text;

/// <summary>
/// Whether two tokens that a stage places side by side would be read as one: the rule random_deletion, random_swap and
/// random_insertion share so that deleting, moving or inserting a word never glues its neighbours together
/// (<c>价格99元5角</c> → <c>价格995角</c>, <c>see file.txt now</c> → <c>see.txt now</c>, <c>use C++ daily</c> → <c>use++ daily</c>).
/// </summary>
/// <remarks>
/// The left token <em>continues</em> rightward when it is a word or number that ends in a script written with spaces
/// (Latin, digits, …; not Chinese, see <see cref="Segmenter.IsUnspaced(int)"/>), or an intra-word joiner
/// (<see cref="IsJoiner"/>). The right token <em>takes</em> what is before it when it is a word or number that starts in
/// a script written with spaces, or a joiner glued to what follows it: a word or number of a spaced script, or another
/// joiner (<c>++</c>, <c>==</c>, <c>://</c>), a run of full stops excepted (an ellipsis ends a sentence: <c>know...</c>).
/// Two tokens read as one when the left continues and the right takes. Chinese on either side, whitespace, and
/// sentence punctuation (<c>, ! ? ; "</c>, a full stop that ends the text or is followed by a space) never join:
/// ordinary sentences are not affected.
/// </remarks>
public static class TokenJoin
{
    /// <summary>
    /// True when <paramref name="left"/> followed directly by <paramref name="right"/>[0] would be read as one token
    /// (the type's remarks); <paramref name="right"/> holds the right token and what follows it (one more token is looked
    /// at). False when <paramref name="right"/> is empty.
    /// </summary>
    public static bool ReadsAsOne(in Token left, ReadOnlySpan<Token> right)
    {
        if (right.IsEmpty || !Continues(left))
        {
            return false;
        }

        ref readonly Token first = ref right[0];
        if (first.Kind is TokenKind.Word or TokenKind.Number)
        {
            return !Segmenter.StartsUnspaced(first.Span);
        }

        if (!IsJoiner(first) || right.Length < 2)
        {
            return false;
        }

        ref readonly Token next = ref right[1];
        if (next.Kind is TokenKind.Word or TokenKind.Number)
        {
            return !Segmenter.StartsUnspaced(next.Span);
        }

        return IsJoiner(next) && !(first.Span[0] == '.' && next.Span[0] == '.');
    }

    /// <summary>
    /// True when the token at <paramref name="index"/> of <paramref name="tokens"/> is part of a unit joined by
    /// <see cref="IsJoiner"/> symbols: on a side where it is of a spaced script (not Chinese), it touches a joiner that
    /// touches a word or number of a spaced script or another joiner on its other side (<c>file</c> and <c>txt</c> in <c>file.txt</c>, <c>C</c> in <c>C++</c>, <c>localhost</c> in
    /// <c>localhost:8080</c>, each word of <c>/usr/local/bin</c>, <c>e</c> and <c>g</c> in <c>e.g</c>). A run of full stops
    /// does not join (<c>know...</c>), nor a joiner with whitespace, punctuation or the text's end on its other side
    /// (<c>the end.</c>, <c>note: this</c>), nor one between Chinese words (<c>域名/主机名</c>, <c>编辑器.随后</c>). random_deletion and random_swap neither delete nor move such a word, so a unit is
    /// never split.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside <paramref name="tokens"/>.</exception>
    public static bool InUnit(ReadOnlySpan<Token> tokens, int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)tokens.Length, nameof(index));
        ref readonly Token token = ref tokens[index];
        return (index + 2 < tokens.Length && IsJoiner(tokens[index + 1]) && !Segmenter.EndsUnspaced(token.Span)
                && Glued(tokens[index + 1], tokens[index + 2], after: true))
               || (index >= 2 && IsJoiner(tokens[index - 1]) && !Segmenter.StartsUnspaced(token.Span)
                   && Glued(tokens[index - 1], tokens[index - 2], after: false));
    }

    /// <summary>
    /// True when <paramref name="other"/>, on the joiner's other side (after it when <paramref name="after"/>), makes a
    /// unit with it: a word or number of a spaced script at that side, or a joiner (not a run of full stops).
    /// </summary>
    private static bool Glued(in Token joiner, in Token other, bool after) => other.Kind switch
    {
        TokenKind.Word or TokenKind.Number => after ? !Segmenter.StartsUnspaced(other.Span) : !Segmenter.EndsUnspaced(other.Span),
        _ => IsJoiner(other) && !(joiner.Span[0] == '.' && other.Span[0] == '.'),
    };

    /// <summary>
    /// True when <paramref name="token"/> is one of the symbols that join what is on either side into one unit in file
    /// names, addresses, versions and code: <c>. : / \ + = _ - @ #</c> (<c>file.txt</c>, <c>localhost:8080</c>,
    /// <c>/usr/local/bin</c>, <c>C++</c>, <c>numpy==1.26</c>, <c>snake_case</c>, <c>a@b</c>).
    /// </summary>
    public static bool IsJoiner(in Token token) =>
        token.Kind == TokenKind.Symbol && token.Length == 1 && token.Span[0] is '.' or ':' or '/' or '\\' or '+' or '=' or '_' or '-' or '@' or '#';

    private static bool Continues(in Token left) => left.Kind switch
    {
        TokenKind.Word or TokenKind.Number => !Segmenter.EndsUnspaced(left.Span),
        TokenKind.Symbol => IsJoiner(left),
        _ => false,
    };
}
