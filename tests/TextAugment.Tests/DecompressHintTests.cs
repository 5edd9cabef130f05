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

    /// <summary>
    /// Item: the suggested target could name data already there: c.decompressed.tsv (clobbered by the command), or c.tsv
    /// as a link to c.tsv.gz (the command would truncate its own input through the link). The hint takes the first name
    /// that names nothing, a dangling link included.
    /// </summary>
    [Fact]
    public void The_suggested_target_never_names_a_file_or_link_already_there()
    {
        string dir = TestPaths.NewTempDirectory();
        string Hint(string name) =>
            Assert.Throws<DataFormatException>(() => CorpusReader.Open(Path.Combine(dir, name)).TryRead(out _)).Message;
        byte[] gzip = [0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0, 0, 0x03];
        File.WriteAllBytes(Path.Combine(dir, "c.tsv"), gzip);
        Assert.EndsWith($"> {Path.Combine(dir, "c.decompressed.tsv")}.", Hint("c.tsv"), StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(dir, "c.decompressed.tsv"), "text\tlabel\n");
        File.CreateSymbolicLink(Path.Combine(dir, "c.decompressed-2.tsv"), Path.Combine(dir, "nowhere.tsv")); // dangling
        Assert.EndsWith($"> {Path.Combine(dir, "c.decompressed-3.tsv")}.", Hint("c.tsv"), StringComparison.Ordinal);

        File.WriteAllBytes(Path.Combine(dir, "d.tsv.gz"), gzip);
        File.CreateSymbolicLink(Path.Combine(dir, "d.tsv"), Path.Combine(dir, "d.tsv.gz"));
        string linked = Hint("d.tsv.gz");
        Assert.EndsWith($"> {Path.Combine(dir, "d.decompressed.tsv")}.", linked, StringComparison.Ordinal);
        Assert.DoesNotContain($"> {Path.Combine(dir, "d.tsv")}.", linked, StringComparison.Ordinal);
    }

    /// <summary>When no free name is found quickly, the hint pipes the text into the command instead of naming a file.</summary>
    [Fact]
    public void Without_a_free_name_the_hint_pipes_into_the_command()
    {
        string dir = TestPaths.NewTempDirectory();
        File.WriteAllBytes(Path.Combine(dir, "c.tsv"), [0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0, 0, 0x03]);
        for (int i = 1; i <= 100; i++)
        {
            Directory.CreateDirectory(Path.Combine(dir, i == 1 ? "c.decompressed.tsv" : $"c.decompressed-{i}.tsv"));
        }

        string message = Assert.Throws<DataFormatException>(() => CorpusReader.Open(Path.Combine(dir, "c.tsv")).TryRead(out _)).Message;
        Assert.Contains($"gzip -dc {Path.Combine(dir, "c.tsv")} | textaugment … -.", message, StringComparison.Ordinal);
        Assert.DoesNotContain(" > ", message, StringComparison.Ordinal);
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
