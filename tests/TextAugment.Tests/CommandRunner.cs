using System.Diagnostics;
using System.Text;
using Spectre.Console.Testing;
using TextAugment.Cli;

namespace TextAugment.Tests;

/// <summary>Runs the textaugment command for a test: in this process, or the built command as a child process.</summary>
internal static class CommandRunner
{
    /// <summary>
    /// A built command to test instead of this build's TextAugment.Cli.dll (e.g. a Native AOT executable: .ci/run sets it), from
    /// the environment variable TEXTAUGMENT_TEST_COMMAND; then <see cref="InProcess"/> runs it as a child process too.
    /// </summary>
    public static readonly string? Command = Environment.GetEnvironmentVariable("TEXTAUGMENT_TEST_COMMAND") is { Length: > 0 } c ? Path.GetFullPath(c) : null;

    /// <summary>The built command as <c>/bin/sh</c> runs it (quoted), followed by nothing: append the arguments.</summary>
    public static string Shell => Command is { } c ? $"'{c}'" : $"dotnet '{Path.Combine(AppContext.BaseDirectory, "TextAugment.Cli.dll")}'";

    /// <summary>How to start the built command with <paramref name="args"/>, standard output and error redirected (and standard input with <paramref name="input"/>).</summary>
    public static ProcessStartInfo StartInfo(bool input, params string[] args)
    {
        var start = new ProcessStartInfo(Command ?? "dotnet") { RedirectStandardInput = input, RedirectStandardOutput = true, RedirectStandardError = true };
        if (Command is null)
        {
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "TextAugment.Cli.dll"));
        }

        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        return start;
    }

    /// <summary>
    /// Runs the command in this process with standard output and standard error captured (the console is swapped for the
    /// call: a test class using it belongs to <see cref="ConsoleCollection"/>); with <see cref="Command"/> set, runs that
    /// command as a child process instead (standard input closed).
    /// </summary>
    public static (int ExitCode, string Output, string Errors) InProcess(params string[] args) =>
        Command is null ? InThisProcess(args) : Child((byte[]?)null, args);

    /// <summary>
    /// Runs the command in this process, also when <see cref="Command"/> is set: for a test that registers a stage here
    /// (<c>StageRegistry.Register</c>), which a child process would not have.
    /// </summary>
    public static (int ExitCode, string Output, string Errors) InThisProcess(params string[] args)
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
        start.ArgumentList.Add($"exec {Shell} {arguments}");
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
        ProcessStartInfo start = StartInfo(true, args);
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> errors = process.StandardError.ReadToEndAsync();
        try
        {
            if (input is not null)
            {
                process.StandardInput.BaseStream.Write(input);
            }

            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The command may end without reading its input (a usage error refused up front, before the input is opened):
            // its exit code and messages are what the test checks, not that it read the input.
        }
        Assert.True(process.WaitForExit(120_000), "the command did not finish in 2 minutes");
        return (process.ExitCode, output.Result, errors.Result);
    }
}
