using System.Text;

namespace TextAugment.Text;

/// <summary>The tokenizer's hook for <see cref="Segmenter"/>: splits one scanned word into its unspaced runs and the rest.</summary>
internal static class WordSegmentation
{
    /// <summary>
    /// Adds the word <c>text[start..end)</c> as word tokens: each maximal run of unspaced-script code points
    /// cut by <paramref name="segmenter"/>, every other stretch (Latin letters, digits, joiners) one word.
    /// </summary>
    public static void AddWords(object source, ReadOnlySpan<char> text, int start, int end, TokenList destination, Segmenter segmenter)
    {
        Span<int> small = stackalloc int[256];
        int i = start;
        while (i < end)
        {
            bool unspaced = IsUnspacedAt(text, i, out int width);
            int j = i + width;
            while (j < end && IsUnspacedAt(text, j, out int w) == unspaced)
            {
                j += w;
            }

            if (!unspaced)
            {
                destination.Add(Token.FromInput(source, i, j - i, TokenKind.Word));
            }
            else
            {
                int length = j - i;
                Span<int> lengths = length <= small.Length ? small[..length] : new int[length];
                int n = segmenter.Segment(text.Slice(i, length), lengths);
                int at = i;
                for (int k = 0; k < n; k++)
                {
                    destination.Add(Token.FromInput(source, at, lengths[k], TokenKind.Word));
                    at += lengths[k];
                }

                if (at != j)
                {
                    throw new InvalidOperationException($"{segmenter.GetType().Name} returned words covering {at - i} of {length} characters.");
                }
            }

            i = j;
        }
    }

    /// <summary>
    /// Where a number scanned over <c>text[start..end)</c> ends when unspaced scripts are segmented: before its
    /// first unspaced code point, so that <c>3个</c> is the number <c>3</c> and the word <c>个</c>.
    /// </summary>
    public static int NumberEnd(ReadOnlySpan<char> text, int start, int end)
    {
        for (int i = start; i < end;)
        {
            if (IsUnspacedAt(text, i, out int width))
            {
                return i;
            }

            i += width;
        }

        return end;
    }

    private static bool IsUnspacedAt(ReadOnlySpan<char> text, int index, out int width)
    {
        if (Rune.DecodeFromUtf16(text[index..], out Rune rune, out _) == System.Buffers.OperationStatus.Done)
        {
            width = rune.Utf16SequenceLength;
            return Segmenter.IsUnspaced(rune.Value);
        }

        width = 1;
        return false;
    }
}
