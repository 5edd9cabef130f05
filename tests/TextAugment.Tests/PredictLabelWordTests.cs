using TextAugment.Corpus;

namespace TextAugment.Tests;

/// <summary>
/// <c>predict</c> reads a line as fastText's <c>predict</c> does: a word that starts with <c>__label__</c> is a label, not
/// input, and is dropped (by the rule every fastText reader here uses, <see cref="FastTextLabels"/>).
/// </summary>
[Collection(ConsoleCollection.Name)]
public class PredictLabelWordTests
{
    [Fact]
    public void A_label_word_anywhere_on_the_line_does_not_change_the_prediction()
    {
        // Given a model that learned the word "__label__neg" (a TSV text may hold it) as a strong sign of neg
        string dir = TestPaths.NewTempDirectory();
        string data = Path.Combine(dir, "t.tsv");
        var rows = new System.Text.StringBuilder("text\tlabel\n");
        for (int i = 0; i < 20; i++)
        {
            rows.Append("__label__neg awful film\tneg\nlovely great film\tpos\n");
        }

        File.WriteAllText(data, rows.ToString());
        string model = Path.Combine(dir, "m.tam");
        var (trained, _, trainErrors) = CommandRunner.InProcess("train", data, "-o", model, "--epochs", "5", "--dim", "8", "--buckets", "4096", "--validation-fraction", "0", "--no-progress");
        Assert.True(trained == 0, trainErrors);

        // When lines with label words are predicted beside the same lines without them
        var (code, output, errors) = CommandRunner.Child("great film\n__label__neg great film\ngreat __label__neg film\ngreat film __label__neg __label__x\n", "predict", model);

        // Then every line is predicted as its text without the label words
        Assert.True(code == 0, errors);
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.All(lines, line => Assert.Equal(lines[0], line));
    }

    [Theory]
    [InlineData("great film", "great film")]
    [InlineData("__label__pos great film", "great film")]
    [InlineData("great __label__pos film", "great film")]
    [InlineData("great film __label__pos", "great film")]
    [InlineData("__label__a __label__b great film", "great film")]
    [InlineData("great x__label__y film", "great x__label__y film")] // not a label word: it does not start with the prefix
    [InlineData("__label__pos", "")]
    public void The_label_words_are_taken_out_as_the_fastText_reader_takes_a_label_out(string line, string text)
    {
        Assert.Equal(text, FastTextLabels.WithoutLabelWords(line));
    }
}
