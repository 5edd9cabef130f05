namespace TextAugment.Tests;

/// <summary>
/// Messages on standard error (progress, warnings, the summary line, error reports) are best effort: a full device
/// (<c>2&gt;/dev/full</c>) or a closed descriptor (<c>2&gt;&amp;-</c>) never aborts the command, and the exit code is the one
/// the run would have had otherwise. (A pipe whose reader has gone, EPIPE, .NET's console stream already ignores.)
/// </summary>
public class StandardErrorTests
{
    [Theory]
    [InlineData("augment p.yaml -i in.tsv -o o.jsonl 2>/dev/full", 0)]
    [InlineData("augment p.yaml -i in.tsv -o o.jsonl 2>&-", 0)]
    [InlineData("run p.yaml 2>/dev/full", 0)]
    [InlineData("fit-tfidf in.tsv -o stats.tsv 2>/dev/full", 0)]
    [InlineData("train in.tsv -o m.tam --epochs 2 2>/dev/full", 0)]
    [InlineData("train in.tsv -o m.tam --bogus 2>/dev/full", 2)]
    [InlineData("augment p.yaml -i missing.tsv -o o.jsonl 2>/dev/full", 2)]
    [InlineData("augment p.yaml -i bad.jsonl -o o.jsonl 2>/dev/full", 1)]
    [InlineData("augment p.yaml -i bad.jsonl -o o.jsonl 2>&-", 1)]
    public void A_full_or_closed_standard_error_keeps_the_exit_code_the_run_would_have_had(string command, int expected)
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // /dev/full is Linux's
        }

        string dir = Workspace();
        var (code, output) = CommandRunner.InShell(dir, command);
        Assert.True(code == expected, $"exit {code}, expected {expected}: {output}");
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        if (expected == 0 && command.Contains("o.jsonl", StringComparison.Ordinal))
        {
            AssertSameAsWithStandardError(dir);
        }
    }

    /// <summary>o.jsonl is what the same run writes with a working standard error.</summary>
    private static void AssertSameAsWithStandardError(string dir)
    {
        var (code, output) = CommandRunner.InShell(dir, "augment p.yaml -i in.tsv -o reference.jsonl");
        Assert.True(code == 0, output);
        Assert.Equal(File.ReadAllText(Path.Combine(dir, "reference.jsonl")), File.ReadAllText(Path.Combine(dir, "o.jsonl")));
    }

    private static string Workspace()
    {
        string dir = TestPaths.NewTempDirectory();
        File.WriteAllLines(Path.Combine(dir, "in.tsv"), ["text\tlabel", .. Enumerable.Range(0, 40).Select(i => $"the film number {i} was {(i % 2 == 0 ? "good" : "bad")}\t{(i % 2 == 0 ? "pos" : "neg")}")]);
        File.WriteAllText(Path.Combine(dir, "bad.jsonl"), "{\"text\": \"the film was good\", \"label\": \"pos\"}\n{not json\n");
        File.WriteAllText(Path.Combine(dir, "p.yaml"), "input: { path: in.tsv }\noutput: { path: o.jsonl }\naugment:\n  stages: [ { random_swap: {} } ]\n");
        return dir;
    }
}
