using System.Text;

namespace TextAugment.Corpus;

/// <summary>
/// Reads lines of bytes from a stream without decoding them, keeping the line number and the byte offset
/// of each line. A UTF-8 byte-order mark at the start is skipped. Memory is one buffer, grown only for a
/// line longer than it.
/// </summary>
internal sealed class Utf8LineReader : IDisposable
{
    private readonly Stream _stream;
    private byte[] _buffer = new byte[1 << 16];
    private int _start, _end;
    private bool _eof;

    public Utf8LineReader(Stream stream) => _stream = stream;

    /// <summary>1-based number of the line last returned.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Byte offset of the start of the line last returned.</summary>
    public long LineOffset { get; private set; }

    /// <summary>Byte offset of the first byte of the line last returned (after a byte-order mark).</summary>
    public long ContentOffset { get; private set; }

    /// <summary>Bytes consumed so far.</summary>
    public long Position { get; private set; }

    /// <summary>Reads the next line, without its line break; <paramref name="crlf"/> tells whether it ended with \r\n.</summary>
    public bool TryReadLine(out ReadOnlySpan<byte> line, out bool crlf)
    {
        int scanned = 0;
        while (true)
        {
            int newline = _buffer.AsSpan(_start + scanned, _end - _start - scanned).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                int length = scanned + newline;
                Take(length, length + 1, out line, out crlf);
                return true;
            }

            scanned = _end - _start;
            if (_eof)
            {
                if (scanned == 0)
                {
                    line = default;
                    crlf = false;
                    return false;
                }

                Take(scanned, scanned, out line, out crlf);
                return true;
            }

            Fill();
        }
    }

    private void Take(int length, int consumed, out ReadOnlySpan<byte> line, out bool crlf)
    {
        line = _buffer.AsSpan(_start, length);
        crlf = length > 0 && line[^1] == (byte)'\r';
        if (crlf)
        {
            line = line[..^1];
        }

        LineNumber++;
        LineOffset = Position;
        ContentOffset = Position;
        if (LineOffset == 0 && line.StartsWith(Encoding.UTF8.Preamble))
        {
            line = line[3..];
            ContentOffset = 3;
        }

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

    public void Dispose() => _stream.Dispose();
}
