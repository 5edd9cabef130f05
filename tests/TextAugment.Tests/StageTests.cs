using TextAugment.Augmenters;
using TextAugment.Dictionaries;
using TextAugment.Text;

namespace TextAugment.Tests;

public class StageTests
{
    private static readonly SynonymDictionary Small = SynonymDictionary.Load(TestPaths.Fixture("synonyms.tsv"));

    [Theory]
    [InlineData(0.1, 1, int.MaxValue, 10, 1)]
    [InlineData(0.1, 1, int.MaxValue, 20, 2)]
    [InlineData(0.25, 1, int.MaxValue, 10, 3)] // 2.5 rounds half up
    [InlineData(0.5, 1, 2, 10, 2)]
    [InlineData(0.0, 0, int.MaxValue, 10, 0)]
    [InlineData(0.0, 1, int.MaxValue, 10, 1)]
    public void The_substitution_count_is_p_times_eligible_rounded_and_clamped(double p, int min, int max, int eligible, int expected)
    {
        Assert.Equal(expected, new SubstitutionOptions { Probability = p, Min = min, Max = max }.CountFor(eligible));
    }

    [Fact]
    public void Synonym_replacement_changes_exactly_the_counted_words_and_skips_stop_words()
    {
        var augmenter = new SynonymAugmenter(Small, new SubstitutionOptions { Probability = 1.0 });
        // Eligible (not stop words, with candidates): film, great, actors, good -> all four replaced.
        string output = augmenter.Augment("The film was great and the actors were good", AugmentRandom.For(3, "a", 0));
        string[] words = output.Split(' ');
        Assert.Equal("The", words[0]);
        Assert.Contains(words[1], new[] { "movie", "picture" });
        Assert.Equal("was", words[2]);
        Assert.Contains(words[3], new[] { "superb", "fine" });
        Assert.Equal("players", words[6]);
    }

    [Fact]
    public void Random_deletion_never_deletes_every_word()
    {
        var augmenter = new RandomDeletionAugmenter(1.0);
        for (int v = 0; v < 100; v++)
        {
            string output = augmenter.Augment("red green blue white", AugmentRandom.For(1, "d", v));
            Assert.Single(output.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }
    }

    [Fact]
    public void Random_deletion_takes_the_whitespace_with_the_word()
    {
        var augmenter = new RandomDeletionAugmenter(0.5);
        for (int v = 0; v < 100; v++)
        {
            string output = augmenter.Augment("alpha beta gamma delta epsilon", AugmentRandom.For(1, "w", v));
            Assert.DoesNotContain("  ", output, StringComparison.Ordinal);
            Assert.False(output.StartsWith(' ') || output.EndsWith(' '), output);
        }
    }

    [Fact]
    public void Random_swap_keeps_the_same_words_and_moves_some()
    {
        var augmenter = new RandomSwapAugmenter(new EdaCountOptions { Count = 1 });
        const string text = "alpha beta gamma delta";
        string output = augmenter.Augment(text, AugmentRandom.For(2, "s", 0));
        Assert.NotEqual(text, output);
        Assert.Equal(text.Split(' ').Order(StringComparer.Ordinal), output.Split(' ').Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(null, 1, 20, 1)]
    [InlineData(0.1, 1, 20, 2)]
    [InlineData(0.1, 1, 5, 1)] // EDA: max(1, int(0.1 * 5))
    [InlineData(0.3, 1, 9, 2)]
    public void Eda_counts_follow_max_1_alpha_times_words(double? alpha, int count, int words, int expected)
    {
        Assert.Equal(expected, new EdaCountOptions { Alpha = alpha, Count = count }.For(words));
    }

    [Fact]
    public void Random_insertion_adds_a_synonym_of_a_word_of_the_sentence()
    {
        var augmenter = new RandomInsertionAugmenter(Small, new EdaCountOptions { Count = 1 });
        string output = augmenter.Augment("the dull story", AugmentRandom.For(4, "i", 0));
        string[] words = output.Split(' ');
        Assert.Equal(4, words.Length);
        string inserted = words.Except(["the", "dull", "story"]).Single();
        Assert.Contains(inserted, new[] { "boring", "tedious", "tale", "plot" });
    }

    [Fact]
    public void One_of_follows_its_weights()
    {
        var always = Augment.OneOf([new RandomDeletionAugmenter(1.0), new RandomSwapAugmenter()], [0.0, 1.0]);
        for (int v = 0; v < 50; v++)
        {
            Assert.Equal(4, always.Augment("a1 b2 c3 d4", AugmentRandom.For(1, "o", v), Protection.None).Split(' ').Length);
        }

        var even = Augment.OneOf(new RandomDeletionAugmenter(1.0), new RandomSwapAugmenter());
        int deletions = Enumerable.Range(0, 2000).Count(v => even.Augment("alpha beta gamma delta", AugmentRandom.For(1, "o", v)).Split(' ').Length == 1);
        Assert.InRange(deletions, 900, 1100); // Binomial(2000, 0.5): mean 1000, sd 22
    }

    [Theory]
    [InlineData(1e308, 1e308)] // their sum is infinite: every draw fell on the last stage
    [InlineData(double.MaxValue, double.MaxValue)]
    public void One_of_with_weights_whose_sum_overflows_still_picks_each_stage_by_its_weight(double first, double second)
    {
        var even = Augment.OneOf([new RandomDeletionAugmenter(1.0), new RandomSwapAugmenter()], [first, second]);
        int deletions = Enumerable.Range(0, 2000).Count(v => even.Augment("alpha beta gamma delta", AugmentRandom.For(1, "o", v)).Split(' ').Length == 1);
        Assert.InRange(deletions, 900, 1100);

        var table = new AliasTable([first, second, 0]);
        var random = new AugmentRandom(3);
        int[] counts = new int[3];
        for (int i = 0; i < 2000; i++)
        {
            counts[table.Sample(random)]++;
        }

        Assert.InRange(counts[0], 900, 1100);
        Assert.Equal(0, counts[2]);
    }

    [Fact]
    public void Sometimes_applies_its_stage_with_probability_p()
    {
        var sometimes = Augment.Sometimes(0.3, new RandomDeletionAugmenter(1.0));
        int applied = Enumerable.Range(0, 2000).Count(v => sometimes.Augment("alpha beta gamma", AugmentRandom.For(2, "s", v)).Split(' ').Length == 1);
        Assert.InRange(applied, 540, 660); // mean 600, sd 20.5
        Assert.Equal("alpha beta", Augment.Sometimes(0, new RandomDeletionAugmenter(1.0)).Augment("alpha beta", AugmentRandom.For(1, "s", 0)));
    }

    [Fact]
    public void A_generator_gives_exactly_n_distinct_variants_and_falls_back_when_it_cannot()
    {
        var generator = new VariantGenerator(new SynonymAugmenter(Small), new VariantOptions { Variants = 3, Seed = 1 });
        IReadOnlyList<string> variants = generator.Generate("1", "a great film");
        Assert.Equal(3, variants.Count);
        Assert.Equal(3, variants.Distinct().Count());
        Assert.DoesNotContain("a great film", variants);

        // "film" has two synonyms: two distinct variants at most; the third falls back.
        var worker = new VariantGenerator.Worker(new VariantGenerator(new SynonymAugmenter(Small), new VariantOptions { Variants = 3, MaxAttempts = 5 }));
        worker.Run(ExampleBatch.Of([new Example("1", "film", null)]));
        Assert.Equal(1, worker.Fallbacks);
        Assert.Equal(new[] { "movie", "picture" }, new[] { worker.Variant(0, 0).ToString(), worker.Variant(0, 1).ToString() }.Order(StringComparer.Ordinal));
    }

    /// <summary>A stage that records how many sentences each batch call gets, and prefers large batches or not.</summary>
    private sealed class BatchRecorder(bool large) : Augmenter
    {
        private static readonly RandomSwapAugmenter Swap = new(new EdaCountOptions { Count = 2 });

        public List<int> Calls { get; } = [];

        protected internal override bool PrefersLargeBatches => large;

        protected internal override void AugmentBatchCore(IReadOnlyList<TokenList> batch, IReadOnlyList<AugmentRandom> randoms)
        {
            Calls.Add(batch.Count);
            base.AugmentBatchCore(batch, randoms);
        }

        protected internal override void AugmentCore(TokenList tokens, AugmentRandom random) =>
            Swap.AugmentCore(tokens, random);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_batch_gives_the_variants_one_call_per_example_gives_in_groups_or_whole(bool large)
    {
        // 30 examples: more than one group of a stage that works sentence by sentence, so a group's variants must not
        // drop the groups' before (a whole-batch run keeps them all), and a stage that prefers large batches sees all 30.
        Example[] examples = [.. Enumerable.Range(0, 30).Select(i => new Example($"e{i}", $"w{i} alpha beta gamma delta {i}", null))];
        var recorder = new BatchRecorder(large);
        var generator = new VariantGenerator(recorder, new VariantOptions { Variants = 4, Seed = 9 });
        IReadOnlyList<IReadOnlyList<string>> batch = generator.Generate(examples);
        var single = new VariantGenerator(new BatchRecorder(large), new VariantOptions { Variants = 4, Seed = 9 });
        for (int i = 0; i < examples.Length; i++)
        {
            Assert.Equal(single.Generate(examples[i].Id, examples[i].Text), batch[i]);
        }

        // The first try of every variant: of all 30 examples at once, or of a group of 4 (16 variants) at a time.
        Assert.Equal(large ? 30 * 4 : 4 * 4, recorder.Calls[0]);
        Assert.Equal(large ? 30 * 4 : 4 * 4, recorder.Calls.Max());
        Assert.Equal(large, Augment.OneOf([new RandomDeletionAugmenter(0.1), recorder]).PrefersLargeBatches);
        Assert.Equal(large, Augment.Sometimes(0.5, recorder).PrefersLargeBatches);
        Assert.Equal(large, Augment.Sequence([new RandomSwapAugmenter(), recorder]).PrefersLargeBatches);
    }

    [Fact]
    public void Random_streams_are_stable_across_runs_and_machines()
    {
        // Pinned values: if this changes, every user's output for the same seed changes.
        var random = AugmentRandom.For(13, "example-1", 2, attempt: 1);
        Assert.Equal(4476795145586625636UL, random.NextUInt64());
        Assert.Equal(143, random.Next(1000));
    }

    [Fact]
    public void Next_is_uniform_over_its_range()
    {
        var random = new AugmentRandom(99);
        var counts = new int[7];
        for (int i = 0; i < 70000; i++)
        {
            counts[random.Next(7)]++;
        }

        Assert.All(counts, c => Assert.InRange(c, 9500, 10500));
    }
}
