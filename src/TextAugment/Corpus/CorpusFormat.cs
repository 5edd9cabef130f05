namespace TextAugment.Corpus;

/// <summary>Corpus file formats.</summary>
public enum CorpusFormat
{
    /// <summary>
    /// Plain tab-separated values with a header line, as pandas and spreadsheets write them: a field is taken as it is
    /// (a backslash is a backslash: <c>C:\temp\new</c> stays so). A field cannot hold a tab or a line break; writing one
    /// is an error that names <see cref="TsvEscaped"/>, CSV and JSON Lines, which can.
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
    /// fastText's classification format (<c>fasttext</c>): one example per line, the label as a leading <c>__label__NAME</c>
    /// token, the text after it (<c>__label__pos a fine film</c>); a line without one is unlabelled. One label per line.
    /// </summary>
    FastText,
}

/// <summary>Helpers for <see cref="CorpusFormat"/>.</summary>
public static class CorpusFormats
{
    /// <summary>The names used in pipelines and on the command line.</summary>
    public static IReadOnlyList<string> Names { get; } = ["tsv", "tsv-escaped", "csv", "jsonl", "text", "fasttext"];

    /// <summary>Parses a format name (<c>tsv</c>, <c>tsv-escaped</c>, <c>csv</c>, <c>jsonl</c>, <c>text</c>, <c>fasttext</c>); null when unknown.</summary>
    public static CorpusFormat? Parse(string name) => name switch
    {
        "tsv" => CorpusFormat.Tsv,
        "tsv-escaped" => CorpusFormat.TsvEscaped,
        "fasttext" => CorpusFormat.FastText,
        "csv" => CorpusFormat.Csv,
        "jsonl" or "ndjson" => CorpusFormat.Jsonl,
        "text" or "txt" => CorpusFormat.Text,
        _ => null,
    };

    /// <summary>The format a file's extension implies (<c>.tsv</c>, <c>.csv</c>, <c>.jsonl</c>/<c>.ndjson</c>, <c>.txt</c>,
    /// <c>.ft</c>/<c>.fasttext</c>); null when it implies none.</summary>
    public static CorpusFormat? FromExtension(string path)
    {
        string ext = Path.GetExtension(path).TrimStart('.').ToLowerInvariant();
        return ext.Length == 0 ? null : ext == "ft" ? CorpusFormat.FastText : Parse(ext);
    }

    /// <summary>
    /// The format of a labelled corpus file: its extension's, else <paramref name="fallback"/>; but a file whose first
    /// non-empty line starts with fastText's <c>__label__</c> is read as <see cref="CorpusFormat.FastText"/> when the
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

        return text.TrimStart("\r\n \t"u8).StartsWith("__label__"u8);
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
