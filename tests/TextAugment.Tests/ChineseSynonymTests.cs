using TextAugment.Augmenters;
using TextAugment.Dictionaries;
using TextAugment.Pipelines;
using TextAugment.Text;

namespace TextAugment.Tests;

/// <summary>The default Chinese synonym table (CC-CEDICT) and the Cilin format.</summary>
public class ChineseSynonymTests
{
    private static string[] Synonyms(SynonymDictionary dictionary, string word) => dictionary.GetSynonyms(word).ToArray();

    [Fact]
    public void The_default_table_has_synonyms_and_no_antonyms_or_related_words()
    {
        SynonymDictionary zh = SynonymDictionary.Chinese;
        Assert.InRange(zh.Count, 3000, 4000);
        Assert.Contains("获得", Synonyms(zh, "得到"));
        Assert.Contains("逐渐", Synonyms(zh, "渐渐"));
        Assert.Contains("喜爱", Synonyms(zh, "喜欢"));
        // The complaints about other tools' tables: antonyms and merely related words.
        (string, string)[] notSynonyms =
        [
            ("减少", "增加"), ("喜欢", "讨厌"), ("上升", "下降"), ("开始", "结束"), ("成功", "失败"),
            ("购买", "出售"), ("电影", "薄膜"), ("快速", "斋戒"), ("丈夫", "妻子"), ("白天", "黑夜"),
        ];
        foreach (var (a, b) in notSynonyms)
        {
            Assert.DoesNotContain(b, Synonyms(zh, a));
            Assert.DoesNotContain(a, Synonyms(zh, b));
        }
    }

    [Fact]
    public void Every_word_of_the_default_table_is_one_segmented_word_and_every_relation_goes_both_ways()
    {
        string path = Path.Combine(TestPaths.Root, "dictionaries", "zh-cedict-synonyms.tsv");
        SynonymDictionary zh = SynonymDictionary.Chinese;
        int lines = 0;
        foreach (string line in File.ReadLines(path))
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            lines++;
            string[] parts = line.Split('\t');
            Assert.Equal([parts[0]], JiebaSegmenter.Default.Cut(parts[0]));
            foreach (string synonym in parts[1].Split(','))
            {
                Assert.Equal([synonym], JiebaSegmenter.Default.Cut(synonym));
                Assert.Contains(parts[0], Synonyms(zh, synonym));
            }
        }

        Assert.Equal(zh.Count, lines);
    }

    [Fact]
    public void The_synonym_stage_uses_the_default_table_with_language_zh_and_writes_no_spaces()
    {
        string dir = TestPaths.NewTempDirectory();
        string path = Path.Combine(dir, "zh.yaml");
        File.WriteAllText(path, "language: zh\naugment:\n  stages:\n    - synonym: { p: 1 }\n");
        Pipeline pipeline = Pipeline.Load(path, requireInputOutput: false);
        const string text = "他渐渐得到了大家的信任，这次比赛终于获得胜利。";
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int id = 0; id < 10; id++)
        {
            foreach (string output in pipeline.Generator.Generate(id.ToString(System.Globalization.CultureInfo.InvariantCulture), text))
            {
                Assert.DoesNotContain(' ', output);
                Assert.EndsWith("。", output, StringComparison.Ordinal);
                Assert.Contains("，", output, StringComparison.Ordinal);
                seen.Add(output);
            }
        }

        Assert.Contains(seen, s => s.Contains("逐渐", StringComparison.Ordinal));
        Assert.Contains(seen, s => s.StartsWith("他渐渐获得了", StringComparison.Ordinal) || s.StartsWith("他逐渐获得了", StringComparison.Ordinal));

        string english = Path.Combine(dir, "en.yaml");
        File.WriteAllText(english, "augment:\n  stages:\n    - synonym: { p: 1 }\n");
        var error = Assert.Throws<PipelineException>(() => Pipeline.Load(english, requireInputOutput: false));
        Assert.Contains("'dictionary' is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cilin_rows_marked_equal_are_synonyms_and_the_others_are_not()
    {
        string path = TestPaths.Fixture("cilin-sample.txt");
        SynonymDictionary cilin = SynonymDictionary.Load(path);
        Assert.Equal(["士", "人物", "人士", "人氏", "人选"], Synonyms(cilin, "人"));
        Assert.Equal(["人类", "全人类"], Synonyms(cilin, "生人"));
        Assert.Equal(["良好", "精彩"], Synonyms(cilin, "好"));
        Assert.Empty(Synonyms(cilin, "男人")); // '#': related, not substitutes
        Assert.Empty(Synonyms(cilin, "人手")); // '@': alone
        Assert.Equal(cilin.Count, SynonymDictionary.Load(path, new SynonymDictionaryOptions { Format = SynonymFormat.Cilin }).Count);

        string dir = TestPaths.NewTempDirectory();
        string bad = Path.Combine(dir, "cilin.txt");
        File.WriteAllText(bad, "Aa01A01= 人 士\nAa01A0= 人类\n");
        var error = Assert.Throws<DataFormatException>(() => SynonymDictionary.Load(bad, new SynonymDictionaryOptions { Format = SynonymFormat.Cilin }));
        Assert.StartsWith($"{bad}:2:1: expected a Cilin row 'Aa01A01= word word …'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Antonyms_in_a_users_dictionary_never_replace_a_word()
    {
        Assert.True(Antonyms.Chinese.AreAntonyms("增加", "减少"));
        Assert.True(Antonyms.Chinese.AreAntonyms("讨厌", "喜欢"));
        Assert.True(Antonyms.Chinese.AreAntonyms("喜歡", "討厭")); // Traditional, through the Simplified form
        Assert.False(Antonyms.Chinese.AreAntonyms("喜欢", "喜爱"));
        Assert.False(Antonyms.English.AreAntonyms("增加", "减少"));

        // A Cilin-style row that mixes a synonym with an antonym, as the complaint about other tools' tables says.
        string dir = TestPaths.NewTempDirectory();
        string path = Path.Combine(dir, "cilin.txt");
        File.WriteAllText(path, "Ee01A01= 喜欢 讨厌 喜爱\nIh01A01= 增加 减少 增多\n");
        var stage = new SynonymAugmenter(SynonymDictionary.Load(path), new SubstitutionOptions { Probability = 1 });
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int v = 0; v < 40; v++)
        {
            string output = stage.Augment("我喜欢这本书，销量增加了。", AugmentRandom.For(1, "a", v), Protection.Default, JiebaSegmenter.Default);
            Assert.DoesNotContain("讨厌", output, StringComparison.Ordinal);
            Assert.DoesNotContain("减少", output, StringComparison.Ordinal);
            seen.Add(output);
        }

        Assert.Contains("我喜爱这本书，销量增多了。", seen);
    }
}
