using System.Globalization;
using System.Text;

namespace TextAugment.Text;

/// <summary>
/// The one answer to "does this word hold a digit?": any Unicode decimal digit (general category Nd) counts — the ASCII
/// <c>0</c>–<c>9</c>, the full-width <c>０</c>–<c>９</c>, Arabic-Indic, Devanagari, mathematical digits … — as the
/// tokenizer counts them when it starts a number. Used by number protection (<see cref="ProtectionOptions.Numbers"/>)
/// and by the substitution rule "a digit only when the original has one".
/// </summary>
internal static class Digits
{
    // The first decimal digit after the ASCII ones (ARABIC-INDIC DIGIT ZERO): a word without a character from here up
    // (all English words) is settled by one vectorized search.
    private const char FirstNonAscii = '\u0660';

    /// <summary>True when <paramref name="text"/> holds a decimal digit of any script.</summary>
    public static bool Contains(ReadOnlySpan<char> text)
    {
        if (CharRange.Contains(text, '0', '9'))
        {
            return true;
        }

        if (!CharRange.Contains(text, FirstNonAscii, char.MaxValue))
        {
            return false;
        }

        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c < FirstNonAscii)
            {
                continue;
            }

            if (!char.IsSurrogate(c))
            {
                if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.DecimalDigitNumber)
                {
                    return true;
                }
            }
            else if (Rune.DecodeFromUtf16(text[i..], out Rune rune, out int width) == System.Buffers.OperationStatus.Done)
            {
                if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.DecimalDigitNumber)
                {
                    return true;
                }

                i += width - 1;
            }
        }

        return false;
    }
}
