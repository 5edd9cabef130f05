using TextAugment.Classification;
using TextAugment.Corpus;

namespace TextAugment.Tests;

/// <summary>
/// A full device (ENOSPC; Linux's /dev/full is one) stops a run with a message that names the output and says the device
/// is full, exit 1 as other I/O failures, and no file changed beside what the message says.
/// </summary>
public class DiskFullTests
{
    [Fact]
    public void Writing_to_a_full_device_names_the_output_and_says_the_device_is_full()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // /dev/full is Linux's
        }

        using AtomicOutput output = AtomicOutput.Open("/dev/full");
        var error = Assert.Throws<DiskFullException>(() =>
        {
            output.Stream.Write(new byte[1 << 17]);
            output.Commit();
        });
        Assert.Equal("/dev/full", error.Output);
        Assert.StartsWith("cannot write '/dev/full': the device is full (ENOSPC: no space left on device). Free space on that device, or write the output elsewhere.", error.Message, StringComparison.Ordinal);
        Assert.True(DiskFullException.IsDiskFull((IOException)error.InnerException!));
    }

    [Theory]
    [InlineData("augment p.yaml --no-progress -i in.tsv -o /dev/full", "cannot write '/dev/full': the device is full (ENOSPC", "'/dev/full' (not a regular file, written directly) may hold part of the output")]
    [InlineData("augment p.yaml --no-progress -i in.tsv -o full.tsv", "cannot write 'full.tsv': the device is full (ENOSPC", "'full.tsv' (not a regular file, written directly) may hold part of the output")]
    [InlineData("augment p.yaml --no-progress -i in.tsv > /dev/full", "cannot write standard output: the device is full (ENOSPC", "Nothing was written, and no file was changed.")]
    [InlineData("fit-tfidf in.tsv -o /dev/full", "cannot write '/dev/full': the device is full (ENOSPC", "may hold part of the output")]
    [InlineData("evaluate m.tam in.tsv > /dev/full", "cannot write standard output: the device is full (ENOSPC", "Nothing was written, and no file was changed.")]
    [InlineData("evaluate m.tam in.tsv --report /dev/full", "cannot write '/dev/full': the device is full (ENOSPC", "may hold part of the output")]
    public void A_command_writing_to_a_full_device_says_which_output_and_exits_1(string command, string message, string written)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        string dir = TestPaths.NewTempDirectory();
        File.WriteAllLines(Path.Combine(dir, "in.tsv"), ["text\tlabel", .. Enumerable.Range(0, 3000).Select(i => $"the film number {i} was {(i % 2 == 0 ? "good" : "bad")}\t{(i % 2 == 0 ? "pos" : "neg")}")]);
        File.WriteAllText(Path.Combine(dir, "p.yaml"), "input: { path: in.tsv }\naugment:\n  stages: [ { random_swap: {} } ]\n");
        File.CreateSymbolicLink(Path.Combine(dir, "full.tsv"), "/dev/full");
        List<Example> examples = [new("1", "the film was good", "pos"), new("2", "the film was bad", "neg")];
        Trainer.Train(examples, null, new TrainerOptions { Epochs = 1, Features = new FeatureOptions { Buckets = 1024, Dimensions = 8 } }).Model.Save(Path.Combine(dir, "m.tam"));
        string[] before = [.. Directory.GetFileSystemEntries(dir).Order(StringComparer.Ordinal)];

        var (code, errors) = CommandRunner.InShell(dir, command);
        Assert.True(code == 1, errors);
        Assert.Contains("textaugment: " + message, errors, StringComparison.Ordinal);
        Assert.Contains(written, errors, StringComparison.Ordinal);
        Assert.DoesNotContain("\ntextaugment: No space left on device", "\n" + errors, StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetFileSystemEntries(dir).Order(StringComparer.Ordinal).ToArray()); // no temporary file left
    }

    /// <summary>
    /// Items: the version line was written before any guard (a full or closed standard output ended with an unhandled
    /// exception, exit 134, and a stack trace), and a closed standard output (<c>&gt;&amp;-</c>) gave .NET's "Access to the
    /// path is denied" without saying what had been written (train's model and report). Every write to standard output, in
    /// every command, now goes through the one guard: a full device and a closed descriptor each say so, with what had been
    /// written, and exit 1.
    /// </summary>
    [Theory]
    [InlineData("--version")]
    [InlineData("--help")]
    [InlineData("train --help")]
    [InlineData("validate p.yaml")]
    [InlineData("train in.tsv -o mc.tam --epochs 1")]
    [InlineData("predict m.tam < in.tsv")]
    [InlineData("evaluate m.tam in.tsv")]
    [InlineData("augment p.yaml --no-progress -i in.tsv")]
    public void A_full_or_closed_standard_output_is_reported_in_every_command_with_exit_1(string command)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        string dir = TestPaths.NewTempDirectory();
        File.WriteAllLines(Path.Combine(dir, "in.tsv"), ["text\tlabel", .. Enumerable.Range(0, 40).Select(i => $"the film number {i} was {(i % 2 == 0 ? "good" : "bad")}\t{(i % 2 == 0 ? "pos" : "neg")}")]);
        File.WriteAllText(Path.Combine(dir, "p.yaml"), "input: { path: in.tsv }\noutput: { path: o.jsonl }\naugment:\n  stages: [ { random_swap: {} } ]\n");
        List<Example> examples = [new("1", "the film was good", "pos"), new("2", "the film was bad", "neg")];
        Trainer.Train(examples, null, new TrainerOptions { Epochs = 1, Features = new FeatureOptions { Buckets = 1024, Dimensions = 8 } }).Model.Save(Path.Combine(dir, "m.tam"));
        foreach (var (redirect, message) in new[]
        {
            ("> /dev/full", "textaugment: cannot write standard output: the device is full"),
            (">&-", "textaugment: cannot write standard output: standard output is closed"),
        })
        {
            if (File.Exists(Path.Combine(dir, "mc.tam")))
            {
                File.Delete(Path.Combine(dir, "mc.tam"));
                Directory.Delete(Path.Combine(dir, "mc.report"), recursive: true);
            }

            var (code, errors) = CommandRunner.InShell(dir, $"{command} {redirect}");
            Assert.True(code == 1, $"{command} {redirect}: exit {code}: {errors}");
            Assert.Contains(message, errors, StringComparison.Ordinal);
            Assert.DoesNotContain("Unhandled exception", errors, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", errors, StringComparison.Ordinal);
            Assert.DoesNotContain("Access to the path is denied", errors, StringComparison.Ordinal);
            if (command.StartsWith("train in.tsv", StringComparison.Ordinal))
            {
                Assert.Contains("'mc.tam', ", errors, StringComparison.Ordinal); // the model and its report, finished before the failure
                Assert.Contains("mc.report/report.json' were written in full before the failure and are in place", errors, StringComparison.Ordinal);
            }
            else
            {
                Assert.Contains("Nothing was written, and no file was changed.", errors, StringComparison.Ordinal);
            }
        }
    }
}
