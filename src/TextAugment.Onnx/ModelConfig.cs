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
    /// <param name="tableRows">The rows of the model's position-embedding table when they are known (the most that is right),
    /// else null (then 2147483647 is).</param>
    /// <param name="modelPath">The model, named in the range message when <paramref name="tableRows"/> is known.</param>
    /// <exception cref="DataFormatException">The path is a link to nothing, a folder or not a regular file, the file is too large,
    /// not UTF-8 JSON, its top level is not an object, an object repeats a key, or max_position_embeddings is not a whole
    /// number from <paramref name="minimum"/> to <paramref name="tableRows"/> (or 2147483647).</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static (int Value, long Line, int Column)? MaxPositions(string path, int minimum, int? tableRows = null, string? modelPath = null)
    {
        string fix = "fix it, or remove it (the rows of the model's position-embedding table are then used)";
        if (FileIdentity.BrokenLink(path) is { } target)
        {
            throw new DataFormatException(path, 0, 0, $"the model's config.json is a link to '{target}', which does not exist; it would be read for max_position_embeddings: fix the link, or remove it (the rows of the model's position-embedding table are then used).");
        }

        if (Directory.Exists(path))
        {
            throw new DataFormatException(path, 0, 0, $"the model's config.json is a folder, not a regular file; it is read whole, so it must be a regular file: remove the folder or put the model's config.json there (the rows of the model's position-embedding table are used without one).");
        }

        if (!File.Exists(path) && !FileIdentity.IsDeviceOrPipe(path))
        {
            return null;
        }

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

            // The keys of each open object with where they are, to refuse a repeated one: JSON readers differ on which of two
            // values they keep (the first, the last), so a config with two max_position_embeddings has no one meaning.
            var open = new Stack<Dictionary<string, (long Line, int Column)>>();
            open.Push(new Dictionary<string, (long Line, int Column)>(StringComparer.Ordinal));
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    open.Push(new Dictionary<string, (long Line, int Column)>(StringComparer.Ordinal));
                    continue;
                }

                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    open.Pop();
                    continue;
                }

                if (reader.TokenType != JsonTokenType.PropertyName)
                {
                    continue;
                }

                string name = reader.GetString()!;
                var at = Position(bytes, start + (int)reader.TokenStartIndex);
                if (open.Peek().TryGetValue(name, out var first))
                {
                    throw new DataFormatException(path, at.Line, at.Column, string.Create(CultureInfo.InvariantCulture,
                        $"the key \"{name}\" is repeated: it is already at line {first.Line}, column {first.Column}; a key may appear once in a JSON object (readers differ on which value they keep): remove one."));
                }

                open.Peek().Add(name, at);
                if (reader.CurrentDepth != 1 || name != PositionsKey)
                {
                    continue;
                }

                reader.Read();
                var (line, column) = Position(bytes, start + (int)reader.TokenStartIndex);
                long most = tableRows ?? int.MaxValue;
                if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out long value) || value < minimum || value > most)
                {
                    string rows = tableRows is null
                        ? "the rows of the model's position-embedding table"
                        : $"the rows of the position-embedding table of the model '{modelPath}' (a larger value means the config does not belong to this model)";
                    throw new DataFormatException(path, line, column, string.Create(CultureInfo.InvariantCulture,
                        $"{PositionsKey} is {Describe(reader)}; it must be a whole number from {minimum} (max_length's minimum: the shortest window the model is run with) to {most}, {rows}; {fix}."));
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
