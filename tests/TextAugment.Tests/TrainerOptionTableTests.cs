using TextAugment.Classification;
using TextAugment.Cli;
using TextAugment.Pipelines;
using Xunit;

namespace TextAugment.Tests;

/// <summary>The trainer's options are written once (<see cref="TrainerOptionTable"/>): the pipeline and the command line agree on each.</summary>
public class TrainerOptionTableTests
{
    public static TheoryData<string> Names() => [.. TrainerOptionTable.All.Select(o => o.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_option_has_the_same_default_value_and_range_error_in_a_pipeline_and_on_the_command_line(string name)
    {
        TrainerOption option = TrainerOptionTable.Named(name);
        string expectedDefault = TrainerOption.Format(option.Get(new TrainerOptions()));
        var (valid, invalid) = Samples(option);

        // Given no value, both give TrainerOptions' default.
        Assert.Equal(expectedDefault, TrainerOption.Format(option.Get(Yaml(option, null).Options)));
        Assert.Null(TrainerCommandLine.Parse([], out _, out TrainerOptions cliDefaults));
        Assert.Equal(expectedDefault, TrainerOption.Format(option.Get(cliDefaults)));

        // Given a valid value other than the default, both take it.
        TrainerOptions fromYaml = Yaml(option, valid.Yaml).Options;
        Assert.Null(TrainerCommandLine.Parse([$"{option.CommandLine}={valid.Cli}"], out List<string> rest, out TrainerOptions fromCli));
        Assert.Empty(rest);
        Assert.NotEqual(expectedDefault, TrainerOption.Format(option.Get(fromYaml)));
        Assert.Equal(TrainerOption.Format(option.Get(fromYaml)), TrainerOption.Format(option.Get(fromCli)));

        // Given a value out of range, both refuse it with the same words.
        var error = Assert.Throws<PipelineException>(() => Yaml(option, invalid.Yaml));
        string yamlMessage = Assert.Single(error.Errors).Message;
        string? cliMessage = TrainerCommandLine.Parse([$"{option.CommandLine}={invalid.Cli}"], out _, out _);
        Assert.NotNull(cliMessage);
        Assert.Equal(yamlMessage.Replace("train." + option.Name, "OPTION", StringComparison.Ordinal), cliMessage.Replace(option.CommandLine, "OPTION", StringComparison.Ordinal));
    }

    [Fact]
    public void A_true_false_option_reads_as_a_flag_and_its_no_form()
    {
        Assert.Null(TrainerCommandLine.Parse(["--no-refit", "data.tsv", "--lowercase=false", "--restore-best"], out List<string> rest, out TrainerOptions options));
        Assert.Equal(["data.tsv"], rest);
        Assert.False(options.Refit);
        Assert.False(options.Features.Lowercase);
        Assert.True(options.EarlyStopping.RestoreBest);
    }

    public static TheoryData<string> BoolNames() => [.. TrainerOptionTable.All.Where(o => o.Kind == TrainerOptionKind.Bool).Select(o => o.Name)];

    [Theory]
    [MemberData(nameof(BoolNames))]
    public void Every_true_false_option_takes_a_following_truth_value_as_its_value_and_refuses_a_wrong_one_by_name(string name)
    {
        // Given --name false (the documented --name value), the option is false and 'false' is not passed on as an argument
        // (it was: --lowercase false trained lower-cased, and Spectre took the 'false' as --no-progress's value).
        TrainerOption option = TrainerOptionTable.Named(name);
        string no = "--no-" + option.CommandLine[2..];
        foreach (var (args, expected) in new (string[], bool)[]
                 {
                     ([option.CommandLine, "false", "data.tsv"], false), ([option.CommandLine, "true", "data.tsv"], true),
                     ([option.CommandLine, "No", "data.tsv"], false), ([option.CommandLine, "YES", "data.tsv"], true),
                     ([$"{option.CommandLine}=false", "data.tsv"], false), ([option.CommandLine, "data.tsv"], true), ([no, "data.tsv"], false),
                 })
        {
            Assert.Null(TrainerCommandLine.Parse(args, out List<string> rest, out TrainerOptions options));
            Assert.Equal(["data.tsv"], rest);
            Assert.Equal(expected, (bool)option.Get(options));
        }

        // A truth-like word that is not true or false is refused naming the option and the values it takes.
        foreach (string wrong in (string[])["0", "1", "on", "off"])
        {
            string? error = TrainerCommandLine.Parse([option.CommandLine, wrong, "data.tsv"], out _, out _);
            Assert.NotNull(error);
            Assert.Contains(option.CommandLine, error, StringComparison.Ordinal);
            Assert.Contains("true or false", error, StringComparison.Ordinal);
            Assert.Contains($"'{wrong}'", error, StringComparison.Ordinal);
        }

        // The --no- form takes no value.
        Assert.Contains(no, TrainerCommandLine.Parse([no, "false"], out _, out _), StringComparison.Ordinal);
        Assert.Contains(no, TrainerCommandLine.Parse([$"{no}=true"], out _, out _), StringComparison.Ordinal);
    }

    public static TheoryData<string> ListNames() => [.. TrainerOptionTable.All.Where(o => o.Kind == TrainerOptionKind.IntegerList).Select(o => o.Name)];

    [Theory]
    [MemberData(nameof(ListNames))]
    public void Every_list_option_takes_the_command_lines_forms_in_a_pipeline_too(string name)
    {
        // Given each form --name takes (hidden 0 for none, a,b, none), a pipeline's key takes the same value: hidden: 0
        // was refused as "must be a list".
        TrainerOption option = TrainerOptionTable.Named(name);
        string[] forms = option.PairLength is null ? ["none", "[]", "64", "\"64,32\"", "[64, 32]", .. option.ZeroMeansNone ? new[] { "0" } : []] : ["none", "\"2,4\"", "[2, 4]"];
        foreach (string yaml in forms)
        {
            string cli = yaml.Trim('"');
            Assert.Null(TrainerCommandLine.Parse([$"{option.CommandLine}={cli}"], out _, out TrainerOptions fromCli));
            Assert.Equal(TrainerOption.Format(option.Get(fromCli)), TrainerOption.Format(option.Get(Yaml(option, yaml).Options)));
        }

        // And refuses what the command line refuses, in the same words.
        string bad = option.PairLength is null ? "abc" : "\"4,2\"";
        var error = Assert.Throws<PipelineException>(() => Yaml(option, bad));
        string? cliMessage = TrainerCommandLine.Parse([$"{option.CommandLine}={bad.Trim('"')}"], out _, out _);
        Assert.Equal(Assert.Single(error.Errors).Message.Replace("train." + option.Name, "OPTION", StringComparison.Ordinal), cliMessage!.Replace(option.CommandLine, "OPTION", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    public void The_min_epochs_warning_never_asks_for_a_value_below_the_smallest_allowed(int epochs)
    {
        // Given early stopping on and min_epochs at its default (5) not below epochs: --epochs 1 asked for "--min-epochs below 1".
        TrainerOption minEpochs = TrainerOptionTable.Named("early_stopping.min_epochs");
        var options = new TrainerOptions { Epochs = epochs, EarlyStopping = new EarlyStoppingOptions { Enabled = true } };
        string message = Assert.Single(TrainerOptionTable.WithoutEffect(options, o => o.Name is "epochs" or "early_stopping.enabled", o => o.CommandLine)).Message;
        if (epochs - 1 < minEpochs.Minimum)
        {
            Assert.DoesNotContain($"--min-epochs below {epochs}", message, StringComparison.Ordinal);
            Assert.Contains("give more --epochs", message, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains($"give --min-epochs below {epochs}", message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_trainer_refuses_out_of_range_options_in_the_tables_words()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Trainer.Train([new("1", "a", "x"), new("2", "b", "y")], null, new TrainerOptions { Dropout = 1 }));
        Assert.StartsWith("dropout is 1; it must be between 0 and 0.99.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Patience_0_trains_every_epoch_and_keeps_the_last()
    {
        List<Example> data = [.. Enumerable.Range(0, 40).Select(i => new Example($"{i}", i % 2 == 0 ? $"good fine {i}" : $"bad awful {i}", i % 2 == 0 ? "pos" : "neg"))];
        var options = new TrainerOptions { Epochs = 6, Refit = false, Hidden = [], Features = new FeatureOptions { Dimensions = 4, Buckets = 1024 }, EarlyStopping = new EarlyStoppingOptions { Patience = 0, MinEpochs = 1 } };
        var (_, report) = Trainer.Train(data, null, options);
        Assert.Equal(6, report.Epochs.Count);
        Assert.Equal(6, report.BestEpoch);
    }

    /// <summary>A valid non-default value and an invalid one, as YAML and as a command-line value.</summary>
    private static ((string Yaml, string Cli) Valid, (string Yaml, string Cli) Invalid) Samples(TrainerOption option)
    {
        object current = option.Get(new TrainerOptions());
        string Num(double v) => v.ToString(System.Globalization.CultureInfo.InvariantCulture);
        switch (option.Kind)
        {
            case TrainerOptionKind.Integer or TrainerOptionKind.Number:
                double value = Convert.ToDouble(current, System.Globalization.CultureInfo.InvariantCulture) == option.Maximum ? option.Minimum : option.Maximum;
                if (option.Kind == TrainerOptionKind.Integer && TrainerOptionTable.CheckCombined(option.Set(new TrainerOptions(), (int)value), o => o.Name) is not null)
                {
                    value = option.Minimum; // the maximum is valid alone but not with the other options' defaults (buckets × dim)
                }

                return ((Num(value), Num(value)), (Num(option.Maximum + 1), Num(option.Maximum + 1)));
            case TrainerOptionKind.Bool:
                string flipped = (bool)current ? "false" : "true";
                return ((flipped, flipped), ("maybe", "maybe"));
            case TrainerOptionKind.Choice:
                string other = option.Choices.First(c => c != (string)current);
                return ((other, other), ("bogus", "bogus"));
            default:
                string big = Num(option.Maximum + 1);
                return option.PairLength is null ? (("[8, 4]", "8,4"), ($"[{big}]", big)) : (("[2, 4]", "2,4"), ("[4, 2]", "4,2"));
        }
    }

    /// <summary>Loads a pipeline whose train section sets <paramref name="option"/> to <paramref name="yaml"/> (or nothing).</summary>
    private static TrainSection Yaml(TrainerOption option, string? yaml)
    {
        string dir = TestPaths.NewTempDirectory();
        string[] parts = option.Name.Split('.');
        string setting = yaml is null ? "  model: out/m.tam"
            : parts.Length == 1 ? $"  {parts[0]}: {yaml}"
            : parts[0] == "consistency" ? $"  consistency: {{ unlabelled: {TestPaths.Fixture("tiny.tsv").Replace('\\', '/')}, {parts[1]}: {yaml} }}"
            : $"  {parts[0]}: {{ {parts[1]}: {yaml} }}";
        string path = TestPaths.TrainPipeline(dir, "\n" + setting);
        return Pipeline.Load(path).Train!;
    }
}
