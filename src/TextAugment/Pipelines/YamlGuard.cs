using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace TextAugment.Pipelines;

/// <summary>
/// Checks a pipeline file before it is built into a tree: at most <see cref="MaxBytes"/> bytes of UTF-8 without NUL,
/// nesting at most <see cref="MaxDepth"/> deep (deeper input would overflow the stack), no tags (<c>!!str</c>,
/// <c>!!python/object</c>: a pipeline holds plain values), and one document only.
/// </summary>
internal static class YamlGuard
{
    /// <summary>The largest pipeline file read: 1 MiB.</summary>
    public const int MaxBytes = 1 << 20;

    /// <summary>The deepest nesting of mappings and lists: 64 levels.</summary>
    public const int MaxDepth = 64;

    /// <summary>The longest value quoted whole in a message; longer ones are cut and their length given.</summary>
    public const int MaxQuoted = 80;

    /// <summary>Reads and checks the file; the text, or null after adding the mistakes to <paramref name="d"/>.</summary>
    public static string? Read(string path, Diagnostics d)
    {
        byte[] bytes;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read))
        {
            bytes = new byte[MaxBytes + 1];
            int total = 0, read;
            while (total < bytes.Length && (read = stream.Read(bytes, total, bytes.Length - total)) > 0)
            {
                total += read;
            }

            if (total > MaxBytes)
            {
                d.Add(1, 1, $"the pipeline file is larger than {MaxBytes / (1 << 20)} MiB (pipelines are limited to that size); is this the right file?");
                return null;
            }

            bytes = bytes[..total];
        }

        ReadOnlySpan<byte> content = bytes;
        try
        {
            // UTF-16 (with or without a byte-order mark) and compressed files are told as every reader of text tells them.
            Corpus.FileSignature.Check(content[..Math.Min(content.Length, Corpus.FileSignature.Length)], path);
        }
        catch (DataFormatException signature)
        {
            AddAtByte(d, content, 0, (int)Math.Max(0, signature.ByteOffset), signature.Reason);
            return null;
        }

        int offset = content.StartsWith(Encoding.UTF8.Preamble) ? 3 : 0;
        int at = offset;
        while (at < content.Length)
        {
            if (content[at] == 0)
            {
                AddAtByte(d, content, offset, at, "a NUL byte (0x00); a pipeline file is text.");
                return null;
            }

            if (Rune.DecodeFromUtf8(content[at..], out _, out int consumed) != System.Buffers.OperationStatus.Done)
            {
                AddAtByte(d, content, offset, at, $"invalid UTF-8 (byte 0x{content[at]:X2}); save the pipeline as UTF-8.");
                return null;
            }

            at += consumed;
        }

        string text = Encoding.UTF8.GetString(content[offset..]);
        return Scan(text, d) ? text : null;
    }

    /// <summary><paramref name="value"/> in single quotes, cut to <see cref="MaxQuoted"/> characters with its length when longer.</summary>
    public static string Quote(string? value) =>
        value is null ? "''"
        : value.Length <= MaxQuoted ? $"'{value}'"
        : $"'{value[..MaxQuoted]}…' ({value.Length:N0} characters)";

    /// <summary>
    /// The 1-based line and column of the first tab in a line's indentation (the white space before its first other
    /// character) at or after line <paramref name="fromLine"/>; null when there is none.
    /// </summary>
    public static (int Line, int Column)? FindTabIndentation(string text, long fromLine)
    {
        int line = 1;
        foreach (ReadOnlySpan<char> content in text.AsSpan().EnumerateLines())
        {
            int indentation = content.IndexOfAnyExcept(' ', '\t');
            if (line >= fromLine && indentation > 0 && content[..indentation].IndexOf('\t') is int tab and >= 0)
            {
                return (line, tab + 1);
            }

            line++;
        }

        return null;
    }

    private static bool Scan(string text, Diagnostics d)
    {
        int errors = d.Errors.Count;
        var open = new Stack<(long Line, long Column, char Bracket)>(); // the collections open, innermost on top: '{', '[' or '\0' for block ones
        try
        {
            var parser = new Parser(new StringReader(text));
            int depth = 0, documents = 0;
            while (parser.MoveNext())
            {
                ParsingEvent e = parser.Current!;
                if (e is MappingStart or SequenceStart)
                {
                    open.Push((e.Start.Line, e.Start.Column, e is MappingStart { Style: MappingStyle.Flow } ? '{' : e is SequenceStart { Style: SequenceStyle.Flow } ? '[' : '\0'));
                }
                else if (e is MappingEnd or SequenceEnd && open.Count > 0)
                {
                    open.Pop();
                }

                if (e is DocumentStart && ++documents > 1)
                {
                    d.Add(e.Start.Line, e.Start.Column, "a second YAML document (after '---'); a pipeline file holds one document: remove it or split the file.");
                    return false;
                }

                if (e is NodeEvent node && !node.Tag.IsEmpty && !node.Tag.IsNonSpecific)
                {
                    d.Add(e.Start.Line, e.Start.Column, $"a YAML tag {Quote(node.Tag.Value)}; pipelines hold plain values: remove the tag.");
                }

                if (e is MappingStart or SequenceStart && ++depth > MaxDepth)
                {
                    d.Add(e.Start.Line, e.Start.Column, $"nested more than {MaxDepth} levels deep; pipelines are limited to that depth.");
                    return false;
                }

                if (e is MappingEnd or SequenceEnd)
                {
                    depth--;
                }
            }
        }
        catch (YamlException)
        {
            // The tree builder reports syntax errors with their positions.
            return true;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's parser stops so, with no position, at the end of a document where a { } or [ ] is still open:
            // the innermost one open is where to look.
            foreach (var (line, column, bracket) in open)
            {
                if (bracket != '\0')
                {
                    d.Add(line, column, $"not valid YAML: the '{bracket}' at {line}:{column} is never closed; end the {(bracket == '{' ? "mapping with '}'" : "list with ']'")} (the file ended inside it).");
                    return false;
                }
            }

            d.Add(1, 1, "not valid YAML: the parser stopped at the end of the file without a position; check for an unclosed bracket or quote.");
            return false;
        }

        return d.Errors.Count == errors;
    }

    private static void AddAtByte(Diagnostics d, ReadOnlySpan<byte> content, int start, int at, string message)
    {
        int line = 1, lineStart = start;
        for (int i = start; i < at; i++)
        {
            if (content[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        int column = Encoding.UTF8.GetCharCount(content[lineStart..at]) + 1;
        d.Add(line, column, message, byteOffset: at);
    }
}
