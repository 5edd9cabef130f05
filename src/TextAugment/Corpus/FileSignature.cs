namespace TextAugment.Corpus;

/// <summary>
/// Tells a compressed file or archive (gzip, bzip2, xz, zstd, zip) and UTF-16 (with a byte-order mark, or without one: a
/// first line with a NUL in every other byte) from text by its first bytes: the one check every reader of text makes, so that a
/// reader of text says what the file is and how to get its text, instead of reporting the first NUL or invalid byte of
/// compressed data as if the file were UTF-16 or damaged text.
/// </summary>
public static class FileSignature
{
    /// <summary>The most bytes a signature needs: 10 (bzip2's, with its first block's magic).</summary>
    internal const int Length = 10;

    /// <summary>
    /// The compressed formats: name, first bytes, the file name suffix, and the command that writes the text to standard
    /// output (IN stands for the file). Writing to standard output works whatever the file is called: gunzip -k, unxz -k,
    /// unzstd and bunzip2 -k refuse a name without their suffix or write FILE.out.
    /// </summary>
    private static readonly (string Name, byte[] Magic, string Suffix, string Command)[] Compressed =
    [
        ("gzip", [0x1F, 0x8B], ".gz", "gzip -dc IN"),
        ("bzip2", "BZh"u8.ToArray(), ".bz2", "bzip2 -dc IN"),
        ("xz", [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], ".xz", "xz -dc IN"),
        ("zstd", [0x28, 0xB5, 0x2F, 0xFD], ".zst", "zstd -dcq IN"),
        ("zip", "PK\u0003\u0004"u8.ToArray(), ".zip", "unzip -p IN"),
    ];

    /// <summary>
    /// Where the suggested command writes the text: the path without the format's suffix (c.tsv.gz: c.tsv), else the path
    /// (without it) with <c>.decompressed</c> before its extension (c.tsv: c.decompressed.tsv, then c.decompressed-2.tsv, …): the first
    /// of these that names nothing at all (no file, folder, or link, dangling or not), so that the command never overwrites
    /// data (c.tsv may be a link to c.tsv.gz, and <c>&gt;</c> would truncate the input through it); null when none of the
    /// first <see cref="TextPathTries"/> is free.
    /// </summary>
    private static string? TextPath(string path, string suffix)
    {
        if (path.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && path.Length > suffix.Length && !path.EndsWith("/" + suffix, StringComparison.OrdinalIgnoreCase))
        {
            path = path[..^suffix.Length];
            if (IsFree(path))
            {
                return path;
            }
        }

        string extension = Path.GetExtension(path);
        string stem = path[..^extension.Length] + ".decompressed";
        for (int i = 1; i <= TextPathTries; i++)
        {
            string candidate = stem + (i == 1 ? "" : "-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)) + extension;
            if (IsFree(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>How many names <see cref="TextPath"/> tries before it suggests a command without a target file.</summary>
    private const int TextPathTries = 100;

    /// <summary>Whether nothing is at <paramref name="path"/>: no file, folder or other node, and no link (a dangling one included).</summary>
    private static bool IsFree(string path)
    {
        try
        {
            return !Path.Exists(path) && new FileInfo(path).LinkTarget is null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return false; // cannot tell: not free
        }
    }

    /// <summary>
    /// Whether <paramref name="head"/> is a bzip2 stream's start: "BZh" is ASCII, so a text could start so; a bzip2 file goes
    /// on with its block size ('1' to '9') and the magic of its first block (π's digits in BCD) or of its end (√π's) when empty.
    /// </summary>
    private static bool IsBzip2(ReadOnlySpan<byte> head) =>
        head.Length >= 10 && head.StartsWith("BZh"u8) && head[3] is >= (byte)'1' and <= (byte)'9'
        && (head[4..10].SequenceEqual((ReadOnlySpan<byte>)[0x31, 0x41, 0x59, 0x26, 0x53, 0x59]) || head[4..10].SequenceEqual((ReadOnlySpan<byte>)[0x17, 0x72, 0x45, 0x38, 0x50, 0x90]));

    /// <summary>
    /// Throws when the file <paramref name="path"/> starts as a gzip, bzip2, xz or zstd file or a zip archive does, or as
    /// UTF-16 (a byte-order mark, or a NUL in every other byte of the first line): a reader of text calls it before reading (the corpus readers check the stream's first bytes
    /// themselves).
    /// </summary>
    /// <param name="path">The file.</param>
    /// <exception cref="DataFormatException">The file is compressed (the message names the format, its first bytes and the
    /// command that decompresses it) or UTF-16.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static void Check(string path)
    {
        Span<byte> head = stackalloc byte[Length];
        int read;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1))
        {
            read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        Check(head[..read], path);
    }

    /// <summary>
    /// Throws when <paramref name="head"/>, the first bytes of <paramref name="displayName"/> (all of them when the file is
    /// shorter than <see cref="Length"/>), are a compressed file's or archive's signature, a UTF-16 byte-order mark, or a
    /// first line of UTF-16 without one (a NUL in every other byte).
    /// </summary>
    /// <exception cref="DataFormatException">The bytes are a signature; the error is the whole file's, names the format, its
    /// first bytes in hex and the command that decompresses it.</exception>
    internal static void Check(ReadOnlySpan<byte> head, string displayName)
    {
        bool stdin = displayName == "<stdin>";
        foreach (var (name, magic, suffix, command) in Compressed)
        {
            if (name == "bzip2" ? IsBzip2(head) : head.StartsWith(magic))
            {
                string? target = stdin ? null : TextPath(displayName, suffix);
                string every = name == "zip" ? " (every file inside, one after another; unzip -l lists them)" : "";
                string how = stdin
                    ? $"decompress it first (e.g. {command.Replace("IN", "FILE", StringComparison.Ordinal)} | textaugment …)"
                    : target is null
                        ? $"decompress it first into the command, reading standard input ('-'): {command.Replace("IN", Quote(displayName), StringComparison.Ordinal)} | textaugment … -{every}"
                        : $"decompress it first: {command.Replace("IN", Quote(displayName), StringComparison.Ordinal)} > {Quote(target)}{every}";
                throw new DataFormatException(displayName, 0, 0,
                    $"the file looks like a {name}-compressed {(name == "zip" ? "archive" : "file")} (it starts with the bytes {Hex(magic)}), not text; {how}.") { Compression = name }.OfWholeFile();
            }
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            string order = head[0] == 0xFF ? "little" : "big";
            throw DataFormatException.AtByte(displayName, 1, 1, 0,
                $"a UTF-16 ({order}-endian) byte-order mark ({Hex(head[..2])}): the file is UTF-16; the input must be UTF-8: convert it with iconv -f UTF-16 -t UTF-8.").InEncoding("UTF-16");
        }

        // UTF-16 without a byte-order mark: its first line (as far as the head goes) has NULs, all at even or all at odd offsets.
        int lineEnd = head.IndexOf((byte)'\n');
        ReadOnlySpan<byte> firstLine = lineEnd < 0 ? head : head[..lineEnd];
        if (Utf16ByteOrder(firstLine, 0) is { } byteOrder)
        {
            int nul = firstLine.IndexOf((byte)0);
            throw DataFormatException.AtByte(displayName, 1, System.Text.Encoding.UTF8.GetCharCount(firstLine[..nul]) + 1, nul, NulInUtf16(byteOrder)).InEncoding("UTF-16");
        }
    }

    /// <summary>
    /// The message for a NUL byte in a line that looks like UTF-16 without a byte-order mark (<see cref="Utf16ByteOrder"/>),
    /// wherever it is found. The iconv command names the byte order found: without a byte-order mark, iconv's plain
    /// <c>UTF-16</c> assumes one order (big-endian in glibc) and turns text in the other into mojibake.
    /// </summary>
    /// <param name="order"><c>UTF-16LE</c> or <c>UTF-16BE</c>.</param>
    internal static string NulInUtf16(string order) =>
        $"a NUL byte (is the file {order}, UTF-16 without a byte-order mark? convert it to UTF-8: iconv -f {order} -t UTF-8); text holds no NUL bytes.";

    /// <summary>
    /// The byte order of a line that holds a NUL byte when it looks like UTF-16 text rather than binary data, else null:
    /// every NUL of its start (64 bytes) at an even offset in the file (<c>UTF-16BE</c>: the high byte of a code unit below
    /// U+0100 comes first), or every one at an odd offset (<c>UTF-16LE</c>), whatever the script of the rest (a Chinese
    /// character's two bytes are seldom NUL). One NUL is no evidence (it is at an even or an odd offset, as any byte is):
    /// UTF-16 is diagnosed only when the start holds at least two NULs, all at one parity (ASCII in UTF-16 is half NULs; a
    /// Chinese line's first ten bytes may hold only two), so that a stray NUL in a UTF-8 line is reported as a NUL byte,
    /// not as UTF-16 with an iconv command that would garble the file.
    /// </summary>
    /// <param name="line">The line's bytes.</param>
    /// <param name="offset">The byte offset of the line's first byte in the file, which decides the parity of each byte.</param>
    internal static string? Utf16ByteOrder(ReadOnlySpan<byte> line, long offset)
    {
        ReadOnlySpan<byte> sample = line[..Math.Min(line.Length, 64)];
        if (sample.Length < 2)
        {
            return null;
        }

        bool even = true, odd = true;
        int nuls = 0;
        for (int i = 0; i < sample.Length; i++)
        {
            if (sample[i] == 0)
            {
                nuls++;
                bool atEven = (offset + i) % 2 == 0;
                even &= atEven;
                odd &= !atEven;
            }
        }

        return nuls < 2 ? null : even ? "UTF-16BE" : odd ? "UTF-16LE" : null;
    }

    private static string Hex(ReadOnlySpan<byte> bytes) => string.Join(' ', bytes.ToArray().Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));

    private static string Quote(string path) => path.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '_' or '-')) ? $"'{path.Replace("'", "'\\''", StringComparison.Ordinal)}'" : path;
}
