using System.Diagnostics;

namespace TextAugment.Tests;

/// <summary>The real command in a child process: standard input to standard output, and its exit codes.</summary>
public class StreamingTests
{
    internal static (int ExitCode, string Output, string Errors) Textaugment(string input, params string[] args)
    {
        string cli = Path.Combine(AppContext.BaseDirectory, "TextAugment.Cli.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(cli);
        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> errors = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        process.WaitForExit();
        return (process.ExitCode, output.Result, errors.Result);
    }

    [Fact]
    public void Augment_streams_standard_input_to_standard_output()
    {
        string dir = TestPaths.NewTempDirectory();
        string pipeline = Path.Combine(dir, "stream.yaml");
        File.WriteAllText(pipeline, "seed: 1\naugment:\n  variants: 2\n  stages:\n    - random_swap: {}\n");
        var (code, output, errors) = Textaugment("one two three four\nfive six seven eight\n", "augment", pipeline, "--input-format", "text", "--no-progress");
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
        var (code, _, errors) = Textaugment("text\tlabel\nfine\tpos\nbroken\n", "augment", pipeline, "--input-format", "tsv", "--no-progress");
        Assert.Equal(1, code);
        Assert.Contains("<stdin>:3: expected 2 tab-separated fields", errors, StringComparison.Ordinal);
    }
}
