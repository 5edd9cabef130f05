using System.Collections.Concurrent;
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
    private const int CacheLimit = 1 << 20;
    private readonly Dictionary<string, (char Pos, string[] Synonyms)[]>? _entries;
    private readonly TsvIndex? _index;
    private readonly EnglishInflector? _inflector;
    private readonly ConcurrentDictionary<string, string[]> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string[]>.AlternateLookup<ReadOnlySpan<char>> _cacheLookup;

    private SynonymDictionary(Dictionary<string, (char, string[])[]>? entries, TsvIndex? index, EnglishInflector? inflector)
    {
        _entries = entries;
        _index = index;
        _inflector = inflector;
        _cacheLookup = _cache.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Number of head words.</summary>
    public int Count => _index?.Count ?? _entries!.Count;

    /// <summary>Whether inflected words are looked up through their lemmas.</summary>
    public bool Inflects => _inflector is not null;

    /// <summary>Loads a dictionary file.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="DataFormatException">A line is malformed; the message names the file and line.</exception>
    public static SynonymDictionary Load(string path, SynonymDictionaryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= new SynonymDictionaryOptions();
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: synonym dictionary not found.", path);
        }

        Corpus.FileIdentity.EnsureRegularFile(path, "synonym dictionary", "it is read twice (once to detect its format), so it must be a regular file");

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
        ReadMyThes(path, builder);
        bool inflect = options.Inflection == InflectionMode.English;
        return new SynonymDictionary(builder.Build(), null, inflect ? EnglishInflector.Default : null);
    }

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
    /// inflects, also the synonyms of its lemmas, inflected like the word (<c>films</c> → <c>movies</c>).
    /// Empty when there are none. The span stays valid for the dictionary's lifetime.
    /// </summary>
    public ReadOnlySpan<string> GetSynonyms(ReadOnlySpan<char> word)
    {
        Span<char> lower = word.Length <= 128 ? stackalloc char[word.Length] : new char[word.Length];
        word.ToLowerInvariant(lower);
        if (_cacheLookup.TryGetValue(lower, out string[]? cached))
        {
            return cached;
        }

        string key = lower.ToString();
        string[] synonyms = Compute(key);
        if (_cache.Count < CacheLimit)
        {
            _cache.TryAdd(key, synonyms);
        }

        return synonyms;
    }

    private string[] Compute(string word)
    {
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { word };
        if (TryGetEntries(word, out var exact))
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
        bool encodingLine = first is not null && first.Length < 40 && !first.Contains('\t', StringComparison.Ordinal) && !first.Contains('|', StringComparison.Ordinal);
        return encodingLine && second is not null && second.Contains('|', StringComparison.Ordinal) ? SynonymFormat.MyThes : SynonymFormat.Tsv;
    }

    /// <summary>MyThes: an encoding line, then <c>word|n</c> followed by n lines <c>(pos)|syn|syn…</c>.</summary>
    private static bool ReadMyThes(string path, Builder builder)
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

        return true;
    }

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
            string text = Encoding.UTF8.GetString(content);
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
                    throw new DataFormatException(path, lineNumber, 0,
                        $"expected 2 or 3 tab-separated fields (word<TAB>syn1,syn2 or word<TAB>pos<TAB>syn1,syn2) but found {tabs + 1}.");
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
        private readonly Dictionary<string, List<(char Pos, List<string> Synonyms)>> _entries = new(StringComparer.Ordinal);

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
                list.Add((pos, []));
                index = list.Count - 1;
            }

            foreach (string s in synonyms)
            {
                if (!s.Equals(key, StringComparison.OrdinalIgnoreCase) && !list[index].Synonyms.Contains(s))
                {
                    list[index].Synonyms.Add(s);
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
