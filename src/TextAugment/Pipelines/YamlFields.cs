using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace TextAugment.Pipelines;

/// <summary>Collects pipeline mistakes with their file positions (YamlDotNet's marks carry no file name).</summary>
internal sealed class Diagnostics(string file)
{
    private readonly List<PipelineError> _errors = [];
    private readonly List<PipelineFile> _reads = [];
    private readonly List<PipelineFile> _writes = [];

    public string File { get; } = file;

    public string BaseDirectory { get; } = Path.GetDirectoryName(Path.GetFullPath(file))!;

    public IReadOnlyList<PipelineError> Errors => _errors;

    /// <summary>Every file read through a key so far (<see cref="YamlFields.Path"/> with mustExist), in the order read.</summary>
    public IReadOnlyList<PipelineFile> Reads => _reads;

    /// <summary>Every file a run of the pipeline writes, as recorded by <see cref="Wrote"/>.</summary>
    public IReadOnlyList<PipelineFile> Writes => _writes;

    /// <summary>What the files read from now on are for (set by the pipeline loader as it reads each section).</summary>
    public PipelineFileUse Use { get; set; } = PipelineFileUse.Augment;

    public void Read(string key, string path, YamlNode at) =>
        _reads.Add(new PipelineFile(key, path, File, at.Start.Line, at.Start.Column, key == "input.path" ? PipelineFileUse.Input : Use));

    /// <summary>Records a file a run writes, at <paramref name="at"/> (its key's value, or its section when the path is a default).</summary>
    public void Wrote(string key, string path, YamlNode? at) =>
        _writes.Add(new PipelineFile(key, path, File, at?.Start.Line ?? 1, at?.Start.Column ?? 1, PipelineFileUse.Train));

    public void Add(YamlNode node, string message) => Add(node.Start.Line, node.Start.Column, message);

    public void Add(long line, long column, string message, long byteOffset = -1)
    {
        // A node shared by several aliases (past AliasExpandingParser's limit) is checked once per use: one message for it.
        var error = new PipelineError(File, line, column, message) { ByteOffset = byteOffset };
        if (!_errors.Contains(error))
        {
            _errors.Add(error);
        }
    }

    /// <summary>
    /// Where a section written without a node of its own is (a stage given by its bare name, <c>- synonym</c>, or with no
    /// value, <c>- synonym:</c>): its mistakes are reported there, not at 1:1. Set by whoever reads such a section, for
    /// the time it is read; null otherwise.
    /// </summary>
    public YamlNode? EmptySectionAt { get; set; }

    /// <summary>The node as a mapping, or an error naming what it should be.</summary>
    public YamlFields? Mapping(YamlNode? node, string what, params string[] keys) => Mapping(node, what, keys, elsewhere: null);

    /// <summary>
    /// The node as a mapping, or an error naming what it should be; <paramref name="elsewhere"/> gives, for a key this
    /// mapping does not have, the section that has it (<c>train.features</c> for <c>char_ngrams</c> in <c>train</c>), or null.
    /// </summary>
    public YamlFields? Mapping(YamlNode? node, string what, string[] keys, Func<string, string?>? elsewhere)
    {
        if (node is null || IsNull(node))
        {
            return new YamlFields(this, null, what, keys) { Place = EmptySectionAt ?? node };
        }

        if (node is not YamlMappingNode mapping)
        {
            Add(node, $"{what} must be a mapping ({{ key: value, ... }}) but is {Describe(node)}{MappingHint(node, what, keys)}.");
            return null;
        }

        return new YamlFields(this, mapping, what, keys, elsewhere);
    }

    /// <summary>The keys of a section that take the number a section given as a number most likely means (validation's share, ablation's seeds).</summary>
    private static readonly string[] NumberKeys = ["fraction", "seeds"];

    /// <summary>
    /// What to write instead of <paramref name="node"/>, a value where the mapping <paramref name="what"/> with
    /// <paramref name="keys"/> belongs (one rule for every section): a flag turns a section with an <c>enabled</c> key on
    /// or off through it (<c>early_stopping: { enabled: true }</c>), and a section without one on by its defaults
    /// (<c>ablation: {}</c>) or off by leaving it out; a number goes in the key that takes a count or a share
    /// (<see cref="NumberKeys"/>); a path goes in the section's <c>path</c> key; else the keys it takes.
    /// </summary>
    private static string MappingHint(YamlNode node, string what, string[] keys)
    {
        string leaf = what[(what.LastIndexOf('.') + 1)..];
        string keyList = keys.Length == 0 ? "" : $" (its keys: {string.Join(", ", keys)})";
        if (node is YamlScalarNode { Value: "true" or "false" or "True" or "False" or "yes" or "no" } flag)
        {
            bool on = flag.Value is "true" or "True" or "yes";
            if (keys.Contains("enabled", StringComparer.Ordinal))
            {
                return $"; to turn it {(on ? "on" : "off")}, write {leaf}: {{ enabled: {flag.Value} }}";
            }

            return on
                ? $"; to turn it on with its defaults, write {leaf}: {{}}, or set its keys, e.g. {leaf}: {{ {keys.FirstOrDefault() ?? "key"}: ... }}{keyList}"
                : $"; to turn it off, remove the key {leaf}";
        }

        // A number is a count or a share, not a file name: validation: 0.1 is the fraction to hold out (scikit-learn's
        // validation_fraction, Keras' validation_split), ablation: 3 the number of seeds.
        if (node is YamlScalarNode { Value: { } number, Style: YamlDotNet.Core.ScalarStyle.Plain }
            && double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            && NumberKeys.FirstOrDefault(k => keys.Contains(k, StringComparer.Ordinal)) is { } numberKey)
        {
            return $"; write {leaf}: {{ {numberKey}: {number} }}";
        }

        if (node is YamlScalarNode { Value: { } value } && keys.Contains("path", StringComparer.Ordinal))
        {
            return $"; write {leaf}: {{ path: {value} }}";
        }

        return keys.Length == 0 ? "" : $"; e.g. {leaf}: {{ {keys[0]}: ... }}{keyList}";
    }

    /// <summary>The value of <paramref name="key"/> in <paramref name="mapping"/> when it is a mapping that has the key; else null.</summary>
    public static YamlNode? Child(YamlNode? mapping, string key) =>
        mapping is YamlMappingNode m && m.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? value) ? value : null;

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Value: null or "" or "~" or "null", Style: YamlDotNet.Core.ScalarStyle.Plain };

    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode { Children.Count: 0 } => "an empty list",
        YamlSequenceNode => "a list",
        YamlScalarNode s when IsNull(s) => "empty",
        YamlScalarNode s => YamlGuard.Quote(s.Value),
        _ => "something else",
    };

    /// <summary>The valid name nearest to <paramref name="name"/>, when it is close enough to be a likely typo.</summary>
    public static string? Nearest(string name, IEnumerable<string> valid)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string candidate in valid)
        {
            int d = Distance(name, candidate);
            if (d < bestDistance)
            {
                (best, bestDistance) = (candidate, d);
            }
        }

        return bestDistance <= Math.Max(2, name.Length / 3) ? best : null;
    }

    private static int Distance(string a, string b)
    {
        var row = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            row[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1));
                diagonal = above;
            }
        }

        return row[b.Length];
    }
}

/// <summary>
/// Typed access to the keys of one mapping. Unknown keys are reported when the accessor is made, with
/// the nearest valid key suggested; every getter reports a wrong type or an out-of-range value and
/// returns null, so that validation goes on and reports every mistake at once.
/// </summary>
internal sealed class YamlFields
{
    private readonly Diagnostics _diagnostics;
    private readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> _values = new(StringComparer.Ordinal);

    public YamlFields(Diagnostics diagnostics, YamlMappingNode? node, string what, string[] keys, Func<string, string?>? elsewhere = null)
    {
        _diagnostics = diagnostics;
        Node = node;
        What = what;
        if (node is null)
        {
            return;
        }

        (string Key, YamlNode Value)? previous = null;
        foreach (var (keyNode, value) in node.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key } scalarKey)
            {
                diagnostics.Add(keyNode, $"{what}: keys must be plain names.");
                continue;
            }

            (string Key, YamlNode Value)? prior = previous;
            previous = (key, value);

            if (Array.IndexOf(keys, key) < 0 && elsewhere?.Invoke(key) is { } place && place != what)
            {
                // A key of another section put here: say where it goes, in the file's own nesting.
                int dot = place.LastIndexOf('.');
                string where = dot >= 0
                    ? $"{place[(dot + 1)..]}: {{ {key}: ... }} inside {place[..dot]}"
                    : $"{key}: ... in {place} itself (beside {what[(what.LastIndexOf('.') + 1)..]}, not inside it)";
                diagnostics.Add(keyNode, $"{what}: unknown key {YamlGuard.Quote(key)}; it is a key of {place}: write {where}.");
                continue;
            }

            if (Array.IndexOf(keys, key) < 0 && prior is { Value: YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: { Length: > 0 } before } } last
                && Diagnostics.IsNull(value) && scalarKey.Style == YamlDotNet.Core.ScalarStyle.Plain && last.Value.End.Line == keyNode.Start.Line
                && double.TryParse(key, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                // { char_ngrams: 3,5 }: in a { } mapping a comma ends the value, so the rest was read as a key of its own.
                diagnostics.Add(keyNode, $"{what}: unknown key {YamlGuard.Quote(key)}: a comma separates the keys of a {{ }} mapping, so '{last.Key}: {before},{key}' was read as {last.Key}: {before} and a key '{key}'; quote the value, {last.Key}: \"{before},{key}\", or write a list, {last.Key}: [{before}, {key}].");
                continue;
            }

            if (Array.IndexOf(keys, key) < 0)
            {
                string? hint = Diagnostics.Nearest(key, keys);
                diagnostics.Add(keyNode, $"{what}: unknown key {YamlGuard.Quote(key)}{(hint is null ? "; valid keys: " : $"; did you mean '{hint}'? Valid keys: ")}{string.Join(", ", keys)}.");
                continue;
            }

            _values[key] = (scalarKey, value);
        }
    }

    public YamlMappingNode? Node { get; }

    /// <summary>Where the section is written when it has no mapping (<see cref="Node"/> is null): an empty value, or the
    /// name of a stage given without one (<see cref="Diagnostics.EmptySectionAt"/>); null when it is not written at all.</summary>
    public YamlNode? Place { get; init; }

    public string What { get; }

    public Diagnostics Diagnostics => _diagnostics;

    public bool Has(string key) => _values.ContainsKey(key);

    public YamlNode? Raw(string key) => _values.TryGetValue(key, out var entry) ? entry.Value : null;

    /// <summary>Reports a missing required key at the mapping (or at <paramref name="fallback"/>).</summary>
    public void Missing(string key, string example, YamlNode? fallback = null)
    {
        YamlNode? at = (YamlNode?)Node ?? Place ?? fallback;
        string message = $"{What}: '{key}' is required, e.g. {key}: {example}.";
        if (at is null)
        {
            _diagnostics.Add(1, 1, message);
        }
        else
        {
            _diagnostics.Add(at, message);
        }
    }

    public string? String(string key, bool required = false, string example = "...")
    {
        if (!_values.TryGetValue(key, out var entry))
        {
            if (required)
            {
                Missing(key, example);
            }

            return null;
        }

        if (entry.Value is YamlScalarNode { Value: { Length: > 0 } value } scalar && !Diagnostics.IsNull(scalar))
        {
            return value;
        }

        _diagnostics.Add(entry.Value, $"{What}.{key} must be a text value but is {Diagnostics.Describe(entry.Value)}.");
        return null;
    }

    public string? Choice(string key, IReadOnlyList<string> choices)
    {
        string? value = String(key);
        if (value is not null && !choices.Contains(value))
        {
            string? hint = Diagnostics.Nearest(value, choices);
            _diagnostics.Add(_values[key].Value, $"{What}.{key} is {YamlGuard.Quote(value)}; it must be one of {string.Join(", ", choices)}{(hint is null ? "" : $" (did you mean '{hint}'?)")}.");
            return null;
        }

        return value;
    }

    public long? Integer(string key, long min, long max)
    {
        if (!TryScalar(key, "a whole number", out var node, out string? text))
        {
            return null;
        }

        bool parsed = long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value);
        if (!parsed && !System.Numerics.BigInteger.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            _diagnostics.Add(node!, $"{What}.{key} must be a whole number but is {YamlGuard.Quote(text)}.");
            return null;
        }

        if (!parsed || value < min || value > max)
        {
            // The value as written: one too large for a long is out of range too.
            _diagnostics.Add(node!, $"{What}.{key} is {text}; it must be between {min} and {max}.");
            return null;
        }

        return value;
    }

    public double? Number(string key, double min, double max)
    {
        if (!TryScalar(key, "a number", out var node, out string? text))
        {
            return null;
        }

        string OutOfRange(string shown) => $"{What}.{key} is {shown}; it must be between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}.";
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
        {
            // A number past the range of a double (1e400) is out of range, not "not a number" (NumberText's rule).
            _diagnostics.Add(node!, NumberText.IsRealNumber(text) ? OutOfRange(text!) : $"{What}.{key} must be a number but is {YamlGuard.Quote(text)}.");
            return null;
        }

        if (value < min || value > max)
        {
            _diagnostics.Add(node!, OutOfRange(value.ToString(CultureInfo.InvariantCulture)));
            return null;
        }

        return value;
    }

    public bool? Bool(string key)
    {
        if (!TryScalar(key, "true or false", out var node, out string? text))
        {
            return null;
        }

        // One reading of a truth value for every key and command-line option (TrainerOption.ParseBool).
        if (Classification.TrainerOption.ParseBool(text!) is { } truth)
        {
            return truth;
        }

        _diagnostics.Add(node!, $"{What}.{key} must be true or false (or yes or no) but is {YamlGuard.Quote(text)}.");
        return null;
    }

    /// <summary>
    /// A path relative to the pipeline file; with <paramref name="mustExist"/>, a missing file is reported. <c>-</c> (standard
    /// input or output) is returned as it is only where <paramref name="standardStream"/> allows it (input.path and
    /// output.path); any other key that names a file is read whole, checked before the run and read again by it, or written
    /// as a checked file or folder, which a stream cannot be, so there <c>-</c> is a mistake at its value.
    /// </summary>
    public string? Path(string key, bool required, bool mustExist, string example, bool standardStream = false)
    {
        string? value = String(key, required, example);
        if (value is null || (value == "-" && standardStream))
        {
            return value;
        }

        if (value == "-")
        {
            _diagnostics.Add(_values[key].Value, mustExist
                ? $"{What}.{key} is '-' (standard input), which only input.path may be: the input is the one stream a run reads, once, while {What}.{key} is read whole, before the run starts or more than once; give a file, e.g. {key}: {example}."
                : $"{What}.{key} is '-' (standard output), which only output.path may be: {What}.{key} is written as a checked file (or folder) and renamed into place; give a path, e.g. {key}: {example}.");
            return null;
        }

        if (value.Contains('\0', StringComparison.Ordinal))
        {
            // No file system has NUL in a name; the runtime would stop the whole run with "Null character in path."
            _diagnostics.Add(_values[key].Value, $"{What}.{key}: {YamlGuard.Quote(value.Replace("\0", "\\0", StringComparison.Ordinal))} holds a NUL character (\\0), which no file name can; remove it.");
            return null;
        }

        string full = System.IO.Path.GetFullPath(System.IO.Path.Combine(_diagnostics.BaseDirectory, value));
        if (mustExist && Corpus.FileIdentity.BrokenLink(full) is { } target)
        {
            _diagnostics.Add(_values[key].Value, $"{What}.{key}: {YamlGuard.Quote(value)} ({YamlGuard.Quote(full)}) is a link to {YamlGuard.Quote(target)}, which does not exist; point the link at the file, or give the file's own path.");
            return null;
        }

        if (mustExist && !File.Exists(full))
        {
            _diagnostics.Add(_values[key].Value, Directory.Exists(full)
                ? $"{What}.{key}: {YamlGuard.Quote(value)} is a folder ({YamlGuard.Quote(full)}), not a file; give the file inside it."
                : $"{What}.{key}: file {YamlGuard.Quote(value)} not found (looked for {YamlGuard.Quote(full)}); paths are relative to the pipeline file.");
            return null;
        }

        if (mustExist && !(What == "input" && key == "path") && Corpus.FileIdentity.IsDeviceOrPipe(full))
        {
            _diagnostics.Add(_values[key].Value, $"{What}.{key}: {YamlGuard.Quote(value)} is a device, FIFO or socket, not a regular file; it is read whole, so give a regular file.");
            return null;
        }

        if (mustExist)
        {
            _diagnostics.Read($"{What}.{key}", full, _values[key].Value);
        }

        return full;
    }

    /// <summary>
    /// Records <paramref name="path"/> as a file the pipeline reads though no key names it (a model's config.json beside
    /// it), at the value of <paramref name="key"/>, as <paramref name="name"/>: <see cref="Diagnostics.Reads"/>.
    /// </summary>
    public void ReadBeside(string key, string name, string path) => _diagnostics.Read(name, path, _values[key].Value);

    public IReadOnlyList<string>? StringList(string key)
    {
        if (!_values.TryGetValue(key, out var entry))
        {
            return null;
        }

        if (entry.Value is not YamlSequenceNode sequence)
        {
            _diagnostics.Add(entry.Value, $"{What}.{key} must be a list ([a, b]) but is {Diagnostics.Describe(entry.Value)}.");
            return null;
        }

        var result = new List<string>();
        foreach (YamlNode item in sequence)
        {
            if (item is YamlScalarNode { Value: { } v })
            {
                result.Add(v);
            }
            else
            {
                _diagnostics.Add(item, $"{What}.{key}: each item must be a text value but this one is {Diagnostics.Describe(item)}.");
            }
        }

        return result;
    }

    /// <summary>The text of the scalar at <paramref name="key"/>, or null when absent or not a scalar (then reported as not <paramref name="expected"/>).</summary>
    public string? Scalar(string key, string expected) => TryScalar(key, expected, out _, out string? text) ? text : null;

    public void Error(string key, string message) => _diagnostics.Add(_values[key].Value, message);

    public void Error(string message)
    {
        if (((YamlNode?)Node ?? Place) is { } at)
        {
            _diagnostics.Add(at, message);
        }
        else
        {
            _diagnostics.Add(1, 1, message);
        }
    }

    private bool TryScalar(string key, string expected, out YamlNode? node, out string? text)
    {
        node = null;
        text = null;
        if (!_values.TryGetValue(key, out var entry))
        {
            return false;
        }

        node = entry.Value;
        if (entry.Value is YamlScalarNode { Value: { Length: > 0 } value } && !Diagnostics.IsNull(entry.Value))
        {
            text = value;
            return true;
        }

        _diagnostics.Add(entry.Value, $"{What}.{key} must be {expected} but is {Diagnostics.Describe(entry.Value)}.");
        return false;
    }
}
