using System.Globalization;

namespace TextAugment.Classification;

/// <summary>The kinds of value a <see cref="TrainerOption"/> takes.</summary>
public enum TrainerOptionKind
{
    /// <summary>A whole number in [<see cref="TrainerOption.Minimum"/>, <see cref="TrainerOption.Maximum"/>].</summary>
    Integer,
    /// <summary>A finite number in [<see cref="TrainerOption.Minimum"/>, <see cref="TrainerOption.Maximum"/>].</summary>
    Number,
    /// <summary>true or false.</summary>
    Bool,
    /// <summary>One of <see cref="TrainerOption.Choices"/>.</summary>
    Choice,
    /// <summary>A list of whole numbers, each in [<see cref="TrainerOption.Minimum"/>, <see cref="TrainerOption.Maximum"/>] (YAML <c>[a, b]</c>, command line <c>a,b</c>).</summary>
    IntegerList,
}

/// <summary>
/// One option of the trainer, written once: its name in a pipeline's <c>train</c> section (dotted for nested
/// keys, e.g. <c>early_stopping.patience</c>), its command-line name, its kind and valid range, and how it is read
/// from and written to <see cref="TrainerOptions"/> (whose property initialisers hold the defaults). The pipeline
/// reader, <c>textaugment train</c>, its help text and <see cref="TrainerOptions"/>' validation all use
/// <see cref="TrainerOptionTable.All"/>; nothing restates a name, default or range.
/// </summary>
public sealed class TrainerOption
{
    private readonly Func<TrainerOptions, object> _get;
    private readonly Func<TrainerOptions, object, TrainerOptions> _set;

    internal TrainerOption(string name, TrainerOptionKind kind, string valueName, string doc, Func<TrainerOptions, object> get, Func<TrainerOptions, object, TrainerOptions> set)
    {
        Name = name;
        Kind = kind;
        ValueName = valueName;
        Doc = doc;
        _get = get;
        _set = set;
        string leaf = name[(name.LastIndexOf('.') + 1)..];
        bool prefixed = name.StartsWith("validation.", StringComparison.Ordinal) || name.StartsWith("consistency.", StringComparison.Ordinal);
        CommandLine = "--" + (prefixed ? name.Replace('.', '-') : leaf).Replace('_', '-');
    }

    /// <summary>The key in a pipeline's <c>train</c> section, dotted for a nested key (<c>features.dim</c>).</summary>
    public string Name { get; }

    /// <summary>The <c>textaugment train</c> option: <c>--</c> and the last part of <see cref="Name"/> in kebab case (with the section for <c>validation</c> and <c>consistency</c>: <c>--validation-fraction</c>, <c>--consistency-weight</c>).</summary>
    public string CommandLine { get; internal init; }

    /// <summary>Other command-line names accepted for this option (e.g. <c>--lr</c>). Default: none.</summary>
    public IReadOnlyList<string> Aliases { get; internal init; } = [];

    /// <summary>The kind of value.</summary>
    public TrainerOptionKind Kind { get; }

    /// <summary>The placeholder shown in help, e.g. <c>&lt;N&gt;</c>.</summary>
    public string ValueName { get; }

    /// <summary>What the option does, in one or two sentences.</summary>
    public string Doc { get; }

    /// <summary>Smallest valid value (of each item for a list).</summary>
    public double Minimum { get; internal init; }

    /// <summary>Largest valid value (of each item for a list).</summary>
    public double Maximum { get; internal init; }

    /// <summary>The valid values of a <see cref="TrainerOptionKind.Choice"/>.</summary>
    public IReadOnlyList<string> Choices { get; internal init; } = [];

    /// <summary>For a list: 0 alone means "none" (<c>--hidden 0</c>: no hidden layer), so the value itself never holds a 0
    /// and <see cref="Minimum"/> can stay the smallest real item; a 0 among other items is out of range.</summary>
    public bool ZeroMeansNone { get; internal init; }

    /// <summary>For a list: the only non-empty length it may have (2 for <c>[min, max]</c>), or null for any; ascending order is then required.</summary>
    public int? PairLength { get; internal init; }

    /// <summary>The default, as written in YAML (lists as <c>[a, b]</c>), from a default <see cref="TrainerOptions"/>.</summary>
    public string Default => Format(Get(new TrainerOptions()));

    /// <summary>The valid values in words, e.g. "0 to 0.99" or "sgd, adam or adamw".</summary>
    public string Range => Kind switch
    {
        TrainerOptionKind.Integer or TrainerOptionKind.Number => $"{Show(Minimum)} to {Show(Maximum)}",
        TrainerOptionKind.Bool => "true or false",
        TrainerOptionKind.Choice => string.Join(", ", Choices.Take(Choices.Count - 1)) + " or " + Choices[^1],
        _ => PairLength is null
            ? $"a list of whole numbers from {Show(Minimum)} to {Show(Maximum)} (a,b or [a, b]), or [] for none"
            : $"[min, max] with {Show(Minimum)} <= min <= max <= {Show(Maximum)}, or [] for none",
    };

    /// <summary>The value in <paramref name="options"/>: int, double, bool, string (a choice) or int[] (a list).</summary>
    public object Get(TrainerOptions options) => _get(options ?? throw new ArgumentNullException(nameof(options)));

    /// <summary><paramref name="options"/> with this option set to <paramref name="value"/> (of the type <see cref="Get"/> returns).</summary>
    public TrainerOptions Set(TrainerOptions options, object value) => _set(options ?? throw new ArgumentNullException(nameof(options)), value);

    /// <summary>A value as written in YAML.</summary>
    public static string Format(object value) => value switch
    {
        int[] list => "[" + string.Join(", ", list.Select(v => v.ToString(CultureInfo.InvariantCulture))) + "]",
        bool b => b ? "true" : "false",
        double d => Show(d),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>
    /// Parses a scalar value (every kind but <see cref="TrainerOptionKind.IntegerList"/>) and checks its range.
    /// <paramref name="label"/> names the option in the error (<c>train.dropout</c> or <c>--dropout</c>); the rest of
    /// the message is the same wherever the value came from.
    /// </summary>
    public bool TryParse(string text, string label, out object? value, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        value = null;
        error = null;
        switch (Kind)
        {
            case TrainerOptionKind.Integer:
                if (!NumberText.TryParseInt64(text, out long whole))
                {
                    // Digits too many for a long are a whole number out of range, not "not a number".
                    error = NumberText.IsWholeNumber(text) ? RangeError(label, text) : $"{label} is '{text}'; it must be a whole number from {Show(Minimum)} to {Show(Maximum)}.";
                    return false;
                }

                if (whole < Minimum || whole > Maximum)
                {
                    // The value as given: clamping it to an int first would echo 2147483647 for 99999999999.
                    error = RangeError(label, text);
                    return false;
                }

                value = (int)whole;
                break;
            case TrainerOptionKind.Number:
                if (!NumberText.TryParseDouble(text, out double number))
                {
                    // A number past the range of a double (1e400) is out of range, not "not a number".
                    error = NumberText.IsRealNumber(text) ? RangeError(label, text) : $"{label} must be a number but is '{text}'.";
                    return false;
                }

                value = number;
                break;
            case TrainerOptionKind.Bool:
                if (ParseBool(text) is not { } truth)
                {
                    error = BoolError(label, text);
                    return false;
                }

                value = truth;

                break;
            case TrainerOptionKind.Choice:
                value = text;
                break;
            default:
                // The command line's list forms: a,b; [a, b] as in YAML; none or [] for no items. An empty or blank value is
                // refused, as for every other option and as a pipeline refuses hidden: "" (an unset variable in a script,
                // --hidden "$HIDDEN", is a mistake, not a choice of none).
                string list = text.Trim();
                if (list.Length == 0)
                {
                    error = $"{label} is {(text.Length == 0 ? "empty" : "only white space")}; give {Range} (also written none{(ZeroMeansNone ? " or 0" : "")}).";
                    return false;
                }

                if (list.StartsWith('[') && list.EndsWith(']'))
                {
                    list = list[1..^1].Trim();
                }

                return TryParseList(list.Length == 0 || list == "none" ? [] : list.Split(','), label, out value, out error);
        }

        error = Check(value, label);
        return error is null;
    }

    /// <summary>Parses a list (<see cref="TrainerOptionKind.IntegerList"/>) and checks it; see <see cref="TryParse"/>.</summary>
    public bool TryParseList(IReadOnlyList<string> items, string label, out object? value, out string? error)
    {
        ArgumentNullException.ThrowIfNull(items);
        value = null;
        var list = new int[items.Count];
        for (int i = 0; i < items.Count; i++)
        {
            if (!NumberText.TryParseInt32(items[i].Trim(), out list[i]))
            {
                error = ListError(label, PairLength is null ? items[i].Trim() : "[" + string.Join(", ", items.Select(item => item.Trim())) + "]");
                return false;
            }
        }

        if (ZeroMeansNone && list is [0])
        {
            // 0 alone means none; a 0 among sizes is a mistake (64,0 is not "one layer of 64"), reported by Check.
            list = [];
        }

        value = list;
        error = Check(list, label);
        return error is null;
    }

    /// <summary>Null when <paramref name="value"/> is in range, else the error, naming the option as <paramref name="label"/>.</summary>
    public string? Check(object value, string label)
    {
        switch (Kind)
        {
            case TrainerOptionKind.Integer or TrainerOptionKind.Number:
                double v = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                return v >= Minimum && v <= Maximum ? null : RangeError(label, Format(value));
            case TrainerOptionKind.Choice:
                string s = (string)value;
                string? hint = Pipelines.Diagnostics.Nearest(s, Choices);
                return Choices.Contains(s, StringComparer.Ordinal) ? null
                    : $"{label} is '{s}'; it must be one of {string.Join(", ", Choices)}{(hint is null ? "" : $" (did you mean '{hint}'?)")}.";
            case TrainerOptionKind.IntegerList:
                int[] list = (int[])value;
                foreach (int item in list)
                {
                    if (item < Minimum || item > Maximum)
                    {
                        // A pair is shown whole ('[3, 0]', not '0': the message says what the pair must be).
                        return ListError(label, PairLength is null ? item.ToString(CultureInfo.InvariantCulture) : Format(list));
                    }
                }

                return PairLength is { } n && list.Length != 0 && (list.Length != n || list[0] > list[1]) ? ListError(label, Format(list)) : null;
            default:
                return null;
        }
    }

    /// <summary>
    /// A true/false value as every command-line option and pipeline key of that kind takes it: true or yes, false or no, in
    /// any case; null for anything else (<c>1</c>, <c>on</c>: refused, not guessed).
    /// </summary>
    internal static bool? ParseBool(string text) =>
        text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("yes", StringComparison.OrdinalIgnoreCase) ? true
        : text.Equals("false", StringComparison.OrdinalIgnoreCase) || text.Equals("no", StringComparison.OrdinalIgnoreCase) ? false
        : null;

    /// <summary>
    /// Whether a command-line word after a true/false option is meant as its value (a truth value, accepted or not: true,
    /// no, 0, on, ...) rather than the next argument: such a word is taken as the value, and refused when <see cref="ParseBool"/> refuses it.
    /// </summary>
    internal static bool LooksLikeBool(string text) => ParseBool(text) is not null
        || text.ToUpperInvariant() is "0" or "1" or "ON" or "OFF" or "Y" or "N" or "T" or "F";

    /// <summary>The error for a true/false value that is neither, naming the option or key as <paramref name="label"/>.</summary>
    internal static string BoolError(string label, string text) => $"{label} must be true or false (or yes or no) but is '{text}'.";

    private string RangeError(string label, string given) => $"{label} is {given}; it must be between {Show(Minimum)} and {Show(Maximum)}.";


    private string ListError(string label, string item) => PairLength is null
        ? $"{label}: '{item}' is not a layer size; give whole numbers from {Show(Minimum)} to {Show(Maximum)}, e.g. [64]{(ZeroMeansNone ? ", or 0 alone" : "")}, or [] for none."
        : $"{label} is '{item}'; it must be {Range}, e.g. [3, 5].";

    private static string Show(double v) => v.ToString(CultureInfo.InvariantCulture);
}
