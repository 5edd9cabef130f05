namespace TextAugment.Text;

/// <summary>
/// A set of words looked up without regard to case (words are stored lower case, compared ordinally).
/// Used for stop words and protected words.
/// </summary>
public sealed class WordSet
{
    private readonly HashSet<string> _words;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    /// <summary>Creates a set from <paramref name="words"/> (lower-cased on the way in).</summary>
    public WordSet(IEnumerable<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        _words = new HashSet<string>(StringComparer.Ordinal);
        foreach (string w in words)
        {
            _words.Add(w.ToLowerInvariant());
        }

        _lookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The built-in English stop-word list (dictionaries/stopwords-en.txt, embedded in the library).</summary>
    public static WordSet EnglishStopWords { get; } = new(ReadWords(EmbeddedResource.ReadLines("TextAugment.stopwords-en.txt")));

    /// <summary>
    /// The built-in English negators (dictionaries/negators-en.txt, embedded in the library): not, no, never,
    /// nor, neither, none, nobody, nothing, nowhere, without, cannot, n't, hardly, barely, scarcely, seldom, rarely ….
    /// </summary>
    public static WordSet EnglishNegators { get; } = new(ReadWords(EmbeddedResource.ReadLines("TextAugment.negators-en.txt")));

    /// <summary>
    /// The built-in Chinese negators, the default with <c>language: zh</c> (dictionaries/negators-zh.txt, embedded in
    /// the library): 不, 没, 没有, 无, 非, 未, 别, 不是, 从不, 并非, 绝不 …, as jieba segments them.
    /// </summary>
    public static WordSet ChineseNegators => LazyChineseNegators.Value;

    private static readonly Lazy<WordSet> LazyChineseNegators = new(() => new(ReadWords(EmbeddedResource.ReadLines("TextAugment.negators-zh.txt"))));

    /// <summary>
    /// The built-in Chinese stop-word list, the default with <c>language: zh</c> (dictionaries/stopwords-zh.txt:
    /// npm stopwords-iso 1.1.0, MIT; embedded in the library).
    /// </summary>
    public static WordSet ChineseStopWords => LazyChinese.Value;

    private static readonly Lazy<WordSet> LazyChinese = new(() => new(ReadWords(EmbeddedResource.ReadLines("TextAugment.stopwords-zh.txt"))));

    /// <summary>The words, lower case.</summary>
    internal IReadOnlyCollection<string> Words => _words;

    /// <summary>Number of words.</summary>
    public int Count => _words.Count;

    /// <summary>Reads one word per line; blank lines and lines starting with '#' are skipped.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="DataFormatException">The file is not UTF-8 (the message names the line and byte offset).</exception>
    public static WordSet Load(string path)
    {
        Corpus.FileIdentity.EnsureRegularFile(path, "word list");
        Corpus.Utf8LineReader.EnsureFileIsUtf8(path);
        return new(ReadWords(File.ReadLines(path, new System.Text.UTF8Encoding(false, true))));
    }

    /// <summary>
    /// True when the set holds <paramref name="word"/>, in any case, or (for a word with Traditional Chinese
    /// characters the set does not hold as written) its Simplified form (<see cref="ChineseScript"/>): 沒有 is in a
    /// set that holds 没有.
    /// </summary>
    public bool Contains(ReadOnlySpan<char> word)
    {
        if (word.Length > MaxStackWord)
        {
            string key = word.ToString().ToLowerInvariant();
            return _lookup.Contains(key) || (ChineseScript.HasTraditional(key) && _lookup.Contains(ChineseScript.ToSimplified(key)));
        }

        Span<char> lower = stackalloc char[word.Length];
        InvariantCase.ToLower(word, lower);
        return ContainsLowerCase(lower);
    }

    /// <summary>
    /// <see cref="Contains"/> for a word already lower-cased (<see cref="InvariantCase.ToLower"/>) of at most
    /// <see cref="MaxStackWord"/> characters, so that a caller looking a word up in several sets lowers it once.
    /// </summary>
    internal bool ContainsLowerCase(ReadOnlySpan<char> lower)
    {
        if (_lookup.Contains(lower))
        {
            return true;
        }

        if (!ChineseScript.HasTraditional(lower))
        {
            return false;
        }

        Span<char> simplified = stackalloc char[lower.Length];
        ChineseScript.ToSimplified(lower, simplified);
        return _lookup.Contains(simplified);
    }

    /// <summary>The longest word <see cref="Contains"/> lowers on the stack; a longer one is lowered to a string.</summary>
    internal const int MaxStackWord = 64;

    private static IEnumerable<string> ReadWords(IEnumerable<string> lines)
    {
        foreach (string raw in lines)
        {
            string line = raw.Trim();
            if (line.Length > 0 && line[0] != '#')
            {
                yield return line;
            }
        }
    }
}
