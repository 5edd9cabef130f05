using TextAugment.Dictionaries;

namespace TextAugment.Tests;

public class DictionaryTests
{
    private static readonly SynonymDictionary WordNet = SynonymDictionary.Load(TestPaths.WordNet);

    [Fact]
    public void The_plain_format_loads_and_lookups_ignore_case()
    {
        SynonymDictionary d = SynonymDictionary.Load(TestPaths.Fixture("synonyms.tsv"));
        Assert.False(d.Inflects);
        Assert.Equal(["superb", "fine"], d.GetSynonyms("GREAT").ToArray());
        Assert.True(d.GetSynonyms("unknown").IsEmpty);
    }

    [Fact]
    public void MyThes_files_load_without_annotated_terms_but_with_similar_terms()
    {
        SynonymDictionary d = SynonymDictionary.Load(TestPaths.Fixture("thesaurus-mythes.dat"));
        Assert.Equal(["movie", "picture", "moving picture", "shoot"], d.GetSynonyms("film").ToArray());
        Assert.Equal(["outstanding", "superb"], d.GetSynonyms("Great").ToArray());
    }

    [Fact]
    public void The_default_wordnet_dictionary_keeps_multi_word_synonyms()
    {
        Assert.True(WordNet.Inflects);
        Assert.Contains("motion picture", WordNet.GetSynonyms("film").ToArray());
    }

    [Theory]
    [InlineData("films", "movies")]
    [InlineData("films", "motion pictures")]
    [InlineData("children", "kids")]
    [InlineData("running", "operating")]
    [InlineData("tried", "attempted")]
    [InlineData("runs", "operates")]
    [InlineData("stopped", "halted")]
    [InlineData("bigger", "larger")]
    [InlineData("biggest", "largest")]
    [InlineData("tries", "attempts")]
    public void Inflected_words_get_synonyms_inflected_the_same_way(string word, string expected)
    {
        Assert.Contains(expected, WordNet.GetSynonyms(word).ToArray());
    }

    [Theory]
    [InlineData("stop", Inflection.Past, "stopped")]
    [InlineData("try", Inflection.ThirdPerson, "tries")]
    [InlineData("make", Inflection.Gerund, "making")]
    [InlineData("die", Inflection.Gerund, "dying")]
    [InlineData("box", Inflection.Plural, "boxes")]
    [InlineData("go", Inflection.ThirdPerson, "goes")]
    [InlineData("child", Inflection.Plural, "children")]
    [InlineData("big", Inflection.Comparative, "bigger")]
    [InlineData("happy", Inflection.Superlative, "happiest")]
    [InlineData("ice cream", Inflection.Plural, "ice creams")]
    [InlineData("look up", Inflection.Past, "looked up")]
    public void The_inflector_forms_regular_and_irregular_inflections(string lemma, Inflection kind, string expected)
    {
        char pos = kind switch { Inflection.Plural => 'n', Inflection.Comparative or Inflection.Superlative => 'a', _ => 'v' };
        Assert.Equal(expected, EnglishInflector.Default.Inflect(lemma, pos, kind));
    }

    [Fact]
    public void An_ambiguous_irregular_past_is_not_guessed()
    {
        Assert.Null(EnglishInflector.Default.Inflect("begin", 'v', Inflection.Past)); // began or begun
        Assert.Null(EnglishInflector.Default.Inflect("beautiful", 'a', Inflection.Comparative)); // more beautiful
    }

    [Fact]
    public void A_malformed_line_names_the_file_and_line()
    {
        string dir = TestPaths.NewTempDirectory();
        string path = Path.Combine(dir, "bad.tsv");
        File.WriteAllText(path, "# comment\ngood\tfine\nno tab here\n");
        var error = Assert.Throws<DataFormatException>(() => SynonymDictionary.Load(path));
        Assert.Equal($"{path}:3:12: expected 2 or 3 tab-separated fields (word<TAB>syn1,syn2 or word<TAB>pos<TAB>syn1,syn2) but found 1; the line ends here.", error.Message);

        File.WriteAllText(path, "a\tn\tb\tc\n");
        Assert.Equal($"{path}:1:6: expected 2 or 3 tab-separated fields (word<TAB>syn1,syn2 or word<TAB>pos<TAB>syn1,syn2) but found 4; field 4 starts after this tab.",
            Assert.Throws<DataFormatException>(() => SynonymDictionary.Load(path)).Message);

        File.WriteAllText(path, "good\tx\tfine\n");
        Assert.Contains(":1:6: part of speech 'x' is not one of n, v, a, r", Assert.Throws<DataFormatException>(() => SynonymDictionary.Load(path)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_mythes_entry_names_the_line()
    {
        string dir = TestPaths.NewTempDirectory();
        string path = Path.Combine(dir, "th_test.dat");
        File.WriteAllText(path, "UTF-8\nfilm|2\n(noun)|movie\n");
        var error = Assert.Throws<DataFormatException>(() => SynonymDictionary.Load(path, new SynonymDictionaryOptions { Format = SynonymFormat.MyThes }));
        Assert.Contains(":4:1: entry 'film' promises 2 meaning lines", error.Message, StringComparison.Ordinal);
    }
}
