using TextAugment.Augmenters;
using TextAugment.Dictionaries;
using TextAugment.Text;

namespace TextAugment.Tests;

/// <summary>The synonym stage filters a word form's synonyms once (antonyms, digits, one-letter words) and reuses the list.</summary>
public class SynonymCandidateTests
{
    private static readonly SynonymDictionary Dictionary = SynonymDictionary.Create(new Dictionary<string, IReadOnlyList<string>>
    {
        ["good"] = ["bad", "fine", "x", "g00d", "decent", "evil"],
    });

    [Fact]
    public void Disallowed_synonyms_are_never_chosen_in_any_case_of_the_word_and_every_allowed_one_is()
    {
        var stage = new SynonymAugmenter(Dictionary, new SubstitutionOptions { Probability = 1 });
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (ulong seed = 0; seed < 200; seed++)
        {
            string result = stage.Augment("good Good GOOD", new AugmentRandom(seed), Protection.None);
            foreach (string word in result.Split(' '))
            {
                seen.Add(word.ToLowerInvariant());
            }
        }

        Assert.Equal(["decent", "fine"], seen.Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void The_choice_is_the_same_as_checking_every_candidate_each_time()
    {
        // Reference: a uniform choice among the allowed candidates, in dictionary order, with the same random stream.
        var stage = new SynonymAugmenter(Dictionary, new SubstitutionOptions { Probability = 1 });
        string[] candidates = Dictionary.GetSynonyms("good").ToArray();
        string[] allowed = [.. candidates.Where(c => SubstitutionOptions.Allows("good", c))];
        for (ulong seed = 0; seed < 50; seed++)
        {
            var reference = new AugmentRandom(seed);
            reference.Next(1); // the stage draws the position among the one eligible word first
            string expected = allowed[reference.Next(allowed.Length)];
            Assert.Equal(expected, stage.Augment("good", new AugmentRandom(seed), Protection.None));
        }
    }
}
