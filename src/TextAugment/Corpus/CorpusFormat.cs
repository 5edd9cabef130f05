namespace TextAugment.Corpus;

/// <summary>Corpus file formats.</summary>
public enum CorpusFormat
{
    /// <summary>
    /// Plain tab-separated values with a header line (IANA's text/tab-separated-values, as Unix tools, many datasets and
    /// this library write them): a field is taken as it is, quotes and backslashes included (<c>"Great" movie</c> and
    /// <c>C:\temp\new</c> stay so). A field cannot hold a tab or a line break; writing one is an error that names
    /// <see cref="TsvQuoted"/>, <see cref="TsvEscaped"/>, CSV and JSON Lines, which can. A field quoted as pandas writes
    /// TSV (<c>"He said ""hi"""</c>, or a header name in quotes) is refused on reading, naming <see cref="TsvQuoted"/>,
    /// and on writing (see <see cref="TsvQuoting"/>), rather than read with its quotes as text.
    /// </summary>
    Tsv,
    /// <summary>Comma-separated values (RFC 4180): quoted fields may hold commas, doubled quotes and line breaks.</summary>
    Csv,
    /// <summary>One JSON object per line.</summary>
    Jsonl,
    /// <summary>One text per line, no label.</summary>
    Text,
    /// <summary>
    /// Tab-separated values in the escaped dialect (<c>tsv-escaped</c>): inside a field <c>\t</c>, <c>\n</c>, <c>\r</c> and
    /// <c>\\</c> stand for a tab, a line feed, a carriage return and a backslash, so any text fits on one line.
    /// </summary>
    TsvEscaped,
    /// <summary>
    /// fastText's classification format (<c>fasttext</c>): one example per line, the label a word <c>__label__NAME</c> wherever
    /// it stands on the line, as fastText reads it (<c>__label__pos a fine film</c>, <c>a fine film __label__pos</c>); the text
    /// is the rest of the line. A line without one is unlabelled (an error where labels are needed); a second label on a line
    /// is an error naming its line and column (multi-label data is not supported).
    /// </summary>
    FastText,
    /// <summary>
    /// Tab-separated values quoted as pandas' <c>to_csv(sep='\t')</c>, Python's csv module (<c>excel-tab</c>) and R's
    /// <c>write.table</c> write them (<c>tsv-quoted</c>): RFC 4180's quoting with tabs, so a field in quotes may hold tabs,
    /// line breaks and doubled quotes (<c>"He said ""hi"" to me"</c>); a quote inside an unquoted field is an error.
    /// Written the same way: a field that holds a quote, a tab or a line break is quoted.
    /// </summary>
    TsvQuoted,
}

/// <summary>Helpers for <see cref="CorpusFormat"/>.</summary>
public static class CorpusFormats
{
    /// <summary>The names used in pipelines and on the command line.</summary>
    public static IReadOnlyList<string> Names { get; } = ["tsv", "tsv-escaped", "tsv-quoted", "csv", "jsonl", "text", "fasttext"];

    /// <summary>Whether a field of <paramref name="format"/> may hold a line break in quotes (csv, tsv-quoted), so that a record may span lines and the file cannot be split at byte offsets.</summary>
    public static bool MayHoldLineBreaks(CorpusFormat format) => format is CorpusFormat.Csv or CorpusFormat.TsvQuoted;

    /// <summary>Parses a format name (<c>tsv</c>, <c>tsv-escaped</c>, <c>tsv-quoted</c>, <c>csv</c>, <c>jsonl</c>, <c>text</c>, <c>fasttext</c>); null when unknown.</summary>
    public static CorpusFormat? Parse(string name) => name switch
    {
        "tsv" => CorpusFormat.Tsv,
        "tsv-escaped" => CorpusFormat.TsvEscaped,
        "tsv-quoted" => CorpusFormat.TsvQuoted,
        "fasttext" => CorpusFormat.FastText,
        "csv" => CorpusFormat.Csv,
        "jsonl" or "ndjson" => CorpusFormat.Jsonl,
        "text" or "txt" => CorpusFormat.Text,
        _ => null,
    };

    /// <summary>The name of <paramref name="format"/> as pipelines and the command line write it (the inverse of <see cref="Parse"/>).</summary>
    public static string Name(CorpusFormat format) => format switch
    {
        CorpusFormat.TsvEscaped => "tsv-escaped",
        CorpusFormat.TsvQuoted => "tsv-quoted",
        CorpusFormat.FastText => "fasttext",
        _ => format.ToString().ToLowerInvariant(),
    };

    /// <summary>The format a file's extension implies (<c>.tsv</c>, <c>.csv</c>, <c>.jsonl</c>/<c>.ndjson</c>, <c>.txt</c>,
    /// <c>.ft</c>/<c>.fasttext</c>); null when it implies none.</summary>
    public static CorpusFormat? FromExtension(string path)
    {
        string ext = Path.GetExtension(path).TrimStart('.').ToLowerInvariant();
        return ext.Length == 0 ? null : ext == "ft" ? CorpusFormat.FastText : Parse(ext);
    }

    /// <summary>Extensions of compressed files, which no reader or writer of ours handles.</summary>
    private static readonly string[] CompressedExtensions = ["gz", "gzip", "bz2", "xz", "zst", "zstd", "lz4", "lzma", "br", "zip", "7z", "z"];

    /// <summary>
    /// Why the extension of an output path names no format (<c>out.jsonl.gz</c>, <c>out.dat</c>), with what would be right;
    /// null when it names one (see <see cref="FromExtension"/>) or the name has no extension (the caller's fallback then
    /// applies, as documented). Writing such a name in a fallback format would be silent: <c>x.jsonl.gz</c> would hold
    /// plain, uncompressed TSV.
    /// </summary>
    /// <param name="path">The output path.</param>
    /// <param name="option">The option that chooses the format explicitly, for the message (e.g. <c>--output-format</c>).</param>
    public static string? UnknownExtension(string path, string option)
    {
        ArgumentNullException.ThrowIfNull(path);
        string ext = Path.GetExtension(path).TrimStart('.');
        if (ext.Length == 0 || FromExtension(path) is not null)
        {
            return null;
        }

        string names = $"a name ending in .tsv, .csv, .jsonl, .txt or .ft, or {option} FORMAT ({string.Join(", ", Names)}) to write this name in FORMAT";
        string compressed = CompressedExtensions.Contains(ext.ToLowerInvariant(), StringComparer.Ordinal)
            ? $" (output is not compressed: write '{Path.GetFileNameWithoutExtension(path)}' and compress it afterwards, or write to - and pipe through the compressor)"
            : "";
        return $"the extension '.{ext}' names no corpus format{compressed}; give {names}.";
    }

    /// <summary>
    /// Why a setting that names a column or field (<c>text</c>, <c>label</c>, <c>id</c>), or, with
    /// <paramref name="header"/>, says whether there is a header line, has no effect on <paramref name="format"/>; null when
    /// it has one. Columns: tsv, tsv-escaped, csv and jsonl have them; text and fasttext do not. A header line: tsv,
    /// tsv-escaped and csv only. The one rule for a pipeline's input keys and the commands' --text, --label and --header,
    /// which are refused where they would be ignored.
    /// </summary>
    public static string? NotApplicable(CorpusFormat format, bool header) => format switch
    {
        CorpusFormat.Text => $"the text format has no {(header ? "header line" : "columns")} (one text per line)",
        CorpusFormat.FastText => $"the fasttext format has no {(header ? "header line" : "columns")} (__label__ prefixes, then the text)",
        CorpusFormat.Jsonl when header => "the jsonl format has no header line (each JSON object names its fields)",
        _ => null,
    };

    /// <summary>
    /// The format of a labelled corpus file: its extension's, else <paramref name="fallback"/>; but a file whose first
    /// non-empty line holds a word that starts with fastText's <c>__label__</c> (anywhere on the line, where fastText reads labels) is read as <see cref="CorpusFormat.FastText"/> when the
    /// extension says text or nothing (fastText corpora are often <c>.txt</c>, <c>cooking.train</c>, <c>data.valid</c>).
    /// Standard input (<c>-</c>) and files that are not regular are not looked into.
    /// </summary>
    public static CorpusFormat ForLabelledFile(string path, CorpusFormat fallback)
    {
        CorpusFormat? fromExtension = path == "-" ? null : FromExtension(path);
        CorpusFormat format = fromExtension ?? fallback;
        if (path == "-" || fromExtension is not (null or CorpusFormat.Text) || !File.Exists(path) || FileIdentity.IsDeviceOrPipe(path))
        {
            return format;
        }

        return StartsWithFastTextLabel(path) ? CorpusFormat.FastText : format;
    }

    /// <summary>
    /// The format of a file of unlabelled text (consistency training): its extension's (.txt is text, one per line; .tsv,
    /// .csv, .jsonl, ...), else <paramref name="fallback"/> (a command line's --format for its labelled files), else text.
    /// </summary>
    public static CorpusFormat ForUnlabelledFile(string path, CorpusFormat? fallback = null) =>
        (path == "-" ? null : FromExtension(path)) ?? fallback ?? CorpusFormat.Text;

    /// <summary>
    /// The format the start of a corpus shows, for input with no name to go by (standard input): by its first non-empty
    /// line, <c>__label__</c> is <see cref="CorpusFormat.FastText"/>, <c>{</c> is <see cref="CorpusFormat.Jsonl"/>, a
    /// header with a tab-separated (else comma-separated) field named <paramref name="textColumn"/> is
    /// <see cref="CorpusFormat.Tsv"/> (else <see cref="CorpusFormat.Csv"/>); a line with a word that starts with <c>__label__</c>
    /// elsewhere is <see cref="CorpusFormat.FastText"/>; anything else is <see cref="CorpusFormat.Text"/>.
    /// </summary>
    /// <param name="head">The first bytes of the input (a few KiB are enough).</param>
    /// <param name="textColumn">The name of the text column or field (default: text).</param>
    public static CorpusFormat FromContent(ReadOnlySpan<byte> head, string textColumn = "text")
    {
        ArgumentNullException.ThrowIfNull(textColumn);
        if (head.StartsWith("\uFEFF"u8))
        {
            head = head[3..];
        }

        head = head.TrimStart("\r\n"u8);
        int end = head.IndexOfAny((byte)'\n', (byte)'\r');
        ReadOnlySpan<byte> line = end < 0 ? head : head[..end];
        if (line.StartsWith("__label__"u8))
        {
            return CorpusFormat.FastText;
        }

        if (line.TrimStart(" \t"u8).StartsWith("{"u8))
        {
            return CorpusFormat.Jsonl;
        }

        byte[] name = System.Text.Encoding.UTF8.GetBytes(textColumn);
        foreach (byte separator in "\t,"u8)
        {
            foreach (Range field in line.Split(separator))
            {
                if (line[field].Trim(" \""u8).SequenceEqual(name))
                {
                    return separator == (byte)'\t' ? CorpusFormat.Tsv : CorpusFormat.Csv;
                }
            }
        }

        // A label word later on the line (fastText reads one anywhere: "a fine film __label__pos").
        return FastTextLabels.HasLabelWord(line) ? CorpusFormat.FastText : CorpusFormat.Text;
    }

    private static bool StartsWithFastTextLabel(string path)
    {
        Span<byte> head = stackalloc byte[4096];
        int read;
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1))
        {
            read = file.Read(head);
        }

        ReadOnlySpan<byte> text = head[..read];
        if (text.StartsWith("\uFEFF"u8))
        {
            text = text[3..];
        }

        text = text.TrimStart("\r\n \t"u8);
        int end = text.IndexOfAny((byte)'\n', (byte)'\r');
        return FastTextLabels.HasLabelWord(end < 0 ? text : text[..end]);
    }
}

/// <summary>What a reader does with a malformed row.</summary>
public enum RowErrorMode
{
    /// <summary>Stop with an error naming the file and line.</summary>
    Fail,
    /// <summary>Skip the row and count it; the run's summary reports the count and the first messages.</summary>
    Skip,
}

/// <summary>
/// Where a record's id comes from when the input has no id column or field. Every example's random stream derives from
/// its id, so the id decides its variants: a source that gives a record the same id in any split of the input lets
/// shards run anywhere and be concatenated into the whole run's output.
/// </summary>
public enum IdSource
{
    /// <summary>The 1-based line number where the record starts (the default). A shard of a file counts the line breaks before its byte range (a scan, not a parse); a partition on standard input cannot know them.</summary>
    Line,
    /// <summary>The byte offset where the record starts (its first line, not a blank line before it): a shard of a file seeks straight to its byte range.</summary>
    Offset,
    /// <summary>A 64-bit FNV-1a hash of the record's text and label, in hex: the same in any split, on standard input too; identical records get identical ids, hence identical variants.</summary>
    Hash,
}

/// <summary>The names of <see cref="IdSource"/> in pipelines and on the command line: line, offset, hash.</summary>
public static class IdSources
{
    /// <summary>line, offset, hash.</summary>
    public static IReadOnlyList<string> Names { get; } = ["line", "offset", "hash"];

    /// <summary>The source named <paramref name="name"/>; null when it is none of <see cref="Names"/>.</summary>
    public static IdSource? Parse(string name) => name switch
    {
        "line" => IdSource.Line,
        "offset" => IdSource.Offset,
        "hash" => IdSource.Hash,
        _ => null,
    };
}
