using System.Text;
using TextAugment.Dictionaries;
using TextAugment.Text;

namespace TextAugment.Tests;

/// <summary>The forms the dictionaries load in without parsing every entry (start-up): same answers as a full parse.</summary>
public class LoadFormTests
{
    [Fact]
    public void A_tsv_dictionary_indexed_at_load_gives_every_line_of_a_word_in_file_order_grouped_by_part_of_speech()
    {
        string path = Path.Combine(Path.GetTempPath(), $"ta-index-{Guid.NewGuid():N}.tsv");
        string text = "\uFEFF# comment\r\n"
                      + "Good\tn\tgoodness, commodity ,good\r\n"
                      + "fast\tr\tquickly\n"
                      + "good\ta\tfine,Good,fine\r\n"
                      + "good\tn\tbenefit,goodness\n"
                      + "\n"
                      + "quiet\ta\t , ,\n"
                      + "ice cream\tn\tsorbet\n"
                      + "GOOD\ta\tgreat";
        File.WriteAllText(path, text, new UTF8Encoding(false));
        try
        {
            SynonymDictionary d = SynonymDictionary.Load(path, new SynonymDictionaryOptions { Inflection = InflectionMode.None });
            Assert.Equal(["goodness", "commodity", "benefit", "fine", "great"], d.GetSynonyms("gOOd").ToArray());
            Assert.Equal(["quickly"], d.GetSynonyms("Fast").ToArray());
            Assert.True(d.GetSynonyms("quiet").IsEmpty);
            Assert.True(d.GetSynonyms("ice").IsEmpty);
            Assert.Equal(2, d.Count); // good, fast: a line with no synonym or a head word with a space adds no word
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_malformed_line_is_still_reported_at_load_with_its_line()
    {
        string path = Path.Combine(Path.GetTempPath(), $"ta-index-{Guid.NewGuid():N}.tsv");
        File.WriteAllText(path, "good\tn\tfine\nfast\tx\tquick\n");
        try
        {
            var error = Assert.Throws<DataFormatException>(() => SynonymDictionary.Load(path));
            Assert.Contains(":2:", error.Message, StringComparison.Ordinal);
            Assert.Contains("'x'", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_sorted_word_list_finds_words_in_any_case_whatever_the_order_of_its_lines()
    {
        var list = new SortedWordList("# header\nzebras\r\nApples\n\n  bananas \ncherries\napple");
        Assert.Equal(5, list.Count);
        foreach (string word in new[] { "zebras", "APPLES", "apple", "bananas", "Cherries" })
        {
            Assert.True(list.Contains(word), word);
        }

        foreach (string word in new[] { "appl", "applesauce", "banana", "# header", "", "zebra" })
        {
            Assert.False(list.Contains(word), word);
        }
    }

    [Fact]
    public void The_built_in_inflector_uses_the_word_form_list()
    {
        Assert.True(EnglishInflector.Default.IsWordForm("films"));
        Assert.False(EnglishInflector.Default.IsWordForm("newses"));
    }
}
