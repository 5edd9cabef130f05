using System.Globalization;
using System.Text;
using System.Text.Json;
using TextAugment.Corpus;

namespace TextAugment.Onnx;

/// <summary>
/// The <c>config.json</c> Hugging Face exports write beside a model, read as every other input is: a regular file (not a
/// device or FIFO), at most <see cref="MaxBytes"/> bytes, UTF-8 JSON whose top level is an object; of its keys only
/// <c>max_position_embeddings</c> is used, and its type and range are checked. Every fault names the file, the line and
/// column of the value (or of the fault in the JSON), what was found and what would be right.
/// </summary>
internal static class ModelConfig
{
    /// <summary>The largest config.json read: 16 MiB (a Hugging Face config is a few kilobytes; one with a large id2label a few hundred).</summary>
    internal const int MaxBytes = 16 << 20;

    /// <summary>The key read: the rows of the model's position-embedding table, the longest input it takes.</summary>
    internal const string PositionsKey = "max_position_embeddings";

    /// <summary>
    /// The position-table size the config at <paramref name="path"/> claims, with the line and column of its value; null
    /// when the file does not exist or has no <c>max_position_embeddings</c>.
    /// </summary>
    /// <param name="path">The config.json.</param>
    /// <param name="minimum">The least value that is right: the shortest window the model is run with.</param>
    /// <exception cref="DataFormatException">The file is not a regular file, too large, not UTF-8 JSON, its top level is not an
    /// object, or max_position_embeddings is not a whole number from <paramref name="minimum"/> to 2147483647.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static (int Value, long Line, int Column)? MaxPositions(string path, int minimum)
    {
        if (!File.Exists(path) && !FileIdentity.IsDeviceOrPipe(path))
        {
            return null;
        }

        string fix = "fix it, or remove it (the rows of the model's position-embedding table are then used)";
        if (FileIdentity.IsDeviceOrPipe(path))
        {
            throw new DataFormatException(path, 0, 0, $"the model's config.json is a device, FIFO or socket, not a regular file; it is read whole, so it must be a regular file: {fix}.");
        }

        FileSignature.Check(path);
        byte[] bytes;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1))
        {
            bytes = new byte[(int)Math.Min(stream.Length, MaxBytes + 1L)];
            int read = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
            if (read > MaxBytes || stream.Length > MaxBytes)
            {
                throw new DataFormatException(path, 0, 0, string.Create(CultureInfo.InvariantCulture,
                    $"the model's config.json is {stream.Length:N0} bytes, more than the {MaxBytes:N0} a config.json may have (a Hugging Face config is a few kilobytes): is it the right file? {fix}."));
            }

            Array.Resize(ref bytes, read);
        }

        int start = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0; // a UTF-8 byte-order mark
        ReadOnlySpan<byte> json = bytes.AsSpan(start);
        if (FirstInvalidUtf8(json) is int bad)
        {
            var (line, column) = Position(bytes, start + bad);
            throw new DataFormatException(path, line, column, $"byte 0x{json[bad]:x2} is not UTF-8; a config.json is UTF-8 JSON: {fix}.");
        }

        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        (int Value, long Line, int Column)? found = null;
        try
        {
            if (!reader.Read())
            {
                throw new DataFormatException(path, 1, 1, $"the file is empty; a config.json is a JSON object ({{\"{PositionsKey}\": 512, …}}): {fix}.");
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                var (line, column) = Position(bytes, start + (int)reader.TokenStartIndex);
                throw new DataFormatException(path, line, column, $"the top level is {Describe(reader)}; a config.json is a JSON object ({{\"{PositionsKey}\": 512, …}}): {fix}.");
            }

            while (reader.Read())
            {
                if (reader.CurrentDepth != 1 || reader.TokenType != JsonTokenType.PropertyName || !reader.ValueTextEquals(PositionsKey))
                {
                    continue;
                }

                reader.Read();
                var (line, column) = Position(bytes, start + (int)reader.TokenStartIndex);
                if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out long value) || value < minimum || value > int.MaxValue)
                {
                    throw new DataFormatException(path, line, column, string.Create(CultureInfo.InvariantCulture,
                        $"{PositionsKey} is {Describe(reader)}; it must be a whole number from {minimum} (max_length's minimum: the shortest window the model is run with) to {int.MaxValue}, the rows of the model's position-embedding table; {fix}."));
                }

                found = ((int)value, line, column);
            }
        }
        catch (JsonException error)
        {
            long line = (error.LineNumber ?? 0) + 1;
            int column = (int)(error.BytePositionInLine ?? 0) + 1;
            if (error.LineNumber is long zeroBased && error.BytePositionInLine is long inLine)
            {
                (line, column) = Position(bytes, (int)Math.Min(bytes.Length, start + LineStart(json, zeroBased) + inLine));
            }

            throw new DataFormatException(path, line, column, $"not valid JSON: {Reason(error.Message)} {char.ToUpperInvariant(fix[0])}{fix[1..]}.");
        }

        return found;
    }

    /// <summary>The JSON value at the reader, for a message: a number or string as written, else its kind.</summary>
    private static string Describe(Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
        JsonTokenType.String => $"the string \"{reader.GetString()}\"",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.True or JsonTokenType.False => reader.TokenType == JsonTokenType.True ? "true" : "false",
        JsonTokenType.Null => "null",
        _ => reader.TokenType.ToString(),
    };

    /// <summary>System.Text.Json's message without its position (given as line:column instead).</summary>
    private static string Reason(string message)
    {
        foreach (string tail in new[] { " Path: ", " LineNumber: " })
        {
            int at = message.IndexOf(tail, StringComparison.Ordinal);
            if (at >= 0)
            {
                message = message[..at];
            }
        }

        message = message.Trim();
        return message.EndsWith('.') ? message : message + ".";
    }

    /// <summary>The 1-based line and column (in characters) of byte <paramref name="offset"/> of <paramref name="bytes"/>.</summary>
    private static (long Line, int Column) Position(ReadOnlySpan<byte> bytes, int offset)
    {
        ReadOnlySpan<byte> before = bytes[..Math.Min(offset, bytes.Length)];
        int lineStart = before.LastIndexOf((byte)'\n') + 1;
        return (before.Count((byte)'\n') + 1, Encoding.UTF8.GetCharCount(before[lineStart..]) + 1);
    }

    /// <summary>The byte offset where 0-based line <paramref name="line"/> starts.</summary>
    private static int LineStart(ReadOnlySpan<byte> json, long line)
    {
        int offset = 0;
        for (long i = 0; i < line; i++)
        {
            int next = json[offset..].IndexOf((byte)'\n');
            if (next < 0)
            {
                return json.Length;
            }

            offset += next + 1;
        }

        return offset;
    }

    /// <summary>The offset of the first byte that is not part of valid UTF-8, or null.</summary>
    private static int? FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        int offset = 0;
        while (offset < bytes.Length)
        {
            if (System.Buffers.OperationStatus.Done != System.Text.Rune.DecodeFromUtf8(bytes[offset..], out _, out int consumed))
            {
                return offset;
            }

            offset += consumed;
        }

        return null;
    }
}
