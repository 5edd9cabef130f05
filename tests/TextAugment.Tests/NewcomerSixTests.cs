using TextAugment.Cli;
using TextAugment.Classification;
using TextAugment.Pipelines;

namespace TextAugment.Tests;

/// <summary>
/// The faults of the sixth newcomer's hunt (options and pipeline keys checked and described): an empty list value taken
/// as "none", a number given for a section advised into a path, consistency settings idle at weight 0 without a word, and
/// a pair option shown by one element.
/// </summary>
[Collection(ConsoleCollection.Name)]
public class NewcomerSixTests
{
    private static string Data => Path.Combine(TestPaths.Root, "pipelines", "data", "wordnet-topics-train-200.tsv");

    private static string Unlabelled => Path.Combine(TestPaths.Root, "pipelines", "data", "wordnet-topics-unlabelled.txt");

    [Theory]
    [InlineData("--hidden", "", "--hidden is empty")]
    [InlineData("--hidden", " ", "--hidden is only white space")]
    [InlineData("--char-ngrams", "", "--char-ngrams is empty")]
    [InlineData("--char-ngrams", "  ", "--char-ngrams is only white space")]
    public void An_empty_or_blank_list_value_is_refused_as_the_pipeline_refuses_it(string option, string value, string expected)
    {
        // Given an unset variable in a script (--hidden "$HIDDEN"): exit 2 naming the option (it trained a linear model)
        string model = Path.Combine(TestPaths.NewTempDirectory(), "m.tam");
        var (code, output, errors) = CommandRunner.InProcess("train", Data, "-o", model, "--epochs", "1", "--no-progress", option, value);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains(expected, errors, StringComparison.Ordinal);
        Assert.Contains("for none", errors, StringComparison.Ordinal);
        Assert.False(File.Exists(model));
        Assert.Contains("--hidden needs a value", TextAugmentApp.MissingValue(["train", "d.tsv", "-o", "m.tam", "--hidden="]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("[]")]
    [InlineData("0")]
    public void None_is_still_written_none_brackets_or_zero(string value)
    {
        TrainerOption hidden = TrainerOptionTable.Named("hidden");
        Assert.True(hidden.TryParse(value, "--hidden", out object? parsed, out string? error), error);
        Assert.Equal(Array.Empty<int>(), parsed);
        Assert.True(TrainerOptionTable.Named("features.char_ngrams").TryParse("none", "--char-ngrams", out parsed, out error), error);
        Assert.Equal(Array.Empty<int>(), parsed);
    }

    [Theory]
    [InlineData("3,0", "'[3, 0]'")]
    [InlineData("0,5", "'[0, 5]'")]
    [InlineData("11,12", "'[11, 12]'")]
    [InlineData("3,x", "'[3, x]'")]
    [InlineData("5,3", "'[5, 3]'")]
    public void A_pair_out_of_range_is_shown_whole(string value, string shown)
    {
        // It said "--char-ngrams is '0'" for 3,0: the message says what the pair must be, so it shows the pair.
        TrainerOption ngrams = TrainerOptionTable.Named("features.char_ngrams");
        Assert.False(ngrams.TryParse(value, "--char-ngrams", out _, out string? error));
        Assert.StartsWith($"--char-ngrams is {shown}; it must be [min, max]", error, StringComparison.Ordinal);
        Assert.Contains("--hidden: '0' is not a layer size", TrainerOptionTable.Named("hidden").TryParse("64,0", "--hidden", out _, out error) ? "" : error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("train:\n  validation: 0.1\n", "train.validation must be a mapping ({ key: value, ... }) but is '0.1'; write validation: { fraction: 0.1 }.")]
    [InlineData("train:\n  validation: held-out.tsv\n", "write validation: { path: held-out.tsv }.")]
    [InlineData("train: {}\nevaluate:\n  test: t.tsv\n  ablation: 3\n", "evaluate.ablation must be a mapping ({ key: value, ... }) but is '3'; write ablation: { seeds: 3 }.")]
    public void A_number_where_a_section_belongs_is_advised_into_the_key_that_takes_a_number(string section, string expected)
    {
        string dir = TestPaths.NewTempDirectory();
        File.WriteAllText(Path.Combine(dir, "d.tsv"), "text\tlabel\ngood film\tpos\nbad film\tneg\n");
        string pipeline = Path.Combine(dir, "p.yaml");
        File.WriteAllText(pipeline, "seed: 1\ninput: { path: d.tsv }\naugment: { variants: 1, stages: [ { random_swap: { n: 1 } } ] }\noutput: { path: out.tsv }\n" + section);
        var (code, _, errors) = CommandRunner.InProcess("validate", pipeline);
        Assert.Equal(2, code);
        Assert.Contains(expected, errors, StringComparison.Ordinal);
        Assert.DoesNotContain("path: 0.1", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("without_augmentation: ...", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Consistency_settings_given_with_weight_0_are_named_as_without_effect_on_the_command_line()
    {
        string model = Path.Combine(TestPaths.NewTempDirectory(), "m.tam");
        var (code, _, errors) = CommandRunner.InProcess("train", Data, "-o", model, "--epochs", "1", "--no-progress", "--unlabelled", Unlabelled,
            "--consistency-weight", "0", "--consistency-views", "4", "--consistency-ratio", "8", "--consistency-confidence", "0.9", "--consistency-temperature", "0.5");
        Assert.True(code == 0, errors);
        Assert.Single(errors.Split('\n'), l => l.StartsWith("textaugment: --consistency-confidence 0.9, --consistency-temperature 0.5, --consistency-ratio 8, --consistency-views 4 have no effect with --consistency-weight 0", StringComparison.Ordinal));

        // Without unlabelled text they get the one warning that says so, not also one about the weight
        (code, _, errors) = CommandRunner.InProcess("train", Data, "-o", model, "--epochs", "1", "--no-progress", "--consistency-weight", "0", "--consistency-views", "4");
        Assert.True(code == 0, errors);
        Assert.Contains("have no effect without --unlabelled FILE", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("with --consistency-weight 0", errors, StringComparison.Ordinal);

        // And weight 0 alone, UDA's control run, is no mistake
        (code, _, errors) = CommandRunner.InProcess("train", Data, "-o", model, "--epochs", "1", "--no-progress", "--unlabelled", Unlabelled, "--consistency-weight", "0");
        Assert.True(code == 0, errors);
        Assert.DoesNotContain("no effect", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Consistency_settings_and_stages_given_with_weight_0_are_warned_about_at_their_keys_in_a_pipeline()
    {
        string dir = TestPaths.NewTempDirectory();
        string pipeline = Path.Combine(dir, "c.yaml");
        string data = Data.Replace('\\', '/'), unlabelled = Unlabelled.Replace('\\', '/');
        File.WriteAllText(pipeline, $"seed: 1\ninput: {{ path: {data} }}\naugment: {{ variants: 1, stages: [ {{ random_swap: {{ n: 1 }} }} ] }}\noutput: {{ path: out.tsv }}\ntrain:\n  consistency:\n    unlabelled: {unlabelled}\n    weight: 0\n    views: 4\n    stages: [ {{ random_swap: {{ n: 1 }} }} ]\n");
        string[] messages = [.. Pipeline.Load(pipeline).Warnings.Select(w => w.ToString())];
        Assert.Single(messages, m => m.Contains("c.yaml:9:12: train.consistency.views 4 has no effect with train.consistency.weight 0", StringComparison.Ordinal));
        Assert.Single(messages, m => m.Contains("c.yaml:10:13: train.consistency.stages has no effect with train.consistency.weight 0", StringComparison.Ordinal));
        var (code, _, errors) = CommandRunner.InProcess("validate", pipeline);
        Assert.True(code == 0, errors);
        Assert.Contains("train.consistency.views 4 has no effect with train.consistency.weight 0", errors, StringComparison.Ordinal);
    }
}
