using System.Diagnostics;
using TextAugment.Augmenters;
using TextAugment.Dictionaries;
using TextAugment.Pipelines;
using TextAugment.Text;

namespace TextAugment.Tests;

/// <summary>EDA's word stages on Chinese text segmented by <see cref="JiebaSegmenter"/>.</summary>
public class ChineseAugmentationTests
{
    private const string Sentence = "这部电影非常好看，演员的表演很精彩。";
    private static readonly string[] Clauses = ["这部电影非常好看", "演员的表演很精彩"];

    private static string[] Words(string text) =>
        TokenList.Create(text, Protection.None, JiebaSegmenter.Default).AsSpan().ToArray()
            .Where(t => t.Kind == TokenKind.Word).Select(t => t.ToString()).ToArray();

    /// <summary>True when <paramref name="text"/> is a concatenation of items of <paramref name="pieces"/>.</summary>
    private static bool Tiles(string text, IReadOnlyCollection<string> pieces)
    {
        var reach = new bool[text.Length + 1];
        reach[0] = true;
        for (int i = 0; i < text.Length; i++)
        {
            if (!reach[i])
            {
                continue;
            }

            foreach (string p in pieces)
            {
                if (string.CompareOrdinal(text, i, p, 0, p.Length) == 0 && i + p.Length <= text.Length)
                {
                    reach[i + p.Length] = true;
                }
            }
        }

        return reach[text.Length];
    }

    [Fact]
    public async Task The_streamed_command_gives_word_level_variants_without_spaces()
    {
        ProcessStartInfo start = CommandRunner.StartInfo(true, "augment", Path.Combine(TestPaths.Root, "pipelines", "eda-zh.yaml"), "--input-format", "text", "--no-progress");
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> errors = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(Sentence + "\n");
        process.StandardInput.Close();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await errors);

        string[] lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, lines.Length); // the original and 4 variants
        Assert.Equal(Sentence, lines[0]);
        var pieces = new HashSet<string>(Words(Sentence), StringComparer.Ordinal) { "，", "。" };
        Assert.Equal(9, pieces.Count - 2); // 这部/电影/非常/好看/演员/的/表演/很/精彩
        bool wordMoved = false;
        foreach (string variant in lines[1..])
        {
            Assert.NotEqual(Sentence, variant);
            Assert.DoesNotContain(' ', variant);
            Assert.True(Tiles(variant, pieces), $"'{variant}' is not made of the sentence's words");
            Assert.EndsWith("。", variant, StringComparison.Ordinal); // punctuation is never moved or deleted
            // Clause-level tokens could only give whole original clauses; word-level stages give new ones.
            wordMoved |= variant.TrimEnd('。').Split('，').Any(c => c.Length > 0 && !Clauses.Contains(c));
        }

        Assert.True(wordMoved, string.Join(" | ", lines));
    }

    [Fact]
    public void Random_insertion_joins_a_chinese_word_with_nothing()
    {
        var dictionary = SynonymDictionary.Create([new("电影", (IReadOnlyList<string>)["影片"]), new("精彩", (IReadOnlyList<string>)["出色"])]);
        var stage = new RandomInsertionAugmenter(dictionary, new EdaCountOptions { Count = 2 });
        var pieces = new HashSet<string>(Words(Sentence), StringComparer.Ordinal) { "，", "。", "影片", "出色" };
        for (ulong seed = 0; seed < 50; seed++)
        {
            string variant = stage.Augment(Sentence, new AugmentRandom(seed), Protection.Default, JiebaSegmenter.Default);
            Assert.DoesNotContain(' ', variant);
            Assert.Equal(Sentence.Length + 4, variant.Length);
            Assert.True(Tiles(variant, pieces), variant);
        }
    }

    [Fact]
    public void Random_insertion_still_spaces_english_words()
    {
        var dictionary = SynonymDictionary.Create([new("film", (IReadOnlyList<string>)["movie"])]);
        var stage = new RandomInsertionAugmenter(dictionary);
        for (ulong seed = 0; seed < 20; seed++)
        {
            string variant = stage.Augment("a good film", new AugmentRandom(seed), Protection.Default, JiebaSegmenter.Default);
            Assert.Equal(["a", "film", "good", "movie"], variant.Split(' ').Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void Chinese_negators_are_protected_by_default_with_language_zh()
    {
        string dir = TestPaths.NewTempDirectory();
        string path = Path.Combine(dir, "zh.yaml");
        File.WriteAllText(path, "language: zh\naugment:\n  stages:\n    - random_deletion: { p: 0.9 }\n");
        Pipeline zh = Pipeline.Load(path, requireInputOutput: false);
        var deletion = new RandomDeletionAugmenter(0.9);
        for (ulong seed = 0; seed < 30; seed++)
        {
            string variant = deletion.Augment("这部电影不好看，我从来没有喜欢过。", new AugmentRandom(seed), zh.Generator.Options.Protection, zh.Generator.Options.Segmenter);
            Assert.Contains("不", variant, StringComparison.Ordinal);
            Assert.Contains("没有", variant, StringComparison.Ordinal);
        }

        Assert.True(WordSet.ChineseNegators.Contains("没有"));
        Assert.False(WordSet.EnglishNegators.Contains("没有"));
    }

    [Fact]
    public void Language_is_read_from_the_pipeline_and_checked()
    {
        Pipeline zh = Pipeline.Load(Path.Combine(TestPaths.Root, "pipelines", "eda-zh.yaml"), requireInputOutput: false);
        Assert.Same(JiebaSegmenter.Default, zh.Generator.Options.Segmenter);
        TokenList tokens = TokenList.Create("演员的表演很精彩", zh.Generator.Options.Protection, zh.Generator.Options.Segmenter);
        Assert.Equal(["的", "很"], tokens.AsSpan().ToArray().Where(t => t.Has(TokenFlags.StopWord)).Select(t => t.ToString()));
        Assert.True(WordSet.ChineseStopWords.Contains("的"));
        Assert.False(WordSet.EnglishStopWords.Contains("的"));

        string dir = TestPaths.NewTempDirectory();
        File.Copy(TestPaths.Fixture("zh-userdict.txt"), Path.Combine(dir, "words.txt"));
        string user = Path.Combine(dir, "user.yaml");
        File.WriteAllText(user, "language: zh\nsegmentation: { hmm: false, user_dictionary: words.txt }\naugment:\n  stages:\n    - random_swap: {}\n");
        var segmenter = Assert.IsType<JiebaSegmenter>(Pipeline.Load(user, requireInputOutput: false).Generator.Options.Segmenter);
        Assert.False(segmenter.UseHmm);
        Assert.Equal(["云计算"], segmenter.Cut("云计算"));

        string english = Path.Combine(dir, "en.yaml");
        File.WriteAllText(english, "segmentation: { hmm: false }\naugment:\n  stages:\n    - random_swap: {}\n");
        var misplaced = Assert.Throws<PipelineException>(() => Pipeline.Load(english, requireInputOutput: false));
        Assert.Contains("en.yaml:1:15: segmentation applies to Chinese text", misplaced.Message, StringComparison.Ordinal);

        string path = Path.Combine(dir, "fr.yaml");
        File.WriteAllText(path, "language: fr\naugment:\n  stages:\n    - random_swap: {}\n");
        var error = Assert.Throws<PipelineException>(() => Pipeline.Load(path, requireInputOutput: false));
        Assert.Contains("fr.yaml:1:11: language: 'fr' is not supported; expected en (the default) or zh.", error.Message, StringComparison.Ordinal);
    }
}
