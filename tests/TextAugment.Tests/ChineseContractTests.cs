using TextAugment.Augmenters;
using TextAugment.Corpus;
using TextAugment.Dictionaries;
using TextAugment.Onnx;
using TextAugment.Text;
using TextAugment.Vectors;

namespace TextAugment.Tests;

/// <summary>The augmenter contract on Chinese text (jieba segmentation, Chinese protection), run against every stage.</summary>
public class ChineseContractTests
{
    private const string Sentence = "他渐渐得到了大家的信任。这部电影非常好看，演员的表演很精彩，但是故事没有意思，我不喜欢人工智能技术的部分，票价42元，详见https://x.org/film。";

    private static readonly JiebaSegmenter Jieba = JiebaSegmenter.Default;

    private static readonly Protection Chinese = Protection.Create(new ProtectionOptions
    {
        StopWords = WordSet.ChineseStopWords,
        Negators = WordSet.ChineseNegators,
        Words = ["演员", "人工智能技术"], // a word, and a phrase jieba cuts into two words
        Segmenter = Jieba,
    });

    private static readonly WordVectors Vectors = MakeVectors();

    private static readonly TfIdfStatistics Statistics = TfIdfStatistics.Fit(
        ["这部电影非常好看。", "演员的表演很精彩。", "故事没有意思，情节很无聊。", "音乐很好听，画面也很漂亮。"], Jieba);

    private static readonly MaskedLanguageModel Model = MaskedLanguageModel.Create(
        TestPaths.Fixture(Path.Combine("models", "zh-char-mlm.onnx")), TestPaths.Fixture(Path.Combine("models", "zh-char-vocab.txt")));

    public static TheoryData<string> Names => ["synonym", "word_vector", "tfidf", "random_swap", "random_deletion", "random_insertion", "mlm", "sequence", "one_of", "sometimes"];

    private static WordVectors MakeVectors()
    {
        // Three small clusters: film words, quality words, story words.
        string[] words = ["电影", "影片", "片子", "精彩", "出色", "好看", "故事", "情节", "剧情"];
        float[] values = new float[words.Length * 3];
        for (int i = 0; i < words.Length; i++)
        {
            values[(i * 3) + (i / 3)] = 1f;
            values[(i * 3) + ((i / 3 + 1) % 3)] = 0.1f * (i % 3);
        }

        return WordVectors.Create(words, values, 3);
    }

    private static Augmenter Make(string name) => name switch
    {
        "synonym" => new SynonymAugmenter(SynonymDictionary.Chinese, new SubstitutionOptions { Probability = 0.5 }),
        "word_vector" => new WordVectorAugmenter(Vectors, options: new SubstitutionOptions { Probability = 0.5 }),
        "tfidf" => new TfIdfAugmenter(Statistics, new TfIdfOptions { Probability = 0.3 }),
        "random_swap" => new RandomSwapAugmenter(new EdaCountOptions { Count = 2 }),
        "random_deletion" => new RandomDeletionAugmenter(0.3),
        "random_insertion" => new RandomInsertionAugmenter(SynonymDictionary.Chinese, new EdaCountOptions { Count = 2 }),
        "mlm" => new MaskedLanguageModelAugmenter(Model, new SubstitutionOptions { Probability = 0.5 }, new MaskFillOptions { TopK = 5, WholeWords = Jieba }),
        "sequence" => Augment.Sequence(new SynonymAugmenter(SynonymDictionary.Chinese), new RandomSwapAugmenter()),
        "one_of" => Augment.OneOf(new SynonymAugmenter(SynonymDictionary.Chinese), new RandomDeletionAugmenter(0.3)),
        _ => Augment.Sometimes(0.5, new RandomSwapAugmenter()),
    };

    private static string Run(Augmenter augmenter, string text, int variant) =>
        augmenter.Augment(text, AugmentRandom.For(21, "zh", variant), Chinese, Jieba);

    private static void AssertValid(string output)
    {
        Assert.DoesNotContain('\uFFFD', output);
        for (int i = 0; i < output.Length; i++)
        {
            if (char.IsHighSurrogate(output[i]) && i + 1 < output.Length && char.IsLowSurrogate(output[i + 1]))
            {
                i++;
                continue;
            }

            Assert.False(char.IsSurrogate(output[i]), $"a lone surrogate at {i} in '{output}'");
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Output_is_deterministic_valid_without_spaces_and_keeps_protected_spans_in_order(string name)
    {
        Augmenter augmenter = Make(name);
        var outputs = new HashSet<string>(StringComparer.Ordinal);
        for (int v = 0; v < 30; v++)
        {
            string output = Run(augmenter, Sentence, v);
            Assert.Equal(output, Run(augmenter, Sentence, v));
            AssertValid(output);
            Assert.DoesNotContain(' ', output);
            int at = -1;
            foreach (string kept in new[] { "演员", "没有", "不", "人工智能技术", "42", "https://x.org/film" })
            {
                int next = output.IndexOf(kept, at + 1, StringComparison.Ordinal);
                Assert.True(next > at, $"{name}: '{kept}' is missing or out of order in '{output}'");
                at = next;
            }

            outputs.Add(output);
        }

        Assert.True(outputs.Count > 3, $"{name} gave only {outputs.Count} distinct outputs in 30 variants: {string.Join(" | ", outputs)}");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Empty_and_whitespace_only_input_is_returned_unchanged(string name)
    {
        Augmenter augmenter = Make(name);
        foreach (string text in new[] { "", " ", "\t\n  ", "。。。", "42" })
        {
            Assert.Equal(text, Run(augmenter, text, 0));
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Traditional_input_stays_traditional(string name)
    {
        Augmenter augmenter = Make(name);
        string traditional = ChineseScript.ToTraditional(Sentence);
        Assert.NotEqual(Sentence, traditional);
        for (int v = 0; v < 20; v++)
        {
            string output = Run(augmenter, traditional, v);
            AssertValid(output);
            Assert.DoesNotContain(' ', output);
            Assert.Equal(TraditionalChineseTests.CharacterByCharacter(output), output);
            Assert.Contains("人工智能技術", output, StringComparison.Ordinal);
            Assert.Contains("沒有", output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("synonym")]
    [InlineData("random_insertion")]
    public void With_no_candidates_the_original_text_comes_back(string name)
    {
        var empty = SynonymDictionary.Create([]);
        Augmenter augmenter = name == "synonym" ? new SynonymAugmenter(empty, new SubstitutionOptions { Probability = 1 }) : new RandomInsertionAugmenter(empty);
        Assert.Equal(Sentence, Run(augmenter, Sentence, 0));
    }

    [Fact]
    public void A_url_right_after_a_chinese_word_is_protected_up_to_the_full_width_punctuation()
    {
        TokenList tokens = TokenList.Create("详见https://x.org/film。也可访问www.x.org，谢谢", Chinese, Jieba);
        string protectedText = string.Concat(tokens.AsSpan().ToArray().Where(t => t.Has(TokenFlags.Protected)).Select(t => t.ToString()));
        Assert.Equal("https://x.org/filmwww.x.org", protectedText);
    }
}
