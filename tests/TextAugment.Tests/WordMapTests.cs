using TextAugment.Text;

namespace TextAugment.Tests;

/// <summary>
/// <see cref="WordMap{TValue}"/>, the lock-free-read map behind every per-word cache of the substitution sources: it must
/// give back what was added for exactly that word form, through its growth, under its limit and from many threads at once.
/// </summary>
public class WordMapTests
{
    [Fact]
    public void Given_many_words_When_added_Then_each_gives_back_its_own_value_through_every_growth()
    {
        var cache = new WordMap<string>();
        for (int i = 0; i < 50_000; i++)
        {
            Assert.Equal($"v{i}", cache.GetOrAdd($"w{i}", $"v{i}"));
        }

        Assert.Equal(50_000, cache.Count);
        for (int i = 0; i < 50_000; i++)
        {
            Assert.True(cache.TryGetValue($"w{i}".AsSpan(), out string? value));
            Assert.Equal($"v{i}", value);
        }

        // Ordinal: another case, a prefix, a longer form, the empty word are other keys.
        Assert.False(cache.TryGetValue("W1", out _));
        Assert.False(cache.TryGetValue("w", out _));
        Assert.False(cache.TryGetValue("w10000000", out _));
        Assert.False(cache.TryGetValue("", out _));
        Assert.Equal("empty", cache.GetOrAdd("", "empty"));
        Assert.True(cache.TryGetValue("", out string? empty));
        Assert.Equal("empty", empty);
    }

    [Fact]
    public void Given_a_word_already_cached_When_added_again_Then_the_first_value_stays()
    {
        var cache = new WordMap<string>();
        string first = cache.GetOrAdd("film", "movie");
        string second = cache.GetOrAdd("film", "picture");
        Assert.Equal("movie", first);
        Assert.Equal("movie", second);
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void Given_a_full_cache_When_a_new_word_comes_Then_its_value_is_returned_and_not_kept()
    {
        var cache = new WordMap<string>(limit: 3);
        foreach (string word in new[] { "a", "b", "c" })
        {
            cache.GetOrAdd(word, word.ToUpperInvariant());
        }

        Assert.Equal("D", cache.GetOrAdd("d", "D"));
        Assert.False(cache.TryGetValue("d", out _));
        Assert.Equal(3, cache.Count);
        Assert.True(cache.TryGetValue("c", out string? c));
        Assert.Equal("C", c);
        Assert.Throws<ArgumentOutOfRangeException>(() => new WordMap<string>(limit: 0));
    }

    [Fact]
    public void Given_threads_adding_and_reading_the_same_words_When_they_race_Then_every_reader_sees_one_value_per_word()
    {
        var cache = new WordMap<string>();
        const int Words = 20_000;
        int[] strides = [7_919, 9_973, 10_007, 12_347]; // primes: coprime with Words
        var seen = new string?[4][];
        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, t =>
        {
            var mine = seen[t] = new string?[Words];
            for (int k = 0; k < Words; k++)
            {
                int i = (int)((k * (long)strides[t] + 1_234 * t) % Words); // each thread in its own order, every word once
                string word = "word" + i;
                mine[i] = cache.TryGetValue(word, out string? found) ? found : cache.GetOrAdd(word, $"{i}@{t}");
                Assert.StartsWith($"{i}@", mine[i]);
            }
        });

        Assert.Equal(Words, cache.Count);
        for (int i = 0; i < Words; i++)
        {
            Assert.True(cache.TryGetValue("word" + i, out string? kept));
            Assert.All(seen, thread => Assert.Equal(kept, thread[i]));
        }
    }
}
