using TextAugment.Corpus;
using TextAugment.Pipelines;

namespace TextAugment.Tests;

/// <summary>
/// A pipeline's outputs kept apart from each other (output.path, train.model, the train.report folder), test data kept out
/// of consistency training, and an input that can be read only once refused with a train section: each a mistake at its
/// key, reported by validate and by run before any work (exit 2).
/// </summary>
[Collection(ConsoleCollection.Name)]
public class PipelineOutputApartTests
{
    /// <summary>A folder with a labelled in.tsv and a copy of it, test.tsv.</summary>
    private static string Workspace()
    {
        string dir = TestPaths.NewTempDirectory();
        File.WriteAllText(Path.Combine(dir, "in.tsv"), "text\tlabel\nthe film was good\tpos\nthe film was bad\tneg\n");
        File.Copy(Path.Combine(dir, "in.tsv"), Path.Combine(dir, "test.tsv"));
        return dir;
    }

    /// <summary>Every file and folder under <paramref name="dir"/>, with each file's bytes.</summary>
    private static string[] Everything(string dir) =>
        [.. Directory.GetFileSystemEntries(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => File.Exists(f) ? $"{f}:{Convert.ToHexString(File.ReadAllBytes(f))}" : f)];

    /// <summary>Writes p.yaml: lines 1-4 the input and augment sections, line 5 <paramref name="fifth"/>, line 6 <paramref name="sixth"/>.</summary>
    private static string WritePipeline(string dir, string fifth, string sixth, string input = "input: { path: in.tsv }")
    {
        string pipeline = Path.Combine(dir, "p.yaml");
        File.WriteAllText(pipeline, $"seed: 1\n{input}\naugment:\n  stages: [ {{ random_swap: {{}} }} ]\n{fifth}\n{sixth}\n");
        return pipeline;
    }

    /// <summary>
    /// Item: output.path, train.model and the train.report folder must be distinct and none inside a file another is
    /// written as; refused at the later key, naming the other key and its position, by validate and by run before anything
    /// is written (it used to pass validate, then fail after augmenting: "already exists", "Is a directory", "Could not find
    /// a part of the path").
    /// </summary>
    [Theory]
    [InlineData("output: { path: o.jsonl }", "train: { model: m1.tam, report: m1.tam, epochs: 1 }", "6:33: train.report '", "m1.tam' is the same path as train.model '", ":6:17)")]
    [InlineData("output: { path: o.jsonl }", "train: { report: o.jsonl, epochs: 1 }", "6:18: train.report '", "o.jsonl' is the same path as output.path '", ":5:17)")]
    [InlineData("output: { path: m3.tam/x.jsonl }", "train: { model: m3.tam, epochs: 1 }", "6:17: train.model '", "m3.tam' is written as a file, but output.path '", ":5:17) would be inside it")]
    [InlineData("output: { path: o6.jsonl }", "train: { report: o6.jsonl/sub, epochs: 1 }", "6:18: train.report '", "sub' would be inside output.path '", ":5:17), which the run writes as a file")]
    [InlineData("train: { model: m5.tam, epochs: 1 }", "output: { path: m5.tam/x.jsonl }", "6:17: output.path '", "x.jsonl' would be inside train.model '", ":5:17), which the run writes as a file")]
    [InlineData("output: { path: r/report.json, format: jsonl }", "train: { report: r, epochs: 1 }", "6:18: train.report '", "r' is a folder whose file '", ":5:17); one would overwrite the other")]
    public void Outputs_that_are_one_path_or_inside_one_another_are_refused_at_the_later_key(string fifth, string sixth, string at, string what, string other)
    {
        string dir = Workspace();
        string pipeline = WritePipeline(dir, fifth, sixth);
        string[] before = Everything(dir);
        foreach (string command in new[] { "validate", "run" })
        {
            var (code, _, errors) = CommandRunner.InProcess(command == "run" ? ["run", pipeline, "--no-progress"] : ["validate", pipeline]);
            Assert.True(code == 2, errors);
            Assert.Contains("p.yaml:" + at, errors, StringComparison.Ordinal);
            Assert.Contains(what, errors, StringComparison.Ordinal);
            Assert.Contains("p.yaml" + other, errors, StringComparison.Ordinal);
            Assert.Equal(before, Everything(dir));
        }
    }

    /// <summary>
    /// Item: the ablation's report, ablation.json in the train.report folder, is an output like the others: at
    /// evaluate.ablation, a path that is another output or a file the pipeline reads is refused by validate and run before
    /// any work (it used to pass both checks and be written over the test file, or the augmented corpus, at the end).
    /// </summary>
    [Theory]
    [InlineData("output: { path: r/ablation.json, format: jsonl }", "evaluate: { test: test.tsv, ablation: { seeds: 2 } }", "7:39: evaluate.ablation '", "ablation.json' is the same path as output.path '")]
    [InlineData("output: { path: o.tsv }", "evaluate: { test: r/ablation.json, ablation: { seeds: 2 } }", "7:46: evaluate.ablation '", "ablation.json' is the same file as evaluate.test '")]
    public void The_ablation_report_is_checked_against_the_other_outputs_and_the_files_read(string fifth, string seventh, string at, string what)
    {
        string dir = Workspace();
        Directory.CreateDirectory(Path.Combine(dir, "r"));
        File.Copy(Path.Combine(dir, "test.tsv"), Path.Combine(dir, "r", "ablation.json"));
        string pipeline = WritePipeline(dir, fifth, "train: { report: r, epochs: 1 }\n" + seventh, input: "input: { path: in.tsv, format: tsv }");
        string[] before = Everything(dir);
        foreach (string command in new[] { "validate", "run" })
        {
            var (code, _, errors) = CommandRunner.InProcess(command == "run" ? ["run", pipeline, "--no-progress"] : ["validate", pipeline]);
            Assert.True(code == 2, errors);
            Assert.Contains("p.yaml:" + at, errors, StringComparison.Ordinal);
            Assert.Contains(what, errors, StringComparison.Ordinal);
            Assert.Equal(before, Everything(dir));
        }

        // Without an ablation nothing is written there: the same paths are valid.
        File.WriteAllText(pipeline, File.ReadAllText(pipeline).Replace("ablation: { seeds: 2 }", "ablation: { without_augmentation: false }", StringComparison.Ordinal));
        var (valid, _, said) = CommandRunner.InProcess("validate", pipeline);
        Assert.True(valid == 0, said);
    }

    /// <summary>Item: outputs apart are valid, a model in the report folder included (only a file output holds nothing).</summary>
    [Theory]
    [InlineData("output: { path: o.jsonl }", "train: { model: m.tam, report: r, epochs: 1 }")]
    [InlineData("output: { path: out/o.jsonl }", "train: { model: out/m.tam, report: out, epochs: 1 }")]
    public void Outputs_apart_are_valid(string fifth, string sixth)
    {
        string dir = Workspace();
        string pipeline = WritePipeline(dir, fifth, sixth);
        var (code, _, errors) = CommandRunner.InProcess("validate", pipeline);
        Assert.True(code == 0, errors);
    }

    /// <summary>
    /// Item: the consistency section's unlabelled file may not be the test file (its texts would be trained on), refused at
    /// evaluate.test as a validation file that is the test file is; being the input is allowed but warned about, at its key,
    /// by validate and run, as 'textaugment train --unlabelled' warns.
    /// </summary>
    [Fact]
    public void Unlabelled_text_that_is_the_test_file_is_refused_and_the_input_is_warned_about()
    {
        string dir = Workspace();
        string pipeline = WritePipeline(dir, "output: { path: o.tsv }", "train: { epochs: 1, consistency: { unlabelled: test.tsv } }\nevaluate: { test: test.tsv }");
        foreach (string command in new[] { "validate", "run" })
        {
            var (code, _, errors) = CommandRunner.InProcess(command == "run" ? ["run", pipeline, "--no-progress"] : ["validate", pipeline]);
            Assert.True(code == 2, errors);
            Assert.Contains("p.yaml:7:19: evaluate.test '", errors, StringComparison.Ordinal);
            Assert.Contains("is the same file as train.consistency.unlabelled '", errors, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(dir, "o.tsv")));
        }

        File.WriteAllText(Path.Combine(dir, "unl.txt"), "a new film\nanother film\n");
        foreach (string unlabelled in new[] { "in.tsv", "unl.txt" })
        {
            pipeline = WritePipeline(dir, "output: { path: o.tsv }", $"train: {{ epochs: 1, consistency: {{ unlabelled: {unlabelled} }} }}");
            var (code, _, errors) = CommandRunner.InProcess("validate", pipeline);
            Assert.True(code == 0, errors);
            bool isInput = unlabelled == "in.tsv";
            Assert.Equal(isInput, errors.Contains("p.yaml:6:48: train.consistency.unlabelled '", StringComparison.Ordinal));
            Assert.Equal(isInput, errors.Contains("is the training data (input.path '", StringComparison.Ordinal));
            Assert.Equal(isInput ? 1 : 0, Pipeline.Load(pipeline).Warnings.Count);
            Assert.Empty(Pipeline.Load(pipeline, requireInputOutput: false).Warnings); // streaming trains nothing
        }

        // run says it before any work: ahead of the augmentation's summary line.
        pipeline = WritePipeline(dir, "output: { path: o.tsv }", "train: { epochs: 1, consistency: { unlabelled: in.tsv } }");
        var (_, _, runErrors) = CommandRunner.InProcess("run", pipeline, "--no-progress");
        int warning = runErrors.IndexOf("is the training data (input.path '", StringComparison.Ordinal);
        Assert.True(warning >= 0, runErrors);
        int summary = runErrors.IndexOf(" → ", StringComparison.Ordinal);
        Assert.True(summary < 0 || warning < summary, runErrors);
    }

    /// <summary>
    /// Item: the unlabelled file of consistency training may not be the validation file, by any name (early stopping would
    /// choose its epoch on texts the consistency loss trained on): refused at train.validation.path by validate and run
    /// (exit 2, nothing written), and by 'textaugment train --validation F --unlabelled F' (exit 2) as evaluate.test is.
    /// </summary>
    [Fact]
    public void Unlabelled_text_that_is_the_validation_file_is_refused_in_a_pipeline_and_on_the_command_line()
    {
        string dir = Workspace();
        File.Copy(Path.Combine(dir, "in.tsv"), Path.Combine(dir, "valid.tsv"));
        File.CreateSymbolicLink(Path.Combine(dir, "link.tsv"), Path.Combine(dir, "valid.tsv"));
        string pipeline = WritePipeline(dir, "output: { path: o.tsv }", "train: { epochs: 1, validation: { path: valid.tsv }, consistency: { unlabelled: ./link.tsv } }");
        foreach (string command in new[] { "validate", "run" })
        {
            var (code, _, errors) = CommandRunner.InProcess(command == "run" ? ["run", pipeline, "--no-progress"] : ["validate", pipeline]);
            Assert.True(code == 2, errors);
            Assert.Contains("p.yaml:6:41: train.validation.path '", errors, StringComparison.Ordinal);
            Assert.Contains("is the same file as train.consistency.unlabelled '", errors, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(dir, "o.tsv")));
        }

        string[] train = ["train", Path.Combine(dir, "in.tsv"), "-o", Path.Combine(dir, "m.tam"), "--epochs", "1", "--dim", "4", "--buckets", "64"];
        var (cliCode, _, cliErrors) = CommandRunner.InProcess([.. train, "--validation", Path.Combine(dir, "valid.tsv"), "--unlabelled", Path.Combine(dir, "link.tsv")]);
        Assert.True(cliCode == 2, cliErrors);
        Assert.Contains("--unlabelled and --validation are the same file", cliErrors, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir, "m.tam")));
        (cliCode, _, cliErrors) = CommandRunner.InProcess([.. train, "--validation", Path.Combine(dir, "valid.tsv"), "--unlabelled", Path.Combine(dir, "test.tsv")]);
        Assert.True(cliCode == 0, cliErrors);
    }

    /// <summary>
    /// Item: with a train section, an input.path that is standard input by another name (/dev/stdin, a link to it) or that
    /// is not a regular file (a device, a FIFO) is refused at input.path as '-' is: the run reads the input twice. It used
    /// to pass validate, then fail after augmenting ("the file is empty").
    /// </summary>
    [Theory]
    [InlineData("/dev/stdin", "(standard input)")]
    [InlineData("/dev/null", "(a device, FIFO, pipe or socket, not a regular file)")]
    [InlineData("fifo", "(a device, FIFO, pipe or socket, not a regular file)")]
    [InlineData("stdin-link", "(standard input)")]
    public void An_input_that_can_be_read_only_once_is_refused_with_a_train_section(string path, string why)
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // the names and the FIFO are Linux's
        }

        string dir = Workspace();
        if (path == "fifo")
        {
            using var mkfifo = System.Diagnostics.Process.Start("mkfifo", Path.Combine(dir, "fifo"))!;
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }
        else if (path == "stdin-link")
        {
            File.CreateSymbolicLink(Path.Combine(dir, "stdin-link"), "/dev/stdin");
        }

        string pipeline = WritePipeline(dir, "output: { path: o.tsv }", "train: { epochs: 1 }", $"input: {{ path: {path}, format: tsv }}");
        foreach (string command in new[] { "validate", "run" })
        {
            var (code, _, errors) = CommandRunner.InProcess(command == "run" ? ["run", pipeline, "--no-progress"] : ["validate", pipeline]);
            Assert.True(code == 2, errors);
            Assert.Contains("p.yaml:2:16: input.path is '", errors, StringComparison.Ordinal);
            Assert.Contains($"{path}' {why}, but the train section reads the input again", errors, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(dir, "o.tsv")));
        }

        // Without a train section the input is read once, and a regular file is read twice without a word.
        Assert.Empty(Pipeline.Load(WritePipeline(dir, "output: { path: o.tsv }", "", $"input: {{ path: {path}, format: tsv }}")).Warnings);
        Assert.NotNull(Pipeline.Load(WritePipeline(dir, "output: { path: o.tsv }", "train: { epochs: 1 }")).Train);
    }

    /// <summary>Item: standard input's names, and a link to one, are standard input; a regular file and a missing path are not.</summary>
    [Fact]
    public void Standard_input_is_known_by_its_names()
    {
        string dir = Workspace();
        Assert.True(FileIdentity.IsStandardInput("-"));
        Assert.False(FileIdentity.IsStandardInput(Path.Combine(dir, "in.tsv")));
        Assert.False(FileIdentity.IsStandardInput(Path.Combine(dir, "missing.tsv")));
        if (OperatingSystem.IsLinux())
        {
            Assert.True(FileIdentity.IsStandardInput("/dev/stdin"));
            Assert.True(FileIdentity.IsStandardInput("/dev/fd/0"));
            Assert.True(FileIdentity.IsStandardInput("/proc/self/fd/0"));
            Assert.False(FileIdentity.IsStandardInput("/dev/stdout"));
            File.CreateSymbolicLink(Path.Combine(dir, "link"), "/dev/stdin");
            Assert.True(FileIdentity.IsStandardInput(Path.Combine(dir, "link")));
        }
    }
}
