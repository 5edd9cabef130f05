using TextAugment.Augmenters;
using TextAugment.Classification;
using TextAugment.Corpus;
using TextAugment.Dictionaries;

namespace TextAugment.Tests;

/// <summary>The C# example of README.md, as written there, runs and gets its prediction right.</summary>
public class ReadmeExampleTests
{
    private const string Begin = "// README example begins";
    private const string End = "// README example ends";

    [Fact]
    public void The_readme_block_is_the_code_this_test_runs()
    {
        string readme = File.ReadAllText(Path.Combine(TestPaths.Root, "README.md")).ReplaceLineEndings("\n");
        int section = readme.IndexOf("## From C#", StringComparison.Ordinal);
        Assert.True(section >= 0, "README.md has no '## From C#' section.");
        int open = readme.IndexOf("```csharp\n", section, StringComparison.Ordinal);
        Assert.True(open >= 0, "README.md's 'From C#' section has no ```csharp block.");
        open += "```csharp\n".Length;
        int close = readme.IndexOf("\n```", open, StringComparison.Ordinal);
        string block = readme[open..close];

        // The block's using directives are this file's; the rest must be the marked body of the test below.
        string[] lines = block.Split('\n');
        int firstCode = Array.FindIndex(lines, l => l.Length > 0 && !l.StartsWith("using ", StringComparison.Ordinal));
        foreach (string usingLine in lines[..firstCode].Where(l => l.Length > 0))
        {
            Assert.True(usingLine == "using TextAugment;" || Source().Contains(usingLine, StringComparison.Ordinal), $"README.md: '{usingLine}' is not used by the test.");
        }

        string readmeCode = string.Join('\n', lines[firstCode..]);
        Assert.Equal(MarkedBody(), readmeCode);
    }

    [Fact]
    public void The_readme_example_runs_and_predicts_the_right_topic()
    {
        // README example begins
        // The repository root: the nearest folder above the working directory that holds TextAugment.sln.
        string root = Directory.GetCurrentDirectory();
        while (!File.Exists(Path.Combine(root, "TextAugment.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("Run this inside the TextAugment repository.");
        }

        SynonymDictionary synonyms = SynonymDictionary.Load(Path.Combine(root, "dictionaries", "en-wordnet.tsv"));
        Augmenter augmenter = Augment.Sequence(
            new SynonymAugmenter(synonyms, new SubstitutionOptions { Probability = 0.2 }),
            Augment.Sometimes(0.5, new RandomSwapAugmenter()));

        // One rewrite: all randomness comes from (seed, example id, variant).
        string once = augmenter.Augment("The film was GREAT, and 2 actors shone.", AugmentRandom.For(13, "example-1", 0));

        // Exactly four distinct variants (duplicates are retried).
        var generator = new VariantGenerator(augmenter, new VariantOptions { Variants = 4, Seed = 13 });
        IReadOnlyList<string> variants = generator.Generate("example-1", "The film was great.");

        // Train, evaluate, predict (labels: animal, artifact, food, location, person, plant).
        List<Example> train = CorpusReader.ReadLabelled(Path.Combine(root, "pipelines", "data", "wordnet-topics-train.tsv"));
        var (model, report) = Trainer.Train(train, validation: null, new TrainerOptions { Hidden = [64], Dropout = 0.3, L1 = 1e-4 });
        Console.WriteLine(report.Diagnosis);
        Evaluation scores = Evaluation.Of(model, CorpusReader.ReadLabelled(Path.Combine(root, "pipelines", "data", "wordnet-topics-test.tsv")));
        string label = model.Predict("any of various small songbirds with brown feathers").Label; // "animal"
        // README example ends

        Assert.Equal(once, augmenter.Augment("The film was GREAT, and 2 actors shone.", AugmentRandom.For(13, "example-1", 0)));
        Assert.Contains(" 2 ", once, StringComparison.Ordinal);
        Assert.Equal(4, variants.Distinct(StringComparer.Ordinal).Count());
        Assert.DoesNotContain("The film was great.", variants);
        Assert.Contains("At epoch", report.Diagnosis, StringComparison.Ordinal);
        Assert.True(scores.Accuracy > 0.6, $"accuracy {scores.Accuracy}");
        Assert.Equal("animal", label);

        // The prediction the README shows is not luck of the default seed.
        foreach (ulong seed in new ulong[] { 1, 2 })
        {
            var (other, _) = Trainer.Train(train, validation: null, new TrainerOptions { Hidden = [64], Dropout = 0.3, L1 = 1e-4, Seed = seed });
            Assert.Equal("animal", other.Predict("any of various small songbirds with brown feathers").Label);
        }
    }

    private static string Source() =>
        File.ReadAllText(Path.Combine(TestPaths.Root, "tests", "TextAugment.Tests", "ReadmeExampleTests.cs")).ReplaceLineEndings("\n");

    /// <summary>The lines between the markers, less the method body's 8-space indentation.</summary>
    private static string MarkedBody()
    {
        string[] lines = Source().Split('\n');
        int from = Array.FindIndex(lines, l => l.Trim() == Begin) + 1;
        int to = Array.FindIndex(lines, l => l.Trim() == End);
        Assert.True(from > 0 && to > from, "ReadmeExampleTests.cs lost its README markers.");
        return string.Join('\n', lines[from..to].Select(l => l.Length >= 8 ? l[8..] : l.TrimStart()));
    }
}
