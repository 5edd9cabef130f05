using TextAugment.Cli;
using TextAugment;
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
              validation: {"{"} fraction: 0.1 {"}"}
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
        // refit (the default, with a held-out fraction) works in a pipeline: the kept model was trained again on every augmented row, the
        // held-out originals' variants included, for the epochs early stopping chose.
        Assert.Equal(result.Report.BestEpoch, result.Report.RefitEpochs);
        Assert.Equal(File.ReadAllLines(Path.Combine(dir, "out", "augmented.tsv")).Length - 1, result.Report.TrainingRows);
        Assert.True(result.Test.Accuracy > 0.5, $"accuracy {result.Test.Accuracy}");
        Assert.Equal([3UL, 4UL], result.Ablation!.Seeds);
        Ablation ablation = result.Ablation;
        Assert.Equal(result.Test.Accuracy, ablation.Augmented.Accuracy[0]);
        foreach (AblationArm arm in new[] { ablation.Originals, ablation.Augmented, ablation.Repetition })
        {
            Assert.Equal(2, arm.Accuracy.Count);
            Assert.Equal(2, arm.MacroF1.Count);
        }

        // The control has exactly the augmented corpus's rows; the originals far fewer.
        Assert.Equal(ablation.Augmented.Rows, ablation.Repetition.Rows);
        // With the refit, each arm's kept model trained on every row, the held-out originals' included.
        Assert.Equal(result.Report.TrainingRows, ablation.Augmented.Rows);
        Assert.Equal(File.ReadAllLines($"{data}/wordnet-topics-train.tsv").Length - 1, ablation.Originals.Rows);
        Assert.True(ablation.Originals.Rows < ablation.Augmented.Rows, $"{ablation.Originals.Rows} originals, {ablation.Augmented.Rows} augmented");
        Assert.Contains("Does more training on the same text help (repetition control vs originals)?", ablation.Verdict, StringComparison.Ordinal);
        Assert.Contains("Does the new text help (augmented vs repetition control)?", ablation.Verdict, StringComparison.Ordinal);
        Assert.Contains("macro-F1", ablation.Verdict, StringComparison.Ordinal);

        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "out", "report", "ablation.json")));
        var arms = json.RootElement.GetProperty("arms");
        Assert.Equal(ablation.Repetition.Accuracy[1], arms.GetProperty("repetition_control").GetProperty("accuracy")[1].GetDouble());
        Assert.Equal(ablation.Originals.MacroF1[0], arms.GetProperty("originals").GetProperty("macro_f1")[0].GetDouble());
        Assert.Equal(1, json.RootElement.GetProperty("tests").GetProperty("augmented_vs_repetition").GetProperty("accuracy").GetProperty("df").GetInt32());
    }

    [Fact]
    public void A_pipeline_with_consistency_training_runs_the_four_arm_ablation()
    {
        string dir = TestPaths.NewTempDirectory();
        string data = Path.Combine(TestPaths.Root, "pipelines", "data").Replace('\\', '/');
        string pipeline = Path.Combine(dir, "consistency.yaml");
        File.WriteAllText(pipeline, $"""
            seed: 3
            input: {"{"} path: {data}/wordnet-topics-train-200.tsv {"}"}
            augment:
              variants: 2
              stages:
                - random_swap: {"{"} n: 1 {"}"}
            output: {"{"} path: out/augmented.tsv {"}"}
            train:
              features: {"{"} dim: 8, buckets: 16384 {"}"}
              hidden: []
              epochs: 3
              consistency: {"{"} unlabelled: {data}/wordnet-topics-unlabelled.txt, ratio: 1, temperature: 0.5 {"}"}
            evaluate:
              test: {data}/wordnet-topics-test.tsv
              ablation: {"{"} seeds: 2 {"}"}
            """);
        Pipeline loaded = Pipeline.Load(pipeline);
        Assert.Equal(1000, loaded.Train!.Options.Consistency.Unlabelled.Count);
        Assert.Equal(0.5, loaded.Train.Options.Consistency.Temperature);
        Assert.Contains("1,000 unlabelled texts", loaded.Train.UnlabelledNote, StringComparison.Ordinal);
        PipelineRunner.Run(loaded);
        ExperimentResult result = Experiment.Run(loaded);

        // The saved model is the consistency arm's; its curves carry the consistency loss.
        Assert.All(result.Report.Epochs, e => Assert.True(double.IsFinite(e.ConsistencyLoss)));
        Assert.Contains("consistency_loss", File.ReadAllText(Path.Combine(dir, "out", "report", "curves.csv")), StringComparison.Ordinal);
        Ablation ablation = result.Ablation!;
        Assert.NotNull(ablation.Consistency);
        Assert.Equal(result.Test!.Accuracy, ablation.Consistency.Accuracy[0]);
        Assert.Equal(ablation.Originals.Rows, ablation.Consistency.Rows);
        Assert.Contains("Does consistency training on unlabelled text help (consistency vs originals)?", ablation.Verdict, StringComparison.Ordinal);
        Assert.Contains("consistency vs repetition control", ablation.Verdict, StringComparison.Ordinal);
        Assert.Contains("consistency   ", ablation.Table(), StringComparison.Ordinal);
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "out", "report", "ablation.json")));
        Assert.Equal(ablation.Consistency.Accuracy[1], json.RootElement.GetProperty("arms").GetProperty("consistency").GetProperty("accuracy")[1].GetDouble());
        Assert.True(json.RootElement.GetProperty("tests").TryGetProperty("consistency_vs_repetition", out _));
    }

    [Fact]
    public void The_repetition_control_repeats_each_original_once_per_augmented_row()
    {
        Example a = new("a", "the cat", "x");
        Example b = new("b", "a dog", "y");
        Example c = new("c", "no rows", "y");
        List<Example> augmented = [new("a", "the cat", "x"), new("b", "a dog", "y"), new("a", "the kitten", "x"), new("a", "a cat", "x"), new("b", "one dog", "y")];
        List<Example> control = Experiment.RepetitionControl([a, b, c], augmented);
        Assert.Equal([a, b, a, a, b], control);
        Assert.Throws<ArgumentException>(() => Experiment.RepetitionControl([a], augmented));
    }

    [Fact]
    public void The_paired_t_test_matches_a_hand_computed_case()
    {
        // Differences 0.02, 0.02, 0.04, −0.01, 0.03: mean 0.02; deviations 0, 0, 0.02, −0.03, 0.01, sum of
        // squares 0.0014, variance 0.0014 / 4 = 0.00035, SE = √(0.00035 / 5) = 0.0083666; t = 2.390457, df = 4.
        // For 4 degrees of freedom the t CDF has the closed form F(t) = 1/2 + (t / (2√(4 + t²)))·(1 + 2 / (4 + t²)),
        // so p = 1 − (t / √(4 + t²))·(1 + 2 / (4 + t²)) = 0.075130.
        PairedTTest test = PairedTTest.Of([0.82, 0.82, 0.85, 0.79, 0.83], [0.80, 0.80, 0.81, 0.80, 0.80]);
        Assert.Equal(5, test.Pairs);
        Assert.Equal(0.02, test.MeanDifference, 12);
        Assert.Equal(Math.Sqrt(0.00035 / 5), test.StandardError!.Value, 12);
        Assert.Equal(0.02 / Math.Sqrt(0.00035 / 5), test.T!.Value, 9);
        Assert.Equal(4, test.DegreesOfFreedom);
        double t = test.T.Value;
        double p = 1 - (t / Math.Sqrt(4 + t * t)) * (1 + 2 / (4 + t * t));
        Assert.Equal(p, test.P!.Value, 10);
        Assert.Equal(0.0750, test.P.Value, 3);
        Assert.False(test.Clear);

        // Differences 1, 2, 3: t = 2 / (1 / √3) = √12, df = 2, p = 1 − t / √(2 + t²) = 1 − √(6/7).
        PairedTTest three = PairedTTest.Of([2.0, 4.0, 6.0], [1.0, 2.0, 3.0]);
        Assert.Equal(1 - Math.Sqrt(6.0 / 7), three.P!.Value, 10);

        // Table values: t = 12.706 at 1 df and 2.228 at 10 df are two-sided p = 0.05; 1.812 at 10 df is 0.10.
        Assert.Equal(0.05, StudentT.TwoSidedP(12.7062, 1), 4);
        Assert.Equal(0.05, StudentT.TwoSidedP(2.2281, 10), 4);
        Assert.Equal(0.10, StudentT.TwoSidedP(-1.8125, 10), 4);
        Assert.Equal(1.0, StudentT.TwoSidedP(0, 7), 12);

        // A clear effect; one seed has nothing to test.
        Assert.True(PairedTTest.Of([0.90, 0.91, 0.92, 0.90, 0.93], [0.80, 0.80, 0.81, 0.79, 0.80]).Clear);
        Assert.Null(PairedTTest.Of([0.9], [0.8]).P);
    }

    [Fact]
    public void One_seed_has_no_standard_error_or_spread_instead_of_zero()
    {
        PairedTTest one = PairedTTest.Of([0.9], [0.8]);
        Assert.Null(one.StandardError);
        Assert.Null(one.T);
        Assert.Equal(0.1, one.MeanDifference, 12);
        Assert.Equal(0.0, PairedTTest.Of([0.9, 0.8], [0.8, 0.7]).StandardError!.Value, 12); // two seeds, no spread: defined and 0

        Assert.Null(MeanStd.Of([0.75]).Std);
        Assert.Equal("0.7500 (one seed)", MeanStd.Of([0.75]).ToString());
        Assert.Equal("0.7500 ± 0.0707", MeanStd.Of([0.70, 0.80]).ToString());

        var arm = new AblationArm(10, [0.9], [0.85]);
        string line = AblationComparison.Of("Q?", arm, new AblationArm(10, [0.8], [0.8])).Answer();
        Assert.Contains("with one seed: nothing to test against", line, StringComparison.Ordinal);
        Assert.StartsWith("Q? not tested (one seed).", line, StringComparison.Ordinal);
        Assert.DoesNotContain("SE 0.00", line, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_difference_in_every_seed_is_reported_as_identical_not_as_an_infinite_t()
    {
        PairedTTest same = PairedTTest.Of([0.85, 0.85, 0.85], [0.80, 0.80, 0.80]);
        Assert.Null(same.T);
        Assert.Null(same.P);
        Assert.False(same.Clear);
        Assert.True(same.Identical);
        Assert.True(PairedTTest.Of([0.9, 0.8], [0.8, 0.7]).Identical); // equal up to the last bit

        var ablation = new Ablation([1, 2, 3], new AblationArm(10, [0.80, 0.80, 0.80], [0.7, 0.7, 0.7]),
            new AblationArm(30, [0.90, 0.92, 0.95], [0.9, 0.91, 0.96]), new AblationArm(30, [0.85, 0.85, 0.85], [0.75, 0.75, 0.75]));
        string verdict = ablation.Verdict;
        Assert.Contains("not tested (the same difference in every seed", verdict, StringComparison.Ordinal);
        Assert.Contains("accuracy +5.00 points in each of 3 seeds: identical across seeds", verdict, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", verdict, StringComparison.Ordinal);
        Assert.DoesNotContain("SE 0.00", verdict, StringComparison.Ordinal);

        string json = ablation.Json();
        Assert.DoesNotContain("\\u003C", json, StringComparison.Ordinal);
        Assert.Contains("\"identical_across_seeds\": true", json, StringComparison.Ordinal);
        Assert.Contains("clear (p < 0.05)", json, StringComparison.Ordinal); // augmented vs repetition: t = 5.05, df = 2, p = 0.037, written as is
    }

    [Fact]
    public void Ablation_seeds_are_written_whole_and_stay_within_the_seed_range()
    {
        // ablation.json wrote each seed through a 32-bit int: 3000000000 came out as -1294967296.
        var arm = new AblationArm(10, [0.8, 0.8], [0.7, 0.7]);
        string json = new Ablation([3_000_000_000UL, 9_223_372_036_854_775_807UL], arm, arm, arm).Json();
        Assert.Contains("\"seeds\": [\n    3000000000,\n    9223372036854775807\n  ]", json.ReplaceLineEndings("\n"), StringComparison.Ordinal);

        // The k-th seed is the run's seed plus k, counted on from 0 past the largest seed the pipeline accepts (2^63 - 1).
        Assert.Equal(3_000_000_001UL, Experiment.AblationSeed(3_000_000_000UL, 1));
        Assert.Equal((ulong)TextAugment.Classification.TrainerOptions.MaxSeed, Experiment.AblationSeed((ulong)TextAugment.Classification.TrainerOptions.MaxSeed - 1, 1));
        Assert.Equal(0UL, Experiment.AblationSeed((ulong)TextAugment.Classification.TrainerOptions.MaxSeed, 1));
        Assert.Equal(3UL, Experiment.AblationSeed((ulong)TextAugment.Classification.TrainerOptions.MaxSeed - 1, 5));
    }

    [Fact]
    public void Train_on_an_augmented_file_splits_validation_by_id_and_patience_0_keeps_the_last_epoch()
    {
        string dir = TestPaths.NewTempDirectory();
        string data = Path.Combine(dir, "augmented.tsv");
        var lines = new List<string> { "id\tvariant\ttext\tlabel" };
        string[] good = ["great", "superb", "fine"], bad = ["awful", "dull", "poor"];
        for (int i = 0; i < 40; i++)
        {
            for (int v = 0; v < 4; v++)
            {
                string word = (i % 2 == 0 ? good : bad)[(i + v) % 3];
                lines.Add(FormattableString.Invariant($"x{i}\t{v}\tthis one is {word} number {i} variant {v}\t{(i % 2 == 0 ? "pos" : "neg")}"));
            }
        }

        File.WriteAllLines(data, lines);
        string model = Path.Combine(dir, "m.tam");
        var (code, output, _) = CommandRunner.Child("", "train", data, "-o", model, "--dim", "8", "--hidden", "0", "--epochs", "3", "--buckets", "4096", "--patience", "0", "--validation-fraction", "0.25");
        Assert.Equal(0, code);

        using var report = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "m.report", "report.json")));
        Assert.Contains("split by the id column", report.RootElement.GetProperty("validation").GetString(), StringComparison.Ordinal);
        Assert.Equal(40, report.RootElement.GetProperty("validation_rows").GetInt32()); // 10 of 40 ids, 4 rows each
        Assert.Equal(160, report.RootElement.GetProperty("training_rows").GetInt32()); // refit on all rows after the split chose the epochs
        Assert.Equal(3, report.RootElement.GetProperty("best_epoch").GetInt32()); // patience 0: no early stop, no restore
        Assert.Contains("trained on 160 examples", output, StringComparison.Ordinal);

        // The report records every option the run used, by the option table's names, defaults included.
        System.Text.Json.JsonElement options = report.RootElement.GetProperty("options");
        Assert.Equal(8, options.GetProperty("features.dim").GetInt32());
        Assert.Equal(3, options.GetProperty("epochs").GetInt32());
        Assert.Equal(0, options.GetProperty("early_stopping.patience").GetInt32());
        Assert.Equal(0.3, options.GetProperty("consistency.weight").GetDouble(), 12);
        Assert.Equal(0.6, options.GetProperty("consistency.confidence").GetDouble(), 12);
        Assert.Equal("none", options.GetProperty("consistency.tsa").GetString());
        Assert.Equal("tfidf", options.GetProperty("features.weighting").GetString());
        Assert.Equal(TextAugment.Classification.TrainerOptionTable.All.Count, options.EnumerateObject().Count());
    }

    [Fact]
    public void The_train_evaluate_and_predict_commands_work_together_with_results_on_standard_output()
    {
        string dir = TestPaths.NewTempDirectory();
        string model = Path.Combine(dir, "topics.tam");
        string train = Path.Combine(TestPaths.Root, "pipelines", "data", "wordnet-topics-train.tsv");
        string test = Path.Combine(TestPaths.Root, "pipelines", "data", "wordnet-topics-test.tsv");

        var (code, output, errors) = CommandRunner.Child("", "train", train, "-o", model, "--dim", "16", "--hidden", "16", "--epochs", "3", "--buckets", "65536");
        Assert.Equal(0, code);
        Assert.Contains("epoch 1: train loss", errors, StringComparison.Ordinal); // progress: standard error
        Assert.DoesNotContain("epoch 1: train loss", output, StringComparison.Ordinal);
        Assert.Contains("kept epoch", output, StringComparison.Ordinal); // result: standard output
        Assert.True(File.Exists(Path.Combine(dir, "topics.report", "curves.svg"))); // named after the model: two models in one folder keep their reports
        Assert.Equal(6, Classification.TextClassifier.Load(model).Labels.Count);

        (code, output, errors) = CommandRunner.Child("", "evaluate", model, test);
        Assert.Equal(0, code);
        Assert.Contains("macro-F1", output, StringComparison.Ordinal);
        Assert.Equal("", errors);

        (code, output, _) = CommandRunner.Child("", "evaluate", model, test, "--json");
        Assert.Equal(0, code);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        Assert.Equal(600, json.RootElement.GetProperty("count").GetInt32());
        Assert.Equal(6, json.RootElement.GetProperty("labels").GetArrayLength());
        Assert.Equal(6, json.RootElement.GetProperty("confusion").GetArrayLength());
        double accuracy = json.RootElement.GetProperty("accuracy").GetDouble();
        Assert.InRange(accuracy, 0, 1);

        (code, output, _) = CommandRunner.Child("a small songbird with a red breast\na dish of rice and beans\n", "predict", model, "-k", "2");
        Assert.Equal(0, code);
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        foreach (string line in lines)
        {
            using var prediction = System.Text.Json.JsonDocument.Parse(line);
            var top = prediction.RootElement.GetProperty("top").EnumerateArray().ToList();
            Assert.Equal(2, top.Count);
            Assert.Equal(prediction.RootElement.GetProperty("label").GetString(), top[0].GetProperty("label").GetString());
            Assert.True(top[0].GetProperty("probability").GetDouble() >= top[1].GetProperty("probability").GetDouble());
        }

        // fastText's spelling of the option gives the same lines.
        var (kCode, kOutput, _) = CommandRunner.Child("a small songbird with a red breast\na dish of rice and beans\n", "predict", model, "--k", "2");
        Assert.Equal(0, kCode);
        Assert.Equal(output, kOutput);
    }

    [Fact]
    public void Early_stopping_without_validation_data_is_reported_not_ignored_silently()
    {
        string dir = TestPaths.NewTempDirectory();
        string data = Path.Combine(TestPaths.Root, "pipelines", "data").Replace('\\', '/');
        string pipeline = Path.Combine(dir, "es.yaml");
        File.WriteAllText(pipeline, $"""
            seed: 3
            input: {"{"} path: {data}/wordnet-topics-train.tsv {"}"}
            augment:
              variants: 1
              stages:
                - random_swap: {"{"} n: 1 {"}"}
            output: {"{"} path: out/augmented.tsv {"}"}
            train:
              features: {"{"} dim: 8, buckets: 4096 {"}"}
              epochs: 2
              early_stopping: {"{"} enabled: true {"}"}
            """);
        Pipeline loaded = Pipeline.Load(pipeline);
        Assert.Contains(loaded.Warnings, w => w.ToString().Contains("es.yaml:11:30: train.early_stopping has no effect without validation data (validation.fraction is 0)", StringComparison.Ordinal));
        var (code, _, errors) = CommandRunner.InProcess("validate", pipeline);
        Assert.True(code == 0, errors);
        Assert.Contains("es.yaml:11:30: train.early_stopping has no effect without validation data", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pipelines_min_epochs_past_its_epochs_and_refit_without_a_held_out_fraction_are_warned_about_once_at_their_keys()
    {
        string dir = TestPaths.NewTempDirectory();
        string data = Path.Combine(TestPaths.Root, "pipelines", "data").Replace('\\', '/');
        string pipeline = Path.Combine(dir, "idle.yaml");
        File.WriteAllText(pipeline, $"""
            seed: 3
            input: {"{"} path: {data}/wordnet-topics-train-200.tsv {"}"}
            augment:
              variants: 1
              stages:
                - random_swap: {"{"} n: 1 {"}"}
            output: {"{"} path: out/augmented.tsv {"}"}
            train:
              features: {"{"} dim: 8, buckets: 4096 {"}"}
              epochs: 2
              refit: false
              early_stopping: {"{"} enabled: true, min_epochs: 3 {"}"}
            """);
        Pipeline loaded = Pipeline.Load(pipeline);
        string[] messages = [.. loaded.Warnings.Select(w => w.ToString())];
        Assert.Single(messages, m => m.Contains("idle.yaml:12:48: train.early_stopping.min_epochs 3 is not below train.epochs 2: early stopping may keep or stop at no epoch before the last", StringComparison.Ordinal));
        Assert.Single(messages, m => m.Contains("idle.yaml:11:10: train.refit false has no effect: the refit retrains on all the data after early stopping chose the epochs on a held-out part of it (train.validation.fraction)", StringComparison.Ordinal));

        // validate prints the same warnings, exit 0; run prints them once, before any work.
        var (code, _, errors) = CommandRunner.InProcess("validate", pipeline);
        Assert.True(code == 0, errors);
        Assert.Contains("idle.yaml:12:48: train.early_stopping.min_epochs 3 is not below", errors, StringComparison.Ordinal);
        Assert.Contains("idle.yaml:11:10: train.refit false has no effect", errors, StringComparison.Ordinal);
        (code, _, errors) = CommandRunner.InProcess("run", pipeline, "--no-progress");
        Assert.True(code == 0, errors);
        Assert.Equal(1, errors.Split("train.early_stopping.min_epochs 3 is not below").Length - 1);
    }

    /// <summary>
    /// Item: a value the pipeline writes is the user's even when it equals the default: min_epochs: 5 (the default) past
    /// epochs: 2 is warned about without "(the default)", as 'textaugment train --min-epochs 5' is; early stopping's
    /// settings with early stopping off are warned about at their key, as on the command line.
    /// </summary>
    [Fact]
    public void An_explicit_value_equal_to_the_default_is_not_called_the_default_and_idle_early_stopping_settings_are_warned_about()
    {
        string dir = TestPaths.NewTempDirectory();
        string data = Path.Combine(TestPaths.Root, "pipelines", "data").Replace('\\', '/');
        string Write(string train)
        {
            string path = Path.Combine(dir, "p.yaml");
            File.WriteAllText(path, $"seed: 3\ninput: {{ path: {data}/wordnet-topics-train-200.tsv }}\naugment: {{ stages: [ random_swap: {{}} ] }}\noutput: {{ path: out/a.tsv }}\n{train}\n");
            return path;
        }

        string[] warnings = [.. Pipeline.Load(Write("train: { epochs: 2, validation: { fraction: 0.2 }, early_stopping: { enabled: true, min_epochs: 5 } }")).Warnings.Select(w => w.ToString())];
        string warning = Assert.Single(warnings);
        Assert.Contains("p.yaml:5:97: train.early_stopping.min_epochs 5 is not below train.epochs 2", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("(the default)", warning, StringComparison.Ordinal);

        warnings = [.. Pipeline.Load(Write("train: { epochs: 2, validation: { fraction: 0.2 }, early_stopping: { enabled: true } }")).Warnings.Select(w => w.ToString())];
        Assert.Contains("train.early_stopping.min_epochs 5 (the default) is not below train.epochs 2", Assert.Single(warnings), StringComparison.Ordinal);

        warnings = [.. Pipeline.Load(Write("train: { epochs: 2, validation: { fraction: 0.2 }, early_stopping: { patience: 2 } }")).Warnings.Select(w => w.ToString())];
        Assert.Contains("p.yaml:5:80: train.early_stopping.patience 2 has no effect: early stopping is off; set train.early_stopping.enabled: true", Assert.Single(warnings), StringComparison.Ordinal);
    }

    /// <summary>
    /// Item: train.validation and evaluate.test take the input section's keys (format, text, label, ...: one definition,
    /// as train.consistency.unlabelled's mapping), so a held-out file with other columns or a misleading extension can be
    /// read; the columns they do not name are the input's; a column key without a path is a mistake at the key.
    /// </summary>
    [Fact]
    public void Validation_and_test_files_take_the_input_sections_keys()
    {
        string dir = TestPaths.NewTempDirectory();
        File.WriteAllText(Path.Combine(dir, "in.tsv"), "id\ttext\tlabel\n1\ta cat\tanimal\n2\tan apple\tfood\n3\ta dog\tanimal\n4\ta pear\tfood\n");
        File.WriteAllText(Path.Combine(dir, "valid.txt"), "sentence,topic\na cow,animal\na plum,food\n");
        File.WriteAllText(Path.Combine(dir, "test.csv"), "sentence,topic\na hen,animal\na fig,food\nan owl,animal\n");
        string pipeline = Path.Combine(dir, "p.yaml");
        string head = "seed: 1\ninput: { path: in.tsv }\naugment: { stages: [ random_swap: {} ] }\noutput: { path: o.tsv }\n";
        File.WriteAllText(pipeline, head + "train: { epochs: 2, validation: { path: valid.txt, format: csv, text: sentence, label: topic } }\nevaluate: { test: { path: test.csv, text: sentence, label: topic }, ablation: { without_augmentation: false } }\n");
        var (code, output, errors) = CommandRunner.InProcess("run", pipeline, "--no-progress");
        Assert.True(code == 0, errors);
        Assert.Contains("validating on 2 examples given", errors + output, StringComparison.Ordinal);
        Assert.Contains("(3 examples)", errors + output, StringComparison.Ordinal);

        File.WriteAllText(pipeline, head + "train: { epochs: 2, validation: { fraction: 0.2, text: sentence } }\nevaluate: { test: { path: test.csv, text: nope, label: topic } }\n");
        (code, _, errors) = CommandRunner.InProcess("validate", pipeline);
        Assert.True(code == 2, errors);
        Assert.Contains("p.yaml:5:56: train.validation.text describes the train.validation file, but train.validation has no path", errors, StringComparison.Ordinal);
        Assert.Contains("p.yaml:6:19: evaluate.test cannot be read: ", errors, StringComparison.Ordinal);
        Assert.Contains("the header has no text column 'nope'; it has: sentence, topic. Set evaluate.test.text to the column that holds the text.", errors, StringComparison.Ordinal);
    }

    private sealed class SynchronousProgress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
