using TextAugment.Augmenters;
using TextAugment.Pipelines;

namespace TextAugment.Tests;

/// <summary>
/// The paths a command uses: no output is a file a stage (or the train section) reads, whichever stage; a dangling link
/// makes no folders; a pipeline's train step reads what its own run wrote; augment is judged on the paths it uses.
/// </summary>
[Collection(ConsoleCollection.Name)]
public class PipelinePathTests
{
    /// <summary>A stage from outside the library that reads one file, registered as the mlm stage is.</summary>
    private const string ReaderStage = "test_reads_file";

    static PipelinePathTests() => StageRegistry.Register(ReaderStage, ["file"], a =>
        a.Path("file", required: true, mustExist: true, example: "words.txt") is null ? null : new RandomSwapAugmenter());

    /// <summary>Every kind of file a pipeline's stages read: (top-level lines, augment.protect, the stage, the file it reads, its key).</summary>
    public static TheoryData<string, string, string, string, string, string> StageFiles()
    {
        var data = new TheoryData<string, string, string, string, string, string>();
        (string Top, string Protect, string Stage, string File, string Key)[] cases =
        [
            ("", "", "synonym: { dictionary: syn.tsv }", "syn.tsv", "synonym.dictionary"),
            ("", "", "random_insertion: { dictionary: syn.tsv }", "syn.tsv", "random_insertion.dictionary"),
            ("", "", "tfidf: { statistics: stats.tsv }", "stats.tsv", "tfidf.statistics"),
            ("", "", "tfidf: { reference: ref.txt }", "ref.txt", "tfidf.reference"),
            ("", "", "word_vector: { vectors: vec.vec }", "vec.vec", "word_vector.vectors"),
            ("", "", "mlm: { model: model.onnx, vocab: vocab.txt }", "vocab.txt", "mlm.vocab"),
            ("", "", "mlm: { model: model.onnx, vocab: vocab.txt }", "model.onnx", "mlm.model"),
            ("", "protect: { stopwords: stop.txt }", "random_swap: {}", "stop.txt", "augment.protect.stopwords"),
            ("language: zh\nsegmentation: { user_dictionary: user.txt }\n", "", "random_swap: {}", "user.txt", "segmentation.user_dictionary"),
            ("", "", ReaderStage + ": { file: words.txt }", "words.txt", ReaderStage + ".file"),
        ];
        foreach (var c in cases)
        {
            foreach (string command in new[] { "run", "augment" })
            {
                data.Add(command, c.Top, c.Protect, c.Stage, c.File, c.Key);
            }
        }

        return data;
    }

    /// <summary>A folder with a labelled in.tsv and every file a stage may read.</summary>
    private static string Workspace()
    {
        string dir = TestPaths.NewTempDirectory();
        File.WriteAllText(Path.Combine(dir, "in.tsv"), "text\tlabel\nthe film was good\tpos\nthe film was bad\tneg\n");
        File.WriteAllText(Path.Combine(dir, "syn.tsv"), "film\tmovie\n");
        File.WriteAllText(Path.Combine(dir, "ref.txt"), "the film\nthe movie\n");
        File.WriteAllText(Path.Combine(dir, "vec.vec"), "2 3\nfilm 0.1 0.2 0.3\nmovie 0.1 0.2 0.31\n");
        File.WriteAllText(Path.Combine(dir, "stop.txt"), "the\n");
        File.WriteAllText(Path.Combine(dir, "user.txt"), "电影院 5\n");
        File.WriteAllText(Path.Combine(dir, "words.txt"), "film\n");
        File.Copy(TestPaths.Fixture(Path.Combine("models", "mlm-tiny", "model.onnx")), Path.Combine(dir, "model.onnx"));
        File.Copy(TestPaths.Fixture(Path.Combine("models", "mlm-tiny", "vocab.txt")), Path.Combine(dir, "vocab.txt"));
        Assert.Equal(0, CommandRunner.InProcess("fit-tfidf", Path.Combine(dir, "in.tsv"), "-o", Path.Combine(dir, "stats.tsv")).ExitCode);
        return dir;
    }

    private static string Pipeline(string dir, string output, string top = "", string protect = "", string stage = "random_swap: {}", string extra = "")
    {
        string path = Path.Combine(dir, "p.yaml");
        File.WriteAllText(path, $"seed: 1\n{top}input: {{ path: in.tsv }}\naugment:\n  variants: 1\n{(protect.Length > 0 ? "  " + protect + "\n" : "")}  stages: [ {{ {stage} }} ]\noutput: {{ path: {output}, format: tsv }}\n{extra}");
        return path;
    }

    // The command for a pipeline with this stage: in this test process where the stage is the one registered here
    // (ReaderStage), which a child process (CommandRunner.Command) would not know.
    private static (int ExitCode, string Output, string Errors) Command(string stage, params string[] args) =>
        stage.Contains(ReaderStage, StringComparison.Ordinal) ? CommandRunner.InThisProcess(args) : CommandRunner.InProcess(args);

    private static string[] Contents(string dir) =>
        [.. Directory.GetFiles(dir).Order(StringComparer.Ordinal).Select(f => $"{Path.GetFileName(f)}:{Convert.ToHexString(File.ReadAllBytes(f))}")];

    /// <summary>
    /// Item: an output that is a file a stage reads is refused with exit 2, naming both paths and the key's position, by
    /// run (output.path) and by augment (-o); nothing is written. A stage registered from outside is covered the same way.
    /// </summary>
    [Theory]
    [MemberData(nameof(StageFiles))]
    public void An_output_that_is_a_file_a_stage_reads_is_refused(string command, string top, string protect, string stage, string file, string key)
    {
        string dir = Workspace();
        string pipeline = command == "run"
            ? Pipeline(dir, file, top, protect, stage)
            : Pipeline(dir, "o.tsv", top, protect, stage);
        string[] before = Contents(dir);
        var (code, _, errors) = command == "run"
            ? Command(stage, "run", pipeline, "--no-progress")
            : Command(stage, "augment", pipeline, "-i", Path.Combine(dir, "in.tsv"), "-o", Path.Combine(dir, file), "--no-progress");
        Assert.True(code == 2, errors);
        Assert.Contains(key, errors, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(dir, file), errors, StringComparison.Ordinal);
        Assert.Contains("is the same file as", errors, StringComparison.Ordinal);
        Assert.Matches(command == "run" ? @"p\.yaml:\d+:17: output\.path" : "--output", errors);
        Assert.Matches(@"p\.yaml:\d+:\d+", errors); // the reading key's position
        Assert.Equal(before, Contents(dir));
        if (command == "run")
        {
            var (validateCode, _, validateErrors) = Command(stage, "validate", pipeline);
            Assert.True(validateCode == 2, validateErrors);
            Assert.Contains(key, validateErrors, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// Item: the train section's inputs (features.vectors, consistency.unlabelled, validation.path, evaluate.test) are never
    /// written by the run's outputs (output.path, train.model, train.report).
    /// </summary>
    [Theory]
    [InlineData("output: { path: test.tsv }", "train: { epochs: 1 }\nevaluate: { test: test.tsv }\n", "output.path", "evaluate.test")]
    [InlineData("output: { path: test.tsv }", "train: { epochs: 1, validation: { path: test.tsv } }\n", "output.path", "train.validation.path")]
    [InlineData("output: { path: o.tsv }", "train: { model: unl.txt, epochs: 1, consistency: { unlabelled: unl.txt } }\n", "train.model", "train.consistency.unlabelled")]
    [InlineData("output: { path: o.tsv }", "train: { model: vec.vec, epochs: 1, features: { vectors: vec.vec, dim: 3 } }\n", "train.model", "train.features.vectors")]
    [InlineData("output: { path: vec.vec, format: tsv }", "train: { epochs: 1, features: { vectors: vec.vec, dim: 3 } }\n", "output.path", "train.features.vectors")]
    public void An_output_that_is_a_file_the_train_section_reads_is_refused_at_its_key(string output, string train, string writer, string reader)
    {
        string dir = Workspace();
        File.Copy(Path.Combine(dir, "in.tsv"), Path.Combine(dir, "test.tsv"));
        File.WriteAllText(Path.Combine(dir, "unl.txt"), "a film\nanother film\n");
        string pipeline = Path.Combine(dir, "p.yaml");
        File.WriteAllText(pipeline, $"seed: 1\ninput: {{ path: in.tsv }}\naugment:\n  stages: [ {{ random_swap: {{}} }} ]\n{output}\n{train}");
        string[] before = Contents(dir);
        foreach (string command in new[] { "validate", "run" })
        {
            var (code, _, errors) = CommandRunner.InProcess(command == "run" ? ["run", pipeline, "--no-progress"] : ["validate", pipeline]);
            Assert.True(code == 2, errors);
            Assert.Matches($@"p\.yaml:\d+:\d+: {System.Text.RegularExpressions.Regex.Escape(writer)} '", errors);
            Assert.Contains(reader, errors, StringComparison.Ordinal);
            Assert.Equal(before, Contents(dir));
        }
    }

    /// <summary>
    /// Item: an output that is a symbolic link is written through, as the shell's &gt; does, but no folder is made at a link's
    /// target: a link to a file in a missing folder (or under a folder link that leads nowhere) is refused with exit 2 before
    /// any work, by run and augment; a link to a new file in an existing folder is written.
    /// </summary>
    [Fact]
    public void A_dangling_link_output_makes_no_folders_at_its_target()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        string dir = Workspace();
        string elsewhere = Path.Combine(TestPaths.NewTempDirectory(), "missing");
        File.CreateSymbolicLink(Path.Combine(dir, "out.tsv"), Path.Combine(elsewhere, "dir", "file.tsv"));
        Directory.CreateSymbolicLink(Path.Combine(dir, "folder-link"), Path.Combine(elsewhere, "folder"));
        string pipeline = Pipeline(dir, "out.tsv");
        foreach (string[] command in new[]
                 {
                     new[] { "run", pipeline, "--no-progress" },
                     ["validate", pipeline],
                     ["augment", pipeline, "-i", Path.Combine(dir, "in.tsv"), "-o", Path.Combine(dir, "out.tsv"), "--no-progress"],
                     ["augment", pipeline, "-i", Path.Combine(dir, "in.tsv"), "-o", Path.Combine(dir, "folder-link", "sub", "x.tsv"), "--no-progress"],
                 })
        {
            var (code, _, errors) = CommandRunner.InProcess(command);
            Assert.True(code == 2, errors);
            Assert.Contains("no folder is made at a link's target", errors, StringComparison.Ordinal);
            Assert.False(Directory.Exists(elsewhere), $"{string.Join(' ', command)} made {elsewhere}");
        }

        Assert.Throws<TextAugment.Corpus.UnwritableOutputException>(() => TextAugment.Corpus.AtomicOutput.Open(Path.Combine(dir, "out.tsv")));
        Assert.False(Directory.Exists(elsewhere));

        string existing = TestPaths.NewTempDirectory();
        File.CreateSymbolicLink(Path.Combine(dir, "through.tsv"), Path.Combine(existing, "new.tsv"));
        var (ok, _, okErrors) = CommandRunner.InProcess("augment", pipeline, "-i", Path.Combine(dir, "in.tsv"), "-o", Path.Combine(dir, "through.tsv"), "--no-progress");
        Assert.True(ok == 0, okErrors);
        Assert.True(File.Exists(Path.Combine(existing, "new.tsv")));
        Assert.NotNull(new FileInfo(Path.Combine(dir, "through.tsv")).LinkTarget);
    }

    /// <summary>Item: a pipeline that reads standard input and trains is refused at input.path, by validate and before any work by run.</summary>
    [Fact]
    public void Standard_input_with_a_train_section_is_a_pipeline_mistake_at_input_path()
    {
        string dir = Workspace();
        string pipeline = Path.Combine(dir, "p.yaml");
        File.WriteAllText(pipeline, "seed: 1\ninput: { path: \"-\", format: tsv }\naugment:\n  stages: [ { random_swap: {} } ]\noutput: { path: o.tsv }\ntrain: { epochs: 1 }\n");
        foreach (string command in new[] { "validate", "run" })
        {
            var (code, _, errors) = CommandRunner.InProcess(command == "run" ? ["run", pipeline, "--no-progress"] : ["validate", pipeline]);
            Assert.True(code == 2, errors);
            Assert.Contains("p.yaml:2:16: input.path is '-'", errors, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(dir, "o.tsv")));
        }
    }

    /// <summary>Every key besides input.path and output.path that names a file: (top-level lines, augment.protect, the stage, the train and evaluate sections, the key).</summary>
    public static TheoryData<string, string, string, string, string> FileKeysWithStandardStreams()
    {
        var data = new TheoryData<string, string, string, string, string>
        {
            { "", "", "synonym: { dictionary: \"-\" }", "", "synonym.dictionary" },
            { "", "", "random_insertion: { dictionary: \"-\" }", "", "random_insertion.dictionary" },
            { "", "", "tfidf: { statistics: \"-\" }", "", "tfidf.statistics" },
            { "", "", "tfidf: { reference: \"-\" }", "", "tfidf.reference" },
            { "", "", "word_vector: { vectors: \"-\" }", "", "word_vector.vectors" },
            { "", "", "mlm: { model: model.onnx, vocab: \"-\" }", "", "mlm.vocab" },
            { "", "", "mlm: { model: \"-\", vocab: vocab.txt }", "", "mlm.model" },
            { "", "protect: { stopwords: \"-\" }", "random_swap: {}", "", "augment.protect.stopwords" },
            { "language: zh\nsegmentation: { user_dictionary: \"-\" }\n", "", "random_swap: {}", "", "segmentation.user_dictionary" },
            { "", "", ReaderStage + ": { file: \"-\" }", "", ReaderStage + ".file" },
            { "", "", "random_swap: {}", "train: { epochs: 1, validation: { path: \"-\" } }\n", "train.validation.path" },
            { "", "", "random_swap: {}", "train: { epochs: 1 }\nevaluate: { test: \"-\" }\n", "evaluate.test" },
            { "", "", "random_swap: {}", "train: { epochs: 1, consistency: { unlabelled: \"-\" } }\n", "train.consistency.unlabelled" },
            { "", "", "random_swap: {}", "train: { epochs: 1, features: { vectors: \"-\", dim: 3 } }\n", "train.features.vectors" },
            { "", "", "random_swap: {}", "train: { epochs: 1, model: \"-\" }\n", "train.model" },
            { "", "", "random_swap: {}", "train: { epochs: 1, report: \"-\" }\n", "train.report" },
        };
        return data;
    }

    /// <summary>
    /// Item: '-' (standard input or output) is for input.path and output.path only; at any other key that names a file (read
    /// whole, or more than once, or written as a checked file) it is a mistake at that key's value, exit 2, by validate and run.
    /// </summary>
    [Theory]
    [MemberData(nameof(FileKeysWithStandardStreams))]
    public void A_dash_is_refused_at_every_file_key_but_the_input_and_output(string top, string protect, string stage, string sections, string key)
    {
        string dir = Workspace();
        string pipeline = Pipeline(dir, "o.tsv", top, protect, stage, sections);
        Assert.Contains("\"-\"", File.ReadAllText(pipeline), StringComparison.Ordinal);
        foreach (string command in new[] { "validate", "run" })
        {
            var (code, _, errors) = Command(stage, command == "run" ? ["run", pipeline, "--no-progress"] : ["validate", pipeline]);
            Assert.True(code == 2, errors);
            Assert.Matches($@"p\.yaml:\d+:\d+: {System.Text.RegularExpressions.Regex.Escape(key)} is '-' \(standard (input|output)\), which only (input|output)\.path may be", errors);
            Assert.DoesNotContain("Could not find", errors, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(dir, "o.tsv")));
        }
    }

    [Theory]
    [InlineData("input: { path: \"in\\0.tsv\" }\noutput: { path: o.tsv }\n", "p.yaml:2:16: input.path: 'in\\0.tsv' holds a NUL character")]
    [InlineData("input: { path: in.tsv }\noutput: { path: \"o\\0.tsv\" }\n", "p.yaml:3:17: output.path: 'o\\0.tsv' holds a NUL character")]
    public void A_path_with_a_nul_character_is_a_mistake_at_its_key(string paths, string expected)
    {
        string dir = Workspace();
        string pipeline = Path.Combine(dir, "p.yaml");
        File.WriteAllText(pipeline, "seed: 1\n" + paths + "augment:\n  stages: [ { random_swap: {} } ]\n");
        var (code, _, errors) = CommandRunner.InProcess("validate", pipeline);
        Assert.True(code == 2, errors);
        Assert.Contains(expected, errors, StringComparison.Ordinal);
        Assert.DoesNotContain("Null character in path", errors, StringComparison.Ordinal);
    }

    /// <summary>Item: a pipeline that writes fastText (no ids) and trains trains on every augmented row, by its original.</summary>
    [Fact]
    public void The_train_step_reads_a_fasttext_output()
    {
        string dir = TestPaths.NewTempDirectory();
        var rows = new System.Text.StringBuilder("text\tlabel\n");
        for (int i = 0; i < 40; i++)
        {
            rows.Append(System.Globalization.CultureInfo.InvariantCulture, $"word{i % 4} other{i} text here\tlabel{i % 4}\n");
        }

        File.WriteAllText(Path.Combine(dir, "in.tsv"), rows.ToString());
        string pipeline = Path.Combine(dir, "p.yaml");
        File.WriteAllText(pipeline, "seed: 1\ninput: { path: in.tsv }\naugment:\n  variants: 2\n  stages: [ { random_swap: {} } ]\noutput: { path: o.ft }\ntrain: { epochs: 1, validation: { fraction: 0.25 } }\n");
        var (code, _, errors) = CommandRunner.InProcess("run", pipeline, "--no-progress");
        Assert.True(code == 0, errors);
        // Each kept original with its 2 variants: the held-out quarter's rows dropped, every other row matched to its original.
        var training = System.Text.RegularExpressions.Regex.Match(errors, @"training on (\d+) augmented rows \((\d+) originals\)");
        Assert.True(training.Success, errors);
        int originals = int.Parse(training.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(originals, 20, 39);
        Assert.Equal(3 * originals, int.Parse(training.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(File.Exists(Path.Combine(dir, "model.tam")));
    }

    /// <summary>
    /// Item: with augment -i FILE the tfidf stage without statistics fits on FILE (its replacements come from FILE's words,
    /// and a missing input.path does not matter); from standard input it falls back to input.path, and a missing one is
    /// reported at the stage, naming tfidf and input.path.
    /// </summary>
    [Fact]
    public void Tfidf_fits_on_the_file_augment_reads()
    {
        string dir = TestPaths.NewTempDirectory();
        File.WriteAllText(Path.Combine(dir, "x.txt"), "alpha beta gamma delta\nalpha beta epsilon zeta\n");
        File.WriteAllText(Path.Combine(dir, "other.txt"), "qqqone qqqtwo qqqthree\nqqqfour qqqfive qqqsix\n");
        string pipeline = Path.Combine(dir, "p.yaml");
        File.WriteAllText(pipeline, "seed: 1\ninput: { path: other.txt }\naugment:\n  variants: 8\n  stages: [ { tfidf: { p: 1 } } ]\n");
        var (code, _, errors) = CommandRunner.InProcess("augment", pipeline, "-i", Path.Combine(dir, "x.txt"), "-o", Path.Combine(dir, "o.txt"), "--no-progress");
        Assert.True(code == 0, errors);
        string output = File.ReadAllText(Path.Combine(dir, "o.txt"));
        Assert.DoesNotContain("qqq", output, StringComparison.Ordinal);
        Assert.Contains("zeta", output, StringComparison.Ordinal);

        File.WriteAllText(pipeline, "seed: 1\ninput: { path: missing.txt }\naugment:\n  stages: [ { tfidf: { p: 1 } } ]\n");
        (code, _, errors) = CommandRunner.InProcess("augment", pipeline, "-i", Path.Combine(dir, "x.txt"), "-o", Path.Combine(dir, "o2.txt"), "--no-progress");
        Assert.True(code == 0, errors);
        var child = CommandRunner.Child("alpha beta\n", "augment", pipeline, "--no-progress");
        Assert.Equal(2, child.ExitCode);
        Assert.Contains("p.yaml:4:22: tfidf", child.Errors, StringComparison.Ordinal);
        Assert.Contains("input.path", child.Errors, StringComparison.Ordinal);
    }

    /// <summary>Item: augment is judged on the paths it uses: -i and -o replace input.path and output.path, and it trains nothing.</summary>
    [Theory]
    [InlineData("output: { path: in.tsv }\n")]
    [InlineData("output: { path: o.tsv }\ntrain: { model: folder, epochs: 1 }\n")]
    public void Augment_is_not_refused_for_paths_it_does_not_use(string rest)
    {
        string dir = Workspace();
        Directory.CreateDirectory(Path.Combine(dir, "folder"));
        string pipeline = Path.Combine(dir, "q.yaml");
        File.WriteAllText(pipeline, "seed: 1\ninput: { path: in.tsv }\naugment:\n  stages: [ { random_swap: {} } ]\n" + rest);
        File.Copy(Path.Combine(dir, "in.tsv"), Path.Combine(dir, "other.tsv"));
        var (code, _, errors) = CommandRunner.InProcess("augment", pipeline, "-i", Path.Combine(dir, "other.tsv"), "-o", Path.Combine(dir, "c.tsv"), "--no-progress");
        Assert.True(code == 0, errors);
        Assert.True(File.Exists(Path.Combine(dir, "c.tsv")));
    }
}
