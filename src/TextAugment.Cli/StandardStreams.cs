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
/// <c>-</c> for a standard stream as the value of any argument or option. Spectre.Console.Cli reads a lone <c>-</c>
/// as an option without a name, so <see cref="Protect"/> swaps it for a placeholder before parsing and the interceptor
/// puts <c>-</c> back into every string setting, refusing it with the reason where a command cannot read or write a
/// stream there (<see cref="NoStandardStreamAttribute"/>).
/// </summary>
internal sealed class StandardStreamInterceptor : ICommandInterceptor
{
    // No command-line argument can hold a NUL character, so the placeholder never collides with a real value.
    private const string Placeholder = "\0-";

    /// <summary>The arguments with each lone <c>-</c> replaced by the placeholder.</summary>
    /// <summary>How messages name a path: <c>&lt;stdin&gt;</c> for <c>-</c> (as the corpus reader's errors do), else the path.</summary>
    public static string Shown(string path) => path == "-" ? "<stdin>" : path;

    public static string[] Protect(string[] args) => [.. args.Select(a => a == "-" ? Placeholder : a)];

    /// <summary>
    /// <paramref name="text"/> with the placeholder shown as <c>-</c> again: a settings check (<c>Validate</c>) runs before
    /// the interceptor, so its message may quote the placeholder.
    /// </summary>
    public static string Unprotect(string text) => text.Replace(Placeholder, "-", StringComparison.Ordinal);

    /// <inheritdoc/>
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "The settings classes are this assembly's, which a Native AOT build keeps whole (TrimmerRootAssembly in the project).")]
    public void Intercept(CommandContext context, CommandSettings settings)
    {
        foreach (PropertyInfo property in settings.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.PropertyType != typeof(string) || property.GetValue(settings) is not Placeholder)
            {
                continue;
            }

            if (property.GetCustomAttribute<NoStandardStreamAttribute>() is { } refused)
            {
                throw new UsageException($"{NameOf(property)} is '-', but it cannot be standard input or output: {refused.Reason}");
            }

            property.SetValue(settings, "-");
        }
    }

    /// <summary>How the user writes the setting: <c>--output</c> or <c>&lt;MODEL&gt;</c>.</summary>
    private static string NameOf(PropertyInfo property) =>
        property.GetCustomAttribute<CommandOptionAttribute>() is { } option ? "--" + option.LongNames[0]
        : property.GetCustomAttribute<CommandArgumentAttribute>() is { } argument ? $"<{argument.ValueName}>"
        : property.Name;
}
