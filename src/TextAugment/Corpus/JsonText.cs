using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace TextAugment.Corpus;

/// <summary>
/// JSON documents written member by member with System.Text.Json's <see cref="Utf8JsonWriter"/>: no reflection over
/// anonymous types, so the command also runs compiled ahead of time (Native AOT, where the serializer's reflection
/// is off), and the member order is the code's. Numbers are written as <see cref="JsonSerializer"/> writes them.
/// </summary>
internal static class JsonText
{
    /// <summary>The document <paramref name="write"/> writes, as a string.</summary>
    /// <param name="write">Writes one JSON value.</param>
    /// <param name="indented">Two-space indentation and a line per member (report files), else one line.</param>
    /// <param name="relaxed">Non-ASCII text and HTML-sensitive characters as they are (files people read); else escaped
    /// as System.Text.Json's default encoder escapes them.</param>
    public static string Write(Action<Utf8JsonWriter> write, bool indented = false, bool relaxed = false)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented, Encoder = relaxed ? JavaScriptEncoder.UnsafeRelaxedJsonEscaping : null }))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>A named array of numbers.</summary>
    public static void WriteNumbers(this Utf8JsonWriter writer, string name, IEnumerable<double> values)
    {
        writer.WriteStartArray(name);
        foreach (double v in values)
        {
            writer.WriteNumberValue(v);
        }

        writer.WriteEndArray();
    }

    /// <summary>A named number, or null where <paramref name="value"/> has none.</summary>
    public static void WriteNumberOrNull(this Utf8JsonWriter writer, string name, double? value)
    {
        if (value is double v)
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>A named scalar or list of the kinds options hold: int, long, double, float, bool, string, int[] or null.</summary>
    /// <exception cref="ArgumentException">Another kind of value.</exception>
    public static void WriteValue(this Utf8JsonWriter writer, string name, object? value)
    {
        writer.WritePropertyName(name);
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case int i: writer.WriteNumberValue(i); break;
            case long l: writer.WriteNumberValue(l); break;
            case double d: writer.WriteNumberValue(d); break;
            case float f: writer.WriteNumberValue(f); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case string s: writer.WriteStringValue(s); break;
            case int[] list:
                writer.WriteStartArray();
                foreach (int v in list)
                {
                    writer.WriteNumberValue(v);
                }

                writer.WriteEndArray();
                break;
            default:
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{name}: a {value.GetType().Name} has no JSON form here."), nameof(value));
        }
    }
}
