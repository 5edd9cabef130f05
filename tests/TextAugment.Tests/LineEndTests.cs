using System.Diagnostics;
using System.Text;
using TextAugment.Corpus;

namespace TextAugment.Tests;

/// <summary>LF, CRLF and lone-CR line ends in every line reader; bounded line length; predict's invalid UTF-8 by byte offset.</summary>
public class LineEndTests
{
    private static List<Example> ReadFixture(string name)
    {
        using CorpusReader reader = CorpusReader.Open(TestPaths.Fixture(Path.Combine("hostile", name)), new CorpusReaderOptions { Format = CorpusFormat.Tsv, LabelColumn = "label" });
        return [.. reader.ReadAll()];
    }

    [Theory]
    [InlineData("labelled.tsv")]
    [InlineData("crlf.tsv")]
    [InlineData("cr-only.tsv")]
    public void A_tsv_reads_the_same_rows_whatever_its_line_ends(string fixture)
    {
        List<Example> rows = ReadFixture(fixture);
        Assert.Equal(2, rows.Count);
        Assert.Equal("the quick brown fox", rows[0].Text);
        Assert.Equal("b", rows[1].Label);
    }

    [Fact]
    public void Mixed_line_ends_split_in_the_right_places_with_the_right_offsets()
    {
        byte[] bytes = Encoding.UTF8.GetBytes("a\rb\r\nc\nd\r");
        using var reader = new Utf8LineReader(new MemoryStream(bytes), "mixed");
        var lines = new List<(string Text, bool Crlf, long Offset)>();
        while (reader.TryReadLine(out ReadOnlySpan<byte> line, out bool crlf))
        {
            lines.Add((Encoding.UTF8.GetString(line), crlf, reader.LineOffset));
        }

        Assert.Equal([("a", false, 0L), ("b", true, 2L), ("c", false, 5L), ("d", false, 7L)], lines);
    }

    [Fact]
    public void A_line_without_a_break_longer_than_the_limit_is_an_error_not_unbounded_memory()
    {
        using var reader = new Utf8LineReader(new MemoryStream(new byte[Utf8LineReader.MaxLineBytes + 2]), "zeros");
        DataFormatException error = Assert.Throws<DataFormatException>(() => reader.TryReadLine(out _, out _));
        Assert.StartsWith("zeros:1:1 (byte 0 of the file):", error.Message, StringComparison.Ordinal);
        Assert.Contains("16 MiB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Predict_names_invalid_utf8_on_standard_input_by_byte_offset_and_accepts_cr_line_ends()
    {
        string dir = TestPaths.NewTempDirectory();
        string model = Path.Combine(dir, "m.tam");
        var (trained, _, trainErrors) = CommandRunner.Child((byte[]?)null, "train", TestPaths.Fixture(Path.Combine("hostile", "labelled.tsv")), "-o", model, "--epochs", "1", "--dim", "4", "--hidden", "0", "--buckets", "1024", "--validation-fraction", "0");
        Assert.True(trained == 0, trainErrors);

        var (ok, output, errors) = CommandRunner.Child("the quick fox\rthe lazy dog\r"u8.ToArray(), "predict", model);
        Assert.True(ok == 0, errors);
        Assert.Equal(2, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        var (bad, _, badErrors) = CommandRunner.Child([.. "fine\nca"u8, 0xE9, (byte)'\n'], "predict", model);
        Assert.Equal(1, bad);
        Assert.Contains("<stdin>:2:3 (byte 7 of the input): invalid UTF-8 (byte 0xE9)", badErrors, StringComparison.Ordinal);
    }

}
