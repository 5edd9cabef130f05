using TextAugment.Cli;
using TextAugment.Pipelines;

namespace TextAugment.Tests;

/// <summary>A pipeline that augments, trains, evaluates and runs the ablation, end to end on a small sample.</summary>
public class ExperimentTests
{
    [Fact]
    public void A_pipeline_trains_evaluates_and_answers_whether_augmentation_helped()
    {
        string dir = TestPaths.NewTempDirectory();
        string data = Path.Combine(TestPaths.Root, "pipelines", "data").Replace('\\', '/');
        string wordnet = TestPaths.WordNet.Replace('\\', '/');
        string pipeline = Path.Combine(dir, "experiment.yaml");
        File.WriteAllText(pipeline, $"""
            seed: 3
            input: {"{"} path: {data}/wordnet-topics-train.tsv {"}"}
            augment:
              variants: 2
              stages:
                - synonym: {"{"} dictionary: {wordnet}, p: 0.2 {"}"}
            output: {"{"} path: out/augmented.tsv {"}"}
            train:
              features: {"{"} dim: 16, buckets: 65536 {"}"}
              hidden: [16]
              epochs: 4
            evaluate:
              test: {data}/wordnet-topics-test.tsv
              ablation: {"{"} seeds: 2 {"}"}
            """);
        Pipeline loaded = Pipeline.Load(pipeline);
        PipelineRunner.Run(loaded);
        ExperimentResult result = Experiment.Run(loaded);

        Assert.True(File.Exists(Path.Combine(dir, "out", "model.tam")));
        Assert.True(File.Exists(Path.Combine(dir, "out", "report", "curves.svg")));
        Assert.True(File.Exists(Path.Combine(dir, "out", "report", "ablation.json")));
        Assert.Equal(600, result.Test!.Count);
        Assert.True(result.Test.Accuracy > 0.5, $"accuracy {result.Test.Accuracy}");
        Assert.Equal([3UL, 4UL], result.Ablation!.Seeds);
        Assert.Equal(result.Test.Accuracy, result.Ablation.WithAccuracy[0]);
        Assert.Matches("^Augmentation (helped|hurt|made no difference)", result.Ablation.Verdict);
    }

    [Fact]
    public void The_train_evaluate_and_predict_commands_work_together_with_results_on_standard_output()
    {
        string dir = TestPaths.NewTempDirectory();
        string model = Path.Combine(dir, "topics.tam");
        string train = Path.Combine(TestPaths.Root, "pipelines", "data", "wordnet-topics-train.tsv");
        string test = Path.Combine(TestPaths.Root, "pipelines", "data", "wordnet-topics-test.tsv");

        var (code, output, errors) = StreamingTests.Textaugment("", "train", train, "-o", model, "--dim", "16", "--hidden", "16", "--epochs", "3", "--buckets", "65536");
        Assert.Equal(0, code);
        Assert.Contains("epoch 1: train loss", errors, StringComparison.Ordinal); // progress: standard error
        Assert.DoesNotContain("epoch 1: train loss", output, StringComparison.Ordinal);
        Assert.Contains("kept epoch", output, StringComparison.Ordinal); // result: standard output
        Assert.True(File.Exists(Path.Combine(dir, "report", "curves.svg")));
        Assert.Equal(6, Classification.TextClassifier.Load(model).Labels.Count);

        (code, output, errors) = StreamingTests.Textaugment("", "evaluate", model, test);
        Assert.Equal(0, code);
        Assert.Contains("macro-F1", output, StringComparison.Ordinal);
        Assert.Equal("", errors);

        (code, output, _) = StreamingTests.Textaugment("", "evaluate", model, test, "--json");
        Assert.Equal(0, code);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        Assert.Equal(600, json.RootElement.GetProperty("count").GetInt32());
        Assert.Equal(6, json.RootElement.GetProperty("labels").GetArrayLength());
        Assert.Equal(6, json.RootElement.GetProperty("confusion").GetArrayLength());
        double accuracy = json.RootElement.GetProperty("accuracy").GetDouble();
        Assert.InRange(accuracy, 0, 1);
    }
}
