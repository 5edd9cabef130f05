using System.Globalization;
using System.Text;

namespace TextAugment.Text;

/// <summary>
/// Splits text into tokens that keep every character: words (any script), numbers, whitespace runs
/// and single other code points. Rendering the unchanged tokens gives back exactly the input,
/// lone surrogates included.
/// </summary>
/// <remarks>
/// A word starts with a letter and continues over letters, combining marks, format characters and digits; an apostrophe
/// (<c>'</c> or <c>’</c>), a hyphen or another of UAX #29's word-joining characters joins two word characters
/// (<c>don't</c>, <c>O'Brien</c>, <c>well-known</c>, <c>COVID-19</c>, <c>La·lecció</c>, <c>צה״ל</c>). A number starts with a digit and continues over letters, digits
/// and a <c>.</c> or <c>,</c> between digits (<c>3.14</c>, <c>1,000</c>, <c>10km</c>). Single letters joined by
/// dots are one word with their last dot (<c>U.S.</c>, <c>e.g.</c>).
/// </remarks>
public static class WordTokenizer
{
    /// <summary>
    /// Appends the tokens of <paramref name="text"/> to <paramref name="destination"/>. Runs of scripts written
    /// without spaces (see <see cref="Segmenter.IsUnspaced(int)"/>) inside a word are split into words by
    /// <paramref name="segmenter"/> (default: <see cref="Segmenter.None"/>, which leaves them whole).
    /// </summary>
    public static void Tokenize(string text, TokenList destination, Segmenter? segmenter = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        Tokenize(text, text, destination, segmenter);
    }

    /// <summary>As <see cref="Tokenize(string, TokenList, Segmenter?)"/>, over <paramref name="text"/>, the characters that
    /// <paramref name="source"/> (a string or a <c>char[]</c>) starts with: the tokens point into <paramref name="source"/>.</summary>
    internal static void Tokenize(object source, ReadOnlySpan<char> text, TokenList destination, Segmenter? segmenter = null)
    {
        ArgumentNullException.ThrowIfNull(destination);
        int i = 0;
        while (i < text.Length)
        {
            CharClass cls = ClassifyFast(text, i, out int width);
            int start = i;
            i += width;
            switch (cls)
            {
                case CharClass.Letter:
                    i = i - start == 1 ? ScanInitialism(text, i) : i;
                    i = i - start == 1 ? ScanWord(text, i) : i;
                    if (segmenter is null || ReferenceEquals(segmenter, Segmenter.None))
                    {
                        destination.Add(Token.FromInput(source, start, i - start, TokenKind.Word));
                    }
                    else
                    {
                        WordSegmentation.AddWords(source, text, start, i, destination, segmenter);
                    }

                    break;
                case CharClass.Digit:
                    i = ScanNumber(text, i);
                    i = segmenter is null || ReferenceEquals(segmenter, Segmenter.None) ? i : WordSegmentation.NumberEnd(text, start, i);
                    destination.Add(Token.FromInput(source, start, i - start, TokenKind.Number));
                    break;
                case CharClass.Space:
                    while (i < text.Length && ClassifyFast(text, i, out width) == CharClass.Space)
                    {
                        i += width;
                    }

                    destination.Add(Token.FromInput(source, start, i - start, TokenKind.Whitespace));
                    break;
                default:
                    destination.Add(Token.FromInput(source, start, i - start, TokenKind.Symbol));
                    break;
            }
        }
    }

    private static int ScanWord(ReadOnlySpan<char> text, int i)
    {
        // ASCII letters and digits continue a word (Classify: Letter, Digit); the loop below decides everything else.
        while (i < text.Length && char.IsAsciiLetterOrDigit(text[i]))
        {
            i++;
        }

        while (i < text.Length)
        {
            CharClass cls = Classify(text, i, out int width);
            if (cls is CharClass.Letter or CharClass.Mark or CharClass.Digit)
            {
                i += width;
            }
            else if (IsJoiner(text[i]) && i + 1 < text.Length
                     && Classify(text, i + 1, out int next) is CharClass.Letter or CharClass.Digit)
            {
                i += 1 + next;
            }
            else if (text[i] == '"' && i > 0 && i + 1 < text.Length && IsHebrewLetter(text[i - 1]) && IsHebrewLetter(text[i + 1]))
            {
                i += 2; // UAX #29 WB7b/WB7c: Hebrew acronyms typed with a plain quote (צה"ל, או"ם) are one word
            }
            else
            {
                break;
            }
        }

        return i;
    }

    /// <summary>UAX #29's Hebrew_Letter: the Hebrew letters U+05D0–U+05F2 and their presentation forms (U+FB1D–U+FB4F).</summary>
    private static bool IsHebrewLetter(char c) => c is >= '\u05D0' and <= '\u05F2' || (c is >= '\uFB1D' and <= '\uFB4F' && char.IsLetter(c));

    /// <summary>After one letter at <paramref name="i"/> - 1: consumes an initialism such as <c>U.S.</c> or <c>e.g.</c>, if there is one.</summary>
    private static int ScanInitialism(ReadOnlySpan<char> text, int i)
    {
        int end = i;
        while (end + 2 < text.Length && text[end] == '.' && char.IsLetter(text[end + 1]) && text[end + 2] == '.')
        {
            end += 2;
        }

        return end == i ? i : end + 1;
    }

    private static int ScanNumber(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length)
        {
            CharClass cls = Classify(text, i, out int width);
            if (cls is CharClass.Letter or CharClass.Mark or CharClass.Digit)
            {
                i += width;
            }
            else if (text[i] is '.' or ',' && i + 1 < text.Length && Classify(text, i + 1, out int digit) == CharClass.Digit)
            {
                i += 1 + digit; // any decimal digit, as a number starts with one (３.１４)
            }
            else
            {
                break;
            }
        }

        return i;
    }

    /// <summary>
    /// Characters that join two word characters into one word. From UAX #29 (Unicode word boundaries): the apostrophes
    /// (Single_Quote, MidNumLet U+2018/U+2019/U+FF07) and the MidLetter characters other than the colon: the middle dot
    /// (Catalan <c>l·l</c>, U+00B7), the Greek ano teleia (U+0387), the Armenian apostrophe (U+055F), the Hebrew gershayim
    /// (<c>צה״ל</c>, U+05F4), the hyphenation point (U+2027) and their presentation forms. Tailored like most tokenizers:
    /// the hyphens join too (<c>-</c>, U+2010, the non-breaking hyphen U+2011, the Hebrew maqaf U+05BE in <c>תל־אביב</c>);
    /// the full stop and the colon do not (sentence ends and <c>note:this</c> stay apart; initialisms are handled on their own).
    /// Format characters (U+200C zero-width non-joiner in Persian <c>می‌خواهم</c>, U+200D, the soft hyphen) are
    /// Extend/Format in UAX #29 and stay inside a word like combining marks (see <see cref="Classify"/>).
    /// </summary>
    private static bool IsJoiner(char c) => c is '\'' or '’' or '‘' or '\uFF07' or '-' or '‐' or '\u2011' or '\u05BE'
        or '\u00B7' or '\u0387' or '\u055F' or '\u05F4' or '\u2027' or '\uFE13' or '\uFE55' or '\uFF1A';

    private enum CharClass : byte { Letter, Mark, Digit, Space, Other }

    // Classify's result for each ASCII character (its width is 1), looked up without a call: letters, digits, the six spaces.
    private static ReadOnlySpan<byte> AsciiClasses =>
    [
        4, 4, 4, 4, 4, 4, 4, 4, 4, 3, 3, 3, 3, 3, 4, 4, // \t \n \v \f \r
        4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
        3, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, // space
        2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 4, 4, 4, 4, 4, 4, // 0-9
        4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // A-O
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 4, 4, 4, 4, // P-Z
        4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // a-o
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 4, 4, 4, 4, // p-z
    ];

    /// <summary><see cref="Classify"/>, with ASCII looked up in a table without a call.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static CharClass ClassifyFast(ReadOnlySpan<char> text, int index, out int width)
    {
        char c = text[index];
        if (c < 128)
        {
            width = 1;
            return (CharClass)AsciiClasses[c];
        }

        return Classify(text, index, out width);
    }

    /// <summary>Classifies the code point at <paramref name="index"/>; <paramref name="width"/> is 2 for a surrogate pair.</summary>
    private static CharClass Classify(ReadOnlySpan<char> text, int index, out int width)
    {
        char c = text[index];
        width = 1;
        if (char.IsAscii(c))
        {
            if (char.IsAsciiLetter(c))
            {
                return CharClass.Letter;
            }

            if (char.IsAsciiDigit(c))
            {
                return CharClass.Digit;
            }

            return c is ' ' or '\t' or '\n' or '\r' or '\f' or '\v' ? CharClass.Space : CharClass.Other;
        }

        if (Rune.DecodeFromUtf16(text[index..], out Rune rune, out _) == System.Buffers.OperationStatus.Done)
        {
            width = rune.Utf16SequenceLength;
        }
        else
        {
            return CharClass.Other; // lone surrogate: kept as a symbol of its own
        }

        if (Rune.IsWhiteSpace(rune))
        {
            return CharClass.Space;
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter => CharClass.Letter,
            // Format characters (ZWNJ, ZWJ, soft hyphen) continue a word as marks do: UAX #29's Extend and Format (rule WB4).
            UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
                or UnicodeCategory.Format => CharClass.Mark,
            UnicodeCategory.DecimalDigitNumber => CharClass.Digit,
            _ => CharClass.Other,
        };
    }
}
