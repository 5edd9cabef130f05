using System.Reflection;
using Spectre.Console.Cli;
using TextAugment.Classification;

namespace TextAugment.Cli;

/// <summary>
/// One rule for the value of every true/false option of the commands' settings (<c>--no-progress</c>, <c>--json</c>,
/// <c>--header BOOL</c>), the same as the trainer options' (<see cref="TrainerCommandLine"/>): <c>--name</c> alone is
/// true, and <c>--name VALUE</c> or <c>--name=VALUE</c> takes true, false, yes or no in any case
/// (<see cref="TrainerOption.ParseBool"/>). A following word that looks like a truth value but is none of those
/// (<c>0</c>, <c>on</c>) is refused naming the option and the accepted values, where Spectre.Console.Cli would say only
/// "Could not match '0' with an argument"; accepted values are handed to Spectre as <c>--name true|false</c>.
/// </summary>
internal static class BoolOptionValues
{
    /// <summary>
    /// <paramref name="args"/> (the command first) with each value of a true/false option of <paramref name="settings"/>
    /// written as Spectre reads it; the arguments after <c>--</c> are left as they are.
    /// </summary>
    /// <returns>Null, or the message for the first value refused.</returns>
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "The settings classes are this assembly's, which a Native AOT build keeps whole (TrimmerRootAssembly in the project).")]
    public static string? Normalize(IReadOnlyList<string> args, Type settings, out string[] normalized)
    {
        // Each true/false option by every name, and whether it needs a value (--header <BOOL>) or may stand alone (a flag).
        var options = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (PropertyInfo property in settings.GetProperties())
        {
            if ((Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType) != typeof(bool))
            {
                continue;
            }

            foreach (CommandOptionAttribute option in property.GetCustomAttributes(typeof(CommandOptionAttribute), true).Cast<CommandOptionAttribute>())
            {
                bool needsValue = option.ValueName is not null && !option.ValueIsOptional;
                foreach (string name in option.LongNames.Select(n => "--" + n).Concat(option.ShortNames.Select(n => "-" + n)))
                {
                    options[name] = needsValue;
                }
            }
        }

        var result = new List<string>(args.Count);
        normalized = [];
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            if (i > 0 && arg == "--")
            {
                result.AddRange(args.Skip(i));
                break;
            }

            int equals = arg.IndexOf('=', StringComparison.Ordinal);
            string name = equals < 0 ? arg : arg[..equals];
            if (i == 0 || !options.TryGetValue(name, out bool needsValue))
            {
                result.Add(arg);
                continue;
            }

            string? text = equals >= 0 ? arg[(equals + 1)..]
                : i + 1 < args.Count && (needsValue || TrainerOption.LooksLikeBool(args[i + 1])) && args[i + 1] != "--" ? args[++i]
                : needsValue ? null
                : "true";
            if (text is null)
            {
                normalized = [];
                return TextAugmentApp.NeedsValue(args[0], name);
            }

            if (TrainerOption.ParseBool(text) is not { } truth)
            {
                normalized = [];
                return ValueError(args[0], name, text, needsValue);
            }

            result.Add(name);
            result.Add(truth ? "true" : "false");
        }

        normalized = [.. result];
        return null;
    }

    /// <summary>
    /// The message for <paramref name="text"/> given to the true/false option <paramref name="name"/> of
    /// <paramref name="command"/>: the values it takes, and for a flag (<paramref name="needsValue"/> false) that the name
    /// alone means true. Also for a word left after a flag that the command has no place for (<c>--lowercase maybe</c>:
    /// <see cref="TextAugmentApp.StrayFlagValue"/>).
    /// </summary>
    public static string ValueError(string command, string name, string text, bool needsValue) =>
        $"textaugment {command}: {TrainerOption.BoolError(name, text)}{(needsValue ? "" : $" ({name} alone means true.)")}";
}
