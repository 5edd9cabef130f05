namespace TextAugment.Corpus;

/// <summary>
/// The one rule that tells plain TSV (<see cref="CorpusFormat.Tsv"/>: a quote is text) from TSV quoted as pandas'
/// <c>to_csv(sep='\t')</c>, Python's csv module and R's <c>write.table</c> write it (<see cref="CorpusFormat.TsvQuoted"/>:
/// <c>"He said ""hi"" to me"</c>), so that the plain reader refuses what would be read wrong and the plain writer refuses
/// what the plain reader would refuse (a round trip through our own TSV never fails or changes a text).
/// </summary>
internal static class TsvQuoting
{
    /// <summary>
    /// Whether <paramref name="field"/> is written as a quoted field is: enclosed in quotes, every quote inside doubled, and
    /// (for a data field) at least one doubled quote inside, <c>"He said ""hi"""</c>. A header's name only needs to be
    /// enclosed (<c>"text"</c>: writers that quote every field quote the header's names too). A text such as
    /// <c>"Great" movie</c> or <c>"machine ID" is …</c> is plain text: its quotes are kept.
    /// </summary>
    internal static bool LooksQuoted<T>(ReadOnlySpan<T> field, T quote, bool header)
        where T : IEquatable<T>
    {
        if (field.Length < 2 || !field[0].Equals(quote) || !field[^1].Equals(quote))
        {
            return false;
        }

        ReadOnlySpan<T> inside = field[1..^1];
        bool doubled = false;
        for (int i = inside.IndexOf(quote); i >= 0 && i < inside.Length;)
        {
            if (i + 1 >= inside.Length || !inside[i + 1].Equals(quote))
            {
                return false; // a lone quote inside: no quoted field
            }

            doubled = true;
            int next = inside[(i + 2)..].IndexOf(quote);
            i = next < 0 ? -1 : i + 2 + next;
        }

        return header ? !inside.IsEmpty : doubled;
    }

    /// <summary>How to name a format setting's value in a message: <c>--format tsv-quoted</c> or <c>input.format: tsv-quoted</c>.</summary>
    internal static string Setting(string formatSetting, CorpusFormat format) =>
        formatSetting.StartsWith("--", StringComparison.Ordinal) ? $"{formatSetting} {CorpusFormats.Name(format)}"
        : formatSetting.StartsWith("CorpusReaderOptions.", StringComparison.Ordinal) ? $"{formatSetting} = CorpusFormat.{format}"
        : $"{formatSetting}: {CorpusFormats.Name(format)}";

    /// <summary>The plain TSV reader's error for a field that <see cref="LooksQuoted"/>.</summary>
    internal static string QuotedFieldMessage(string formatSetting, bool header) =>
        $"the {(header ? "header's name" : "field")} is quoted, as pandas' to_csv(sep='\\t'), Python's csv module and R's write.table write TSV (\"...\", a quote inside doubled: \"\"); "
        + $"plain tsv takes quotes as text and would keep them, so the file is refused: read it with {Setting(formatSetting, CorpusFormat.TsvQuoted)}. "
        + $"If the quotes are the text's own, read it with {Setting(formatSetting, CorpusFormat.TsvEscaped)} (quotes are text there; a backslash escapes \\t, \\n, \\r and \\\\).";

    /// <summary>
    /// For a plain TSV row with the wrong number of fields: a hint when one of <paramref name="fields"/> starts with a quote
    /// and does not end with one, or ends with one and does not start with one (a quoted field that held a tab or a line
    /// break, split by the plain reader); empty otherwise.
    /// </summary>
    internal static string SplitQuotedFieldHint(IEnumerable<(int Column, string Field)> fields, string formatSetting)
    {
        foreach ((int column, string field) in fields)
        {
            bool opens = field.StartsWith('"'), closes = field.Length > (opens ? 1 : 0) && field.EndsWith('"');
            if (opens != closes)
            {
                return $" Field {column} {(opens ? "starts with a quote and does not end with one" : "ends with a quote and does not start with one")}: if the file quotes fields that hold tabs or line breaks, as pandas and Python's csv module write TSV, read it with {Setting(formatSetting, CorpusFormat.TsvQuoted)}.";
            }
        }

        return "";
    }
}
