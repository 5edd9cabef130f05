using TextAugment.Augmenters;
using TextAugment.Pipelines;
using TextAugment.Text;

namespace TextAugment.Tests;

/// <summary>
/// <c>names: keep</c> in Chinese text: the person, place and organisation names jieba's dictionary tags (kept in
/// dictionaries/zh-jieba.dict.gz where CC-CEDICT agrees) and the surname + given name words jieba's HMM makes are
/// protected, as capitalised English names are; <c>names: replace</c> lets stages change them.
/// </summary>
public class ChineseNameTests
{
    private const string Trip = "我去年和张伟去了北京和上海。";

    private static Pipeline Load(string stage, string names, int variants = 6)
    {
        string path = Path.Combine(TestPaths.NewTempDirectory(), "zh.yaml");
        File.WriteAllText(path, $"seed: 3\nlanguage: zh\naugment:\n  variants: {variants}\n  keep_original: false\n  protect: {{ names: {names} }}\n  stages:\n    - {stage}\n");
        return Pipeline.Load(path, requireInputOutput: false);
    }

    private static List<string> Variants(Pipeline pipeline, string text, int ids)
    {
        var variants = new List<string>();
        for (int id = 1; id <= ids; id++)
        {
            variants.AddRange(pipeline.Generator.Generate(id.ToString(System.Globalization.CultureInfo.InvariantCulture), text));
        }

        return variants;
    }

    [Theory]
    [InlineData("北京", true)] // ns, CC-CEDICT: Bei3 jing1
    [InlineData("上海", true)]
    [InlineData("毛泽东", true)] // nr
    [InlineData("联合国", true)] // nt
    [InlineData("韦小宝", true)] // nr, not in CC-CEDICT, a common surname
    [InlineData("张伟", true)] // not in jieba's dictionary: the HMM's word, a common surname
    [InlineData("王芳", true)]
    [InlineData("臺灣", true)] // Traditional, through 台湾
    [InlineData("城市", false)] // jieba: ns, CC-CEDICT: a common noun
    [InlineData("明白", false)] // jieba: nr
    [InlineData("操作符", false)] // jieba: nr, not in CC-CEDICT, no surname
    [InlineData("电影", false)]
    [InlineData("张开", false)] // a dictionary word that starts with a surname
    [InlineData("北", false)] // one character
    public void The_segmenter_knows_proper_nouns(string word, bool proper)
    {
        Assert.Equal(proper, JiebaSegmenter.Default.IsProperNoun(word));
        Assert.False(Segmenter.None.IsProperNoun(word));
    }

    [Fact]
    public void Every_word_the_committed_dictionary_tags_is_a_proper_noun_and_the_rest_of_its_words_are_not()
    {
        using var gzip = new System.IO.Compression.GZipStream(File.OpenRead(Path.Combine(TestPaths.Root, "dictionaries", "zh-jieba.dict.gz")), System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        int tagged = 0, untagged = 0, surnameWords = 0;
        while (reader.ReadLine() is { } line)
        {
            string[] parts = line.Split('\t');
            if (parts.Length == 3)
            {
                Assert.True(JiebaSegmenter.Default.IsProperNoun(parts[0]), line);
                tagged++;
            }
            else if (parts[0].Length >= 2 && ChineseScript.ToSimplified(parts[0]) == parts[0]) // 列甯格勒 is 列宁格勒, a name
            {
                Assert.False(JiebaSegmenter.Default.IsProperNoun(parts[0]), line);
                untagged++;
            }
        }

        Assert.Equal(33_941, tagged); // build_jieba.py's count
        Assert.True(untagged > 250_000, $"{untagged} untagged words");
        foreach (string surname in File.ReadLines(Path.Combine(TestPaths.Root, "dictionaries", "zh-surnames.txt")).Where(l => !l.StartsWith('#')))
        {
            Assert.True(JiebaSegmenter.Default.IsProperNoun(surname + "丽丽"), surname); // not a dictionary word: a name
            surnameWords++;
        }

        Assert.Equal(74, surnameWords);
    }

    [Fact]
    public void A_user_word_tagged_as_a_name_is_one_and_another_tag_unmakes_one()
    {
        JiebaSegmenter segmenter = JiebaSegmenter.Default.WithUserWords(["阿土伯 5 nr", "北京 34488 n", "大数据 100"]);
        Assert.True(segmenter.IsProperNoun("阿土伯"));
        Assert.False(segmenter.IsProperNoun("北京"));
        Assert.False(segmenter.IsProperNoun("大数据"));
        Assert.True(segmenter.IsProperNoun("上海"));
        Assert.False(JiebaSegmenter.Default.IsProperNoun("阿土伯"));
        Assert.True(segmenter.WithHmm(false).IsProperNoun("阿土伯"));
        Assert.True(JiebaSegmenter.Default.WithUserWords(["臺北城 5 ns"]).IsProperNoun("台北城")); // kept as Simplified, found in both
        Assert.True(JiebaSegmenter.Default.WithUserWords(["臺北城 5 ns"]).IsProperNoun("臺北城"));
    }

    [Fact]
    public void Names_are_marked_protected_only_under_names_keep()
    {
        var keep = Protection.Create(new ProtectionOptions { Negators = null, StopWords = null });
        var replace = Protection.Create(new ProtectionOptions { Negators = null, StopWords = null, Names = NamePolicy.Replace });
        string[] Protected(Protection protection) => [.. TokenList.Create(Trip, protection, JiebaSegmenter.Default).AsSpan().ToArray()
            .Where(t => t.Has(TokenFlags.Protected)).Select(t => t.ToString())];

        Assert.Equal(["张伟", "北京", "上海"], Protected(keep));
        Assert.Empty(Protected(replace));
        Assert.DoesNotContain(TokenList.Create(Trip, keep).AsSpan().ToArray(), t => t.Has(TokenFlags.Protected)); // no segmenter: no names known
    }

    [Fact]
    public void Deletion_keeps_chinese_names_as_it_keeps_english_ones()
    {
        // newcomer 4, fault 6: 张伟, 北京 and 上海 were deleted while Paris, London and John survived.
        List<string> zh = Variants(Load("random_deletion: { p: 0.5 }", "keep"), Trip, 4);
        Assert.All(zh, v => Assert.True(v.Contains("张伟", StringComparison.Ordinal) && v.Contains("北京", StringComparison.Ordinal) && v.Contains("上海", StringComparison.Ordinal), v));
        Assert.True(zh.Count(v => v != Trip) >= 20, string.Join(" | ", zh)); // the other words are still deleted

        string path = Path.Combine(TestPaths.NewTempDirectory(), "en.yaml");
        File.WriteAllText(path, "seed: 3\naugment:\n  variants: 6\n  keep_original: false\n  stages:\n    - random_deletion: { p: 0.5 }\n");
        List<string> en = Variants(Pipeline.Load(path, requireInputOutput: false), "Last year I went to Paris and London with John.", 4);
        Assert.All(en, v => Assert.True(v.Contains("Paris", StringComparison.Ordinal) && v.Contains("London", StringComparison.Ordinal) && v.Contains("John", StringComparison.Ordinal), v));
    }

    [Fact]
    public void Names_replace_lets_deletion_remove_chinese_names()
    {
        List<string> zh = Variants(Load("random_deletion: { p: 0.5 }", "replace"), Trip, 4);
        Assert.Contains(zh, v => !v.Contains("张伟", StringComparison.Ordinal));
        Assert.Contains(zh, v => !v.Contains("北京", StringComparison.Ordinal));
    }

    [Fact]
    public void Swap_and_synonyms_leave_chinese_names_in_place()
    {
        const string text = "王芳和李明在深圳工作，他们很喜欢这座城市。";
        var swap = new RandomSwapAugmenter(new EdaCountOptions { Count = 3 });
        TokenList original = TokenList.Create(text, Protection.Default, JiebaSegmenter.Default);
        int[] names = [.. Enumerable.Range(0, original.Count).Where(i => original[i].ToString() is "王芳" or "李明" or "深圳")];
        Assert.Equal(3, names.Length);
        var tokens = new TokenList();
        int changed = 0;
        for (ulong seed = 0; seed < 100; seed++)
        {
            tokens.CopyFrom(original);
            swap.Augment(tokens, new AugmentRandom(seed));
            changed += tokens.Render() == text ? 0 : 1;
            foreach (int i in names)
            {
                Assert.Equal(original[i].ToString(), tokens[i].ToString());
            }
        }

        Assert.True(changed > 50, $"only {changed} swaps");
        foreach (string variant in Variants(Load("synonym: { p: 1.0 }", "keep", 4), text, 3))
        {
            Assert.StartsWith("王芳", variant, StringComparison.Ordinal);
            Assert.Contains("李明", variant, StringComparison.Ordinal);
            Assert.Contains("深圳", variant, StringComparison.Ordinal);
        }
    }
}
