using TextAugment.Pipelines;
using TextAugment.Text;

namespace TextAugment.Tests;

/// <summary>pipelines/quickstart-zh.yaml and its sample (Debian manpages-zh sentences labelled by section).</summary>
public class ChineseQuickstartTests
{
    private static List<string[]> Rows(string name) =>
        File.ReadLines(Path.Combine(TestPaths.Root, "pipelines", "data", name)).Skip(1).Select(l => l.Split('\t')).ToList();

    private static string Page(string id) => id[..id.IndexOf('#', StringComparison.Ordinal)];

    [Fact]
    public void The_sample_has_five_labels_and_no_page_in_both_splits()
    {
        List<string[]> train = Rows("zh-manpages-train.tsv");
        List<string[]> test = Rows("zh-manpages-test.tsv");
        Assert.Equal(1000, train.Count);
        Assert.Equal(448, test.Count);
        Assert.All(train.Concat(test), r => Assert.Equal(3, r.Length));
        string[] labels = ["admin-command", "file-format", "library-function", "overview", "user-command"];
        Assert.Equal(labels, train.Select(r => r[2]).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(labels, test.Select(r => r[2]).Distinct().Order(StringComparer.Ordinal));
        var trainPages = train.Select(r => Page(r[0])).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(test, r => trainPages.Contains(Page(r[0])));
    }

    [Fact]
    public void The_pipeline_augments_the_sample_into_word_level_variants_without_added_spaces()
    {
        Pipeline pipeline = Pipeline.Load(Path.Combine(TestPaths.Root, "pipelines", "quickstart-zh.yaml"));
        Assert.IsType<JiebaSegmenter>(pipeline.Generator.Options.Segmenter);
        Assert.NotNull(pipeline.Train);
        int changed = 0, variants = 0;
        foreach (string[] row in Rows("zh-manpages-train.tsv").Take(60))
        {
            int spaces = row[1].Count(c => c == ' ');
            foreach (string variant in pipeline.Generator.Generate(row[0], row[1]))
            {
                variants++;
                changed += variant != row[1] ? 1 : 0;
                Assert.True(variant.Count(c => c == ' ') <= spaces, $"'{row[1]}' → '{variant}' gained a space");
            }
        }

        Assert.True(changed >= variants * 9 / 10, $"{changed} of {variants} variants differ from their original");
    }
}
