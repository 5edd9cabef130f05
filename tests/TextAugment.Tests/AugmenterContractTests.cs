using TextAugment.Augmenters;
using TextAugment.Dictionaries;
using TextAugment.Corpus;
using TextAugment.Text;
using TextAugment.Vectors;

namespace TextAugment.Tests;

/// <summary>The contract every augmenter keeps, run against each one.</summary>
public class AugmenterContractTests
{
    private static readonly SynonymDictionary Small = SynonymDictionary.Load(TestPaths.Fixture("synonyms.tsv"));
    private static readonly SynonymDictionary Empty = SynonymDictionary.Create([]);
    private static readonly WordVectors Vectors = WordVectors.Load(Path.Combine(TestPaths.Root, "models", "en-vectors.bin"));
    private static readonly TfIdfStatistics Statistics = TfIdfStatistics.Fit(["The film was great.", "A dull movie, a weak story.", "Good actors and good music."]);

    public static TheoryData<string> Names => ["synonym", "word_vector", "tfidf", "random_swap", "random_deletion", "random_insertion", "sequence", "one_of", "sometimes"];

    private static Augmenter Make(string name, SynonymDictionary dictionary) => name switch
    {
        "synonym" => new SynonymAugmenter(dictionary, new SubstitutionOptions { Probability = 0.5 }),
        "word_vector" => new WordVectorAugmenter(Vectors, options: new SubstitutionOptions { Probability = 0.5 }),
        "tfidf" => new TfIdfAugmenter(Statistics, new TfIdfOptions { Probability = 0.3 }),
        "random_swap" => new RandomSwapAugmenter(new EdaCountOptions { Count = 2 }),
        "random_deletion" => new RandomDeletionAugmenter(0.3),
        "random_insertion" => new RandomInsertionAugmenter(dictionary, new EdaCountOptions { Count = 2 }),
        "sequence" => Augment.Sequence(new SynonymAugmenter(dictionary), new RandomSwapAugmenter()),
        "one_of" => Augment.OneOf(new SynonymAugmenter(dictionary), new RandomDeletionAugmenter(0.3)),
        _ => Augment.Sometimes(0.5, new RandomSwapAugmenter()),
    };

    private const string Sentence = "The film was great and the actors were good, but the story was dull.";

    [Theory]
    [MemberData(nameof(Names))]
    public void The_same_seed_gives_the_same_output(string name)
    {
        Augmenter augmenter = Make(name, Small);
        for (int variant = 0; variant < 20; variant++)
        {
            string first = augmenter.Augment(Sentence, AugmentRandom.For(13, "id-1", variant));
            string second = augmenter.Augment(Sentence, AugmentRandom.For(13, "id-1", variant));
            Assert.Equal(first, second);
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Different_variants_give_different_outputs(string name)
    {
        Augmenter augmenter = Make(name, Small);
        var outputs = Enumerable.Range(0, 30).Select(v => augmenter.Augment(Sentence, AugmentRandom.For(13, "id-1", v))).ToHashSet();
        Assert.True(outputs.Count > 3, $"{name} gave only {outputs.Count} distinct outputs in 30 variants");
    }

    [Theory]
    [InlineData("synonym")]
    [InlineData("random_insertion")]
    public void With_no_candidates_the_original_text_comes_back(string name)
    {
        Augmenter augmenter = Make(name, Empty);
        const string text = "  Odd   spacing,\tkept — exactly!\n";
        Assert.Equal(text, augmenter.Augment(text, AugmentRandom.For(1, "x", 0)));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Protected_tokens_are_never_changed_moved_or_deleted(string name)
    {
        Augmenter augmenter = Make(name, Small);
        // Made-up protected words, so that no stage can produce them as replacements.
        var protection = Protection.Create(new ProtectionOptions { Words = ["xqzt", "vlorp"] });
        const string text = "The Xqzt film costs 42 dollars, see https://x.org/film now; the vlorp story is dull but good.";
        for (int v = 0; v < 50; v++)
        {
            string output = augmenter.Augment(text, AugmentRandom.For(5, "p", v), protection);
            var words = TokenList.Create(output, Protection.None).AsSpan().ToArray().Select(t => t.ToString()).ToList();
            Assert.Contains("https://x.org/film", output, StringComparison.Ordinal);
            // Protected words are all there, unchanged, in their order.
            int xqzt = words.IndexOf("Xqzt"), number = words.IndexOf("42"), vlorp = words.IndexOf("vlorp");
            Assert.True(xqzt >= 0 && number > xqzt && vlorp > number, output);
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Empty_and_whitespace_only_input_is_returned_unchanged(string name)
    {
        Augmenter augmenter = Make(name, Small);
        foreach (string text in new[] { "", " ", "\t\n  ", "...", "42" })
        {
            Assert.Equal(text, augmenter.Augment(text, AugmentRandom.For(1, "e", 0)));
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void A_batch_gives_the_same_result_as_one_call_per_sentence(string name)
    {
        Augmenter augmenter = Make(name, Small);
        string[] texts = ["The film was great.", "A dull movie with a weak story.", "", "Good actors and good music."];
        var batch = texts.Select(t => TokenList.Create(t)).ToList();
        var randoms = texts.Select((_, i) => AugmentRandom.For(9, i.ToString(System.Globalization.CultureInfo.InvariantCulture), 0)).ToList();
        augmenter.Augment(batch, randoms);
        for (int i = 0; i < texts.Length; i++)
        {
            Assert.Equal(augmenter.Augment(texts[i], AugmentRandom.For(9, i.ToString(System.Globalization.CultureInfo.InvariantCulture), 0)), batch[i].Render());
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Batch_after_batch_on_several_threads_gives_the_result_of_one_call_per_sentence(string name)
    {
        // A stage is shared by every worker thread and keeps per-thread scratch between batches (one_of's groups): batches
        // of different sizes and sentences, run at once on four threads, must each equal one call per sentence.
        Augmenter augmenter = Make(name, Small);
        string[] texts = ["The film was great.", "A dull movie with a weak story.", "Good actors and good music.", "The story was dull but the actors were great.", "A weak film."];
        string Id(int thread, int round, int i) => $"{thread}.{round}.{i}";
        string[][][] results = new string[4][][];
        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, thread =>
        {
            results[thread] = new string[30][];
            for (int round = 0; round < 30; round++)
            {
                int size = 1 + ((round * 7 + thread) % 12);
                var batch = Enumerable.Range(0, size).Select(i => TokenList.Create(texts[(i + round) % texts.Length])).ToList();
                var randoms = Enumerable.Range(0, size).Select(i => AugmentRandom.For(3, Id(thread, round, i), 0)).ToList();
                augmenter.Augment(batch, randoms);
                results[thread][round] = [.. batch.Select(tokens => tokens.Render())];
            }
        });

        for (int thread = 0; thread < 4; thread++)
        {
            for (int round = 0; round < 30; round++)
            {
                for (int i = 0; i < results[thread][round].Length; i++)
                {
                    Assert.Equal(augmenter.Augment(texts[(i + round) % texts.Length], AugmentRandom.For(3, Id(thread, round, i), 0)), results[thread][round][i]);
                }
            }
        }
    }
}
