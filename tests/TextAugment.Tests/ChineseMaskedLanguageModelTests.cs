using TextAugment.Augmenters;
using TextAugment.Onnx;
using TextAugment.Pipelines;
using TextAugment.Text;

namespace TextAugment.Tests;

/// <summary>
/// Whole-word masking for Chinese with a stand-in for a Chinese BERT export (one piece per Han character:
/// fixtures/models/zh-char-mlm.onnx, built by build_fixtures.py; every [MASK] favours 片 影 出 色 彩 精).
/// </summary>
public class ChineseMaskedLanguageModelTests
{
    private const string Sentence = "这部电影非常好看，演员的表演很精彩。";
    private static readonly string ModelPath = TestPaths.Fixture(Path.Combine("models", "zh-char-mlm.onnx"));
    private static readonly string VocabPath = TestPaths.Fixture(Path.Combine("models", "zh-char-vocab.txt"));
    private static readonly MaskedLanguageModel Model = MaskedLanguageModel.Create(ModelPath, VocabPath);

    private static readonly Protection Chinese = Protection.Create(new ProtectionOptions { StopWords = WordSet.ChineseStopWords, Negators = WordSet.ChineseNegators });

    private static string[] Words(string text) =>
        TokenList.Create(text, Protection.None, JiebaSegmenter.Default).AsSpan().ToArray().Select(t => t.ToString()).ToArray();

    private static MaskedLanguageModelAugmenter Stage(JiebaSegmenter? words) =>
        new(Model, new SubstitutionOptions { Probability = 1 }, new MaskFillOptions { TopK = 5, WholeWords = words });

    [Fact]
    public void A_chinese_word_is_masked_one_character_per_mask_and_filled_with_a_word_of_the_same_length()
    {
        string[] before = Words(Sentence);
        var replacements = new HashSet<string>(StringComparer.Ordinal);
        for (int v = 0; v < 20; v++)
        {
            string output = Stage(JiebaSegmenter.Default).Augment(Sentence, AugmentRandom.For(3, "zh", v), Chinese, JiebaSegmenter.Default);
            Assert.Equal(Sentence.Length, output.Length); // every word keeps its length; nothing is inserted, no spaces
            Assert.Equal(output, Stage(JiebaSegmenter.Default).Augment(Sentence, AugmentRandom.For(3, "zh", v), Chinese, JiebaSegmenter.Default));
            int at = 0;
            foreach (string word in before)
            {
                string now = output.Substring(at, word.Length);
                at += word.Length;
                if (now == word)
                {
                    continue;
                }

                Assert.True(word.Length >= 2, $"'{word}' → '{now}': single characters are not replaced");
                Assert.True(JiebaSegmenter.Default.Contains(now), $"'{word}' → '{now}' is not a word");
                Assert.All(now, c => Assert.Contains(c, "片影出色彩精"));
                replacements.Add(now);
            }

            Assert.EndsWith("。", output, StringComparison.Ordinal);
            Assert.Equal('，', output[8]);
        }

        Assert.True(replacements.Count >= 2, string.Join(", ", replacements));
    }

    [Fact]
    public void Without_whole_word_masking_a_two_character_word_is_one_mask_and_no_one_character_fill_replaces_it()
    {
        for (int v = 0; v < 5; v++)
        {
            Assert.Equal(Sentence, Stage(null).Augment(Sentence, AugmentRandom.For(3, "zh", v), Chinese, JiebaSegmenter.Default));
        }
    }

    [Fact]
    public void Traditional_text_is_filled_with_traditional_words()
    {
        const string text = "這部電影非常好看，演員的表演很精彩。";
        for (int v = 0; v < 10; v++)
        {
            string output = Stage(JiebaSegmenter.Default).Augment(text, AugmentRandom.For(3, "zh", v), Chinese, JiebaSegmenter.Default);
            Assert.Equal(text.Length, output.Length);
            Assert.Equal(TraditionalChineseTests.CharacterByCharacter(output), output);
        }
    }

    [Fact]
    public void A_pipeline_with_language_zh_masks_whole_words()
    {
        TestSetup.RegisterStages();
        string dir = TestPaths.NewTempDirectory();
        string path = Path.Combine(dir, "mlm-zh.yaml");
        File.WriteAllText(path, $"language: zh\naugment:\n  stages:\n    - mlm: {{ model: '{ModelPath}', vocab: '{VocabPath}', p: 1, top_k: 5 }}\n");
        Pipeline pipeline = Pipeline.Load(path, requireInputOutput: false);
        IReadOnlyList<string> variants = pipeline.Generator.Generate("1", Sentence);
        Assert.Contains(variants, v => v != Sentence && v.Length == Sentence.Length);

        string english = Path.Combine(dir, "mlm-en.yaml");
        File.WriteAllText(english, $"augment:\n  stages:\n    - mlm: {{ model: '{ModelPath}', vocab: '{VocabPath}', p: 1, top_k: 5 }}\n");
        Assert.All(Pipeline.Load(english, requireInputOutput: false).Generator.Generate("1", Sentence), v => Assert.Equal(Sentence, v));
    }
}
