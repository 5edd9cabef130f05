using System.Diagnostics;
using TextAugment.Classification;
using static TextAugment.Tests.StreamingTests;

namespace TextAugment.Tests;

/// <summary>The command line as a user meets it, through the real process: strict options, --version, which stream gets what.</summary>
public class CommandLineTests
{
    [Theory]
    [InlineData("train", "--hiden", "--hidden")]
    [InlineData("train", "--thread", null)]
    [InlineData("augment", "--thread", "--threads")]
    [InlineData("evaluate", "--bogus", null)]
    [InlineData("run", "--shrad", "--shard")]
    public void An_unknown_option_exits_2_and_names_the_nearest_valid_one(string command, string option, string? nearest)
    {
        var (code, output, errors) = CommandRunner.Child("", command, "some-file", "other-file", option, "2");
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains($"unknown option '{option}'", errors, StringComparison.Ordinal);
        if (nearest is not null)
        {
            Assert.Contains($"did you mean '{nearest}'?", errors, StringComparison.Ordinal);
        }
        else
        {
            Assert.DoesNotContain("did you mean", errors, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// Item: the POSIX end of options, <c>--</c>, was not honoured (<c>train -- -c.tsv</c> gave the parser's "Short option
    /// does not have a valid name"): after it every argument is a positional one, in every command.
    /// </summary>
    [Fact]
    public void After_double_dash_every_argument_is_positional_in_every_command()
    {
        string dir = TestPaths.NewTempDirectory();
        string data = string.Join('\n', ["text\tlabel", .. Enumerable.Range(0, 20).Select(i => $"the film number {i} was {(i % 2 == 0 ? "good" : "bad")}\t{(i % 2 == 0 ? "pos" : "neg")}")]) + "\n";
        File.WriteAllText(Path.Combine(dir, "-c.tsv"), data);
        File.WriteAllText(Path.Combine(dir, "-p.yaml"), "input: { path: -c.tsv }\noutput: { path: -o.jsonl }\naugment:\n  stages: [ { random_swap: {} } ]\n");

        var (trained, trainOutput) = CommandRunner.InShell(dir, "train -o m.tam --epochs 1 -- -c.tsv");
        Assert.True(trained == 0, trainOutput);
        Assert.True(File.Exists(Path.Combine(dir, "m.tam")));
        var (evaluated, evaluation) = CommandRunner.InShell(dir, "evaluate -- m.tam -c.tsv");
        Assert.True(evaluated == 0, evaluation);
        Assert.Contains("-c.tsv: accuracy", evaluation, StringComparison.Ordinal);
        var (validated, validation) = CommandRunner.InShell(dir, "validate -- -p.yaml");
        Assert.True(validated == 0, validation);
        var (ran, run) = CommandRunner.InShell(dir, "run --no-progress -- -p.yaml");
        Assert.True(ran == 0, run);
        Assert.True(File.Exists(Path.Combine(dir, "-o.jsonl")));
        var (fitted, fit) = CommandRunner.InShell(dir, "fit-tfidf -o stats.tsv -- -c.tsv");
        Assert.True(fitted == 0, fit);
        var (augmented, augment) = CommandRunner.InShell(dir, "augment --no-progress -i ./-c.tsv -o a.jsonl -- -p.yaml");
        Assert.True(augmented == 0, augment);
        var (predicted, prediction) = CommandRunner.InShell(dir, "predict -- m.tam < -c.tsv");
        Assert.True(predicted == 0, prediction);

        // A missing file after -- is named as given, without the parser's marks; an option after it is an argument.
        var (missing, missingErrors) = CommandRunner.InShell(dir, "validate -- -q.yaml");
        Assert.True(missing == 2, missingErrors);
        Assert.Contains("textaugment: -q.yaml: pipeline file not found.", missingErrors, StringComparison.Ordinal);
        Assert.DoesNotContain("\0", missingErrors, StringComparison.Ordinal);
        var (extra, extraErrors) = CommandRunner.InShell(dir, "validate -- -p.yaml --help");
        Assert.True(extra == 2, extraErrors);
        Assert.DoesNotContain("Short option", extraErrors, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_prints_the_library_and_onnx_runtime_versions_on_standard_output()
    {
        var (code, output, _) = CommandRunner.Child("", "--version");
        Assert.Equal(0, code);
        string library = typeof(Example).Assembly.GetName().Version!.ToString(3);
        string onnx = Microsoft.ML.OnnxRuntime.OrtEnv.Instance().GetVersionString();
        Assert.Equal($"textaugment {library} (ONNX Runtime {onnx})", output.Trim());
    }

    [Fact]
    public async Task A_closed_pipe_stops_the_run_quietly()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // the closed-pipe error differs there; the Unix filter convention is what is tested
        }

        string dir = TestPaths.NewTempDirectory();
        string pipeline = Path.Combine(dir, "stream.yaml");
        File.WriteAllText(pipeline, "seed: 1\naugment:\n  variants: 2\n  stages:\n    - random_swap: {}\n");
        string input = Path.Combine(dir, "big.txt");
        File.WriteAllLines(input, Enumerable.Range(0, 200_000).Select(i => $"one two three four five {i}"));
        ProcessStartInfo start = CommandRunner.StartInfo(false, "augment", pipeline, "--input", input, "--no-progress");
        using Process process = Process.Start(start)!;
        Task<string> errors = process.StandardError.ReadToEndAsync();
        for (int i = 0; i < 3; i++)
        {
            Assert.NotNull(process.StandardOutput.ReadLine()); // as `| head -3` does
        }

        process.StandardOutput.Close();
        Assert.True(process.WaitForExit(60_000), "the run went on after its reader had gone");
        Assert.Equal(0, process.ExitCode);
        Assert.Equal("", await errors); // no stack trace, and no summary claiming 600,000 rows
    }

    [Fact]
    public void A_failure_after_streaming_says_how_many_lines_standard_output_already_has()
    {
        string dir = TestPaths.NewTempDirectory();
        string pipeline = Path.Combine(dir, "stream.yaml");
        File.WriteAllText(pipeline, "seed: 1\naugment:\n  variants: 2\n  stages:\n    - random_swap: {}\n");
        string input = "text\tlabel\n" + string.Concat(Enumerable.Repeat("a b c\tpos\n", 5000)) + "broken\n";
        var (code, output, errors) = CommandRunner.Child(input, "augment", pipeline, "--input-format", "tsv", "--no-progress");
        Assert.Equal(1, code);
        int lines = output.Count(c => c == '\n');
        Assert.True(lines > 0, "the test needs a failure after some output was streamed");
        Assert.Contains($"{lines:N0} lines had already been written to standard output", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("Nothing was written", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("data.tsv", "sentence\tlabel\nhello there\tpos\n", "the header has no text column 'text'; it has: sentence, label.")]
    [InlineData("data.jsonl", "{\"sentence\": \"hello there\", \"label\": 1}\n", "the object has no 'text' field; it has: sentence, label.")]
    public void Validate_reads_the_input_and_names_a_missing_column_with_the_columns_it_has(string file, string content, string message)
    {
        string dir = TestPaths.NewTempDirectory();
        File.WriteAllText(Path.Combine(dir, file), content);
        string pipeline = Path.Combine(dir, "p.yaml");
        File.WriteAllText(pipeline, $"input: {{ path: {file} }}\noutput: {{ path: out.tsv }}\naugment:\n  stages:\n    - random_swap: {{}}\n");
        var (code, _, errors) = CommandRunner.Child("", "validate", pipeline);
        Assert.Equal(2, code);
        Assert.Contains(message, errors, StringComparison.Ordinal);
        Assert.DoesNotContain("valid.", errors, StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(dir, file), content.Replace("sentence", "text", StringComparison.Ordinal));
        (code, string output, errors) = CommandRunner.Child("", "validate", pipeline);
        Assert.True(code == 0, errors);
        Assert.Contains("valid.", output, StringComparison.Ordinal); // the verdict is the result: standard output
    }

    [Fact]
    public void Messages_do_not_leak_dotnet_parameter_names()
    {
        string dir = TestPaths.NewTempDirectory();
        string pipeline = Path.Combine(dir, "stream.yaml");
        File.WriteAllText(pipeline, "augment:\n  stages:\n    - random_swap: {}\n");
        var (code, _, errors) = CommandRunner.Child("a b c\n", "augment", pipeline, "--input-format", "text", "--ids", "serial", "--no-progress");
        Assert.Equal(2, code);
        Assert.Contains("--ids is 'serial'; it must be one of line, offset, hash", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void An_out_of_range_message_keeps_the_value_in_words()
    {
        string message = TextAugment.Cli.TextAugmentApp.InProductVoice(new ArgumentOutOfRangeException("probability", 1.5, "sometimes: p must be between 0 and 1."));
        Assert.Equal("sometimes: p must be between 0 and 1. (it is 1.5)", message);
    }

    [Theory]
    [InlineData("output: { path: '-' }\n")]
    [InlineData("input: { path: '-' }\noutput: { path: '-' }\n")]
    public void Augment_with_standard_streams_in_the_pipeline_takes_the_format_from_the_command_line(string sections)
    {
        string dir = TestPaths.NewTempDirectory();
        string pipeline = Path.Combine(dir, "p.yaml");
        File.WriteAllText(pipeline, "seed: 1\n" + sections + "augment:\n  variants: 1\n  stages:\n    - random_swap: {}\n");
        var (code, output, errors) = CommandRunner.Child("one two three four\n", "augment", pipeline, "--input-format", "text", "--output-format", "text", "--no-progress");
        Assert.True(code == 0, errors);
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Equal("one two three four", lines[0]);
        Assert.DoesNotContain("{", output, StringComparison.Ordinal); // text, not JSON
    }

    [Fact]
    public void Augment_reads_standard_input_in_the_format_an_input_section_without_a_path_names()
    {
        string dir = TestPaths.NewTempDirectory();
        string pipeline = Path.Combine(dir, "p.yaml");
        File.WriteAllText(pipeline, "seed: 1\ninput: { format: tsv }\noutput: { format: jsonl }\naugment:\n  variants: 1\n  stages:\n    - random_swap: {}\n");
        var (code, output, errors) = CommandRunner.Child("text\tlabel\none two three four\tpos\n", "augment", pipeline, "--no-progress");
        Assert.True(code == 0, errors);
        Assert.StartsWith("{\"id\":\"2\",\"variant\":0,\"text\":\"one two three four\",\"label\":\"pos\"}", output, StringComparison.Ordinal);

        (code, _, errors) = CommandRunner.Child("", "run", pipeline); // a run has no standard input to fall back on
        Assert.Equal(2, code);
        Assert.Contains("'path' is required", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void A_jsonl_round_trip_keeps_the_id_and_label_as_json_wrote_them_and_every_other_field()
    {
        string dir = TestPaths.NewTempDirectory();
        string pipeline = Path.Combine(dir, "p.yaml");
        File.WriteAllText(pipeline, "seed: 1\naugment:\n  variants: 2\n  stages:\n    - random_swap: {}\n");
        string input = "{\"id\": 7, \"text\": \"one two three four\", \"label\": 1, \"source\": \"hf\", \"meta\": {\"split\": [1, 2]}, \"score\": 0.5}\n"
                       + "{\"label\": \"neg\", \"text\": \"five six seven eight\", \"id\": \"2\"}\n"; // every object has an id, or none
        var (code, output, errors) = CommandRunner.Child(input, "augment", pipeline, "--input-format", "jsonl", "--no-progress");
        Assert.True(code == 0, errors);
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(6, lines.Length);
        foreach (string line in lines[..3])
        {
            using var row = System.Text.Json.JsonDocument.Parse(line);
            Assert.Equal(System.Text.Json.JsonValueKind.Number, row.RootElement.GetProperty("label").ValueKind);
            Assert.Equal(1, row.RootElement.GetProperty("label").GetInt32());
            Assert.Equal(7, row.RootElement.GetProperty("id").GetInt32()); // a number stays a number
            Assert.Equal("hf", row.RootElement.GetProperty("source").GetString());
            Assert.Equal(2, row.RootElement.GetProperty("meta").GetProperty("split")[1].GetInt32());
            Assert.Equal(0.5, row.RootElement.GetProperty("score").GetDouble());
        }

        using var last = System.Text.Json.JsonDocument.Parse(lines[5]);
        Assert.Equal("neg", last.RootElement.GetProperty("label").GetString());
        Assert.Equal("2", last.RootElement.GetProperty("id").GetString()); // a string id stays a string
        Assert.False(last.RootElement.TryGetProperty("source", out _));
    }

    [Theory]
    [InlineData("text", "one two three\n\n   \nfour five six\n")]
    [InlineData("tsv", "text\tlabel\none two three\tpos\n\tneg\n  \tneg\nfour five six\tpos\n")]
    [InlineData("csv", "text,label\none two three,pos\n,neg\n\"  \",neg\nfour five six,pos\n")]
    [InlineData("jsonl", "{\"text\": \"one two three\"}\n{\"text\": \"\"}\n{\"text\": \" \\t \"}\n{\"text\": \"four five six\"}\n")]
    public void Empty_texts_follow_one_rule_in_every_format_skipped_and_counted(string format, string input)
    {
        string dir = TestPaths.NewTempDirectory();
        string pipeline = Path.Combine(dir, "p.yaml");
        File.WriteAllText(pipeline, "seed: 1\naugment:\n  variants: 1\n  stages:\n    - random_swap: {}\n");
        var (code, output, errors) = CommandRunner.Child(input, "augment", pipeline, "--input-format", format, "--output-format", "text", "--no-progress");
        Assert.True(code == 0, errors);
        Assert.Equal(4, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length); // 2 examples, the original and 1 variant each
        Assert.Contains("2 examples → 4 rows", errors, StringComparison.Ordinal);
        Assert.Contains("skipped 2 records whose text is empty or only white space", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void FastText_format_is_read_and_written_with_its_labels()
    {
        string dir = TestPaths.NewTempDirectory();
        string pipeline = Path.Combine(dir, "p.yaml");
        File.WriteAllText(pipeline, "seed: 1\naugment:\n  variants: 1\n  stages:\n    - random_swap: {}\n");
        string input = "__label__pos a fine film indeed\n__label__neg  a dull one sadly\nno label at all here\n";
        var (code, output, errors) = CommandRunner.Child(input, "augment", pipeline, "--input-format", "fasttext", "--output-format", "fasttext", "--no-progress");
        Assert.True(code == 0, errors);
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(6, lines.Length);
        Assert.Equal("__label__pos a fine film indeed", lines[0]);
        Assert.StartsWith("__label__pos ", lines[1], StringComparison.Ordinal);
        Assert.Equal("__label__neg a dull one sadly", lines[2]);
        Assert.Equal("no label at all here", lines[4]);

        (code, _, errors) = CommandRunner.Child("__label__a __label__b text\n", "augment", pipeline, "--input-format", "fasttext", "--no-progress");
        Assert.Equal(1, code);
        Assert.Contains("<stdin>:1:12: the line has a second label '__label__b'", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cooking.train", "cooking.valid")] // fastText's own tutorial names: no extension implies a format
    [InlineData("train.txt", "test.txt")] // .txt says text, but the first line's __label__ says fastText
    [InlineData("train.ft", "test.fasttext")]
    public void Train_and_evaluate_read_fasttext_files_by_their_labels(string trainName, string testName)
    {
        string dir = TestPaths.NewTempDirectory();
        string[] good = ["a fine film indeed", "great acting and a fine story", "i loved it", "wonderful and moving"];
        string[] bad = ["a dull one sadly", "boring and far too long", "i hated it", "dreadful and tedious"];
        string corpus = string.Concat(good.Select(t => $"__label__pos {t}\n")) + string.Concat(bad.Select(t => $"__label__neg {t}\n"));
        string train = Path.Combine(dir, trainName), test = Path.Combine(dir, testName), model = Path.Combine(dir, "m.tam");
        File.WriteAllText(train, corpus);
        File.WriteAllText(test, corpus);
        var (code, _, errors) = CommandRunner.Child("", "train", train, "-o", model, "--epochs", "3");
        Assert.True(code == 0, errors);
        (code, string output, errors) = CommandRunner.Child("", "evaluate", model, test, "--json");
        Assert.True(code == 0, errors);
        using var scores = System.Text.Json.JsonDocument.Parse(output);
        Assert.Equal(8, scores.RootElement.GetProperty("count").GetInt32());
    }

    [Fact]
    public void Standard_output_redirected_to_a_file_shares_its_offset_with_the_commands_around_it()
    {
        // `{ echo HEAD; textaugment … --shard 1/2; textaugment … --shard 2/2; echo TAIL; } > out`: each writer continues
        // where the previous one stopped (a file stream at its own position would overwrite the header and half the shards).
        string dir = TestPaths.NewTempDirectory();
        string input = Path.Combine(dir, "in.tsv");
        File.WriteAllText(input, "id\ttext\tlabel\n" + string.Concat(Enumerable.Range(1, 40).Select(i => $"{i}\tword{i} one two three four\ta\n")));
        string pipeline = Path.Combine(dir, "p.yaml");
        File.WriteAllText(pipeline, "seed: 1\naugment:\n  variants: 2\n  stages: [ { random_swap: {} } ]\n");
        string cli = $"{CommandRunner.Shell} augment '{pipeline}' -i '{input}' --no-progress";
        string output = Path.Combine(dir, "out.tsv");
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"{{ echo HEAD; {cli} --shard 1/2; {cli} --shard 2/2; echo TAIL; }} > '{output}'");
        using (Process shell = Process.Start(start)!)
        {
            string errors = shell.StandardError.ReadToEnd();
            shell.WaitForExit();
            Assert.True(shell.ExitCode == 0, errors);
        }

        string[] lines = File.ReadAllLines(output);
        Assert.Equal("HEAD", lines[0]);
        Assert.Equal("TAIL", lines[^1]);
        Assert.Equal(1, lines.Count(l => l.StartsWith("id\t", StringComparison.Ordinal))); // shards after the first write no header
        Assert.Equal(40 * 3, lines.Length - 3); // HEAD, the header, TAIL; 40 originals with 2 variants each
    }

    [Theory]
    [InlineData("trian", "unknown command 'trian'; did you mean 'train'?")]
    [InlineData("--bogus", "unknown option '--bogus' (options come after a command).")]
    public void An_unknown_command_or_top_level_option_is_a_usage_error_that_names_it(string first, string message)
    {
        var (code, _, errors) = CommandRunner.Child("", first, "data.tsv");
        Assert.Equal(2, code);
        Assert.Contains(message, errors, StringComparison.Ordinal);
        Assert.Contains("Commands: run, validate, augment", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_option_without_a_near_one_ends_its_sentence()
    {
        var (code, _, errors) = CommandRunner.Child("", "train", "data.tsv", "--zzzzzz");
        Assert.Equal(2, code);
        Assert.Contains("unknown option '--zzzzzz'. Options: ", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_and_evaluate_count_the_records_they_skip_for_an_empty_text()
    {
        string dir = TestPaths.NewTempDirectory();
        string data = Path.Combine(dir, "e.tsv"), model = Path.Combine(dir, "e.tam");
        File.WriteAllText(data, "text\tlabel\ngood film\tpos\n\tpos\n   \tneg\nbad film\tneg\nfine one\tpos\nawful one\tneg\n");
        var (code, _, errors) = CommandRunner.Child("", "train", data, "-o", model, "--epochs", "2", "--validation-fraction", "0");
        Assert.True(code == 0, errors);
        Assert.Contains("skipped 2 records whose text is empty or only white space", errors, StringComparison.Ordinal);
        (code, _, errors) = CommandRunner.Child("", "evaluate", model, data);
        Assert.True(code == 0, errors);
        Assert.Contains("skipped 2 records whose text is empty or only white space", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void An_output_that_is_a_symbolic_link_is_written_through_and_stays_a_link()
    {
        string dir = TestPaths.NewTempDirectory();
        string pipeline = Path.Combine(dir, "p.yaml"), input = Path.Combine(dir, "in.tsv");
        File.WriteAllText(pipeline, "seed: 1\naugment:\n  variants: 1\n  stages: [ { random_swap: {} } ]\n");
        File.WriteAllText(input, "id\ttext\tlabel\n1\tone two three four\ta\n");
        string target = Path.Combine(dir, "target.tsv"), link = Path.Combine(dir, "link.tsv");
        File.WriteAllText(target, "old\n");
        File.CreateSymbolicLink(link, "target.tsv");
        var (code, _, errors) = CommandRunner.Child("", "augment", pipeline, "-i", input, "-o", link, "--no-progress");
        Assert.True(code == 0, errors);
        Assert.NotNull(new FileInfo(link).LinkTarget); // still a link
        Assert.StartsWith("id\tvariant\ttext\tlabel\n1\t0\tone two three four\ta\n", File.ReadAllText(target), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(dir, "*.tmp"));
    }

    [Fact]
    public async Task Validate_does_not_read_an_input_that_is_a_fifo()
    {
        // Reading a FIFO with no writer would wait for ever (and with a writer would take the data the run needs).
        string dir = TestPaths.NewTempDirectory();
        string fifo = Path.Combine(dir, "in.tsv");
        using (Process mkfifo = Process.Start("mkfifo", [fifo]))
        {
            mkfifo.WaitForExit();
        }

        string pipeline = Path.Combine(dir, "p.yaml");
        File.WriteAllText(pipeline, "input: { path: in.tsv }\noutput: { path: out.tsv }\naugment:\n  stages: [ { random_swap: {} } ]\n");
        ProcessStartInfo start = CommandRunner.StartInfo(false, "validate", pipeline);
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> errors = process.StandardError.ReadToEndAsync();
        bool exited = process.WaitForExit(30_000);
        if (!exited)
        {
            process.Kill(entireProcessTree: true);
        }

        Assert.True(exited, "validate hung on a FIFO input");
        Assert.True(process.ExitCode == 0, await errors);
        Assert.Contains("a stream: its columns are checked when a run reads it", await output, StringComparison.Ordinal);
    }

    [Fact]
    public void Augment_with_an_input_file_does_not_need_the_pipeline_input_to_exist()
    {
        string dir = TestPaths.NewTempDirectory();
        string pipeline = Path.Combine(dir, "p.yaml"), input = Path.Combine(dir, "mine.tsv");
        File.WriteAllText(pipeline, "seed: 1\ninput: { path: not-there-yet.tsv }\naugment:\n  variants: 1\n  stages: [ { random_swap: {} } ]\n");
        File.WriteAllText(input, "id\ttext\tlabel\n1\tone two three four\ta\n");
        var (code, output, errors) = CommandRunner.Child("", "augment", pipeline, "-i", input, "--no-progress");
        Assert.True(code == 0, errors);
        Assert.StartsWith("id\tvariant\ttext\tlabel\n1\t0\tone two three four\ta\n", output, StringComparison.Ordinal);

        (code, _, errors) = CommandRunner.Child("", "run", pipeline); // a run reads the pipeline's input: it must exist
        Assert.Equal(2, code);
        Assert.Contains("not-there-yet.tsv", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/dev/stdout")]
    [InlineData("/proc/self/fd/1")]
    public void An_output_naming_standard_output_keeps_the_offset_it_shares_with_the_shell(string output)
    {
        string dir = TestPaths.NewTempDirectory();
        string pipeline = Path.Combine(dir, "p.yaml"), input = Path.Combine(dir, "in.tsv"), file = Path.Combine(dir, "out.tsv");
        File.WriteAllText(pipeline, "seed: 1\naugment:\n  variants: 1\n  stages: [ { random_swap: {} } ]\n");
        File.WriteAllText(input, "id\ttext\tlabel\n1\tone two three four\ta\n");
        string cli = $"{CommandRunner.Shell} augment '{pipeline}' -i '{input}' -o {output} --no-progress";
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"{{ echo HEAD; {cli}; echo TAIL; }} > '{file}'");
        using (Process shell = Process.Start(start)!)
        {
            string errors = shell.StandardError.ReadToEnd();
            shell.WaitForExit();
            Assert.True(shell.ExitCode == 0, errors);
        }

        Assert.Equal(["HEAD", "id\tvariant\ttext\tlabel", "1\t0\tone two three four\ta"], File.ReadAllLines(file)[..3]);
        Assert.Equal("TAIL", File.ReadAllLines(file)[^1]);
    }
}

/// <summary>Which words a message uses: a command's options when it was run with options, a pipeline's keys when it ran a pipeline.</summary>
[Collection(ConsoleCollection.Name)]
public class CommandMessageWordsTests
{
    /// <summary>
    /// A command run with options and no pipeline names its options in a reader's message (--text), never a pipeline's
    /// keys (input.text, on_error: skip, ids: hash), and gives no advice its options cannot follow; a pipeline names its keys.
    /// </summary>
    [Theory]
    [InlineData("data.tsv", "sentence\tlabel\nhello there\tpos\n", "the header has no text column 'text'; it has: sentence, label. Set --text to the column that holds the text.")]
    [InlineData("data.jsonl", "{\"sentence\": \"hello there\", \"label\": \"pos\"}\n", "the object has no 'text' field; it has: sentence, label. Set --text to the field that holds the text.")]
    [InlineData("data.jsonl", "{\"text\": \"hello\\u0000there\", \"label\": \"pos\"}\n", "holds a NUL character (\\u0000) at character 6 of its value; text holds no NUL, and no output format (tsv, csv, text, fasttext) can carry one: remove it from the data.")]
    [InlineData("data.tsv", "id\ttext\tlabel\n \thello there\tpos\n", "fill it in, or drop the id column (ids then come from the line number).")]
    public void Commands_without_a_pipeline_name_their_options_in_reader_messages_not_pipeline_keys(string file, string content, string message)
    {
        string dir = TestPaths.NewTempDirectory();
        string data = Path.Combine(dir, file);
        File.WriteAllText(data, content);
        string model = Path.Combine(dir, "m.tam");
        List<Example> examples = [new("1", "red apple", "fruit"), new("2", "fast car", "car")];
        Trainer.Train(examples, null, new TrainerOptions { Epochs = 1, Features = new FeatureOptions { Buckets = 1024, Dimensions = 8 } }).Model.Save(model);
        foreach (string[] command in new[]
                 {
                     new[] { "train", data, "-o", Path.Combine(dir, "new.tam"), "--epochs", "1" },
                     new[] { "evaluate", model, data },
                     new[] { "fit-tfidf", data, "-o", Path.Combine(dir, "stats.tsv") },
                 })
        {
            if (command[0] == "fit-tfidf" && !message.Contains("text", StringComparison.Ordinal))
            {
                continue; // fit-tfidf reads the text only
            }

            var (code, _, errors) = CommandRunner.InProcess(command);
            Assert.True(code != 0, $"{command[0]}: {errors}");
            Assert.Contains(message, errors, StringComparison.Ordinal);
            foreach (string key in new[] { "input.", "on_error", "ids: hash", "--ids" })
            {
                Assert.DoesNotContain(key, errors, StringComparison.Ordinal);
            }
        }

        // The same file through a pipeline: its keys.
        string pipeline = Path.Combine(dir, "p.yaml");
        File.WriteAllText(pipeline, $"input: {{ path: {file} }}\noutput: {{ path: out.tsv }}\naugment:\n  stages:\n    - random_swap: {{}}\n");
        var (runCode, _, said) = CommandRunner.InProcess("run", pipeline, "--no-progress");
        Assert.NotEqual(0, runCode);
        Assert.Contains(message.Contains("Set --text", StringComparison.Ordinal) ? "Set input.text to the" : message.Contains("NUL", StringComparison.Ordinal) ? "or set input.on_error: skip." : "or from the content with input.ids: hash).",
            said, StringComparison.Ordinal);
    }
}
