using System.Diagnostics;
using Spectre.Console.Testing;
using TextAugment.Cli;
using TextAugment.Corpus;

namespace TextAugment.Tests;

/// <summary>Hostile paths, files and signals: no run overwrites a file it reads, devices are written directly, temp files do not survive.</summary>
[Collection(ConsoleCollection.Name)]
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

    /// <summary>An output that cannot be written is refused before any work, and nothing is written: not the model, not the report.</summary>
    [Theory]
    [InlineData("train in.tsv -o folder", "'folder' is a folder")]
    [InlineData("train in.tsv -o m.tam --report in.tsv", "is a file, not a folder")]
    [InlineData("train in.tsv -o m.tam --report m.tam", "would be inside --output 'm.tam'")]
    [InlineData("train in.tsv -o m.tam --report /dev/null", "'/dev/null' is a file, not a folder")]
    [InlineData("train in.tsv -o in.tsv/m.tam", "is a file, not a folder")]
    [InlineData("train in.tsv -o /sys/m.tam", "cannot write in the folder '/sys' (")]
    [InlineData("augment p.yaml -i in.tsv -o folder", "'folder' is a folder")]
    [InlineData("evaluate m.tam in.tsv --report folder", "'folder' is a folder")]
    [InlineData("run bad-model.yaml", "bad-model.yaml:6:17: train.model '")]
    [InlineData("validate bad-model.yaml", "/folder' is a folder")]
    [InlineData("run bad-report.yaml", "bad-report.yaml:6:")]
    [InlineData("validate bad-output.yaml", "bad-output.yaml:3:17: output.path '")]
    public void An_output_that_cannot_be_written_is_refused_before_any_work(string command, string expected)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        string dir = Workspace();
        Directory.CreateDirectory(Path.Combine(dir, "folder"));
        File.WriteAllBytes(Path.Combine(dir, "m.tam"), [1, 2, 3]);
        foreach ((string name, string output, string train) in new[] { ("bad-model.yaml", "out.tsv", "model: folder"), ("bad-report.yaml", "out.tsv", "model: m2.tam, report: in.tsv"), ("bad-output.yaml", "folder", "model: m2.tam") })
        {
            File.WriteAllText(Path.Combine(dir, name), $"seed: 1\ninput: {{ path: in.tsv }}\noutput: {{ path: {output} }}\naugment:\n  stages: [ {{ random_swap: {{}} }} ]\ntrain: {{ {train} }}\n");
        }

        string[] before = [.. Directory.GetFileSystemEntries(dir).Order(StringComparer.Ordinal)];
        string current = Environment.CurrentDirectory;
        Environment.CurrentDirectory = dir;
        try
        {
            var (code, errors) = Run(command.Split(' '));
            Assert.Equal(2, code);
            Assert.Contains(expected, errors, StringComparison.Ordinal);
            // A pipeline's paths are mistakes in the pipeline, reported at their keys with its others.
            Assert.Contains(command.EndsWith(".yaml", StringComparison.Ordinal) ? "in the pipeline; nothing was run." : "Nothing was written.", errors, StringComparison.Ordinal);
        }
        finally
        {
            Environment.CurrentDirectory = current;
        }

        Assert.Equal(before, Directory.GetFileSystemEntries(dir).Order(StringComparer.Ordinal));
        Assert.Equal([1, 2, 3], File.ReadAllBytes(Path.Combine(dir, "m.tam")));
    }

    /// <summary>Standard input or output redirected to a file is that file: no command writes over what it reads through '-'.</summary>
    [Theory]
    [InlineData("train - -o in.tsv < in.tsv")]
    [InlineData("fit-tfidf - -o in.tsv < in.tsv")]
    [InlineData("augment p.yaml --no-progress -i - -o ./in.tsv < in.tsv")]
    [InlineData("augment p.yaml --no-progress -i in.tsv >> in.tsv")]
    [InlineData("augment p.yaml --no-progress < in.tsv >> in.tsv")]
    [InlineData("evaluate m.tam - --report ./in.tsv < in.tsv")]
    [InlineData("predict m.tam < in.tsv >> in.tsv")]
    public void A_redirected_standard_stream_is_the_file_it_names(string command)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        string dir = Workspace();
        File.WriteAllBytes(Path.Combine(dir, "m.tam"), [1, 2, 3]); // never read: the check comes first
        var (code, errors) = CommandRunner.InShell(dir, command);
        AssertRefused((code, errors), dir, "in.tsv");
        Assert.Contains("redirected to", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void An_output_whose_name_is_near_the_file_name_limit_is_written_and_leaves_no_temporary_file()
    {
        string dir = Workspace();
        string model = Path.Combine(dir, new string('b', 240) + ".tam"); // 244 bytes: its temporary name would pass 255
        var (code, _, errors) = CommandRunner.InProcess("train", Path.Combine(dir, "in.tsv"), "-o", model, "--epochs", "1", "--report", Path.Combine(dir, "r"));
        Assert.True(code == 0, errors);
        Assert.True(File.Exists(model));
        Assert.Empty(Directory.GetFiles(dir, "*.tmp"));
        Assert.NotEqual(TemporaryFiles.Stem(new string('b', 240) + ".tam"), TemporaryFiles.Stem(new string('b', 240) + ".tsv")); // names alike in their first 140 bytes stay apart
        Assert.Equal("short.tam", TemporaryFiles.Stem("short.tam"));
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(TemporaryFiles.Stem(new string('é', 200))) <= 140 + 17);
    }

    [Theory]
    [InlineData("augment p.yaml --no-progress < sub")]
    [InlineData("predict m.tam < sub")]
    [InlineData("evaluate m.tam - < sub")]
    [InlineData("train - -o out.tam < sub")]
    public void A_folder_redirected_to_standard_input_is_refused_by_name(string command)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        string dir = Workspace();
        Directory.CreateDirectory(Path.Combine(dir, "sub"));
        Assert.Equal(0, CommandRunner.InProcess("train", Path.Combine(dir, "in.tsv"), "-o", Path.Combine(dir, "m.tam"), "--epochs", "1").ExitCode);
        var (code, errors) = CommandRunner.InShell(dir, command);
        Assert.Equal(2, code);
        Assert.Contains($"standard input is the folder '{Path.Combine(FileIdentity.RealPath(dir), "sub")}', not a file", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("Is a directory", errors, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir, "out.tam")));
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

    [Fact]
    public void A_device_output_is_written_directly_not_replaced()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        string dir = Workspace();
        string link = Path.Combine(dir, "null-link");
        File.CreateSymbolicLink(link, "/dev/null");
        var (code, errors) = Run("augment", Path.Combine(dir, "p.yaml"), "-i", Path.Combine(dir, "in.tsv"), "-o", link);
        Assert.True(code == 0, errors);
        Assert.True(FileIdentity.IsDeviceOrPipe("/dev/null"), "/dev/null is still a device");
        Assert.Equal("/dev/null", File.ResolveLinkTarget(link, returnFinalTarget: false)!.FullName);
        Assert.Empty(Directory.GetFiles(dir, "*.tmp"));
        Assert.False(FileIdentity.IsDeviceOrPipe(Path.Combine(dir, "in.tsv")));
    }

    [Fact]
    public void A_stale_temporary_file_of_a_dead_process_is_removed_by_the_next_run()
    {
        string dir = Workspace();
        int deadPid;
        using (Process gone = Process.Start(new ProcessStartInfo("dotnet", "--version") { RedirectStandardOutput = true })!)
        {
            gone.StandardOutput.ReadToEnd();
            gone.WaitForExit();
            deadPid = gone.Id;
        }

        string stale = Path.Combine(dir, $".out.tsv.textaugment-{deadPid}-1.tmp");
        string live = Path.Combine(dir, $".out.tsv.textaugment-{Environment.ProcessId}-999.tmp");
        File.WriteAllText(stale, "partial");
        File.WriteAllText(live, "another run's");
        var (code, errors) = Run("augment", Path.Combine(dir, "p.yaml"), "-i", Path.Combine(dir, "in.tsv"), "-o", Path.Combine(dir, "out.tsv"));
        Assert.True(code == 0, errors);
        Assert.False(File.Exists(stale), "the dead process's temporary file is removed");
        Assert.True(File.Exists(live), "a live process's temporary file is kept");
    }

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public void No_temporary_file_survives_SIGTERM_or_SIGINT(string signal)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        string dir = Workspace();
        ProcessStartInfo start = CommandRunner.StartInfo(true, "augment", Path.Combine(dir, "p.yaml"), "--input-format", "text", "-o", Path.Combine(dir, "out.txt"), "--no-progress");

        // A signal ignored when a process starts stays ignored (the shell's `cmd &` and nohup do this to SIGINT, and a test
        // run started that way passes it on): the run then rightly goes on. GNU env puts the default disposition back, so
        // the test sends the signal to a process that can receive it, wherever the suite was started from.
        start.ArgumentList.Insert(0, start.FileName);
        start.ArgumentList.Insert(0, "--default-signal=" + signal);
        start.FileName = "env";
        using Process process = Process.Start(start)!;
        process.StandardInput.WriteLine("one two three four"); // and standard input stays open: the run waits mid-file
        process.StandardInput.Flush();
        var clock = Stopwatch.StartNew();
        while (Directory.GetFiles(dir, "*.tmp").Length == 0 && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            Thread.Sleep(50);
        }

        Assert.NotEmpty(Directory.GetFiles(dir, "*.tmp"));
        Assert.False(Ignores(process.Id, signal), $"the run was started with SIG{signal} ignored");
        using (Process kill = Process.Start("kill", $"-{signal} {process.Id}"))
        {
            kill.WaitForExit();
        }

        Assert.True(process.WaitForExit(30_000), "the run ends on the signal");
        Assert.NotEqual(0, process.ExitCode);
        Assert.Empty(Directory.GetFiles(dir, "*.tmp"));
        Assert.False(File.Exists(Path.Combine(dir, "out.txt")));
    }

    /// <summary>Whether process <paramref name="pid"/> ignores SIG<paramref name="signal"/> (its SigIgn mask in /proc).</summary>
    private static bool Ignores(int pid, string signal)
    {
        string mask = File.ReadLines($"/proc/{pid}/status").Single(line => line.StartsWith("SigIgn:", StringComparison.Ordinal))["SigIgn:".Length..].Trim();
        int number = signal == "INT" ? 2 : 15;
        return (ulong.Parse(mask, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture) & (1UL << (number - 1))) != 0;
    }
}

/// <summary>Pipeline files too deep, too large or not a file of text.</summary>
public class HostilePipelineTests
{
    [Fact]
    public void Yaml_nested_200000_levels_is_a_depth_error_not_a_stack_overflow()
    {
        string path = Path.Combine(TestPaths.NewTempDirectory(), "deep.yaml");
        File.WriteAllText(path, "seed: " + new string('[', 200_000) + new string(']', 200_000) + "\n");
        var error = Assert.Throws<TextAugment.Pipelines.PipelineException>(() => TextAugment.Pipelines.Pipeline.Load(path));
        Assert.Contains(error.Errors, e => e.Message.StartsWith("nested more than 64 levels deep", StringComparison.Ordinal));
    }

    [Fact]
    public void A_pipeline_path_at_dev_zero_is_refused_in_bounded_time()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var error = Assert.Throws<TextAugment.Pipelines.PipelineException>(() => TextAugment.Pipelines.Pipeline.Load("/dev/zero"));
        Assert.Contains(error.Errors, e => e.Message.Contains("larger than 1 MiB", StringComparison.Ordinal));
    }
}

/// <summary>Devices and FIFOs where a file must be read whole or twice.</summary>
[Collection(ConsoleCollection.Name)]
public class NonRegularFileTests
{
    [Fact]
    public void Vectors_a_dictionary_statistics_and_a_model_at_dev_zero_are_refused_at_once()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        Assert.Throws<NotARegularFileException>(() => TextAugment.Vectors.WordVectors.Load("/dev/zero"));
        Assert.Throws<NotARegularFileException>(() => TextAugment.Dictionaries.SynonymDictionary.Load("/dev/urandom"));
        Assert.Throws<NotARegularFileException>(() => TfIdfStatistics.Load("/dev/zero"));
        Assert.Throws<NotARegularFileException>(() => TextAugment.Classification.TextClassifier.Load("/dev/zero"));
        Assert.Throws<NotARegularFileException>(() => TextAugment.Text.WordSet.Load("/dev/zero"));
    }

    [Fact]
    public void A_pipeline_dictionary_at_dev_zero_is_a_pipeline_error_at_its_position()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        string path = Path.Combine(TestPaths.NewTempDirectory(), "p.yaml");
        File.WriteAllText(path, "augment:\n  stages:\n    - synonym: { dictionary: /dev/zero }\n");
        var error = Assert.Throws<TextAugment.Pipelines.PipelineException>(() => TextAugment.Pipelines.Pipeline.Load(path, requireInputOutput: false));
        Assert.Contains(error.Errors, e => e.Line == 3 && e.Message.Contains("not a regular file", StringComparison.Ordinal));
    }

    [Fact]
    public void A_shard_of_a_device_input_is_refused_with_exit_2()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        string dir = TestPaths.NewTempDirectory();
        File.WriteAllText(Path.Combine(dir, "p.yaml"), "augment:\n  stages: [ { random_swap: {} } ]\n");
        var errors = new StringWriter();
        TextWriter original = Console.Error;
        Console.SetError(errors);
        int code;
        try
        {
            code = TextAugment.Cli.TextAugmentApp.Run(["augment", Path.Combine(dir, "p.yaml"), "-i", "/dev/zero", "--input-format", "text", "-o", Path.Combine(dir, "out.txt"), "--shard", "1/2", "--no-progress"], new Spectre.Console.Testing.TestConsole(), errors);
        }
        finally
        {
            Console.SetError(original);
        }

        Assert.Equal(2, code);
        Assert.Contains("a shard seeks to its byte range of the input", errors.ToString(), StringComparison.Ordinal);
    }
}

/// <summary>Word-vector files whose header or values cannot be trusted: one fixture each.</summary>
public class HostileVectorTests
{
    [Theory]
    [InlineData("vectors-huge-header.vec", "1:1 (byte 0 of the file): the header declares 2,000,000,000 dimensions")]
    [InlineData("vectors-too-many-rows.vec", "1:1 (byte 0 of the file): the header promises 250,000,000 vectors of 2 dimensions")]
    [InlineData("vectors-dimension-mismatch.vec", "2: the header declares 2 dimensions but the first vector has 3")]
    [InlineData("vectors-fewer-dimensions.vec", "2: the header declares 3 dimensions but the first vector has 2")] // text, not a truncated binary file
    [InlineData("vectors-nan.vec", "3:5: expected a finite number but found 'NaN'")]
    [InlineData("vectors-inf.vec", "2:9: expected a finite number but found 'inf'")]
    public void A_vector_file_with_a_false_header_or_a_non_finite_value_is_refused(string fixture, string expected)
    {
        string path = TestPaths.Fixture(Path.Combine("hostile", fixture));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var error = Assert.Throws<DataFormatException>(() => TextAugment.Vectors.WordVectors.Load(path));
        Assert.StartsWith($"{path}:{expected}", error.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"refused in {clock.Elapsed}");
    }

    [Fact]
    public void Glove_format_on_a_file_with_a_word2vec_header_is_refused()
    {
        string path = TestPaths.Fixture(Path.Combine("hostile", "vectors-word2vec-header.txt"));
        var error = Assert.Throws<DataFormatException>(() => TextAugment.Vectors.WordVectors.Load(path, new TextAugment.Vectors.WordVectorOptions { Format = TextAugment.Vectors.WordVectorFormat.Glove }));
        Assert.Contains("is a word2vec / fastText header", error.Message, StringComparison.Ordinal);
    }
}

/// <summary>Crafted model files with a valid checksum: every header field is checked before anything is allocated.</summary>
public class HostileModelTests
{
    private static string Crafted(string headerJson)
    {
        using var body = new MemoryStream();
        using (var writer = new BinaryWriter(body, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write("TXAMODEL"u8);
            writer.Write(1);
            byte[] header = System.Text.Encoding.UTF8.GetBytes(headerJson);
            writer.Write(header.Length);
            writer.Write(header);
            writer.Write(0);
            writer.Write(0);
        }

        byte[] content = body.ToArray();
        string path = Path.Combine(TestPaths.NewTempDirectory(), "crafted.tam");
        File.WriteAllBytes(path, [.. content, .. System.Security.Cryptography.SHA256.HashData(content)]);
        return path;
    }

    [Theory]
    [InlineData("""{"Labels":["a","b"],"Hidden":[],"Dimensions":2000000000,"Buckets":2000000000,"WordNgrams":1,"CharNgramMin":0,"CharNgramMax":0,"Lowercase":true}""", "2000000000 buckets of 2000000000 dimensions")]
    [InlineData("""{"Labels":["a","a"],"Hidden":[],"Dimensions":4,"Buckets":16,"WordNgrams":1,"CharNgramMin":0,"CharNgramMax":0,"Lowercase":true}""", "the label 'a' appears twice")]
    [InlineData("""{"Labels":["a","b"],"Hidden":[100000,100000],"Dimensions":4,"Buckets":16,"WordNgrams":1,"CharNgramMin":0,"CharNgramMax":0,"Lowercase":true}""", "the layers need more than")]
    [InlineData("""{"Labels":["a","b"],"Hidden":[],"Dimensions":4,"Buckets":16,"Buckets":2000000000,"WordNgrams":1,"CharNgramMin":0,"CharNgramMax":0,"Lowercase":true}""", "the header field 'Buckets' appears twice")]
    [InlineData("""{"Labels":["a","b"],"Hidden":[-5],"Dimensions":4,"Buckets":16,"WordNgrams":1,"CharNgramMin":0,"CharNgramMax":0,"Lowercase":true}""", "a layer of -5 units")]
    public void A_crafted_header_is_a_clear_error_not_an_allocation(string header, string expected)
    {
        string path = Crafted(header);
        var error = Assert.Throws<DataFormatException>(() => TextAugment.Classification.TextClassifier.Load(path));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}

/// <summary>A JSONL string with a lone surrogate escape, as Python's json.dumps writes for a cut emoji.</summary>
public class LoneSurrogateTests
{
    private static readonly string Fixture = TestPaths.Fixture(Path.Combine("hostile", "lone-surrogate.jsonl"));

    [Fact]
    public void It_is_a_file_line_column_error()
    {
        using CorpusReader reader = CorpusReader.Open(Fixture, new CorpusReaderOptions { Format = CorpusFormat.Jsonl });
        var error = Assert.Throws<DataFormatException>(() => reader.ReadAll().ToList());
        Assert.StartsWith($"{Fixture}:2:", error.Message, StringComparison.Ordinal);
        Assert.Contains("lone surrogate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_on_error_skip_the_row_is_skipped_and_counted()
    {
        using CorpusReader reader = CorpusReader.Open(Fixture, new CorpusReaderOptions { Format = CorpusFormat.Jsonl, OnError = RowErrorMode.Skip });
        List<Example> rows = [.. reader.ReadAll()];
        Assert.Equal(["1", "3"], rows.Select(r => r.Id));
        Assert.Equal(1, reader.SkippedCount);
    }
}

/// <summary>Invalid UTF-8 in a dictionary or a stop-word list: file, line and byte offset, never U+FFFD.</summary>
public class InvalidUtf8ResourceTests
{
    [Fact]
    public void A_stop_word_list_in_latin1_names_the_byte()
    {
        string path = TestPaths.Fixture(Path.Combine("hostile", "stopwords-latin1.txt"));
        var error = Assert.Throws<DataFormatException>(() => TextAugment.Text.WordSet.Load(path));
        Assert.StartsWith($"{path}:3:3 (byte 10 of the file): invalid UTF-8 (byte 0xE9)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_synonym_dictionary_in_latin1_names_the_byte()
    {
        string path = TestPaths.Fixture(Path.Combine("hostile", "synonyms-latin1.tsv"));
        var error = Assert.Throws<DataFormatException>(() => TextAugment.Dictionaries.SynonymDictionary.Load(path));
        Assert.StartsWith($"{path}:2:13 (byte 29 of the file): invalid UTF-8 (byte 0xF6)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pipeline_with_a_latin1_stop_word_list_is_a_pipeline_error()
    {
        string dir = TestPaths.NewTempDirectory();
        File.Copy(TestPaths.Fixture(Path.Combine("hostile", "stopwords-latin1.txt")), Path.Combine(dir, "stop.txt"));
        string path = Path.Combine(dir, "p.yaml");
        File.WriteAllText(path, "augment:\n  protect: { stopwords: stop.txt }\n  stages: [ { random_swap: {} } ]\n");
        var error = Assert.Throws<TextAugment.Pipelines.PipelineException>(() => TextAugment.Pipelines.Pipeline.Load(path, requireInputOutput: false));
        Assert.Contains(error.Errors, e => e.Message.Contains(":3:3 (byte 10 of the file): invalid UTF-8", StringComparison.Ordinal));
    }
}

/// <summary>A statistics file that names a word twice.</summary>
public class DuplicateStatisticsTests
{
    [Fact]
    public void A_second_line_for_a_word_is_an_error_at_its_line()
    {
        string path = TestPaths.Fixture(Path.Combine("hostile", "tfidf-duplicate-word.tsv"));
        var error = Assert.Throws<DataFormatException>(() => TfIdfStatistics.Load(path));
        Assert.StartsWith($"{path}:5:1: the word 'fox' appears a second time", error.Message, StringComparison.Ordinal);
    }
}

/// <summary>A protect pattern that backtracks catastrophically.</summary>
public class BacktrackingPatternTests
{
    [Fact]
    public void Its_timeout_names_the_pattern()
    {
        var protection = TextAugment.Text.Protection.Create(new TextAugment.Text.ProtectionOptions { Patterns = ["^(a+)+$"] });
        string text = new string('a', 40) + "!";
        var error = Assert.Throws<ArgumentException>(() => TextAugment.Text.TokenList.Create(text, protection));
        Assert.Contains("the protect pattern '^(a+)+$' took more than 1 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void In_a_pipeline_its_timeout_names_the_file_line_and_column_where_it_is_written()
    {
        string pipeline = TestPaths.Fixture(Path.Combine("hostile", "backtracking-pattern.yaml"));
        string input = TestPaths.Fixture(Path.Combine("hostile", "backtracking.txt"));
        string output = Path.Combine(TestPaths.NewTempDirectory(), "out.txt");
        var errors = new StringWriter();
        int code = TextAugmentApp.Run(["augment", pipeline, "-i", input, "--input-format", "text", "-o", output, "--no-progress"], new TestConsole(), errors);
        Assert.Equal(1, code);
        Assert.Contains($"{pipeline}:4:24: the protect pattern '^(a+)+$' took more than 1 s", errors.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }
}

/// <summary>Line-oriented resources with one enormous line: a documented limit and a file:line:column error, loading linear in size.</summary>
public class ResourceLineLimitTests
{
    [Fact]
    public void A_synonym_line_with_more_entries_than_the_limit_is_an_error_at_its_line()
    {
        string path = TestPaths.Fixture(Path.Combine("hostile", "synonyms-too-many.tsv"));
        var error = Assert.Throws<DataFormatException>(() => TextAugment.Dictionaries.SynonymDictionary.Load(path));
        Assert.StartsWith($"{path}:2:5: the line lists 10,001 synonyms; a line may list at most 10,000.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_synonym_longer_than_the_limit_is_an_error_at_its_column()
    {
        string path = TestPaths.Fixture(Path.Combine("hostile", "synonyms-long-word.tsv"));
        var error = Assert.Throws<DataFormatException>(() => TextAugment.Dictionaries.SynonymDictionary.Load(path));
        Assert.StartsWith($"{path}:2:11: a synonym is 1,001 characters long", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_of_ten_thousand_synonyms_loads_each_once_in_order()
    {
        // The loader checked each new synonym against the list so far (quadratic in entries per line); a set keeps it linear.
        string path = Path.Combine(TestPaths.NewTempDirectory(), "many.tsv");
        string[] synonyms = [.. Enumerable.Range(0, 10_000).Select(i => $"w{i % 5000}")];
        File.WriteAllText(path, $"big\t{string.Join(',', synonyms)}\nbig\tw1,w5000,big\n");
        var dictionary = TextAugment.Dictionaries.SynonymDictionary.Load(path);
        Assert.Equal([.. Enumerable.Range(0, 5001).Select(i => $"w{i}")], dictionary.GetSynonyms("big").ToArray());
    }

    [Fact]
    public void A_jieba_user_word_longer_than_the_limit_names_its_line()
    {
        string path = TestPaths.Fixture(Path.Combine("hostile", "jieba-user-long-word.txt"));
        var error = Assert.Throws<FormatException>(() => TextAugment.Text.JiebaSegmenter.Default.WithUserDictionary(path));
        Assert.Equal($"{path}:2:1: the word is 101 characters long; a user word may have at most 100.", error.Message);
    }

    [Theory]
    [InlineData("测试 99999999999999999999999", "the frequency 99999999999999999999999 is too large")]
    [InlineData("测试 1000000000001 n", "the frequency 1000000000001 is too large")]
    public void A_jieba_user_frequency_too_large_for_the_total_names_its_line_and_column(string line, string message)
    {
        string path = Path.Combine(TestPaths.NewTempDirectory(), "user.txt");
        File.WriteAllText(path, "好词 5\n" + line + "\n");
        var error = Assert.Throws<FormatException>(() => TextAugment.Text.JiebaSegmenter.Default.WithUserDictionary(path));
        Assert.StartsWith($"{path}:2:4: {message}; a user word's frequency may be at most 1,000,000,000,000", error.Message, StringComparison.Ordinal);
        TextAugment.Text.JiebaSegmenter.Default.WithUserWords(["测试 1000000000000", "好词 1000000000000"]); // at the limit: accepted
    }
}

/// <summary>A JSON object that names a key twice: an error at the second key, never its last value taken silently.</summary>
public class DuplicateJsonKeyTests
{
    private static readonly string Fixture = TestPaths.Fixture(Path.Combine("hostile", "jsonl-duplicate-key.jsonl"));

    [Fact]
    public void It_is_a_file_line_column_error()
    {
        using CorpusReader reader = CorpusReader.Open(Fixture, new CorpusReaderOptions { Format = CorpusFormat.Jsonl });
        var error = Assert.Throws<DataFormatException>(() => reader.ReadAll().ToList());
        Assert.StartsWith($"{Fixture}:2:43: the key 'label' appears a second time in the object", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_on_error_skip_the_row_is_skipped_and_counted()
    {
        using CorpusReader reader = CorpusReader.Open(Fixture, new CorpusReaderOptions { Format = CorpusFormat.Jsonl, OnError = RowErrorMode.Skip });
        List<Example> rows = [.. reader.ReadAll()];
        Assert.Equal(["1", "3"], rows.Select(r => r.Id));
        Assert.Equal(1, reader.SkippedCount);
    }
}
