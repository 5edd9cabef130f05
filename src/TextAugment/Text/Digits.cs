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
        // One scalar pass for the common case (words are short: a loop costs less than a vectorized search's set-up):
        // an ASCII digit settles it, and a word with no character from U+0660 up has no other digit.
        bool other = false;
        foreach (char c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                return true;
            }

            other |= c >= FirstNonAscii;
        }

        if (!other)
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

    // Chinese numeral characters: 〇 零 一 … 九 十 百 千 万 亿 两 and their financial and Traditional forms (壹 贰/貳 叁/參 肆
    // 伍 陆/陸 柒 捌 玖 拾 佰 仟 萬 億 兩). The first of them in code point order is 〇 (U+3007): a word that starts below it
    // (every Latin word) is settled by one comparison.
    private const string ChineseNumeralCharacters = "〇零一二三四五六七八九十百千万亿两壹贰貳叁參肆伍陆陸柒捌玖拾佰仟萬億兩";
    private static readonly System.Buffers.SearchValues<char> ChineseNumerals = System.Buffers.SearchValues.Create(ChineseNumeralCharacters);

    // What jieba joins to a numeral (两个, 四年, 三点 "three o'clock", 十月): a measure word or unit that makes the word a
    // quantity, a date or a time. Not 分 (十分 "very"), 些 (一些), 样 (一样) or 起 (一起).
    private const string ChineseNumeralUnits = "点點个個年月日号號天元块塊岁歲次倍";

    /// <summary>
    /// True when <paramref name="word"/> is a Chinese number as jieba cuts one: Chinese numeral characters (三千五百, 十一,
    /// 两, 壹仟貳佰), optionally followed by one measure word or unit that jieba joins to them (两个, 四年, 三点, 十月: see
    /// <see cref="ChineseNumeralUnits"/>) or by 半 "half" with or without 点 before it (三点半, 一半); 半 alone too.
    /// 一 alone and 一 with a unit (一个, 一点 "a little", 一次) are not numbers here: 一 is one of the commonest words
    /// and mostly an article; 一半 "half" and 一点半 "half past one" are. Words with other characters (一起, 一些, 一样,
    /// 第一, 十分 "very") are not numbers either.
    /// </summary>
    public static bool IsChineseNumber(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty || word[0] < '\u3007')
        {
            return false;
        }

        int end = word.Length;
        bool half = word[^1] == '半';
        if (half)
        {
            end--;
            if (end > 0 && word[end - 1] is '点' or '點')
            {
                end--;
            }
        }
        else if (ChineseNumeralUnits.Contains(word[^1], StringComparison.Ordinal))
        {
            end--;
        }

        ReadOnlySpan<char> numeral = word[..end];
        return numeral.IsEmpty
            ? half && word.Length == 1
            : !numeral.ContainsAnyExcept(ChineseNumerals) && (half || numeral.Length > 1 || numeral[0] != '一');
    }
}
