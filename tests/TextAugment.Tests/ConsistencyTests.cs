using TextAugment.Augmenters;
using TextAugment.Classification;
using TextAugment.Corpus;
using TextAugment.Pipelines;
using Xunit;

namespace TextAugment.Tests;

/// <summary>Consistency training (UDA, Xie et al. 2019): the objective's pieces, its gradient, and determinism.</summary>
public class ConsistencyTests
{
    [Fact]
    public void The_KL_gradient_matches_finite_differences_with_the_target_held_fixed()
    {
        // Given a small network, a text x and its augmented view x̂
        var network = new Network(buckets: 16, dimensions: 4, hidden: [5], classes: 3);
        network.Initialize(new AugmentRandom(7));
        var scratch = new Network.Scratch(network);
        int[] x = [1, 2, 3], xHat = [1, 4, 3, 4];

        // p̃ from x, computed once: the stop-gradient makes it a constant of the consistency loss
        float[] target = new float[3];
        Consistency.Sharpen(network.Forward(x, scratch), 0.5, target);

        var dense = new float[network.Dense.Length];
        network.Forward(xHat, scratch);
        network.BackwardToward(target, 1f, scratch, dense);
        float[] inputDelta = [.. scratch.InputDelta];

        double Loss()
        {
            ReadOnlySpan<float> p = network.Forward(xHat, scratch);
            return Consistency.KullbackLeibler(target, p);
        }

        const float h = 1e-2f;
        for (int i = 0; i < network.Dense.Length; i += 3)
        {
            float keep = network.Dense[i];
            network.Dense[i] = keep + h;
            double up = Loss();
            network.Dense[i] = keep - h;
            double down = Loss();
            network.Dense[i] = keep;
            double numeric = (up - down) / (2 * h);
            Assert.True(Math.Abs(numeric - dense[i]) <= 2e-3 + 0.02 * Math.Abs(numeric), $"dense[{i}]: analytic {dense[i]}, numeric {numeric}");
        }

        // The bag's gradient reaches each feature row by its share: row 4 appears twice in x̂ (2/4), row 2 not at all.
        for (int d = 0; d < 4; d++)
        {
            float keep = network.Row(4)[d];
            network.Row(4)[d] = keep + h;
            double up = Loss();
            network.Row(4)[d] = keep - h;
            double down = Loss();
            network.Row(4)[d] = keep;
            double numeric = (up - down) / (2 * h);
            Assert.True(Math.Abs(numeric - inputDelta[d] * 2 / 4) <= 2e-3 + 0.02 * Math.Abs(numeric), $"row 4[{d}]: analytic {inputDelta[d] / 2}, numeric {numeric}");
        }
    }

    [Theory]
    [InlineData(TsaSchedule.Linear, 0.0, 4, 0.25)]
    [InlineData(TsaSchedule.Linear, 0.5, 4, 0.625)]
    [InlineData(TsaSchedule.Linear, 1.0, 4, 1.0)]
    [InlineData(TsaSchedule.Log, 0.5, 4, 0.938436)] // 1 − e^−2.5 = 0.917915; ·0.75 + 0.25
    [InlineData(TsaSchedule.Exp, 0.5, 4, 0.311564)] // e^−2.5 = 0.082085; ·0.75 + 0.25
    [InlineData(TsaSchedule.Exp, 0.0, 2, 0.503369)] // e^−5 = 0.006738; ·0.5 + 0.5
    [InlineData(TsaSchedule.None, 0.3, 4, 1.0)]
    public void The_TSA_threshold_grows_from_one_over_K_to_one(TsaSchedule schedule, double progress, int classes, double expected)
    {
        Assert.Equal(expected, Consistency.TsaThreshold(schedule, progress, classes), 5);
    }

    [Fact]
    public void TSA_drops_labelled_examples_above_the_threshold_and_the_mask_unlabelled_ones_below_the_confidence()
    {
        Assert.False(Consistency.Trains(TsaSchedule.Linear, 0.7, 0.625));
        Assert.True(Consistency.Trains(TsaSchedule.Linear, 0.6, 0.625));
        Assert.True(Consistency.Trains(TsaSchedule.None, 0.99, 0.25));
        float[] p = [0.5f, 0.3f, 0.2f];
        Assert.True(Consistency.Confident(p, 0.45));
        Assert.True(Consistency.Confident(p, 0.5));
        Assert.False(Consistency.Confident(p, 0.6));
        Assert.True(Consistency.Confident(p, 0));
    }

    [Fact]
    public void Sharpening_raises_to_one_over_the_temperature_and_normalises()
    {
        float[] p = [0.6f, 0.3f, 0.1f], sharp = new float[3];
        Consistency.Sharpen(p, 0.5, sharp);
        // 0.36, 0.09, 0.01 over 0.46
        Assert.Equal(0.782609, sharp[0], 5);
        Assert.Equal(0.195652, sharp[1], 5);
        Assert.Equal(0.021739, sharp[2], 5);
        Consistency.Sharpen(p, 1, sharp);
        Assert.Equal(p, sharp);
    }

    [Theory]
    [InlineData(EmbeddingUpdates.Lazy)]
    [InlineData(EmbeddingUpdates.Dense)]
    public void Consistency_training_writes_the_same_model_for_any_thread_count(EmbeddingUpdates updates)
    {
        List<Example> labelled = TrainingSections.ReadLabelled(Path.Combine(TestPaths.Root, "pipelines", "data", "wordnet-topics-train-200.tsv"), null);
        List<Example> unlabelled = CorpusReader.ReadUnlabelled(Path.Combine(TestPaths.Root, "pipelines", "data", "wordnet-topics-unlabelled.txt"), null, out int labels);
        Assert.Equal(0, labels);
        var options = new TrainerOptions
        {
            Epochs = 3, Hidden = [8], Features = new FeatureOptions { Dimensions = 8, Buckets = 1 << 14 }, Seed = 5, EmbeddingUpdates = updates,
            Consistency = new ConsistencyOptions { Unlabelled = unlabelled[..300], Temperature = 0.5, Confidence = 0.2 },
        };
        string dir = TestPaths.NewTempDirectory();
        byte[] Model(TrainerOptions o, string name)
        {
            var (model, report) = Trainer.Train(labelled, null, o);
            Assert.All(report.Epochs, e => Assert.Equal(o.Consistency.Enabled, double.IsFinite(e.ConsistencyLoss)));
            model.Save(Path.Combine(dir, name));
            return File.ReadAllBytes(Path.Combine(dir, name));
        }

        byte[] one = Model(options with { Consistency = options.Consistency with { Threads = 1 } }, "1.tam");
        byte[] four = Model(options with { Consistency = options.Consistency with { Threads = 4 } }, "4.tam");
        byte[] off = Model(options with { Consistency = new ConsistencyOptions() }, "off.tam");
        Assert.Equal(one, four);
        Assert.NotEqual(one, off);
    }

    [Fact]
    public void K_views_made_once_write_the_same_model_for_one_and_two_threads_and_reuse_views_across_epochs()
    {
        List<Example> labelled = TrainingSections.ReadLabelled(Path.Combine(TestPaths.Root, "pipelines", "data", "wordnet-topics-train-200.tsv"), null);
        List<Example> unlabelled = CorpusReader.ReadUnlabelled(Path.Combine(TestPaths.Root, "pipelines", "data", "wordnet-topics-unlabelled.txt"), null, out _);
        var options = new TrainerOptions
        {
            Epochs = 3, Hidden = [8], Features = new FeatureOptions { Dimensions = 8, Buckets = 1 << 14 }, Seed = 5,
            Consistency = new ConsistencyOptions { Unlabelled = unlabelled[..300], Views = 2 },
        };
        string dir = TestPaths.NewTempDirectory();
        byte[] Model(TrainerOptions o, string name)
        {
            Trainer.Train(labelled, null, o).Model.Save(Path.Combine(dir, name));
            return File.ReadAllBytes(Path.Combine(dir, name));
        }

        byte[] one = Model(options with { Consistency = options.Consistency with { Threads = 1 } }, "1.tam");
        byte[] two = Model(options with { Consistency = options.Consistency with { Threads = 2 } }, "2.tam");
        // Epoch 3 shows epoch 1's views again, where on the fly makes new ones: the models differ.
        byte[] onTheFly = Model(options with { Consistency = options.Consistency with { Views = 0, Threads = 2 } }, "0.tam");
        Assert.Equal(one, two);
        Assert.NotEqual(one, onTheFly);
    }

    [Fact]
    public void With_as_many_views_as_epochs_and_no_example_drawn_twice_in_an_epoch_the_model_is_the_on_the_fly_one()
    {
        // Given 200 labelled examples, no validation, ratio 1 and 200 unlabelled ones: each epoch is one whole pass,
        // so every draw is an example's first in its epoch, and view v (stream epoch v + 1) is what epoch v + 1 makes on the fly.
        List<Example> labelled = TrainingSections.ReadLabelled(Path.Combine(TestPaths.Root, "pipelines", "data", "wordnet-topics-train-200.tsv"), null);
        List<Example> unlabelled = CorpusReader.ReadUnlabelled(Path.Combine(TestPaths.Root, "pipelines", "data", "wordnet-topics-unlabelled.txt"), null, out _);
        Assert.Equal(200, labelled.Count);
        var options = new TrainerOptions
        {
            Epochs = 3, Hidden = [], Features = new FeatureOptions { Dimensions = 8, Buckets = 1 << 14 }, Seed = 9, ValidationFraction = 0,
            Consistency = new ConsistencyOptions { Unlabelled = unlabelled[..200], Ratio = 1, Threads = 2 },
        };
        string dir = TestPaths.NewTempDirectory();
        byte[] Model(int views)
        {
            string path = Path.Combine(dir, $"{views}.tam");
            Trainer.Train(labelled, null, options with { Consistency = options.Consistency with { Views = views } }).Model.Save(path);
            return File.ReadAllBytes(path);
        }

        byte[] onTheFly = Model(0);
        Assert.Equal(onTheFly, Model(3));
        Assert.Equal(onTheFly, Model(5));
        Assert.NotEqual(onTheFly, Model(2));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Epoch_e_shows_view_e_minus_one_mod_K_and_view_v_is_the_on_the_fly_view_of_epoch_v_plus_one(int views)
    {
        List<Example> unlabelled = CorpusReader.ReadUnlabelled(Path.Combine(TestPaths.Root, "pipelines", "data", "wordnet-topics-unlabelled.txt"), null, out _);
        var features = new FeatureOptions { Dimensions = 8, Buckets = 1 << 14 };
        var consistency = new ConsistencyOptions { Unlabelled = unlabelled[..300], Threads = 2 };
        var onTheFly = new UnlabelledStream(consistency, features, 21);
        var made = new UnlabelledStream(consistency with { Views = views }, features, 21);

        // Each epoch draws all 300 once (one pass), so each example's view in it is its only one.
        static Dictionary<int, int[]> ViewOf((int[] Index, int[][] Augmented, float[][] Weights) epoch)
        {
            var view = new Dictionary<int, int[]>();
            for (int k = 0; k < epoch.Index.Length; k++)
            {
                view.Add(epoch.Index[k], epoch.Augmented[k]);
            }

            return view;
        }

        static int Differing(Dictionary<int, int[]> a, Dictionary<int, int[]> b) => a.Count(e => !e.Value.AsSpan().SequenceEqual(b[e.Key]));

        var fresh = new List<Dictionary<int, int[]>>();
        var reused = new List<Dictionary<int, int[]>>();
        for (int epoch = 1; epoch <= 4; epoch++)
        {
            var a = onTheFly.Epoch(epoch, 300);
            var b = made.Epoch(epoch, 300);
            Assert.Equal(a.Index, b.Index); // the same draws: only the views differ
            fresh.Add(ViewOf(a));
            reused.Add(ViewOf(b));
        }

        Assert.True(Differing(fresh[0], fresh[1]) > 30, "on the fly, epochs 1 and 2 should show different views");
        for (int epoch = 1; epoch <= 4; epoch++)
        {
            Assert.Equal(0, Differing(reused[epoch - 1], fresh[(epoch - 1) % views]));
        }
    }

    [Fact]
    public void An_unlabelled_file_with_labels_has_them_dropped_and_counted()
    {
        List<Example> examples = CorpusReader.ReadUnlabelled(TestPaths.Fixture("tiny.tsv"), null, out int labelled);
        Assert.True(labelled > 0);
        Assert.Equal(labelled, examples.Count);
        Assert.All(examples, e => Assert.Null(e.Label));
    }

    [Fact]
    public void An_empty_unlabelled_file_stops_the_pipeline_before_any_work()
    {
        string dir = TestPaths.NewTempDirectory();
        File.WriteAllText(Path.Combine(dir, "empty.txt"), "");
        string path = Path.Combine(dir, "p.yaml");
        File.WriteAllText(path, $"""
            input: {"{"} path: {TestPaths.Fixture("tiny.tsv").Replace('\\', '/')} {"}"}
            augment:
              stages:
                - random_swap: {"{"} n: 1 {"}"}
            output: {"{"} path: out/a.tsv {"}"}
            train:
              consistency: {"{"} unlabelled: empty.txt, weight: 2 {"}"}
            """);
        var error = Assert.Throws<PipelineException>(() => Pipeline.Load(path));
        PipelineError only = Assert.Single(error.Errors);
        Assert.Contains("train.consistency.unlabelled cannot be read", only.Message, StringComparison.Ordinal);
        Assert.Contains("holds no text", only.Message, StringComparison.Ordinal);
        Assert.Equal(7, only.Line);
    }

    [Fact]
    public void The_train_command_says_the_labels_of_an_unlabelled_file_are_ignored()
    {
        string dir = TestPaths.NewTempDirectory();
        var (code, _, errors) = StreamingTests.Textaugment("", "train", Path.Combine(TestPaths.Root, "pipelines", "data", "wordnet-topics-train-200.tsv"),
            "-o", Path.Combine(dir, "m.tam"), "--dim", "8", "--hidden", "0", "--epochs", "2", "--buckets", "4096",
            "--unlabelled", Path.Combine(TestPaths.Root, "pipelines", "data", "wordnet-topics-test.tsv"), "--consistency-ratio", "1");
        Assert.True(code == 0, errors);
        Assert.Contains("consistency training: 600 unlabelled texts", errors, StringComparison.Ordinal);
        Assert.Contains("the file has labels (600 rows): they are ignored", errors, StringComparison.Ordinal);
    }
}
