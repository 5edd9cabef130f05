using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;

namespace TextAugment.Text;

/// <summary>
/// Chinese word segmentation equal to jieba's default mode (Sun Junyi, jieba 0.42.1): a prefix dictionary
/// gives the directed acyclic graph of dictionary words over the run, the route of maximum log probability
/// (word frequency over the total) through it is taken, and with <see cref="Hmm"/> the runs of single
/// characters it leaves that are not themselves a word are cut by a BMES hidden Markov model (Viterbi).
/// Dictionary and HMM tables are jieba's own (<c>dictionaries/zh-jieba.dict.gz</c>, <c>zh-jieba-hmm.tsv.gz</c>,
/// MIT, built by <c>dictionaries/build_jieba.py</c>). Immutable and thread-safe; a user dictionary makes a new instance.
/// </summary>
/// <remarks>
/// The HMM cuts characters U+4E00–U+9FD5 (jieba's range); any other run inside the buffer stays one word,
/// as in jieba. Unlike jieba, Latin letters and digits next to Han characters are tokens of their own: the
/// tokenizer asks the segmenter only about the Han run.
/// </remarks>
public sealed partial class JiebaSegmenter : Segmenter
{
    private const double MinFloat = -3.14e100; // jieba's floor for an unseen emission
    private const int HanFirst = 0x4E00, HanLast = 0x9FD5;
    private const int B = 0, M = 1, E = 2, S = 3;
    private static readonly Lazy<JiebaSegmenter> LazyDefault = new(LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, Entry> _frequencies; // words and all their prefixes (prefix-only entries: 0)
    private readonly Dictionary<string, Entry>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly HashSet<string> _forceSplit;
    private readonly Hmm _hmm;
    private readonly long _total;
    private readonly double _logTotal;
    private readonly PrefixTrie? _trie; // null only while WithUserWords is still adding words
    private readonly Names _names;

    private JiebaSegmenter(Dictionary<string, Entry> frequencies, long total, HashSet<string> forceSplit, Hmm hmm, bool useHmm, Names names, string[]? userWords = null, PrefixTrie? trie = null, bool buildTrie = true)
    {
        UserWords = userWords ?? [];
        _names = names;
        _frequencies = frequencies;
        _lookup = frequencies.GetAlternateLookup<ReadOnlySpan<char>>();
        _forceSplit = forceSplit;
        _hmm = hmm;
        _total = total;
        _logTotal = Math.Log(total);
        UseHmm = useHmm;
        _trie = trie ?? (buildTrie ? new PrefixTrie(frequencies, _logTotal) : null);
    }

    /// <summary>jieba's dictionary, HMM on. Loaded once, on first use, from the library's resources.</summary>
    public static JiebaSegmenter Default => LazyDefault.Value;

    /// <summary>Whether runs of unknown single characters are cut by the HMM (jieba's <c>HMM=True</c>). Default: true.</summary>
    public bool UseHmm { get; }

    /// <summary>This segmenter with the HMM on or off; shares the dictionary and its trie (none while user words are being added).</summary>
    public JiebaSegmenter WithHmm(bool useHmm) => useHmm == UseHmm ? this : new(_frequencies, _total, _forceSplit, _hmm, useHmm, _names, [.. UserWords], _trie, buildTrie: _trie is not null);

    /// <summary>
    /// Every non-blank user-dictionary line added to <see cref="Default"/> to make this segmenter, in order
    /// (empty for jieba's own dictionary). <c>Default.WithUserWords(UserWords).WithHmm(UseHmm)</c> makes an
    /// equal segmenter: model files record these lines so that a model segments as it did in training.
    /// </summary>
    public IReadOnlyList<string> UserWords { get; }

    /// <summary>
    /// A new segmenter with the words of a user dictionary added, with jieba's semantics: one entry a line,
    /// <c>word [freq] [pos]</c>; without a frequency the word gets the one that makes it just win over its
    /// own segmentation (jieba's <c>suggest_freq</c>); frequency 0 forces the word apart. Blank lines are skipped.
    /// A part of speech of a proper noun (<c>nr</c>, <c>nrfg</c>, <c>nrt</c>, <c>ns</c>, <c>nt</c>, <c>nz</c>) makes the word one
    /// (<see cref="IsProperNoun"/>), any other part of speech makes it none; without one the word keeps what it was.
    /// </summary>
    /// <param name="lines">The lines of the user dictionary.</param>
    /// <param name="source">Name used in error messages (a file path).</param>
    /// <exception cref="FormatException">A line whose word is empty or longer than <see cref="MaxUserWordLength"/>; the message names source and line.</exception>
    public JiebaSegmenter WithUserWords(IEnumerable<string> lines, string source = "user dictionary")
    {
        ArgumentNullException.ThrowIfNull(lines);
        var frequencies = new Dictionary<string, Entry>(_frequencies, StringComparer.Ordinal);
        var forceSplit = new HashSet<string>(_forceSplit, StringComparer.Ordinal);
        var userWords = new List<string>(UserWords);
        var properNouns = new HashSet<string>(_names.ProperNouns, StringComparer.Ordinal);
        var building = new JiebaSegmenter(frequencies, _total, forceSplit, _hmm, UseHmm, _names, buildTrie: false);
        long total = _total;
        int number = 0;
        foreach (string raw in lines)
        {
            number++;
            string line = (number == 1 ? raw.TrimStart('\uFEFF') : raw).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            Match m = UserLine().Match(line);
            string word = m.Groups[1].Value;
            if (!m.Success || word.Length == 0)
            {
                throw new FormatException($"{source}:{number}:1: '{(line.Length > 80 ? line[..80] + "…" : line)}' is not 'word [freq] [pos]'.");
            }

            if (word.Length > MaxUserWordLength)
            {
                throw new FormatException($"{source}:{number}:1: the word is {word.Length:N0} characters long; a user word may have at most {MaxUserWordLength}.");
            }

            long freq;
            if (m.Groups[2].Success)
            {
                ReadOnlySpan<char> digits = m.Groups[2].Value.AsSpan().Trim();
                if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out freq) || freq > MaxUserFrequency)
                {
                    throw new FormatException($"{source}:{number}:{m.Groups[2].Index + 1 + (m.Groups[2].Value.Length - m.Groups[2].Value.TrimStart().Length)}: the frequency {(digits.Length > 30 ? digits[..30].ToString() + "…" : digits.ToString())} is too large; a user word's frequency may be at most {MaxUserFrequency:N0} (the whole shipped dictionary counts about 60 million).");
                }
            }
            else
            {
                freq = building.SuggestFrequency(word);
            }

            userWords.Add(line);
            frequencies[word] = new Entry(freq);
            total += freq;
            building = new JiebaSegmenter(frequencies, total, forceSplit, _hmm, UseHmm, _names, buildTrie: false);
            if (m.Groups[3].Success)
            {
                string simplifiedWord = ChineseScript.ToSimplified(word); // looked up as Simplified (IsProperNoun)
                if (IsProperNounTag(m.Groups[3].ValueSpan[1..]) && word.Length >= 2)
                {
                    properNouns.Add(simplifiedWord);
                }
                else
                {
                    properNouns.Remove(simplifiedWord);
                }
            }

            for (int i = 1; i < word.Length; i++)
            {
                frequencies.TryAdd(word[..i], default);
            }

            if (freq == 0)
            {
                forceSplit.Add(word);
            }
        }

        Names names = properNouns.SetEquals(_names.ProperNouns) ? _names : new Names(properNouns, _names.Surnames);
        return new JiebaSegmenter(frequencies, total, forceSplit, _hmm, UseHmm, names, [.. userWords]); // builds the trie of the finished dictionary
    }

    /// <summary>The largest frequency a user word may give: far above any real count, and small enough that no number of words can overflow the total.</summary>
    public const long MaxUserFrequency = 1_000_000_000_000;

    /// <summary>Adds words from a user dictionary file (UTF-8, a regular file); see <see cref="WithUserWords(IEnumerable{string}, string)"/>.</summary>
    /// <exception cref="FormatException">A malformed line (file and line named).</exception>
    /// <exception cref="Corpus.NotARegularFileException">The path is a device, FIFO or folder.</exception>
    /// <exception cref="DataFormatException">The file holds invalid UTF-8 (byte offset named) or a line over 16 MiB.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public JiebaSegmenter WithUserDictionary(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        Corpus.FileIdentity.EnsureRegularFile(path, "user dictionary");
        Corpus.Utf8LineReader.EnsureFileIsUtf8(path);
        return WithUserWords(File.ReadLines(path, new System.Text.UTF8Encoding(false, true)), path);
    }

    /// <summary>
    /// The longest user-dictionary word, in UTF-16 code units: 100. Each of a word's prefixes is indexed, so a
    /// longer word would cost time and memory quadratic in its length.
    /// </summary>
    public const int MaxUserWordLength = 100;

    /// <summary>
    /// Whether <paramref name="word"/> is a word of the dictionary (jieba's and the user words) with a positive
    /// frequency; a word in Traditional characters is looked up through its Simplified form (<see cref="ChineseScript"/>).
    /// </summary>
    public bool Contains(ReadOnlySpan<char> word)
    {
        if (_lookup.TryGetValue(word, out Entry entry) && entry.Frequency > 0)
        {
            return true;
        }

        if (!ChineseScript.HasTraditional(word))
        {
            return false;
        }

        Span<char> simplified = word.Length <= 128 ? stackalloc char[word.Length] : new char[word.Length];
        ChineseScript.ToSimplified(word, simplified);
        return _lookup.TryGetValue(simplified, out entry) && entry.Frequency > 0;
    }

    /// <inheritdoc/>
    /// <remarks>
    /// A word of two or more characters that jieba's dictionary tags as a proper noun and CC-CEDICT lists only as one
    /// (北京, 上海, 毛泽东, 联合国: the tags kept in <c>dictionaries/zh-jieba.dict.gz</c>, see <c>build_jieba.py</c>), a user word
    /// given such a tag (<see cref="WithUserWords"/>), or a word of two or three characters that the dictionary does not
    /// hold (the HMM made it) and that starts with a common surname (<c>dictionaries/zh-surnames.txt</c>: 张伟, 王芳). A
    /// word in Traditional characters is looked up through its Simplified form.
    /// </remarks>
    public override bool IsProperNoun(ReadOnlySpan<char> word)
    {
        if (word.Length < 2 || word.Length > MaxUserWordLength)
        {
            return false;
        }

        // Most words are no name: two characters (as Simplified) that start no proper noun and no surname answer without a lookup.
        char[] simplifiedOf = _names.SimplifiedTable;
        char first = simplifiedOf[word[0]];
        if (!(word.Length <= 3 && _names.Surnames.Contains(first)) && !_names.MayStart(first, simplifiedOf[word[1]])
            && !_names.MayStart(word[0], word[1]))
        {
            return false;
        }

        if (IsSimplifiedProperNoun(word))
        {
            return true;
        }

        if (!ChineseScript.HasTraditional(word))
        {
            return false;
        }

        Span<char> simplified = stackalloc char[word.Length];
        ChineseScript.ToSimplified(word, simplified);
        return IsSimplifiedProperNoun(simplified);
    }

    private bool IsSimplifiedProperNoun(ReadOnlySpan<char> word) =>
        _names.Lookup.Contains(word)
        || (word.Length <= 3 && _names.Surnames.Contains(word[0]) && !(_lookup.TryGetValue(word, out Entry entry) && entry.Frequency > 0));

    /// <summary>jieba's tags of proper nouns: nr, nrfg, nrt (persons), ns (places), nt (organisations), nz (other).</summary>
    private static bool IsProperNounTag(ReadOnlySpan<char> tag) => tag is "nr" or "nrfg" or "nrt" or "ns" or "nt" or "nz";

    /// <summary>The words of <paramref name="run"/> as strings (a convenience over <see cref="Segment"/>).</summary>
    public List<string> Cut(string run)
    {
        ArgumentNullException.ThrowIfNull(run);
        Span<int> lengths = run.Length <= 256 ? stackalloc int[run.Length] : new int[run.Length];
        int n = Segment(run, lengths);
        var words = new List<string>(n);
        int at = 0;
        for (int i = 0; i < n; i++)
        {
            words.Add(run.Substring(at, lengths[i]));
            at += lengths[i];
        }

        return words;
    }

    /// <inheritdoc/>
    /// <remarks>
    /// A run with Traditional characters is cut as its Simplified form (<see cref="ChineseScript"/>: the same
    /// length, one character for one), since jieba's dictionary and HMM are Simplified; the cuts apply to the run as written.
    /// </remarks>
    public override int Segment(ReadOnlySpan<char> run, Span<int> wordLengths)
    {
        if (!ChineseScript.HasTraditional(run))
        {
            return SegmentSimplified(run, wordLengths);
        }

        Span<char> simplified = run.Length <= 256 ? stackalloc char[run.Length] : new char[run.Length];
        ChineseScript.ToSimplified(run, simplified);
        return SegmentSimplified(simplified, wordLengths);
    }

    private int SegmentSimplified(ReadOnlySpan<char> run, Span<int> wordLengths)
    {
        int n = run.Length;
        if (n == 0)
        {
            return 0;
        }

        Span<int> next = n <= 512 ? stackalloc int[n] : new int[n]; // end (exclusive) of the word the best route takes at each position
        Route(run, next);
        int count = 0;
        if (!UseHmm)
        {
            for (int x = 0; x < n; x = next[x])
            {
                wordLengths[count++] = next[x] - x;
            }

            return count;
        }

        int bufferStart = -1;
        for (int x = 0; x < n; x = next[x])
        {
            if (next[x] - x == 1)
            {
                bufferStart = bufferStart < 0 ? x : bufferStart;
                continue;
            }

            if (bufferStart >= 0)
            {
                count = FlushBuffer(run[bufferStart..x], wordLengths, count);
                bufferStart = -1;
            }

            wordLengths[count++] = next[x] - x;
        }

        return bufferStart >= 0 ? FlushBuffer(run[bufferStart..], wordLengths, count) : count;
    }

    /// <summary>
    /// Fills <paramref name="next"/> with the maximum log-probability route over the DAG of dictionary words:
    /// from the last position back, each start takes the end that maximises the word's log probability plus the
    /// best score from that end (the later end on a tie, as jieba's <c>max</c> over (score, end) does).
    /// </summary>
    private void Route(ReadOnlySpan<char> run, Span<int> next)
    {
        int n = run.Length;
        Span<double> score = n < 512 ? stackalloc double[n + 1] : new double[n + 1];
        score[n] = 0;
        if (_trie is not { } trie)
        {
            RouteByLookup(run, next, score);
            return;
        }

        for (int k = n - 1; k >= 0; k--)
        {
            double best = double.NegativeInfinity;
            int bestEnd = -1;
            int node = PrefixTrie.Root;
            for (int i = k; i < n && (node = trie.Child(node, run[i])) != PrefixTrie.None; i++)
            {
                double logProbability = trie.LogProbability(node);
                if (logProbability > double.NegativeInfinity)
                {
                    double s = logProbability + score[i + 1];
                    if (s >= best)
                    {
                        best = s;
                        bestEnd = i + 1;
                    }
                }
            }

            if (bestEnd < 0)
            {
                // No dictionary word starts here: the single character with frequency 1 (log 1 = 0).
                best = 0 - _logTotal + score[k + 1];
                bestEnd = k + 1;
            }

            score[k] = best;
            next[k] = bestEnd;
        }
    }

    /// <summary>
    /// <see cref="Route"/> by hashing every prefix: used only by the segmenters <see cref="WithUserWords"/> makes
    /// while it adds words (to suggest frequencies), before the trie of the finished dictionary is built.
    /// </summary>
    private void RouteByLookup(ReadOnlySpan<char> run, Span<int> next, Span<double> score)
    {
        int n = run.Length;
        for (int k = n - 1; k >= 0; k--)
        {
            double best = double.NegativeInfinity;
            int bestEnd = -1;
            for (int i = k + 1; i <= n && _lookup.TryGetValue(run[k..i], out Entry entry); i++)
            {
                if (entry.Frequency > 0)
                {
                    double s = entry.LogFrequency - _logTotal + score[i];
                    if (s >= best)
                    {
                        best = s;
                        bestEnd = i;
                    }
                }
            }

            if (bestEnd < 0)
            {
                // No dictionary word starts here: the single character, frequency as looked up or 1.
                double logFreq = _lookup.TryGetValue(run[k..(k + 1)], out Entry single) && single.Frequency > 0 ? single.LogFrequency : 0; // log(1)
                best = logFreq - _logTotal + score[k + 1];
                bestEnd = k + 1;
            }

            score[k] = best;
            next[k] = bestEnd;
        }
    }

    private bool IsWord(ReadOnlySpan<char> text)
    {
        if (_trie is not { } trie)
        {
            return _lookup.TryGetValue(text, out Entry entry) && entry.Frequency > 0;
        }

        int node = PrefixTrie.Root;
        foreach (char c in text)
        {
            if ((node = trie.Child(node, c)) == PrefixTrie.None)
            {
                return false;
            }
        }

        return trie.LogProbability(node) > double.NegativeInfinity;
    }

    private int FlushBuffer(ReadOnlySpan<char> buffer, Span<int> wordLengths, int count)
    {
        if (buffer.Length == 1)
        {
            wordLengths[count++] = 1;
        }
        else if (IsWord(buffer))
        {
            for (int i = 0; i < buffer.Length; i++)
            {
                wordLengths[count++] = 1;
            }
        }
        else
        {
            count = CutUnknown(buffer, wordLengths, count);
        }

        return count;
    }

    /// <summary>jieba's <c>finalseg.cut</c>: HMM over each run of U+4E00–U+9FD5; any other run is one word.</summary>
    private int CutUnknown(ReadOnlySpan<char> buffer, Span<int> wordLengths, int count)
    {
        int i = 0;
        while (i < buffer.Length)
        {
            bool han = IsHmmHan(buffer[i]);
            int j = i + 1;
            while (j < buffer.Length && IsHmmHan(buffer[j]) == han)
            {
                j++;
            }

            if (han)
            {
                int first = count;
                count = Viterbi(buffer[i..j], wordLengths, count);
                count = ForceSplit(buffer[i..j], wordLengths, first, count);
            }
            else
            {
                wordLengths[count++] = j - i;
            }

            i = j;
        }

        return count;
    }

    private int ForceSplit(ReadOnlySpan<char> text, Span<int> wordLengths, int first, int count)
    {
        if (_forceSplit.Count == 0)
        {
            return count;
        }

        var lookup = _forceSplit.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<int> words = wordLengths[first..count].ToArray();
        int at = 0;
        count = first;
        foreach (int len in words)
        {
            if (len > 1 && lookup.Contains(text.Slice(at, len)))
            {
                for (int c = 0; c < len; c++)
                {
                    wordLengths[count++] = 1;
                }
            }
            else
            {
                wordLengths[count++] = len;
            }

            at += len;
        }

        return count;
    }

    private static bool IsHmmHan(char c) => c is >= (char)HanFirst and <= (char)HanLast;

    /// <summary>BMES Viterbi over <paramref name="obs"/> (all in U+4E00–U+9FD5), then jieba's reading of the states.</summary>
    /// <remarks>
    /// Each state has two possible predecessors (B ← E, S; M ← M, B; E ← B, M; S ← S, E), unrolled here. A tie goes
    /// to the later state letter, as Python's <c>max</c> over (probability, letter) does: B &lt; E &lt; M &lt; S.
    /// The sums are added in jieba's order (previous + transition + emission), so the results are bit-equal.
    /// </remarks>
    private int Viterbi(ReadOnlySpan<char> obs, Span<int> wordLengths, int count)
    {
        int n = obs.Length;
        Span<byte> back = n <= 1024 ? stackalloc byte[n * 4] : new byte[n * 4];
        ReadOnlySpan<double> trans = _hmm.Trans;
        double tEB = trans[(E * 4) + B], tSB = trans[(S * 4) + B];
        double tMM = trans[(M * 4) + M], tBM = trans[(B * 4) + M];
        double tBE = trans[(B * 4) + E], tME = trans[(M * 4) + E];
        double tSS = trans[(S * 4) + S], tES = trans[(E * 4) + S];
        ReadOnlySpan<double> em = _hmm.Emissions(obs[0]);
        double vB = _hmm.Start[B] + em[B], vM = _hmm.Start[M] + em[M], vE = _hmm.Start[E] + em[E], vS = _hmm.Start[S] + em[S];
        for (int t = 1; t < n; t++)
        {
            em = _hmm.Emissions(obs[t]);
            Span<byte> from = back.Slice(t * 4, 4);
            double fromE = vE + tEB + em[B], fromS = vS + tSB + em[B];
            (double nB, from[B]) = fromS >= fromE ? (fromS, (byte)S) : (fromE, (byte)E);
            double fromM = vM + tMM + em[M], fromB = vB + tBM + em[M];
            (double nM, from[M]) = fromB > fromM ? (fromB, (byte)B) : (fromM, (byte)M);
            fromB = vB + tBE + em[E];
            fromM = vM + tME + em[E];
            (double nE, from[E]) = fromM >= fromB ? (fromM, (byte)M) : (fromB, (byte)B);
            fromS = vS + tSS + em[S];
            fromE = vE + tES + em[S];
            (double nS, from[S]) = fromE > fromS ? (fromE, (byte)E) : (fromS, (byte)S);
            (vB, vM, vE, vS) = (nB, nM, nE, nS);
        }

        int state = vS >= vE ? S : E;
        Span<byte> path = n <= 1024 ? stackalloc byte[n] : new byte[n];
        for (int t = n - 1; t >= 0; t--)
        {
            path[t] = (byte)state;
            state = back[(t * 4) + state];
        }

        int wordStart = 0;
        for (int t = 0; t < n; t++)
        {
            if (path[t] is E or S)
            {
                wordLengths[count++] = t + 1 - wordStart;
                wordStart = t + 1;
            }
        }

        if (wordStart < n)
        {
            wordLengths[count++] = n - wordStart;
        }

        return count;
    }

    /// <summary>jieba's <c>suggest_freq(word, tune=False)</c>: just enough to beat the product of its parts' probabilities.</summary>
    private long SuggestFrequency(string word)
    {
        double freq = 1;
        foreach (string part in WithHmm(false).Cut(word))
        {
            freq *= (_frequencies.TryGetValue(part, out Entry f) ? f.Frequency : 1) / (double)_total;
        }

        long own = _frequencies.TryGetValue(word, out Entry w) ? w.Frequency : 1;
        return Math.Max((long)(freq * _total) + 1, own);
    }

    private static JiebaSegmenter LoadDefault()
    {
        var frequencies = new Dictionary<string, Entry>(700_000, StringComparer.Ordinal);
        var properNouns = new HashSet<string>(40_000, StringComparer.Ordinal);
        long total = 0;
        int number = 0;
        foreach (string line in EmbeddedResource.ReadGzipLines("TextAugment.zh-jieba.dict.gz"))
        {
            number++;
            // word<TAB>frequency, and <TAB>part of speech for a proper noun (build_jieba.py).
            int tab = line.IndexOf('\t', StringComparison.Ordinal);
            int posTab = tab <= 0 ? -1 : line.IndexOf('\t', tab + 1);
            ReadOnlySpan<char> count = posTab < 0 ? line.AsSpan(tab + 1) : line.AsSpan(tab + 1, posTab - tab - 1);
            if (tab <= 0 || !long.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out long freq)
                || (posTab > 0 && !IsProperNounTag(line.AsSpan(posTab + 1))))
            {
                throw new InvalidDataException($"zh-jieba.dict.gz:{number}:1: '{line}' is not 'word<TAB>frequency[<TAB>nr|nrfg|nrt|ns|nt|nz]'.");
            }

            string word = line[..tab];
            if (posTab > 0)
            {
                properNouns.Add(word);
            }

            frequencies[word] = new Entry(freq);
            total += freq;
            for (int i = 1; i < word.Length; i++)
            {
                frequencies.TryAdd(word[..i], default);
            }
        }

        string surnames = string.Concat(EmbeddedResource.ReadLines("TextAugment.zh-surnames.txt").Where(l => l.Length > 0 && l[0] != '#'));
        return new JiebaSegmenter(frequencies, total, new HashSet<string>(StringComparer.Ordinal), Hmm.Load(), useHmm: true,
            new Names(properNouns, System.Buffers.SearchValues.Create(surnames)));
    }

    /// <summary>The proper nouns of the dictionary and the common surnames (<see cref="IsProperNoun"/>).</summary>
    private sealed class Names
    {
        private const int StartBits = 18; // 32 KiB: about one bit in eight set by the 33,941 names
        private readonly ulong[] _starts = new ulong[(1 << StartBits) / 64]; // a Bloom filter of the first two characters of the proper nouns

        public Names(HashSet<string> properNouns, System.Buffers.SearchValues<char> surnames)
        {
            ProperNouns = properNouns;
            Lookup = properNouns.GetAlternateLookup<ReadOnlySpan<char>>();
            Surnames = surnames;
            foreach (string word in properNouns)
            {
                // As written and as Simplified: a few entries hold a character that has a Simplified form (乾县).
                int bit = StartBit(word[0], word[1]);
                _starts[bit >> 6] |= 1UL << bit;
                bit = StartBit(SimplifiedTable[word[0]], SimplifiedTable[word[1]]);
                _starts[bit >> 6] |= 1UL << bit;
            }
        }

        public HashSet<string> ProperNouns { get; }

        public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup { get; }

        public System.Buffers.SearchValues<char> Surnames { get; }

        public char[] SimplifiedTable { get; } = ChineseScript.SimplifiedTable; // set before the constructor's body runs

        /// <summary>False when no proper noun starts with <paramref name="first"/>, <paramref name="second"/>; true when one may.</summary>
        public bool MayStart(char first, char second)
        {
            int bit = StartBit(first, second);
            return (_starts[bit >> 6] & (1UL << bit)) != 0;
        }

        private static int StartBit(char first, char second) => (int)((((uint)first << 16) | second) * 0x9E3779B1u >> (32 - StartBits));
    }

    /// <summary>A dictionary entry: jieba's frequency (0 for a prefix that is not a word) and its logarithm, computed once.</summary>
    private readonly record struct Entry(long Frequency)
    {
        public double LogFrequency { get; } = Frequency > 0 ? Math.Log(Frequency) : 0;
    }

    [GeneratedRegex("^(.+?)( [0-9]+)?( [a-z]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex UserLine();

    /// <summary>jieba's BMES tables: start and transition log probabilities, emissions for U+4E00–U+9FD5.</summary>
    private sealed class Hmm
    {
        private readonly double[] _emit;

        private Hmm(double[] start, double[] trans, double[] emit)
        {
            Start = start;
            Trans = trans;
            _emit = emit;
        }

        public double[] Start { get; }

        public double[] Trans { get; }

        /// <summary>The four emission log probabilities of <paramref name="c"/> (U+4E00–U+9FD5), in BMES order, side by side.</summary>
        public ReadOnlySpan<double> Emissions(char c) => _emit.AsSpan((c - HanFirst) * 4, 4);

        public static Hmm Load()
        {
            const int width = HanLast - HanFirst + 1;
            double[] start = [MinFloat, MinFloat, MinFloat, MinFloat];
            double[] trans = new double[16];
            Array.Fill(trans, MinFloat);
            double[] emit = new double[4 * width];
            Array.Fill(emit, MinFloat);
            int number = 0;
            foreach (string line in EmbeddedResource.ReadGzipLines("TextAugment.zh-jieba-hmm.tsv.gz"))
            {
                number++;
                string[] f = line.Split('\t');
                double p = double.Parse(f[^1], NumberStyles.Float, CultureInfo.InvariantCulture);
                int state = "BMES".IndexOf(f[1], StringComparison.Ordinal);
                switch (f[0])
                {
                    case "start":
                        start[state] = p;
                        break;
                    case "trans":
                        trans[(state * 4) + "BMES".IndexOf(f[2], StringComparison.Ordinal)] = p;
                        break;
                    case "emit" when f[2].Length == 1 && IsHmmHan(f[2][0]):
                        emit[((f[2][0] - HanFirst) * 4) + state] = p;
                        break;
                    case "emit":
                        break; // characters the HMM is never asked about
                    default:
                        throw new InvalidDataException($"zh-jieba-hmm.tsv.gz:{number}:1: unknown table '{f[0]}'.");
                }
            }

            return new Hmm(start, trans, emit);
        }
    }

    /// <summary>
    /// The dictionary's words and their prefixes as a trie, so that the words starting at a position are found
    /// one character at a time (one array or table probe per character) instead of hashing each longer prefix
    /// again. Node 0 is the root; its children are found in a 65,536-entry array, deeper ones in an
    /// open-addressing table keyed by (parent, character), key and child packed in one 64-bit slot so that a
    /// probe touches one cache line. Each node holds the word's log probability
    /// (log frequency − log total, as jieba computes it), or −∞ for a prefix that is not a word. Immutable once built.
    /// </summary>
    private sealed class PrefixTrie
    {
        public const int Root = 0, None = 0; // the root is nobody's child, so child 0 means "none"

        private readonly int[] _rootChildren = new int[char.MaxValue + 1];
        private const int ChildBits = 24; // at most 16.7 M nodes: parent (24 bits) | character (16) | child (24)
        private readonly ulong[] _slots; // 0 = empty (a parent in the table is never the root, so a key is never 0)
        private readonly int _shift;
        private readonly double[] _logProbability;
        private int _deep;

        public PrefixTrie(Dictionary<string, Entry> frequencies, double logTotal)
        {
            int capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(64, frequencies.Count * 2));
            _slots = new ulong[capacity];
            _shift = 64 - BitOperations.Log2((uint)capacity);
            var logProbability = new List<double>(frequencies.Count + 1) { double.NegativeInfinity };
            foreach ((string word, Entry entry) in frequencies)
            {
                int node = Root;
                foreach (char c in word)
                {
                    int child = Child(node, c);
                    if (child == None)
                    {
                        child = logProbability.Count;
                        logProbability.Add(double.NegativeInfinity);
                        Add(node, c, child);
                    }

                    node = child;
                }

                if (entry.Frequency > 0 && node != Root)
                {
                    logProbability[node] = entry.LogFrequency - logTotal;
                }
            }

            _logProbability = [.. logProbability];
        }

        /// <summary>The child of <paramref name="node"/> along <paramref name="c"/>, or <see cref="None"/>.</summary>
        public int Child(int node, char c)
        {
            if (node == Root)
            {
                return _rootChildren[c];
            }

            ulong key = ((ulong)node << 16) | c;
            int mask = _slots.Length - 1;
            for (int slot = Slot(key); ; slot = (slot + 1) & mask)
            {
                ulong found = _slots[slot];
                if (found >> ChildBits == key)
                {
                    return (int)(found & ((1UL << ChildBits) - 1));
                }

                if (found == 0)
                {
                    return None;
                }
            }
        }

        /// <summary>The log probability of the word that ends at <paramref name="node"/>; −∞ when the prefix is not a word.</summary>
        public double LogProbability(int node) => _logProbability[node];

        private int Slot(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> _shift);

        private void Add(int node, char c, int child)
        {
            if (node == Root)
            {
                _rootChildren[c] = child;
                return;
            }

            // Every prefix of a word is itself a dictionary entry, so the trie has at most one node per entry
            // and the table (twice the entries) stays at most half full.
            if (++_deep * 4 > _slots.Length * 3 || child >= 1 << ChildBits)
            {
                throw new InvalidOperationException($"the prefix trie outgrew its table ({_slots.Length:N0} slots, {child:N0} nodes): a dictionary entry lacks its prefixes, or the dictionary has over {1 << ChildBits:N0} entries.");
            }

            ulong key = ((ulong)node << 16) | c;
            int mask = _slots.Length - 1;
            int slot = Slot(key);
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            _slots[slot] = (key << ChildBits) | (uint)child;
        }
    }
}
