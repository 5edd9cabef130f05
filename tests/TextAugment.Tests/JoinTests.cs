using System.Text.RegularExpressions;
using TextAugment.Augmenters;
using TextAugment.Dictionaries;
using TextAugment.Pipelines;
using TextAugment.Text;

namespace TextAugment.Tests;

/// <summary>
/// random_deletion and random_swap never make two tokens touch that then read as one (<see cref="TokenJoin"/>): in Chinese
/// text the Latin words and numbers on either side of a deleted or moved word, in English a word against a joiner glued
/// to what follows it; and they never split a unit such as <c>file.txt</c>.
/// </summary>
public partial class JoinTests
{
    private static readonly Pipeline Chinese = LoadChinese();

    private static Pipeline LoadChinese()
    {
        string path = Path.Combine(TestPaths.NewTempDirectory(), "zh.yaml");
        File.WriteAllText(path, "language: zh\naugment:\n  stages:\n    - random_deletion: { p: 0.3 }\n");
        return Pipeline.Load(path, requireInputOutput: false);
    }

    private static Augmenter[] Stages(double p, int swaps) => [new RandomDeletionAugmenter(p), new RandomSwapAugmenter(new EdaCountOptions { Count = swaps })];

    // A run of letters and digits of a spaced script: two that were apart in the input and now touch make a run the input never had.
    [GeneratedRegex("[A-Za-z0-9]+")]
    private static partial Regex SpacedRun();

    // A unit of a spaced script as the text reads it: words and numbers joined by joiners, with the joiners before it and a
    // run of two or more after it that does not only end a sentence (C++, not wow!!).
    [GeneratedRegex(@"[.:/\\+=_@#<>!~-]*[A-Za-z0-9]+(?:[.:/\\+=_@#<>!~-]+[A-Za-z0-9]+)*(?:(?=[.:/\\+=_@#<>!~-]{2})[.!]*[:/\\+=_@#<>~-][.:/\\+=_@#<>!~-]*)?")]
    private static partial Regex SpacedUnit();

    private static HashSet<string> Matches(Regex regex, string text) =>
        new(regex.Matches(text).Select(m => m.Value), StringComparer.Ordinal);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void No_two_spaced_script_tokens_apart_in_Chinese_text_touch_after_deletion_or_swap(int seed)
    {
        var random = new Random(seed);
        string[] pieces = ["价格", "元", "角", "和", "都", "有", "问题", "我", "用", "手机", "开会", "、", "，", "版本", "上",
            "iPhone", "Android", "example.com", "test", "v2", "99", "5", "1.2", "2024", " ", "x"];
        int changed = 0;
        for (int round = 0; round < 300; round++)
        {
            string text = string.Concat(Enumerable.Range(0, random.Next(2, 16)).Select(_ => pieces[random.Next(pieces.Length)]));
            HashSet<string> runs = Matches(SpacedRun(), text);
            foreach (Augmenter stage in Stages(0.3 + (0.6 * random.NextDouble()), 2))
            {
                for (ulong s = 0; s < 8; s++)
                {
                    string variant = stage.Augment(text, new AugmentRandom((ulong)round * 100 + s), Chinese.Generator.Options.Protection, Chinese.Generator.Options.Segmenter);
                    changed += variant == text ? 0 : 1;
                    foreach (string run in Matches(SpacedRun(), variant))
                    {
                        Assert.True(runs.Contains(run), $"{stage.GetType().Name}: '{text}' → '{variant}' has '{run}'");
                    }
                }
            }
        }

        Assert.True(changed > 2000, $"only {changed} variants changed: the stages must still delete and swap");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void No_unit_of_a_spaced_script_is_made_or_split_in_English_text(int seed)
    {
        var random = new Random(seed);
        string[] pieces = ["see", "now", "file", ".", "txt", "C", "+", "localhost", ":", "8080", "/", "usr", "numpy", "=",
            "1.26", "use", "run", "_", "-", "@", "<", ">", "!", "~", " ", " ", " ", " ", ", "];
        int changed = 0;
        for (int round = 0; round < 300; round++)
        {
            string text = string.Concat(Enumerable.Range(0, random.Next(2, 16)).Select(_ => pieces[random.Next(pieces.Length)]));
            HashSet<string> units = Matches(SpacedUnit(), text);
            foreach (Augmenter stage in Stages(0.5, 2))
            {
                for (ulong s = 0; s < 8; s++)
                {
                    string variant = stage.Augment(text, new AugmentRandom((ulong)round * 100 + s));
                    changed += variant == text ? 0 : 1;
                    foreach (string unit in Matches(SpacedUnit(), variant))
                    {
                        Assert.True(units.Contains(unit), $"{stage.GetType().Name}: '{text}' → '{variant}' has '{unit}'");
                    }
                }
            }
        }

        Assert.True(changed > 200, $"only {changed} variants changed: the stages must still delete and swap");
    }

    [Theory]
    [InlineData("价格99元5角", "价格995角", "99元5角")]
    [InlineData("2024年5月1日开会", "202451开会", "2024年5月1日")]
    [InlineData("版本1.2和1.3都有问题", "版本1.21.3有", "版本1.2和1.3有问题")]
    [InlineData("在example.com和test.org上", "在example.comtest.org上", "example.com和test.org上")]
    [InlineData("我用iPhone和Android手机", "我用iPhoneAndroid手机", "我用和Android手机")]
    [InlineData("运行级别0、1和6", "运行级别0、16", "级别0、1和6")]
    public void Chinese_deletion_keeps_the_word_between_two_spaced_script_tokens(string text, string joined, string stillMade)
    {
        var variants = new HashSet<string>(StringComparer.Ordinal);
        var deletion = new RandomDeletionAugmenter(0.3);
        for (ulong seed = 0; seed < 300; seed++)
        {
            variants.Add(deletion.Augment(text, new AugmentRandom(seed), Chinese.Generator.Options.Protection, Chinese.Generator.Options.Segmenter));
        }

        Assert.DoesNotContain(joined, variants);
        Assert.Contains(stillMade, variants); // the other words are still deleted
    }

    [Fact]
    public void Chinese_swap_never_puts_two_Latin_words_side_by_side()
    {
        const string text = "我用iPhone和Android手机";
        var variants = new HashSet<string>(StringComparer.Ordinal);
        var swap = new RandomSwapAugmenter();
        for (ulong seed = 0; seed < 300; seed++)
        {
            variants.Add(swap.Augment(text, new AugmentRandom(seed), Chinese.Generator.Options.Protection, Chinese.Generator.Options.Segmenter));
        }

        Assert.DoesNotContain("我用手机和AndroidiPhone", variants);
        Assert.DoesNotContain("我用和iPhoneAndroid手机", variants);
        Assert.Contains("手机iPhone和Android我用", variants); // words that do not join still move
    }

    [Theory]
    [InlineData("see file.txt now", "file.txt", "see.now|file.now|see.txt|see .txt")]
    [InlineData("open localhost:8080 in browser now", "localhost:8080", "open:8080")]
    [InlineData("run pip install numpy==1.26 today please", "numpy==1.26", "run==1.26|install==1.26|pip==1.26")]
    [InlineData("use C++ daily now", "C++", "use++|use ++")]
    [InlineData("she knows C# and F# well", "C#|F#", "knows#|and#|she#|well#| # ")]
    [InlineData("open /usr/local/bin now", "/usr/local/bin", "//local|/usr//|///bin|local/now")]
    [InlineData("please install torch>=2.0 today", "torch>=2.0", "install>=|please>=|today>=")]
    [InlineData("and numpy<2 and scipy!=1.1 and pandas~=2.1 now", "numpy<2|scipy!=1.1|pandas~=2.1", "and<|and!=|and~=|now<|now!=|now~=")]
    [InlineData("use numpy==1.26 and a->b and x<=y today", "a->b|x<=y", "-> |->and|->x|->today|and<=|<= |and->|use->|today<=")]
    public void English_deletion_and_swap_never_split_a_unit(string text, string unit, string corrupted)
    {
        foreach (Augmenter stage in Stages(0.5, 1))
        {
            int changed = 0;
            for (ulong seed = 0; seed < 200; seed++)
            {
                string variant = stage.Augment(text, new AugmentRandom(seed));
                changed += variant == text ? 0 : 1;
                foreach (string whole in unit.Split('|'))
                {
                    Assert.Contains(whole, variant, StringComparison.Ordinal);
                }

                foreach (string bad in corrupted.Split('|'))
                {
                    Assert.DoesNotContain(bad, variant, StringComparison.Ordinal);
                }
            }

            Assert.True(changed > 0, $"{stage.GetType().Name} never changed '{text}'");
        }
    }

    [Fact]
    public void The_reproduction_of_version_specifiers_keeps_every_specifier_whole()
    {
        // newcomer 4, fault 9: deletion glued the operator to the word before the deleted package name.
        const string text = "please install torch>=2.0 and numpy<2 and scipy!=1.1 and pandas~=2.1 today\nuse numpy==1.26 and a->b and x<=y today";
        string[] units = ["torch>=2.0", "numpy<2", "scipy!=1.1", "pandas~=2.1", "numpy==1.26", "a->b", "x<=y"];
        foreach (Augmenter stage in Stages(0.5, 2))
        {
            int changed = 0;
            for (ulong seed = 0; seed < 200; seed++)
            {
                string variant = stage.Augment(text, new AugmentRandom(seed));
                changed += variant == text ? 0 : 1;
                foreach (string unit in units)
                {
                    Assert.Contains(unit, variant, StringComparison.Ordinal);
                }

                foreach (Match glued in GluedOperator().Matches(variant))
                {
                    Assert.Contains(glued.Value, units);
                }
            }

            Assert.True(changed > 100, $"{stage.GetType().Name} changed only {changed} variants");
        }
    }

    // A word, an operator and what follows it, as a unit reads.
    [GeneratedRegex(@"[A-Za-z0-9.]+[<>!~=-]+[A-Za-z0-9.]+")]
    private static partial Regex GluedOperator();

    [Theory]
    [InlineData("I love C++", "C++")]
    [InlineData("she knows C#", "C#")]
    [InlineData("we watched Disney+", "Disney+")]
    [InlineData("connect to localhost:8080", "localhost:8080")]
    [InlineData("read file.txt.", "file.txt")]
    [InlineData("code in C++ and C#.", "C++|C#")]
    public void Random_insertion_after_the_last_word_goes_after_its_unit(string text, string units)
    {
        // The slot after the last word split the unit the word ended: "I love C dearest++", "she knows C cognizes#".
        var dictionary = SynonymDictionary.Create([new("love", (IReadOnlyList<string>)["adore"]), new("knows", (IReadOnlyList<string>)["sees"]),
            new("watched", (IReadOnlyList<string>)["saw"]), new("connect", (IReadOnlyList<string>)["link"]), new("read", (IReadOnlyList<string>)["scan"]),
            new("code", (IReadOnlyList<string>)["program"])]);
        var stage = new RandomInsertionAugmenter(dictionary, new EdaCountOptions { Count = 2 });
        var ends = new HashSet<string>(StringComparer.Ordinal);
        for (ulong seed = 0; seed < 200; seed++)
        {
            string variant = stage.Augment(text, new AugmentRandom(seed));
            foreach (string unit in units.Split('|'))
            {
                Assert.Contains(unit, variant, StringComparison.Ordinal);
            }

            ends.Add(variant.Split(' ')[^1]);
        }

        // The slot is still used: a word goes after the unit (and before the full stop that ends the text)
        string last = text.Split(' ')[^1].TrimEnd('.');
        Assert.Contains(ends, e => !e.StartsWith(last, StringComparison.Ordinal));
        Assert.All(ends, e => Assert.True(!text.EndsWith('.') || e.EndsWith('.'), $"'{e}' ends a variant of '{text}' after its full stop"));
    }

    [Fact]
    public void Random_insertion_after_a_last_word_before_a_full_stop_still_goes_before_it()
    {
        var dictionary = SynonymDictionary.Create([new("film", (IReadOnlyList<string>)["movie"])]);
        var stage = new RandomInsertionAugmenter(dictionary);
        var variants = Enumerable.Range(0, 100).Select(s => stage.Augment("a good film.", new AugmentRandom((ulong)s))).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("a good film movie.", variants);
        Assert.DoesNotContain("a good film. movie", variants);
    }

    [Fact]
    public void Random_insertion_never_enters_or_glues_to_a_version_specifier()
    {
        var dictionary = SynonymDictionary.Create([new("install", (IReadOnlyList<string>)["set"]), new("torch", (IReadOnlyList<string>)["lamp"]),
            new("today", (IReadOnlyList<string>)["now"])]);
        var stage = new RandomInsertionAugmenter(dictionary, new EdaCountOptions { Count = 2 });
        const string text = "install torch>=2.0 today";
        int changed = 0;
        for (ulong seed = 0; seed < 100; seed++)
        {
            string variant = stage.Augment(text, new AugmentRandom(seed));
            changed += variant == text ? 0 : 1;
            Assert.Contains("torch>=2.0", variant, StringComparison.Ordinal);
            Assert.Equal(5, variant.Split(' ').Length);
        }

        Assert.True(changed > 50, $"only {changed} insertions");
    }

    [Theory]
    [InlineData("see file.txt now", 2, true)] // file
    [InlineData("see file.txt now", 4, true)] // txt
    [InlineData("use C++ daily", 2, true)]
    [InlineData("open localhost:8080 now", 2, true)]
    [InlineData("say e.g now", 2, true)]
    [InlineData("I don't know... really", 4, false)] // an ellipsis joins nothing
    [InlineData("it is the end. Then", 6, false)]
    [InlineData("note: this", 0, false)]
    [InlineData("C+ grade", 0, true)] // a single # or + ends a name: C#, F#, A+, Disney+
    [InlineData("she knows C# well", 4, true)]
    [InlineData("a + b", 0, false)]
    [InlineData("install torch>=2.0 now", 2, true)] // torch
    [InlineData("install torch>=2.0 now", 7, false)] // now
    [InlineData("and numpy<2 and", 2, true)]
    [InlineData("and scipy!=1.1 and", 2, true)]
    [InlineData("and pandas~=2.1 and", 2, true)]
    [InlineData("map a->b now", 2, true)] // a
    [InlineData("map a->b now", 5, true)] // b
    [InlineData("if x<=y then", 2, true)]
    [InlineData("wow!! great", 0, false)] // exclamation marks end a sentence
    [InlineData("wow! great", 0, false)]
    [InlineData("no way!. ok", 2, false)]
    [InlineData("a <b> c", 3, false)] // spaced on the far side of each single symbol
    [InlineData("about ~x now", 3, false)]
    public void A_unit_is_words_joined_by_joiners(string text, int index, bool inUnit)
    {
        TokenList tokens = TokenList.Create(text, Protection.None);
        Assert.Equal(TokenKind.Word, tokens[index].Kind);
        Assert.Equal(inUnit, TokenJoin.InUnit(tokens.AsSpan(), index));
    }

    [Fact]
    public void A_joiner_between_Chinese_words_makes_no_unit()
    {
        TokenList tokens = TokenList.Create("调用编辑器.随后可以", Protection.None, Chinese.Generator.Options.Segmenter);
        ReadOnlySpan<Token> all = tokens.AsSpan();
        for (int i = 0; i < all.Length; i++)
        {
            Assert.False(all[i].Kind == TokenKind.Word && TokenJoin.InUnit(all, i), all[i].ToString());
        }
    }

    [Theory]
    [InlineData("iPhone 和 Android", 0, 4, true)] // iPhone|Android
    [InlineData("99 元 5", 0, 4, true)]
    [InlineData("iPhone 和 手机", 0, 4, false)] // Chinese on the right
    [InlineData("see it. Then", 0, 3, false)] // a full stop followed by a space
    [InlineData("see it.txt", 0, 3, true)] // a full stop glued to what follows
    [InlineData("know it... yes", 0, 3, false)] // an ellipsis
    [InlineData("use C++ now", 0, 3, true)] // a run of joiners
    [InlineData("see it, now", 0, 3, false)]
    [InlineData("use it>=2 now", 0, 3, true)] // an operator glued to a version
    [InlineData("I love it! yes", 2, 5, false)] // a sentence's end
    [InlineData("I love it!! yes", 2, 5, false)]
    [InlineData("so a->b yes", 0, 3, true)]
    public void Two_tokens_read_as_one_when_the_left_continues_and_the_right_takes(string text, int left, int right, bool one)
    {
        TokenList tokens = TokenList.Create(text, Protection.None);
        Assert.Equal(one, TokenJoin.ReadsAsOne(tokens[left], tokens.AsSpan()[right..]));
    }
}
