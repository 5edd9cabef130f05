using TextAugment.Augmenters;
using TextAugment.Corpus;
using TextAugment.Vectors;
using TextAugment.Dictionaries;
using TextAugment.Text;
using YamlDotNet.RepresentationModel;

namespace TextAugment.Pipelines;

/// <summary>Resources (dictionaries, later vectors and models) loaded once per run and shared by every stage that names them.</summary>
internal sealed class ResourceCache
{
    private readonly Dictionary<string, object> _loaded = new(StringComparer.Ordinal);

    public T Get<T>(string key, Func<T> load)
        where T : class
    {
        if (!_loaded.TryGetValue(key, out object? value))
        {
            _loaded[key] = value = load();
        }

        return (T)value;
    }
}

/// <summary>
/// The stages a pipeline may name, each with its keys and how it is built. A stage in YAML is a mapping
/// with one key, the stage's name: <c>- synonym: { dictionary: ..., p: 0.1 }</c>.
/// </summary>
internal static class StageCatalog
{
    internal static readonly string[] SubstitutionKeys = ["p", "min", "max", "include_stopwords"];

    private static readonly Dictionary<string, Func<YamlNode?, StageContext, Augmenter?>> Stages = new(StringComparer.Ordinal)
    {
        ["synonym"] = Synonym,
        ["word_vector"] = WordVector,
        ["tfidf"] = TfIdf,
        ["random_swap"] = RandomSwap,
        ["random_deletion"] = RandomDeletion,
        ["random_insertion"] = RandomInsertion,
        ["sequence"] = Sequence,
        ["one_of"] = OneOf,
        ["sometimes"] = Sometimes,
    };

    public static IReadOnlyCollection<string> Names => [.. Stages.Keys, .. StageRegistry.Names];

    public static bool IsBuiltIn(string name) => Stages.ContainsKey(name);

    /// <summary>Builds the stage a list item describes; null (with the mistake reported) when it cannot.</summary>
    public static Augmenter? Build(YamlNode node, StageContext context)
    {
        Diagnostics d = context.Diagnostics;
        if (node is YamlScalarNode { Value: { } bare } && Find(bare) is { } bareStage)
        {
            return BuildAt(node, bareStage, null, context);
        }

        if (node is YamlMappingNode { Children.Count: > 1 } several)
        {
            // Two stages under one '-' (the second's '-' forgotten): name them, and where the '-' goes.
            List<YamlScalarNode> keys = [.. several.Children.Keys.OfType<YamlScalarNode>()];
            YamlNode second = several.Children.Keys.ElementAt(1);
            d.Add(node, $"a stage must be a mapping with one key, the stage's name; found a mapping with {several.Children.Count} keys ({string.Join(", ", keys.Select(k => YamlGuard.Quote(k.Value)))}). "
                + $"Each stage is its own list item: put '- ' before {YamlGuard.Quote((second as YamlScalarNode)?.Value)} on line {second.Start.Line}, in the column of the '-' above.");
            return null;
        }

        if (node is not YamlMappingNode { Children.Count: 1 } mapping)
        {
            d.Add(node, $"a stage must be a mapping with one key, the stage's name (one of {string.Join(", ", Names)}), e.g. '- synonym: {{ dictionary: ../dictionaries/en-wordnet.tsv }}'; found {Diagnostics.Describe(node)}.");
            return null;
        }

        var (keyNode, value) = mapping.Children.First();
        string name = (keyNode as YamlScalarNode)?.Value ?? "";
        if (Find(name) is not { } build)
        {
            string? hint = Diagnostics.Nearest(name, Names);
            d.Add(keyNode, $"unknown stage '{name}'{(hint is null ? "; stages: " : $"; did you mean '{hint}'? Stages: ")}{string.Join(", ", Names)}.");
            return null;
        }

        return Diagnostics.IsNull(value) ? BuildAt(keyNode, build, null, context) : build(value, context);
    }

    /// <summary>
    /// Builds a stage written without a value (<c>- synonym</c>, <c>- synonym:</c>), its mistakes (a required key missing)
    /// reported at <paramref name="at"/>, the stage's name, not at 1:1.
    /// </summary>
    private static Augmenter? BuildAt(YamlNode at, Func<YamlNode?, StageContext, Augmenter?> build, YamlNode? value, StageContext context)
    {
        YamlNode? outer = context.Diagnostics.EmptySectionAt;
        context.Diagnostics.EmptySectionAt = at;
        try
        {
            return build(value, context);
        }
        finally
        {
            context.Diagnostics.EmptySectionAt = outer;
        }
    }

    /// <summary>Builds every stage of a list; null when any fails.</summary>
    public static IReadOnlyList<Augmenter>? BuildList(YamlNode? node, StageContext context, string what)
    {
        if (node is not YamlSequenceNode { Children.Count: > 0 } sequence)
        {
            if (node is null)
            {
                return null;
            }

            context.Diagnostics.Add(node, $"{what} must be a non-empty list of stages ('- synonym: {{...}}'), but is {Diagnostics.Describe(node)}.");
            return null;
        }

        var stages = new List<Augmenter>();
        bool ok = true;
        foreach (YamlNode item in sequence)
        {
            Augmenter? stage = Build(item, context);
            ok &= stage is not null;
            if (stage is not null)
            {
                stages.Add(stage);
            }
        }

        return ok ? stages : null;
    }

    /// <summary>A built-in stage, or one registered from outside the library.</summary>
    private static Func<YamlNode?, StageContext, Augmenter?>? Find(string name) =>
        Stages.TryGetValue(name, out var builtIn) ? builtIn
        : StageRegistry.TryGet(name, out _) ? (node, context) => Registered(name, node, context)
        : null;

    private static Augmenter? Registered(string name, YamlNode? node, StageContext context)
    {
        StageRegistry.TryGet(name, out var stage);
        YamlFields? f = context.Diagnostics.Mapping(node, name, stage.Keys);
        return f is null ? null : stage.Build(new StageArguments(f, context.Resources, context.Analysis));
    }

    private static Augmenter? Synonym(YamlNode? node, StageContext context)
    {
        YamlFields? f = context.Diagnostics.Mapping(node, "synonym", [.. SubstitutionKeys, "dictionary", "format", "inflect"]);
        if (f is null)
        {
            return null;
        }

        SubstitutionOptions? policy = Policy(f);
        SynonymDictionary? dictionary = Dictionary(f, context);
        return policy is null || dictionary is null ? null : new SynonymAugmenter(dictionary, policy);
    }

    private static Augmenter? WordVector(YamlNode? node, StageContext context)
    {
        YamlFields? f = context.Diagnostics.Mapping(node, "word_vector", [.. SubstitutionKeys, "vectors", "format", "limit", "top_k", "min_similarity"]);
        if (f is null)
        {
            return null;
        }

        int before = context.Diagnostics.Errors.Count;
        SubstitutionOptions? policy = Policy(f);
        string? path = f.Path("vectors", required: true, mustExist: true, example: "../models/en-vectors.bin");
        string? format = f.Choice("format", ["auto", "word2vec", "word2vec_text", "fasttext", "glove"]);
        long? limit = f.Integer("limit", 1, int.MaxValue);
        long? topK = f.Integer("top_k", 1, 1000);
        double? minSimilarity = f.Number("min_similarity", -1, 1);
        if (path is null || policy is null || context.Diagnostics.Errors.Count > before)
        {
            return null;
        }

        var options = new WordVectorOptions
        {
            Format = format switch
            {
                "word2vec" => WordVectorFormat.Word2VecBinary,
                "word2vec_text" or "fasttext" => WordVectorFormat.Word2VecText,
                "glove" => WordVectorFormat.Glove,
                _ => WordVectorFormat.Auto,
            },
            Limit = (int?)limit,
        };
        try
        {
            WordVectors vectors = context.Resources.Get($"vectors|{path}|{options.Format}|{options.Limit}", () => WordVectors.Load(path, options));
            var neighbors = new NeighborOptions { TopK = (int)(topK ?? 10), MinSimilarity = (float)(minSimilarity ?? 0) };
            return new WordVectorAugmenter(vectors, neighbors, policy);
        }
        catch (DataFormatException error)
        {
            f.Error("vectors", $"{f.What}.vectors cannot be read: {error.Message}");
            return null;
        }
    }

    private static Augmenter? TfIdf(YamlNode? node, StageContext context)
    {
        YamlFields? f = context.Diagnostics.Mapping(node, "tfidf", "p", "include_stopwords", "statistics", "reference");
        if (f is null)
        {
            return null;
        }

        int before = context.Diagnostics.Errors.Count;
        double? p = f.Number("p", 0, 1);
        bool? stop = f.Bool("include_stopwords");
        string? statistics = f.Path("statistics", required: false, mustExist: true, example: "stats.tsv");
        string? reference = f.Path("reference", required: false, mustExist: true, example: "data/unlabelled.txt");
        if (f.Has("statistics") && f.Has("reference"))
        {
            f.Error("reference", "tfidf: give either statistics (a file from 'textaugment fit-tfidf') or reference (a corpus to fit on), not both.");
        }

        if (context.Diagnostics.Errors.Count > before)
        {
            return null;
        }

        TfIdfStatistics? fitted;
        try
        {
            fitted = statistics is not null
                ? context.Resources.Get($"tfidf-statistics|{statistics}", () => TfIdfStatistics.Load(statistics))
                : FitOn(reference, context, f);
        }
        catch (DataFormatException error)
        {
            f.Error($"tfidf cannot read its corpus statistics: {error.Message}");
            return null;
        }

        return fitted is null ? null : new TfIdfAugmenter(fitted, new TfIdfOptions
        {
            Probability = p ?? new TfIdfOptions().Probability,
            IncludeStopWords = stop ?? new TfIdfOptions().IncludeStopWords,
        });
    }

    /// <summary>Fits on the reference corpus, or else on the pipeline's own input (one extra pass before the run).</summary>
    private static TfIdfStatistics? FitOn(string? reference, StageContext context, YamlFields f)
    {
        if (reference is null && context.InputDeclared && context.Input is null)
        {
            return null; // the input section has its own error already
        }

        string? path = reference ?? context.Input?.Path;
        if (path is null or "-")
        {
            f.Error("tfidf needs corpus statistics, and the pipeline's input section names no file to fit them on "
                    + "(standard input, or augment's -i, is read once, as a stream): "
                    + "add statistics: FILE (made by 'textaugment fit-tfidf') or reference: CORPUS.");
            return null;
        }

        if (reference is null && FileIdentity.ReadOnce(path) is { } readOnce)
        {
            // Fitting is a pass of its own before the run reads the input again: a FIFO or pipe would be empty the second
            // time (or wait for a writer that has gone).
            f.Error($"tfidf needs corpus statistics, fitted on {context.InputKey} in a pass of its own before the run reads it again, but {readOnce} "
                    + "can be read only once: add statistics: FILE (made by 'textaugment fit-tfidf') or reference: CORPUS, or give the input as a regular file.");
            return null;
        }

        CorpusReaderOptions options = reference is null
            ? context.Input!.Reader
            : new CorpusReaderOptions { Format = CorpusFormats.FromExtension(reference) ?? CorpusFormat.Text, Names = ReaderSettingNames.None };
        string source = reference is null ? $"{context.InputKey} '{path}'" : $"reference '{path}'";
        try
        {
            return context.Resources.Get($"tfidf-fit|{path}|{options.Format}", () =>
            {
                using CorpusReader reader = CorpusReader.Open(path, options);
                return TfIdfStatistics.Fit(reader, context.Analysis.Segmenter);
            });
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // Without statistics or reference the stage fits on the input (augment -i, else input.path), whose path has no
            // key in this stage: name the stage and what it tried to read, with the ways to give it something else.
            f.Error($"tfidf (no statistics or reference given) fits its corpus statistics on {source}, which cannot be read: {error.Message} "
                    + "Give statistics: FILE (made by 'textaugment fit-tfidf'), reference: CORPUS, or the file to augment (augment -i FILE).");
            return null;
        }
    }

    private static Augmenter? RandomInsertion(YamlNode? node, StageContext context)
    {
        YamlFields? f = context.Diagnostics.Mapping(node, "random_insertion", "dictionary", "format", "inflect", "n", "alpha", "include_stopwords");
        if (f is null)
        {
            return null;
        }

        EdaCountOptions? count = Count(f);
        bool? stop = f.Bool("include_stopwords");
        SynonymDictionary? dictionary = Dictionary(f, context);
        return count is null || dictionary is null ? null : new RandomInsertionAugmenter(dictionary, count, stop ?? false);
    }

    private static Augmenter? RandomSwap(YamlNode? node, StageContext context)
    {
        YamlFields? f = context.Diagnostics.Mapping(node, "random_swap", "n", "alpha");
        EdaCountOptions? count = f is null ? null : Count(f);
        return count is null ? null : new RandomSwapAugmenter(count);
    }

    private static Augmenter? RandomDeletion(YamlNode? node, StageContext context)
    {
        YamlFields? f = context.Diagnostics.Mapping(node, "random_deletion", "p");
        if (f is null)
        {
            return null;
        }

        int before = context.Diagnostics.Errors.Count;
        double? p = f.Number("p", 0, 1);
        return context.Diagnostics.Errors.Count > before ? null : new RandomDeletionAugmenter(p ?? 0.1);
    }

    private static Augmenter? Sequence(YamlNode? node, StageContext context)
    {
        IReadOnlyList<Augmenter>? stages = BuildList(node ?? new YamlSequenceNode(), context, "sequence");
        return stages is null ? null : Augment.Sequence(stages);
    }

    private static Augmenter? OneOf(YamlNode? node, StageContext context)
    {
        if (node is YamlSequenceNode)
        {
            IReadOnlyList<Augmenter>? list = BuildList(node, context, "one_of");
            return list is null ? null : Augment.OneOf(list);
        }

        YamlFields? f = context.Diagnostics.Mapping(node, "one_of", "stages", "weights");
        if (f is null)
        {
            return null;
        }

        if (!f.Has("stages"))
        {
            f.Missing("stages", "[ { random_swap: {} }, { random_deletion: {} } ]", node);
            return null;
        }

        IReadOnlyList<Augmenter>? stages = BuildList(f.Raw("stages"), context, "one_of.stages");
        IReadOnlyList<string>? weightTexts = f.StringList("weights");
        if (stages is null)
        {
            return null;
        }

        if (weightTexts is null)
        {
            return Augment.OneOf(stages);
        }

        var weights = new List<double>();
        foreach (string w in weightTexts)
        {
            if (!double.TryParse(w, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value) || value < 0)
            {
                f.Error("weights", $"one_of.weights: '{w}' is not a number of at least 0.");
                return null;
            }

            weights.Add(value);
        }

        if (weights.Count != stages.Count)
        {
            f.Error("weights", $"one_of has {stages.Count} stages but {weights.Count} weights; give one weight per stage.");
            return null;
        }

        if (weights.Max() <= 0)
        {
            f.Error("weights", "one_of.weights are all 0; at least one must be positive.");
            return null;
        }

        return Augment.OneOf(stages, weights);
    }

    private static Augmenter? Sometimes(YamlNode? node, StageContext context)
    {
        YamlFields? f = context.Diagnostics.Mapping(node, "sometimes", "p", "stage");
        if (f is null)
        {
            return null;
        }

        double? p = f.Number("p", 0, 1);
        if (!f.Has("p"))
        {
            f.Missing("p", "0.3", node);
        }

        if (!f.Has("stage"))
        {
            f.Missing("stage", "{ random_swap: { n: 1 } }", node);
            return null;
        }

        Augmenter? stage = Build(f.Raw("stage")!, context);
        return p is null || stage is null ? null : Augment.Sometimes(p.Value, stage);
    }

    internal static SubstitutionOptions? Policy(YamlFields f)
    {
        int before = f.Diagnostics.Errors.Count;
        double? p = f.Number("p", 0, 1);
        long? min = f.Integer("min", 0, int.MaxValue);
        long? max = f.Integer("max", 0, int.MaxValue);
        bool? stop = f.Bool("include_stopwords");
        if (min is not null && max is not null && max < min)
        {
            f.Error("max", $"{f.What}.max is {max} but min is {min}; max must be at least min.");
        }

        if (f.Diagnostics.Errors.Count > before)
        {
            return null;
        }

        var defaults = new SubstitutionOptions();
        return new SubstitutionOptions
        {
            Probability = p ?? defaults.Probability,
            Min = (int)(min ?? defaults.Min),
            Max = (int)(max ?? defaults.Max),
            IncludeStopWords = stop ?? false,
        };
    }

    private static EdaCountOptions? Count(YamlFields f)
    {
        int before = f.Diagnostics.Errors.Count;
        long? n = f.Integer("n", 0, 1000);
        double? alpha = f.Number("alpha", 0, 1);
        if (n is not null && alpha is not null)
        {
            f.Error("alpha", $"{f.What}: give either n (a fixed count) or alpha (EDA's fraction of the words), not both.");
        }

        return f.Diagnostics.Errors.Count > before ? null : new EdaCountOptions { Count = (int)(n ?? 1), Alpha = alpha };
    }

    /// <summary>
    /// The stage's <c>dictionary</c> (with <c>format</c> and <c>inflect</c>); with <c>language: zh</c> it may be left
    /// out for the default Chinese table (<see cref="SynonymDictionary.Chinese"/>).
    /// </summary>
    private static SynonymDictionary? Dictionary(YamlFields f, StageContext context)
    {
        bool chinese = context.Analysis.Language == "zh";
        string? path = f.Path("dictionary", required: !chinese, mustExist: true, example: "../dictionaries/en-wordnet.tsv");
        string? format = f.Choice("format", ["auto", "tsv", "mythes", "cilin"]);
        string? inflect = f.Choice("inflect", ["auto", "english", "none"]);
        if (path is null)
        {
            return chinese && !f.Has("dictionary") ? SynonymDictionary.Chinese : null;
        }

        var options = new SynonymDictionaryOptions
        {
            Format = format switch { "tsv" => SynonymFormat.Tsv, "mythes" => SynonymFormat.MyThes, "cilin" => SynonymFormat.Cilin, _ => SynonymFormat.Auto },
            Inflection = inflect switch { "english" => InflectionMode.English, "none" => InflectionMode.None, _ => InflectionMode.Auto },
        };
        try
        {
            return context.Resources.Get($"synonyms|{path}|{options.Format}|{options.Inflection}", () => SynonymDictionary.Load(path, options));
        }
        catch (DataFormatException error)
        {
            f.Error("dictionary", $"{f.What}.dictionary cannot be read: {error.Message}");
            return null;
        }
    }
}

/// <summary>
/// What stage builders share: where to report mistakes, the loaded resources, the corpus the stages will augment
/// (<paramref name="Input"/>, named in messages as <paramref name="InputKey"/>), and the pipeline's language (<see cref="TextAnalysis"/>).
/// </summary>
internal sealed record StageContext(Diagnostics Diagnostics, ResourceCache Resources, PipelineInput? Input, bool InputDeclared, TextAnalysis Analysis, string InputKey = "input.path");
