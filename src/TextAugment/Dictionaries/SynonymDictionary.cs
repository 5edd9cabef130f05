using System.Text;

namespace TextAugment.Dictionaries;

/// <summary>File formats <see cref="SynonymDictionary"/> reads.</summary>
public enum SynonymFormat
{
    /// <summary>Decided from the file: MyThes when its first line names an encoding and the second is <c>word|count</c>; otherwise TSV.</summary>
    Auto,
    /// <summary><c>word&lt;TAB&gt;syn1,syn2</c> or <c>word&lt;TAB&gt;pos&lt;TAB&gt;syn1,syn2</c> (pos: n v a r); '#' starts a comment line.</summary>
    Tsv,
    /// <summary>LibreOffice/OpenOffice MyThes thesaurus data file (<c>th_*.dat</c>).</summary>
    MyThes,
    /// <summary>
    /// 同义词词林 (Cilin, HIT-SCIR's extended edition), in UTF-8: <c>Aa01A01= 人 士 人物</c>, a code of eight
    /// characters then the words of one group separated by spaces. Only groups marked <c>=</c> are synonyms;
    /// <c>#</c> (related words) and <c>@</c> (a word alone) rows are skipped.
    /// </summary>
    Cilin,
}

/// <summary>Whether synonyms are looked up through English inflection.</summary>
public enum InflectionMode
{
    /// <summary>English for a TSV file with a part-of-speech column (the WordNet format); none otherwise.</summary>
    Auto,
    /// <summary>Look up inflected words through their lemmas and inflect the synonyms to match (<see cref="EnglishInflector"/>).</summary>
    English,
    /// <summary>Exact words only.</summary>
    None,
}

/// <summary>How to read a synonym dictionary. Every property has a documented default.</summary>
public sealed class SynonymDictionaryOptions
{
    /// <summary>The file format. Default: <see cref="SynonymFormat.Auto"/>.</summary>
    public SynonymFormat Format { get; init; } = SynonymFormat.Auto;

    /// <summary>Inflection handling. Default: <see cref="InflectionMode.Auto"/>.</summary>
    public InflectionMode Inflection { get; init; } = InflectionMode.Auto;
}

/// <summary>
/// Synonyms per word, looked up without regard to case. Immutable once loaded and safe to share between
/// threads; the synonyms of each word form are computed once and cached.
/// </summary>
public sealed class SynonymDictionary
{
    /// <summary>
    /// The most synonyms one line may list: 10,000 (WordNet's longest line has 60). A longer line is an error
    /// naming the file and line, not minutes of loading.
    /// </summary>
    public const int MaxSynonymsPerLine = 10_000;

    /// <summary>The longest head word or synonym, in UTF-16 code units: 1,000 (WordNet's longest is 84).</summary>
    public const int MaxWordLength = 1_000;

    private readonly Dictionary<string, (char Pos, string[] Synonyms)[]>? _entries;
    private readonly TsvIndex? _index;
    private readonly EnglishInflector? _inflector;
    private readonly Text.WordMap<string[]> _cache = new(), _traditionalCache = new();

    private SynonymDictionary(Dictionary<string, (char, string[])[]>? entries, TsvIndex? index, EnglishInflector? inflector)
    {
        _entries = entries;
        _index = index;
        _inflector = inflector;
    }

    /// <summary>Number of head words.</summary>
    public int Count => _index?.Count ?? _entries!.Count;

    /// <summary>Whether inflected words are looked up through their lemmas.</summary>
    public bool Inflects => _inflector is not null;

    /// <summary>Loads a dictionary file, in time linear in its size.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="DataFormatException">A line is malformed, lists more than <see cref="MaxSynonymsPerLine"/> synonyms
    /// or has a word longer than <see cref="MaxWordLength"/>; the message names the file, line and column.</exception>
    public static SynonymDictionary Load(string path, SynonymDictionaryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= new SynonymDictionaryOptions();
        if (!File.Exists(path))
        {
            throw MissingFile.Error(path, "synonym dictionary");
        }

        Corpus.FileIdentity.EnsureRegularFile(path, "synonym dictionary", "it is read twice (once to detect its format), so it must be a regular file");
        Corpus.FileSignature.Check(path);

        SynonymFormat format = options.Format == SynonymFormat.Auto ? Detect(path) : options.Format;
        if (format == SynonymFormat.Tsv)
        {
            // Indexed, not parsed: each line is checked and its head word indexed; a word's synonym list is split on
            // its first lookup. Start-up is most of a small job (benchmarks/README.md, "Start-up").
            var index = TsvIndex.Read(path);
            bool inflectTsv = options.Inflection == InflectionMode.English || (options.Inflection == InflectionMode.Auto && index.HasPos);
            return new SynonymDictionary(null, index, inflectTsv ? EnglishInflector.Default : null);
        }

        var builder = new Builder();
        if (format == SynonymFormat.Cilin)
        {
            Corpus.Utf8LineReader.EnsureFileIsUtf8(path);
            ReadCilin(File.ReadLines(path, new UTF8Encoding(false, true)), path, builder);
        }
        else
        {
            ReadMyThes(path, builder);
        }

        bool inflect = options.Inflection == InflectionMode.English;
        return new SynonymDictionary(builder.Build(), null, inflect ? EnglishInflector.Default : null);
    }

    /// <summary>
    /// The default Chinese synonyms, in simplified characters: 3,206 words (2,092 pairs) from CC-CEDICT (CC BY-SA
    /// 4.0) that share a one-sense English gloss, or two glosses and a character, with the same jieba part of speech.
    /// Built by dictionaries/build_cedict_synonyms.py into dictionaries/zh-cedict-synonyms.tsv, which the library
    /// carries; 72 of 100 pairs drawn at random were judged synonyms by hand (dictionaries/zh-cedict-synonyms-checked.tsv).
    /// Loaded on first use; shared.
    /// </summary>
    public static SynonymDictionary Chinese => LazyChinese.Value;

    private static readonly Lazy<SynonymDictionary> LazyChinese = new(() =>
        new SynonymDictionary(null, TsvIndex.Parse(EmbeddedResource.ReadText("TextAugment.zh-cedict-synonyms.tsv"), "zh-cedict-synonyms.tsv"), null));

    /// <summary>Builds a dictionary from (word, synonyms) pairs, with no part of speech and no inflection.</summary>
    public static SynonymDictionary Create(IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var builder = new Builder();
        foreach (var (word, synonyms) in entries)
        {
            builder.Add(word, '\0', synonyms);
        }

        return new SynonymDictionary(builder.Build(), null, null);
    }

    /// <summary>
    /// The synonyms of <paramref name="word"/> in any case, the word itself excluded; when the dictionary
    /// inflects, also the synonyms of its lemmas, inflected like the word (<c>films</c> → <c>movies</c>). A word in
    /// Traditional Chinese characters that the dictionary does not hold as written gets the synonyms of its
    /// Simplified form (<see cref="Text.ChineseScript"/>), written in Traditional characters (獲得 → 得到).
    /// Empty when there are none. The span stays valid for the dictionary's lifetime.
    /// </summary>
    public ReadOnlySpan<string> GetSynonyms(ReadOnlySpan<char> word)
    {
        Span<char> lower = word.Length <= 128 ? stackalloc char[word.Length] : new char[word.Length];
        Text.InvariantCase.ToLower(word, lower);
        if (_cache.TryGetValue(lower, out string[]? cached))
        {
            return cached;
        }

        return _cache.GetOrAdd(lower, Compute(lower.ToString()));
    }

    /// <summary>
    /// <see cref="GetSynonyms(ReadOnlySpan{char})"/>, and when <paramref name="traditional"/> is true every synonym
    /// written in Traditional Chinese characters (<see cref="Text.ChineseScript.ToTraditional(string)"/>), for a word of a
    /// Traditional text that is written alike in both scripts (信任 → 信賴, not 信赖).
    /// </summary>
    public ReadOnlySpan<string> GetSynonyms(ReadOnlySpan<char> word, bool traditional)
    {
        ReadOnlySpan<string> synonyms = GetSynonyms(word);
        if (!traditional || synonyms.IsEmpty)
        {
            return synonyms;
        }

        Span<char> lower = word.Length <= 128 ? stackalloc char[word.Length] : new char[word.Length];
        word.ToLowerInvariant(lower);
        if (_traditionalCache.TryGetValue(lower, out string[]? cached))
        {
            return cached;
        }

        string key = lower.ToString();
        var converted = new List<string>(synonyms.Length);
        foreach (string synonym in synonyms)
        {
            string t = Text.ChineseScript.ToTraditional(synonym);
            if (!t.Equals(key, StringComparison.Ordinal) && !converted.Contains(t))
            {
                converted.Add(t);
            }
        }

        return _traditionalCache.GetOrAdd(lower, [.. converted]);
    }

    private string[] Compute(string word)
    {
        bool found = TryGetEntries(word, out var exact);
        if (!found && Text.ChineseScript.HasTraditional(word))
        {
            // A Traditional word the dictionary does not hold as written: its Simplified form's synonyms, written back
            // in Traditional characters so that the user's text keeps its script.
            var traditional = new List<string>();
            foreach (string synonym in Compute(Text.ChineseScript.ToSimplified(word)))
            {
                string t = Text.ChineseScript.ToTraditional(synonym);
                if (!t.Equals(word, StringComparison.Ordinal) && !traditional.Contains(t))
                {
                    traditional.Add(t);
                }
            }

            return traditional.Count == 0 ? [] : [.. traditional];
        }

        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { word };
        if (found)
        {
            foreach (var (_, synonyms) in exact)
            {
                AddAll(synonyms, result, seen);
            }
        }

        if (_inflector is not null)
        {
            var analyses = new List<(string Lemma, char Pos, Inflection Kind)>();
            _inflector.Analyze(word, analyses);
            foreach (var (lemma, pos, kind) in analyses)
            {
                if (!TryGetEntries(lemma, out var entries))
                {
                    continue;
                }

                foreach (var (entryPos, synonyms) in entries)
                {
                    if (entryPos != pos)
                    {
                        continue;
                    }

                    foreach (string synonym in synonyms)
                    {
                        if (_inflector.Inflect(synonym, pos, kind) is { } inflected && seen.Add(inflected))
                        {
                            result.Add(inflected);
                        }
                    }
                }
            }
        }

        return result.Count == 0 ? [] : [.. result];
    }

    private bool TryGetEntries(string key, out (char Pos, string[] Synonyms)[] entries)
    {
        if (_index is not null)
        {
            entries = _index.Entries(key)!;
            return entries is not null;
        }

        return _entries!.TryGetValue(key, out entries!);
    }

    private static void AddAll(string[] synonyms, List<string> result, HashSet<string> seen)
    {
        foreach (string s in synonyms)
        {
            if (seen.Add(s))
            {
                result.Add(s);
            }
        }
    }

    private static SynonymFormat Detect(string path)
    {
        using var reader = new StreamReader(path, Encoding.Latin1);
        string? first = reader.ReadLine();
        string? second = reader.ReadLine();
        if (first is not null && CilinCodeLength(first) > 0)
        {
            return SynonymFormat.Cilin;
        }

        bool encodingLine = first is not null && first.Length < 40 && !first.Contains('\t', StringComparison.Ordinal) && !first.Contains('|', StringComparison.Ordinal);
        return encodingLine && second is not null && second.Contains('|', StringComparison.Ordinal) ? SynonymFormat.MyThes : SynonymFormat.Tsv;
    }

    /// <summary>
    /// The length of a Cilin row's code (<c>Aa01A01=</c>: a capital, a small letter, two digits, a capital, two
    /// digits, then one of <c>= # @</c>), or 0 when <paramref name="line"/> does not start with one.
    /// </summary>
    private static int CilinCodeLength(string line) =>
        line.Length >= 8 && char.IsAsciiLetterUpper(line[0]) && char.IsAsciiLetterLower(line[1]) && char.IsAsciiDigit(line[2])
        && char.IsAsciiDigit(line[3]) && char.IsAsciiLetterUpper(line[4]) && char.IsAsciiDigit(line[5]) && char.IsAsciiDigit(line[6])
        && line[7] is '=' or '#' or '@' ? 8 : 0;

    /// <summary>Cilin: every word of an <c>=</c> row is a synonym of every other word of that row.</summary>
    private static void ReadCilin(IEnumerable<string> lines, string source, Builder builder)
    {
        long lineNumber = 0;
        foreach (string line in lines)
        {
            lineNumber++;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            if (CilinCodeLength(line) == 0)
            {
                throw new DataFormatException(source, lineNumber, 1,
                    $"expected a Cilin row 'Aa01A01= word word …' (a code of a capital, a small letter, two digits, a capital, two digits and one of = # @) but found '{Shorten(line)}'.");
            }

            if (line[7] != '=')
            {
                continue; // '#': related words, not substitutes; '@': a word with no synonym.
            }

            CheckLine(source, lineNumber, line.AsSpan(0, 7), 1, line.AsSpan(8), 9, ' ');
            string[] words = line[8..].Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (string word in words)
            {
                builder.Add(word, '\0', words);
            }
        }
    }

    private static string Shorten(string value) => value.Length <= 80 ? value : value[..80] + "…";

    /// <summary>MyThes: an encoding line, then <c>word|n</c> followed by n lines <c>(pos)|syn|syn…</c>.</summary>
    private static void ReadMyThes(string path, Builder builder)
    {
        using var probe = new StreamReader(path, Encoding.Latin1);
        string encodingName = (probe.ReadLine() ?? "").Trim();
        Encoding encoding = encodingName.ToUpperInvariant() switch
        {
            "UTF-8" or "UTF8" => new UTF8Encoding(false, true),
            "ISO8859-1" or "ISO-8859-1" or "LATIN1" => Encoding.Latin1,
            "US-ASCII" or "ASCII" => Encoding.ASCII,
            _ => throw new DataFormatException(path, 1, 1, $"MyThes encoding '{encodingName}' is not supported; convert the file to UTF-8 (iconv) and change its first line to UTF-8."),
        };
        probe.Dispose();
        if (encoding is UTF8Encoding)
        {
            Corpus.Utf8LineReader.EnsureFileIsUtf8(path);
        }

        using var reader = new StreamReader(path, encoding);
        reader.ReadLine();
        long lineNumber = 1;
        while (reader.ReadLine() is { } header)
        {
            lineNumber++;
            if (header.Length == 0)
            {
                continue;
            }

            int bar = header.LastIndexOf('|');
            if (bar <= 0 || !int.TryParse(header.AsSpan(bar + 1), out int meanings) || meanings < 0)
            {
                throw new DataFormatException(path, lineNumber, 1, $"expected an entry header 'word|count' but found '{header}'.");
            }

            string word = header[..bar];
            for (int m = 0; m < meanings; m++)
            {
                string? meaning = reader.ReadLine();
                lineNumber++;
                if (meaning is null || meaning.Length == 0 || meaning[0] != '(' && meaning[0] != '-')
                {
                    throw new DataFormatException(path, lineNumber, 1,
                        $"entry '{word}' promises {meanings} meaning lines '(pos)|syn|syn' but line {m + 1} is '{meaning ?? "end of file"}'.");
                }

                int posEnd = meaning.IndexOf('|', StringComparison.Ordinal);
                if (posEnd >= 0)
                {
                    CheckLine(path, lineNumber, word, 1, meaning.AsSpan(posEnd + 1), posEnd + 2, '|');
                }

                string[] fields = meaning.Split('|');
                char pos = fields[0] switch { "(noun)" => 'n', "(verb)" => 'v', "(adj)" => 'a', "(adv)" => 'r', _ => '\0' };
                var synonyms = new List<string>(fields.Length - 1);
                for (int f = 1; f < fields.Length; f++)
                {
                    string s = fields[f].Trim();
                    // Annotated terms are hypernyms, antonyms or merely related: not substitutes.
                    // "(similar term)" is kept without its note.
                    const string similar = " (similar term)";
                    if (s.EndsWith(similar, StringComparison.Ordinal))
                    {
                        s = s[..^similar.Length];
                    }
                    else if (s.EndsWith(')'))
                    {
                        continue;
                    }

                    if (s.Length > 0)
                    {
                        synonyms.Add(s);
                    }
                }

                builder.Add(word, pos, synonyms);
            }
        }
    }

    /// <summary>
    /// Enforces <see cref="MaxSynonymsPerLine"/> and <see cref="MaxWordLength"/> on one line: its head word and its
    /// synonyms field (<paramref name="separator"/>-separated, not yet split), in one pass with no allocation.
    /// </summary>
    private static void CheckLine(string path, long lineNumber, ReadOnlySpan<char> head, int headColumn, ReadOnlySpan<char> synonymsText, int synonymsColumn, char separator = ',')
    {
        CheckHead(path, lineNumber, head, headColumn);
        int count = 0;
        for (int start = 0; start <= synonymsText.Length;)
        {
            int comma = synonymsText[start..].IndexOf(separator);
            int end = comma < 0 ? synonymsText.Length : start + comma;
            ReadOnlySpan<char> synonym = synonymsText[start..end].Trim();
            if (!synonym.IsEmpty)
            {
                count++;
                if (synonym.Length > MaxWordLength)
                {
                    throw TooLongSynonym(path, lineNumber, synonymsColumn + start, synonym);
                }
            }

            start = end + 1;
        }

        if (count > MaxSynonymsPerLine)
        {
            throw TooManySynonyms(path, lineNumber, synonymsColumn, count);
        }
    }

    private static void CheckHead(string path, long lineNumber, ReadOnlySpan<char> head, int headColumn)
    {
        if (head.Length > MaxWordLength)
        {
            throw new DataFormatException(path, lineNumber, headColumn,
                $"the head word is {head.Length:N0} characters long; a word may have at most {MaxWordLength:N0}.");
        }
    }

    private static DataFormatException TooManySynonyms(string path, long lineNumber, int column, int count) =>
        new(path, lineNumber, column,
            $"the line lists {count:N0} synonyms; a line may list at most {MaxSynonymsPerLine:N0}. Split the entry or check that the file is a synonym dictionary.");

    private static DataFormatException TooLongSynonym(string path, long lineNumber, int column, ReadOnlySpan<char> synonym) =>
        new(path, lineNumber, column,
            $"a synonym is {synonym.Length:N0} characters long ('{synonym[..40]}…'); a word may have at most {MaxWordLength:N0}.");

    /// <summary>
    /// The TSV format (<c>word&lt;TAB&gt;[pos&lt;TAB&gt;]syn1,syn2</c>) held as the file's text with an index from each
    /// lower-case head word to its lines; every line is checked when the file is read, a word's synonym lists are
    /// split when it is looked up. Gives the same entries as <see cref="Builder"/> would: a word's lines in file
    /// order, grouped by part of speech, duplicates and the head word itself left out.
    /// </summary>
    private sealed class TsvIndex
    {
        private readonly string _text;
        private readonly Dictionary<string, (int First, int Last)> _heads;
        private readonly Dictionary<string, (int First, int Last)>.AlternateLookup<ReadOnlySpan<char>> _headLookup;
        private readonly List<(int Start, int Length, char Pos, int Next)> _lines;

        private TsvIndex(string text, Dictionary<string, (int, int)> heads, List<(int, int, char, int)> lines, bool hasPos)
        {
            _text = text;
            _heads = heads;
            _headLookup = heads.GetAlternateLookup<ReadOnlySpan<char>>();
            _lines = lines;
            HasPos = hasPos;
        }

        public int Count => _heads.Count;

        /// <summary>Whether any line has a part-of-speech column (the WordNet format).</summary>
        public bool HasPos { get; }

        /// <exception cref="DataFormatException">The file is not UTF-8 or a line is malformed; names the file and line.</exception>
        public static TsvIndex Read(string path)
        {
            byte[] bytes = File.ReadAllBytes(path);
            if (!System.Text.Unicode.Utf8.IsValid(bytes))
            {
                Corpus.Utf8LineReader.EnsureFileIsUtf8(path); // names the line and byte offset
            }

            ReadOnlySpan<byte> content = bytes.AsSpan().StartsWith("\uFEFF"u8) ? bytes.AsSpan(3) : bytes;
            return Parse(Encoding.UTF8.GetString(content), path);
        }

        /// <summary>Indexes the text of a TSV dictionary; <paramref name="path"/> names it in errors.</summary>
        /// <exception cref="DataFormatException">A line is malformed; names the line.</exception>
        public static TsvIndex Parse(string text, string path)
        {
            var heads = new Dictionary<string, (int First, int Last)>(StringComparer.Ordinal);
            var lookup = heads.GetAlternateLookup<ReadOnlySpan<char>>();
            var lines = new List<(int Start, int Length, char Pos, int Next)>();
            bool hasPos = false;
            long lineNumber = 0;
            int at = 0;
            Span<char> lower = stackalloc char[128];
            while (at < text.Length)
            {
                ReadOnlySpan<char> rest = text.AsSpan(at);
                int end = rest.IndexOfAny('\r', '\n');
                ReadOnlySpan<char> line = end < 0 ? rest : rest[..end];
                int lineStart = at;
                at += end < 0 ? rest.Length : end + (rest[end] == '\r' && end + 1 < rest.Length && rest[end + 1] == '\n' ? 2 : 1);
                lineNumber++;
                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }

                int tabs = line.Count('\t');
                int firstTab = line.IndexOf('\t');
                char pos = '\0';
                if (tabs == 2)
                {
                    int secondTab = firstTab + 1 + line[(firstTab + 1)..].IndexOf('\t');
                    ReadOnlySpan<char> posField = line[(firstTab + 1)..secondTab];
                    if (posField is not ("n" or "v" or "a" or "r"))
                    {
                        throw new DataFormatException(path, lineNumber, firstTab + 2,
                            $"part of speech '{posField}' is not one of n, v, a, r (format: word<TAB>pos<TAB>syn1,syn2).");
                    }

                    pos = posField[0];
                    hasPos = true;
                }
                else if (tabs != 1)
                {
                    // The column: the line's end when it has no tab, else the third tab, where a fourth field starts.
                    int extra = tabs == 0 ? line.Length : firstTab;
                    for (int more = 0; tabs > 0 && more < 2; more++)
                    {
                        extra += 1 + line[(extra + 1)..].IndexOf('\t');
                    }

                    throw new DataFormatException(path, lineNumber, extra + 1,
                        $"expected 2 or 3 tab-separated fields (word<TAB>syn1,syn2 or word<TAB>pos<TAB>syn1,syn2) but found {tabs + 1}"
                        + (tabs == 0 ? "; the line ends here." : "; field 4 starts after this tab."));
                }

                ReadOnlySpan<char> head = line[..firstTab].Trim();
                if (head.Length == 0)
                {
                    throw new DataFormatException(path, lineNumber, 1, "the head word is empty.");
                }

                // The tokenizer never yields a token with a space, so such head words could never be looked up;
                // a line with no synonym at all adds nothing.
                int lastTab = line.LastIndexOf('\t');
                ReadOnlySpan<char> synonyms = line[(lastTab + 1)..];
                CheckLine(path, lineNumber, line[..firstTab], 1, synonyms, lastTab + 2);
                if (head.Contains(' ') || !HasSynonym(synonyms))
                {
                    continue;
                }

                Span<char> key = head.Length <= lower.Length ? lower[..head.Length] : new char[head.Length];
                head.ToLowerInvariant(key);
                int index = lines.Count;
                lines.Add((lineStart + lastTab + 1, synonyms.Length, pos, -1));
                if (lookup.TryGetValue(key, out var chain))
                {
                    lines[chain.Last] = lines[chain.Last] with { Next = index };
                    lookup[key] = (chain.First, index);
                }
                else
                {
                    lookup[key] = (index, index);
                }
            }

            return new TsvIndex(text, heads, lines, hasPos);
        }

        private static bool HasSynonym(ReadOnlySpan<char> field)
        {
            foreach (char c in field)
            {
                if (c != ',' && !char.IsWhiteSpace(c))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The entries of <paramref name="key"/> (lower case), or null when it is not a head word.</summary>
        public (char Pos, string[] Synonyms)[]? Entries(string key)
        {
            if (!_headLookup.TryGetValue(key, out var chain))
            {
                return null;
            }

            var builder = new Builder();
            for (int i = chain.First; i >= 0; i = _lines[i].Next)
            {
                var (start, length, pos, _) = _lines[i];
                builder.Add(key, pos, _text.Substring(start, length).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
            }

            return builder.Build()[key];
        }
    }

    private sealed class Builder
    {
        // Each (word, part of speech) keeps its synonyms in order and a set of them, so that adding is O(1) per synonym.
        private readonly Dictionary<string, List<(char Pos, List<string> Synonyms, HashSet<string> Seen)>> _entries = new(StringComparer.Ordinal);

        public void Add(string word, char pos, IReadOnlyList<string> synonyms)
        {
            string key = word.Trim().ToLowerInvariant();
            // The tokenizer never yields a token with a space, so such head words could never be looked up.
            if (key.Length == 0 || key.Contains(' ', StringComparison.Ordinal) || synonyms.Count == 0)
            {
                return;
            }

            if (!_entries.TryGetValue(key, out var list))
            {
                _entries[key] = list = [];
            }

            int index = list.FindIndex(e => e.Pos == pos);
            if (index < 0)
            {
                list.Add((pos, [], new HashSet<string>(StringComparer.Ordinal)));
                index = list.Count - 1;
            }

            var (_, kept, seen) = list[index];
            foreach (string s in synonyms)
            {
                if (!s.Equals(key, StringComparison.OrdinalIgnoreCase) && seen.Add(s))
                {
                    kept.Add(s);
                }
            }
        }

        public Dictionary<string, (char, string[])[]> Build()
        {
            var result = new Dictionary<string, (char, string[])[]>(_entries.Count, StringComparer.Ordinal);
            foreach (var (word, list) in _entries)
            {
                result[word] = list.ConvertAll(e => (e.Pos, e.Synonyms.ToArray())).ToArray();
            }

            return result;
        }
    }
}
