using Spectre.Console.Testing;
using TextAugment.Cli;

namespace TextAugment.Tests;

/// <summary>The textaugment command: exit codes, messages, atomic output.</summary>
[Collection(ConsoleCollection.Name)]
public class CliTests
{
    private static (int ExitCode, string Output, string Errors) Run(params string[] args)
    {
        var console = new TestConsole();
        var errors = new StringWriter();
        TextWriter original = Console.Error;
        Console.SetError(errors);
        try
        {
            int code = TextAugmentApp.Run([.. args, .. (args.Length > 0 && args[0] is "run" or "augment" ? new[] { "--no-progress" } : [])], console, errors);
            return (code, console.Output, errors.ToString());
        }
        finally
        {
            Console.SetError(original);
        }
    }

    [Fact]
    public void A_pipeline_path_inside_the_current_folder_is_shown_relative_to_it_and_any_other_as_it_is()
    {
        string here = Environment.CurrentDirectory;
        Assert.Equal(Path.Combine("out", "quickstart", "augmented.jsonl"), Runner.Shown(Path.Combine(here, "out", "quickstart", "augmented.jsonl")));
        string outside = Path.GetFullPath(Path.Combine(here, "..", "elsewhere.jsonl"));
        Assert.Equal(outside, Runner.Shown(outside));
        Assert.Equal("-", Runner.Shown("-"));
        Assert.Equal(Path.Combine("rel", "a.tsv"), Runner.Shown(Path.Combine("rel", "a.tsv")));
    }

    private static string WritePipeline(string dir, string outputPath, string extra = "")
    {
        string tiny = TestPaths.Fixture("tiny.tsv").Replace("\\", "/", StringComparison.Ordinal);
        string synonyms = TestPaths.Fixture("synonyms.tsv").Replace("\\", "/", StringComparison.Ordinal);
        string path = Path.Combine(dir, "pipeline.yaml");
        File.WriteAllText(path, $"""
            seed: 3
            input: {"{"} path: {tiny} {extra}{"}"}
            output: {"{"} path: {outputPath} {"}"}
            augment:
              variants: 2
              stages:
                - synonym: {"{"} dictionary: {synonyms}, p: 0.5 {"}"}
            """);
        return path;
    }

    [Fact]
    public void Run_writes_the_promised_rows_and_exits_0()
    {
        string dir = TestPaths.NewTempDirectory();
        string pipeline = WritePipeline(dir, "out/augmented.tsv");
        var (code, _, errors) = Run("run", pipeline);
        Assert.Equal(0, code);
        string[] lines = File.ReadAllLines(Path.Combine(dir, "out", "augmented.tsv"));
        Assert.Equal("id\tvariant\ttext\tlabel", lines[0]);
        Assert.Equal(1 + 3 * 3, lines.Length);
        Assert.Contains("3 examples → 9 rows", errors, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Path.Combine(dir, "out"), "*.tmp"));
    }

    [Fact]
    public void An_invalid_pipeline_exits_2_with_file_line_column()
    {
        string fixture = Path.Combine(TestPaths.Fixtures, "invalid", "unknown-key.yaml");
        var (code, _, errors) = Run("validate", fixture);
        Assert.Equal(2, code);
        Assert.StartsWith($"{fixture}:5:3: augment: unknown key 'varients'; did you mean 'variants'?", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_row_at_run_time_exits_1_and_leaves_the_old_output_untouched()
    {
        string dir = TestPaths.NewTempDirectory();
        string input = Path.Combine(dir, "bad.tsv");
        File.WriteAllText(input, "text\tlabel\n" + string.Concat(Enumerable.Repeat("a fine film\tpos\n", 5000)) + "broken row\n");
        string output = Path.Combine(dir, "out.jsonl");
        File.WriteAllText(output, "previous results\n");
        string pipeline = WritePipeline(dir, "out.jsonl");
        var (code, _, errors) = Run("augment", pipeline, "--input", input, "--output", output);
        Assert.Equal(1, code);
        Assert.Contains($"{input}:5002:11: expected 2 tab-separated fields", errors, StringComparison.Ordinal);
        Assert.Equal("previous results\n", File.ReadAllText(output));
        Assert.Single(Directory.GetFiles(dir, "*.jsonl*"));
    }

    [Fact]
    public void A_run_refuses_to_write_over_its_input()
    {
        string dir = TestPaths.NewTempDirectory();
        string input = Path.Combine(dir, "in.txt");
        File.WriteAllText(input, "keep me\n");
        var (code, _, errors) = Run("augment", WritePipeline(dir, "x.jsonl"), "--input", input, "--output", input);
        Assert.Equal(2, code);
        Assert.Contains("is the same file as", errors, StringComparison.Ordinal);
        Assert.Equal("keep me\n", File.ReadAllText(input));
    }

    [Theory]
    [InlineData("run", "--shard", "3/2")]
    [InlineData("run", "--threads", "0")]
    [InlineData("frobnicate")]
    [InlineData("run")]
    public void Usage_mistakes_exit_2(params string[] args)
    {
        string dir = TestPaths.NewTempDirectory();
        string[] full = args.Length > 1 || args[0] == "run" ? [args[0], WritePipeline(dir, "o.jsonl"), .. args[1..]] : args;
        if (args is ["run"])
        {
            full = ["run"];
        }

        Assert.Equal(2, Run(full).ExitCode);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("validate")]
    [InlineData("augment")]
    public void Every_command_has_help(string command)
    {
        var (code, output, _) = Run(command, "--help");
        Assert.Equal(0, code);
        Assert.Contains("USAGE:", output, StringComparison.Ordinal);
        Assert.Contains("<PIPELINE>", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_tfidf_writes_statistics_the_tfidf_stage_loads()
    {
        string output = Path.Combine(TestPaths.NewTempDirectory(), "stats.tsv");
        var (code, _, errors) = Run("fit-tfidf", TestPaths.Fixture("tiny.tsv"), "-o", output);
        Assert.Equal(0, code);
        Assert.Contains("3 examples", errors, StringComparison.Ordinal);
        Assert.Equal(3, TextAugment.Corpus.TfIdfStatistics.Load(output).Documents);
        Assert.Equal(2, Run("fit-tfidf", TestPaths.Fixture("tiny.tsv")).ExitCode); // no --output
    }

    [Fact]
    public void The_top_level_help_lists_the_commands()
    {
        var (code, output, _) = Run("--help");
        Assert.Equal(0, code);
        foreach (string command in new[] { "run", "validate", "augment", "fit-tfidf", "train", "evaluate", "predict" })
        {
            Assert.Contains(command, output, StringComparison.Ordinal);
        }
    }
}

/// <summary>Help text is part of the interface: a change to it shows up as a changed snapshot.</summary>
public class HelpSnapshotTests
{
    [Theory]
    [InlineData("run")]
    [InlineData("validate")]
    [InlineData("augment")]
    [InlineData("fit-tfidf")]
    [InlineData("train")]
    [InlineData("evaluate")]
    [InlineData("predict")]
    [InlineData("textaugment")] // the root help: textaugment --help
    public void Help_matches_its_snapshot(string command)
    {
        var console = new TestConsole();
        console.Profile.Width = 100;
        Assert.Equal(0, TextAugmentApp.Run(command == "textaugment" ? ["--help"] : [command, "--help"], console, TextWriter.Null));
        string snapshot = Path.Combine(TestPaths.Fixtures, "help", $"{command}.txt");
        string actual = string.Join('\n', console.Output.Split('\n').Select(line => line.TrimEnd()));
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(snapshot)!);
            File.WriteAllText(snapshot, actual);
        }

        Assert.Equal(File.ReadAllText(snapshot), actual);
    }
}
