namespace TextAugment.Text;

/// <summary>
/// Maps Traditional Chinese characters to Simplified ones and back, one character for one (OpenCC's
/// TSCharacters and STCharacters, first choice, Apache-2.0; dictionaries/zh-opencc-characters.tsv, built by
/// dictionaries/build_opencc.py and embedded in the library). The segmenter, the synonym dictionaries and the
/// word sets look Traditional words up through <see cref="ToSimplified(string)"/>, so that the Simplified dictionaries
/// serve both scripts, while the user's text keeps its own characters. A mapped text has the same length and
/// offsets as the original. Character by character, so a character with two Traditional forms gets the usual
/// one (发 → 發, never 髮). Immutable and thread-safe.
/// </summary>
public static class ChineseScript
{
    private static readonly Lazy<(char[] ToSimplified, char[] ToTraditional)> Tables = new(Load);

    // Every mapped character is a CJK ideograph at or above U+3400 (the lowest is U+3437): text with none, such as
    // all English text, is answered without loading the tables or looking a character up.
    private const char FirstMapped = '\u3400';

    private static bool MayMap(ReadOnlySpan<char> text) => CharRange.Contains(text, FirstMapped, char.MaxValue);

    /// <summary>True when <paramref name="text"/> holds a character that has a different Simplified form.</summary>
    public static bool HasTraditional(ReadOnlySpan<char> text)
    {
        if (!MayMap(text))
        {
            return false;
        }

        char[] table = Tables.Value.ToSimplified;
        foreach (char c in text)
        {
            if (table[c] != c)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Writes <paramref name="text"/> with every Traditional character replaced by its Simplified form to
    /// <paramref name="destination"/> (at least as long) and returns whether any character changed.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="text"/>.</exception>
    public static bool ToSimplified(ReadOnlySpan<char> text, Span<char> destination) => Map(true, text, destination);

    /// <summary>
    /// Writes <paramref name="text"/> with every Simplified character replaced by its usual Traditional form to
    /// <paramref name="destination"/> (at least as long) and returns whether any character changed.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="text"/>.</exception>
    public static bool ToTraditional(ReadOnlySpan<char> text, Span<char> destination) => Map(false, text, destination);

    /// <summary><paramref name="text"/> in Simplified characters (the same string when nothing changes).</summary>
    public static string ToSimplified(string text) => Convert(true, text);

    /// <summary><paramref name="text"/> in Traditional characters (the same string when nothing changes).</summary>
    public static string ToTraditional(string text) => Convert(false, text);

    private static string Convert(bool toSimplified, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!MayMap(text))
        {
            return text;
        }

        char[] buffer = new char[text.Length];
        return Map(toSimplified, text, buffer) ? new string(buffer) : text;
    }

    private static bool Map(bool toSimplified, ReadOnlySpan<char> text, Span<char> destination)
    {
        if (destination.Length < text.Length)
        {
            throw new ArgumentException($"the destination holds {destination.Length} characters but the text has {text.Length}.", nameof(destination));
        }

        if (!MayMap(text))
        {
            text.CopyTo(destination);
            return false;
        }

        char[] table = toSimplified ? Tables.Value.ToSimplified : Tables.Value.ToTraditional;

        bool changed = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = table[text[i]];
            changed |= c != text[i];
            destination[i] = c;
        }

        return changed;
    }

    private static (char[], char[]) Load()
    {
        char[] toSimplified = new char[char.MaxValue + 1];
        char[] toTraditional = new char[char.MaxValue + 1];
        for (int c = 0; c <= char.MaxValue; c++)
        {
            toSimplified[c] = toTraditional[c] = (char)c;
        }

        const string name = "zh-opencc-characters.tsv";
        int lineNumber = 0;
        foreach (string line in EmbeddedResource.ReadLines("TextAugment." + name))
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            // t2s<TAB>T<TAB>S or s2t<TAB>S<TAB>T, one BMP character each.
            if (line.Length != 7 || line[3] != '\t' || line[5] != '\t' || line[..3] is not ("t2s" or "s2t"))
            {
                throw new DataFormatException(name, lineNumber, 1, $"expected 't2s<TAB>char<TAB>char' or 's2t<TAB>char<TAB>char' but found '{line}'.");
            }

            (line[0] == 't' ? toSimplified : toTraditional)[line[4]] = line[6];
        }

        return (toSimplified, toTraditional);
    }
}
