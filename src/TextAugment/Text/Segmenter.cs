namespace TextAugment.Text;

/// <summary>
/// Splits a run of characters from a script written without spaces between words (Han, kana, Thai, …)
/// into words. The <see cref="WordTokenizer"/> asks it about every such run inside a word; the parts it
/// returns become word tokens that keep their characters and offsets, so unchanged tokens still render
/// the exact input. Implementations are immutable and thread-safe.
/// </summary>
public abstract class Segmenter
{
    /// <summary>Leaves every run whole: one word per run, the tokenizer's behaviour for English text (the default).</summary>
    public static Segmenter None { get; } = new Unsegmented();

    /// <summary>
    /// Writes the lengths of the words of <paramref name="run"/>, in order, to <paramref name="wordLengths"/>
    /// (which has room for <c>run.Length</c> entries) and returns how many it wrote. Every length is positive
    /// and they add up to <c>run.Length</c>.
    /// </summary>
    public abstract int Segment(ReadOnlySpan<char> run, Span<int> wordLengths);

    /// <summary>
    /// Whether <paramref name="word"/>, a word this segmenter cut, is a proper noun (a person's, place's or
    /// organisation's name): what <see cref="NamePolicy.Keep"/> protects in unspaced scripts, where no capital letter
    /// marks a name. Default: false (this segmenter knows no names; <see cref="JiebaSegmenter"/> does).
    /// </summary>
    public virtual bool IsProperNoun(ReadOnlySpan<char> word) => false;

    /// <summary>
    /// The segmenter for a pipeline's <c>language</c> (<see cref="TextAnalysis.For"/>): <c>en</c> → <see cref="None"/>,
    /// <c>zh</c> → <see cref="JiebaSegmenter.Default"/>.
    /// </summary>
    /// <exception cref="ArgumentException">Any other language.</exception>
    public static Segmenter ForLanguage(string language) => TextAnalysis.For(language).Segmenter;

    /// <summary>
    /// True for a code point of a script written without spaces between words: CJK ideographs (with
    /// extensions and compatibility ideographs), <c>〇</c>, hiragana, katakana, Thai, Lao, Khmer and Myanmar.
    /// </summary>
    public static bool IsUnspaced(int codePoint) => codePoint switch
    {
        >= 0x4E00 and <= 0x9FFF => true,
        >= 0x3400 and <= 0x4DBF => true,
        >= 0xF900 and <= 0xFAFF => true,
        >= 0x20000 and <= 0x323AF => true,
        0x3007 => true,
        >= 0x3040 and <= 0x30FF => true, // hiragana, katakana
        >= 0x31F0 and <= 0x31FF => true,
        >= 0x0E00 and <= 0x0EFF => true, // Thai, Lao
        >= 0x1000 and <= 0x109F => true, // Myanmar
        >= 0x1780 and <= 0x17FF => true, // Khmer
        _ => false,
    };

    /// <summary>True when the first code point of <paramref name="word"/> is <see cref="IsUnspaced(int)"/>.</summary>
    public static bool StartsUnspaced(ReadOnlySpan<char> word) =>
        !word.IsEmpty && System.Text.Rune.DecodeFromUtf16(word, out System.Text.Rune r, out _) == System.Buffers.OperationStatus.Done && IsUnspaced(r.Value);

    /// <summary>True when the last code point of <paramref name="word"/> is <see cref="IsUnspaced(int)"/>.</summary>
    public static bool EndsUnspaced(ReadOnlySpan<char> word) =>
        !word.IsEmpty && System.Text.Rune.DecodeLastFromUtf16(word, out System.Text.Rune r, out _) == System.Buffers.OperationStatus.Done && IsUnspaced(r.Value);

    private sealed class Unsegmented : Segmenter
    {
        public override int Segment(ReadOnlySpan<char> run, Span<int> wordLengths)
        {
            wordLengths[0] = run.Length;
            return 1;
        }
    }
}
