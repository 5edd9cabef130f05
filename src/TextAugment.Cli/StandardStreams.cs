using System.Reflection;
using Spectre.Console.Cli;

namespace TextAugment.Cli;

/// <summary>
/// Marks a path argument or option that cannot be <c>-</c> (standard input or output), with the reason; every other
/// path takes <c>-</c>. <see cref="StandardStreamInterceptor"/> enforces it for every command.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class NoStandardStreamAttribute(string reason) : Attribute
{
    /// <summary>Why the value must be a file, in words for the user.</summary>
    public string Reason { get; } = reason;
}

/// <summary>A mistake in the command line found after parsing: exit 2, like the parser's own errors.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>
/// <c>-</c> for a standard stream as the value of any argument or option, and the POSIX end of options, <c>--</c>, after
/// which every argument is a positional one (<c>train -- -c.tsv</c> reads the file <c>-c.tsv</c>). Spectre.Console.Cli reads
/// a lone <c>-</c> as an option without a name and an argument after <c>--</c> that starts with <c>-</c> as an option, so
/// <see cref="Protect"/> marks each such value with a leading NUL before parsing (<c>--</c> itself is dropped), and the
/// interceptor takes the mark off every string setting, refusing <c>-</c> with the reason where a command cannot read or
/// write a stream there (<see cref="NoStandardStreamAttribute"/>).
/// </summary>
internal sealed class StandardStreamInterceptor : ICommandInterceptor
{
    // No command-line argument can hold a NUL character, so the mark never collides with a real value.
    private const char Mark = '\0';
    private const string Placeholder = "\0-";

    /// <summary>How messages name a path: <c>&lt;stdin&gt;</c> for <c>-</c> (as the corpus reader's errors do), else the path.</summary>
    public static string Shown(string path) => path == "-" ? "<stdin>" : path;

    /// <summary>
    /// The arguments with each lone <c>-</c> marked, and, after the first <c>--</c> that follows the command, every
    /// argument marked and the <c>--</c> dropped, so that the parser takes each as a positional argument.
    /// </summary>
    public static string[] Protect(string[] args)
    {
        // The first argument is the command (or --help, --version, --): a "--" there is not the end of options. No arguments
        // at all start the search past the end, which Array.IndexOf refuses.
        int end = args.Length < 2 ? -1 : Array.IndexOf(args, "--", 1);
        return [.. args.Select((a, i) => end >= 0 && i > end ? Mark + a : a == "-" ? Placeholder : a).Where((_, i) => i != end || end < 0)];
    }

    /// <summary>
    /// <paramref name="text"/> with the marks taken off (the placeholder shown as <c>-</c> again): a settings check
    /// (<c>Validate</c>) runs before the interceptor, and the parser's own messages quote arguments, so either may hold one.
    /// </summary>
    public static string Unprotect(string text) => text.Replace(Mark.ToString(), "", StringComparison.Ordinal);

    /// <inheritdoc/>
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "The settings classes are this assembly's, which a Native AOT build keeps whole (TrimmerRootAssembly in the project).")]
    public void Intercept(CommandContext context, CommandSettings settings)
    {
        foreach (PropertyInfo property in settings.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.PropertyType != typeof(string) || property.GetValue(settings) is not string value)
            {
                continue;
            }

            if (value.StartsWith(Mark))
            {
                if (value == Placeholder && property.GetCustomAttribute<NoStandardStreamAttribute>() is { } refused)
                {
                    throw new UsageException($"{NameOf(property)} is '-', but it cannot be standard input or output: {refused.Reason}");
                }

                value = value[1..];
                property.SetValue(settings, value);
            }

            if (value.Length == 0)
            {
                // Before any work: an empty path would otherwise reach .NET's path functions ("The value cannot be an empty
                // string.", naming no option) or, for a folder written last (train --report), fail after the run.
                throw new UsageException($"{NameOf(property)} is empty (''); it must name {Expected(property)}. Nothing was run.");
            }
        }
    }

    /// <summary>What the value of a string setting names, from its value name (PATH, DIR, COLUMN, ...), for the message when it is empty.</summary>
    private static string Expected(PropertyInfo property)
    {
        string? valueName = property.GetCustomAttribute<CommandOptionAttribute>()?.ValueName ?? property.GetCustomAttribute<CommandArgumentAttribute>()?.ValueName;
        bool stream = property.GetCustomAttribute<NoStandardStreamAttribute>() is null;
        string what = valueName switch
        {
            "DIR" => "a folder",
            "COLUMN" => "a column (tsv, csv) or field (jsonl)",
            "PATH" or "FILE" or "MODEL" or "DATA" or "TEST" or "INPUT" or "PIPELINE" => "a file",
            _ => "a value",
        };
        string direction = NameOf(property) == "--output" ? "output" : "input"; // every other path a command takes is read
        return (valueName is null ? what : $"{what} ({valueName})") + (stream && what == "a file" ? $", or - for standard {direction}" : "");
    }

    /// <summary>How the user writes the setting: <c>--output</c> or <c>&lt;MODEL&gt;</c>.</summary>
    private static string NameOf(PropertyInfo property) =>
        property.GetCustomAttribute<CommandOptionAttribute>() is { } option ? "--" + option.LongNames[0]
        : property.GetCustomAttribute<CommandArgumentAttribute>() is { } argument ? $"<{argument.ValueName}>"
        : property.Name;
}
