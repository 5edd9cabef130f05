using System.Text;
using System.Text.RegularExpressions;
using TextAugment.Text;

namespace TextAugment.Tests;

public partial class SegmentationTests
{
    private static readonly string[] Sentences = File.ReadAllLines(TestPaths.Fixture("zh-sentences.txt"))
        .Where(l => l.Trim().Length > 0).ToArray();

    /// <summary>Each run of jieba's Han range cut by <paramref name="segmenter"/>, in the oracle file's layout.</summary>
    private static string Layout(JiebaSegmenter segmenter, string sentence) =>
        string.Join(' ', HanRun().Matches(sentence).Select(m => string.Join('/', segmenter.Cut(m.Value))));

    private static string[] Expected(string file) =>
        File.ReadAllLines(TestPaths.Fixture(file)).Where(l => !l.StartsWith('#')).ToArray();

    [Theory]
    [InlineData(true, "zh-segmentation-hmm.txt")]
    [InlineData(false, "zh-segmentation-nohmm.txt")]
    public void Segmentation_equals_python_jieba_on_the_oracle_sample(bool hmm, string expectedFile)
    {
        string[] expected = Expected(expectedFile);
        Assert.Equal(Sentences.Length, expected.Length);
        JiebaSegmenter segmenter = JiebaSegmenter.Default.WithHmm(hmm);
        for (int i = 0; i < Sentences.Length; i++)
        {
            Assert.Equal(expected[i], Layout(segmenter, Sentences[i]));
        }
    }

    [Fact]
    public void A_user_dictionary_takes_effect_as_in_python_jieba()
    {
        string[] expected = Expected("zh-segmentation-user.txt");
        JiebaSegmenter segmenter = JiebaSegmenter.Default.WithUserDictionary(TestPaths.Fixture("zh-userdict.txt"));
        for (int i = 0; i < Sentences.Length; i++)
        {
            Assert.Equal(expected[i], Layout(segmenter, Sentences[i]));
        }

        // The default instance is untouched: user words make a new segmenter.
        Assert.Equal(["云", "计算"], JiebaSegmenter.Default.Cut("云计算"));
        Assert.Equal(["云计算"], segmenter.Cut("云计算"));
    }

    [Fact]
    public void Tokens_keep_every_character_and_offset_and_render_the_exact_input()
    {
        const string text = "我来到北京清华大学，用Python 3.12写了abc中文混排。\r\n日本語のテキスト𠀀𠀁！";
        TokenList tokens = TokenList.Create(text, Protection.None, JiebaSegmenter.Default);
        Assert.Equal(text, tokens.Render());
        int offset = 0;
        foreach (Token t in tokens.AsSpan())
        {
            Assert.Equal(offset, t.Offset);
            offset += t.Length;
        }

        string[] words = tokens.AsSpan().ToArray().Where(t => t.Kind == TokenKind.Word).Select(t => t.ToString()).ToArray();
        Assert.Equal(["我", "来到", "北京", "清华大学"], words[..4]);
        Assert.Contains("Python", words);
        Assert.Contains("abc", words);
        Assert.Contains("写", words); // a number stops before Han characters: "3.12" then "写"
        Assert.Contains(tokens.AsSpan().ToArray(), t => t.Kind == TokenKind.Number && t.ToString() == "3.12");
    }

    [Fact]
    public void Random_mixed_text_round_trips_through_the_segmenting_tokenizer()
    {
        var random = new Random(11);
        const string alphabet = "的一是了我不人在他有这个上们来到时大地为子中你说生国年着就那和要她出也得里后自以会家可下而过天去能对小多然于心学么之都好看起发当没成只如事把还用第样道想作种开美总从无情己面最女但现前些所同日手又行意动方期它头经长儿回位分爱老因很给名法间斯知世什两次使身者被高已亲其进此话常与活正感见明问力理尔点文几定本公特做外孩相西果走将月十实向声车全信重三机工物气每并别真打太新比才便夫再书部水像眼等体却加电主界门利海受听表德少克代员许稜先口由死安写性马光白或住难望教命花结乐色更拉东神记处让母父应直字场平报友关放至张认接告入笑内英军候民岁往何度山觉路带万男边风解叫任金快原吃妈变通师立象数四失满战远格士音轻目条呢 ，。！？abc123 \t";
        JiebaSegmenter[] segmenters = [JiebaSegmenter.Default, JiebaSegmenter.Default.WithHmm(false)];
        var sb = new StringBuilder();
        for (int round = 0; round < 300; round++)
        {
            sb.Clear();
            int n = random.Next(0, 80);
            for (int i = 0; i < n; i++)
            {
                sb.Append(alphabet[random.Next(alphabet.Length)]);
            }

            string text = sb.ToString();
            foreach (JiebaSegmenter s in segmenters)
            {
                TokenList tokens = TokenList.Create(text, Protection.Default, s);
                Assert.Equal(text, tokens.Render());
            }
        }
    }

    [Fact]
    public void English_default_leaves_han_runs_whole()
    {
        TokenList tokens = TokenList.Create("这部电影非常好看");
        Assert.Equal(1, tokens.Count);
        Assert.Same(Segmenter.None, Segmenter.ForLanguage("en"));
        Assert.Same(JiebaSegmenter.Default, Segmenter.ForLanguage("zh"));
        Assert.Throws<ArgumentException>(() => Segmenter.ForLanguage("fr"));
    }

    [Fact]
    public void Segmentation_is_the_same_from_many_threads()
    {
        string[] expected = Expected("zh-segmentation-hmm.txt");
        Parallel.For(0, 8, _ =>
        {
            for (int i = 0; i < Sentences.Length; i++)
            {
                Assert.Equal(expected[i], Layout(JiebaSegmenter.Default, Sentences[i]));
            }
        });
    }

    [GeneratedRegex("[\u4E00-\u9FD5]+")]
    private static partial Regex HanRun();
}
