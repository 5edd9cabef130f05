using TextAugment.Augmenters;
using TextAugment.Dictionaries;
using TextAugment.Text;
using TextAugment.Vectors;

namespace TextAugment.Tests;

/// <summary>
/// A protection's own negator list (<see cref="ProtectionOptions.Negators"/>) is one rule for the text and for the
/// candidates: the words it protects in the text are never brought in by a substitution source either.
/// </summary>
public class NegatorCandidateTests
{
    // "nae" and "nowt" (Scots "no", "nothing") are on no built-in list.
    private static readonly Protection OwnNegators = Protection.Create(new ProtectionOptions { StopWords = null, Negators = new WordSet(["nae", "nowt"]) });

    private static readonly SynonymDictionary Dictionary = SynonymDictionary.Create(new Dictionary<string, IReadOnlyList<string>>
    {
        ["good"] = ["nae", "fine", "nowt bad"],
        ["film"] = ["movie"],
    });

    // "good" has two neighbours, "nae" the nearer.
    private static readonly WordVectors Vectors = WordVectors.Create(["good", "nae", "fine"], [1, 0, 0.99f, 0.1f, 0.9f, 0.3f], 2);

    public static TheoryData<string> Stages => ["synonym", "word_vector", "random_insertion"];

    private static Augmenter Stage(string name) => name switch
    {
        "synonym" => new SynonymAugmenter(Dictionary, new SubstitutionOptions { Probability = 1 }),
        "word_vector" => new WordVectorAugmenter(Vectors, options: new SubstitutionOptions { Probability = 1 }),
        _ => new RandomInsertionAugmenter(Dictionary, new EdaCountOptions { Count = 1 }),
    };

    [Theory]
    [MemberData(nameof(Stages))]
    public void A_negator_of_the_protections_own_list_is_never_a_candidate(string name)
    {
        // Given a protection whose negators are nae and nowt, and a source that offers them for "good"
        Augmenter stage = Stage(name);
        var seen = new HashSet<string>(StringComparer.Ordinal);

        // When "good" is augmented under many seeds
        for (ulong seed = 0; seed < 100; seed++)
        {
            foreach (string word in stage.Augment("a good film", new AugmentRandom(seed), OwnNegators).Split(' '))
            {
                seen.Add(word);
            }
        }

        // Then neither is ever written, while the other candidate is
        Assert.DoesNotContain("nae", seen);
        Assert.DoesNotContain("nowt", seen);
        Assert.Contains("fine", seen);
    }

    [Fact]
    public void The_same_list_protects_the_word_in_the_text_and_allows_it_as_a_candidate_for_one()
    {
        TokenList tokens = TokenList.Create("nae good", OwnNegators);
        Assert.True(tokens[0].Has(TokenFlags.Protected));
        Assert.False(SubstitutionOptions.Allows("good", "nae", OwnNegators));
        Assert.False(SubstitutionOptions.Allows("good", "nowt bad", OwnNegators));
        Assert.True(SubstitutionOptions.Allows("nowt", "nae", OwnNegators)); // a negator for a negator, as for the built-in lists
    }

    [Fact]
    public void Without_a_list_of_ones_own_the_built_in_negators_decide_as_before()
    {
        Assert.True(SubstitutionOptions.Allows("good", "nae", Protection.Default));
        Assert.True(SubstitutionOptions.Allows("good", "nae"));
        Assert.False(SubstitutionOptions.Allows("good", "not bad", Protection.Default));
        Assert.False(SubstitutionOptions.Allows("good", "not bad", OwnNegators));
        Assert.Null(Protection.Default.CandidateNegators);
        Assert.Null(Protection.Create(new ProtectionOptions { Negators = WordSet.ChineseNegators }).CandidateNegators);
    }
}
