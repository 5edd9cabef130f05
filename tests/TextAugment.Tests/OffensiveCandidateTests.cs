using TextAugment.Augmenters;
using TextAugment.Text;

namespace TextAugment.Tests;

/// <summary>
/// Every substitution source's candidates go through one filter (<see cref="SubstitutionOptions.Allows(ReadOnlySpan{char}, ReadOnlySpan{char}, Protection)"/>),
/// which refuses an offensive word (dictionaries/offensive-en.txt from WordNet's usage domains, offensive-zh.txt from
/// CC-CEDICT's vulgar and derogatory entries) unless the word replaced is one: word vectors, a masked LM and TF-IDF draws
/// offered them, where only the shipped WordNet dictionary had been cleaned.
/// </summary>
[Collection(ConsoleCollection.Name)]
public class OffensiveCandidateTests
{
    [Fact]
    public void A_word_vector_file_that_offers_offensive_neighbours_never_gets_them_written()
    {
        // Given vectors in which the nearest neighbours of "film" are "shit", "shits" and "bullshit", then "movie"
        string dir = TestPaths.NewTempDirectory();
        File.WriteAllText(Path.Combine(dir, "v.vec"), "5 2\nfilm 1 0\nshit 0.99 0.05\nshits 0.98 0.1\nbullshit 0.97 0.15\nmovie 0.9 0.3\n");
        File.WriteAllText(Path.Combine(dir, "p.yaml"), "seed: 1\naugment:\n  variants: 8\n  stages:\n    - word_vector: { vectors: v.vec, p: 1, top_k: 4 }\n");
        File.WriteAllText(Path.Combine(dir, "in.txt"), "what a film\nthe film ended\n");

        // When the text is augmented
        string output = Path.Combine(dir, "out.txt");
        var (code, _, errors) = CommandRunner.InProcess("augment", Path.Combine(dir, "p.yaml"), "-i", Path.Combine(dir, "in.txt"), "-o", output, "--no-progress");

        // Then only the inoffensive neighbour replaces it
        Assert.True(code == 0, errors);
        string written = File.ReadAllText(output);
        Assert.Contains("movie", written, StringComparison.Ordinal);
        Assert.DoesNotContain("shit", written, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("film", "shit")]
    [InlineData("film", "Shits")] // an inflected form of a listed noun, in any case
    [InlineData("odd", "queer")] // the first sense WordNet lists is the disparaging one
    [InlineData("wow", "holy shit")] // a part between spaces
    [InlineData("jerk", "son_of_a_bitch")] // a word2vec phrase
    [InlineData("东西", "鸡巴")] // CC-CEDICT: "dick/penis (vulgar)"
    [InlineData("東西", "雞巴")] // in Traditional characters
    [InlineData("日本人", "小日本")] // CC-CEDICT: "(derog.) Japanese person"
    public void An_offensive_candidate_is_refused(string original, string candidate)
    {
        Assert.True(OffensiveWords.HoldsOffensiveWord(candidate));
        Assert.False(SubstitutionOptions.Allows(original, candidate));
    }

    [Theory]
    [InlineData("crap", "shit")] // the original is on the list itself
    [InlineData("film", "tool")] // labelled only in a later sense
    [InlineData("child", "boy")]
    [InlineData("做", "干")] // one vulgar gloss among ten ordinary ones ("to do", "to work")
    [InlineData("倚", "靠")] // "to lean on", "to depend on" … "to fuck (vulgar)"
    public void A_candidate_is_allowed_when_the_original_is_offensive_too_or_its_offensive_sense_is_not_its_main_one(string original, string candidate)
    {
        Assert.True(SubstitutionOptions.Allows(original, candidate));
    }

    [Fact]
    public void Both_lists_are_loaded_with_their_words()
    {
        Assert.True(OffensiveWords.List.Contains("nigger"));
        Assert.True(OffensiveWords.List.Contains("niggers"));
        Assert.True(OffensiveWords.List.Contains("fucking"));
        Assert.True(OffensiveWords.List.Contains("肏"));
        Assert.False(OffensiveWords.List.Contains("screw")); // WordNet labels a later sense only
    }
}
