using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Spectre.Console.Cli.Help;
using Spectre.Console.Rendering;
using TextAugment.Classification;

namespace TextAugment.Cli;

/// <summary>
/// The trainer options of <c>textaugment train</c>, read from <see cref="TrainerOptionTable"/>: <c>--name value</c>,
/// <c>--name=value</c>; a true/false option also as <c>--name</c> (true) and <c>--no-name</c> (false), its value as
/// <see cref="TrainerOption.ParseBool"/> takes it (a following word that looks like a truth value is its value); a list as
/// <c>a,b</c> (<c>none</c> for an empty one). The other arguments are left to the command's settings.
/// </summary>
internal static class TrainerCommandLine
{
    /// <summary>The message for a value given to <paramref name="negated"/>, the <c>--no-</c> form of the true/false option <paramref name="option"/>.</summary>
    public static string NegatedFlagTakesNoValue(string negated, string option) => $"{negated} takes no value; write {option} true|false, or {negated} alone for false.";

    /// <summary>Every option name the table gives the command line (with aliases and the <c>--no-</c> forms).</summary>
    public static IEnumerable<string> Names() => TrainerOptionTable.All.SelectMany(o =>
        o.Kind == TrainerOptionKind.Bool ? [o.CommandLine, .. o.Aliases, "--no-" + o.CommandLine[2..]] : (IEnumerable<string>)[o.CommandLine, .. o.Aliases]);

    /// <summary>
    /// Takes the trainer options out of <paramref name="args"/> (the arguments after the command name) into
    /// <paramref name="options"/>, starting from the defaults; <paramref name="rest"/> keeps the others in order.
    /// </summary>
    /// <returns>Null, or the first error in the table's words (e.g. "--dropout is 1.5; it must be between 0 and 0.99.").</returns>
    public static string? Parse(IReadOnlyList<string> args, out List<string> rest, out TrainerOptions options) => Parse(args, out rest, out options, out _);

    /// <summary>
    /// <see cref="Parse(IReadOnlyList{string}, out List{string}, out TrainerOptions)"/>, also giving the table names
    /// (<see cref="TrainerOption.Name"/>) of the options the arguments set, so that the command can warn about one that will have no effect.
    /// </summary>
    public static string? Parse(IReadOnlyList<string> args, out List<string> rest, out TrainerOptions options, out HashSet<string> given)
    {
        rest = [];
        options = new TrainerOptions();
        given = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            if (arg == "--")
            {
                rest.AddRange(args.Skip(i));
                break;
            }

            int equals = arg.IndexOf('=', StringComparison.Ordinal);
            string name = equals < 0 ? arg : arg[..equals];
            string? inline = equals < 0 ? null : arg[(equals + 1)..];
            bool negated = false;
            TrainerOption? option = Find(name);
            if (option is null && name.StartsWith("--no-", StringComparison.Ordinal) && Find("--" + name[5..]) is { Kind: TrainerOptionKind.Bool } flag)
            {
                if (inline is not null || (i + 1 < args.Count && TrainerOption.LooksLikeBool(args[i + 1])))
                {
                    return NegatedFlagTakesNoValue(name, flag.CommandLine);
                }

                option = flag;
                negated = true;
            }

            if (option is null)
            {
                rest.Add(arg);
                continue;
            }

            string text;
            if (option.Kind == TrainerOptionKind.Bool && inline is null && !negated && i + 1 < args.Count && TrainerOption.LooksLikeBool(args[i + 1]))
            {
                text = args[++i]; // --refit false: the value, checked below (--refit 0 is refused, naming the option)
            }
            else if (option.Kind == TrainerOptionKind.Bool && inline is null)
            {
                text = negated ? "false" : "true";
            }
            else if (inline is not null)
            {
                text = inline;
            }
            else if (i + 1 < args.Count)
            {
                text = args[++i];
            }
            else
            {
                return TextAugmentApp.NeedsValue(name, option.ValueName, option.Range, option.Doc);
            }

            if (!option.TryParse(text, option.CommandLine, out object? value, out string? error))
            {
                return error;
            }

            options = option.Set(options, value!);
            given.Add(option.Name);
        }

        return TrainerOptionTable.CheckCombined(options, o => o.CommandLine)?.Message;
    }

    private static TrainerOption? Find(string name) => TrainerOptionTable.All.FirstOrDefault(o =>
        string.Equals(o.CommandLine, name, StringComparison.Ordinal) || o.Aliases.Contains(name, StringComparer.Ordinal));

    /// <summary>The help line of an option: its names and value, then what it does, its default, its range and its pipeline key.</summary>
    public static (string Names, string Text) HelpLine(TrainerOption option)
    {
        string names = string.Join(", ", [option.CommandLine, .. option.Aliases]);
        names = option.Kind == TrainerOptionKind.Bool ? $"{names}, --no-{option.CommandLine[2..]}" : $"{names} {option.ValueName}";
        string range = option.Kind == TrainerOptionKind.Bool ? "" : $" Range: {option.Range}.";
        return (names, string.Create(CultureInfo.InvariantCulture, $"{option.Doc} Default: {option.Default}.{range} Pipeline: train.{option.Name}."));
    }
}

/// <summary>The trainer options the command line gave, and the table names of those it set explicitly.</summary>
internal sealed record ParsedTrainerOptions(TrainerOptions Options, IReadOnlySet<string> Given);

/// <summary>Spectre's help, with the trainer options of <see cref="TrainerOptionTable"/> listed after the options of <c>train</c>.</summary>
internal sealed class TrainerHelpProvider(ICommandAppSettings settings) : HelpProvider(settings)
{
    public override IEnumerable<IRenderable> GetOptions(ICommandModel model, ICommandInfo? command)
    {
        foreach (IRenderable r in base.GetOptions(model, command))
        {
            yield return r;
        }

        if (command?.Name != "train")
        {
            yield break;
        }

        yield return new Markup(Environment.NewLine + "[yellow]TRAINER OPTIONS[/] (each is also a key of a pipeline's train section):" + Environment.NewLine);
        var grid = new Grid();
        grid.AddColumn(new GridColumn { Padding = new Padding(4, 0, 4, 0), NoWrap = true });
        grid.AddColumn(new GridColumn { Padding = new Padding(0, 0, 0, 0) });
        foreach (TrainerOption option in TrainerOptionTable.All)
        {
            var (names, text) = TrainerCommandLine.HelpLine(option);
            grid.AddRow(new Spectre.Console.Text(names), new Spectre.Console.Text(text));
        }

        yield return grid;
    }
}
