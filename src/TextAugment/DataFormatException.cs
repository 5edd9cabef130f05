namespace TextAugment;

/// <summary>
/// A file (or standard input) holds something this library cannot read. The message starts with where
/// (<see cref="Where"/>: <c>path:line:column</c>, and <c>(byte N of the file)</c> where the fault's byte offset in the file
/// is known) and says what was found and what would be right.
/// </summary>
public sealed class DataFormatException : FormatException
{
    /// <summary>Creates the exception for a position given by line and column (both 1-based; column 0 when unknown; line 0
    /// when the fault has no line, as a row that cannot be written: then the message starts with the path alone).</summary>
    public DataFormatException(string path, long line, int column, string message)
        : this(path, line, column, -1, message)
    {
    }

    private DataFormatException(string path, long line, int column, long byteOffset, string message)
        : base($"{Where(path, line, column, byteOffset)}: {message}")
    {
        Path = path;
        Line = line;
        Column = column;
        ByteOffset = byteOffset;
        Reason = message;
    }

    /// <summary>
    /// The exception for a position given as a byte offset in the file (0-based) and its line (0 when lines mean nothing,
    /// as in a binary file), without a column.
    /// </summary>
    public static DataFormatException AtByte(string path, long line, long byteOffset, string message) => new(path, line, 0, byteOffset, message);

    /// <summary>
    /// The exception for a position given as a line and column (1-based: the column in characters of the decoded line) and
    /// the byte offset in the file (0-based) of the same place, as <c>data.tsv:3:5 (byte 123 of the file)</c>.
    /// </summary>
    public static DataFormatException AtByte(string path, long line, int column, long byteOffset, string message) => new(path, line, column, byteOffset, message);

    /// <summary>
    /// Where a message about a file's content starts, one form for every reader (and a pipeline file's mistakes):
    /// <c>path:line:column</c>, without the column when it is 0 and without both when the line is 0, followed by
    /// <c> (byte N of the file)</c> (of the input, for standard input) when <paramref name="byteOffset"/> is known (not
    /// negative), so that a file offset is never read as a place within the line.
    /// </summary>
    public static string Where(string path, long line, long column, long byteOffset = -1) =>
        (line > 0 ? $"{path}:{line}{(column > 0 ? $":{column}" : "")}" : path)
        + (byteOffset >= 0 ? $" (byte {byteOffset} of the {(path == "<stdin>" ? "input" : "file")})" : "");

    /// <summary>The file, or <c>&lt;stdin&gt;</c>.</summary>
    public string Path { get; }

    /// <summary>1-based line.</summary>
    public long Line { get; }

    /// <summary>1-based column, or 0 when not known.</summary>
    public int Column { get; }

    /// <summary>0-based byte offset in the file, or -1 when not known.</summary>
    public long ByteOffset { get; } = -1;

    /// <summary>
    /// Whether the fault is the whole file's, not one row's (a NUL byte: the file is UTF-16 or binary), so that
    /// <c>on_error: skip</c> does not skip it row by row into an empty run.
    /// </summary>
    internal bool WholeFile { get; private set; }

    /// <summary>This exception, marked <see cref="WholeFile"/>.</summary>
    internal DataFormatException OfWholeFile()
    {
        WholeFile = true;
        return this;
    }

    /// <summary>
    /// The compression format (gzip, bzip2, xz, zstd, zip) when the fault is that the file is compressed, not text; null
    /// otherwise. Such a file was the wrong file to give, found before any of it was read (the command exits 2 for it).
    /// </summary>
    internal string? Compression { get; init; }

    /// <summary>
    /// The text encoding (UTF-16) when the fault is that the file is not UTF-8 text, found at its first bytes (a byte-order
    /// mark, or a first line with a NUL in every other byte); null otherwise. As a compressed file, the wrong file to give
    /// (the command exits 2 for it).
    /// </summary>
    internal string? TextEncoding { get; private set; }

    /// <summary>This exception, marked as the fault of a file in <paramref name="encoding"/>, not UTF-8 (<see cref="TextEncoding"/>), and <see cref="WholeFile"/>.</summary>
    internal DataFormatException InEncoding(string encoding)
    {
        TextEncoding = encoding;
        return OfWholeFile();
    }

    /// <summary>The message without the position.</summary>
    public string Reason { get; }
}
