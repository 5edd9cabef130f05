using TextAugment.Pipelines;

namespace TextAugment.Tests;

public class PipelineTests
{
    public static TheoryData<string> InvalidFixtures()
    {
        var data = new TheoryData<string>();
        foreach (string file in Directory.GetFiles(Path.Combine(TestPaths.Fixtures, "invalid"), "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    /// <summary>Each fixture's first line is '# expect: LINE:COLUMN: message start'.</summary>
    [Theory]
    [MemberData(nameof(InvalidFixtures))]
    public void Each_invalid_pipeline_is_reported_at_its_position_before_any_work(string fixture)
    {
        string path = Path.Combine(TestPaths.Fixtures, "invalid", fixture);
        string expected = File.ReadLines(path).First()["# expect: ".Length..];
        var error = Assert.Throws<PipelineException>(() => Pipeline.Load(path));
        Assert.Contains(error.Errors, e => e.ToString().StartsWith($"{path}:{expected}", StringComparison.Ordinal));
        Assert.All(error.Errors, e => Assert.Equal(path, e.File));
        Assert.False(File.Exists(Path.Combine(TestPaths.Fixtures, "invalid", "out.jsonl")));
    }

    [Fact]
    public void Every_mistake_is_reported_at_once()
    {
        string dir = TestPaths.NewTempDirectory();
        string path = Path.Combine(dir, "many.yaml");
        File.WriteAllText(path, """
            seed: -1
            input: { path: missing.tsv }
            output: { path: out.jsonl }
            augment:
              variants: 0
              stages:
                - random_swap: { n: many }
            """);
        var error = Assert.Throws<PipelineException>(() => Pipeline.Load(path));
        Assert.Equal(4, error.Errors.Count);
        Assert.Equal([1L, 2L, 5L, 7L], error.Errors.Select(e => e.Line));
    }

    [Fact]
    public void The_quickstart_pipeline_is_valid()
    {
        Pipeline pipeline = Pipeline.Load(Path.Combine(TestPaths.Root, "pipelines", "quickstart.yaml"));
        Assert.Equal(4, pipeline.Generator.Options.Variants);
        Assert.True(pipeline.KeepOriginal);
        Assert.EndsWith("wordnet-topics-train.tsv", pipeline.Input!.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_example_pipeline_in_the_repository_is_valid()
    {
        string[] files = Directory.GetFiles(Path.Combine(TestPaths.Root, "pipelines"), "*.yaml");
        Assert.NotEmpty(files);
        foreach (string file in files)
        {
            _ = Pipeline.Load(file);
        }
    }
}
