using TextAugment.Augmenters;
using TextAugment.Dictionaries;
using TextAugment.Pipelines;
using TextAugment.Text;

namespace TextAugment.Tests;

/// <summary>Traditional Chinese: looked up through OpenCC's character mapping, written back as the user wrote it.</summary>
public class TraditionalChineseTests
{
    [Fact]
    public void Characters_map_one_for_one_both_ways()
    {
        Assert.Equal("这部电影没有意思", ChineseScript.ToSimplified("這部電影沒有意思"));
        Assert.Equal("這部電影沒有意思", ChineseScript.ToTraditional("这部电影没有意思"));
        Assert.Equal("發", ChineseScript.ToTraditional("发")); // the usual form, not 髮
        string plain = "plain English, 123";
        Assert.Same(plain, ChineseScript.ToSimplified(plain));
        Assert.False(ChineseScript.HasTraditional("这部电影没有意思"));
        Assert.True(ChineseScript.HasTraditional("這部电影"));
    }

    [Fact]
    public void Simplified_is_written_in_Traditional_phrase_by_phrase_as_OpenCC_s2t_writes_it()
    {
        // zh-opencc-s2t.txt: `opencc -c s2t` of every CC-CEDICT synonym the Chinese stages write, and of man-page text.
        int lines = 0, byPhrase = 0;
        foreach (string line in File.ReadLines(TestPaths.Fixture("zh-opencc-s2t.txt")))
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            string[] parts = line.Split('\t');
            Assert.Equal(parts[1], ChineseScript.ToTraditional(parts[0]));
            char[] destination = new char[parts[0].Length];
            Assert.Equal(parts[1] != parts[0], ChineseScript.ToTraditional(parts[0], destination));
            Assert.Equal(parts[1], new string(destination));
            lines++;
            byPhrase += parts[1] != CharacterByCharacter(parts[0]) ? 1 : 0;
        }

        Assert.Equal(3506, lines);
        Assert.True(byPhrase >= 80, $"only {byPhrase} lines need a phrase: the oracle no longer tells phrases from characters");
    }

    /// <summary>The text with every Simplified character in its usual Traditional form, one at a time (no phrases): equal to the text when no character is written Simplified.</summary>
    internal static string CharacterByCharacter(string text) => string.Concat(text.Select(c => ChineseScript.ToTraditional(c.ToString())));

    [Theory]
    [InlineData("皇后", "皇后", "皇後")] // newcomer 4's reproduction: 后 is 後 ("after") only outside 皇后
    [InlineData("干妈", "乾媽", "幹媽")]
    [InlineData("头发", "頭髮", "頭發")]
    [InlineData("以后", "以後", null)]
    [InlineData("发展", "發展", null)]
    [InlineData("干净的头发", "乾淨的頭髮", "幹淨的頭發")]
    public void A_character_with_several_Traditional_forms_gets_its_word_s_form(string simplified, string traditional, string? byCharacter)
    {
        Assert.Equal(traditional, ChineseScript.ToTraditional(simplified));
        if (byCharacter is not null)
        {
            Assert.Equal(byCharacter, CharacterByCharacter(simplified)); // the mistake a character map alone makes
        }
    }

    [Fact]
    public void Synonyms_written_into_Traditional_text_take_their_word_s_Traditional_form()
    {
        // newcomer 4, fault 8: 女皇 → 皇後 and 乾娘 → 幹媽 with a character map alone.
        string dir = TestPaths.NewTempDirectory();
        string path = Path.Combine(dir, "zht.yaml");
        File.WriteAllText(path, "seed: 2\nlanguage: zh\naugment:\n  variants: 4\n  stages:\n    - synonym: { p: 1.0 }\n");
        Pipeline pipeline = Pipeline.Load(path, requireInputOutput: false);
        var variants = new List<string>();
        for (int id = 1; id <= 4; id++)
        {
            string key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            variants.AddRange(pipeline.Generator.Generate(key, "這位女皇很偉大。"));
            variants.AddRange(pipeline.Generator.Generate(key, "她的乾娘來了。"));
        }

        string all = string.Join('|', variants);
        Assert.Contains("皇后", all, StringComparison.Ordinal);
        Assert.Contains("乾媽", all, StringComparison.Ordinal);
        Assert.DoesNotContain("皇後", all, StringComparison.Ordinal);
        Assert.DoesNotContain("幹媽", all, StringComparison.Ordinal);
    }

    [Fact]
    public void Traditional_runs_are_cut_where_jieba_cuts_their_simplified_form()
    {
        int runs = 0;
        foreach (string line in File.ReadLines(TestPaths.Fixture("zh-segmentation-traditional.txt")))
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            string[] parts = line.Split('\t');
            Assert.Equal(parts[1], string.Join('/', JiebaSegmenter.Default.Cut(parts[0])));
            runs++;
        }

        Assert.Equal(40, runs);
    }

    [Fact]
    public void Tokens_keep_the_traditional_text_and_negators_and_stop_words_are_found()
    {
        const string text = "這部電影沒有意思，我不喜歡這個演員。";
        var protection = Protection.Create(new ProtectionOptions { StopWords = WordSet.ChineseStopWords, Negators = WordSet.ChineseNegators });
        TokenList tokens = TokenList.Create(text, protection, JiebaSegmenter.Default);
        Assert.True(tokens.IsTraditionalChinese);
        string[] words = tokens.AsSpan().ToArray().Where(t => t.Kind == TokenKind.Word).Select(t => t.ToString()).ToArray();
        Assert.Equal(["這部", "電影", "沒有", "意思", "我", "不", "喜歡", "這個", "演員"], words);
        Assert.Equal(text, string.Concat(tokens.AsSpan().ToArray().Select(t => t.ToString())));
        Token negator = tokens.AsSpan().ToArray().First(t => t.ToString() == "沒有");
        Assert.True(negator.Has(TokenFlags.Protected));
        Assert.True(tokens.AsSpan().ToArray().First(t => t.ToString() == "這個").Has(TokenFlags.StopWord)); // the list has 这个
        Assert.True(WordSet.ChineseStopWords.Contains("我們"));
        Assert.False(WordSet.ChineseStopWords.Contains("電影"));
    }

    [Fact]
    public void Synonyms_of_traditional_words_come_back_in_traditional_characters()
    {
        SynonymDictionary zh = SynonymDictionary.Chinese;
        Assert.Contains("获得", zh.GetSynonyms("得到").ToArray());
        Assert.Contains("獲得", zh.GetSynonyms("得到", traditional: true).ToArray());
        Assert.Contains("得到", zh.GetSynonyms("獲得").ToArray());
        Assert.Contains("逐漸", zh.GetSynonyms("漸漸").ToArray());
        Assert.Contains("信賴", zh.GetSynonyms("信任", traditional: true).ToArray());
        Assert.Contains("信赖", zh.GetSynonyms("信任").ToArray());
    }

    [Fact]
    public void A_chinese_pipeline_writes_traditional_variants_in_traditional_characters()
    {
        string dir = TestPaths.NewTempDirectory();
        string path = Path.Combine(dir, "zh.yaml");
        File.WriteAllText(path, "language: zh\naugment:\n  variants: 8\n  stages:\n    - synonym: { p: 1 }\n    - random_insertion: { n: 2 }\n");
        Pipeline pipeline = Pipeline.Load(path, requireInputOutput: false);
        const string text = "他漸漸得到了大家的信任，這次比賽終於獲得勝利。";
        int changed = 0;
        for (int id = 0; id < 5; id++)
        {
            foreach (string variant in pipeline.Generator.Generate(id.ToString(System.Globalization.CultureInfo.InvariantCulture), text))
            {
                Assert.DoesNotContain(' ', variant);
                // No character that has a different Traditional form, i.e. nothing written in Simplified characters.
                Assert.Equal(CharacterByCharacter(variant), variant);
                changed += variant != text ? 1 : 0;
            }
        }

        Assert.True(changed >= 30, $"{changed} of 40 variants changed");
    }
}
