using TextAugment.Augmenters;
using TextAugment.Corpus;
using TextAugment.Text;

namespace TextAugment.Tests;

/// <summary>UDA's TF-IDF replacement, checked against values computed by hand on a three-sentence corpus.</summary>
public class TfIdfTests
{
    // N = 3. DF: the 3, cat 2, sat 2, dog 1, ran 1. IDF = log(N/DF). T(w) = Σ count/|x| (|x| = 3 each).
    private static readonly TfIdfStatistics Tiny = TfIdfStatistics.Fit(["The cat sat.", "the dog sat", "the cat ran"]);

    private static readonly double Log15 = Math.Log(1.5), Log3 = Math.Log(3);

    [Fact]
    public void Statistics_match_the_definitions()
    {
        Assert.Equal(3, Tiny.Documents);
        Assert.Equal(0, Tiny.Idf("the"), 12);
        Assert.Equal(Log15, Tiny.Idf("CAT"), 12);
        Assert.Equal(Log3, Tiny.Idf("dog"), 12);
        Assert.Equal(Log3, Tiny.Idf("unseen"), 12); // an unseen word counts as seen once
        Assert.Equal(0, Tiny.Score("the"), 12);
        Assert.Equal(Log15 * 2 / 3, Tiny.Score("cat"), 12);
        Assert.Equal(Log3 / 3, Tiny.Score("ran"), 12);
    }

    [Fact]
    public void The_replacement_distribution_prefers_non_keywords()
    {
        var augmenter = new TfIdfAugmenter(Tiny);
        var q = augmenter.Vocabulary.Zip(augmenter.ReplacementWeights).ToDictionary(e => e.First, e => e.Second, StringComparer.Ordinal);
        double max = Log3 / 3; // S(dog) = S(ran)
        Assert.Equal(max, q["the"], 12);
        Assert.Equal(max - Log15 * 2 / 3, q["cat"], 12);
        Assert.Equal(0, q["dog"], 12);
        Assert.Equal(0, q["ran"], 12);
    }

    [Theory]
    [InlineData("the cat sat", 0.1, new[] { 0.3, 0, 0 })]
    [InlineData("the cat sat", 0.5, new[] { 1.0, 0, 0 })] // p·|x|·1 = 1.5, capped at 1
    [InlineData("cat cat", 0.2, new[] { 0.2, 0.2 })]      // all equal: Σ (C − TFIDF) = 0, so P = p
    public void Probabilities_match_hand_computed_values(string text, double p, double[] expected)
    {
        Assert.Equal(expected, WordProbabilities(new TfIdfAugmenter(Tiny, new TfIdfOptions { Probability = p }), text), new Tolerance(1e-12));
    }

    [Fact]
    public void Probabilities_for_repeated_words_follow_the_formula()
    {
        // x = "the dog sat the": TFIDF the = 2/4·0 = 0, dog = log 3 / 4, sat = log 1.5 / 4; C = log 3 / 4.
        double c = Log3 / 4, sat = Log15 / 4;
        double sum = 2 * c + (c - sat);
        double[] expected = [0.1 * 4 * c / sum, 0, 0.1 * 4 * (c - sat) / sum, 0.1 * 4 * c / sum];
        Assert.Equal(expected, WordProbabilities(new TfIdfAugmenter(Tiny), "the dog sat the"), new Tolerance(1e-12));
    }

    [Fact]
    public void Protected_and_excluded_stop_words_are_never_replaced_and_others_keep_their_chance()
    {
        var withStop = new TfIdfAugmenter(Tiny, new TfIdfOptions { IncludeStopWords = false });
        double[] all = WordProbabilities(new TfIdfAugmenter(Tiny), "the dog sat the");
        double[] without = WordProbabilities(withStop, "the dog sat the");
        Assert.Equal([0, 0, all[2], 0], without);
    }

    [Fact]
    public void Replacement_frequencies_match_p_i_and_q_over_many_seeded_runs()
    {
        var augmenter = new TfIdfAugmenter(Tiny, new TfIdfOptions { Probability = 0.3 });
        const string text = "the dog sat the";
        double[] p = WordProbabilities(augmenter, text);
        int[] wordIndex = [0, 2, 4, 6];
        const int runs = 20000;
        var replaced = new int[4];
        var chosen = new Dictionary<string, int>(StringComparer.Ordinal);
        var tokens = new TokenList();
        for (int run = 0; run < runs; run++)
        {
            tokens.Reset(text, Protection.None);
            augmenter.Augment(tokens, AugmentRandom.For(5, "x", run));
            for (int k = 0; k < 4; k++)
            {
                Token t = tokens[wordIndex[k]];
                if (t.Has(TokenFlags.Changed))
                {
                    replaced[k]++;
                    chosen[t.ToString()] = chosen.GetValueOrDefault(t.ToString()) + 1;
                }
            }
        }

        // Each position: Binomial(runs, P_i); allow 4.5 standard deviations (a false alarm about 1 in 150,000).
        for (int k = 0; k < 4; k++)
        {
            double sd = Math.Sqrt(runs * p[k] * (1 - p[k]));
            Assert.InRange(replaced[k], runs * p[k] - 4.5 * sd - 1e-9, runs * p[k] + 4.5 * sd + 1e-9);
        }

        // Replacements: multinomial over q; dog and ran (q = 0) never appear.
        int total = replaced.Sum();
        double qSum = augmenter.ReplacementWeights.Sum();
        for (int w = 0; w < augmenter.Vocabulary.Count; w++)
        {
            double q = augmenter.ReplacementWeights[w] / qSum;
            double sd = Math.Sqrt(total * q * (1 - q));
            int seen = chosen.GetValueOrDefault(augmenter.Vocabulary[w]);
            Assert.InRange(seen, total * q - 4.5 * sd - 1e-9, total * q + 4.5 * sd + 1e-9);
        }
    }

    [Fact]
    public void A_replacement_keeps_the_case_of_the_word_it_replaces()
    {
        var augmenter = new TfIdfAugmenter(Tiny, new TfIdfOptions { Probability = 1 });
        string output = augmenter.Augment("THE dog", AugmentRandom.For(1, "c", 0), Protection.None);
        Assert.Equal(output.Split(' ')[0].ToUpperInvariant(), output.Split(' ')[0]);
    }

    [Fact]
    public void Statistics_survive_a_save_and_load_and_shards_merge_into_the_whole()
    {
        string path = Path.Combine(TestPaths.NewTempDirectory(), "stats.tsv");
        Tiny.Save(path);
        TfIdfStatistics loaded = TfIdfStatistics.Load(path);
        Assert.Equal(Tiny.Documents, loaded.Documents);
        foreach (string w in Tiny.Words)
        {
            Assert.Equal(Tiny.Score(w), loaded.Score(w));
        }

        TfIdfStatistics merged = TfIdfStatistics.Fit(["The cat sat."]).Merge(TfIdfStatistics.Fit(["the dog sat", "the cat ran"]));
        foreach (string w in Tiny.Words)
        {
            Assert.Equal(Tiny.Score(w), merged.Score(w), 12);
        }
    }

    [Fact]
    public void A_damaged_statistics_file_names_its_line()
    {
        string path = Path.Combine(TestPaths.NewTempDirectory(), "stats.tsv");
        File.WriteAllText(path, "# textaugment tfidf v1\ndocuments\t3\nthe\t3\t1\ncat\tmany\t0.5\n");
        var error = Assert.Throws<DataFormatException>(() => TfIdfStatistics.Load(path));
        Assert.StartsWith($"{path}:4: expected 'word<TAB>DF<TAB>T'", error.Message, StringComparison.Ordinal);
        File.WriteAllText(path, "word\tsyn\n");
        Assert.Contains(":1:1: not a TF-IDF statistics file", Assert.Throws<DataFormatException>(() => TfIdfStatistics.Load(path)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(40)]   // counted by the vectorised per-word count
    [InlineData(3000)] // counted by sorting the hashes
    public void Probabilities_of_short_and_long_examples_follow_the_formula(int words)
    {
        // Words of the corpus and unseen ones, in mixed case, many repeated: count_x(w) is case-insensitive.
        string[] pool = ["the", "The", "CAT", "cat", "sat", "dog", "Ran", "zebra", "Zebra", "quokka"];
        var random = new Random(words);
        string[] text = [.. Enumerable.Range(0, words).Select(_ => pool[random.Next(pool.Length)])];
        var counts = text.GroupBy(w => w, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
        double[] tfidf = [.. text.Select(w => (double)counts[w] / words * Tiny.Idf(w))];
        double c = tfidf.Max(), sum = tfidf.Sum(t => c - t);
        double[] expected = [.. tfidf.Select(t => Math.Min(1, 0.1 * words * (c - t) / sum))];
        var tokens = new TokenList();
        tokens.Reset(string.Join(' ', text), Protection.None); // no word protected: every word's P_i is the formula's
        var all = new double[tokens.Count];
        new TfIdfAugmenter(Tiny).GetReplacementProbabilities(tokens, all);
        Assert.Equal(expected, Enumerable.Range(0, tokens.Count).Where(i => tokens[i].Kind == TokenKind.Word).Select(i => all[i]), new Tolerance(1e-12));
    }

    [Fact]
    public void Work_per_example_grows_linearly_with_its_length()
    {
        // The stage was quadratic in the length of one example (20 s for 30,000 words). Ten times the words must
        // take about ten times as long (n log n: about 12), far from the hundred times a quadratic count takes; the best
        // of five runs each, and a bound of 45 (30 was passed once, at 30.1, with the suite sharing two busy cores).
        var augmenter = new TfIdfAugmenter(Tiny, new TfIdfOptions { Probability = 0.1 });
        string[] pool = ["the", "cat", "sat", "dog", "ran", "zebra", "quokka", "The", "Cat"];
        string Line(int n) => string.Join(' ', Enumerable.Range(0, n).Select(i => pool[i * 7 % pool.Length]));
        string shorter = Line(20_000), longer = Line(200_000);
        double Best(string line)
        {
            double best = double.MaxValue;
            for (int run = 0; run < 5; run++)
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                string augmented = augmenter.Augment(line, new AugmentRandom(1));
                best = Math.Min(best, clock.Elapsed.TotalSeconds);
                Assert.NotEqual(line, augmented);
            }

            return best;
        }

        Best(shorter); // warm up
        double ratio = Best(longer) / Best(shorter);
        Assert.True(ratio < 45, $"200,000 words took {ratio:F1} times as long as 20,000 (linear: about 10, quadratic: about 100).");
    }

    [Fact]
    public void Alias_sampling_follows_its_weights()
    {
        var table = new AliasTable([1, 0, 3, 6]);
        var random = new AugmentRandom(3);
        var counts = new int[4];
        for (int i = 0; i < 100000; i++)
        {
            counts[table.Sample(random)]++;
        }

        Assert.Equal(0, counts[1]);
        Assert.InRange(counts[0], 9000, 11000);
        Assert.InRange(counts[2], 29000, 31000);
        Assert.InRange(counts[3], 59000, 61000);
    }

    private static double[] WordProbabilities(TfIdfAugmenter augmenter, string text)
    {
        var tokens = new TokenList();
        tokens.Reset(text, Protection.Default);
        var all = new double[tokens.Count];
        augmenter.GetReplacementProbabilities(tokens, all);
        return [.. Enumerable.Range(0, tokens.Count).Where(i => tokens[i].Kind == TokenKind.Word).Select(i => all[i])];
    }

    private sealed class Tolerance(double epsilon) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= epsilon;

        public int GetHashCode(double obj) => 0;
    }
}
