using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace TextAugment.Corpus;

/// <summary>How to read a corpus. Every property has a documented default.</summary>
public sealed record CorpusReaderOptions
{
    /// <summary>The format. Default: <see cref="CorpusFormat.Tsv"/>.</summary>
    public CorpusFormat Format { get; init; } = CorpusFormat.Tsv;

    /// <summary>The text column (a header name, or a 1-based number when there is no header). Default: <c>text</c>.</summary>
    public string TextColumn { get; init; } = "text";

    /// <summary>The label column; when null, a column named <c>label</c> is used if there is one. Default: null.</summary>
    public string? LabelColumn { get; init; }

    /// <summary>
    /// The id column; when null, a column named <c>id</c> is used if there is one, else the line number where the record
    /// starts. In JSON Lines every object has the id field or none (an object without one among objects with one, or the
    /// reverse, and <c>"id": null</c> are errors), so an explicit id never equals another record's line-number id. Default: null.
    /// </summary>
    public string? IdColumn { get; init; }

    /// <summary>Whether a TSV or CSV file starts with a header line. Default: true.</summary>
    public bool HasHeader { get; init; } = true;

    /// <summary>What to do with a malformed row. Default: <see cref="RowErrorMode.Fail"/>.</summary>
    public RowErrorMode OnError { get; init; } = RowErrorMode.Fail;

    /// <summary>Where ids come from when there is no id column or field. Default: <see cref="IdSource.Line"/>.</summary>
    public IdSource Ids { get; init; } = IdSource.Line;

    /// <summary>
    /// When set, why the reader cannot know where its records stand in the whole input (a shard after the first read from
    /// standard input starts at its own line 1 and byte 0): a record that would take its id from its line or byte offset is
    /// then an error giving this reason, since those ids would repeat other parts' ids; <see cref="IdSource.Hash"/> and id
    /// columns are unaffected. Default: null (positions are the input's own).
    /// </summary>
    public string? PositionUnknown { get; init; }

    /// <summary>
    /// Whether a named <see cref="LabelColumn"/> may be missing: unlabelled text (consistency training) is read with the
    /// run's label column named, so that labels there are found by the run's name for them (and dropped), yet a file
    /// without that column is read too. Default: false (a named label column is required).
    /// </summary>
    internal bool LabelOptional { get; init; }

    /// <summary>
    /// How the user names these settings, for the reader's messages ("set input.text to the field that holds the text"):
    /// a pipeline section's keys, a command's options, or this type's properties. Default: <see cref="ReaderSettingNames.Library"/>.
    /// </summary>
    public ReaderSettingNames Names { get; init; } = ReaderSettingNames.Library;
}

/// <summary>
/// How the user names the settings of a read, so that a message tells them what to change in their own words: a pipeline's
/// keys (<c>input.text</c>), a command's options (<c>--text</c>), or, for code, <see cref="CorpusReaderOptions"/>' properties.
/// </summary>
/// <param name="TextColumn">The setting that names the text column or field (<c>input.text</c>, <c>--text</c>), or null when the caller has none.</param>
/// <param name="SkipMalformed">The setting that skips malformed rows (<c>input.on_error: skip</c>), or null when the caller has none.</param>
/// <param name="HashIds">The setting that takes ids from each record's content (<c>input.ids: hash</c>), or null when the caller has none.</param>
public sealed record ReaderSettingNames(string? TextColumn, string? SkipMalformed, string? HashIds)
{
    /// <summary>The setting that names the label column or field (<c>input.label</c>, <c>--label</c>), or null when the caller has none. Default: null.</summary>
    public string? LabelColumn { get; init; }

    /// <summary>The setting that names the id column or field (<c>input.id</c>), or null when the caller has none. Default: null.</summary>
    public string? IdColumn { get; init; }

    /// <summary>
    /// The setting that chooses the corpus format (<c>input.format</c>, <c>--format</c>), named with fastText's format
    /// when a header that names no text column starts with <c>__label__</c>. Default: <see cref="CorpusReaderOptions.Format"/>'s property.
    /// </summary>
    public string FormatSetting { get; init; } = "CorpusReaderOptions.Format";

    /// <summary>The names for code: <see cref="CorpusReaderOptions"/>' properties.</summary>
    public static ReaderSettingNames Library { get; } = new("CorpusReaderOptions.TextColumn", "CorpusReaderOptions.OnError = RowErrorMode.Skip", "CorpusReaderOptions.Ids = IdSource.Hash")
    {
        LabelColumn = "CorpusReaderOptions.LabelColumn",
        IdColumn = "CorpusReaderOptions.IdColumn",
    };

    /// <summary>For a file whose columns the user cannot choose (a run's own output, a fixed-column reference corpus): no hint.</summary>
    public static ReaderSettingNames None { get; } = new(null, null, null);

    /// <summary>The keys of a pipeline section that names a corpus file (<c>input</c>, <c>train.consistency.unlabelled</c>).</summary>
    public static ReaderSettingNames Pipeline(string section) => new($"{section}.text", $"{section}.on_error: skip", $"{section}.ids: hash")
    {
        LabelColumn = $"{section}.label",
        IdColumn = $"{section}.id",
        FormatSetting = $"{section}.format",
    };

    /// <summary>The setting that names the <paramref name="role"/> column (text, label or id), or null when the caller has none.</summary>
    internal string? ColumnSetting(string role) => role switch { "text" => TextColumn, "label" => LabelColumn, "id" => IdColumn, _ => null };
}

/// <summary>
/// Reads examples from a corpus one at a time (memory does not grow with the corpus). Input must be
/// UTF-8; invalid bytes are an error naming their byte offset. Disposing the reader closes the stream.
/// </summary>
public abstract class CorpusReader : IDisposable
{
    private const int KeptMessages = 10;
    private readonly List<string> _skippedMessages = [];
    private readonly Utf8LineReader _lines;

    /// <summary>The end of a split's byte range (<see cref="OpenSplit"/>): a record that starts at or past it is the next split's.</summary>
    private long _end = long.MaxValue;

    /// <summary>The byte offset of the first line of the record last read (<see cref="NextRecordLine"/>).</summary>
    private long _recordStart;
    private bool _hashId;
    private readonly CharBuffer _lineChars = new();
    private readonly char[] _idChars = new char[20]; // a record's id from its position or content: 20 digits or 16 hex digits

    private protected CorpusReader(Stream stream, string displayName, CorpusReaderOptions options)
    {
        _lines = new Utf8LineReader(stream, displayName);
        DisplayName = displayName;
        Options = options;
    }

    /// <summary>The path, or <c>&lt;stdin&gt;</c>.</summary>
    public string DisplayName { get; }

    /// <summary>The options.</summary>
    public CorpusReaderOptions Options { get; }

    /// <summary>Records read so far, skipped ones included (the header is not a record).</summary>
    public long RecordCount { get; private set; }

    /// <summary>
    /// Records skipped because their text is empty or only white space, in every format: an empty line of a text corpus, an
    /// empty TSV/CSV text field, an empty JSON text. They are counted, not augmented, not written, not trained on.
    /// </summary>
    public long EmptyTextCount { get; private set; }

    /// <summary>Whether the records read so far had ids from the input (an id column or field, not line numbers or hashes).</summary>
    internal bool HadIds { get; private protected set; }

    /// <summary>Whether a record read so far had a label.</summary>
    internal bool HadLabels { get; private set; }

    /// <summary>The line where the record last read starts (a CSV record's fields may span lines); 0 before the first.</summary>
    internal long RecordLine { get; private protected set; }

    /// <summary>
    /// The columns (tsv or csv with a header) or fields (jsonl, the first <see cref="MaxOtherColumns"/> names seen) of the
    /// records read so far that the reader does not use (not the text, label or id): what an output format may not write
    /// (<see cref="RowFormatter.NotWritten"/>).
    /// </summary>
    internal IReadOnlyList<string> OtherColumns => _otherColumns;

    private readonly List<string> _otherColumns = [];

    private const int MaxOtherColumns = 20;

    /// <summary>Adds <paramref name="name"/> to <see cref="OtherColumns"/> (once, up to <see cref="MaxOtherColumns"/>).</summary>
    private protected void NoteOtherColumn(string name)
    {
        // An input's variant column (an augmented corpus augmented again) is replaced by the output's own, not lost.
        if (name != "variant" && _otherColumns.Count < MaxOtherColumns && !_otherColumns.Contains(name))
        {
            _otherColumns.Add(name);
        }
    }

    /// <summary>Malformed rows skipped (only with <see cref="RowErrorMode.Skip"/>).</summary>
    public long SkippedCount { get; private set; }

    /// <summary>The messages of the first ten skipped rows.</summary>
    public IReadOnlyList<string> SkippedMessages => _skippedMessages;

    /// <summary>Bytes read so far (for progress).</summary>
    public long BytesRead => _lines.Position;

    /// <summary>Opens <paramref name="path"/> (or standard input for <c>-</c>).</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="DataFormatException">The header lacks a configured column.</exception>
    public static CorpusReader Open(string path, CorpusReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        bool stdin = path == "-";
        if (!stdin && !File.Exists(path))
        {
            throw MissingFile.Error(path, "input");
        }

        Stream stream = stdin ? FileIdentity.OpenStandardInput() : new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        return Create(stream, stdin ? "<stdin>" : path, options);
    }

    /// <summary>
    /// Opens the records of <paramref name="path"/> that start in the byte range [<paramref name="start"/>, <paramref name="end"/>),
    /// as Hadoop's input splits do: the reader reads the header (if any) from the start of the file, goes to
    /// <paramref name="start"/>, begins at the next record boundary, and reads on past <paramref name="end"/> to finish the
    /// last record that starts before it: a record is the split's whose range holds the first byte of its own line, blank
    /// lines before it whichever split holds them (<see cref="NextRecordLine"/>). Splits that cover a file read each record
    /// exactly once in total. One record per
    /// line only: not <see cref="CorpusFormat.Csv"/> or <see cref="CorpusFormat.TsvQuoted"/>, whose quoted fields may hold line breaks.
    /// With <see cref="IdSource.Line"/> ids the line breaks before <paramref name="start"/> are counted (a scan, not a parse);
    /// with the other sources the reader seeks there, and its errors give byte offsets, not lines (<see cref="LinesKnown"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The format is CSV, or the range is not within the file.</exception>
    public static CorpusReader OpenSplit(string path, CorpusReaderOptions options, long start, long end)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (CorpusFormats.MayHoldLineBreaks(options.Format))
        {
            throw new ArgumentException($"A {CorpusFormats.Name(options.Format)} field may hold a line break (in quotes), so such a file cannot be split at byte offsets.", nameof(options));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfLessThan(end, start);
        CorpusReader reader = Open(path, options);
        try
        {
            reader._end = end;
            if (start > reader._lines.Position && reader is JsonlReader jsonl && options.IdColumn is null)
            {
                // Every object has an id field or none, in the whole file: a split after the first learns which from the
                // file's first object (one line at offset 0), so the splits together refuse a mix as one whole read does.
                jsonl.PresumeFirstObject(path, options);
            }
            else if (start > reader._lines.Position && reader is DelimitedReader delimited && !options.HasHeader)
            {
                // Every row has as many fields as the file's first row: a split after the first learns how many from it, as
                // a split of a file with a header learns them from the header, so it refuses (or skips) the rows the whole read does.
                delimited.PresumeFirstRow(path, options);
            }

            if (start > reader._lines.Position)
            {
                if (options.Ids == IdSource.Line)
                {
                    while (reader._lines.Position < start && reader._lines.TryReadLine(out _, out _))
                    {
                    }
                }
                else
                {
                    // The byte before the range: a line break there means a record starts right at the range's start.
                    reader._lines.Seek(start - 1);
                    reader._lines.TryReadLine(out _, out _);
                }
            }

            return reader;
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>Reads from <paramref name="stream"/>; <paramref name="displayName"/> names it in errors.</summary>
    public static CorpusReader Create(Stream stream, string displayName, CorpusReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= new CorpusReaderOptions();
        try
        {
            CorpusReader reader = options.Format switch
            {
                CorpusFormat.Tsv or CorpusFormat.TsvEscaped or CorpusFormat.Csv or CorpusFormat.TsvQuoted => new DelimitedReader(stream, displayName, options),
                CorpusFormat.Jsonl => new JsonlReader(stream, displayName, options),
                CorpusFormat.FastText => new FastTextReader(stream, displayName, options),
                _ => new TextReader(stream, displayName, options),
            };
            reader.Start();
            return reader;
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Reads a whole labelled file into memory: the format from its extension (else <paramref name="columns"/>'
    /// format; a text or extension-less file whose first line starts with <c>__label__</c> is fastText's, see
    /// <see cref="CorpusFormats.ForLabelledFile"/>), the columns named as in <paramref name="columns"/>, a <c>label</c> column required.
    /// </summary>
    /// <exception cref="DataFormatException">A row is malformed or has no label.</exception>
    public static List<Example> ReadLabelled(string path, CorpusReaderOptions? columns = null) => ReadLabelled(path, columns, out _);

    /// <summary><see cref="ReadLabelled(string, CorpusReaderOptions?)"/>, also giving the number of records skipped because
    /// their text is empty or only white space (<see cref="EmptyTextCount"/>), for the caller to report.</summary>
    /// <param name="path">The file, or <c>-</c> for standard input.</param>
    /// <param name="columns">The column names (and the format used when the file's extension implies none).</param>
    /// <param name="emptyTexts">The records skipped for an empty text.</param>
    /// <param name="format">A format that overrides the extension and the fastText check (a command line's --format); null: detect.</param>
    /// <exception cref="DataFormatException">A row is malformed or has no label.</exception>
    public static List<Example> ReadLabelled(string path, CorpusReaderOptions? columns, out long emptyTexts, CorpusFormat? format = null) =>
        ReadLabelled(path, columns, out emptyTexts, format, labelLines: null);

    /// <summary><see cref="ReadLabelled(string, CorpusReaderOptions?, out long, CorpusFormat?)"/>, also filling
    /// <paramref name="labelLines"/> with the line where each distinct label first appears (<see cref="LabelLines"/>).</summary>
    internal static List<Example> ReadLabelled(string path, CorpusReaderOptions? columns, out long emptyTexts, CorpusFormat? format, Dictionary<string, long>? labelLines)
    {
        // One string per distinct label, not one per row: training holds every example.
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var examples = new List<Example>();
        var empty = new System.Runtime.CompilerServices.StrongBox<long>();
        foreach (Example e in EnumerateLabelled(path, columns, empty, format, labelLines))
        {
            if (!labels.TryGetValue(e.Label!, out string? label))
            {
                label = e.Label!;
                labels[label] = label;
            }

            examples.Add(ReferenceEquals(label, e.Label) ? e : e with { Label = label });
        }

        emptyTexts = empty.Value;
        return examples;
    }

    /// <summary>
    /// Reads a labelled file as <see cref="ReadLabelled(string, CorpusReaderOptions?)"/> does, one example at a time (nothing
    /// held): the same formats, columns and errors. Once enumerated to the end, <paramref name="emptyTexts"/> holds the number of
    /// records skipped because their text is empty or only white space.
    /// </summary>
    /// <exception cref="DataFormatException">A row is malformed or has no label.</exception>
    internal static IEnumerable<Example> EnumerateLabelled(string path, CorpusReaderOptions? columns, System.Runtime.CompilerServices.StrongBox<long> emptyTexts, CorpusFormat? format = null, Dictionary<string, long>? labelLines = null)
    {
        using CorpusReader reader = OpenLabelled(path, columns, format);
        foreach (Example e in reader.ReadLabelledRecords())
        {
            yield return e;
        }

        emptyTexts.Value = reader.EmptyTextCount;
        foreach ((string label, long line) in reader.LabelLines)
        {
            labelLines?.TryAdd(label, line);
        }
    }

    /// <summary>
    /// Whether <paramref name="path"/> holds at least one labelled example, read as <see cref="ReadLabelled(string, CorpusReaderOptions?)"/>
    /// reads it but only up to the first one (a check before a run, not a second reading of the file).
    /// </summary>
    /// <exception cref="DataFormatException">A record before the first example is malformed or has no label.</exception>
    public static bool HasLabelledExample(string path, CorpusReaderOptions? columns = null) => HasLabelledExample(path, columns, format: null);

    /// <summary><see cref="HasLabelledExample(string, CorpusReaderOptions?)"/> in <paramref name="format"/> when given (it
    /// overrides the extension, as <see cref="ReadLabelled(string, CorpusReaderOptions?, out long, CorpusFormat?)"/>'s does).</summary>
    public static bool HasLabelledExample(string path, CorpusReaderOptions? columns, CorpusFormat? format)
    {
        using CorpusReader reader = OpenLabelled(path, columns, format);
        return reader.ReadLabelledRecords().Any();
    }

    /// <summary>
    /// For a check before a run: the error that reading <paramref name="path"/> as labelled data (as
    /// <see cref="ReadLabelled(string, CorpusReaderOptions?, out long, CorpusFormat?)"/> does, in <paramref name="format"/>)
    /// gives because its header (tsv or csv with a header) or its first object (jsonl) has no label column or field; null
    /// when it has one, for other formats and headerless files, when the file has no record, and when the first record
    /// fails for another reason (the run reports that). A jsonl file whose first object has the field and a later one not
    /// is found only when the run reads it.
    /// </summary>
    internal static DataFormatException? MissingLabelColumn(string path, CorpusReaderOptions columns, CorpusFormat format)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (!(format == CorpusFormat.Jsonl || (format is CorpusFormat.Tsv or CorpusFormat.TsvQuoted or CorpusFormat.Csv && columns.HasHeader)))
        {
            return null;
        }

        try
        {
            // Read first with the label optional: a first record without it is then the missing column, not another fault.
            using CorpusReader probe = Open(path, columns with { Format = format, LabelColumn = columns.LabelColumn ?? "label", LabelOptional = true });
            if (!probe.TryRead(out Example? first) || first.Label is not null)
            {
                return null;
            }
        }
        catch (Exception other) when (other is DataFormatException or IOException or UnauthorizedAccessException)
        {
            return null;
        }

        try
        {
            using CorpusReader reader = OpenLabelled(path, columns, format);
            _ = reader.ReadLabelledRecords().FirstOrDefault();
            return null;
        }
        catch (DataFormatException error)
        {
            return error;
        }
    }

    /// <summary>Opens a labelled file: the format <paramref name="format"/> when given, else from its extension (see <see cref="CorpusFormats.ForLabelledFile"/>); the label column "label" unless named.</summary>
    private static CorpusReader OpenLabelled(string path, CorpusReaderOptions? columns, CorpusFormat? format = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        columns ??= new CorpusReaderOptions();
        return Open(path, columns with
        {
            Format = format ?? CorpusFormats.ForLabelledFile(path, columns.Format),
            LabelColumn = columns.LabelColumn ?? "label",
        });
    }

    /// <summary>The records, each required to have a label that is not empty or only white space.</summary>
    /// <exception cref="DataFormatException">A record has no label, or an empty one.</exception>
    private IEnumerable<Example> ReadLabelledRecords()
    {
        foreach (Example e in ReadAll())
        {
            if (e.Label is { } label && string.IsNullOrWhiteSpace(label))
            {
                // A model cannot hold an empty label (its loader refuses one), and a blank label is a missing value, not a class.
                throw Error(LineNumber, FormattableString.Invariant(
                    $"the label of example '{e.Id}' is {(label.Length == 0 ? "empty" : $"only white space ({Plural.Count(label.Length, "character")})")}; each example needs a label (a missing label is not a class: fill it in or remove the row)."));
            }

            yield return e.Label is not null ? e : throw Error(LineNumber, Options.Format switch
            {
                CorpusFormat.Text => "the file is plain text (one text per line), which has no labels; labelled data is tsv, csv or jsonl with a label column, or fastText's '__label__NAME text' lines.",
                CorpusFormat.FastText => "the line has no label; each line of fastText's format needs a word __label__NAME (anywhere on the line, as fastText reads it).",
                _ => "the row has no label; each row needs one.",
            });
        }
    }

    /// <summary>
    /// Reads unlabelled text for consistency training: the format <paramref name="format"/> when given, else from the
    /// extension (tsv, csv, jsonl; anything else is plain text, one example per line), the columns as
    /// <paramref name="columns"/> name them (text, id, header). Labels, in <paramref name="columns"/>' label column (default
    /// <c>label</c>) when the file has one, are dropped and counted in <paramref name="labelled"/>, so the caller can say
    /// they were ignored; a file without that column is read all the same.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="columns">The column names (a pipeline's input section's, a command line's --text, --label, --header).</param>
    /// <param name="labelled">The records that had a label (not empty or only white space).</param>
    /// <param name="format">A format that overrides the extension (a pipeline's format key, a command line's --format); null: from the extension, else text.</param>
    /// <exception cref="DataFormatException">The file holds no text, or a row is malformed.</exception>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    public static List<Example> ReadUnlabelled(string path, CorpusReaderOptions? columns, out int labelled, CorpusFormat? format = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        columns ??= new CorpusReaderOptions();
        CorpusReaderOptions options = columns with
        {
            Format = format ?? CorpusFormats.ForUnlabelledFile(path),
            LabelOptional = true, // columns.LabelColumn, or a column named label: either is used where the file has it
        };
        using CorpusReader reader = Open(path, options);
        var examples = new List<Example>();
        labelled = 0;
        foreach (Example e in reader.ReadAll())
        {
            labelled += string.IsNullOrWhiteSpace(e.Label) ? 0 : 1;
            examples.Add(e.Label is null ? e : e with { Label = null, LabelJson = null });
        }

        return examples.Count > 0 ? examples
            : throw new DataFormatException(reader.DisplayName, 1, 0, "the unlabelled file holds no text; consistency training needs unlabelled examples (one per line, or rows with a text column).");
    }

    /// <summary>Reads every example (a convenience over <see cref="TryRead"/>).</summary>
    public IEnumerable<Example> ReadAll()
    {
        while (TryRead(out Example? example))
        {
            yield return example;
        }
    }

    /// <summary>Reads the next example; false at the end of the input.</summary>
    /// <exception cref="DataFormatException">A row is malformed and <see cref="CorpusReaderOptions.OnError"/> is <see cref="RowErrorMode.Fail"/>.</exception>
    public bool TryRead([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Example? example)
    {
        example = TryReadRecord() ? RecordExample() : null;
        return example is not null;
    }

    /// <summary>
    /// Reads the next example into <paramref name="batch"/> (its id and text copied into the batch's characters: nothing is
    /// allocated per record, but for JSON Lines); false at the end of the input. The same records as <see cref="TryRead"/>.
    /// </summary>
    /// <exception cref="DataFormatException">A row is malformed and <see cref="CorpusReaderOptions.OnError"/> is <see cref="RowErrorMode.Fail"/>.</exception>
    internal bool TryReadInto(ExampleBatch batch)
    {
        if (!TryReadRecord())
        {
            return false;
        }

        bool json = RecordLabelJson is not null || RecordIdJson is not null || RecordOtherFields is not null;
        batch.Add(RecordId.Span, RecordText.Span, RecordLabel, json ? RecordExample() : null);
        return true;
    }

    /// <summary>The record just read (<see cref="TryReadCore"/>), valid until the next is read: its text and id as characters.</summary>
    private protected ReadOnlyMemory<char> RecordText { get; set; }

    /// <inheritdoc cref="RecordText"/>
    private protected ReadOnlyMemory<char> RecordId { get; set; }

    /// <summary>The record's label, or null.</summary>
    private protected string? RecordLabel { get; set; }

    /// <summary>The record's <see cref="Example.LabelJson"/>, <see cref="Example.IdJson"/> and <see cref="Example.OtherJsonFields"/> (JSON Lines only).</summary>
    private protected string? RecordLabelJson { get; set; }

    /// <inheritdoc cref="RecordLabelJson"/>
    private protected string? RecordIdJson { get; set; }

    /// <inheritdoc cref="RecordLabelJson"/>
    private protected string? RecordOtherFields { get; set; }

    private Example RecordExample() => new(RecordId.ToString(), RecordText.ToString(), RecordLabel)
    {
        LabelJson = RecordLabelJson,
        IdJson = RecordIdJson,
        OtherJsonFields = RecordOtherFields,
    };

    /// <summary>Reads the next record with a text (<see cref="RecordText"/> and the rest); false at the end of the input.</summary>
    private bool TryReadRecord()
    {
        while (true)
        {
            try
            {
                RecordLine = 0;
                if (!TryReadCore())
                {
                    return false;
                }

                if (RecordLine == 0)
                {
                    RecordLine = LineNumber; // a record of one line (every format but a CSV record whose quoted field spans lines)
                }

                if (_hashId)
                {
                    _hashId = false;
                    RecordId = _idChars.AsMemory(0, ContentHash(RecordText.Span, RecordLabel, _idChars));
                }

                RecordCount++;
                HadLabels |= RecordLabel is not null;
                if (RecordText.Span.IsWhiteSpace())
                {
                    EmptyTextCount++; // one rule for every format: an empty or white-space text is no example
                    continue;
                }

                return true;
            }
            // A row's fault, not the header's: past the header's lines, or anywhere in a split that starts past them (its
            // lines are not known: the error has no line).
            catch (DataFormatException error) when (Options.OnError == RowErrorMode.Skip && (error.Line > HeaderLines || !LinesKnown) && !error.WholeFile)
            {
                RecordCount++;
                SkippedCount++;
                if (_skippedMessages.Count < KeptMessages)
                {
                    _skippedMessages.Add(error.Message);
                }
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _lines.Dispose();
        GC.SuppressFinalize(this);
    }

    private protected virtual long HeaderLines => 0;

    /// <summary>The id of a record that has no id column or field, from <see cref="CorpusReaderOptions.Ids"/>; <paramref name="line"/> is where it starts.</summary>
    private protected ReadOnlyMemory<char> PositionId(long line)
    {
        if (Options.PositionUnknown is { } reason && Options.Ids != IdSource.Hash)
        {
            throw Error(line, $"this record has no id, and ids from its {(Options.Ids == IdSource.Offset ? "byte offset" : "line number")} would repeat other parts' ids: {reason}; give --ids hash (an id from the record's content, the same in any split) or an id column.");
        }

        switch (Options.Ids)
        {
            case IdSource.Hash:
                _hashId = true; // TryReadRecord hashes the record's content once it is read
                return default;
            default:
                long position = Options.Ids == IdSource.Offset ? _recordStart : line;
                position.TryFormat(_idChars, out int length, default, System.Globalization.CultureInfo.InvariantCulture);
                return _idChars.AsMemory(0, length);
        }
    }

    /// <summary>Where a record without an id takes its id from, for messages: "the line number", "the byte offset" or "a hash of the text and label".</summary>
    private protected string PositionIdSource => Options.Ids switch
    {
        IdSource.Offset => "the byte offset",
        IdSource.Hash => "a hash of the text and label",
        _ => "the line number",
    };

    /// <summary>64-bit FNV-1a over the text's UTF-16 code units, a tab, and the label's: 16 lower-case hex digits.</summary>
    internal static string ContentHash(string text, string? label)
    {
        Span<char> hex = stackalloc char[16];
        return new string(hex[..ContentHash(text, label, hex)]);
    }

    /// <summary>As <see cref="ContentHash(string, string?)"/>, written to <paramref name="destination"/>; returns its length, 16.</summary>
    private static int ContentHash(ReadOnlySpan<char> text, string? label, Span<char> destination)
    {
        ulong hash = 14695981039346656037UL;
        Mix(ref hash, text);
        if (label is not null)
        {
            Mix(ref hash, "\t");
            Mix(ref hash, label);
        }

        hash.TryFormat(destination, out int length, "x16", System.Globalization.CultureInfo.InvariantCulture);
        return length;

        static void Mix(ref ulong hash, ReadOnlySpan<char> value)
        {
            foreach (char c in value)
            {
                hash = (hash ^ c) * 1099511628211UL;
            }
        }
    }

    private protected virtual void Start()
    {
    }

    /// <summary>Reads the next record into <see cref="RecordText"/>, <see cref="RecordId"/> and the rest; false at the end of the input.</summary>
    private protected abstract bool TryReadCore();

    // One string per distinct label (a corpus has a few), found by its characters instead of decoding a new string on
    // every row: about 32 of the 470 bytes per line that the EDA recipe allocated (benchmarks/README.md, "Allocation
    // per row"). Bounded, so a column of all-different values costs a look-up per row and nothing more.
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _labels =
        new Dictionary<string, string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private const int MaxLabelStrings = 1024, MaxLabelChars = 128;

    private readonly Dictionary<string, long> _labelLines = new(StringComparer.Ordinal);

    /// <summary>
    /// The line where each distinct label read so far first appears (the first <see cref="MaxLabelStrings"/> labels), for
    /// messages that name where look-alike labels come from (<see cref="Classification.LabelLookalikes"/>).
    /// </summary>
    internal IReadOnlyDictionary<string, long> LabelLines => _labelLines;

    /// <summary>Notes the line where <paramref name="label"/> first appears (<see cref="LabelLines"/>); called once per distinct label but for labels the cache does not hold.</summary>
    private protected void NoteLabel(string label)
    {
        if (_labelLines.Count < MaxLabelStrings)
        {
            _labelLines.TryAdd(label, LineNumber);
        }
    }

    /// <summary>The label's string: an earlier row's with the same characters when there is one.</summary>
    private protected string Label(ReadOnlySpan<char> chars)
    {
        if (chars.Length > MaxLabelChars)
        {
            string longLabel = chars.ToString();
            NoteLabel(longLabel);
            return longLabel;
        }

        if (_labels.TryGetValue(chars, out string? label))
        {
            return label;
        }

        label = chars.ToString();
        NoteLabel(label);
        if (_labels.Dictionary.Count < MaxLabelStrings)
        {
            _labels.Dictionary.Add(label, label);
        }

        return label;
    }

    /// <summary>The first <paramref name="length"/> characters <see cref="Decode"/> gave, to change in place (valid until the next line is decoded).</summary>
    private protected Span<char> LineCharsWritable(int length) => _lineChars.Writable(0, length);

    /// <summary>Characters <see cref="Decode"/> gave (changed in place or not), from <paramref name="start"/>.</summary>
    private protected ReadOnlyMemory<char> LineChars(int start, int length) => _lineChars.Memory(start, length);

    /// <summary>The characters of <paramref name="line"/> (valid UTF-8, as <see cref="NextLine"/> checked), in a buffer reused for the next line.</summary>
    private protected ReadOnlyMemory<char> Decode(ReadOnlySpan<byte> line)
    {
        _lineChars.Clear();
        _lineChars.Length = Encoding.UTF8.GetChars(line, _lineChars.GetSpan(line.Length)); // never more characters than bytes
        return _lineChars.Memory(0, _lineChars.Length);
    }

    /// <summary>
    /// The first line of the next record, or of a line the format skips before one (a blank line): false at the end of the
    /// input, and at the end of a split (<see cref="OpenSplit"/>) when the line starts at or past it. A split owns the records
    /// that start in its range, as Hadoop's input splits do; a blank line inside the range does not carry the split over a
    /// record that starts past it (the next split reads that one). Every format reads each line that may start a record
    /// through here, so every split reader keeps this one rule; a CSV record's later lines (a quoted field's line breaks)
    /// are read with <see cref="NextLine"/>. Sets where the record starts (<see cref="IdSource.Offset"/> ids): its own
    /// line's offset, not that of a blank line before it.
    /// </summary>
    private protected bool NextRecordLine(out ReadOnlySpan<byte> line, out bool crlf)
    {
        if (_lines.Position >= _end)
        {
            line = default;
            crlf = false;
            return false;
        }

        if (!NextLine(out line, out crlf))
        {
            return false;
        }

        _recordStart = _lines.LineOffset;
        return true;
    }

    /// <summary>The next line, checked to be UTF-8 without NUL bytes.</summary>
    private protected bool NextLine(out ReadOnlySpan<byte> line, out bool crlf)
    {
        if (!_lines.TryReadLine(out line, out crlf))
        {
            return false;
        }

        _lines.EnsureUtf8(line);
        return true;
    }

    /// <summary>What to set to read another text column or field, in the caller's words (<see cref="CorpusReaderOptions.Names"/>); empty when it has no such setting.</summary>
    private protected string TextHint(string what) => ColumnHint("text", what);

    /// <summary>What to set to read another <paramref name="role"/> column or field (text, label, id), in the caller's words; empty when it has no such setting.</summary>
    private protected string ColumnHint(string role, string what) => Options.Names.ColumnSetting(role) is { } setting
        ? $" Set {setting} to the {what} that holds {(role == "text" ? "the text" : role == "label" ? "the labels" : "the ids")}." : "";

    /// <summary>", or set on_error: skip" in the caller's words; empty when it cannot skip malformed rows.</summary>
    private protected string SkipHint() => Options.Names.SkipMalformed is { } setting ? $", or set {setting}" : "";

    private protected long LineNumber => _lines.LineNumber;

    /// <summary>Byte offset of the first byte of the line last read (after a byte-order mark).</summary>
    private protected long LineContentOffset => _lines.ContentOffset;

    /// <summary>The bytes of the line last read (valid until the next line is read).</summary>
    private protected ReadOnlySpan<byte> LastLine => _lines.LastLine;

    /// <summary>The message for a blank id (empty or only white space) in the id column or field <paramref name="name"/>.</summary>
    private protected static string BlankId(string name, string id, string? hashIds) =>
        $"the id ('{name}') is {(id.Length == 0 ? "empty" : "only white space")}; rows with a blank id would all share it, and with it their random choices (and a validation split by id could hold none of them out): fill it in, or drop the id column (ids then come from the line number{(hashIds is null ? "" : $", or from the content with {hashIds}")}).";

    /// <summary>The error for a labelled file that holds no examples: <paramref name="role"/> ("training", "validation", "evaluation") needs one.</summary>
    /// <param name="path">The file as the user named it.</param>
    /// <param name="role">What the rows were for.</param>
    /// <param name="hadEmptyTexts">Whether records were skipped for an empty text (so the file had rows, none with text).</param>
    internal static DataFormatException NoExamples(string path, string role, bool hadEmptyTexts = false) =>
        new(path, 0, 0, $"the file holds no labelled examples{(hadEmptyTexts ? " with text" : " (only a header, or nothing)")}; {role} needs at least one row with a text and a label.");

    /// <summary>
    /// Whether line numbers count from the file's first line: false in a split that starts at a byte offset (<c>--shard</c>
    /// with ids from offsets or content), which does not read the lines before it. Errors and warnings then say where by
    /// the byte offset in the file alone (<see cref="RecordPlace"/>), not by a line number counted from the split's start.
    /// </summary>
    internal bool LinesKnown => _lines.LinesKnown;

    /// <summary>Where the record last read starts, for a message: <c>path:line</c>, or <c>path (byte N of the file)</c> when lines are not known.</summary>
    internal string RecordPlace => LinesKnown ? DataFormatException.Where(DisplayName, RecordLine, 0) : DataFormatException.Where(DisplayName, 0, 0, _recordStart);

    /// <summary>
    /// The error at character <paramref name="column"/> (1-based; 0: the whole line) of <paramref name="line"/>, or, where
    /// lines are not known, at the byte offset of that place: of the line last read at <paramref name="byteColumn"/>, else
    /// of the record's start.
    /// </summary>
    private DataFormatException At(long line, int column, int byteColumn, string message) => LinesKnown
        ? new(DisplayName, line, column, message)
        : DataFormatException.AtByte(DisplayName, 0, line == LineNumber ? LineContentOffset + Math.Max(0, byteColumn) : _recordStart, message);

    private protected DataFormatException Error(long line, ReadOnlySpan<byte> lineBytes, int byteColumn, string message) =>
        At(line, byteColumn < 0 ? 0 : Encoding.UTF8.GetCharCount(lineBytes[..Math.Min(byteColumn, lineBytes.Length)]) + 1, Math.Min(byteColumn, lineBytes.Length), message);

    private protected DataFormatException Error(long line, string message) => At(line, 0, 0, message);

    /// <summary>The error at character <paramref name="index"/> (0-based) of <paramref name="line"/>, the decoded line last read.</summary>
    private protected DataFormatException ErrorAtChar(ReadOnlySpan<char> line, int index, string message) =>
        At(LineNumber, index + 1, Encoding.UTF8.GetByteCount(line[..index]), message);

    /// <summary>Reads a TSV or CSV file.</summary>
    private sealed class DelimitedReader(Stream stream, string displayName, CorpusReaderOptions options)
        : CorpusReader(stream, displayName, options)
    {
        /// <summary>Whether fields are separated by commas (csv), not tabs (tsv, tsv-escaped, tsv-quoted).</summary>
        private readonly bool csv = options.Format == CorpusFormat.Csv;

        /// <summary>Whether a field may be quoted as RFC 4180 quotes it (csv, tsv-quoted), holding separators, doubled quotes and line breaks.</summary>
        private readonly bool _quoting = options.Format is CorpusFormat.Csv or CorpusFormat.TsvQuoted;

        private readonly byte _separator = options.Format == CorpusFormat.Csv ? (byte)',' : (byte)'\t';

        /// <summary>
        /// The longest CSV record, from the start of its first line to the end of its last (without that line's break), line
        /// breaks inside quoted fields included: 16 MiB, <see cref="Utf8LineReader.MaxLineBytes"/>, the longest line.
        /// </summary>
        private const int MaxRecordBytes = Utf8LineReader.MaxLineBytes;

        // The record's fields, decoded into one reused buffer (nothing is allocated per row but the label the first time it is seen).
        private readonly CharBuffer _chars = new();
        private readonly List<(int Start, int Length)> _fields = [];

        /// <summary>Where each field of <see cref="_fields"/> starts: its line and 1-based column (0 when its line is not the record's last).</summary>
        private readonly List<(long Line, int Byte)> _starts = [];
        private int _columns = -1, _text, _label = -1, _id = -1;


        private const string FastTextLabelPrefix = FastTextLabels.Prefix;

        private protected override long HeaderLines => Options.HasHeader ? 1 : 0;

        /// <summary>
        /// Takes the number of fields of the first row of the header-less file at <paramref name="path"/> as this reader's,
        /// for the rule that every row has as many fields as the first (<see cref="OpenSplit"/>: a split that starts later must
        /// hold its rows to the file's first row, not to its own). The first row is the one the whole read takes: the first
        /// that is not blank and whose fields can be read. An error that ends the whole read sets nothing: the split that
        /// holds it reports it.
        /// </summary>
        internal void PresumeFirstRow(string path, CorpusReaderOptions options)
        {
            using var first = (DelimitedReader)Open(path, options with { OnError = RowErrorMode.Fail, PositionUnknown = null });
            while (true)
            {
                try
                {
                    if (!first.ReadRecord(out _))
                    {
                        return;
                    }
                }
                catch (DataFormatException error) when (!error.WholeFile)
                {
                    continue; // skipped by a read that skips malformed rows (one that does not ends there)
                }
                catch (DataFormatException)
                {
                    return;
                }

                if (!first.IsBlankLine)
                {
                    _columns = first._fields.Count;
                    return;
                }
            }
        }

        /// <summary>Whether the record just read (<see cref="ReadRecord"/>) is a blank line, which is no row.</summary>
        private bool IsBlankLine => _fields.Count == 1 && _fields[0].Length == 0;

        private protected override void Start()
        {
            if (!Options.HasHeader)
            {
                _text = Index(Options.TextColumn, "text");
                _label = Options.LabelColumn is null ? -1 : Index(Options.LabelColumn, "label");
                _id = Options.IdColumn is null ? -1 : Index(Options.IdColumn, "id");
                HadIds = _id >= 0;
                return;
            }

            if (!ReadRecord(out long line))
            {
                throw Error(1, $"the file is empty; expected a header line naming the columns (at least '{Options.TextColumn}').");
            }

            List<string> header = [.. Enumerable.Range(0, _fields.Count).Select(i => Field(i).ToString())];
            _columns = header.Count;
            foreach (string name in (string[])[Options.TextColumn, Options.LabelColumn ?? "label", Options.IdColumn ?? "id"])
            {
                int first = header.IndexOf(name), second = first < 0 ? -1 : header.IndexOf(name, first + 1);
                if (second >= 0)
                {
                    // Taking the first silently would train on one column and drop the other (as a JSON key twice is refused).
                    throw FieldError(second, $"the header names the column '{name}' twice (columns {first + 1} and {second + 1}); a column the reader uses must be named once: rename or remove one of them.");
                }
            }

            _text = Find(header, Options.TextColumn, "text", line, required: true);
            _label = Find(header, Options.LabelColumn ?? "label", "label", line, required: Options.LabelColumn is not null && !Options.LabelOptional);
            _id = Find(header, Options.IdColumn ?? "id", "id", line, required: Options.IdColumn is not null);
            HadIds = _id >= 0;
            for (int i = 0; i < header.Count; i++)
            {
                if (i != _text && i != _label && i != _id)
                {
                    NoteOtherColumn(header[i]);
                }
            }
        }

        private int Index(string column, string role)
        {
            if (!int.TryParse(column, out int number) || number < 1)
            {
                throw Error(1, $"the {role} column is '{column}', but a file without a header names columns by number (1, 2, ...).{ColumnHint(role, "column number")}");
            }

            return number - 1;
        }

        private int Find(List<string> header, string name, string role, long line, bool required)
        {
            int index = header.IndexOf(name);
            if (index < 0 && required)
            {
                // Another format's first line read as a TSV or CSV header (fastText's __label__pos good movie, a CSV header
                // read as TSV, a JSON object): the format is wrong, not the column's name.
                string setting = $"{Options.Names.FormatSetting}{(Options.Names.FormatSetting.StartsWith("--", StringComparison.Ordinal) ? " " : ": ")}";
                string first = header.Count > 0 ? header[0].TrimStart() : "";
                string other = role == "text" && first.StartsWith(FastTextLabelPrefix, StringComparison.Ordinal)
                    ? $" The line starts with '{FastTextLabelPrefix}', as fastText's format does: give {setting}{CorpusFormats.Name(CorpusFormat.FastText)} to read it as fastText's."
                    : header.Count == 1 && !csv && first.Split(',').Contains(name)
                    ? $" The line is read as {CorpusFormats.Name(Options.Format)}: it has no tab, and '{name}' is among its comma-separated names: give {setting}{CorpusFormats.Name(CorpusFormat.Csv)} to read it as CSV."
                    : header.Count == 1 && first.StartsWith('{')
                    ? $" The line is read as {CorpusFormats.Name(Options.Format)} but starts with '{{', as JSON Lines does: give {setting}{CorpusFormats.Name(CorpusFormat.Jsonl)} to read it as JSON Lines."
                    : "";
                throw Error(line, $"the header has no {role} column '{name}'; it has: {string.Join(", ", header)}.{(other.Length > 0 ? other : ColumnHint(role, "column"))}");
            }

            return index;
        }

        private protected override bool TryReadCore()
        {
            while (true)
            {
                if (!ReadRecord(out long line))
                {
                    return false;
                }

                if (IsBlankLine)
                {
                    continue;
                }

                if (_columns < 0)
                {
                    _columns = _fields.Count;
                }

                if (_fields.Count != _columns)
                {
                    string message = $"expected {_columns} {(csv ? "comma" : "tab")}-separated fields, as in the {(Options.HasHeader ? "header" : "first row")}, but found {_fields.Count}"
                        + (_fields.Count > _columns ? $"; field {_columns + 1} starts after this {(csv ? "comma (quote a field that holds one)" : "tab")}." : "; the row ends here.")
                        + QuotingHint();
                    // At the separator before the first extra field (the byte before where it starts), or where the record ends.
                    throw _fields.Count > _columns ? FieldError(_columns, message, before: 1) : Error(LineNumber, LastLine, LastLine.Length, message);
                }

                int needed = Math.Max(_text, Math.Max(_label, _id));
                if (needed >= _fields.Count)
                {
                    string role = needed == _text ? "text" : needed == _label ? "label" : "id";
                    throw Error(line, Options.Names.ColumnSetting(role) is { } setting
                        ? $"the row has {Plural.Count(_fields.Count, "field")} but {setting} {needed + 1} names column {needed + 1} for the {role}; set {setting} to a column number from 1 to {_fields.Count}."
                        : $"the row has {Plural.Count(_fields.Count, "field")} but column {needed + 1} is needed for the {role}.");
                }

                if (_id >= 0 && Field(_id).IsWhiteSpace())
                {
                    throw FieldError(_id, BlankId(Options.HasHeader ? Options.IdColumn ?? "id" : $"column {_id + 1}", Field(_id).ToString(), Options.Names.HashIds));
                }

                RecordId = _id >= 0 ? FieldMemory(_id) : PositionId(line);
                RecordText = FieldMemory(_text);
                RecordLabel = _label >= 0 ? Label(Field(_label)) : null;
                RecordLine = line;
                return true;
            }
        }

        /// <summary>For a plain TSV row with the wrong number of fields: <see cref="TsvQuoting.SplitQuotedFieldHint"/>; empty in other formats.</summary>
        private string QuotingHint() => Options.Format != CorpusFormat.Tsv ? ""
            : TsvQuoting.SplitQuotedFieldHint(Enumerable.Range(0, _fields.Count).Select(i => (i + 1, Field(i).ToString())), Options.Names.FormatSetting);

        /// <summary>The error at the start of field <paramref name="index"/> of the record just read (its line and column), or <paramref name="before"/> bytes before it.</summary>
        private DataFormatException FieldError(int index, string message, int before = 0)
        {
            (long line, int at) = _starts[index];
            return line == LineNumber ? Error(line, LastLine, at - before, message) : Error(line, message);
        }

        private ReadOnlySpan<char> Field(int index) => _chars.Span(_fields[index].Start, _fields[index].Length);

        private ReadOnlyMemory<char> FieldMemory(int index) => _chars.Memory(_fields[index].Start, _fields[index].Length);

        /// <summary>Reads one record's fields into <see cref="_fields"/>; <paramref name="line"/> is where it starts.</summary>
        private bool ReadRecord(out long line)
        {
            _fields.Clear();
            _starts.Clear();
            _chars.Clear();
            if (!NextRecordLine(out ReadOnlySpan<byte> bytes, out _))
            {
                line = LineNumber;
                return false;
            }

            line = LineNumber;
            if (!_quoting)
            {
                foreach (Range range in bytes.Split((byte)'\t'))
                {
                    _starts.Add((line, range.Start.Value));
                    int start = _chars.Length;
                    if (Options.Format == CorpusFormat.Tsv && bytes[range] is [(byte)'"', ..] && TsvQuoting.LooksQuoted(bytes[range], (byte)'"', header: line <= HeaderLines))
                    {
                        throw Error(line, bytes, range.Start.Value, TsvQuoting.QuotedFieldMessage(Options.Names.FormatSetting, line <= HeaderLines));
                    }

                    AppendField(bytes[range]);
                    if (Options.Format == CorpusFormat.TsvEscaped)
                    {
                        _chars.Length = start + Unescape(_chars.Writable(start, _chars.Length - start));
                    }

                    _fields.Add((start, _chars.Length - start));
                }

                return true;
            }

            int i = 0;
            long recordStart = LineContentOffset;
            while (true)
            {
                int fieldStart = _chars.Length;
                _starts.Add((LineNumber, i));
                if (i < bytes.Length && bytes[i] == (byte)'"')
                {
                    long startLine = LineNumber;
                    i++;
                    while (true)
                    {
                        int quote = bytes[i..].IndexOf((byte)'"');
                        if (quote < 0)
                        {
                            AppendField(bytes[i..]);
                            _chars.Append(_lines.LineBreak); // kept as written: LF, CRLF or a lone CR
                            if (!NextLine(out bytes, out _))
                            {
                                throw Error(startLine, "a quoted field is never closed: the file ends inside it; close it with '\"'.");
                            }

                            long recordBytes = LineContentOffset + bytes.Length - recordStart;
                            if (recordBytes > MaxRecordBytes)
                            {
                                // A record is bounded as a line is: a quote left open would otherwise gather the rest of the file.
                                throw DataFormatException.AtByte(DisplayName, line, 1, recordStart, FormattableString.Invariant(
                                    $"a {CorpusFormats.Name(Options.Format).ToUpperInvariant()} record longer than {Utf8LineReader.Size(MaxRecordBytes)} ({recordBytes:N0} bytes by the end of line {LineNumber}, where a quoted field that starts on line {startLine} is still open); a record, line breaks inside quoted fields included, is limited to {MaxRecordBytes:N0} bytes, as a line is. Is a closing quote missing?")).OfWholeFile();
                            }

                            i = 0;
                            continue;
                        }

                        AppendField(bytes.Slice(i, quote));
                        i += quote + 1;
                        if (i < bytes.Length && bytes[i] == (byte)'"')
                        {
                            _chars.Append('"');
                            i++;
                            continue;
                        }

                        break;
                    }

                    if (i < bytes.Length && bytes[i] != _separator)
                    {
                        throw Error(LineNumber, bytes, i, $"unexpected '{(char)bytes[i]}' after a closing quote; a quoted field must end at {(csv ? "','" : "a tab")} or the end of the line (double a quote inside a field: \"\")"
                            + (csv ? "." : $"; a field that starts with '\"' is a quoted field in {CorpusFormats.Name(CorpusFormat.TsvQuoted)}: if the file's quotes are text, read it as {CorpusFormats.Name(CorpusFormat.Tsv)}."));
                    }
                }
                else
                {
                    int comma = bytes[i..].IndexOf(_separator);
                    ReadOnlySpan<byte> raw = comma < 0 ? bytes[i..] : bytes.Slice(i, comma);
                    int quote = raw.IndexOf((byte)'"');
                    if (quote >= 0)
                    {
                        throw Error(LineNumber, bytes, i + quote, "a quote inside an unquoted field; quote the whole field and double the quote (\"say \"\"hi\"\"\").");
                    }

                    AppendField(raw);
                    i += raw.Length;
                }

                _fields.Add((fieldStart, _chars.Length - fieldStart));
                if (i >= bytes.Length)
                {
                    return true;
                }

                i++; // the separator
                if (i == bytes.Length)
                {
                    _starts.Add((LineNumber, i));
                    _fields.Add((_chars.Length, 0));
                    return true;
                }
            }
        }

        /// <summary>Appends the characters of <paramref name="utf8"/> (valid UTF-8, as <see cref="NextLine"/> checked) to <see cref="_chars"/>.</summary>
        private void AppendField(ReadOnlySpan<byte> utf8)
        {
            _chars.Length += Encoding.UTF8.GetChars(utf8, _chars.GetSpan(utf8.Length)); // UTF-8 never has more characters than bytes
        }

        /// <summary>Undoes tsv-escaped's escapes (\t, \n, \r, \\) of <paramref name="value"/> in place; returns the new length.</summary>
        private static int Unescape(Span<char> value)
        {
            int write = 0;
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if (c == '\\' && i + 1 < value.Length && value[i + 1] is 't' or 'n' or 'r' or '\\')
                {
                    c = value[++i] switch { 't' => '\t', 'n' => '\n', 'r' => '\r', _ => '\\' };
                }

                value[write++] = c;
            }

            return write;
        }
    }

    /// <summary>Reads JSON Lines: one object per line; text a string, label and id strings, numbers or booleans (a boolean is read as the word <c>true</c> or <c>false</c>, and JSON Lines output writes it back as it was).</summary>
    private sealed class JsonlReader(Stream stream, string displayName, CorpusReaderOptions options)
        : CorpusReader(stream, displayName, options)
    {
        private readonly string _idName = options.IdColumn ?? "id";
        private readonly string _labelName = options.LabelColumn ?? "label";
        private readonly HashSet<string> _keys = new(StringComparer.Ordinal);

        /// <summary>The line of the first object with an id field, and of the first without one (0: none yet).</summary>
        private long _firstWithId, _firstWithoutId;

        /// <summary>
        /// Takes the first object of the file at <paramref name="path"/> as this reader's first, for the rule that every object
        /// has an id field or none (<see cref="OpenSplit"/>: a split that starts later must hold the file's objects to it).
        /// A first object that cannot be read sets nothing: the split that holds it reports it.
        /// </summary>
        internal void PresumeFirstObject(string path, CorpusReaderOptions options)
        {
            using CorpusReader first = Open(path, options with { OnError = RowErrorMode.Fail, PositionUnknown = null });
            try
            {
                if (first.TryRead(out Example? example))
                {
                    if (example.IdJson is null)
                    {
                        _firstWithoutId = first.LineNumber;
                    }
                    else
                    {
                        _firstWithId = first.LineNumber;
                    }
                }
            }
            catch (DataFormatException)
            {
                // Malformed: the split that starts there says so.
            }
        }

        private protected override bool TryReadCore()
        {
            ReadOnlySpan<byte> line;
            do
            {
                if (!NextRecordLine(out line, out _))
                {
                    return false;
                }
            }
            while (line.Trim((byte)' ').IsEmpty);

            string? text = null, label = null, id = null, labelJson = null, idJson = null;
            int labelNullAt = -1, idNullAt = -1, idAt = -1;
            var fields = new List<string>();
            List<string>? others = null;
            var reader = new Utf8JsonReader(line);
            _keys.Clear();
            try
            {
                if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                {
                    throw Error(LineNumber, line, (int)reader.TokenStartIndex, "expected a JSON object '{...}' on each line.");
                }

                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    string name = reader.GetString()!;
                    int memberStart = (int)reader.TokenStartIndex;
                    if (!_keys.Add(name))
                    {
                        // JSON parsers disagree on a repeated key (first, last, error); taking one silently could pick the wrong text or label.
                        throw Error(LineNumber, line, memberStart, $"the key '{Quoted(name)}' appears a second time in the object; each key may appear once.");
                    }

                    fields.Add(name);
                    reader.Read();
                    int valueStart = (int)reader.TokenStartIndex;
                    if (name == Options.TextColumn)
                    {
                        text = reader.TokenType == JsonTokenType.String ? reader.GetString()
                            : throw Error(LineNumber, line, (int)reader.TokenStartIndex, $"'{name}' must be a string but is {Describe(reader.TokenType)}.");
                        EnsureNoNul(text!, name, line, valueStart);
                    }
                    else if (name == _labelName)
                    {
                        label = Scalar(ref reader, line, name);
                        EnsureNoNul(label, name, line, valueStart);
                        labelNullAt = reader.TokenType == JsonTokenType.Null ? valueStart : -1;
                        labelJson = label is null ? null : Encoding.UTF8.GetString(line[valueStart..(int)reader.BytesConsumed]);
                    }
                    else if (name == _idName)
                    {
                        id = Scalar(ref reader, line, name);
                        EnsureNoNul(id, name, line, valueStart);
                        if (id is not null && string.IsNullOrWhiteSpace(id))
                        {
                            throw Error(LineNumber, line, valueStart, BlankId(name, id, Options.Names.HashIds));
                        }

                        idNullAt = reader.TokenType == JsonTokenType.Null ? valueStart : -1;
                        idAt = valueStart;
                        idJson = Encoding.UTF8.GetString(line[valueStart..(int)reader.BytesConsumed]);
                    }
                    else
                    {
                        reader.Skip();
                        NoteOtherColumn(name);
                        if (name is not ("id" or "variant" or "text" or "label"))
                        {
                            (others ??= []).Add(Encoding.UTF8.GetString(line[memberStart..(int)reader.BytesConsumed]));
                        }
                    }
                }

                if (reader.Read())
                {
                    throw Error(LineNumber, line, (int)reader.TokenStartIndex, "unexpected content after the object; put one object on each line.");
                }
            }
            catch (JsonException json)
            {
                throw Error(LineNumber, line, (int)(json.BytePositionInLine ?? 0), $"invalid JSON: {json.Message.Split(" Path:", StringSplitOptions.None)[0].Split(" LineNumber:", StringSplitOptions.None)[0]}");
            }
            catch (InvalidOperationException)
            {
                // System.Text.Json cannot turn a lone surrogate escape (\uD83D without its pair, as a cut emoji) into a string.
                throw Error(LineNumber, line, (int)reader.TokenStartIndex,
                    $"a string holds a lone surrogate escape (such as \\uD83D without the \\uDC00-\\uDFFF that must follow it), which is no character: fix the string{SkipHint()}.");
            }

            if (text is null)
            {
                throw Error(LineNumber, $"the object has no '{Options.TextColumn}' field; it has: {Fields(fields)}.{TextHint("field")}");
            }

            if (Options.LabelColumn is not null && !Options.LabelOptional && labelNullAt >= 0)
            {
                throw Error(LineNumber, line, labelNullAt, $"'{Options.LabelColumn}' is null; each example needs a label: a string (or a number, or true/false), e.g. \"{Options.LabelColumn}\": \"sports\".");
            }

            if (idNullAt >= 0)
            {
                // Refused like a null label: a null id is no id, and falling back to the line number could give this
                // record the id of another (explicit "id": 2 and a null id on line 2), and with it the same variants.
                throw Error(LineNumber, line, idNullAt, $"'{_idName}' is null; each example needs an id: a string, a number or true/false, e.g. \"{_idName}\": \"a1\""
                    + (Options.IdColumn is null ? $" (or leave the key out of every object: ids then come from {PositionIdSource})." : "."));
            }

            if (Options.LabelColumn is not null && !Options.LabelOptional && label is null)
            {
                throw Error(LineNumber, $"the object has no '{Options.LabelColumn}' field; it has: {Fields(fields)}.{ColumnHint("label", "field")}");
            }

            if (Options.IdColumn is not null && id is null)
            {
                throw Error(LineNumber, $"the object has no '{Options.IdColumn}' field; it has: {Fields(fields)}.{ColumnHint("id", "field")}");
            }

            // Ids come from the id field in every object or in none: an object without one takes its line number (or byte
            // offset, or content hash) as its id, which another object's explicit id can equal, as TSV and CSV rows have an
            // id column or not, all of them.
            if (id is null && _firstWithId > 0)
            {
                throw Error(LineNumber, $"the object has no '{_idName}' field, but the object on line {_firstWithId} has one; give every object an id, or none (ids then come from {PositionIdSource}): an object without one would take {PositionIdSource} as its id, which another object's id can equal.");
            }

            if (id is not null && _firstWithoutId > 0)
            {
                throw Error(LineNumber, line, idAt, $"the object has an '{_idName}' field, but the object on line {_firstWithoutId} has none (its id is {PositionIdSource}); give every object an id, or none: an explicit id can equal an id from {PositionIdSource}.");
            }

            if (id is null)
            {
                _firstWithoutId = _firstWithoutId > 0 ? _firstWithoutId : LineNumber;
            }
            else
            {
                _firstWithId = _firstWithId > 0 ? _firstWithId : LineNumber;
                HadIds = true;
            }

            RecordId = id is null ? PositionId(LineNumber) : id.AsMemory();
            RecordText = text.AsMemory();
            RecordLabel = label;
            if (label is not null)
            {
                NoteLabel(label);
            }

            RecordLabelJson = labelJson;
            RecordIdJson = id is null ? null : idJson;
            RecordOtherFields = others is null ? null : string.Join(", ", others);
            return true;
        }

        /// <summary>
        /// Refuses a string that holds U+0000 (written <c>\u0000</c> in JSON): the TSV, CSV, text and fastText readers refuse
        /// a NUL byte, so a NUL carried over from JSON would be written into output that no reader of ours reads back.
        /// </summary>
        private void EnsureNoNul(string? value, string name, ReadOnlySpan<byte> line, int valueStart)
        {
            if (value is not null && value.Contains('\0', StringComparison.Ordinal))
            {
                throw Error(LineNumber, line, valueStart,
                    $"'{name}' holds a NUL character (\\u0000) at character {value.IndexOf('\0', StringComparison.Ordinal) + 1} of its value; text holds no NUL, and no output format (tsv, csv, text, fasttext) can carry one: remove it from the data{SkipHint()}.");
            }
        }

        private static string Quoted(string value) => value.Length > 80 ? value[..80] + "…" : value;

        private static string Fields(List<string> fields) => fields.Count == 0 ? "no fields" : string.Join(", ", fields);

        private string? Scalar(ref Utf8JsonReader reader, ReadOnlySpan<byte> line, string name) => reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
            JsonTokenType.True => "true",
            JsonTokenType.False => "false",
            JsonTokenType.Null => null,
            _ => throw Error(LineNumber, line, (int)reader.TokenStartIndex, $"'{name}' must be a string, a number or true/false (read as the words \"true\" and \"false\") but is {Describe(reader.TokenType)}."),
        };

        private static string Describe(JsonTokenType type) => type switch
        {
            JsonTokenType.StartObject => "an object",
            JsonTokenType.StartArray => "an array",
            JsonTokenType.Number => "a number",
            JsonTokenType.True or JsonTokenType.False => "a boolean",
            JsonTokenType.Null => "null",
            _ => type.ToString(),
        };
    }

    /// <summary>Reads plain text: one example per line, no label (an empty line is an empty text: see <see cref="EmptyTextCount"/>).</summary>
    private sealed class TextReader(Stream stream, string displayName, CorpusReaderOptions options)
        : CorpusReader(stream, displayName, options)
    {
        private protected override bool TryReadCore()
        {
            if (!NextRecordLine(out ReadOnlySpan<byte> line, out _))
            {
                return false;
            }

            // An empty line is a record with an empty text, skipped and counted by TryRead like an empty text in any format.
            RecordText = Decode(line);
            RecordId = PositionId(LineNumber);
            return true;
        }
    }

    /// <summary>
    /// Reads fastText's format: one example per line, its label a word <c>__label__NAME</c> wherever it stands on the line, as
    /// fastText reads it (<see cref="FastTextLabels"/>); the text is the rest of the line, the label word and the white space
    /// that joined it taken out (see <see cref="CorpusFormat.FastText"/>).
    /// </summary>
    private sealed class FastTextReader(Stream stream, string displayName, CorpusReaderOptions options)
        : CorpusReader(stream, displayName, options)
    {
        private const string Prefix = FastTextLabels.Prefix;

        private protected override bool TryReadCore()
        {
            if (!NextRecordLine(out ReadOnlySpan<byte> bytes, out _))
            {
                return false;
            }

            int length = Decode(bytes).Length;
            Span<char> line = LineCharsWritable(length);
            int start = line.Length - line.TrimStart(' ').Length;
            int labelAt = FastTextLabels.FindLabelWord(line, start, out int labelEnd);
            if (labelAt < 0)
            {
                RecordText = LineChars(start, length - start);
                RecordLabel = null;
                RecordId = PositionId(LineNumber);
                return true;
            }

            ReadOnlySpan<char> name = line[(labelAt + Prefix.Length)..labelEnd];
            if (name.IsEmpty)
            {
                throw ErrorAtChar(line, labelAt, $"'{Prefix}' has no name; write the label after it, as in {Prefix}positive.");
            }

            int second = FastTextLabels.FindLabelWord(line, labelEnd, out int secondEnd);
            if (second >= 0)
            {
                throw ErrorAtChar(line, second,
                    $"the line has a second label '{line[second..secondEnd]}' after '{line[labelAt..labelEnd]}' (column {labelAt + 1}); give one label per line (multi-label data is not supported).");
            }

            RecordLabel = Label(name);
            var (textStart, textLength) = FastTextLabels.Remove(line[..length], start, labelAt, labelEnd);
            RecordText = LineChars(textStart, textLength);
            RecordId = PositionId(LineNumber);
            return true;
        }
    }
}
