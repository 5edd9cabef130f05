using System.Globalization;

namespace TextAugment.Corpus;

/// <summary>
/// Writes output rows: columns <c>id</c>, <c>variant</c> (0 for the original), <c>text</c>, <c>label</c>.
/// </summary>
internal abstract class RowFormatter
{
    /// <summary>The output's name for a refusal's message: its path, or <c>&lt;stdout&gt;</c>.</summary>
    private string _output = "the output";

    private long _looksQuoted;

    /// <summary>
    /// Plain TSV values written so far that start and end with a quote and double the quotes inside, as pandas quotes a
    /// field (<see cref="TsvQuoting.LooksQuoted"/>): plain TSV holds them as they are, but its readers (ours included)
    /// take them for pandas' quoting. A stage can make one from a text that was not (a deletion inside
    /// <c>"big ""red"" dog" barks</c>), so they are written and counted, not refused mid-run. Thread-safe.
    /// </summary>
    public long LooksQuoted => Interlocked.Read(ref _looksQuoted);

    /// <summary>The formatter of <paramref name="format"/>; its refusals (a value the format cannot hold) name
    /// <paramref name="output"/>, the example's id and the variant.</summary>
    public static RowFormatter For(CorpusFormat format, string output = "the output")
    {
        RowFormatter formatter = format switch
        {
            CorpusFormat.Tsv => new Delimited('\t', escaped: false, quoted: false),
            CorpusFormat.TsvEscaped => new Delimited('\t', escaped: true, quoted: false),
            CorpusFormat.TsvQuoted => new Delimited('\t', escaped: false, quoted: true),
            CorpusFormat.Csv => new Delimited(',', escaped: false, quoted: true),
            CorpusFormat.Jsonl => new Jsonl(),
            CorpusFormat.FastText => new FastText(),
            _ => new PlainText(),
        };
        formatter._output = output;
        return formatter;
    }

    /// <summary>
    /// A value the output format cannot hold, named by the output, the example's id and the variant. The id is shown as the
    /// refused value is (<see cref="Shorten"/>: tabs and line breaks escaped), since it may hold the very character refused.
    /// </summary>
    private DataFormatException Refusal(ReadOnlySpan<char> id, int variant, string message) =>
        new(_output, 0, 0, $"example '{Shorten(id)}' (variant {variant}) {message}");

    /// <summary>
    /// What <paramref name="output"/> in <paramref name="format"/> does not write of an input in <paramref name="input"/>
    /// that had ids, labels and <paramref name="otherColumns"/> (columns or fields beside text, label and id), as a warning;
    /// null when nothing is left out. Text keeps only the texts; fastText the labels and texts; tsv and csv the columns id,
    /// variant, text and label; jsonl those fields and, from jsonl input, the other fields as they were.
    /// </summary>
    internal static string? NotWritten(string output, CorpusFormat format, CorpusFormat input, bool ids, bool labels, IReadOnlyList<string> otherColumns)
    {
        var lost = new List<string>();
        if (ids && format is CorpusFormat.Text or CorpusFormat.FastText)
        {
            lost.Add("ids");
        }

        if (labels && format == CorpusFormat.Text)
        {
            lost.Add("labels");
        }

        if (otherColumns.Count > 0 && !(format == CorpusFormat.Jsonl && input == CorpusFormat.Jsonl))
        {
            string kind = input == CorpusFormat.Jsonl ? "field" : "column";
            lost.Add((otherColumns.Count == 1 ? $"the {kind} " : $"the {kind}s ") + Join(otherColumns.Select(c => $"'{Shorten(c)}'")));
        }

        if (lost.Count == 0)
        {
            return null;
        }

        string keeps = format switch
        {
            CorpusFormat.Text => "text output keeps only the texts",
            CorpusFormat.FastText => "fastText output keeps only the labels and the texts",
            CorpusFormat.Jsonl => "jsonl output writes the fields id, variant, text and label (and keeps other fields only from jsonl input)",
            _ => $"{CorpusFormats.Name(format)} output writes the columns id, variant, text and label",
        };
        bool one = lost.Count == 1 && !(lost[0] is "ids" or "labels") && otherColumns.Count == 1;
        return $"{output}: {keeps}: {Join(lost)} {(one ? "is" : "are")} not written.";
    }

    /// <summary>"a", "a and b", "a, b and c".</summary>
    private static string Join(IEnumerable<string> items)
    {
        List<string> list = [.. items];
        return list.Count < 2 ? string.Concat(list) : string.Join(", ", list.Take(list.Count - 1)) + " and " + list[^1];
    }

    public abstract void WriteHeader(CharBuffer destination);

    /// <exception cref="DataFormatException">The format cannot hold the text (a line break in plain text).</exception>
    /// <param name="destination">Where the row goes.</param>
    /// <param name="id">The example's id.</param>
    /// <param name="variant">0 for the original, 1.. for the variants.</param>
    /// <param name="text">The row's text.</param>
    /// <param name="label">The label, or null.</param>
    /// <param name="source">The input example, whose original JSON label and other fields JSON Lines output carries over; null for none.</param>
    public abstract void WriteRow(CharBuffer destination, ReadOnlySpan<char> id, int variant, ReadOnlySpan<char> text, string? label, Example? source = null);

    private static void AppendInt(CharBuffer destination, int value)
    {
        Span<char> digits = stackalloc char[11];
        value.TryFormat(digits, out int n, default, CultureInfo.InvariantCulture);
        destination.Append(digits[..n]);
    }

    private sealed class Delimited(char separator, bool escaped, bool quoted) : RowFormatter
    {
        private readonly System.Buffers.SearchValues<char> _special = System.Buffers.SearchValues.Create(
            quoted ? $"{separator}\"\n\r" : escaped ? "\t\n\r\\" : "\t\n\r");

        public override void WriteHeader(CharBuffer destination)
        {
            destination.Append(separator == '\t' ? "id\tvariant\ttext\tlabel\n" : "id,variant,text,label\n");
        }

        public override void WriteRow(CharBuffer destination, ReadOnlySpan<char> id, int variant, ReadOnlySpan<char> text, string? label, Example? source = null)
        {
            Field(destination, id, id, variant, "id");
            destination.Append(separator);
            AppendInt(destination, variant);
            destination.Append(separator);
            Field(destination, text, id, variant, "text");
            destination.Append(separator);
            Field(destination, label, id, variant, "label");
            destination.Append('\n');
        }

        private void Field(CharBuffer destination, ReadOnlySpan<char> value, ReadOnlySpan<char> id, int variant, string column)
        {
            if (value.IndexOfAny(_special) < 0)
            {
                if (!quoted && !escaped && value is ['"', ..] && TsvQuoting.LooksQuoted(value, '"', header: false))
                {
                    Interlocked.Increment(ref _looksQuoted); // see LooksQuoted: written, and said at the end of the run
                }

                destination.Append(value);
                return;
            }

            if (quoted)
            {
                destination.Append('"');
                foreach (char c in value)
                {
                    if (c == '"')
                    {
                        destination.Append('"');
                    }

                    destination.Append(c);
                }

                destination.Append('"');
                return;
            }

            if (!escaped)
            {
                throw Refusal(id, variant, $"has a tab or a line break in its {column}, which plain tsv cannot hold: '{Shorten(value)}'; write format tsv-quoted, tsv-escaped, csv or jsonl instead.");
            }

            foreach (char c in value)
            {
                switch (c)
                {
                    case '\t': destination.Append("\\t"); break;
                    case '\n': destination.Append("\\n"); break;
                    case '\r': destination.Append("\\r"); break;
                    case '\\': destination.Append("\\\\"); break;
                    default: destination.Append(c); break;
                }
            }
        }
    }

    /// <summary>A value (or id) as writer messages quote it: at most 60 characters, tabs and line breaks escaped (\t, \n, \r).</summary>
    private static string Shorten(ReadOnlySpan<char> value) =>
        (value.Length > 60 ? string.Concat(value[..60], "…") : value.ToString()).Replace("\t", "\\t", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal);

    private sealed class Jsonl : RowFormatter
    {
        public override void WriteHeader(CharBuffer destination)
        {
        }

        public override void WriteRow(CharBuffer destination, ReadOnlySpan<char> id, int variant, ReadOnlySpan<char> text, string? label, Example? source = null)
        {
            destination.Append("{\"id\":");
            if (source?.IdJson is { } idJson && id.SequenceEqual(source.Id))
            {
                destination.Append(idJson);
            }
            else
            {
                JsonString(destination, id);
            }

            destination.Append(",\"variant\":");
            AppendInt(destination, variant);
            destination.Append(",\"text\":");
            JsonString(destination, text);
            destination.Append(",\"label\":");
            if (label is null)
            {
                destination.Append("null");
            }
            else if (source?.LabelJson is { } json && source.Label == label)
            {
                destination.Append(json);
            }
            else
            {
                JsonString(destination, label);
            }

            if (source?.OtherJsonFields is { } others)
            {
                destination.Append(',');
                destination.Append(others);
            }

            destination.Append("}\n");
        }

        // Non-ASCII characters are written as they are (the output is UTF-8); only what JSON requires is escaped.
        private static void JsonString(CharBuffer destination, ReadOnlySpan<char> value)
        {
            destination.Append('"');
            int start = 0;
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if (c >= 0x20 && c != '"' && c != '\\' && !char.IsSurrogate(c))
                {
                    continue;
                }

                if (char.IsSurrogate(c))
                {
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        i++;
                        continue;
                    }
                }

                destination.Append(value[start..i]);
                switch (c)
                {
                    case '"': destination.Append("\\\""); break;
                    case '\\': destination.Append("\\\\"); break;
                    case '\n': destination.Append("\\n"); break;
                    case '\r': destination.Append("\\r"); break;
                    case '\t': destination.Append("\\t"); break;
                    default:
                        destination.Append(((int)c).ToString("x4", CultureInfo.InvariantCulture).Insert(0, "\\u"));
                        break;
                }

                start = i + 1;
            }

            destination.Append(value[start..]);
            destination.Append('"');
        }
    }

    /// <summary>Refuses a text with a line break in a format of one record per line.</summary>
    private void RequireOneLine(ReadOnlySpan<char> text, ReadOnlySpan<char> id, int variant, string format, string alternatives)
    {
        if (text.IndexOfAny('\n', '\r') >= 0)
        {
            throw Refusal(id, variant, $"holds a line break, which the {format} format cannot hold; write {alternatives} instead.");
        }
    }

    private sealed class FastText : RowFormatter
    {
        private const string LabelPrefix = FastTextLabels.Prefix;

        /// <summary>Every white space and NUL: a label holding one is refused, though fastText splits words only at ASCII white
        /// space and NUL (<see cref="FastTextLabels.IsSeparator(char)"/>), since other tools split at any.</summary>
        private static readonly System.Buffers.SearchValues<char> SplitsWords = System.Buffers.SearchValues.Create(
            [.. Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(c => char.IsWhiteSpace(c) || c == '\0')]);

        /// <summary>The first word of <paramref name="text"/> that fastText (and this library's fasttext reader) would read as a label; null when none.</summary>
        private static string? LabelLikeToken(ReadOnlySpan<char> text)
        {
            int at = FastTextLabels.FindLabelWord(text, 0, out int end);
            return at < 0 ? null : text[at..end].ToString();
        }

        public override void WriteHeader(CharBuffer destination)
        {
        }

        public override void WriteRow(CharBuffer destination, ReadOnlySpan<char> id, int variant, ReadOnlySpan<char> text, string? label, Example? source = null)
        {
            RequireOneLine(text, id, variant, "fasttext", "tsv-escaped, csv or jsonl");
            if (label is not null)
            {
                // fastText splits words at any white space, \v and \f included, and at NUL: a label holding one would be read back as two.
                if (label.Length == 0 || label.AsSpan().ContainsAny(SplitsWords))
                {
                    throw Refusal(id, variant, $"has the label '{label}', which a fasttext label cannot be (it must be one word, with no white space); write tsv, csv or jsonl instead.");
                }

                destination.Append(LabelPrefix);
                destination.Append(label);
                destination.Append(' ');
            }

            if (LabelLikeToken(text) is { } token)
            {
                // fastText has no escaping: a word of the text that starts with the prefix would be read back as a label
                // (an unlabelled text would become labelled, a labelled one would get a second label).
                throw Refusal(id, variant, $"has the word '{Shorten(token)}' in its text, which fastText would read as a label ({LabelPrefix}NAME; the format has no escaping); write tsv, csv or jsonl instead.");
            }

            destination.Append(text);
            destination.Append('\n');
        }
    }

    private sealed class PlainText : RowFormatter
    {
        public override void WriteHeader(CharBuffer destination)
        {
        }

        public override void WriteRow(CharBuffer destination, ReadOnlySpan<char> id, int variant, ReadOnlySpan<char> text, string? label, Example? source = null)
        {
            RequireOneLine(text, id, variant, "text", "tsv, csv or jsonl");
            destination.Append(text);
            destination.Append('\n');
        }
    }
}
