namespace TextAugment.Text;

/// <summary>
/// Maps Traditional Chinese characters to Simplified ones and back, one character for one (OpenCC's
/// TSCharacters and STCharacters, first choice, Apache-2.0; dictionaries/zh-opencc-characters.tsv, built by
/// dictionaries/build_opencc.py and embedded in the library). The segmenter, the synonym dictionaries and the
/// word sets look Traditional words up through <see cref="ToSimplified(string)"/>, so that the Simplified dictionaries
/// serve both scripts, while the user's text keeps its own characters. A mapped text has the same length and
/// offsets as the original. To Simplified, character by character (enough to look a word up); to Traditional, word
/// by word first, as OpenCC's s2t does: the longest of OpenCC's STPhrases that starts at each place is written in its
/// Traditional form (dictionaries/zh-opencc-phrases.tsv.gz), every other character by the character map, so that a
/// character with several Traditional forms gets the one its word needs (皇后 stays 皇后, not 皇後; 干妈 → 乾媽, not 幹媽;
/// 头发 → 頭髮) and a character alone gets the usual one (发 → 發). Immutable and thread-safe.
/// </summary>
public static class ChineseScript
{
    private static readonly Lazy<(char[] ToSimplified, char[] ToTraditional)> Tables = new(Load);
    private static readonly Lazy<Phrases> TraditionalPhrases = new(LoadPhrases);

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
    /// Writes <paramref name="text"/> in Traditional characters to <paramref name="destination"/> (at least as long): each
    /// longest OpenCC phrase in its Traditional form, every other Simplified character in its usual Traditional form (the
    /// type's summary); returns whether any character changed.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="text"/>.</exception>
    public static bool ToTraditional(ReadOnlySpan<char> text, Span<char> destination) => Map(false, text, destination);

    /// <summary>Every UTF-16 code unit's Simplified form (itself when it has no other), indexed by the code unit.</summary>
    internal static char[] SimplifiedTable => Tables.Value.ToSimplified;

    /// <summary><paramref name="text"/> in Simplified characters (the same string when nothing changes).</summary>
    public static string ToSimplified(string text) => Convert(true, text);

    /// <summary><paramref name="text"/> in Traditional characters, phrase by phrase as OpenCC's s2t (the same string when nothing changes).</summary>
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
        Phrases? phrases = toSimplified ? null : TraditionalPhrases.Value;

        bool changed = false;
        for (int i = 0; i < text.Length;)
        {
            if (phrases is not null && phrases.LongestAt(text, i) is { } phrase)
            {
                phrase.AsSpan().CopyTo(destination[i..]);
                changed |= !phrase.AsSpan().SequenceEqual(text.Slice(i, phrase.Length));
                i += phrase.Length;
                continue;
            }

            char c = table[text[i]];
            changed |= c != text[i];
            destination[i] = c;
            i++;
        }

        return changed;
    }

    /// <summary>OpenCC's STPhrases: Simplified phrase → Traditional phrase of the same length, looked up by span.</summary>
    private sealed class Phrases(Dictionary<string, string> map, byte[] longestByFirst)
    {
        private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup = map.GetAlternateLookup<ReadOnlySpan<char>>();

        /// <summary>The Traditional form of the longest phrase that starts at <paramref name="at"/>, or null.</summary>
        public string? LongestAt(ReadOnlySpan<char> text, int at)
        {
            for (int length = Math.Min(longestByFirst[text[at]], text.Length - at); length >= 2; length--)
            {
                if (_lookup.TryGetValue(text.Slice(at, length), out string? traditional))
                {
                    return traditional;
                }
            }

            return null;
        }
    }

    private static Phrases LoadPhrases()
    {
        const string name = "zh-opencc-phrases.tsv.gz";
        var map = new Dictionary<string, string>(50_000, StringComparer.Ordinal);
        byte[] longestByFirst = new byte[char.MaxValue + 1];
        int lineNumber = 0;
        foreach (string line in EmbeddedResource.ReadGzipLines("TextAugment." + name))
        {
            lineNumber++;
            int tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab < 2 || tab > byte.MaxValue || line.Length != (2 * tab) + 1)
            {
                throw new DataFormatException(name, lineNumber, 1,
                    $"expected 'simplified<TAB>traditional' of two to 255 characters each, the same length, but found '{line}'.");
            }

            map[line[..tab]] = line[(tab + 1)..];
            longestByFirst[line[0]] = Math.Max(longestByFirst[line[0]], (byte)tab);
        }

        return new Phrases(map, longestByFirst);
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
