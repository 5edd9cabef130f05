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

    [Fact]
    public void The_curves_say_what_share_of_the_unlabelled_examples_the_confidence_mask_kept()
    {
        List<Example> labelled = TrainingSections.ReadLabelled(Path.Combine(TestPaths.Root, "pipelines", "data", "wordnet-topics-train-200.tsv"), null);
        List<Example> unlabelled = CorpusReader.ReadUnlabelled(Path.Combine(TestPaths.Root, "pipelines", "data", "wordnet-topics-unlabelled.txt"), null, out _);
        var options = new TrainerOptions
        {
            Epochs = 3, Features = new FeatureOptions { Dimensions = 8, Buckets = 1 << 14 }, Seed = 5,
            Consistency = new ConsistencyOptions { Unlabelled = unlabelled[..300], Confidence = 0 },
        };
        var (_, none) = Trainer.Train(labelled, null, options);
        Assert.All(none.Epochs, e => Assert.Equal(1.0, e.ConsistencyKept)); // no mask: every example counts
        var (_, strict) = Trainer.Train(labelled, null, options with { Consistency = options.Consistency with { Confidence = 0.99 } });
        Assert.All(strict.Epochs, e => Assert.InRange(e.ConsistencyKept, 0.0, 0.5)); // 6 labels, 3 epochs: rarely 99 % sure
        Assert.Equal(0.0, strict.Epochs[0].ConsistencyKept);
        Assert.Contains("consistency_kept", strict.Csv(), StringComparison.Ordinal);
        Assert.Contains("kept", strict.Table(), StringComparison.Ordinal);
        var (_, supervised) = Trainer.Train(labelled, null, options with { Consistency = new ConsistencyOptions() });
        Assert.All(supervised.Epochs, e => Assert.True(double.IsNaN(e.ConsistencyKept)));
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
            Consistency = new ConsistencyOptions { Unlabelled = unlabelled[..300], Views = 2, Confidence = 0 }, // no mask: every view counts
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
            Consistency = new ConsistencyOptions { Unlabelled = unlabelled[..200], Ratio = 1, Threads = 2, Confidence = 0 }, // no mask: every view counts
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
        var onTheFly = new UnlabelledStream(consistency, UnlabelledStream.Featurize(consistency, features), features, 21);
        var made = new UnlabelledStream(consistency with { Views = views }, UnlabelledStream.Featurize(consistency, features), features, 21);

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

    /// <summary>Labelled texts about sport and food, and unlabelled ones that add a word of each topic no labelled text has.</summary>
    private static (List<Example> Labelled, List<Example> Unlabelled) SportAndFood()
    {
        string[] sport = ["football", "goal", "match", "team", "coach"], food = ["bread", "cheese", "soup", "butter", "salad"];
        var labelled = new List<Example>();
        var unlabelled = new List<Example>();
        for (int i = 0; i < 20; i++)
        {
            labelled.Add(new Example($"s{i}", $"{sport[i % 5]} {sport[(i + 1) % 5]} {sport[(i + 2) % 5]}", "sport"));
            labelled.Add(new Example($"f{i}", $"{food[i % 5]} {food[(i + 1) % 5]} {food[(i + 2) % 5]}", "food"));
        }

        for (int i = 0; i < 60; i++)
        {
            // "stadium" and "bakery" are only ever seen here, each beside two words of its topic.
            unlabelled.Add(new Example($"us{i}", $"stadium {sport[i % 5]} {sport[(i + 3) % 5]}", null));
            unlabelled.Add(new Example($"uf{i}", $"bakery {food[i % 5]} {food[(i + 3) % 5]}", null));
        }

        return (labelled, unlabelled);
    }

    [Fact]
    public void With_unlabelled_text_the_idf_counts_it_and_the_consistency_loss_teaches_the_words_only_it_has()
    {
        // Given labelled texts and unlabelled ones in which "stadium" and "bakery" are the only new words
        var (labelled, unlabelled) = SportAndFood();
        var features = new FeatureOptions { WordNgrams = 1, Dimensions = 8, Buckets = 1 << 12 };
        var options = new TrainerOptions
        {
            Epochs = 20, Hidden = [], Features = features, Seed = 3, ValidationFraction = 0,
            // x̂: x with words deleted (p 0.3), so that x̂ is x less sure of its topic
            Consistency = new ConsistencyOptions { Unlabelled = unlabelled, Augmenter = new RandomDeletionAugmenter(0.3), Weight = 1, Confidence = 0, Tsa = TsaSchedule.None, Threads = 1 },
        };

        // When training with consistency (weight 1), with the idf-only control (weight 0), and without unlabelled text
        TextClassifier uda = Trainer.Train(labelled, null, options).Model;
        TextClassifier idfOnly = Trainer.Train(labelled, null, options with { Consistency = options.Consistency with { Weight = 0 } }).Model;
        TextClassifier supervised = Trainer.Train(labelled, null, options with { Consistency = new ConsistencyOptions() }).Model;

        // Then the idf is fitted on the 40 labelled texts and the 120 unlabelled originals: "stadium" is in 60 of 160
        int stadium = new Featurizer(features).WordBucket("stadium");
        float expected = (float)(Math.Log((1 + 160.0) / (1 + 60)) + 1);
        Assert.Equal(expected, uda.Network.Idf![stadium], 5);
        Assert.Equal(expected, idfOnly.Network.Idf![stadium], 5);
        Assert.Equal(0f, supervised.Network.Idf![stadium]);

        // and only the consistency loss gives the new words a learned contribution: alone, each is read as its topic,
        // where without it (idf only, or no unlabelled text) it is a word the model has nothing for, like one never seen.
        float Sport(TextClassifier model, string text) => model.Predict(text).Probabilities[model.Labels.ToList().IndexOf("sport")];
        Assert.True(Sport(uda, "stadium") > Sport(uda, "qwertyuiop") + 0.05, $"stadium {Sport(uda, "stadium")}, unseen {Sport(uda, "qwertyuiop")}");
        Assert.True(Sport(uda, "bakery") < Sport(uda, "qwertyuiop") - 0.05, $"bakery {Sport(uda, "bakery")}, unseen {Sport(uda, "qwertyuiop")}");
        Assert.Equal("sport", uda.Predict("stadium").Label);
        Assert.Equal("food", uda.Predict("bakery").Label);
        foreach (TextClassifier control in new[] { idfOnly, supervised })
        {
            Assert.Equal(Sport(control, "qwertyuiop"), Sport(control, "stadium"));
            Assert.Equal(Sport(control, "qwertyuiop"), Sport(control, "bakery"));
        }
    }

    [Fact]
    public void Weight_zero_trains_exactly_the_supervised_run_on_the_bag_weighted_by_the_wider_idf()
    {
        // Given the same data, a consistency run with weight 0 and a supervised run
        var (labelled, unlabelled) = SportAndFood();
        var options = new TrainerOptions
        {
            Epochs = 5, Hidden = [4], Dropout = 0.3, Features = new FeatureOptions { Dimensions = 8, Buckets = 1 << 12, Weighting = FeatureWeighting.Mean }, Seed = 9,
            Consistency = new ConsistencyOptions { Unlabelled = unlabelled, Weight = 0 },
        };
        string dir = TestPaths.NewTempDirectory();
        byte[] Model(TrainerOptions o, string name)
        {
            var (model, report) = Trainer.Train(labelled, null, o);
            Assert.All(report.Epochs, e => Assert.True(double.IsNaN(e.ConsistencyLoss))); // no consistency loss is computed
            model.Save(Path.Combine(dir, name));
            return File.ReadAllBytes(Path.Combine(dir, name));
        }

        // Then with the mean bag (no idf) weight 0 is byte-identical to no unlabelled text at all: no views, no TSA, no
        // unlabelled steps, and the same random draws
        Assert.Equal(Model(options with { Consistency = new ConsistencyOptions() }, "supervised.tam"), Model(options, "weight0.tam"));
        // and the default view maker is not even fitted
        Assert.Null(new ConsistencyOptions { Weight = 0 }.With(unlabelled, null, Text.Segmenter.None).Augmenter);
        Assert.NotNull(new ConsistencyOptions().With(unlabelled, null, Text.Segmenter.None).Augmenter);
    }

    [Fact]
    public void The_wider_idf_is_the_same_for_any_thread_count()
    {
        var (labelled, unlabelled) = SportAndFood();
        var options = new TrainerOptions
        {
            Epochs = 3, Hidden = [], Features = new FeatureOptions { Dimensions = 8, Buckets = 1 << 12 }, Seed = 4,
            Consistency = new ConsistencyOptions { Unlabelled = unlabelled, Weight = 0.5, Threads = 1, Confidence = 0 },
        };
        string dir = TestPaths.NewTempDirectory();
        byte[] Model(int threads)
        {
            string path = Path.Combine(dir, $"{threads}.tam");
            Trainer.Train(labelled, null, options with { Consistency = options.Consistency with { Threads = threads } }).Model.Save(path);
            return File.ReadAllBytes(path);
        }

        Assert.Equal(Model(1), Model(3));
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
        string path = TestPaths.TrainPipeline(dir, "\n  consistency: { unlabelled: empty.txt, weight: 2 }");
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
        var (code, _, errors) = CommandRunner.Child("", "train", Path.Combine(TestPaths.Root, "pipelines", "data", "wordnet-topics-train-200.tsv"),
            "-o", Path.Combine(dir, "m.tam"), "--dim", "8", "--hidden", "0", "--epochs", "2", "--buckets", "4096",
            "--unlabelled", Path.Combine(TestPaths.Root, "pipelines", "data", "wordnet-topics-test.tsv"), "--consistency-ratio", "1");
        Assert.True(code == 0, errors);
        Assert.Contains("consistency training: 600 unlabelled texts", errors, StringComparison.Ordinal);
        Assert.Contains("the file has labels (600 rows, in its 'label' column): they are ignored", errors, StringComparison.Ordinal);
        Assert.Contains("the bag's idf is fitted on the labelled texts and these (not their views)", errors, StringComparison.Ordinal);

        // With weight 0 the run says the unlabelled text only counts in the idf.
        (code, _, errors) = CommandRunner.Child("", "train", Path.Combine(TestPaths.Root, "pipelines", "data", "wordnet-topics-train-200.tsv"),
            "-o", Path.Combine(dir, "m0.tam"), "--dim", "8", "--hidden", "0", "--epochs", "2", "--buckets", "4096",
            "--unlabelled", Path.Combine(TestPaths.Root, "pipelines", "data", "wordnet-topics-test.tsv"), "--consistency-weight", "0");
        Assert.True(code == 0, errors);
        Assert.Contains("weight 0: no consistency loss, no views and no TSA (the texts count in the idf only)", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("consistency loss 0", errors, StringComparison.Ordinal);
    }

    /// <summary>A labelled corpus whose text column is 'review' and label column 'cat', as the input, and unlabelled rows of the same shape.</summary>
    private static (string Dir, string Train, string Unlabelled) ReviewColumns()
    {
        string dir = TestPaths.NewTempDirectory();
        string[] rows = [.. File.ReadLines(Path.Combine(TestPaths.Root, "pipelines", "data", "wordnet-topics-train-200.tsv")).Skip(1).Take(60)];
        File.WriteAllLines(Path.Combine(dir, "train.tsv"), ["id\treview\tcat", .. rows.Take(40)]);
        File.WriteAllLines(Path.Combine(dir, "unlabelled.tsv"), ["id\treview\tcat", .. rows.Skip(40)]);
        return (dir, Path.Combine(dir, "train.tsv"), Path.Combine(dir, "unlabelled.tsv"));
    }

    [Fact]
    public void A_pipelines_unlabelled_file_is_read_with_the_input_sections_columns_and_its_labels_found_in_the_label_column()
    {
        var (dir, _, _) = ReviewColumns();
        string path = Path.Combine(dir, "p.yaml");
        File.WriteAllText(path, """
            input: { path: train.tsv, text: review, label: cat }
            augment: { stages: [ { random_swap: { n: 1 } } ] }
            output: { path: out/a.tsv }
            train:
              consistency: { unlabelled: unlabelled.tsv }
            """);
        TrainSection train = Pipeline.Load(path).Train!;
        Assert.Equal(20, train.Options.Consistency.Unlabelled.Count);
        Assert.Equal(File.ReadLines(Path.Combine(dir, "unlabelled.tsv")).Skip(1).Select(l => l.Split('\t')[1]), train.Options.Consistency.Unlabelled.Select(e => e.Text));
        Assert.Contains("the file has labels (20 rows, in its 'cat' column): they are ignored", train.UnlabelledNote, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pipelines_unlabelled_file_may_name_its_format_and_columns_with_the_input_sections_keys()
    {
        var (dir, _, _) = ReviewColumns();
        File.WriteAllLines(Path.Combine(dir, "unlabelled.dat"), ["{\"body\": \"a small boat on the river\", \"topic\": \"artifact\"}", "{\"body\": \"a tall tree with red leaves\"}"]);
        string path = Path.Combine(dir, "p.yaml");
        File.WriteAllText(path, """
            input: { path: train.tsv, text: review, label: cat }
            augment: { stages: [ { random_swap: { n: 1 } } ] }
            output: { path: out/a.tsv }
            train:
              consistency:
                unlabelled: { path: unlabelled.dat, format: jsonl, text: body, label: topic }
            """);
        Pipeline pipeline = Pipeline.Load(path);
        Assert.Equal(["a small boat on the river", "a tall tree with red leaves"], pipeline.Train!.Options.Consistency.Unlabelled.Select(e => e.Text));
        Assert.Contains("the file has labels (1 row, in its 'topic' column): they are ignored", pipeline.Train.UnlabelledNote, StringComparison.Ordinal);
        Assert.Contains(pipeline.Reads, r => r.Key == "train.consistency.unlabelled.path" && r.Path == Path.Combine(dir, "unlabelled.dat"));

        // The input section's checks, at the unlabelled section's keys.
        File.WriteAllText(Path.Combine(dir, "u.txt"), "one text\n");
        File.WriteAllText(path, """
            input: { path: train.tsv, text: review, label: cat }
            augment: { stages: [ { random_swap: { n: 1 } } ] }
            output: { path: out/a.tsv }
            train:
              consistency:
                unlabelled: { path: u.txt, text: body, heder: true }
            """);
        var error = Assert.Throws<PipelineException>(() => Pipeline.Load(path));
        Assert.Collection(error.Errors,
            e => Assert.StartsWith("train.consistency.unlabelled.text names a column, but the text format has no columns", e.Message, StringComparison.Ordinal),
            e => Assert.Equal("train.consistency.unlabelled: unknown key 'heder'; did you mean 'header'? Valid keys: path, format, text, label, id, ids, header, on_error.", e.Message));
    }

    [Fact]
    public void The_train_command_reads_an_unlabelled_file_with_its_text_and_label_options()
    {
        var (dir, train, unlabelled) = ReviewColumns();
        var (code, _, errors) = CommandRunner.Child("", "train", train, "-o", Path.Combine(dir, "m.tam"), "--text", "review", "--label", "cat",
            "--dim", "8", "--epochs", "1", "--buckets", "4096", "--unlabelled", unlabelled);
        Assert.True(code == 0, errors);
        Assert.Contains("consistency training: 20 unlabelled texts", errors, StringComparison.Ordinal);
        Assert.Contains("the file has labels (20 rows, in its 'cat' column): they are ignored", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Weight_0_with_the_mean_bag_is_said_to_have_no_effect()
    {
        var mean = new TrainerOptions { Features = new FeatureOptions { Weighting = FeatureWeighting.Mean }, Consistency = new ConsistencyOptions { Weight = 0 } };
        string note = ConsistencyOptions.Describe(10, "u.txt", 0, labelColumn: null, fromStages: false, mean);
        Assert.Equal("consistency training: 10 unlabelled texts from u.txt; weight 0 with the mean bag: the texts have no effect at all (they count only in a tfidf bag's idf)", note);
        string tfidf = ConsistencyOptions.Describe(10, "u.txt", 0, labelColumn: null, fromStages: false, mean with { Features = new FeatureOptions() });
        Assert.EndsWith("(the texts count in the idf only)", tfidf, StringComparison.Ordinal);
    }
}
