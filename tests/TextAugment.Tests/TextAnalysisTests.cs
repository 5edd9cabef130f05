using TextAugment.Text;
using Xunit;

namespace TextAugment.Tests;

public sealed class TextAnalysisTests
{
    [Fact]
    public void Each_language_bundles_its_segmenter_stop_words_and_negators()
    {
        TextAnalysis en = TextAnalysis.For("en");
        Assert.Same(TextAnalysis.English, en);
        Assert.Equal("en", en.Language);
        Assert.Same(Segmenter.None, en.Segmenter);
        Assert.True(en.StopWords.Contains("the"));
        Assert.True(en.Negators.Contains("not"));
        Assert.False(en.StopWords.Contains("的"));

        TextAnalysis zh = TextAnalysis.For("zh");
        Assert.Same(TextAnalysis.Chinese, zh);
        Assert.Equal("zh", zh.Language);
        Assert.Same(JiebaSegmenter.Default, zh.Segmenter);
        Assert.True(zh.StopWords.Contains("的"));
        Assert.True(zh.Negators.Contains("不"));
        Assert.False(zh.StopWords.Contains("the"));
        Assert.Same(zh.Segmenter, Segmenter.ForLanguage("zh"));
    }

    [Fact]
    public void An_unsupported_language_is_named_in_the_error()
    {
        var error = Assert.Throws<ArgumentException>(() => TextAnalysis.For("fr"));
        Assert.Contains("'fr'", error.Message, StringComparison.Ordinal);
        Assert.Contains("en or zh", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_segmenter_must_fit_the_language()
    {
        JiebaSegmenter noHmm = JiebaSegmenter.Default.WithHmm(false);
        TextAnalysis zh = TextAnalysis.Chinese.WithSegmenter(noHmm);
        Assert.Same(noHmm, zh.Segmenter);
        Assert.Same(TextAnalysis.Chinese.StopWords, zh.StopWords);
        Assert.Same(TextAnalysis.Chinese, TextAnalysis.Chinese.WithSegmenter(JiebaSegmenter.Default));
        Assert.Throws<ArgumentException>(() => TextAnalysis.English.WithSegmenter(noHmm));
        Assert.Throws<ArgumentException>(() => TextAnalysis.Chinese.WithSegmenter(Segmenter.None));
    }
}
