using System.Diagnostics;

namespace TextAugment.Tests;

/// <summary>The real command in a child process: standard input to standard output, and its exit codes.</summary>
public class StreamingTests
{
    [Fact]
    public void Augment_streams_standard_input_to_standard_output()
    {
        string dir = TestPaths.NewTempDirectory();
        string pipeline = Path.Combine(dir, "stream.yaml");
        File.WriteAllText(pipeline, "seed: 1\naugment:\n  variants: 2\n  stages:\n    - random_swap: {}\n");
        var (code, output, errors) = CommandRunner.Child("one two three four\nfive six seven eight\n", "augment", pipeline, "--input-format", "text", "--no-progress");
        Assert.Equal(0, code);
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(6, lines.Length); // per input line: the original and 2 variants
        Assert.Equal("one two three four", lines[0]);
        Assert.All(lines[1..3], l => Assert.Equal("four one three two", string.Join(' ', l.Split(' ').Order(StringComparer.Ordinal))));
        Assert.Contains("2 examples → 6 rows", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_row_on_standard_input_exits_1_naming_stdin_and_the_line()
    {
        string dir = TestPaths.NewTempDirectory();
        string pipeline = Path.Combine(dir, "stream.yaml");
        File.WriteAllText(pipeline, "augment:\n  stages:\n    - random_swap: {}\n");
        var (code, _, errors) = CommandRunner.Child("text\tlabel\nfine\tpos\nbroken\n", "augment", pipeline, "--input-format", "tsv", "--no-progress");
        Assert.Equal(1, code);
        Assert.Contains("<stdin>:3:7: expected 2 tab-separated fields", errors, StringComparison.Ordinal);
    }
}

/// <summary>'-' for standard input or output in every argument and option that takes a path, through the real command.</summary>
public class StandardStreamArgumentTests
{
    private const string Labelled = "id\ttext\tlabel\n1\tthe quick brown fox\ta\n2\tthe lazy dog sleeps\tb\n3\ta quick fox runs\ta\n4\ta dog sleeps now\tb\n";

    [Fact]
    public void Augment_reads_and_writes_dash_given_as_options()
    {
        string pipeline = Path.Combine(TestPaths.NewTempDirectory(), "p.yaml");
        File.WriteAllText(pipeline, "seed: 1\naugment:\n  variants: 1\n  stages: [ { random_swap: {} } ]\n");
        var (code, output, errors) = CommandRunner.Child(Labelled, "augment", pipeline, "-i", "-", "-o", "-", "--input-format", "tsv", "--no-progress");
        Assert.True(code == 0, errors);
        Assert.StartsWith("id\tvariant\ttext\tlabel\n1\t0\tthe quick brown fox\ta\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_tfidf_reads_standard_input_and_writes_standard_output()
    {
        var (code, output, errors) = CommandRunner.Child(Labelled, "fit-tfidf", "-", "--format", "tsv", "-o", "-");
        Assert.True(code == 0, errors);
        Assert.StartsWith("# textaugment tfidf v1\ndocuments\t4\n", output, StringComparison.Ordinal);
        Assert.Contains("\nquick\t2\t", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_and_evaluate_read_their_data_from_standard_input()
    {
        string dir = TestPaths.NewTempDirectory();
        string model = Path.Combine(dir, "model.tam");
        string[] small = ["--epochs", "1", "--dim", "4", "--hidden", "0", "--buckets", "1024"];
        var (code, _, errors) = CommandRunner.Child(Labelled, ["train", "-", "-o", model, "--validation-fraction", "0", .. small]);
        Assert.True(code == 0, errors);
        Assert.True(File.Exists(model));

        string data = Path.Combine(dir, "train.tsv");
        File.WriteAllText(data, Labelled);
        (code, _, errors) = CommandRunner.Child(Labelled, ["train", data, "-o", model, "--validation", "-", .. small]);
        Assert.True(code == 0, errors);
        Assert.Contains("validation: 4 examples given", errors, StringComparison.Ordinal);

        (code, string output, errors) = CommandRunner.Child(Labelled, "evaluate", model, "-");
        Assert.True(code == 0, errors);
        Assert.StartsWith("<stdin>: accuracy", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<PIPELINE> is '-'", "validate", "-")]
    [InlineData("<PIPELINE> is '-'", "run", "-")]
    [InlineData("--output is '-'", "train", "DATA", "-o", "-")]
    [InlineData("--report is '-'", "train", "DATA", "-o", "m.tam", "--report", "-")]
    [InlineData("--vectors is '-'", "train", "DATA", "-o", "m.tam", "--vectors", "-")]
    [InlineData("<DATA> and --validation are both '-'", "train", "-", "-o", "m.tam", "--validation", "-")]
    [InlineData("<DATA> and --unlabelled are both '-'", "train", "-", "-o", "m.tam", "--unlabelled", "-")]
    [InlineData("<DATA> and --validation and --unlabelled are all '-'", "train", "-", "-o", "m.tam", "--validation", "-", "--unlabelled", "-")]
    [InlineData("--validation and <DATA> are the same file", "train", "DATA", "-o", "m.tam", "--validation", "DATA")]
    [InlineData("<MODEL> is '-'", "evaluate", "-", "DATA")]
    [InlineData("<MODEL> is '-'", "predict", "-")]
    public void Where_a_stream_cannot_work_dash_is_refused_with_the_reason(string expected, params string[] args)
    {
        string dir = TestPaths.NewTempDirectory();
        string data = Path.Combine(dir, "train.tsv");
        File.WriteAllText(data, Labelled);
        var (code, output, errors) = CommandRunner.Child(Labelled, [.. args.Select(a => a == "DATA" ? data : a == "m.tam" ? Path.Combine(dir, a) : a)]);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith($"textaugment: {expected}", errors, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(dir)); // nothing written
    }
}

/// <summary>evaluate on labels with terminal escape sequences and more labels than a table can show.</summary>
public class EvaluationPrintingTests
{
    [Fact]
    public void Labels_are_escaped_the_table_is_capped_and_the_report_has_everything()
    {
        string data = TestPaths.Fixture(Path.Combine("hostile", "labels-25-with-escapes.tsv"));
        string dir = TestPaths.NewTempDirectory();
        string model = Path.Combine(dir, "model.tam"), report = Path.Combine(dir, "evaluation.json");
        var (code, _, errors) = CommandRunner.Child("", "train", data, "-o", model, "--epochs", "2", "--dim", "8", "--hidden", "0", "--buckets", "4096", "--validation-fraction", "0");
        Assert.True(code == 0, errors);

        (code, string output, errors) = CommandRunner.Child("", "evaluate", model, data, "--report", report);
        Assert.True(code == 0, errors);
        Assert.DoesNotContain('\x1B', output);
        Assert.DoesNotContain('\u202E', output);
        Assert.Contains(@"\e[31mred\e[0m", output, StringComparison.Ordinal);
        Assert.Contains(@"rtl\u202Eevil", output, StringComparison.Ordinal);
        Assert.Contains("the 20 most frequent of 25 labels", output, StringComparison.Ordinal);
        Assert.Contains("topic17", output, StringComparison.Ordinal);    // 20th most frequent (ties in label order)
        Assert.DoesNotContain("topic18", output, StringComparison.Ordinal);
        string[] lines = output.Split('\n');
        int confusion = Array.FindIndex(lines, l => l.StartsWith("  confusion", StringComparison.Ordinal));
        Assert.Equal(20, lines.Skip(confusion + 1).Count(l => l.Length > 0));
        Assert.All(lines.Skip(confusion + 1).Where(l => l.Length > 0), l => Assert.Equal(21, l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length));

        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(report));
        var labels = json.RootElement.GetProperty("labels");
        Assert.Equal(25, labels.GetArrayLength());
        Assert.Contains(labels.EnumerateArray(), l => l.GetProperty("label").GetString() == "\x1B[31mred\x1B[0m"); // the data's label, unescaped
        Assert.Equal(25, json.RootElement.GetProperty("confusion").GetArrayLength());
        Assert.All(json.RootElement.GetProperty("confusion").EnumerateArray(), row => Assert.Equal(25, row.GetArrayLength()));
    }
}
