using System.Globalization;
using System.Text;
using TextAugment.Augmenters;
using TextAugment.Dictionaries;
using TextAugment.Corpus;
using TextAugment.Text;

namespace TextAugment.Tests;

/// <summary>
/// What the default protection covers beyond ASCII: IRIs (non-ASCII hosts and paths), bare domains, Chinese words that
/// start with a one-character negator (不去, 没去), and decimal digits of every script (２０２４).
/// </summary>
public class ProtectionCoverageTests
{
    private static readonly JiebaSegmenter Jieba = JiebaSegmenter.Default;

    // Names off in both, so that what is protected is what these rules protect (南非 is a name too).
    private static readonly Protection Chinese = Protection.Create(new ProtectionOptions
    {
        StopWords = WordSet.ChineseStopWords,
        Negators = WordSet.ChineseNegators,
        Segmenter = Jieba,
        Names = NamePolicy.Replace,
    });

    private static readonly Protection English = Protection.Create(new ProtectionOptions { Names = NamePolicy.Replace });

    private static Protection For(string language) => language == "zh" ? Chinese : English;

    private static Segmenter SegmenterFor(string language) => language == "zh" ? Jieba : Segmenter.None;

    /// <summary>The protected tokens' text, with a '|' wherever an unprotected token lies between two protected ones.</summary>
    private static string ProtectedText(string text, string language)
    {
        TokenList tokens = TokenList.Create(text, For(language), SegmenterFor(language));
        var sb = new StringBuilder();
        bool gap = false;
        foreach (Token t in tokens.AsSpan())
        {
            if (t.Has(TokenFlags.Protected))
            {
                sb.Append(gap && sb.Length > 0 ? "|" : "").Append(t.ToString());
                gap = false;
            }
            else
            {
                gap = true;
            }
        }

        return sb.ToString();
    }

    private static SynonymDictionary Dictionary(params (string Word, string[] Synonyms)[] entries) =>
        SynonymDictionary.Create(entries.Select(e => new KeyValuePair<string, IReadOnlyList<string>>(e.Word, e.Synonyms)));

    private static List<string> Outputs(Augmenter augmenter, string text, string language, int variants = 40)
    {
        var outputs = new List<string>();
        for (int v = 0; v < variants; v++)
        {
            outputs.Add(augmenter.Augment(text, AugmentRandom.For(5, "coverage", v), For(language), SegmenterFor(language)));
        }

        return outputs;
    }

    [Theory]
    [InlineData("en", "see https://例子.com/big/house now", "https://例子.com/big/house")]
    [InlineData("en", "see https://de.wikipedia.org/wiki/Köln now", "https://de.wikipedia.org/wiki/Köln")]
    [InlineData("zh", "请看 https://zh.wikipedia.org/wiki/信任 这个网页", "https://zh.wikipedia.org/wiki/信任")]
    [InlineData("zh", "请访问 https://example.com/路径 了解更多", "https://example.com/路径")]
    [InlineData("zh", "见https://例子.中国/新闻?词=信任&页=2。谢谢", "https://例子.中国/新闻?词=信任&页=2")]
    [InlineData("zh", "请看www.例子.com/信任，谢谢", "www.例子.com/信任")]
    // Trailing sentence punctuation, ASCII and full-width, is left to the sentence.
    [InlineData("en", "see https://x.org/big. Then go", "https://x.org/big")]
    [InlineData("en", "is it https://x.org/big?! yes", "https://x.org/big")]
    [InlineData("en", "see \"https://x.org/big\", then", "https://x.org/big")]
    [InlineData("zh", "详见https://x.org/wiki/信任。更多", "https://x.org/wiki/信任")]
    [InlineData("zh", "（https://x.org/路径）、再见", "https://x.org/路径")]
    // Chinese written straight after an ASCII letter or digit is not part of the URL (as before).
    [InlineData("zh", "详见https://x.org/film了解更多", "https://x.org/film")]
    public void An_iri_is_protected_whole_up_to_white_space_or_trailing_punctuation(string language, string text, string expected) =>
        Assert.Equal(expected, ProtectedText(text, language));

    [Theory]
    [InlineData("en", "see example.com/big now", "example.com/big")]
    [InlineData("en", "read docs.python.org/3/library today", "docs.python.org/3/library")]
    [InlineData("en", "see x.org/film.", "x.org/film")]
    [InlineData("en", "visit example.com.", "example.com")]
    [InlineData("en", "visit GitHub.com or news.bbc.co.uk, then", "GitHub.com|news.bbc.co.uk")]
    [InlineData("en", "ask my-site.io:8080 later", "my-site.io:8080")]
    [InlineData("en", "see Docs.Example.Dev/guide/intro.html today", "Docs.Example.Dev/guide/intro.html")]
    [InlineData("zh", "请访问example.com了解", "example.com")]
    [InlineData("zh", "请访问 baike.baidu.com/item/信任 了解", "baike.baidu.com/item/信任")]
    // Not domains: initialisms, a missing space after a full stop, numbers (protected as numbers), file names, a
    // longer word after a known top-level domain, an upper-case "top-level domain" without a path.
    [InlineData("en", "e.g. the U.S. end.Then 3.5 model.onnx setup.py example.company end.It", "3.5")]
    public void A_bare_domain_is_protected_whole_and_ordinary_dotted_text_is_not(string language, string text, string expected) =>
        Assert.Equal(expected, ProtectedText(text, language));

    [Theory]
    [InlineData("今天我们不去公园了", "不去")]
    [InlineData("他不想上学", "不想")]
    [InlineData("我没想到会这样", "没想到")]
    [InlineData("他未能完成任务", "未能")]
    [InlineData("别动", "别动")]
    [InlineData("这部电影非常好看", "非常")] // over-protected: 非常 is "very", kept rather than risk a negation
    // A negator inside the word: jieba joins it to what is around it.
    [InlineData("请勿吸烟", "请勿吸烟")]
    [InlineData("他从来不吃肉", "从来不")]
    [InlineData("我看不见了", "看不见")]
    [InlineData("这里有没有人", "有没有")]
    [InlineData("他对此毫无办法", "毫无办法")]
    // Traditional characters: 沒 is 没.
    [InlineData("我沒想到會這樣", "沒想到")]
    [InlineData("我看不見了", "看不見")]
    public void A_chinese_word_that_starts_with_or_holds_a_one_character_negator_is_protected(string text, string negator)
    {
        TokenList tokens = TokenList.Create(text, Chinese, Jieba);
        Token[] words = [.. tokens.AsSpan().ToArray().Where(t => t.Kind == TokenKind.Word)];
        Assert.True(words.Any(t => t.ToString() == negator), $"jieba cut '{text}' into {string.Join("/", words.Select(t => t.ToString()))}");
        Assert.All(words, t => Assert.Equal(t.ToString() == negator, t.Has(TokenFlags.Protected)));
    }

    [Theory]
    [InlineData("这部电影特别好看")] // 别 inside a word is not a negator: 特别 "especially"
    [InlineData("你是否同意")] // nor 否: 是否 "whether"
    [InlineData("他去过南非")] // nor 非: 南非 "South Africa"
    public void A_negator_that_rarely_negates_inside_a_word_protects_only_the_words_it_starts(string text)
    {
        TokenList tokens = TokenList.Create(text, Chinese, Jieba);
        Assert.True(tokens.Count > 2, $"jieba cut '{text}' into {tokens.Count} tokens");
        Assert.DoesNotContain(tokens.AsSpan().ToArray(), t => t.Has(TokenFlags.Protected));
    }

    [Fact]
    public void The_negator_prefix_rule_needs_a_one_character_negator_of_an_unspaced_script()
    {
        // English negators have no one-character entry: "nothing" is in the list, "north" is not a negator.
        Assert.Equal("nothing", ProtectedText("nothing north", "en"));
        // A one-character Latin "negator" does not make every word that starts with its letter one.
        var custom = Protection.Create(new ProtectionOptions { Negators = new WordSet(["n", "不"]), Names = NamePolicy.Replace });
        TokenList tokens = TokenList.Create("n north 不好", custom);
        Assert.Equal(["n", "不好"], tokens.AsSpan().ToArray().Where(t => t.Has(TokenFlags.Protected)).Select(t => t.ToString()));
        // Without negators, nothing is protected.
        var none = Protection.Create(new ProtectionOptions { Negators = null, StopWords = null });
        Assert.DoesNotContain(TokenList.Create("他不想上学", none, Jieba).AsSpan().ToArray(), t => t.Has(TokenFlags.Protected));
    }

    [Theory]
    [InlineData("0", true)]
    [InlineData("COVID-19", true)]
    [InlineData("２０２４", true)] // full-width
    [InlineData("第５", true)]
    [InlineData("٣", true)] // Arabic-Indic
    [InlineData("abcdefghijklmnop۳", true)] // Extended Arabic-Indic, after a vector's width of ASCII
    [InlineData("\U0001D7D8", true)] // MATHEMATICAL DOUBLE-STRUCK DIGIT ZERO, a surrogate pair
    [InlineData("abc", false)]
    [InlineData("", false)]
    [InlineData("〇", false)] // a letter number (Nl), not a decimal digit
    [InlineData("Ⅻ½²", false)] // Nl, No, No
    [InlineData("二零二四年", false)]
    [InlineData("\uD835", false)] // a lone surrogate
    public void A_digit_is_any_unicode_decimal_digit(string text, bool expected) => Assert.Equal(expected, Digits.Contains(text));

    [Fact]
    public void Digits_agree_with_the_unicode_category_on_random_text()
    {
        var random = new Random(3);
        int[] digits = [.. Enumerable.Range(0, 0x110000).Where(c => c is < 0xD800 or > 0xDFFF && Rune.GetUnicodeCategory(new Rune(c)) == UnicodeCategory.DecimalDigitNumber)];
        for (int round = 0; round < 5000; round++)
        {
            var sb = new StringBuilder();
            int length = random.Next(0, 30);
            for (int i = 0; i < length; i++)
            {
                sb.Append(random.Next(4) switch
                {
                    0 => (char)random.Next('a', 'z' + 1),
                    1 => (char)random.Next(0x4E00, 0xA000),
                    2 => (char)random.Next(0x80, 0xD800),
                    _ => random.Next(50) == 0 ? char.ConvertFromUtf32(digits[random.Next(digits.Length)]) : " ",
                });
            }

            string text = sb.ToString();
            bool expected = text.EnumerateRunes().Any(r => Rune.GetUnicodeCategory(r) == UnicodeCategory.DecimalDigitNumber);
            Assert.True(expected == Digits.Contains(text), $"'{text}': expected {expected}");
        }
    }

    [Fact]
    public void Full_width_digits_are_protected_and_read_as_one_number()
    {
        Assert.Equal("２０２４|５", ProtectedText("请于２０２４年５月付款", "zh"));
        TokenList tokens = TokenList.Create("pi is ３.１４ or ٣٫١٤ or 3.14");
        Assert.Equal(["３.１４", "3.14"], tokens.AsSpan().ToArray().Where(t => t.Kind == TokenKind.Number && t.Length > 1 && t.ToString().Contains('.')).Select(t => t.ToString()));
    }

    [Fact]
    public void A_candidate_with_a_digit_of_any_script_replaces_only_a_word_with_a_digit()
    {
        Assert.False(SubstitutionOptions.Allows("big", "big２"));
        Assert.False(SubstitutionOptions.Allows("十", "１０"));
        Assert.True(SubstitutionOptions.Allows("第２", "第３"));
        Assert.True(SubstitutionOptions.Allows("room2", "room３"));
    }

    [Fact]
    public void The_synonym_stage_leaves_iris_and_bare_domains_whole()
    {
        var augmenter = new SynonymAugmenter(
            Dictionary(("see", ["view"]), ("big", ["large"]), ("house", ["home"]), ("example", ["instance"]), ("com", ["commerce"])),
            new SubstitutionOptions { Probability = 1 });
        foreach (var (text, url) in new[] { ("see https://例子.com/big/house now", "https://例子.com/big/house"), ("see example.com/big now", "example.com/big") })
        {
            foreach (string output in Outputs(augmenter, text, "en"))
            {
                Assert.Equal($"view {url} now", output);
            }
        }

        var chinese = new SynonymAugmenter(SynonymDictionary.Chinese, new SubstitutionOptions { Probability = 1 });
        const string Wiki = "请看 https://zh.wikipedia.org/wiki/信任 这个网页";
        Assert.False(SynonymDictionary.Chinese.GetSynonyms("信任").IsEmpty); // the word has synonyms to offer
        Assert.All(Outputs(chinese, Wiki, "zh"), output => Assert.Contains("https://zh.wikipedia.org/wiki/信任 ", output, StringComparison.Ordinal));
    }

    [Fact]
    public void The_tfidf_stage_leaves_a_chinese_path_whole()
    {
        const string Text = "请访问 https://example.com/路径 了解更多信息";
        TfIdfStatistics statistics = TfIdfStatistics.Fit(["请访问网站了解更多信息。", "这条路径很长。", "路径和信息。", "更多的网站。"], Jieba);
        var augmenter = new TfIdfAugmenter(statistics, new TfIdfOptions { Probability = 1 });
        List<string> outputs = Outputs(augmenter, Text, "zh");
        Assert.Contains(outputs, output => output != Text); // the stage does change the text
        Assert.All(outputs, output => Assert.Contains(" https://example.com/路径 ", output, StringComparison.Ordinal));
    }

    [Fact]
    public void Deletion_swap_and_synonym_stages_keep_chinese_negated_verbs_and_full_width_numbers()
    {
        var deletion = new RandomDeletionAugmenter(0.3);
        Assert.All(Outputs(deletion, "今天我们不去公园了", "zh"), output => Assert.Contains("不去", output, StringComparison.Ordinal));
        Assert.All(Outputs(deletion, "他不想上学", "zh"), output => Assert.Contains("不想", output, StringComparison.Ordinal));
        Assert.All(Outputs(deletion, "请于２０２４年５月付款", "zh"), output => Assert.Contains("２０２４", output, StringComparison.Ordinal));
        Assert.All(Outputs(deletion, "请于２０２４年５月付款", "zh"), output => Assert.Contains("５", output, StringComparison.Ordinal));

        // Every word here is two characters: a word that never moves stays at its character offset.
        var swap = new RandomSwapAugmenter(new EdaCountOptions { Count = 3 });
        List<string> swapped = Outputs(swap, "我们不去公园游玩", "zh");
        Assert.Contains(swapped, output => output != "我们不去公园游玩");
        Assert.All(swapped, output => Assert.Equal(2, output.IndexOf("不去", StringComparison.Ordinal)));

        var synonym = new SynonymAugmenter(Dictionary(("不想", ["不愿"]), ("上学", ["读书"])), new SubstitutionOptions { Probability = 1 });
        Assert.All(Outputs(synonym, "他不想上学", "zh"), output => Assert.Equal("他不想读书", output));
    }

    [Theory]
    [InlineData("en", "see 192.168.0.1/big/house now", "192.168.0.1/big/house")]
    [InlineData("en", "see 10.0.0.1:8080/big now", "10.0.0.1:8080/big")]
    [InlineData("en", "see localhost:8080/big now", "localhost:8080/big")]
    [InlineData("en", "see Localhost/big/house.", "Localhost/big/house")]
    [InlineData("en", "ask localhost:8080 later", "localhost:8080")]
    [InlineData("en", "see [2001:db8::1]/big now", "[2001:db8::1]/big")]
    [InlineData("en", "see [::1]:8080/big now", "[::1]:8080/big")]
    [InlineData("zh", "访问localhost:8080查看", "localhost:8080")]
    [InlineData("zh", "请访问192.168.0.1/管理/设置，谢谢", "192.168.0.1/管理/设置")]
    // Not hosts: a time, a fraction, a longer name, an IPv4 address inside a path or followed by a letter.
    [InlineData("en", "at 3:00 eat 1/2 of localhostess or x/1.2.3.4/big and 1.2.3.4:80x", "3|00|1|2|1.2.3.4|1.2.3.4|80x")]
    public void An_ip_or_localhost_host_is_a_url_with_its_port_and_path(string language, string text, string expected) =>
        Assert.Equal(expected, ProtectedText(text, language));

    [Theory]
    [InlineData("请联系support@example.com获取帮助", "support@example.com")]
    [InlineData("邮箱是张三@例子.中国谢谢", "张三@例子.中国")]
    [InlineData("发到bob.li@例子.中国，谢谢", "bob.li@例子.中国")]
    [InlineData("请发邮件到 zhang.san+ai@mail.example.cn 谢谢", "zhang.san+ai@mail.example.cn")]
    public void An_email_address_ends_where_chinese_starts_after_its_ascii_part(string text, string expected) =>
        Assert.Equal(expected, ProtectedText(text, "zh"));

    [Theory]
    [InlineData("write to josé.núñez@café.fr today", "josé.núñez@café.fr")]
    [InlineData("mail a-b_c@x-y.example.org, then", "a-b_c@x-y.example.org")]
    public void A_latin_email_address_is_protected_whole(string text, string expected) =>
        Assert.Equal(expected, ProtectedText(text, "en"));

    [Fact]
    public void Deletion_keeps_an_email_address_in_chinese_and_deletes_the_sentence_around_it()
    {
        var deletion = new RandomDeletionAugmenter(0.5);
        foreach (var (text, address) in new[] { ("请联系support@example.com获取帮助", "support@example.com"), ("邮箱是张三@例子.中国谢谢", "张三@例子.中国") })
        {
            List<string> outputs = Outputs(deletion, text, "zh", 12);
            Assert.Contains(outputs, output => output != text);
            Assert.All(outputs, output => Assert.Contains(address, output, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("I dont like it")]
    [InlineData("it isnt good")]
    [InlineData("they CANT stay")]
    [InlineData("we wont go")]
    [InlineData("he aint here")]
    [InlineData("you shouldnt")]
    [InlineData("it isn‘t good")] // U+2018
    [InlineData("it isnʼt good")] // U+02BC
    [InlineData("it isn＇t good")] // U+FF07
    [InlineData("it isnʹt good")] // U+02B9
    public void A_negator_without_or_with_any_apostrophe_is_protected(string text)
    {
        string negator = text.Split(' ')[1];
        Assert.Equal(negator, ProtectedText(text, "en"));
    }

    [Theory]
    [InlineData("会议在下午三点半开始", "三点半")]
    [InlineData("售价三千五百元", "三千五百")]
    [InlineData("他有两个孩子", "两个")]
    [InlineData("我们等了四年", "四年")]
    [InlineData("壹仟贰佰", "壹仟贰佰")]
    [InlineData("壹仟貳佰萬", "壹仟貳佰萬")]
    [InlineData("十二点开会", "十二点")]
    public void A_chinese_number_is_protected(string text, string number)
    {
        TokenList tokens = TokenList.Create(text, Chinese, Jieba);
        Token[] words = [.. tokens.AsSpan().ToArray().Where(t => t.Kind == TokenKind.Word)];
        Assert.True(string.Concat(words.Where(t => t.Has(TokenFlags.Protected)).Select(t => t.ToString())) == number,
            $"jieba cut '{text}' into {string.Join("/", words.Select(t => t.ToString() + (t.Has(TokenFlags.Protected) ? "*" : "")))}");
    }

    [Theory]
    [InlineData("我们一起去")]
    [InlineData("有一些人")]
    [InlineData("都一样")]
    [InlineData("我有一点累")]
    [InlineData("他是第一名")]
    [InlineData("一看就懂")]
    [InlineData("我十分喜欢")]
    [InlineData("他买了一个")]
    public void A_word_with_a_numeral_and_other_characters_or_a_lone_one_is_not_a_number(string text)
    {
        TokenList tokens = TokenList.Create(text, Chinese, Jieba);
        Token[] words = [.. tokens.AsSpan().ToArray().Where(t => t.Kind == TokenKind.Word)];
        Assert.False(words.Any(t => t.Has(TokenFlags.Protected)),
            $"jieba cut '{text}' into {string.Join("/", words.Select(t => t.ToString() + (t.Has(TokenFlags.Protected) ? "*" : "")))}");
    }

    [Theory]
    [InlineData("三", true)]
    [InlineData("两", true)]
    [InlineData("一半", true)]
    [InlineData("一点半", true)]
    [InlineData("半", true)]
    [InlineData("两个", true)]
    [InlineData("十月", true)]
    [InlineData("一个", false)]
    [InlineData("十分", false)]
    [InlineData("十一", true)]
    [InlineData("〇", true)]
    [InlineData("一", false)]
    [InlineData("一点", false)]
    [InlineData("点", false)]
    [InlineData("一起", false)]
    [InlineData("三个", true)]
    [InlineData("three", false)]
    [InlineData("", false)]
    public void A_chinese_number_is_numeral_characters_with_an_optional_dian_or_ban(string word, bool expected) =>
        Assert.Equal(expected, Digits.IsChineseNumber(word));

    [Fact]
    public void Chinese_numbers_follow_the_numbers_option()
    {
        var off = Protection.Create(new ProtectionOptions { StopWords = null, Negators = null, Numbers = false });
        Assert.DoesNotContain(TokenList.Create("售价三千五百元", off, Jieba).AsSpan().ToArray(), t => t.Has(TokenFlags.Protected));
        var deletion = new RandomDeletionAugmenter(0.5);
        List<string> outputs = Outputs(deletion, "会议在下午三点半开始", "zh", 12);
        Assert.Contains(outputs, output => output != "会议在下午三点半开始");
        Assert.All(outputs, output => Assert.Contains("三点半", output, StringComparison.Ordinal));
    }
}
