using TextAugment.Classification;
using TextAugment.Corpus;
using TextAugment.Text;
using YamlDotNet.RepresentationModel;

namespace TextAugment.Pipelines;

/// <summary>The <c>train</c> section: how to train a classifier on the augmented corpus and where to save it.</summary>
/// <param name="Options">The trainer's options.</param>
/// <param name="ModelPath">Where the model goes.</param>
/// <param name="ReportDirectory">Where report.json, curves.csv and curves.svg go.</param>
/// <param name="ValidationPath">A validation file, or null to hold out <see cref="TrainerOptions.ValidationFraction"/> of the input's examples.</param>
public sealed record TrainSection(TrainerOptions Options, string ModelPath, string ReportDirectory, string? ValidationPath);

/// <summary>The <c>evaluate</c> section: a labelled test set and, optionally, the ablation.</summary>
/// <param name="TestPath">The test file (format from its extension; columns as the input's).</param>
/// <param name="AblationSeeds">Seeds for the three-arm ablation (originals, augmented, repetition control), default 5, or 0 for none.</param>
public sealed record EvaluateSection(string TestPath, int AblationSeeds);

/// <summary>Reads the <c>train</c> and <c>evaluate</c> sections.</summary>
internal static class TrainingSections
{
    private static readonly string[] TrainKeys =
    [
        "model", "report", "features", "hidden", "dropout", "l2", "l1", "weight_decay", "optimizer", "learning_rate",
        "schedule", "momentum", "batch_size", "epochs", "class_weights", "early_stopping", "validation", "refit",
    ];

    private static readonly string[] FeatureKeys = ["word_ngrams", "buckets", "dim", "char_ngrams", "lowercase", "vectors"];
    private static readonly string[] StoppingKeys = ["enabled", "patience", "min_delta", "monitor", "restore_best", "min_epochs"];
    private static readonly string[] ValidationKeys = ["fraction", "path"];

    public static TrainSection? ReadTrain(YamlFields top, Diagnostics d, ulong seed, PipelineOutput? output, Segmenter segmenter)
    {
        if (!top.Has("train"))
        {
            return null;
        }

        YamlFields? f = d.Mapping(top.Raw("train"), "train", TrainKeys);
        if (f is null)
        {
            return null;
        }

        int before = d.Errors.Count;
        if (output is { Path: "-" })
        {
            f.Error("train: the augmented corpus must go to a file to be trained on; set output.path to a file.");
        }
        else if (output is { Format: CorpusFormat.Text })
        {
            f.Error("train: the text output format keeps no labels; write tsv, csv or jsonl to train on it.");
        }

        string outputDirectory = output is null || output.Path == "-" ? d.BaseDirectory : Path.GetDirectoryName(output.Path)!;
        string model = f.Path("model", required: false, mustExist: false, example: "out/model.tam") ?? Path.Combine(outputDirectory, "model.tam");
        string report = f.Path("report", required: false, mustExist: false, example: "out/report") ?? Path.Combine(outputDirectory, "report");

        var defaults = new TrainerOptions();
        FeatureOptions features = ReadFeatures(f, d, segmenter, out Vectors.WordVectors? vectors);
        IReadOnlyList<int> hidden = ReadHidden(f) ?? defaults.Hidden;
        double? dropout = f.Number("dropout", 0, 0.99);
        double? l2 = f.Number("l2", 0, 10);
        double? l1 = f.Number("l1", 0, 10);
        double? weightDecay = f.Number("weight_decay", 0, 10);
        string? optimizer = f.Choice("optimizer", ["sgd", "adam", "adamw"]);
        double? rate = f.Number("learning_rate", 1e-9, 100);
        string? schedule = f.Choice("schedule", ["constant", "linear", "cosine"]);
        double? momentum = f.Number("momentum", 0, 0.999);
        long? batch = f.Integer("batch_size", 1, 65536);
        long? epochs = f.Integer("epochs", 1, 10000);
        string? classWeights = f.Choice("class_weights", ["none", "balanced"]);
        EarlyStoppingOptions stopping = ReadStopping(f, d);
        bool? refit = f.Bool("refit");
        var (fraction, validationPath) = ReadValidation(f, d);
        if (d.Errors.Count > before)
        {
            return null;
        }

        var options = new TrainerOptions
        {
            Features = features,
            Hidden = hidden,
            Dropout = dropout ?? defaults.Dropout,
            L2 = l2 ?? 0,
            L1 = l1 ?? 0,
            WeightDecay = weightDecay ?? 0,
            Optimizer = optimizer switch { "sgd" => OptimizerKind.Sgd, "adam" => OptimizerKind.Adam, _ => OptimizerKind.AdamW },
            LearningRate = rate ?? defaults.LearningRate,
            Schedule = schedule switch { "constant" => Schedule.Constant, "cosine" => Schedule.Cosine, _ => Schedule.Linear },
            Momentum = momentum ?? defaults.Momentum,
            BatchSize = (int)(batch ?? defaults.BatchSize),
            Epochs = (int)(epochs ?? defaults.Epochs),
            BalanceClasses = classWeights == "balanced",
            EarlyStopping = stopping,
            Refit = refit ?? defaults.Refit,
            ValidationFraction = fraction ?? defaults.ValidationFraction,
            Seed = seed,
            InitialVectors = vectors,
        };
        return new TrainSection(options, model, report, validationPath);
    }

    public static EvaluateSection? ReadEvaluate(YamlFields top, Diagnostics d, TrainSection? train)
    {
        if (!top.Has("evaluate"))
        {
            return null;
        }

        YamlFields? f = d.Mapping(top.Raw("evaluate"), "evaluate", "test", "ablation");
        if (f is null)
        {
            return null;
        }

        if (train is null && !top.Has("train"))
        {
            f.Error("evaluate needs a train section: it evaluates the model the pipeline trains.");
        }

        string? test = f.Path("test", required: true, mustExist: true, example: "data/test.tsv");
        int seeds = 0;
        if (f.Has("ablation"))
        {
            YamlFields? a = d.Mapping(f.Raw("ablation"), "evaluate.ablation", "without_augmentation", "seeds");
            bool? without = a?.Bool("without_augmentation");
            long? count = a?.Integer("seeds", 1, 100);
            seeds = without == false ? 0 : (int)(count ?? 5);
        }

        return test is null ? null : new EvaluateSection(test, seeds);
    }

    /// <summary>train.features; <paramref name="segmenter"/> is the pipeline's <c>language</c> (and <c>segmentation</c>), recorded in the model.</summary>
    private static FeatureOptions ReadFeatures(YamlFields train, Diagnostics d, Segmenter segmenter, out Vectors.WordVectors? vectors)
    {
        var defaults = new FeatureOptions { Segmenter = segmenter };
        vectors = null;
        YamlFields? f = d.Mapping(train.Raw("features"), "train.features", FeatureKeys);
        if (f is null)
        {
            return defaults;
        }

        long? ngrams = f.Integer("word_ngrams", 1, 5);
        long? buckets = f.Integer("buckets", 1, 1 << 26);
        long? dim = f.Integer("dim", 1, 1024);
        bool? lowercase = f.Bool("lowercase");
        int min = 0, max = 0;
        IReadOnlyList<string>? chars = f.StringList("char_ngrams");
        if (chars is not null)
        {
            if (chars.Count != 2 || !int.TryParse(chars[0], out min) || !int.TryParse(chars[1], out max) || min < 1 || max < min || max > 10)
            {
                f.Error("char_ngrams", "train.features.char_ngrams must be [min, max] with 1 <= min <= max <= 10, e.g. [3, 5].");
                min = max = 0;
            }
        }

        var features = new FeatureOptions
        {
            WordNgrams = (int)(ngrams ?? defaults.WordNgrams),
            Buckets = (int)(buckets ?? defaults.Buckets),
            Dimensions = (int)(dim ?? defaults.Dimensions),
            Lowercase = lowercase ?? defaults.Lowercase,
            CharNgramMin = min,
            CharNgramMax = max,
            Segmenter = segmenter,
        };
        vectors = ReadVectors(f, features);
        return features;
    }

    /// <summary>train.features.vectors: word vectors to start the word features from; their size must be the dim.</summary>
    private static Vectors.WordVectors? ReadVectors(YamlFields f, FeatureOptions features)
    {
        string? path = f.Path("vectors", required: false, mustExist: true, example: "../models/en-vectors.bin");
        if (path is null)
        {
            return null;
        }

        try
        {
            Vectors.WordVectors vectors = Vectors.WordVectors.Load(path);
            if (vectors.Dimensions != features.Dimensions)
            {
                f.Error("vectors", $"train.features.vectors has {vectors.Dimensions} dimensions but dim is {features.Dimensions}; set dim: {vectors.Dimensions}.");
                return null;
            }

            return vectors;
        }
        catch (DataFormatException error)
        {
            f.Error("vectors", $"train.features.vectors cannot be read: {error.Message}");
            return null;
        }
    }

    private static List<int>? ReadHidden(YamlFields f)
    {
        IReadOnlyList<string>? sizes = f.StringList("hidden");
        if (sizes is null)
        {
            return null;
        }

        var result = new List<int>();
        foreach (string s in sizes)
        {
            if (!int.TryParse(s, out int n) || n < 1 || n > 65536)
            {
                f.Error("hidden", $"train.hidden: '{s}' is not a layer size; give whole numbers from 1 to 65536, e.g. [64], or [] for no hidden layer.");
                return null;
            }

            result.Add(n);
        }

        return result;
    }

    private static EarlyStoppingOptions ReadStopping(YamlFields train, Diagnostics d)
    {
        var defaults = new EarlyStoppingOptions();
        YamlFields? f = d.Mapping(train.Raw("early_stopping"), "train.early_stopping", StoppingKeys);
        if (f is null)
        {
            return defaults;
        }

        return new EarlyStoppingOptions
        {
            Enabled = f.Bool("enabled") ?? defaults.Enabled,
            Patience = (int)(f.Integer("patience", 1, 1000) ?? defaults.Patience),
            MinDelta = f.Number("min_delta", 0, 1) ?? defaults.MinDelta,
            Monitor = f.Choice("monitor", ["loss", "accuracy"]) == "accuracy" ? StoppingMetric.Accuracy : StoppingMetric.Loss,
            RestoreBest = f.Bool("restore_best") ?? defaults.RestoreBest,
            MinEpochs = (int)(f.Integer("min_epochs", 1, 10000) ?? defaults.MinEpochs),
        };
    }

    private static (double? Fraction, string? Path) ReadValidation(YamlFields train, Diagnostics d)
    {
        YamlFields? f = d.Mapping(train.Raw("validation"), "train.validation", ValidationKeys);
        if (f is null)
        {
            return (null, null);
        }

        double? fraction = f.Number("fraction", 0, 0.9);
        string? path = f.Path("path", required: false, mustExist: true, example: "data/valid.tsv");
        if (fraction is not null && path is not null)
        {
            f.Error("path", "train.validation: give either fraction (held out of the input) or path (a validation file), not both.");
        }

        return (fraction, path);
    }

    /// <summary>Reads a labelled file with the input section's column names, the format from its extension.</summary>
    public static List<Example> ReadLabelled(string path, PipelineInput? input) => CorpusReader.ReadLabelled(path, input?.Reader);
}
