namespace TextAugment;

/// <summary>
/// A file (or standard input) holds something this library cannot read. The message starts with
/// <c>path:line:column</c> (or <c>path: byte N</c>) and says what was found and what would be right.
/// </summary>
public sealed class DataFormatException : FormatException
{
    /// <summary>Creates the exception for a position given by line and column (both 1-based; column 0 when unknown; line 0
    /// when the fault has no line, as a row that cannot be written: then the message starts with the path alone).</summary>
    public DataFormatException(string path, long line, int column, string message)
        : base(line > 0 ? $"{path}:{line}{(column > 0 ? $":{column}" : "")}: {message}" : $"{path}: {message}")
    {
        Path = path;
        Line = line;
        Column = column;
        Reason = message;
    }

    private DataFormatException(string path, long line, long byteOffset, string message)
        : base(line > 0 ? $"{path}:{line}: byte {byteOffset}: {message}" : $"{path}: byte {byteOffset}: {message}")
    {
        Path = path;
        Line = line;
        ByteOffset = byteOffset;
        Reason = message;
    }

    /// <summary>The exception for a position given as a byte offset (0-based) and its line (0 when lines mean nothing, as in a binary file).</summary>
    public static DataFormatException AtByte(string path, long line, long byteOffset, string message) => new(path, line, byteOffset, message);

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
