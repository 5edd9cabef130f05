using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using TextAugment.Augmenters;
using TextAugment.Classification;
using TextAugment.Corpus;
using TextAugment.Pipelines;
using TextAugment.Text;

namespace TextAugment.Tests;

/// <summary>The classifier on Chinese text: segmented word features, and the segmenter recorded in model files.</summary>
public class ChineseClassifierTests
{
    private const string Sentence = "这部电影非常好看";

    private static List<Example> Reviews()
    {
        string[] good = ["这部电影非常好看", "演员的表演很精彩", "故事非常感人", "音乐很好听", "画面非常漂亮", "我很喜欢这部电影"];
        string[] bad = ["这部电影非常无聊", "演员的表演很糟糕", "故事非常拖沓", "音乐很难听", "画面非常粗糙", "我很讨厌这部电影"];
        var examples = new List<Example>();
        for (int i = 0; i < good.Length; i++)
        {
            examples.Add(new Example($"g{i}", good[i], "pos"));
            examples.Add(new Example($"b{i}", bad[i], "neg"));
        }

        return examples;
    }

    private static TrainerOptions Small(Segmenter segmenter) => new()
    {
        Features = new FeatureOptions { Buckets = 4096, Dimensions = 8, WordNgrams = 2, CharNgramMin = 1, CharNgramMax = 2, Segmenter = segmenter },
        Hidden = [8],
        Epochs = 5,
        LearningRate = 0.02,
        Seed = 7,
        EarlyStopping = new EarlyStoppingOptions { Enabled = false },
        ValidationFraction = 0,
    };

    [Fact]
    public void A_chinese_featurizer_hashes_segmented_words_and_their_character_ngrams()
    {
        string[] words = [.. JiebaSegmenter.Default.Cut(Sentence)];
        Assert.True(words.Length > 1, string.Join("/", words));

        var zh = new Featurizer(new FeatureOptions { WordNgrams = 1, Segmenter = JiebaSegmenter.Default });
        Assert.Equal("zh", zh.Options.Language);
        Assert.Equal(words.Select(w => zh.WordBucket(w)), zh.Featurize(Sentence));

        // English analysis keeps the Han run whole: one feature, the whole clause.
        var en = new Featurizer(new FeatureOptions { WordNgrams = 1 });
        Assert.Equal("en", en.Options.Language);
        Assert.Equal([en.WordBucket(Sentence)], en.Featurize(Sentence));

        // With character 1- and 2-grams, each word of L characters adds (L + 2) + (L + 1) n-grams of "<word>".
        var withChars = new Featurizer(new FeatureOptions { WordNgrams = 1, CharNgramMin = 1, CharNgramMax = 2, Segmenter = JiebaSegmenter.Default });
        int[] features = withChars.Featurize(Sentence);
        Assert.Equal(words.Sum(w => 1 + (w.Length + 2) + (w.Length + 1)), features.Length);
        Assert.All(words, w => Assert.Contains(withChars.WordBucket(w), features));
    }

    [Fact]
    public void A_saved_chinese_model_keeps_its_language_hmm_and_user_words_and_predicts_the_same()
    {
        JiebaSegmenter segmenter = JiebaSegmenter.Default.WithUserWords(["非常好看 5000"]).WithHmm(false);
        TextClassifier model = Trainer.Train(Reviews(), null, Small(segmenter)).Model;
        string path = Path.Combine(TestPaths.NewTempDirectory(), "zh.tam");
        model.Save(path);

        TextClassifier loaded = TextClassifier.Load(path);
        Assert.Equal("zh", loaded.Features.Language);
        var jieba = Assert.IsType<JiebaSegmenter>(loaded.Features.Segmenter);
        Assert.False(jieba.UseHmm);
        Assert.Equal(["非常好看 5000"], jieba.UserWords);
        Assert.Contains("非常好看", jieba.Cut(Sentence));
        Assert.Equal(new Featurizer(model.Features).Featurize(Sentence), new Featurizer(loaded.Features).Featurize(Sentence));
        foreach (Example e in Reviews())
        {
            Assert.Equal(model.Predict(e.Text).Probabilities, loaded.Predict(e.Text).Probabilities);
        }

        // An English model round-trips as English.
        string english = Path.Combine(TestPaths.NewTempDirectory(), "en.tam");
        Trainer.Train(Reviews(), null, Small(Segmenter.None)).Model.Save(english);
        Assert.Same(Segmenter.None, TextClassifier.Load(english).Features.Segmenter);
    }

    [Fact]
    public void A_version_1_model_file_without_a_language_loads_as_english()
    {
        string dir = TestPaths.NewTempDirectory();
        string path = Path.Combine(dir, "zh.tam");
        TrainerOptions options = Small(JiebaSegmenter.Default);
        // Version 1 had only the mean bag (no idf section after the rows).
        Trainer.Train(Reviews(), null, options with { Features = options.Features with { Weighting = FeatureWeighting.Mean } }).Model.Save(path);
        string old = Path.Combine(dir, "v1.tam");
        File.WriteAllBytes(old, AsVersion1(File.ReadAllBytes(path)));

        TextClassifier loaded = TextClassifier.Load(old);
        Assert.Same(Segmenter.None, loaded.Features.Segmenter);
        Assert.Equal("en", loaded.Features.Language);
        Assert.Equal([.. new Featurizer(new FeatureOptions { Buckets = 4096, WordNgrams = 2, CharNgramMin = 1, CharNgramMax = 2 }).Featurize(Sentence)],
            new Featurizer(loaded.Features).Featurize(Sentence));
        Assert.Equal(["neg", "pos"], loaded.Labels.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_pipeline_train_section_takes_the_pipeline_language()
    {
        string dir = TestPaths.NewTempDirectory();
        string zh = Path.Combine(dir, "zh.yaml");
        File.WriteAllText(zh, "language: zh\nsegmentation: { hmm: false }\naugment:\n  stages:\n    - random_swap: {}\ntrain: { epochs: 3 }\n");
        var segmenter = Assert.IsType<JiebaSegmenter>(Pipeline.Load(zh, requireInputOutput: false).Train!.Options.Features.Segmenter);
        Assert.False(segmenter.UseHmm);

        string en = Path.Combine(dir, "en.yaml");
        File.WriteAllText(en, "augment:\n  stages:\n    - random_swap: {}\ntrain: { epochs: 3 }\n");
        Assert.Same(Segmenter.None, Pipeline.Load(en, requireInputOutput: false).Train!.Options.Features.Segmenter);
    }

    [Fact]
    public void The_train_command_takes_a_language_and_refuses_an_unknown_one()
    {
        string dir = TestPaths.NewTempDirectory();
        string data = Path.Combine(dir, "reviews.tsv");
        File.WriteAllLines(data, ["id\ttext\tlabel", .. Reviews().Select(e => $"{e.Id}\t{e.Text}\t{e.Label}")]);
        string model = Path.Combine(dir, "zh.tam");
        string[] common = ["--epochs", "2", "--dim", "4", "--hidden", "0", "--buckets", "1024", "--validation-fraction", "0", "--patience", "0"];
        Assert.Equal(0, TextAugment.Cli.TextAugmentApp.Run(["train", data, "-o", model, "--language", "zh", .. common], new Spectre.Console.Testing.TestConsole(), TextWriter.Null));
        Assert.Equal("zh", TextClassifier.Load(model).Features.Language);

        var console = new Spectre.Console.Testing.TestConsole();
        var errors = new StringWriter();
        Assert.NotEqual(0, TextAugment.Cli.TextAugmentApp.Run(["train", data, "-o", Path.Combine(dir, "fr.tam"), "--language", "fr", .. common], console, errors));
        Assert.Contains("--language is 'fr'; it must be en or zh.", console.Output + errors, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir, "fr.tam")));
    }

    /// <summary>Rewrites a mean-bag model file as format version 1 wrote it: version 1, no language, hmm or user words in the header.</summary>
    private static byte[] AsVersion1(byte[] file)
    {
        const int magic = 8;
        Assert.Equal(3, BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(magic)));
        int headerLength = BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(magic + 4));
        var header = JsonNode.Parse(file.AsSpan(magic + 8, headerLength))!.AsObject();
        Assert.Equal("zh", (string?)header["Language"]);
        Assert.Null(header["Weighting"]);
        header.Remove("Language");
        header.Remove("Hmm");
        header.Remove("UserWords");
        byte[] newHeader = Encoding.UTF8.GetBytes(header.ToJsonString());

        var body = new MemoryStream();
        body.Write(file.AsSpan(0, magic));
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(number, 1);
        body.Write(number);
        BinaryPrimitives.WriteInt32LittleEndian(number, newHeader.Length);
        body.Write(number);
        body.Write(newHeader);
        body.Write(file.AsSpan(magic + 8 + headerLength, file.Length - 32 - (magic + 8 + headerLength)));
        byte[] content = body.ToArray();
        return [.. content, .. SHA256.HashData(content)];
    }
}

/// <summary>TF-IDF statistics and the tfidf stage on Chinese text: they count segmented words.</summary>
public class ChineseTfIdfTests
{
    private static readonly string[] Corpus = ["这部电影非常好看", "这部电影非常无聊", "那个演员非常出色"];

    [Fact]
    public void Statistics_fitted_for_chinese_count_jieba_words()
    {
        TfIdfStatistics zh = TfIdfStatistics.Fit(Corpus, JiebaSegmenter.Default);
        Assert.Equal(3, zh.Documents);
        Assert.Equal(Corpus.SelectMany(JiebaSegmenter.Default.Cut).Distinct().Order(StringComparer.Ordinal), zh.Words.Order(StringComparer.Ordinal));
        Assert.Equal(3, zh.DocumentFrequency("非常"));
        Assert.Equal(2, zh.DocumentFrequency("电影"));
        Assert.Equal(0, zh.DocumentFrequency(Corpus[0]));
        int words = JiebaSegmenter.Default.Cut(Corpus[0]).Count;
        Assert.Equal(Math.Log(3.0 / 1) / words, zh.Score("好看"), 12);

        // English analysis counts each clause as one word.
        TfIdfStatistics en = TfIdfStatistics.Fit(Corpus);
        Assert.Equal(1, en.DocumentFrequency(Corpus[0]));
        Assert.Equal(0, en.DocumentFrequency("电影"));
    }

    [Fact]
    public void The_tfidf_stage_of_a_chinese_pipeline_fits_on_segmented_words()
    {
        string dir = TestPaths.NewTempDirectory();
        File.WriteAllLines(Path.Combine(dir, "in.tsv"), ["id\ttext\tlabel", .. Corpus.Select((t, i) => $"{i}\t{t}\tx")]);
        string path = Path.Combine(dir, "zh.yaml");
        File.WriteAllText(path, "seed: 1\nlanguage: zh\ninput: { path: in.tsv }\noutput: { path: out.tsv }\naugment:\n  variants: 8\n  stages:\n    - tfidf: { p: 1.0, include_stopwords: true }\n");
        VariantGenerator generator = Pipeline.Load(path).Generator;

        // Every corpus word has 2 characters, every clause 8: a variant of a 4-word sentence is at most
        // 8 characters long when replacements are jieba words, and at least 11 when one is a whole clause.
        List<string> words = [.. Corpus.SelectMany(JiebaSegmenter.Default.Cut)];
        Assert.All(words, w => Assert.Equal(2, w.Length));
        Assert.Equal(4, JiebaSegmenter.Default.Cut(Corpus[0]).Count);
        IReadOnlyList<string> variants = generator.Generate("0", Corpus[0]);
        Assert.Contains(variants, v => v != Corpus[0]);
        Assert.All(variants, v => Assert.True(v.Length <= 8, v));
    }

    [Fact]
    public void Fit_tfidf_takes_a_language()
    {
        string dir = TestPaths.NewTempDirectory();
        string input = Path.Combine(dir, "corpus.txt");
        File.WriteAllLines(input, Corpus);
        string output = Path.Combine(dir, "zh-stats.tsv");
        Assert.Equal(0, TextAugment.Cli.TextAugmentApp.Run(["fit-tfidf", input, "-o", output, "--language", "zh"], new Spectre.Console.Testing.TestConsole(), TextWriter.Null));
        Assert.Equal(2, TfIdfStatistics.Load(output).DocumentFrequency("电影"));

        var console = new Spectre.Console.Testing.TestConsole();
        var errors = new StringWriter();
        Assert.NotEqual(0, TextAugment.Cli.TextAugmentApp.Run(["fit-tfidf", input, "-o", Path.Combine(dir, "x.tsv"), "--language", "ja"], console, errors));
        Assert.Contains("--language is 'ja'; it must be en or zh.", console.Output + errors, StringComparison.Ordinal);
    }
}
