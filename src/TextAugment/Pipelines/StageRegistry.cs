using System.Collections.Concurrent;
using TextAugment.Augmenters;

namespace TextAugment.Pipelines;

/// <summary>
/// Stages that live outside this library (the masked-LM stage in TextAugment.Onnx, or a user's own),
/// made available to pipeline files by name. Register before loading a pipeline; names are unique.
/// </summary>
public static class StageRegistry
{
    private static readonly ConcurrentDictionary<string, (string[] Keys, Func<StageArguments, Augmenter?> Build)> Registered = new(StringComparer.Ordinal);

    /// <summary>Makes <paramref name="name"/> usable as a stage: <c>- name: { key: value, ... }</c>.</summary>
    /// <param name="name">The stage's name in pipeline files.</param>
    /// <param name="keys">The keys its mapping may hold; any other key is reported with the nearest one suggested.</param>
    /// <param name="build">Builds the stage from its arguments; returns null after reporting a mistake through them.</param>
    /// <exception cref="ArgumentException">The name is taken by a built-in or an already registered stage.</exception>
    public static void Register(string name, IReadOnlyList<string> keys, Func<StageArguments, Augmenter?> build)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(build);
        if (StageCatalog.IsBuiltIn(name) || !Registered.TryAdd(name, ([.. keys], build)))
        {
            if (Registered.TryGetValue(name, out var existing) && existing.Build == build)
            {
                return; // registering the same stage twice is harmless
            }

            throw new ArgumentException($"a stage named '{name}' already exists.", nameof(name));
        }
    }

    internal static IEnumerable<string> Names => Registered.Keys;

    internal static bool TryGet(string name, out (string[] Keys, Func<StageArguments, Augmenter?> Build) stage) => Registered.TryGetValue(name, out stage);
}

/// <summary>
/// The arguments of one stage in a pipeline file, for a registered stage's builder: typed getters that
/// report a wrong type or an out-of-range value as <c>file:line:column: message</c> and return null,
/// and a cache so that a resource named twice is loaded once per run.
/// </summary>
public sealed class StageArguments
{
    private readonly YamlFields _fields;
    private readonly ResourceCache _resources;

    internal StageArguments(YamlFields fields, ResourceCache resources, Text.TextAnalysis analysis)
    {
        _fields = fields;
        _resources = resources;
        Analysis = analysis;
    }

    /// <summary>The pipeline's text analysis (its <c>language</c>): segmenter, stop words and negators.</summary>
    public Text.TextAnalysis Analysis { get; }

    /// <summary>The pipeline's segmenter (<see cref="Analysis"/>): <see cref="Text.Segmenter.None"/> for English, a <see cref="Text.JiebaSegmenter"/> for Chinese.</summary>
    public Text.Segmenter Segmenter => Analysis.Segmenter;

    /// <summary>Whether the key is given.</summary>
    public bool Has(string key) => _fields.Has(key);

    /// <summary>A number in [min, max], or null (absent, or reported).</summary>
    public double? Number(string key, double min, double max) => _fields.Number(key, min, max);

    /// <summary>A whole number in [min, max], or null.</summary>
    public long? Integer(string key, long min, long max) => _fields.Integer(key, min, max);

    /// <summary>true or false, or null.</summary>
    public bool? Bool(string key) => _fields.Bool(key);

    /// <summary>One of <paramref name="choices"/>, or null.</summary>
    public string? Choice(string key, IReadOnlyList<string> choices) => _fields.Choice(key, choices);

    /// <summary>
    /// A full path resolved against the pipeline file's folder, or null; with <paramref name="mustExist"/> a missing file is
    /// reported, and the file is recorded as one the pipeline reads (<see cref="Pipeline.Reads"/>), which no run's output may be.
    /// </summary>
    public string? Path(string key, bool required, bool mustExist, string example) => _fields.Path(key, required, mustExist, example);

    /// <summary>
    /// Records a file the stage reads that no key names, such as the <c>config.json</c> beside a model, at the value of
    /// <paramref name="key"/> (the key of the file it goes with) as <paramref name="name"/>, so that it is among
    /// <see cref="Pipeline.Reads"/> and no run writes over it. Files read through <see cref="Path"/> are recorded already.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The stage has no value at <paramref name="key"/>.</exception>
    public void ReadBeside(string key, string name, string path)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(path);
        _fields.ReadBeside(key, name, System.IO.Path.GetFullPath(path));
    }

    /// <summary>Reports a mistake at the value of <paramref name="key"/> (or at the stage when it is absent).</summary>
    public void Error(string key, string message)
    {
        if (_fields.Has(key))
        {
            _fields.Error(key, message);
        }
        else
        {
            _fields.Error(message);
        }
    }

    /// <summary>Whether any mistake has been reported in the whole pipeline so far.</summary>
    public int ErrorCount => _fields.Diagnostics.Errors.Count;

    /// <summary>The keys of the shared substitution policy (p, min, max, include_stopwords), for a stage that uses <see cref="Policy"/>.</summary>
    public static IReadOnlyList<string> PolicyKeys => StageCatalog.SubstitutionKeys;

    /// <summary>Reads the shared substitution policy: p, min, max, include_stopwords.</summary>
    public SubstitutionOptions? Policy() => StageCatalog.Policy(_fields);

    /// <summary>Loads a resource once per run, however many stages name it.</summary>
    public T Resource<T>(string key, Func<T> load)
        where T : class => _resources.Get(key, load);
}
