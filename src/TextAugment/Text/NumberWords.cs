namespace TextAugment.Text;

/// <summary>
/// The one answer to "is this an English number word?" (dictionaries/numbers-en.txt, embedded in the library): a
/// cardinal (three, twenty, hundred, million), an ordinal (first, second, twentieth), twice, dozen, half, a Roman
/// numeral from ii to xx, a hyphenated word whose parts all are (twenty-one, forty-second), or a multiplicative of
/// one (fourfold, tenfold, hundredfold). Used by number
/// protection (<see cref="ProtectionOptions.Numbers"/>) and by the substitution rule "a number word only when the original
/// is a number", as <see cref="Digits"/> is for digits.
/// </summary>
internal static class NumberWords
{
    /// <summary>The list.</summary>
    public static WordSet List { get; } = new(EmbeddedResource.ReadLines("TextAugment.numbers-en.txt").Select(l => l.Trim()).Where(l => l.Length > 0 && l[0] != '#'));

    /// <summary>Whether <paramref name="word"/> (one token, any case) is a number word.</summary>
    public static bool IsNumberWord(ReadOnlySpan<char> word) => List.Contains(word) || IsCompound(word) || IsMultiplicative(word);

    /// <summary>Whether <paramref name="word"/> is a number word followed by "fold" (fourfold, tenfold), in any case.</summary>
    public static bool IsMultiplicative(ReadOnlySpan<char> word) =>
        word.Length > 6 && word.EndsWith("fold", StringComparison.OrdinalIgnoreCase) && List.Contains(word[..^4]);

    /// <summary>
    /// Whether <paramref name="word"/> is a hyphenated number (twenty-one, one-hundredth): two or more parts joined by
    /// hyphens, each in the list. The caller has already looked the whole word up.
    /// </summary>
    public static bool IsCompound(ReadOnlySpan<char> word)
    {
        if (word.IndexOf('-') <= 0)
        {
            return false;
        }

        foreach (Range r in word.Split('-'))
        {
            if (!List.Contains(word[r]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether <paramref name="phrase"/> (a candidate, which may be several words: "twenty one", "seventy million") is or
    /// holds a number word between spaces or underscores.
    /// </summary>
    public static bool HoldsNumberWord(ReadOnlySpan<char> phrase)
    {
        if (IsNumberWord(phrase))
        {
            return true;
        }

        if (phrase.IndexOfAny(' ', '_') < 0)
        {
            return false;
        }

        foreach (Range r in phrase.SplitAny(' ', '_'))
        {
            ReadOnlySpan<char> part = phrase[r];
            if (!part.IsEmpty && IsNumberWord(part))
            {
                return true;
            }
        }

        return false;
    }
}
