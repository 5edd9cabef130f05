using System.Globalization;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Text;
using TextAugment.Corpus;

namespace TextAugment.Vectors;

/// <summary>Word-vector file formats.</summary>
public enum WordVectorFormat
{
    /// <summary>Told from the file: a <c>N D</c> header followed by text lines is word2vec text (fastText's <c>.vec</c>), followed by raw floats word2vec binary; no header is GloVe.</summary>
    Auto,
    /// <summary>word2vec binary: header <c>N D</c>, then per word its bytes, a space and D little-endian float32.</summary>
    Word2VecBinary,
    /// <summary>word2vec text, which is also fastText's <c>.vec</c>: header <c>N D</c>, then <c>word v1 … vD</c> per line.</summary>
    Word2VecText,
    /// <summary>GloVe: <c>word v1 … vD</c> per line, no header.</summary>
    Glove,
}

/// <summary>How to load word vectors. Every property has a documented default.</summary>
public sealed class WordVectorOptions
{
    /// <summary>The format. Default: <see cref="WordVectorFormat.Auto"/>.</summary>
    public WordVectorFormat Format { get; init; } = WordVectorFormat.Auto;

    /// <summary>Load only the first N words (files list frequent words first). Default: all.</summary>
    public int? Limit { get; init; }
}

/// <summary>One neighbour: a row of the vocabulary and its cosine similarity to the query.</summary>
/// <param name="Index">The neighbour's row.</param>
/// <param name="Similarity">Cosine similarity, in [-1, 1].</param>
public readonly record struct Neighbor(int Index, float Similarity);

/// <summary>
/// Word vectors in one contiguous float32 matrix with unit-length rows, each row padded with zeros to a
/// multiple of 8 floats so that the search kernel never handles a ragged tail (300 dimensions: 1.3% more
/// than the raw matrix; 100: 4%). Immutable once loaded; safe to share between threads.
/// </summary>
public sealed partial class WordVectors
{
    private readonly string[] _words;
    private readonly Dictionary<string, int> _index;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly bool _lowerCaseVocabulary;

    /// <param name="words">The words, one per row.</param>
    /// <param name="matrix">The rows, <paramref name="stride"/> floats apart.</param>
    /// <param name="dimensions">Floats per vector.</param>
    /// <param name="stride">Floats per stored row.</param>
    /// <param name="index">Each word's row, when a loader has built it (and refused repeated words); null: built here,
    /// a repeated word keeping its first row.</param>
    private WordVectors(string[] words, float[] matrix, int dimensions, int stride, Dictionary<string, int>? index = null)
    {
        _words = words;
        Matrix = matrix;
        Dimensions = dimensions;
        Stride = stride;
        _index = index ?? new Dictionary<string, int>(words.Length, StringComparer.Ordinal);
        bool lower = true;
        for (int i = 0; i < words.Length; i++)
        {
            if (index is null)
            {
                _index.TryAdd(words[i], i); // a repeated word keeps its first (most frequent) vector
            }

            lower &= !Text.CharRange.Contains(words[i], 'A', 'Z');
        }

        _lowerCaseVocabulary = lower;
        _lookup = _index.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int i = 0; i < words.Length; i++)
        {
            Span<float> row = matrix.AsSpan(i * stride, dimensions);
            float norm = TensorPrimitives.Norm(row);
            if (norm > 0)
            {
                TensorPrimitives.Divide(row, norm, row);
            }
        }
    }

    /// <summary>Number of words.</summary>
    public int Count => _words.Length;

    /// <summary>Dimensions per vector.</summary>
    public int Dimensions { get; }

    /// <summary>Floats per stored row (<see cref="Dimensions"/> rounded up to 8).</summary>
    internal int Stride { get; }

    /// <summary>The rows, <see cref="Stride"/> floats apart.</summary>
    internal float[] Matrix { get; }

    /// <summary>The word of a row.</summary>
    public string Word(int index) => _words[index];

    /// <summary>The unit-length vector of a row.</summary>
    public ReadOnlySpan<float> Vector(int index) => Matrix.AsSpan(index * Stride, Dimensions);

    /// <summary>The row of <paramref name="word"/>: the exact word, else (for a lower-case vocabulary) its lower-case form.</summary>
    public bool TryGetIndex(ReadOnlySpan<char> word, out int index)
    {
        if (_lookup.TryGetValue(word, out index))
        {
            return true;
        }

        if (!_lowerCaseVocabulary || word.Length > 128)
        {
            return false;
        }

        Span<char> lower = stackalloc char[word.Length];
        word.ToLowerInvariant(lower);
        return _lookup.TryGetValue(lower, out index);
    }

    /// <summary>Builds vectors from memory: <paramref name="values"/> holds one row of <paramref name="dimensions"/> floats per word.</summary>
    /// <exception cref="ArgumentException">The sizes do not agree.</exception>
    public static WordVectors Create(IReadOnlyList<string> words, ReadOnlySpan<float> values, int dimensions)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        if (values.Length != words.Count * dimensions)
        {
            throw new ArgumentException($"{words.Count} words of {dimensions} dimensions need {words.Count * dimensions} values, not {values.Length}.", nameof(values));
        }

        int stride = StrideFor(dimensions);
        var matrix = new float[words.Count * stride];
        for (int i = 0; i < words.Count; i++)
        {
            values.Slice(i * dimensions, dimensions).CopyTo(matrix.AsSpan(i * stride));
        }

        return new WordVectors([.. words], matrix, dimensions, stride);
    }

    /// <summary>Loads a vector file.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="DataFormatException">The file is truncated or malformed; the message names the line or byte offset and what was expected.</exception>
    public static WordVectors Load(string path, WordVectorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= new WordVectorOptions();
        if (!File.Exists(path))
        {
            throw MissingFile.Error(path, "word-vector");
        }

        Corpus.FileIdentity.EnsureRegularFile(path, "word-vector file");
        Corpus.FileSignature.Check(path);

        if (options.Limit is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Limit, "limit must be at least 1.");
        }

        WordVectorFormat format = options.Format == WordVectorFormat.Auto ? Detect(path) : options.Format;
        return format switch
        {
            WordVectorFormat.Word2VecBinary => LoadBinary(path, options.Limit),
            _ => LoadText(path, format == WordVectorFormat.Glove, options.Limit),
        };
    }

    /// <summary>The most dimensions a vector file may declare: 65,536.</summary>
    public const int MaxDimensions = 1 << 16;

    /// <summary>
    /// Refuses a header that the file cannot hold before anything is allocated: each of COUNT rows needs at least
    /// <paramref name="minimumBytesPerDimension"/> bytes per dimension and two more (a word and a separator).
    /// </summary>
    private static void CheckHeader(string path, long fileLength, long count, int dimensions, int minimumBytesPerDimension)
    {
        if (dimensions > MaxDimensions)
        {
            throw DataFormatException.AtByte(path, 1, 1, 0L, $"the header declares {dimensions:N0} dimensions; at most {MaxDimensions:N0} are supported. Is the header damaged?");
        }

        long least = count * ((long)dimensions * minimumBytesPerDimension + 2);
        if (least > fileLength)
        {
            throw DataFormatException.AtByte(path, 1, 1, 0L,
                $"the header promises {count:N0} vectors of {dimensions:N0} dimensions (at least {least:N0} bytes) but the file has {fileLength:N0} bytes: the header is wrong or the file is truncated.");
        }
    }

    /// <summary>The space-separated field at <paramref name="index"/> (0-based) of <paramref name="line"/>.</summary>
    private static ReadOnlySpan<byte> Field(ReadOnlySpan<byte> line, int index)
    {
        for (int i = 0; i < index; i++)
        {
            line = line[(line.IndexOf((byte)' ') + 1)..];
        }

        int space = line.IndexOf((byte)' ');
        return space < 0 ? line : line[..space];
    }

    internal static int StrideFor(int dimensions) => (dimensions + 7) / 8 * 8;

    private static WordVectorFormat Detect(string path)
    {
        using var stream = File.OpenRead(path);
        var head = new byte[8192];
        int n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        ReadOnlySpan<byte> bytes = head.AsSpan(0, n);
        int newline = bytes.IndexOf((byte)'\n');
        ReadOnlySpan<byte> first = newline < 0 ? bytes : bytes[..newline];
        if (!TryParseHeader(first, out _, out int dimensions))
        {
            return WordVectorFormat.Glove;
        }

        // After a header: text when the next line holds a word and D numbers, else binary.
        ReadOnlySpan<byte> rest = bytes[(newline + 1)..];
        int end = rest.IndexOf((byte)'\n');
        if (end < 0 || !Utf8ValidText(rest[..end]))
        {
            return WordVectorFormat.Word2VecBinary;
        }

        ReadOnlySpan<byte> line = rest[..end].TrimEnd("\r "u8);
        int fields = 0, numbers = 0;
        foreach (Range field in line.Split((byte)' '))
        {
            fields++;
            if (fields > 1 && System.Buffers.Text.Utf8Parser.TryParse(line[field], out double _, out int used) && used == line[field].Length)
            {
                numbers++;
            }
        }

        // A word and numbers only is a text line even when there are fewer than the header says: the text reader
        // then names the line and the mismatch, instead of reading text as a truncated binary file.
        return fields >= dimensions + 1 || (fields >= 2 && numbers == fields - 1) ? WordVectorFormat.Word2VecText : WordVectorFormat.Word2VecBinary;
    }

    private static bool Utf8ValidText(ReadOnlySpan<byte> line) => System.Text.Unicode.Utf8.IsValid(line) && line.IndexOfAnyInRange((byte)0, (byte)8) < 0;

    private static bool TryParseHeader(ReadOnlySpan<byte> line, out int count, out int dimensions)
    {
        count = dimensions = 0;
        line = line.TrimEnd("\r "u8);
        int space = line.IndexOf((byte)' ');
        return space > 0
               && int.TryParse(line[..space], NumberStyles.None, CultureInfo.InvariantCulture, out count)
               && int.TryParse(line[(space + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out dimensions)
               && count > 0 && dimensions > 0;
    }

    private static WordVectors LoadBinary(string path, int? limit)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        var reader = new ByteReader(stream, path);
        ReadOnlySpan<byte> headerLine = reader.ReadUntil((byte)'\n', out _);
        if (!TryParseHeader(headerLine, out int count, out int dimensions))
        {
            throw DataFormatException.AtByte(path, 1, 1, 0L, $"expected a word2vec header 'COUNT DIMENSIONS' but found '{Encoding.UTF8.GetString(headerLine)}'.");
        }

        int rows = Math.Min(count, limit ?? int.MaxValue);
        CheckHeader(path, stream.Length, rows, dimensions, 4);
        int stride = StrideFor(dimensions);
        var words = new string[rows];
        var matrix = new float[(long)rows * stride];
        var index = new Dictionary<string, int>(rows, StringComparer.Ordinal);
        var offsets = new long[rows];
        for (int i = 0; i < rows; i++)
        {
            reader.SkipWhile((byte)'\n');
            long wordOffset = reader.Position;
            ReadOnlySpan<byte> word = reader.ReadUntil((byte)' ', out bool found);
            if (!found)
            {
                throw DataFormatException.AtByte(path, 0, wordOffset, $"the file ends inside word {i + 1} of {count}: it is truncated (the header promises {count} vectors of {dimensions} floats).");
            }

            if (word.IndexOf((byte)0) is int nul and >= 0)
            {
                throw DataFormatException.AtByte(path, 0, wordOffset + nul, $"word {i + 1} of {count} holds a NUL byte (its bytes so far: '{Shown(word[..nul])}'); a word holds no NUL: the file is damaged, or its header's dimensions are wrong.");
            }

            words[i] = Encoding.UTF8.GetString(word); // invalid bytes become U+FFFD, as other tools read these files
            offsets[i] = wordOffset;
            if (!index.TryAdd(words[i], i))
            {
                throw DataFormatException.AtByte(path, 0, wordOffset, $"the word '{Shown(words[i])}' (word {i + 1} of {count}) appears a second time: word {index[words[i]] + 1} at byte {offsets[index[words[i]]]} is the same word; each word may have one vector (gensim would keep the first, fastText the last): remove one of them.");
            }

            Span<byte> destination = MemoryMarshal.AsBytes(matrix.AsSpan(i * stride, dimensions));
            long vectorOffset = reader.Position;
            if (!reader.TryRead(destination))
            {
                throw DataFormatException.AtByte(path, 0, vectorOffset,
                    $"the file ends inside the vector of '{words[i]}' (word {i + 1} of {count}): expected {dimensions} float32 values ({dimensions * 4} bytes); the file is truncated.");
            }

            ReadOnlySpan<float> vector = matrix.AsSpan(i * stride, dimensions);
            for (int d = 0; d < vector.Length; d++)
            {
                if (!float.IsFinite(vector[d]))
                {
                    throw DataFormatException.AtByte(path, 0, vectorOffset + 4L * d, $"value {d + 1} of the vector of '{words[i]}' is {vector[d]}; vectors must hold finite numbers.");
                }
            }
        }

        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("word2vec binary files are little-endian; this machine is not.");
        }

        if (rows == count)
        {
            // Every vector the header promises is read: anything but line breaks after them means the count is wrong.
            reader.SkipWhile((byte)'\n');
            long after = reader.Position;
            if (reader.TryRead(stackalloc byte[1]))
            {
                throw DataFormatException.AtByte(path, 0, after, $"the header promises {count} vectors, but more data follows the last of them (at byte {after:N0} of {stream.Length:N0}): the header's count is too small, or something was appended to the file; set the count to the number of vectors the file holds.");
            }
        }

        return new WordVectors(words, matrix, dimensions, stride, index);
    }

    /// <summary>A word for a message: cut at 80 characters.</summary>
    private static string Shown(string word) => word.Length > 80 ? word[..80] + "…" : word;

    private static string Shown(ReadOnlySpan<byte> word) => Shown(Encoding.UTF8.GetString(word));

    private static WordVectors LoadText(string path, bool glove, int? limit)
    {
        int dimensions = 0, count;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var lines = new Utf8LineReader(stream, path);
        if (glove)
        {
            count = CountLines(path);
        }
        else
        {
            if (!lines.TryReadLine(out ReadOnlySpan<byte> header, out _) || !TryParseHeader(header, out count, out dimensions))
            {
                throw new DataFormatException(path, 1, 1, "expected a header line 'COUNT DIMENSIONS' (word2vec text / fastText .vec); a file without one is GloVe: set format: glove.");
            }
        }

        int rows = Math.Min(count, limit ?? int.MaxValue);
        if (!glove)
        {
            CheckHeader(path, stream.Length, rows, dimensions, 2);
        }

        bool first = true;
        var words = new List<string>(rows);
        var index = new Dictionary<string, int>(rows, StringComparer.Ordinal);
        var lineOf = new List<long>(rows);
        float[]? matrix = glove ? null : new float[(long)rows * StrideFor(dimensions)];
        while (words.Count < rows && lines.TryReadLine(out ReadOnlySpan<byte> line, out _))
        {
            line = line.TrimEnd((byte)' ');
            if (line.IsEmpty)
            {
                continue;
            }

            if (!System.Text.Unicode.Utf8.IsValid(line))
            {
                throw new DataFormatException(path, lines.LineNumber, 0, "the line is not valid UTF-8.");
            }

            if (line.IndexOfAny("\t\v\f"u8) is int tab and >= 0)
            {
                // Split at spaces only, a tab would leave the word and a number as one field ("found 3 fields").
                throw new DataFormatException(path, lines.LineNumber, Encoding.UTF8.GetCharCount(line[..tab]) + 1,
                    $"a {(line[tab] == (byte)'\t' ? "tab" : "vertical tab or form feed")}; the fields of a text vector file (the word, then each number) are separated by one space.");
            }

            // The word is everything before the last D numbers (some GloVe words contain spaces).
            int fields = line.Count((byte)' ') + 1;
            if (first && glove && TryParseHeader(line, out _, out _))
            {
                throw new DataFormatException(path, lines.LineNumber, 1, $"the first line '{Encoding.UTF8.GetString(line)}' is a word2vec / fastText header 'COUNT DIMENSIONS', not a GloVe vector: set format: word2vec (or auto).");
            }

            if (first && !glove && ((fields - 1 > dimensions
                    && float.TryParse(Field(line, fields - 1 - dimensions), NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                || (fields - 1 < dimensions && fields >= 2
                    && float.TryParse(Field(line, 1), NumberStyles.Float, CultureInfo.InvariantCulture, out _))))
            {
                throw new DataFormatException(path, lines.LineNumber, 0, $"the header declares {dimensions} dimensions but the first vector has {fields - 1}: the header and the data disagree.");
            }

            first = false;
            if (dimensions == 0)
            {
                dimensions = fields - 1;
                if (dimensions < 1)
                {
                    throw new DataFormatException(path, lines.LineNumber, 0, "expected 'word v1 v2 …' but the line has no numbers.");
                }

                matrix = new float[(long)rows * StrideFor(dimensions)];
            }

            if (fields - 1 < dimensions)
            {
                throw new DataFormatException(path, lines.LineNumber, 0, $"expected a word and {dimensions} numbers but found {fields} fields: the line is short or the file is truncated.");
            }

            int stride = StrideFor(dimensions);
            Span<float> row = matrix.AsSpan(words.Count * stride, dimensions);
            int end = line.Length;
            for (int d = dimensions - 1; d >= 0; d--)
            {
                int space = line[..end].LastIndexOf((byte)' ');
                ReadOnlySpan<byte> number = line[(space + 1)..end];
                if (number.IsEmpty && space >= 0)
                {
                    throw new DataFormatException(path, lines.LineNumber, Encoding.UTF8.GetCharCount(line[..(space + 1)]) + 1,
                        "two spaces in a row between the numbers; the word and each number are separated by one space.");
                }

                if (!float.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out row[d]) || !float.IsFinite(row[d]))
                {
                    throw new DataFormatException(path, lines.LineNumber, Encoding.UTF8.GetCharCount(line[..(space + 1)]) + 1,
                        $"expected a finite number but found '{Encoding.UTF8.GetString(number)}'.");
                }

                end = space;
            }

            ReadOnlySpan<byte> wordBytes = line[..end];
            CheckWordSpacing(path, lines.LineNumber, wordBytes);
            if (wordBytes.IndexOf((byte)0) is int nul and >= 0)
            {
                throw new DataFormatException(path, lines.LineNumber, Encoding.UTF8.GetCharCount(wordBytes[..nul]) + 1,
                    $"the word '{Shown(wordBytes).Replace("\0", "\\0", StringComparison.Ordinal)}' holds a NUL byte; a word holds no NUL (is the file UTF-16 or binary? a vector file is UTF-8 text, or word2vec binary): remove it from the word.");
            }

            string word = Encoding.UTF8.GetString(wordBytes);
            if (!index.TryAdd(word, words.Count))
            {
                throw new DataFormatException(path, lines.LineNumber, 1,
                    $"the word '{Shown(word)}' appears a second time (first on line {lineOf[index[word]]}); each word may have one vector (gensim would keep the first, fastText the last): remove one of the two lines.");
            }

            words.Add(word);
            lineOf.Add(lines.LineNumber);
        }

        if (!glove && words.Count < rows)
        {
            throw new DataFormatException(path, lines.LineNumber, 0, $"the header promises {count} vectors but the file ends after {words.Count}: it is truncated.");
        }

        if (!glove && rows == count)
        {
            // Every vector the header promises is read: a vector line after them means the count is wrong.
            long extra = 0, firstExtra = 0;
            while (lines.TryReadLine(out ReadOnlySpan<byte> line, out _))
            {
                if (!line.TrimEnd((byte)' ').IsEmpty)
                {
                    extra++;
                    firstExtra = firstExtra > 0 ? firstExtra : lines.LineNumber;
                }
            }

            if (extra > 0)
            {
                throw new DataFormatException(path, firstExtra, 0,
                    $"the header promises {count} vectors, but the file holds {count + extra} (this line is the first past the count): the header's count is wrong, or lines were added; set it to {count + extra} (the header is '{count + extra} {dimensions}').");
            }
        }

        if (words.Count == 0)
        {
            throw new DataFormatException(path, 1, 0, "the file holds no vectors.");
        }

        int finalStride = StrideFor(dimensions);
        float[] final = matrix!.Length == (long)words.Count * finalStride ? matrix : matrix.AsSpan(0, words.Count * finalStride).ToArray();
        return new WordVectors([.. words], final, dimensions, finalStride, index);
    }

    /// <summary>
    /// Refuses a text file's word that is empty or that starts or ends with white space (two spaces before the numbers,
    /// "great  0.9 …", would make the word "great " and write it into augmented text), or that holds a tab or another
    /// white space but a single space (GloVe's words may hold spaces; gensim and fastText split words at any white space):
    /// the error names the line and the column of the offending character.
    /// </summary>
    private static void CheckWordSpacing(string path, long line, ReadOnlySpan<byte> word)
    {
        if (word.IsEmpty)
        {
            throw new DataFormatException(path, line, 1, "the line starts with a space, not a word; each line is 'word v1 v2 …', the word first, then one space before each number.");
        }

        string text = Encoding.UTF8.GetString(word);
        int bad = -1;
        string what = "";
        if (char.IsWhiteSpace(text[0]))
        {
            (bad, what) = (0, "the word starts with white space");
        }
        else if (char.IsWhiteSpace(text[^1]))
        {
            int at = text.Length - 1;
            while (at > 0 && char.IsWhiteSpace(text[at - 1]))
            {
                at--;
            }

            (bad, what) = (text.Length, $"two spaces (or other white space) between the word '{Shown(text[..at])}' and its numbers");
        }
        else
        {
            for (int i = 0; i < text.Length; i++)
            {
                if (char.IsWhiteSpace(text[i]) && text[i] != ' ')
                {
                    (bad, what) = (i, $"the word '{Shown(text).Replace("\t", "\\t", StringComparison.Ordinal)}' holds a {(text[i] == '\t' ? "tab" : FormattableString.Invariant($"white space character U+{(int)text[i]:X4}"))}");
                    break;
                }
            }
        }

        if (bad >= 0)
        {
            throw new DataFormatException(path, line, bad + 1, $"{what}; the word and each number are separated by one space (a word that starts or ends with white space would be written into augmented text as it is).");
        }
    }

    private static int CountLines(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        var buffer = new byte[1 << 20];
        int lines = 0, read;
        byte last = (byte)'\n';
        while ((read = stream.Read(buffer)) > 0)
        {
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
            last = buffer[read - 1];
        }

        return lines + (last == (byte)'\n' ? 0 : 1);
    }

    /// <summary>A forward-only byte reader with a position, for the binary format.</summary>
    private sealed class ByteReader(Stream stream, string path)
    {
        private readonly byte[] _buffer = new byte[1 << 20];
        private int _start, _end;

        public long Position { get; private set; }

        public ReadOnlySpan<byte> ReadUntil(byte stop, out bool found)
        {
            while (true)
            {
                int at = _buffer.AsSpan(_start, _end - _start).IndexOf(stop);
                if (at >= 0)
                {
                    ReadOnlySpan<byte> result = _buffer.AsSpan(_start, at);
                    _start += at + 1;
                    Position += at + 1;
                    found = true;
                    return result;
                }

                if (_start == 0 && _end == _buffer.Length)
                {
                    throw DataFormatException.AtByte(path, 0, Position, $"a word longer than {_buffer.Length} bytes: this is not a word2vec binary file.");
                }

                if (!Fill())
                {
                    found = false;
                    ReadOnlySpan<byte> rest = _buffer.AsSpan(_start, _end - _start);
                    return rest;
                }
            }
        }

        public void SkipWhile(byte value)
        {
            while (true)
            {
                while (_start < _end && _buffer[_start] == value)
                {
                    _start++;
                    Position++;
                }

                if (_start < _end || !Fill())
                {
                    return;
                }
            }
        }

        public bool TryRead(Span<byte> destination)
        {
            while (destination.Length > 0)
            {
                if (_start == _end && !Fill())
                {
                    return false;
                }

                int n = Math.Min(destination.Length, _end - _start);
                _buffer.AsSpan(_start, n).CopyTo(destination);
                destination = destination[n..];
                _start += n;
                Position += n;
            }

            return true;
        }

        private bool Fill()
        {
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            int read = stream.Read(_buffer, _end, _buffer.Length - _end);
            _end += read;
            return read > 0;
        }
    }
}
