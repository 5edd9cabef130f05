namespace TextAugment.Text;

/// <summary>
/// How a language's text is analysed, as one object that a pipeline's stages, its TF-IDF statistics and its
/// classifier share: how words are found (the <see cref="Segmenter"/> the reversible <see cref="WordTokenizer"/>
/// asks about runs of unspaced scripts), and the default <see cref="StopWords"/> and <see cref="Negators"/> of
/// word protection. Chosen by a pipeline's <c>language: en | zh</c> (<see cref="For"/>); a Chinese pipeline's
/// <c>segmentation</c> section makes a variant with its own segmenter (<see cref="WithSegmenter"/>). Immutable
/// and thread-safe.
/// </summary>
/// <remarks>
/// How an inserted word joins its neighbours is not a per-language choice here: insertion puts nothing between
/// two words of unspaced scripts and a space otherwise (<see cref="Segmenter.StartsUnspaced"/>,
/// <see cref="Segmenter.EndsUnspaced"/>), which is a space in English text and nothing in Chinese text, and the
/// right thing for an English word inside Chinese text and the reverse.
/// </remarks>
public sealed class TextAnalysis
{
    private static readonly Lazy<TextAnalysis> LazyChinese = new(
        () => new("zh", JiebaSegmenter.Default, WordSet.ChineseStopWords, WordSet.ChineseNegators),
        LazyThreadSafetyMode.ExecutionAndPublication);

    private TextAnalysis(string language, Segmenter segmenter, WordSet stopWords, WordSet negators)
    {
        Language = language;
        Segmenter = segmenter;
        StopWords = stopWords;
        Negators = negators;
    }

    /// <summary>English: no segmentation (<see cref="Segmenter.None"/>), <see cref="WordSet.EnglishStopWords"/>, <see cref="WordSet.EnglishNegators"/>.</summary>
    public static TextAnalysis English { get; } = new("en", Segmenter.None, WordSet.EnglishStopWords, WordSet.EnglishNegators);

    /// <summary>
    /// Chinese: jieba's segmentation (<see cref="JiebaSegmenter.Default"/>, HMM on), <see cref="WordSet.ChineseStopWords"/>,
    /// <see cref="WordSet.ChineseNegators"/>. Loaded on first use.
    /// </summary>
    public static TextAnalysis Chinese => LazyChinese.Value;

    /// <summary>The language code a pipeline names: <c>en</c> or <c>zh</c>.</summary>
    public string Language { get; }

    /// <summary>How words are found in runs of unspaced scripts: <see cref="Segmenter.None"/> for English, a <see cref="JiebaSegmenter"/> for Chinese.</summary>
    public Segmenter Segmenter { get; }

    /// <summary>The language's default stop words (protected from substitution and deletion unless a pipeline says otherwise).</summary>
    public WordSet StopWords { get; }

    /// <summary>The language's default negators (never deleted or replaced, and never given a replacement that drops a negation).</summary>
    public WordSet Negators { get; }

    /// <summary>The analysis for a pipeline's <c>language</c>: <c>en</c> → <see cref="English"/>, <c>zh</c> → <see cref="Chinese"/>.</summary>
    /// <exception cref="ArgumentException">Any other language; the message names it and the supported ones.</exception>
    public static TextAnalysis For(string language) => language switch
    {
        "en" => English,
        "zh" => Chinese,
        _ => throw new ArgumentException($"language '{language}' is not supported; expected en or zh.", nameof(language)),
    };

    /// <summary>
    /// This analysis with another segmenter of the same language (a <see cref="JiebaSegmenter"/> with a user
    /// dictionary or the HMM off); stop words and negators stay.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The segmenter does not fit the language: Chinese takes a <see cref="JiebaSegmenter"/>, English only <see cref="Segmenter.None"/>.
    /// </exception>
    public TextAnalysis WithSegmenter(Segmenter segmenter)
    {
        ArgumentNullException.ThrowIfNull(segmenter);
        bool fits = Language == "zh" ? segmenter is JiebaSegmenter : ReferenceEquals(segmenter, Segmenter.None);
        if (!fits)
        {
            throw new ArgumentException(
                $"segmenter {segmenter.GetType().Name} does not fit language '{Language}'; expected {(Language == "zh" ? "a JiebaSegmenter" : "Segmenter.None")}.",
                nameof(segmenter));
        }

        return ReferenceEquals(segmenter, Segmenter) ? this : new(Language, segmenter, StopWords, Negators);
    }
}
