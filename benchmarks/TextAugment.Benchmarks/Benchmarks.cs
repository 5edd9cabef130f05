using BenchmarkDotNet.Attributes;
using TextAugment;
using TextAugment.Augmenters;
using TextAugment.Corpus;
using TextAugment.Dictionaries;
using TextAugment.Text;

/// <summary>Shared inputs: 20-word sentences like those of the end-to-end benchmark, and the default dictionary.</summary>
internal static class Inputs
{
    public static readonly string[] Sentences =
    [
        "The film was a great success and the actors gave strong performances in every scene of the long story.",
        "A small village near the river where farmers grow wheat and corn for the market in the nearby town.",
        "She walked slowly along the quiet street, thinking about the letters her brother had written years ago.",
        "Engineers tested the new engine under heavy loads to measure its power, noise and fuel use in winter.",
    ];

    public static readonly SynonymDictionary WordNet = SynonymDictionary.Load(Path.Combine(Root(), "dictionaries", "en-wordnet.tsv"));

    /// <summary>TF-IDF statistics of the quickstart sample (1,200 WordNet glosses).</summary>
    public static readonly TfIdfStatistics Glosses = FitGlosses();

    private static TfIdfStatistics FitGlosses()
    {
        using CorpusReader reader = CorpusReader.Open(Path.Combine(Root(), "pipelines", "data", "wordnet-topics-train.tsv"));
        return TfIdfStatistics.Fit(reader);
    }

    private static string Root()
    {
        string? dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "TextAugment.sln")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return dir ?? throw new InvalidOperationException("Run the benchmarks from inside the repository.");
    }
}

/// <summary>Tokenizing with every character kept, against the lossy split/join the EDA reference code does.</summary>
[MemoryDiagnoser]
public class TokenizerBenchmarks
{
    private readonly TokenList _tokens = new();

    [Benchmark(Baseline = true, Description = "string.Split + string.Join (lossy, as eda_nlp)")]
    public int SplitJoin()
    {
        int n = 0;
        foreach (string s in Inputs.Sentences)
        {
            n += string.Join(' ', s.Split(' ')).Length;
        }

        return n;
    }

    [Benchmark(Description = "TokenList.Reset + Render (reversible, protection marked)")]
    public int TokenizeAndRender()
    {
        int n = 0;
        foreach (string s in Inputs.Sentences)
        {
            _tokens.Reset(s, Protection.Default);
            n += _tokens.Render().Length;
        }

        return n;
    }
}

/// <summary>Each stage on one sentence, per call; the baseline is copying the tokens (the floor every stage pays).</summary>
[MemoryDiagnoser]
public class StageBenchmarks
{
    private readonly TokenList _original = TokenList.Create(Inputs.Sentences[0]);
    private readonly TokenList _work = new();
    private readonly AugmentRandom _random = new(1);
    private readonly Augmenter _synonym = new SynonymAugmenter(Inputs.WordNet);
    private readonly Augmenter _swap = new RandomSwapAugmenter(new EdaCountOptions { Alpha = 0.1 });
    private readonly Augmenter _deletion = new RandomDeletionAugmenter(0.1);
    private readonly Augmenter _insertion = new RandomInsertionAugmenter(Inputs.WordNet, new EdaCountOptions { Alpha = 0.1 });
    private readonly Augmenter _tfidf = new TfIdfAugmenter(Inputs.Glosses);

    [Benchmark(Baseline = true)]
    public int CopyTokens()
    {
        _work.CopyFrom(_original);
        return _work.Count;
    }

    [Benchmark]
    public int Synonym() => Run(_synonym);

    [Benchmark]
    public int RandomSwap() => Run(_swap);

    [Benchmark]
    public int RandomDeletion() => Run(_deletion);

    [Benchmark]
    public int RandomInsertion() => Run(_insertion);

    [Benchmark]
    public int TfIdf() => Run(_tfidf);

    private int Run(Augmenter augmenter)
    {
        _work.CopyFrom(_original);
        augmenter.Augment(_work, _random);
        return _work.Count;
    }
}

/// <summary>Four distinct variants of a batch of sentences, as the runner makes them.</summary>
[MemoryDiagnoser]
public class VariantBenchmarks
{
    private readonly VariantGenerator _generator = new(
        Augment.Sequence(new SynonymAugmenter(Inputs.WordNet), Augment.OneOf(new RandomSwapAugmenter(), new RandomDeletionAugmenter(0.1))),
        new VariantOptions { Variants = 4, Seed = 1 });

    private readonly ExampleBatch _examples = ExampleBatch.Of([.. Enumerable.Range(0, 256).Select(i => new Example(i.ToString(System.Globalization.CultureInfo.InvariantCulture), Inputs.Sentences[i % 4], "x"))]);
    private VariantGenerator.Worker? _worker;

    [GlobalSetup]
    public void Setup() => _worker = new VariantGenerator.Worker(_generator);

    [Benchmark(Description = "256 sentences x 4 variants")]
    public long Batch()
    {
        _worker!.Run(_examples);
        return _worker.Fallbacks;
    }
}
