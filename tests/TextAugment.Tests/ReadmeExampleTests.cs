using TextAugment.Augmenters;
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
    }
}
