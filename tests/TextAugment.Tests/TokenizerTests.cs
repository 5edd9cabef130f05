using System.Text;
using TextAugment.Text;

namespace TextAugment.Tests;

public class TokenizerTests
{
    [Fact]
    public void Rendering_unchanged_tokens_gives_back_any_unicode_string_exactly()
    {
        var random = new Random(7);
        var tokens = new TokenList();
        for (int round = 0; round < 5000; round++)
        {
            string text = RandomText(random, random.Next(0, 60));
            tokens.Reset(text, Protection.Default);
            Assert.Equal(text, tokens.Render());
        }
    }

    [Theory]
    [InlineData("Don't stop", new[] { "Don't", " ", "stop" })]
    [InlineData("a well-known café", new[] { "a", " ", "well-known", " ", "café" })]
    [InlineData("O’Brien said: 3.14!", new[] { "O’Brien", " ", "said", ":", " ", "3.14", "!" })]
    [InlineData("the U.S. and e.g. this", new[] { "the", " ", "U.S.", " ", "and", " ", "e.g.", " ", "this" })]
    [InlineData("COVID-19 hit 1,000 people", new[] { "COVID-19", " ", "hit", " ", "1,000", " ", "people" })]
    [InlineData("日本語 と Ελληνικά", new[] { "日本語", " ", "と", " ", "Ελληνικά" })]
    [InlineData("ok 👍🏽 fine", new[] { "ok", " ", "👍", "🏽", " ", "fine" })]
    [InlineData("end-", new[] { "end", "-" })]
    [InlineData("  \t\n", new[] { "  \t\n" })]
    [InlineData("שירתתי בצה\u05F4ל", new[] { "שירתתי", " ", "בצה\u05F4ל" })] // Hebrew gershayim (UAX #29 MidLetter)
    [InlineData("שירתתי בצה\"ל ובאו\"ם", new[] { "שירתתי", " ", "בצה\"ל", " ", "ובאו\"ם" })] // a plain quote inside Hebrew letters (UAX #29 WB7b/WB7c)
    [InlineData("הוא אמר \"שלום\" לי", new[] { "הוא", " ", "אמר", " ", "\"", "שלום", "\"", " ", "לי" })] // quotes around a Hebrew word stay apart
    [InlineData("say \"hi\"there", new[] { "say", " ", "\"", "hi", "\"", "there" })] // only between Hebrew letters
    [InlineData("נסענו לתל\u05BEאביב", new[] { "נסענו", " ", "לתל\u05BEאביב" })] // Hebrew maqaf
    [InlineData("من می\u200Cخواهم", new[] { "من", " ", "می\u200Cخواهم" })] // Persian zero-width non-joiner (Format)
    [InlineData("state\u2011of\u2011the\u2011art work", new[] { "state\u2011of\u2011the\u2011art", " ", "work" })] // non-breaking hyphen
    [InlineData("La\u00B7lecció", new[] { "La\u00B7lecció" })] // Catalan middle dot (MidLetter)
    [InlineData("end\u00B7", new[] { "end", "\u00B7" })] // a joiner joins only two word characters
    [InlineData("note:this", new[] { "note", ":", "this" })] // the colon is not tailored in
    public void Splits_words_numbers_whitespace_and_symbols(string text, string[] expected)
    {
        TokenList tokens = TokenList.Create(text);
        Assert.Equal(expected, tokens.AsSpan().ToArray().Select(t => t.ToString()));
    }

    [Theory]
    [InlineData("Great", "superb", "Superb")]
    [InlineData("GREAT", "superb", "SUPERB")]
    [InlineData("great", "superb", "superb")]
    [InlineData("great", "New York", "New York")]
    [InlineData("Film", "motion picture", "Motion picture")]
    [InlineData("iPhone", "phone", "phone")]
    public void A_replacement_keeps_the_case_pattern_of_the_word_it_replaces(string original, string replacement, string expected)
    {
        Token token = TokenList.Create(original)[0];
        Assert.Equal(expected, token.ReplaceWith(replacement).ToString());
    }

    [Fact]
    public void Substituting_one_word_changes_only_that_word()
    {
        TokenList tokens = TokenList.Create("  The film,  was GREAT!\n");
        tokens[8] = tokens[8].ReplaceWith("superb");
        Assert.Equal("  The film,  was SUPERB!\n", tokens.Render());
    }

    [Fact]
    public void Protection_marks_numbers_urls_emails_listed_words_and_patterns()
    {
        var protection = Protection.Create(new ProtectionOptions { Words = ["Paris"], Patterns = [@"#\w+"] });
        var tokens = new TokenList();
        tokens.Reset("Visit paris at www.example.com/x or mail a.b@example.org in 2024 #travel now", protection);
        string[] protectedWords = [.. tokens.AsSpan().ToArray().Where(t => t.Has(TokenFlags.Protected) && t.Kind == TokenKind.Word).Select(t => t.ToString())];
        Assert.Equal(["paris", "www", "example", "com", "x", "a", "b", "example", "org", "travel"], protectedWords);
        Assert.True(tokens.AsSpan().ToArray().Single(t => t.ToString() == "2024").Has(TokenFlags.Protected));
        Assert.False(tokens.AsSpan().ToArray().Single(t => t.ToString() == "Visit").Has(TokenFlags.Protected));
        Assert.True(tokens.AsSpan().ToArray().Single(t => t.ToString() == "at").Has(TokenFlags.StopWord));
    }

    [Fact]
    public void A_character_range_is_found_wherever_it_is_in_a_text_of_any_length()
    {
        var random = new Random(11);
        (char Low, char High)[] ranges = [('0', '9'), ('\u3400', char.MaxValue), ('a', 'a'), ('\0', char.MaxValue)];
        for (int round = 0; round < 20000; round++)
        {
            string text = RandomText(random, random.Next(0, 40));
            foreach (var (low, high) in ranges)
            {
                bool expected = text.Any(c => c >= low && c <= high);
                Assert.True(expected == CharRange.Contains(text, low, high), $"'{text}' [{(int)low:X4}, {(int)high:X4}]: expected {expected}");
            }
        }
    }

    private static string RandomText(Random random, int length)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < length; i++)
        {
            switch (random.Next(8))
            {
                case 0: sb.Append(' '); break;
                case 1: sb.Append("'-.,’"[random.Next(5)]); break;
                case 2: sb.Append((char)random.Next(0xD800, 0xE000)); break; // lone surrogates
                case 3: sb.Append(char.ConvertFromUtf32(random.Next(0x1F300, 0x1FAFF))); break;
                case 4: sb.Append((char)random.Next(0x300, 0x370)); break; // combining marks
                case 5: sb.Append((char)random.Next('a', 'z' + 1)); break;
                case 6: sb.Append((char)random.Next('0', '9' + 1)); break;
                default: sb.Append((char)random.Next(0x20, 0xD7FF)); break;
            }
        }

        return sb.ToString();
    }
}

public class TokenListLengthTests
{
    [Fact]
    public void RenderedLength_and_WordCount_follow_every_change_to_the_list()
    {
        // RenderedLength and WordCount are kept as tokens change (not summed on every call): after any sequence of changes
        // they are the length of what the tokens render to and the number of word tokens.
        var random = new Random(7);
        var list = TokenList.Create("The quick brown fox, 42 times, jumps over the lazy dog's bed.");
        var copy = new TokenList();
        string[] words = ["a", "replacement", "", "x y", "很好"];
        for (int step = 0; step < 5000; step++)
        {
            switch (random.Next(list.Count == 0 ? 2 : 9))
            {
                case 0:
                    list.Add(Token.Inserted(words[random.Next(words.Length)], TokenKind.Word));
                    break;
                case 1:
                    list.Reset(random.Next(3) == 0 ? "" : "short text here", TextAugment.Text.Protection.Default);
                    break;
                case 2:
                    list.Insert(random.Next(list.Count + 1), Token.Inserted(words[random.Next(words.Length)], TokenKind.Word));
                    break;
                case 3:
                    int at = random.Next(list.Count);
                    list.RemoveRange(at, random.Next(list.Count - at + 1));
                    break;
                case 4:
                    list.RemoveWords([.. Enumerable.Range(0, list.Count).Select(_ => random.Next(3) == 0)]);
                    break;
                case 5:
                    int i = random.Next(list.Count);
                    list[i] = list[i].ReplaceWith(words[random.Next(words.Length)]);
                    break;
                case 6:
                    list.Swap(random.Next(list.Count), random.Next(list.Count));
                    break;
                case 7:
                    list[random.Next(list.Count)] = Token.Inserted(random.Next(2) == 0 ? " " : ",", random.Next(2) == 0 ? TokenKind.Whitespace : TokenKind.Symbol);
                    break;
                default:
                    copy.CopyFrom(list);
                    Assert.Equal(list.RenderedLength, copy.RenderedLength);
                    Assert.Equal(list.WordCount, copy.WordCount);
                    copy.RemoveRange(0, copy.Count);
                    Assert.Equal(0, copy.RenderedLength);
                    Assert.Equal(0, copy.WordCount);
                    break;
            }

            Assert.Equal(list.Render().Length, list.RenderedLength);
            int sum = 0;
            foreach (Token t in list.AsSpan())
            {
                sum += t.Length;
            }

            Assert.Equal(sum, list.RenderedLength);
            Assert.Equal(list.AsSpan().ToArray().Count(t => t.Kind == TokenKind.Word), list.WordCount);
        }
    }
}
