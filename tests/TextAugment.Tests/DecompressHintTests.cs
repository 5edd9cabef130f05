using System.Diagnostics;
using TextAugment.Corpus;

namespace TextAugment.Tests;

/// <summary>
/// The command a compressed file's message suggests gives the text back whatever the file is called: gunzip -k, unxz -k,
/// unzstd and bunzip2 -k refused (or renamed to FILE.out) a file without their suffix, such as c.tsv holding gzip data.
/// Each format is made and undone by its own tool, which the test skips where it is not installed.
/// </summary>
public class DecompressHintTests
{
    [Theory]
    [InlineData("gzip", "gzip -c c.txt > {0}", "c.tsv")]
    [InlineData("gzip", "gzip -c c.txt > {0}", "c.tsv.gz")]
    [InlineData("bzip2", "bzip2 -c c.txt > {0}", "c.tsv")]
    [InlineData("xz", "xz -c c.txt > {0}", "c.tsv")]
    [InlineData("zstd", "zstd -qc c.txt > {0}", "c.tsv")]
    [InlineData("zip", "zip -q {0} c.txt", "c.tsv")]
    [InlineData("gzip", "gzip -c c.txt > {0}", "my data.tsv")]
    public void The_suggested_command_gives_the_text_back_whatever_the_file_is_called(string tool, string compress, string name)
    {
        if (!OperatingSystem.IsLinux() || !Shell("true", TestPaths.NewTempDirectory(), out _) || !Shell($"command -v {tool} {(tool == "zip" ? "unzip" : "")}", TestPaths.NewTempDirectory(), out _))
        {
            return; // the tool is not installed here
        }

        string dir = TestPaths.NewTempDirectory();
        const string text = "text\tlabel\nthe film was good\tpos\n";
        File.WriteAllText(Path.Combine(dir, "c.txt"), text);
        Assert.True(Shell(string.Format(System.Globalization.CultureInfo.InvariantCulture, compress, $"'{name}'"), dir, out string made), made);
        File.Delete(Path.Combine(dir, "c.txt"));

        var error = Assert.Throws<DataFormatException>(() => CorpusReader.Open(Path.Combine(dir, name)).TryRead(out _));
        string message = error.Message;
        const string Lead = "decompress it first: ";
        int at = message.IndexOf(Lead, StringComparison.Ordinal);
        Assert.True(at >= 0, message);
        string command = message[(at + Lead.Length)..];
        command = command[..(command.IndexOf(" (every file", StringComparison.Ordinal) is int paren and >= 0 ? paren : command.Length - 1)]; // without the closing '.'
        Assert.True(Shell(command, "/", out string output), $"{command}: {output}");
        string written = command[(command.LastIndexOf("> ", StringComparison.Ordinal) + 2)..].Trim('\'');
        Assert.NotEqual(Path.Combine(dir, name), written);
        Assert.Equal(text, File.ReadAllText(written));
        Assert.True(File.Exists(Path.Combine(dir, name)), "the compressed file is kept");
    }

    /// <summary>Runs <paramref name="command"/> under /bin/sh in <paramref name="directory"/>; true when it exits 0.</summary>
    private static bool Shell(string command, string directory, out string output)
    {
        var start = new ProcessStartInfo("/bin/sh") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        using Process process = Process.Start(start)!;
        Task<string> errors = process.StandardError.ReadToEndAsync();
        output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(60_000), $"{command} did not finish in a minute");
        output += errors.Result;
        return process.ExitCode == 0;
    }
}
