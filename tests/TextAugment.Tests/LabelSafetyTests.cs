using TextAugment.Augmenters;
using TextAugment.Dictionaries;
using TextAugment.Text;
using TextAugment.Vectors;

namespace TextAugment.Tests;

/// <summary>Issue 12: substitutions that keep the label (no antonyms, negators, names, abbreviation senses, protected units).</summary>
public class LabelSafetyTests
{
    private static SynonymDictionary Dictionary(params (string Word, string[] Synonyms)[] entries) =>
        SynonymDictionary.Create(entries.Select(e => new KeyValuePair<string, IReadOnlyList<string>>(e.Word, e.Synonyms)));

    private static HashSet<string> Outputs(Augmenter augmenter, string text, Protection? protection = null, int variants = 60)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int v = 0; v < variants; v++)
        {
            seen.Add(augmenter.Augment(text, AugmentRandom.For(7, "label", v), protection));
        }

        return seen;
    }

    [Fact]
    public void WordNet_antonym_pairs_are_shipped_and_matched_through_inflection()
    {
        Assert.True(Antonyms.English.Count > 3000, $"{Antonyms.English.Count} groups");
        Assert.True(Antonyms.English.AreAntonyms("good", "bad"));
        Assert.True(Antonyms.English.AreAntonyms("Small", "large"));
        Assert.True(Antonyms.English.AreAntonyms("increased", "decreases"));
        Assert.False(Antonyms.English.AreAntonyms("good", "fine"));
        Assert.False(Antonyms.English.AreAntonyms("increase", "increase"));
    }

    [Fact]
    public void A_synonym_source_never_offers_an_antonym()
    {
        var augmenter = new SynonymAugmenter(Dictionary(("small", ["large", "little"])), new SubstitutionOptions { Probability = 1 });
        Assert.Equal(new HashSet<string> { "a little house" }, Outputs(augmenter, "a small house"));
    }

    [Fact]
    public void Word_vector_neighbours_that_are_antonyms_are_not_candidates()
    {
        // "decrease" is the nearest neighbour of "increase", "raise" the second.
        WordVectors vectors = WordVectors.Create(["increase", "decrease", "raise"], [1, 0, 0.99f, 0.1f, 0.9f, 0.4f], 2);
        var augmenter = new WordVectorAugmenter(vectors, new NeighborOptions { TopK = 2 }, new SubstitutionOptions { Probability = 1 });
        Assert.Equal(["raise"], augmenter.CandidatesFor("increase").Where(c => SubstitutionOptions.Allows("increase", c)));
        Assert.Equal(new HashSet<string> { "taxes raise" }, Outputs(augmenter, "taxes increase"));
    }

    [Fact]
    public void Negators_are_never_deleted_swapped_or_replaced()
    {
        var deletion = new RandomDeletionAugmenter(1.0);
        foreach (string output in Outputs(deletion, "the food was not good and I didn't return"))
        {
            Assert.Contains("not", output.Split(' '));
            Assert.Contains("didn't", output.Split(' '));
        }

        var swap = new RandomSwapAugmenter(new EdaCountOptions { Count = 3 });
        foreach (string output in Outputs(swap, "never buy this cheap phone again"))
        {
            Assert.StartsWith("never ", output, StringComparison.Ordinal);
        }

        var synonym = new SynonymAugmenter(Dictionary(("without", ["sans"])), new SubstitutionOptions { Probability = 1, IncludeStopWords = true });
        Assert.Equal(new HashSet<string> { "tea without sugar" }, Outputs(synonym, "tea without sugar"));
        Assert.Equal(new HashSet<string> { "tea sans sugar" }, Outputs(synonym, "tea without sugar", Protection.Create(new ProtectionOptions { Negators = null })));
    }

    [Fact]
    public void One_letter_words_are_not_replaced_and_digits_replace_only_numbers()
    {
        var augmenter = new SynonymAugmenter(
            Dictionary(("a", ["angstrom"]), ("x", ["10"]), ("ten", ["10", "decade"]), ("b", ["bacillus"])),
            new SubstitutionOptions { Probability = 1, IncludeStopWords = true });
        Assert.Equal(new HashSet<string> { "a b x" }, Outputs(augmenter, "a b x"));
        Assert.Equal(new HashSet<string> { "a ten years" }, Outputs(augmenter, "a ten years")); // a number word is protected
        Assert.Equal(new HashSet<string> { "a decade years" }, Outputs(augmenter, "a ten years", Protection.Create(new ProtectionOptions { Numbers = false })));
    }

    [Fact]
    public void Abbreviations_written_with_dots_are_not_replaced()
    {
        var augmenter = new SynonymAugmenter(
            Dictionary(("e.g.", ["pie"]), ("u.s.", ["cake"]), ("birds", ["fowl"])),
            new SubstitutionOptions { Probability = 1, IncludeStopWords = true });
        Assert.Equal(new HashSet<string> { "fowl, e.g. robins of the U.S. too" }, Outputs(augmenter, "birds, e.g. robins of the U.S. too"));
    }

    [Fact]
    public void Names_inside_a_sentence_are_kept_as_one_unit_unless_asked()
    {
        var augmenter = new SynonymAugmenter(
            Dictionary(("john", ["toilet"]), ("bill", ["bank bill"]), ("gates", ["logic gates"]), ("spoke", ["talked"])),
            new SubstitutionOptions { Probability = 1 });
        Assert.Equal(new HashSet<string> { "Yesterday John talked" }, Outputs(augmenter, "Yesterday John spoke"));
        Assert.Equal(new HashSet<string> { "Bill Gates talked" }, Outputs(augmenter, "Bill Gates spoke"));
        var president = new SynonymAugmenter(Dictionary(("president", ["chair"]), ("united", ["joined"]), ("states", ["nations"])), new SubstitutionOptions { Probability = 1 });
        Assert.Equal(new HashSet<string> { "36th President of the United States" }, Outputs(president, "36th President of the United States"));
        var replace = Protection.Create(new ProtectionOptions { Names = NamePolicy.Replace });
        Assert.Equal(new HashSet<string> { "Yesterday Toilet talked" }, Outputs(augmenter, "Yesterday John spoke", replace));

        var insertion = new RandomInsertionAugmenter(Dictionary(("spoke", ["talked"])), new EdaCountOptions { Count = 3 });
        foreach (string output in Outputs(insertion, "Then Bill Gates spoke"))
        {
            Assert.Contains("Bill Gates", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Protected_phrases_match_their_token_sequence_in_any_case()
    {
        var protection = Protection.Create(new ProtectionOptions
        {
            Words = ["[id]", "{user_name}", "<PRODUCT>", "New York"],
            Names = NamePolicy.Replace,
            Placeholders = false,
        });
        TokenList tokens = TokenList.Create("in new york [ID] met {user_name} about <product> today", protection);
        string[] kept = [.. tokens.AsSpan().ToArray().Where(t => t.Kind == TokenKind.Word && t.Has(TokenFlags.Protected)).Select(t => t.Span.ToString())];
        Assert.Equal(["new", "york", "ID", "user", "name", "product"], kept);

        var augmenter = new SynonymAugmenter(Dictionary(("new", ["novel"]), ("york", ["yorkshire"]), ("id", ["ego"]), ("today", ["now"])), new SubstitutionOptions { Probability = 1 });
        Assert.Equal(new HashSet<string> { "in new york [ID] now" }, Outputs(augmenter, "in new york [ID] today", protection));
    }

    [Fact]
    public void Placeholders_hashtags_and_mentions_are_protected_by_default_and_switchable()
    {
        static string[] Kept(Protection p) => [.. TokenList.Create("ask {name} at <URL> about #sale by @shop", p).AsSpan().ToArray()
            .Where(t => t.Kind == TokenKind.Word && t.Has(TokenFlags.Protected)).Select(t => t.Span.ToString())];
        Assert.Equal(["name", "URL", "sale", "shop"], Kept(Protection.Default));
        Assert.Empty(Kept(Protection.Create(new ProtectionOptions { Placeholders = false, Hashtags = false, Mentions = false, Names = NamePolicy.Replace })));
    }

    [Fact]
    public void The_pipeline_reads_the_protection_switches()
    {
        string dir = TestPaths.NewTempDirectory();
        File.WriteAllText(Path.Combine(dir, "in.tsv"), "text\tlabel\nYesterday John spoke\tx\n");
        string path = Path.Combine(dir, "p.yaml");
        File.WriteAllText(path, """
            input: { path: in.tsv }
            output: { path: out.jsonl }
            augment:
              protect: { names: replace, negators: false, placeholders: false, hashtags: false, mentions: false }
              stages:
                - random_swap: {}
            """);
        Protection protection = Pipelines.Pipeline.Load(path).Generator.Options.Protection;
        string[] kept = [.. TokenList.Create("Yesterday John did not tag #sale {id} @shop", protection).AsSpan().ToArray()
            .Where(t => t.Has(TokenFlags.Protected)).Select(t => t.Span.ToString())];
        Assert.Empty(kept);
    }

    [Fact]
    public void Inflected_synonyms_are_real_word_forms_and_only_the_head_is_inflected()
    {
        string path = Path.Combine(TestPaths.NewTempDirectory(), "wn.tsv");
        File.WriteAllText(path, "report\tn\tnews,account\nthought\tn\tidea,analytic thinking\nclever\ta\tsmart,skilful\nrun\tv\tblack market,operate,walk away\n");
        SynonymDictionary dictionary = SynonymDictionary.Load(path);
        Assert.Equal(["accounts"], dictionary.GetSynonyms("reports").ToArray()); // not "newses": news is a mass noun
        Assert.Equal(["ideas"], dictionary.GetSynonyms("thoughts").ToArray()); // not "analytic thinkings"
        Assert.Equal(["smartest"], dictionary.GetSynonyms("cleverest").ToArray()); // not "skilfulest"
        Assert.Equal(["operated", "walked away"], dictionary.GetSynonyms("ran").ToArray().Order(StringComparer.Ordinal)); // not "blacked market"
        Assert.False(EnglishInflector.Default.IsWordForm("newses"));
        Assert.True(EnglishInflector.Default.IsWordForm("accounts"));
    }
}
