namespace TextAugment.Tests;

/// <summary>
/// An input that can be read only once (a FIFO, a pipe, <c>/dev/fd/N</c>, standard input by any name, a device) is refused,
/// with the reason, by every feature that reads the input twice: here the tfidf stage fitting its corpus statistics on the
/// input in a pass of its own before the run. It used to hang on a FIFO (the second open waits for a writer) and say
/// "the file is empty" on a pipe.
/// </summary>
[Collection(ConsoleCollection.Name)]
public class ReadOnceInputTests
{
    private const string Stages = "augment:\n  stages: [ { tfidf: { p: 0.2 } } ]\n";

    [Fact]
    public void A_fifo_input_is_refused_when_tfidf_fits_on_it()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // mkfifo is Linux's here
        }

        string dir = Workspace();
        string fifo = Path.Combine(dir, "ff.fifo");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", fifo)!)
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        File.WriteAllText(Path.Combine(dir, "p.yaml"), "input: { path: ff.fifo, format: tsv }\noutput: { path: o.jsonl }\n" + Stages);
        // A writer, as 'cat in.tsv > ff.fifo &' would be: without the check the stage fits on what it writes.
        byte[] data = File.ReadAllBytes(Path.Combine(dir, "in.tsv"));
        var writer = new Thread(() =>
        {
            try
            {
                File.WriteAllBytes(fifo, data);
            }
            catch (IOException)
            {
                // The reader went early: nothing to do.
            }
        }) { IsBackground = true };
        writer.Start();
        try
        {
            // validate first: without the check it reads the FIFO once and passes; run would then wait for a second writer.
            foreach (string[] command in new[] { new[] { "validate", "p.yaml" }, ["run", "p.yaml", "--no-progress"], ["augment", "p.yaml", "--no-progress", "-i", "ff.fifo", "-o", "o.jsonl"] })
            {
                var (code, _, errors) = CommandRunner.InProcess([command[0], Path.Combine(dir, command[1]), .. command[2..].Select(a => a.EndsWith(".fifo", StringComparison.Ordinal) || a.EndsWith(".jsonl", StringComparison.Ordinal) ? Path.Combine(dir, a) : a)]);
                Assert.True(code == 2, $"{string.Join(' ', command)}: exit {code}: {errors}");
                Assert.Contains("p.yaml:4:", errors, StringComparison.Ordinal);
                Assert.Contains("ff.fifo' (a device, FIFO, pipe or socket, not a regular file) can be read only once: add statistics: FILE", errors, StringComparison.Ordinal);
                Assert.False(File.Exists(Path.Combine(dir, "o.jsonl")));
            }
        }
        finally
        {
            if (!writer.Join(TimeSpan.FromSeconds(5)))
            {
                using FileStream reader = File.OpenRead(fifo); // let the writer go: nothing read the FIFO
                reader.CopyTo(Stream.Null);
            }
        }
    }

    [Theory]
    [InlineData("/dev/stdin")]
    [InlineData("/dev/fd/0")]
    public void A_pipe_given_by_name_is_refused_when_tfidf_fits_on_it(string input)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        string dir = Workspace();
        File.WriteAllText(Path.Combine(dir, "p.yaml"), "input: { path: in.tsv, format: tsv }\noutput: { path: o.jsonl }\n" + Stages);
        // Standard input is a pipe here (as 'cat in.tsv | textaugment augment p.yaml -i /dev/stdin', or bash's -i <(cat in.tsv)).
        var (code, _, errors) = CommandRunner.Child(File.ReadAllText(Path.Combine(dir, "in.tsv")),
            "augment", Path.Combine(dir, "p.yaml"), "--no-progress", "-i", input, "-o", Path.Combine(dir, "o.jsonl"), "--input-format", "tsv");
        Assert.True(code == 2, $"exit {code}: {errors}");
        Assert.Contains($"tfidf needs corpus statistics, fitted on augment -i in a pass of its own before the run reads it again, but '{input}' (standard input) can be read only once", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("the file is empty", errors, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir, "o.jsonl")));
    }

    [Fact]
    public void A_regular_file_is_fitted_on_and_read_again()
    {
        string dir = Workspace();
        File.WriteAllText(Path.Combine(dir, "p.yaml"), "input: { path: in.tsv, format: tsv }\noutput: { path: o.jsonl }\n" + Stages);
        var (code, _, errors) = CommandRunner.InProcess("run", Path.Combine(dir, "p.yaml"), "--no-progress");
        Assert.True(code == 0, errors);
        Assert.True(File.ReadAllLines(Path.Combine(dir, "o.jsonl")).Length > 40, "every example and its variants");
    }

    private static string Workspace()
    {
        string dir = TestPaths.NewTempDirectory();
        File.WriteAllLines(Path.Combine(dir, "in.tsv"), ["text\tlabel", .. Enumerable.Range(0, 40).Select(i => $"the film number {i} was {(i % 2 == 0 ? "good" : "bad")} and long\t{(i % 2 == 0 ? "pos" : "neg")}")]);
        return dir;
    }
}
