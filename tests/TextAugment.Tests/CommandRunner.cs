using System.Diagnostics;
using System.Text;
using Spectre.Console.Testing;
using TextAugment.Cli;

namespace TextAugment.Tests;

/// <summary>Runs the textaugment command for a test: in this process, or the built command as a child process.</summary>
internal static class CommandRunner
{
    /// <summary>
    /// Runs the command in this process with standard output and standard error captured (the console is swapped for the
    /// call: a test class using it belongs to <see cref="ConsoleCollection"/>).
    /// </summary>
    public static (int ExitCode, string Output, string Errors) InProcess(params string[] args)
    {
        var errors = new StringWriter();
        var output = new StringWriter();
        TextWriter originalError = Console.Error, originalOut = Console.Out;
        Console.SetError(errors);
        Console.SetOut(output);
        try
        {
            int code = TextAugmentApp.Run(args, new TestConsole(), errors);
            return (code, output.ToString(), errors.ToString());
        }
        finally
        {
            Console.SetError(originalError);
            Console.SetOut(originalOut);
        }
    }

    /// <summary>
    /// Runs the built command under <c>/bin/sh</c> in <paramref name="directory"/> with <paramref name="arguments"/> as a
    /// shell writes them, redirections included (<c>predict m.tam &lt; in.tsv &gt;&gt; in.tsv</c>); returns the exit code and
    /// standard error followed by standard output.
    /// </summary>
    public static (int ExitCode, string Output) InShell(string directory, string arguments)
    {
        var start = new ProcessStartInfo("/bin/sh") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"exec dotnet '{Path.Combine(AppContext.BaseDirectory, "TextAugment.Cli.dll")}' {arguments}");
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        string errors = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(120_000), "the command did not finish in 2 minutes");
        return (process.ExitCode, errors + output.Result);
    }

    /// <summary>Runs the built command in a child process with <paramref name="input"/> (UTF-8) on its standard input.</summary>
    public static (int ExitCode, string Output, string Errors) Child(string input, params string[] args) => Child(Encoding.UTF8.GetBytes(input), args);

    /// <summary>Runs the built command in a child process with <paramref name="input"/> on its standard input (null: closed at once); fails the test after 2 minutes.</summary>
    public static (int ExitCode, string Output, string Errors) Child(byte[]? input, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "TextAugment.Cli.dll"));
        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> errors = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            process.StandardInput.BaseStream.Write(input);
        }

        process.StandardInput.Close();
        Assert.True(process.WaitForExit(120_000), "the command did not finish in 2 minutes");
        return (process.ExitCode, output.Result, errors.Result);
    }
}
