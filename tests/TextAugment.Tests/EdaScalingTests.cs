using TextAugment.Augmenters;
using TextAugment.Dictionaries;
using TextAugment.Text;

namespace TextAugment.Tests;

/// <summary>
/// random_deletion and random_insertion (with alpha) do work linear in the example's length (README): deleting many
/// words or inserting a number of words proportional to the length must not shift the rest of the sentence once per word.
/// </summary>
public class EdaScalingTests
{
    private static readonly SynonymDictionary Small = SynonymDictionary.Load(TestPaths.Fixture("synonyms.tsv"));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void RemoveWords_gives_what_removing_each_marked_word_from_the_last_back_gives(int seed)
    {
        var random = new Random(seed);
        string[] pieces = ["film", " ", "great", ", ", "电影", "很", "好", "  ", "x.org", "/", "a", ".", "99", "iPhone", "++"];
        for (int round = 0; round < 200; round++)
        {
            string text = string.Concat(Enumerable.Range(0, random.Next(1, 30)).Select(_ => pieces[random.Next(pieces.Length)]));
            TokenList fast = TokenList.Create(text), slow = TokenList.Create(text);
            bool[] delete = new bool[fast.Count];
            for (int i = 0; i < delete.Length; i++)
            {
                delete[i] = fast[i].Kind == TokenKind.Word && random.Next(3) == 0;
            }

            fast.RemoveWords(delete);
            RemoveOneByOne(slow, delete);
            Assert.Equal(slow.Render(), fast.Render());
            Assert.Equal(slow.Count, fast.Count);
        }
    }

    [Fact]
    public void The_insertion_sequence_finds_boundaries_and_inserts_as_a_plain_list_does()
    {
        var random = new Random(5);
        TokenList source = TokenList.Create("one two three four five six seven eight nine ten");
        var list = new List<(Token Token, bool Boundary)>();
        bool[] marks = new bool[source.Count];
        for (int i = 0; i < source.Count; i++)
        {
            marks[i] = random.Next(2) == 0;
            list.Add((source[i], marks[i]));
        }

        using var sequence = new InsertionSequence(source.AsSpan(), marks, 2_000);
        for (int step = 0; step < 1_000; step++)
        {
            int position = random.Next(list.Count + 1);
            Token token = Token.Inserted("w" + step.ToString(System.Globalization.CultureInfo.InvariantCulture), TokenKind.Word);
            sequence.Insert(position, token);
            list.Insert(position, (token, false));
            int flip = random.Next(list.Count);
            bool value = random.Next(2) == 0;
            sequence.SetBoundary(flip, value);
            list[flip] = (list[flip].Token, value);

            int[] expected = [.. Enumerable.Range(0, list.Count).Where(i => list[i].Boundary)];
            Assert.Equal(expected.Length, sequence.BoundaryCount);
            int k = random.Next(Math.Max(1, expected.Length));
            if (expected.Length > 0)
            {
                Assert.Equal(expected[k], sequence.PositionOfBoundary(k));
            }

            int at = random.Next(list.Count);
            Assert.Equal(list[at].Token.ToString(), sequence[at].ToString());
        }

        var result = new TokenList();
        sequence.CopyTo(result);
        Assert.Equal(string.Concat(list.Select(t => t.Token.ToString())), result.Render());
    }

    // A flat list shifts the tail once per deleted or inserted word: quadratic. The old code took about 57 s for
    // random_deletion on an 800,000-word line and about 27 s for random_insertion (alpha 0.1) on 100,000 words, and grew
    // fourfold per doubling. The tests count the tokens moved (TokenList.Shifted), not the time: linear work moves each
    // token a bounded number of times; the old code moved about 3·10^10 tokens for the deletions below.
    [Fact]
    public void A_line_of_800_000_words_is_deleted_from_in_linear_work()
    {
        string line = LongLine(800_000);
        var stage = new RandomDeletionAugmenter(0.1);
        TokenList.Shifted = 0;
        string output = stage.Augment(line, AugmentRandom.For(1, "long", 0));
        int words = output.Split(' ').Length;
        Assert.InRange(words, 700_000, 740_000);
        Assert.InRange(TokenList.Shifted, 1, 2 * 1_600_000); // 1.6M tokens: the words and the spaces between them
    }

    [Fact]
    public void A_line_of_200_000_words_gets_20_000_insertions_in_linear_work()
    {
        string line = LongLine(200_000);
        var stage = new RandomInsertionAugmenter(Small, new EdaCountOptions { Alpha = 0.1 });
        TokenList.Shifted = 0;
        string output = stage.Augment(line, AugmentRandom.For(1, "long", 0));
        Assert.Equal(220_000, output.Split(' ').Length);
        Assert.InRange(TokenList.Shifted, 0, 2 * 400_000);
    }

    [Fact]
    public void The_count_sees_a_flat_list_shift_its_tail()
    {
        TokenList tokens = TokenList.Create(LongLine(1_000));
        TokenList.Shifted = 0;
        for (int i = 0; i < 100; i++)
        {
            tokens.Insert(0, Token.Inserted("w", TokenKind.Word));
        }

        Assert.True(TokenList.Shifted >= 100 * 1_999, $"{TokenList.Shifted} tokens moved");
    }

    private static string LongLine(int words)
    {
        string[] vocabulary = ["film", "was", "great", "actors", "good", "the", "story", "movie"];
        return string.Join(' ', Enumerable.Range(0, words).Select(i => vocabulary[(i * 7 + i / 3) % vocabulary.Length]));
    }

    // The removal as random_deletion did it before the one-pass RemoveWords, with its rule: a word whose removal would make
    // the tokens then on either side read as one stays.
    private static void RemoveOneByOne(TokenList tokens, bool[] delete)
    {
        for (int i = tokens.Count - 1; i >= 0; i--)
        {
            if (!delete[i])
            {
                continue;
            }

            ReadOnlySpan<Token> all = tokens.AsSpan();
            bool before = i > 0 && all[i - 1].Kind == TokenKind.Whitespace;
            bool after = !before && i + 1 < all.Length && all[i + 1].Kind == TokenKind.Whitespace;
            int left = before ? i - 2 : i - 1, right = after ? i + 2 : i + 1;
            if (left >= 0 && TokenJoin.ReadsAsOne(all[left], all[right..]))
            {
                continue;
            }

            if (before)
            {
                tokens.RemoveRange(i - 1, 2);
                i--;
            }
            else if (after)
            {
                tokens.RemoveRange(i, 2);
            }
            else
            {
                tokens.RemoveRange(i, 1);
            }
        }
    }
}
