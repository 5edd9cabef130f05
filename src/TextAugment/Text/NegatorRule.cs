using System.Buffers;

namespace TextAugment.Text;

/// <summary>
/// The one answer to "is this word a negator?", for protection (<see cref="ProtectionOptions.Negators"/>) and for the
/// substitution candidates every stage refuses: a word of the list, in any case and either Chinese script; any word
/// ending in <c>n't</c> with any apostrophe; and for a one-character negator of an unspaced script in the list, every
/// word that starts with it (不去, 未能) and, for 不 没 未 无 勿 毋, every word that holds it (看不见, 有没有).
/// Immutable and thread-safe.
/// </summary>
internal sealed class NegatorRule
{
    // Of the one-character Chinese negators, those whose uses inside jieba's dictionary words are negations too: 不
    // (看不见, 受不了, 是不是, 从来不), 没 (有没有, 从没), 未 (尚未, 前所未有), 无 (毫无, 绝无), 勿 (请勿, 切勿), 毋 (宁缺毋滥).
    // Not 非, 别, 莫, 否: inside a word they are mostly other words (南非, 是非; 特别, 区别; 约莫; 是否, 能否).
    private const string InsideWordNegators = "不没未无勿毋";

    // The apostrophes a word can hold (the tokenizer joins ' ’ ‘ ＇ into a word; ʼ and ʹ are modifier letters): n't is
    // written with any of them (isn't, isn’t, isn‘t, isnʼt, isn＇t).
    private const string Apostrophes = "'’‘ʼʹ＇";

    private readonly SearchValues<char>? _prefixes;
    private readonly SearchValues<char>? _infixes;

    /// <summary>The rule for the negators <paramref name="list"/>.</summary>
    public NegatorRule(WordSet list)
    {
        List = list;
        char[] prefixes = [.. list.Words.Where(w => w.Length == 1 && Segmenter.IsUnspaced(w[0])).Select(w => w[0])];
        char[] infixes = [.. prefixes.Where(c => InsideWordNegators.Contains(c, StringComparison.Ordinal))];
        _prefixes = prefixes.Length > 0 ? SearchValues.Create(prefixes) : null;
        _infixes = infixes.Length > 0 ? SearchValues.Create(infixes) : null;
    }

    /// <summary>
    /// The built-in English and Chinese negators together (dictionaries/negators-en.txt, negators-zh.txt): what a
    /// substitution candidate is checked against, whatever the text's language (a vector or model vocabulary mixes them).
    /// </summary>
    public static NegatorRule BuiltIn => LazyBuiltIn.Value;

    private static readonly Lazy<NegatorRule> LazyBuiltIn = new(() => new(new WordSet(WordSet.EnglishNegators.Words.Concat(WordSet.ChineseNegators.Words))));

    /// <summary>The list.</summary>
    public WordSet List { get; }

    /// <summary>Whether <paramref name="word"/> (one token, any case) is a negator.</summary>
    public bool IsNegator(ReadOnlySpan<char> word)
    {
        if (List.Contains(word) || EndsWithNt(word) || IsChineseNegatorWord(word))
        {
            return true;
        }

        if (!ChineseScript.HasTraditional(word))
        {
            return false;
        }

        Span<char> simplified = word.Length <= 64 ? stackalloc char[word.Length] : new char[word.Length];
        ChineseScript.ToSimplified(word, simplified);
        return IsChineseNegatorWord(simplified);
    }

    /// <summary>
    /// Whether <paramref name="phrase"/> (a candidate, which may be several words: "not bad", "no-good") is or holds a
    /// negator: any of its parts between spaces, hyphens and underscores, or the whole.
    /// </summary>
    public bool HoldsNegator(ReadOnlySpan<char> phrase)
    {
        if (IsNegator(phrase))
        {
            return true;
        }

        if (phrase.IndexOfAny(PartSeparators) < 0)
        {
            return false;
        }

        foreach (Range r in phrase.SplitAny(PartSeparators))
        {
            ReadOnlySpan<char> part = phrase[r];
            if (!part.IsEmpty && IsNegator(part))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The characters that part a multi-word candidate: space, hyphen, underscore.</summary>
    internal const string PartSeparators = " -_";

    /// <summary>Whether the word ends in n't, in any case and with any of <see cref="Apostrophes"/>.</summary>
    public static bool EndsWithNt(ReadOnlySpan<char> word) =>
        word.Length >= 3 && word[^1] is 't' or 'T' && word[^3] is 'n' or 'N' && Apostrophes.Contains(word[^2]);

    /// <summary>
    /// A word of two or more characters that starts with a one-character negator of an unspaced script (不去, 不想, 未能,
    /// 别动: jieba joins the negator to the verb), or holds one that negates inside a word too (看不见, 有没有, 毫无; see
    /// <see cref="InsideWordNegators"/>). The caller asks again with the word's Simplified form.
    /// </summary>
    public bool IsChineseNegatorWord(ReadOnlySpan<char> word) =>
        _prefixes is not null && word.Length >= 2
        && (_prefixes.Contains(word[0]) || (_infixes is not null && word[1..].ContainsAny(_infixes)));
}
