namespace TextAugment.Corpus;

/// <summary>
/// fastText's rule for labels, in one place for every reader and writer of its format: a line is split into words at
/// fastText's separators (space, tab, vertical tab, form feed, CR, LF and NUL, as its <c>Dictionary::readWord</c> does), and
/// every word that starts with <see cref="Prefix"/> is a label, wherever it stands on the line (<c>Dictionary::getLine</c>).
/// </summary>
internal static class FastTextLabels
{
    /// <summary>fastText's default label prefix, <c>__label__</c>.</summary>
    internal const string Prefix = "__label__";

    /// <summary>Whether <paramref name="c"/> ends a word for fastText.</summary>
    internal static bool IsSeparator(char c) => c is ' ' or '\t' or '\v' or '\f' or '\r' or '\n' or '\0';

    /// <inheritdoc cref="IsSeparator(char)"/>
    internal static bool IsSeparator(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\v' or (byte)'\f' or (byte)'\r' or (byte)'\n' or 0;

    /// <summary>
    /// The first word of <paramref name="text"/> at or after <paramref name="from"/> that starts with <see cref="Prefix"/>:
    /// its start, and in <paramref name="end"/> the index after its last character; -1 when there is none.
    /// <c>x__label__y</c> is no label (the word does not start with the prefix), as for fastText.
    /// </summary>
    internal static int FindLabelWord(ReadOnlySpan<char> text, int from, out int end)
    {
        while (from < text.Length)
        {
            int at = text[from..].IndexOf(Prefix, StringComparison.Ordinal);
            if (at < 0)
            {
                break;
            }

            at += from;
            if (at == 0 || IsSeparator(text[at - 1]))
            {
                end = at + Prefix.Length;
                while (end < text.Length && !IsSeparator(text[end]))
                {
                    end++;
                }

                return at;
            }

            from = at + Prefix.Length;
        }

        end = -1;
        return -1;
    }

    /// <summary>
    /// Takes the label word <paramref name="text"/>[<paramref name="at"/>..<paramref name="end"/>] out of the text that
    /// starts at <paramref name="start"/>, as fastText's text is its line without its labels: the separators after the word
    /// go with it, and when nothing follows (a label at the end of the line) the separators before it too; "good
    /// __label__pos film" is "good film". The characters after it are moved in place, unless the word starts the text.
    /// </summary>
    /// <returns>Where the text without the word starts in <paramref name="text"/>, and its length.</returns>
    internal static (int Start, int Length) Remove(Span<char> text, int start, int at, int end)
    {
        int tail = end;
        while (tail < text.Length && IsSeparator(text[tail]))
        {
            tail++;
        }

        int head = at;
        if (tail == text.Length)
        {
            while (head > start && IsSeparator(text[head - 1]))
            {
                head--;
            }
        }

        if (head == start)
        {
            return (tail, text.Length - tail); // the label first, as usual: nothing to move
        }

        text[tail..].CopyTo(text[head..]);
        return (start, head - start + text.Length - tail);
    }

    /// <summary>
    /// <paramref name="text"/> without the words that start with <see cref="Prefix"/>, each taken out as
    /// <see cref="Remove"/> takes a label out: what fastText's <c>predict</c> reads of a line, whose label words are labels,
    /// not input (<c>Dictionary::getLine</c>). The same string when it holds none.
    /// </summary>
    internal static string WithoutLabelWords(string text)
    {
        if (FindLabelWord(text, 0, out _) < 0)
        {
            return text;
        }

        char[] chars = text.ToCharArray();
        int start = 0, length = chars.Length;
        int at;
        while ((at = FindLabelWord(chars.AsSpan(0, length), start, out int end)) >= 0)
        {
            (start, int rest) = Remove(chars.AsSpan(0, length), start, at, end);
            length = start + rest;
        }

        return new string(chars, start, length - start);
    }

    /// <summary>Whether the UTF-8 <paramref name="line"/> holds a word that starts with <see cref="Prefix"/> (a fastText label), as <see cref="FindLabelWord"/> finds one.</summary>
    internal static bool HasLabelWord(ReadOnlySpan<byte> line)
    {
        int from = 0;
        while (from < line.Length)
        {
            int at = line[from..].IndexOf("__label__"u8);
            if (at < 0)
            {
                return false;
            }

            at += from;
            if (at == 0 || IsSeparator(line[at - 1]))
            {
                return true;
            }

            from = at + Prefix.Length;
        }

        return false;
    }
}
