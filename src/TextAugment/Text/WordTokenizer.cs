using System.Globalization;
using System.Text;

namespace TextAugment.Text;

/// <summary>
/// Splits text into tokens that keep every character: words (any script), numbers, whitespace runs
/// and single other code points. Rendering the unchanged tokens gives back exactly the input,
/// lone surrogates included.
/// </summary>
/// <remarks>
/// A word starts with a letter and continues over letters, combining marks and digits; an apostrophe
/// (<c>'</c> or <c>’</c>) or a hyphen joins two word characters (<c>don't</c>, <c>O'Brien</c>,
/// <c>well-known</c>, <c>COVID-19</c>). A number starts with a digit and continues over letters, digits
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
        ArgumentNullException.ThrowIfNull(destination);
        int i = 0;
        while (i < text.Length)
        {
            CharClass cls = Classify(text, i, out int width);
            int start = i;
            i += width;
            switch (cls)
            {
                case CharClass.Letter:
                    i = i - start == 1 ? ScanInitialism(text, i) : i;
                    i = i - start == 1 ? ScanWord(text, i) : i;
                    if (segmenter is null || ReferenceEquals(segmenter, Segmenter.None))
                    {
                        destination.Add(Token.FromInput(text, start, i - start, TokenKind.Word));
                    }
                    else
                    {
                        WordSegmentation.AddWords(text, start, i, destination, segmenter);
                    }

                    break;
                case CharClass.Digit:
                    i = ScanNumber(text, i);
                    i = segmenter is null || ReferenceEquals(segmenter, Segmenter.None) ? i : WordSegmentation.NumberEnd(text, start, i);
                    destination.Add(Token.FromInput(text, start, i - start, TokenKind.Number));
                    break;
                case CharClass.Space:
                    while (i < text.Length && Classify(text, i, out width) == CharClass.Space)
                    {
                        i += width;
                    }

                    destination.Add(Token.FromInput(text, start, i - start, TokenKind.Whitespace));
                    break;
                default:
                    destination.Add(Token.FromInput(text, start, i - start, TokenKind.Symbol));
                    break;
            }
        }
    }

    private static int ScanWord(string text, int i)
    {
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
            else
            {
                break;
            }
        }

        return i;
    }

    /// <summary>After one letter at <paramref name="i"/> - 1: consumes an initialism such as <c>U.S.</c> or <c>e.g.</c>, if there is one.</summary>
    private static int ScanInitialism(string text, int i)
    {
        int end = i;
        while (end + 2 < text.Length && text[end] == '.' && char.IsLetter(text[end + 1]) && text[end + 2] == '.')
        {
            end += 2;
        }

        return end == i ? i : end + 1;
    }

    private static int ScanNumber(string text, int i)
    {
        while (i < text.Length)
        {
            CharClass cls = Classify(text, i, out int width);
            if (cls is CharClass.Letter or CharClass.Mark or CharClass.Digit)
            {
                i += width;
            }
            else if (text[i] is '.' or ',' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
            {
                i += 2;
            }
            else
            {
                break;
            }
        }

        return i;
    }

    private static bool IsJoiner(char c) => c is '\'' or '’' or '-' or '‐';

    private enum CharClass : byte { Letter, Mark, Digit, Space, Other }

    /// <summary>Classifies the code point at <paramref name="index"/>; <paramref name="width"/> is 2 for a surrogate pair.</summary>
    private static CharClass Classify(string text, int index, out int width)
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

        if (Rune.TryGetRuneAt(text, index, out Rune rune))
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
            UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => CharClass.Mark,
            UnicodeCategory.DecimalDigitNumber => CharClass.Digit,
            _ => CharClass.Other,
        };
    }
}
