using Spectre.Console.Testing;
using TextAugment.Cli;
using TextAugment.Corpus;

namespace TextAugment.Tests;

/// <summary>Hostile paths, files and signals: no run overwrites a file it reads, devices are written directly, temp files do not survive.</summary>
public class HostileInputTests
{
    private static (int ExitCode, string Errors) Run(params string[] args)
    {
        var errors = new StringWriter();
        TextWriter original = Console.Error;
        Console.SetError(errors);
        try
        {
            int code = TextAugmentApp.Run([.. args, .. (args[0] is "run" or "augment" ? new[] { "--no-progress" } : [])], new TestConsole(), errors);
            return (code, errors.ToString());
        }
        finally
        {
            Console.SetError(original);
        }
    }

    /// <summary>A folder holding a copy of the labelled fixture as in.tsv and a one-stage pipeline p.yaml.</summary>
    private static string Workspace(string pipelineExtra = "")
    {
        string dir = TestPaths.NewTempDirectory();
        File.Copy(TestPaths.Fixture(Path.Combine("hostile", "labelled.tsv")), Path.Combine(dir, "in.tsv"));
        File.WriteAllText(Path.Combine(dir, "p.yaml"), "seed: 1\naugment:\n  stages: [ { random_swap: {} } ]\n" + pipelineExtra);
        return dir;
    }

    private static void AssertRefused((int ExitCode, string Errors) result, string dir, string expectedInput)
    {
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is the same file as", result.Errors, StringComparison.Ordinal);
        Assert.Contains(expectedInput, result.Errors, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(TestPaths.Fixture(Path.Combine("hostile", "labelled.tsv"))), File.ReadAllText(Path.Combine(dir, "in.tsv")));
        Assert.Empty(Directory.GetFiles(dir, "*.tmp"));
    }

    [Fact]
    public void Augment_refuses_an_output_that_is_the_input_through_a_folder_link()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        string dir = Workspace();
        Directory.CreateSymbolicLink(Path.Combine(dir, "alias"), ".");
        AssertRefused(Run("augment", Path.Combine(dir, "p.yaml"), "-i", Path.Combine(dir, "in.tsv"), "-o", Path.Combine(dir, "alias", "in.tsv")), dir, "in.tsv");
    }

    [Fact]
    public void Augment_refuses_an_input_that_is_a_link_to_the_output()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        string dir = Workspace();
        File.CreateSymbolicLink(Path.Combine(dir, "link.tsv"), Path.Combine(dir, "in.tsv"));
        AssertRefused(Run("augment", Path.Combine(dir, "p.yaml"), "-i", Path.Combine(dir, "link.tsv"), "-o", Path.Combine(dir, "in.tsv")), dir, "link.tsv");
    }

    [Fact]
    public void Fit_tfidf_refuses_an_output_that_is_the_input()
    {
        string dir = Workspace();
        string input = Path.Combine(dir, "in.tsv");
        AssertRefused(Run("fit-tfidf", input, "-o", input), dir, "in.tsv");
    }

    [Fact]
    public void Train_refuses_a_model_path_that_is_the_training_data()
    {
        string dir = Workspace();
        string input = Path.Combine(dir, "in.tsv");
        AssertRefused(Run("train", input, "-o", Path.Combine(dir, ".", "in.tsv")), dir, "training data");
    }

    [Fact]
    public void Run_refuses_a_pipeline_whose_train_model_is_its_input()
    {
        string dir = Workspace("input: { path: in.tsv }\noutput: { path: out.tsv }\ntrain:\n  model: in.tsv\n  epochs: 1\n");
        AssertRefused(Run("run", Path.Combine(dir, "p.yaml")), dir, "input.path");
        Assert.False(File.Exists(Path.Combine(dir, "out.tsv")), "nothing runs before the check");
    }

    [Fact]
    public void Run_refuses_a_pipeline_whose_train_model_is_its_output()
    {
        string dir = Workspace("input: { path: in.tsv }\noutput: { path: out.tsv }\ntrain:\n  model: ./out.tsv\n  epochs: 1\n");
        var (code, errors) = Run("run", Path.Combine(dir, "p.yaml"));
        Assert.Equal(2, code);
        Assert.Contains("output.path", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hard_link_is_the_same_file_and_a_copy_is_not()
    {
        string dir = Workspace();
        string input = Path.Combine(dir, "in.tsv");
        File.Copy(input, Path.Combine(dir, "copy.tsv"));
        Assert.True(FileIdentity.SameFile(input, Path.Combine(dir, ".", "in.tsv")));
        Assert.False(FileIdentity.SameFile(input, Path.Combine(dir, "copy.tsv")));
        Assert.False(FileIdentity.SameFile(input, "-"));
        Assert.False(FileIdentity.SameFile(input, Path.Combine(dir, "missing.tsv")));
    }
}
