using TextAugment.Augmenters;
using TextAugment.Classification;
using TextAugment.Corpus;
using TextAugment.Dictionaries;

namespace TextAugment.Tests;

/// <summary>The C# example of README.md, as written there, does what the README says.</summary>
public class ReadmeExampleTests
{
    [Fact]
    public void The_readme_library_example_runs()
    {
        SynonymDictionary synonyms = SynonymDictionary.Load(TestPaths.WordNet);
        Augmenter augmenter = Augment.Sequence(
            new SynonymAugmenter(synonyms, new SubstitutionOptions { Probability = 0.2 }),
            Augment.Sometimes(0.5, new RandomSwapAugmenter()));

        string once = augmenter.Augment("The film was GREAT, and 2 actors shone.", AugmentRandom.For(13, "example-1", 0));
        Assert.Equal(once, augmenter.Augment("The film was GREAT, and 2 actors shone.", AugmentRandom.For(13, "example-1", 0)));
        Assert.Contains(" 2 ", once, StringComparison.Ordinal);

        var generator = new VariantGenerator(augmenter, new VariantOptions { Variants = 4, Seed = 13 });
        IReadOnlyList<string> variants = generator.Generate("example-1", "The film was great.");
        Assert.Equal(4, variants.Distinct().Count());
        Assert.DoesNotContain("The film was great.", variants);

        // Train, evaluate, predict (smaller than the README's model, to keep the suite quick).
        List<Example> train = CorpusReader.ReadLabelled(Path.Combine(TestPaths.Root, "pipelines", "data", "wordnet-topics-train.tsv"));
        var (model, report) = Trainer.Train(train, validation: null, new TrainerOptions { Hidden = [16], Dropout = 0.3, L1 = 1e-4, Features = new FeatureOptions { Dimensions = 16, Buckets = 1 << 16 } });
        Assert.Contains("At epoch", report.Diagnosis, StringComparison.Ordinal);
        Evaluation scores = Evaluation.Of(model, CorpusReader.ReadLabelled(Path.Combine(TestPaths.Root, "pipelines", "data", "wordnet-topics-test.tsv")));
        Assert.True(scores.Accuracy > 0.6, $"accuracy {scores.Accuracy}");
        Prediction prediction = model.Predict("a small songbird with a red breast");
        Assert.Contains(prediction.Label, model.Labels);
        Assert.Equal(1.0, prediction.Probabilities.Sum(), 4);
    }
}
