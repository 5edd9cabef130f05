using System.Globalization;
using System.Text;
using TextAugment.Text;

namespace TextAugment.Corpus;

/// <summary>
/// Corpus statistics for TF-IDF word replacement (UDA, Xie et al. 2019), per lower-cased word:
/// the document frequency DF(w) and the summed term frequency T(w) = Σ over examples x of count_x(w)/|x|,
/// where |x| is the number of words of x. From them, IDF(w) = log(N / DF(w)) and the corpus score
/// S(w) = IDF(w) · T(w) = Σ over examples of Σ over occurrences of IDF(w)/|x|. Words are the tokenizer's
/// <see cref="TokenKind.Word"/> tokens, with runs of unspaced scripts cut by the segmenter given to
/// <see cref="Fit(IEnumerable{string}, Segmenter?)"/> (for Chinese, jieba's words, as the stages see them);
/// numbers, punctuation and whitespace are not words.
/// </summary>
/// <remarks>
/// Fitted in one streaming pass. Saved as UTF-8 text: a first line <c># textaugment tfidf v1</c>, a line
/// <c>documents&lt;TAB&gt;N</c>, then one line per word <c>word&lt;TAB&gt;DF&lt;TAB&gt;T</c> (T in invariant
/// round-trip notation), sorted by word. DF and T are sums, so statistics of shards add up
/// (<see cref="Merge"/>). Immutable once made; safe to share between threads.
/// </remarks>
public sealed class TfIdfStatistics
{
    private const string Header = "# textaugment tfidf v1";
    private readonly Dictionary<string, (long Df, double Tf)> _words;
    private readonly Dictionary<string, (long Df, double Tf)>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private TfIdfStatistics(long documents, Dictionary<string, (long, double)> words)
    {
        Documents = documents;
        _words = words;
        _lookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>N: the number of examples fitted.</summary>
    public long Documents { get; }

    /// <summary>Number of distinct words.</summary>
    public int Count => _words.Count;

    /// <summary>The distinct words (lower case).</summary>
    public IEnumerable<string> Words => _words.Keys;

    /// <summary>
    /// IDF(w) = log(N / DF(w)) for <paramref name="word"/> in any case. A word the corpus never had counts as
    /// seen once (the highest IDF): an unseen word is a rare word, and rare words are the keywords UDA keeps.
    /// </summary>
    public double Idf(ReadOnlySpan<char> word)
    {
        long df = Find(word).Df;
        return Math.Log((double)Math.Max(Documents, 1) / Math.Max(df, 1));
    }

    /// <summary>The corpus score S(w) = IDF(w) · T(w); 0 for a word the corpus never had.</summary>
    public double Score(ReadOnlySpan<char> word)
    {
        var (df, tf) = Find(word);
        return df == 0 ? 0 : Math.Log((double)Documents / df) * tf;
    }

    /// <summary>DF(w): the number of examples that contain <paramref name="word"/>.</summary>
    public long DocumentFrequency(ReadOnlySpan<char> word) => Find(word).Df;

    /// <summary>Fits the statistics on texts, in one pass.</summary>
    /// <param name="texts">The examples' texts.</param>
    /// <param name="segmenter">How words are found in unspaced scripts; default <see cref="Segmenter.None"/> (English).
    /// Use the pipeline's segmenter (<see cref="JiebaSegmenter"/> for <c>language: zh</c>) so that the words counted
    /// are the words the tfidf stage replaces.</param>
    public static TfIdfStatistics Fit(IEnumerable<string> texts, Segmenter? segmenter = null)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var words = new Dictionary<string, (long Df, double Tf)>(StringComparer.Ordinal);
        var lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        var tokens = new TokenList();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var countLookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        long documents = 0;
        Span<char> buffer = stackalloc char[128];
        foreach (string text in texts)
        {
            documents++;
            tokens.Reset(text, Protection.None, segmenter);
            counts.Clear();
            int length = 0;
            foreach (Token token in tokens.AsSpan())
            {
                if (token.Kind != TokenKind.Word)
                {
                    continue;
                }

                length++;
                ReadOnlySpan<char> lower = Lower(token.Span, buffer);
                countLookup[lower] = countLookup.TryGetValue(lower, out int c) ? c + 1 : 1;
            }

            foreach (var (word, count) in counts)
            {
                var (df, tf) = lookup.TryGetValue(word, out var entry) ? entry : default;
                words[word] = (df + 1, tf + (double)count / length);
            }
        }

        return new TfIdfStatistics(documents, words);
    }

    /// <summary>Fits the statistics on every example of a corpus, in one pass; <paramref name="segmenter"/> as in <see cref="Fit(IEnumerable{string}, Segmenter?)"/>.</summary>
    public static TfIdfStatistics Fit(CorpusReader reader, Segmenter? segmenter = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return Fit(reader.ReadAll().Select(e => e.Text), segmenter);
    }

    /// <summary>The statistics of two corpora together (e.g. of two shards).</summary>
    public TfIdfStatistics Merge(TfIdfStatistics other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var words = new Dictionary<string, (long, double)>(_words, StringComparer.Ordinal);
        foreach (var (word, (df, tf)) in other._words)
        {
            var (d, t) = words.TryGetValue(word, out var entry) ? entry : default;
            words[word] = (d + df, t + tf);
        }

        return new TfIdfStatistics(Documents + other.Documents, words);
    }

    /// <summary>Writes the statistics to <paramref name="path"/> (atomically: a temporary file renamed).</summary>
    public void Save(string path)
    {
        using AtomicOutput output = AtomicOutput.Open(path);
        using (var writer = new StreamWriter(output.Stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true))
        {
            writer.Write($"{Header}\ndocuments\t{Documents.ToString(CultureInfo.InvariantCulture)}\n");
            foreach (var (word, (df, tf)) in _words.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                writer.Write($"{word}\t{df.ToString(CultureInfo.InvariantCulture)}\t{tf.ToString("R", CultureInfo.InvariantCulture)}\n");
            }
        }

        output.Commit();
    }

    /// <summary>Reads statistics written by <see cref="Save"/>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="DataFormatException">The file is not a statistics file or a line is malformed; the message names the line.</exception>
    public static TfIdfStatistics Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw MissingFile.Error(path, "TF-IDF statistics");
        }

        FileIdentity.EnsureRegularFile(path, "TF-IDF statistics file");
        Utf8LineReader.EnsureFileIsUtf8(path);

        using var reader = new StreamReader(path, new UTF8Encoding(false, true));
        if (reader.ReadLine() != Header)
        {
            throw new DataFormatException(path, 1, 1, $"not a TF-IDF statistics file: the first line must be '{Header}' (write one with 'textaugment fit-tfidf').");
        }

        string? second = reader.ReadLine();
        string[]? head = second?.Split('\t');
        if (head is not ["documents", var n] || !long.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out long documents) || documents < 1)
        {
            throw new DataFormatException(path, 2, 1, $"expected 'documents<TAB>N' with N at least 1 but found '{second}'.");
        }

        var words = new Dictionary<string, (long, double)>(StringComparer.Ordinal);
        long lineNumber = 2;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            string[] parts = line.Split('\t');
            if (parts.Length != 3
                || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out long df) || df < 1 || df > documents
                || !double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out double tf) || !(tf > 0) || tf > df)
            {
                throw new DataFormatException(path, lineNumber, 0,
                    $"expected 'word<TAB>DF<TAB>T' with 1 <= DF <= {documents} and 0 < T <= DF but found '{(line.Length > 80 ? line[..80] + "…" : line)}'.");
            }

            if (parts[0].Length == 0 || char.IsWhiteSpace(parts[0][0]) || char.IsWhiteSpace(parts[0][^1]))
            {
                // A word with white space at an end would be drawn as a replacement and written into the text as it is.
                int at = parts[0].Length == 0 || char.IsWhiteSpace(parts[0][0]) ? 0 : parts[0].TrimEnd().Length;
                throw new DataFormatException(path, lineNumber, at + 1,
                    $"the word '{(parts[0].Length > 80 ? parts[0][..80] + "…" : parts[0])}' is empty or starts or ends with white space; a word has none at its ends (write the file with 'textaugment fit-tfidf').");
            }

            if (!words.TryAdd(parts[0], (df, tf)))
            {
                throw new DataFormatException(path, lineNumber, 1,
                    $"the word '{(parts[0].Length > 80 ? parts[0][..80] + "…" : parts[0])}' appears a second time; each word has one line (write the file with 'textaugment fit-tfidf').");
            }
        }

        return new TfIdfStatistics(documents, words);
    }

    private (long Df, double Tf) Find(ReadOnlySpan<char> word)
    {
        Span<char> buffer = stackalloc char[128];
        return _lookup.TryGetValue(Lower(word, buffer), out var entry) ? entry : default;
    }

    private static ReadOnlySpan<char> Lower(ReadOnlySpan<char> word, Span<char> buffer)
    {
        Span<char> destination = word.Length <= buffer.Length ? buffer[..word.Length] : new char[word.Length];
        word.ToLowerInvariant(destination);
        return destination;
    }
}
