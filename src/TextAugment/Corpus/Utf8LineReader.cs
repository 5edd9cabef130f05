using System.Text;

namespace TextAugment.Corpus;

/// <summary>
/// Reads lines of bytes from a stream without decoding them, keeping the line number and the byte offset
/// of each line. Lines end with LF, CRLF or a lone CR; a line is at most <see cref="MaxLineBytes"/> bytes long (without its line break), however the stream's reads fall. A UTF-8 byte-order mark at the start is skipped. Memory is one buffer, grown only for a
/// line longer than it.
/// </summary>
internal sealed class Utf8LineReader : IDisposable
{
    private readonly Stream _stream;
    private byte[] _buffer = new byte[1 << 16];
    private int _start, _end;
    private bool _eof;

    private readonly string _displayName;

    /// <summary>The longest line any reader accepts: 16 MiB. A longer one (or a file with no line breaks, such as /dev/zero) is an error.</summary>
    public const int MaxLineBytes = 1 << 24;

    private readonly int _maxLineBytes;

    /// <summary>Whether the start of the stream has been checked for a compressed file's signature (<see cref="FileSignature"/>).</summary>
    private bool _signatureChecked;

    /// <summary>Reads lines of <paramref name="stream"/>, named <paramref name="displayName"/> in errors.</summary>
    /// <param name="stream">The input.</param>
    /// <param name="displayName">The path, or <c>&lt;stdin&gt;</c>.</param>
    /// <param name="maxLineBytes">The longest line accepted, in bytes without its line break; default <see cref="MaxLineBytes"/> (a test gives a small one).</param>
    public Utf8LineReader(Stream stream, string displayName, int maxLineBytes = MaxLineBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxLineBytes);
        _stream = stream;
        _displayName = displayName;
        _maxLineBytes = maxLineBytes;
    }

    /// <summary>1-based number of the line last returned (counted from the seek point after <see cref="Seek"/>: see <see cref="LinesKnown"/>).</summary>
    public long LineNumber { get; private set; }

    /// <summary>
    /// Whether <see cref="LineNumber"/> counts from the file's first line: false after a <see cref="Seek"/> past its start
    /// (a split that did not read the lines before it), when errors give the byte offset alone.
    /// </summary>
    public bool LinesKnown { get; private set; } = true;

    /// <summary><see cref="LineNumber"/> when <see cref="LinesKnown"/>, else 0 (no line: a message gives the byte offset alone).</summary>
    private long KnownLine(long line) => LinesKnown ? line : 0;

    /// <summary>Byte offset of the start of the line last returned.</summary>
    public long LineOffset { get; private set; }

    /// <summary>Byte offset of the first byte of the line last returned (after a byte-order mark).</summary>
    public long ContentOffset { get; private set; }

    /// <summary>
    /// The line break that ended the line last returned, as it was written: <c>"\n"</c>, <c>"\r\n"</c>, a lone <c>"\r"</c>,
    /// or <c>""</c> for a last line without one. A reader that joins lines into one record (a quoted field that holds a line
    /// break) puts back exactly this, so that a field's line breaks are kept as written.
    /// </summary>
    public string LineBreak { get; private set; } = "";

    /// <summary>Bytes consumed so far.</summary>
    public long Position { get; private set; }

    /// <summary>
    /// Reads the next line, without its line break (LF, CRLF or a lone CR, as old Mac files end lines);
    /// <paramref name="crlf"/> tells whether it ended with \r\n.
    /// </summary>
    /// <exception cref="DataFormatException">A line is longer than <see cref="MaxLineBytes"/>.</exception>
    public bool TryReadLine(out ReadOnlySpan<byte> line, out bool crlf)
    {
        if (!_signatureChecked)
        {
            // A compressed file (or UTF-16 with its byte-order mark) is told by its first bytes, before its first NUL or
            // invalid byte would be reported as if it were damaged text. No signature holds a line break, so reading stops at
            // one: a short first line from a terminal or a pipe is answered without waiting for more.
            while (_end - _start < FileSignature.Length && !_eof && _buffer.AsSpan(_start, _end - _start).IndexOfAny((byte)'\n', (byte)'\r') < 0)
            {
                Fill();
            }

            _signatureChecked = true;
            FileSignature.Check(_buffer.AsSpan(_start, Math.Min(_end - _start, FileSignature.Length)), _displayName);
        }

        int scanned = 0;
        while (true)
        {
            int end = _buffer.AsSpan(_start + scanned, _end - _start - scanned).IndexOfAny((byte)'\n', (byte)'\r');
            if (end >= 0)
            {
                int length = scanned + end;
                if (length > _maxLineBytes)
                {
                    // Checked on every line, not only when the buffer runs out: a long line that happens to arrive whole
                    // (in a buffer grown for an earlier one) is refused like one that arrives in pieces.
                    throw TooLong();
                }
                if (_buffer[_start + length] == (byte)'\n')
                {
                    Take(length, length + 1, out line);
                    crlf = false;
                    LineBreak = "\n";
                    return true;
                }

                if (_start + length + 1 < _end || _eof)
                {
                    crlf = _start + length + 1 < _end && _buffer[_start + length + 1] == (byte)'\n';
                    Take(length, length + (crlf ? 2 : 1), out line);
                    LineBreak = crlf ? "\r\n" : "\r";
                    return true;
                }

                // A CR at the end of the buffer: read on to see whether LF follows.
                scanned = length;
                Fill();
                continue;
            }

            scanned = _end - _start;
            if (scanned > _maxLineBytes)
            {
                throw TooLong();
            }

            if (_eof)
            {
                if (scanned == 0)
                {
                    line = default;
                    crlf = false;
                    return false;
                }

                Take(scanned, scanned, out line);
                crlf = false;
                LineBreak = "";
                return true;
            }

            Fill();
        }
    }

    /// <summary>The error for a line longer than the limit: the line's number and the byte offset where it starts.</summary>
    private DataFormatException TooLong() => DataFormatException.AtByte(_displayName, KnownLine(LineNumber + 1), 1, Position,
        $"a line longer than {Size(_maxLineBytes)} (no line break within {_maxLineBytes:N0} bytes); lines are limited to that length. Is this a text file with line breaks?").OfWholeFile();

    /// <summary>A limit in words: "16 MiB" for whole mebibytes, else the bytes.</summary>
    internal static string Size(int bytes) => bytes % (1 << 20) == 0 ? $"{bytes / (1 << 20)} MiB" : $"{bytes:N0} bytes";

    /// <summary>Reads the whole file and throws at its first invalid UTF-8 byte, naming the line and byte offset.</summary>
    /// <exception cref="DataFormatException">The file holds invalid UTF-8 or a line longer than <see cref="MaxLineBytes"/>.</exception>
    public static void EnsureFileIsUtf8(string path)
    {
        using var lines = new Utf8LineReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan), path);
        while (lines.TryReadLine(out ReadOnlySpan<byte> line, out _))
        {
            lines.EnsureUtf8(line);
        }
    }

    /// <summary>Throws when <paramref name="line"/> (the line last returned) is not UTF-8 or holds a NUL byte, naming the first bad byte's offset.</summary>
    /// <exception cref="DataFormatException">The line holds invalid UTF-8 or a NUL byte.</exception>
    public void EnsureUtf8(ReadOnlySpan<byte> line)
    {
        EnsureNoNul(line);
        if (System.Text.Unicode.Utf8.IsValid(line))
        {
            return;
        }

        int at = 0;
        while (Rune.DecodeFromUtf8(line[at..], out _, out int consumed) == System.Buffers.OperationStatus.Done)
        {
            at += consumed;
        }

        throw AtLineByte(line, at, $"invalid UTF-8 (byte 0x{line[at]:X2}); the input must be UTF-8: convert it with iconv -f <encoding> -t UTF-8.");
    }

    /// <summary>The error at byte <paramref name="at"/> of <paramref name="line"/> (the line last returned): its line, its column in characters of the line decoded up to it, and its byte offset in the file.</summary>
    private DataFormatException AtLineByte(ReadOnlySpan<byte> line, int at, string message) =>
        DataFormatException.AtByte(_displayName, KnownLine(LineNumber), Encoding.UTF8.GetCharCount(line[..at]) + 1, ContentOffset + at, message);

    /// <summary>
    /// Throws when <paramref name="line"/> (the line last returned) holds a NUL byte. NUL is valid UTF-8, but text never
    /// holds it, and UTF-16 without its byte-order mark is half NULs, which would otherwise be read as garbage text.
    /// </summary>
    /// <exception cref="DataFormatException">The line holds a NUL byte.</exception>
    public void EnsureNoNul(ReadOnlySpan<byte> line)
    {
        int at = line.IndexOf((byte)0);
        if (at >= 0)
        {
            throw AtLineByte(line, at, FileSignature.Utf16ByteOrder(line, ContentOffset) is { } order
                ? FileSignature.NulInUtf16(order)
                : "a NUL byte; text holds no NUL bytes (is this a binary file? the input must be UTF-8 text).").OfWholeFile();
        }
    }

    /// <summary>The line last returned by <see cref="TryReadLine"/> (after a byte-order mark); valid until the next call.</summary>
    public ReadOnlySpan<byte> LastLine => _buffer.AsSpan(_lastStart, _lastLength);

    private int _lastStart, _lastLength;

    private void Take(int length, int consumed, out ReadOnlySpan<byte> line)
    {
        line = _buffer.AsSpan(_start, length);
        LineNumber++;
        LineOffset = Position;
        ContentOffset = Position;
        if (LineOffset == 0 && line.StartsWith(Encoding.UTF8.Preamble))
        {
            line = line[3..];
            ContentOffset = 3;
        }

        _lastStart = _start + length - line.Length;
        _lastLength = line.Length;

        Position += consumed;
        _start += consumed;
    }

    private void Fill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        int read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        _eof = read == 0;
        _end += read;
    }

    /// <summary>Continues at byte <paramref name="offset"/> of a seekable stream; line numbers then count from there.</summary>
    public void Seek(long offset)
    {
        _stream.Seek(offset, SeekOrigin.Begin);
        _start = _end = 0;
        _eof = false;
        Position = offset;
        LineNumber = 0;
        LinesKnown = offset == 0;
        _signatureChecked |= offset > 0;
    }

    public void Dispose() => _stream.Dispose();
}
