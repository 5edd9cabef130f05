using System.Globalization;
using System.Text;

namespace TextAugment.Cli;

/// <summary>
/// Text from the data (labels, values quoted in errors) made safe to print on a terminal: control characters (C0, DEL,
/// C1: the start of every terminal escape sequence) and bidirectional overrides are written as visible escapes
/// (<c>\e</c>, <c>\t</c>, <c>\u202E</c>), so that a label cannot recolour, move the cursor, retitle the window or
/// reverse the text around it.
/// </summary>
internal static class TerminalText
{
    /// <summary>A label as <see cref="Visible"/> shows it, quoted when it is empty or starts or ends with white space ('animal '), so that labels that differ only there can be told apart.</summary>
    public static string Label(string label) =>
        label.Length == 0 || char.IsWhiteSpace(label[0]) || char.IsWhiteSpace(label[^1]) ? $"'{Visible(label)}'" : Visible(label);

    /// <summary><paramref name="text"/> with every invisible control written as an escape; line breaks kept when <paramref name="keepLineBreaks"/>.</summary>
    public static string Visible(string text, bool keepLineBreaks = false)
    {
        int first = 0;
        while (first < text.Length && !NeedsEscape(text[first], keepLineBreaks))
        {
            first++;
        }

        if (first == text.Length)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16).Append(text, 0, first);
        foreach (char c in text.AsSpan(first))
        {
            if (!NeedsEscape(c, keepLineBreaks))
            {
                sb.Append(c);
                continue;
            }

            sb.Append(c switch
            {
                '\x1B' => "\\e",
                '\t' => "\\t",
                '\n' => "\\n",
                '\r' => "\\r",
                _ => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
            });
        }

        return sb.ToString();
    }

    /// <summary>
    /// The terminal cells <paramref name="text"/> (already <see cref="Visible"/>) takes, for lining up columns: two for an
    /// East Asian wide or full-width character (Unicode's East_Asian_Width W and F: CJK, Hangul, full-width forms), none for
    /// a combining mark, one for any other.
    /// </summary>
    public static int Width(string text)
    {
        int width = 0;
        foreach (Rune rune in text.EnumerateRunes())
        {
            int c = rune.Value;
            width += Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark ? 0
                : c is (>= 0x1100 and <= 0x115F) or (>= 0x2E80 and <= 0x303E) or (>= 0x3041 and <= 0x33FF) or (>= 0x3400 and <= 0x4DBF)
                    or (>= 0x4E00 and <= 0x9FFF) or (>= 0xA000 and <= 0xA4CF) or (>= 0xAC00 and <= 0xD7A3) or (>= 0xF900 and <= 0xFAFF)
                    or (>= 0xFE30 and <= 0xFE4F) or (>= 0xFF00 and <= 0xFF60) or (>= 0xFFE0 and <= 0xFFE6) or (>= 0x1F300 and <= 0x1F64F)
                    or (>= 0x1F900 and <= 0x1F9FF) or (>= 0x20000 and <= 0x3FFFD) ? 2
                : 1;
        }

        return width;
    }

    private static bool NeedsEscape(char c, bool keepLineBreaks) =>
        (c == '\n' && !keepLineBreaks) || (c != '\n' && char.IsControl(c))
        || c is '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
