using TextAugment.Augmenters;
using TextAugment.Dictionaries;
using TextAugment.Text;
using TextAugment.Vectors;

namespace TextAugment.Tests;

/// <summary>
/// Newcomer 4's faults 1, 2, 3 and 7: no candidate source brings in a negator, a number word or a widened antonym, number
/// words are protected like digits, and a given name at the start of a sentence is kept.
/// </summary>
public class LabelWordTests
{
    private static readonly Lazy<WordVectors> Vectors = new(() => WordVectors.Load(Path.Combine(TestPaths.Root, "models", "en-vectors.bin")));
    private static readonly Lazy<SynonymDictionary> WordNet = new(() => SynonymDictionary.Load(TestPaths.WordNet));

    private static SynonymDictionary Dictionary(params (string Word, string[] Synonyms)[] entries) =>
        SynonymDictionary.Create(entries.Select(e => new KeyValuePair<string, IReadOnlyList<string>>(e.Word, e.Synonyms)));

    private static HashSet<string> Outputs(Augmenter augmenter, string text, Protection? protection = null, int variants = 40)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int v = 0; v < variants; v++)
        {
            seen.Add(augmenter.Augment(text, AugmentRandom.For(11, "label-words", v), protection));
        }

        return seen;
    }

    private static string[] Protected(string text, Protection? protection = null) =>
        [.. TokenList.Create(text, protection ?? Protection.Default).AsSpan().ToArray()
            .Where(t => t.Kind == TokenKind.Word && t.Has(TokenFlags.Protected)).Select(t => t.Span.ToString())];

    // Fault 1: negators brought in by a candidate.

    [Theory]
    [InlineData("great", "not bad")] // WordNet's great → "not bad": "not great" became "not not bad"
    [InlineData("acquitted", "not guilty")]
    [InlineData("always", "don't")] // a vector neighbour
    [InlineData("always", "dont")]
    [InlineData("wins", "without")] // a masked-LM fill
    [InlineData("wins", "never")]
    [InlineData("good", "no-good")]
    [InlineData("好", "不错")] // a Chinese word a one-character negator starts
    [InlineData("看见", "看不见")] // … or holds
    [InlineData("有", "没有")]
    public void A_candidate_that_is_or_holds_a_negator_is_refused(string original, string candidate) =>
        Assert.False(SubstitutionOptions.Allows(original, candidate));

    [Theory]
    [InlineData("not", "never")] // negators themselves are protected by default; unprotected, one may replace another
    [InlineData("great", "excellent")]
    [InlineData("notable", "noted")] // no negator as a part: "not" inside a word is not one
    [InlineData("南非", "南部非洲")]
    public void A_candidate_without_a_new_negator_is_allowed(string original, string candidate) =>
        Assert.True(SubstitutionOptions.Allows(original, candidate));

    [Fact]
    public void The_synonym_stage_never_writes_not_not_with_the_shipped_dictionary()
    {
        var augmenter = new SynonymAugmenter(WordNet.Value, new SubstitutionOptions { Probability = 1 });
        foreach (string text in new[] { "The film was not great.", "He was never acquitted." })
        {
            foreach (string output in Outputs(augmenter, text))
            {
                Assert.DoesNotContain("not not", output, StringComparison.Ordinal);
                Assert.DoesNotContain("never not", output, StringComparison.Ordinal);
                Assert.DoesNotContain("not bad", output, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Word_vectors_never_offer_a_negator_for_always()
    {
        var augmenter = new WordVectorAugmenter(Vectors.Value, new NeighborOptions(), new SubstitutionOptions { Probability = 1, IncludeStopWords = true });
        HashSet<string> outputs = Outputs(augmenter, "always");
        Assert.Contains(outputs, o => o != "always");
        Assert.DoesNotContain(outputs, o => WordSet.EnglishNegators.Contains(o) || o.EndsWith("n't", StringComparison.Ordinal));
    }

    [Fact]
    public void Random_insertion_inserts_no_negator_number_word_or_antonym()
    {
        var insertion = new RandomInsertionAugmenter(
            Dictionary(("acquitted", ["not guilty", "cleared"]), ("men", ["eighty", "males"]), ("increase", ["decrease", "rise"])),
            new EdaCountOptions { Count = 2 });
        HashSet<string> outputs = Outputs(insertion, "acquitted men increase");
        Assert.Contains(outputs, o => o.Contains("cleared", StringComparison.Ordinal) || o.Contains("males", StringComparison.Ordinal) || o.Contains("rise", StringComparison.Ordinal));
        foreach (string output in outputs)
        {
            Assert.DoesNotContain("not guilty", output, StringComparison.Ordinal);
            Assert.DoesNotContain("eighty", output, StringComparison.Ordinal);
            Assert.DoesNotContain("decrease", output, StringComparison.Ordinal);
        }

        // A word whose synonyms are all refused is no source: nothing is inserted.
        var refusedOnly = new RandomInsertionAugmenter(Dictionary(("acquitted", ["not guilty"])), new EdaCountOptions { Count = 2 });
        Assert.Equal(new HashSet<string> { "he was acquitted" }, Outputs(refusedOnly, "he was acquitted"));
    }

    // Fault 2: English number words.

    [Fact]
    public void English_number_words_are_protected_like_digits()
    {
        Assert.Equal(["three", "ten", "first", "twenty", "Twenty-one", "twice", "dozen", "hundredth", "tenfold", "III"],
            Protected("three men and ten women came first. I bought 5 apples for twenty dollars. Twenty-one went twice, a dozen, the hundredth, tenfold, Act III"
                .Replace("Act", "act", StringComparison.Ordinal), Protection.Create(new ProtectionOptions { Names = NamePolicy.Replace })));
        Assert.Empty(Protected("three men came first", Protection.Create(new ProtectionOptions { Numbers = false })));
        Assert.Empty(Protected("someone said nothing often", Protection.Create(new ProtectionOptions { Negators = null })));

        var augmenter = new SynonymAugmenter(Dictionary(("three", ["trio", "iii"]), ("men", ["males"]), ("first", ["initiative"])), new SubstitutionOptions { Probability = 1 });
        Assert.Equal(new HashSet<string> { "three males came first" }, Outputs(augmenter, "three men came first"));
        Assert.Equal(new HashSet<string> { "trio males came initiative", "iii males came initiative" },
            Outputs(augmenter, "three men came first", Protection.Create(new ProtectionOptions { Numbers = false })));
    }

    [Theory]
    [InlineData("men", "eighty")]
    [InlineData("dollars", "seventy million")]
    [InlineData("dollars", "hundreds")]
    [InlineData("came", "sixteenth")]
    [InlineData("much", "fourfold")]
    [InlineData("actors", "twenty-one")]
    [InlineData("chapter", "iii")]
    public void A_number_word_is_refused_for_a_word_that_is_no_number(string original, string candidate) =>
        Assert.False(SubstitutionOptions.Allows(original, candidate));

    [Theory]
    [InlineData("three", "four")] // numbers unprotected (numbers: false): a number may become another, as digits do
    [InlineData("3", "four")]
    [InlineData("twelve", "dozen")]
    [InlineData("ten", "seventy million")]
    public void A_number_word_may_replace_a_number(string original, string candidate) =>
        Assert.True(SubstitutionOptions.Allows(original, candidate));

    [Theory]
    [InlineData("biased", "one-sided")] // a number word as one part of a hyphenated word is no number
    [InlineData("someone", "somebody")]
    [InlineData("often", "oftentimes")]
    public void Words_that_only_hold_a_number_word_are_allowed(string original, string candidate) =>
        Assert.True(SubstitutionOptions.Allows(original, candidate));

    [Fact]
    public void Word_vectors_keep_the_numbers_of_the_report()
    {
        var augmenter = new WordVectorAugmenter(Vectors.Value, new NeighborOptions(), new SubstitutionOptions { Probability = 1 });
        foreach (string output in Outputs(augmenter, "three men and ten women came first.", variants: 10))
        {
            Assert.Matches("^three [^ ]+ and ten [^ ]+ [^ ]+ first\\.$", output);
        }

        foreach (string output in Outputs(augmenter, "I bought apples for twenty dollars.", variants: 10))
        {
            Assert.Matches("^I [^ ]+ [^ ]+ for twenty (?!seventy|million|hundred)[^ ]+\\.$", output);
        }
    }

    // Fault 3: the antonym filter widened.

    [Theory]
    [InlineData("before", "after")]
    [InlineData("increase", "reduce")] // a troponym of the antonym decrease
    [InlineData("increases", "reduced")]
    [InlineData("east", "western")] // a satellite of west
    [InlineData("cold", "sizzling")] // a satellite of hot
    [InlineData("good", "bad")]
    [InlineData("above", "beneath")]
    public void Antonyms_cover_the_opposite_sense_and_its_close_words(string word, string opposite)
    {
        Assert.True(Antonyms.English.AreAntonyms(word, opposite));
        Assert.True(Antonyms.English.AreAntonyms(opposite, word));
        Assert.False(SubstitutionOptions.Allows(word, opposite));
    }

    [Theory]
    [InlineData("good", "fine")]
    [InlineData("big", "large")]
    [InlineData("increase", "raise")]
    [InlineData("cold", "chilly")]
    [InlineData("increase", "increase")]
    public void Synonyms_are_still_no_antonyms(string word, string other) => Assert.False(Antonyms.English.AreAntonyms(word, other));

    [Fact]
    public void Antonym_groups_are_read_side_against_side_and_a_bad_line_is_named()
    {
        Assert.True(Antonyms.English.Count > 3000, $"{Antonyms.English.Count} groups");
        string path = Path.Combine(TestPaths.Root, "dictionaries", "en-antonym-groups.tsv");
        string[] lines = [.. File.ReadLines(path).Where(l => !l.StartsWith('#'))];
        Assert.All(lines, l => Assert.Equal(2, l.Split('\t').Length));
        Assert.Contains(lines, l => l.Split('\t')[0].Split(',').Contains("before") && l.Split('\t')[1].Split(',').Contains("after"));
    }

    [Fact]
    public void The_word_vector_stage_no_longer_turns_before_into_after()
    {
        var augmenter = new WordVectorAugmenter(Vectors.Value, new NeighborOptions(), new SubstitutionOptions { Probability = 1, IncludeStopWords = true });
        Assert.DoesNotContain("after", augmenter.CandidatesFor("before").Where(c => SubstitutionOptions.Allows("before", c)));
        Assert.DoesNotContain("western", augmenter.CandidatesFor("east").Where(c => SubstitutionOptions.Allows("east", c)));
        Assert.DoesNotContain("reduce", augmenter.CandidatesFor("increase").Where(c => SubstitutionOptions.Allows("increase", c)));
    }

    // Fault 7: a given name at the start of a sentence.

    [Fact]
    public void A_common_given_name_starting_a_sentence_is_kept()
    {
        var augmenter = new SynonymAugmenter(
            Dictionary(("jack", ["diddly-squat"]), ("called", ["cried"]), ("mark", ["scar"]), ("met", ["suffered"]), ("john", ["toilet"]), ("loves", ["adores"]), ("yesterday", ["recently"])),
            new SubstitutionOptions { Probability = 1 });
        Assert.Equal(new HashSet<string> { "Jack cried Bill." }, Outputs(augmenter, "Jack called Bill."));
        Assert.Equal(new HashSet<string> { "Mark suffered Frank. John adores Rose." }, Outputs(augmenter, "Mark met Frank. John loves Rose."));
        Assert.Equal(new HashSet<string> { "Recently cried Bill." }, Outputs(augmenter, "Yesterday called Bill.")); // not a name: replaced
        Assert.Equal(new HashSet<string> { "Diddly-squat cried Bill." }, // names: replace treats it as any word
            Outputs(augmenter, "Jack called Bill.", Protection.Create(new ProtectionOptions { Names = NamePolicy.Replace })));
        Assert.True(Protection.GivenNames.Count > 500);
        Assert.False(Protection.GivenNames.Contains("May")); // common words written as names are not in the list
        Assert.False(Protection.GivenNames.Contains("Will"));
    }

    [Fact]
    public void The_shipped_dictionary_offers_no_obscene_synonym()
    {
        string[] obscene = ["shit", "diddly-shit", "fuck", "crap", "bullshit", "motherfucker"];
        foreach (string word in new[] { "jack", "asshole", "botch", "betray", "bally", "feces", "nonsense" })
        {
            string[] synonyms = WordNet.Value.GetSynonyms(word).ToArray();
            Assert.DoesNotContain(synonyms, s => obscene.Contains(s.ToLowerInvariant()));
        }

        Assert.Contains("doodly-squat", WordNet.Value.GetSynonyms("jack").ToArray()); // the unlabelled senses stay
    }
}
