using TextAugment.Augmenters;
using TextAugment.Classification;

namespace TextAugment.Tests;

/// <summary>The maths of the classifier, pinned: gradients, regularisers, dropout, early stopping, model files.</summary>
public class ClassifierTests
{
    /// <summary>Two well-separated classes with shared noise words, 60 examples.</summary>
    private static List<Example> Synthetic(int count = 60, int seed = 3)
    {
        var random = new Random(seed);
        string[] noise = ["the", "a", "of", "and", "to", "in", "is", "it", "on", "for"];
        var examples = new List<Example>();
        for (int i = 0; i < count; i++)
        {
            bool positive = i % 2 == 0;
            var words = Enumerable.Range(0, 6).Select(_ => noise[random.Next(noise.Length)]).ToList();
            words.Insert(random.Next(words.Count), positive ? (random.Next(2) == 0 ? "great" : "superb") : (random.Next(2) == 0 ? "awful" : "dull"));
            examples.Add(new Example(i.ToString(System.Globalization.CultureInfo.InvariantCulture), string.Join(' ', words), positive ? "pos" : "neg"));
        }

        return examples;
    }

    private static TrainerOptions Small(double l1 = 0, double l2 = 0, double dropout = 0, int epochs = 15) => new()
    {
        Features = new FeatureOptions { Buckets = 4096, Dimensions = 8, WordNgrams = 1 },
        Hidden = [8],
        L1 = l1,
        L2 = l2,
        Dropout = dropout,
        Epochs = epochs,
        LearningRate = 0.02,
        Seed = 5,
        EarlyStopping = new EarlyStoppingOptions { Enabled = false },
        ValidationFraction = 0,
    };

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    public void Analytic_gradients_match_finite_differences(double dropout)
    {
        var network = new Network(buckets: 10, dimensions: 4, hidden: [5, 3], classes: 3);
        network.Initialize(new AugmentRandom(1));
        // Positive biases keep every pre-activation away from ReLU's kink at 0, where no derivative exists.
        for (int l = 0; l < network.Layers; l++)
        {
            network.Dense.AsSpan(network.BiasAt[l], network.Out[l]).Fill(0.2f);
        }

        int[] features = [1, 2, 2, 7];
        const int label = 2;
        var scratch = new Network.Scratch(network);
        double Loss()
        {
            // The same random stream each time, so that dropout draws the same mask.
            ReadOnlySpan<float> p = network.Forward(features, scratch, dropout, dropout > 0 ? new AugmentRandom(9) : null);
            return Network.Loss(p, label);
        }

        Loss();
        var dense = new float[network.Dense.Length];
        network.Backward(label, 1f, scratch, dense);
        float[] bag = [.. scratch.InputDelta];

        const float eps = 1e-3f;
        for (int i = 0; i < network.Dense.Length; i++)
        {
            float saved = network.Dense[i];
            network.Dense[i] = saved + eps;
            double plus = Loss();
            network.Dense[i] = saved - eps;
            double minus = Loss();
            network.Dense[i] = saved;
            Assert.True(Math.Abs((plus - minus) / (2 * eps) - dense[i]) < 2e-3, $"dense {i}: numeric {(plus - minus) / (2 * eps)} analytic {dense[i]}");
        }

        // A feature row's gradient is ∂loss/∂bag × (occurrences / |features|).
        foreach (var (row, occurrences) in new[] { (1, 1), (2, 2), (7, 1) })
        {
            for (int d = 0; d < network.Dimensions; d++)
            {
                float saved = network.Row(row)[d];
                network.Row(row)[d] = saved + eps;
                double plus = Loss();
                network.Row(row)[d] = saved - eps;
                double minus = Loss();
                network.Row(row)[d] = saved;
                Assert.Equal((plus - minus) / (2 * eps), bag[d] * occurrences / features.Length, 2e-3);
            }
        }
    }

    [Theory]
    [InlineData(FeatureWeighting.Mean, 0.02, 0.2)]
    [InlineData(FeatureWeighting.TfIdf, 0.1, 0.5)]
    public void L1_gives_exact_zeros_and_more_of_them_as_it_grows(FeatureWeighting weighting, double small, double large)
    {
        var data = Synthetic();
        double[] sparsity = [.. new[] { 0.0, small, large }.Select(l1 =>
        {
            TrainerOptions options = Small(l1: l1);
            return Trainer.Train(data, null, options with { Features = options.Features with { Weighting = weighting } }).Report.Sparsity;
        })];
        Assert.Equal(0, sparsity[0]);
        Assert.True(sparsity[1] > 0, $"sparsity {sparsity[1]}");
        Assert.True(sparsity[2] > sparsity[1], $"sparsity {sparsity[1]} then {sparsity[2]}");
    }

    [Fact]
    public void L2_shrinks_the_weight_norm_as_it_grows()
    {
        var data = Synthetic();
        double[] norms = [.. new[] { 0.0, 0.001, 0.01 }.Select(l2 =>
        {
            TextClassifier model = Trainer.Train(data, null, Small(l2: l2)).Model;
            return Math.Sqrt(model.Network.Dense.Sum(v => (double)v * v) + model.Network.Embeddings.Sum(v => (double)v * v));
        })];
        Assert.True(norms[0] > norms[1] && norms[1] > norms[2], string.Join(" > ", norms));
    }

    [Fact]
    public void Dropout_is_the_identity_at_inference_and_keeps_the_expected_activation_in_training()
    {
        var network = new Network(buckets: 10, dimensions: 16, hidden: [32], classes: 2);
        network.Initialize(new AugmentRandom(2));
        var scratch = new Network.Scratch(network);
        int[] features = [1, 3, 4];
        network.Forward(features, scratch);
        float[] plain = [.. scratch.Activations[0]];
        network.Forward(features, scratch, dropout: 0.5, random: null); // no random stream: inference
        Assert.Equal(plain, scratch.Activations[0]);

        var mean = new double[plain.Length];
        var random = new AugmentRandom(3);
        const int draws = 20000;
        for (int k = 0; k < draws; k++)
        {
            network.Forward(features, scratch, dropout: 0.5, random);
            for (int i = 0; i < mean.Length; i++)
            {
                mean[i] += scratch.Activations[0][i] / (double)draws;
            }
        }

        for (int i = 0; i < plain.Length; i++)
        {
            // Each unit is 2a with probability 1/2: sd of the mean = a / sqrt(draws).
            Assert.Equal(plain[i], mean[i], Math.Abs(plain[i]) * 5 / Math.Sqrt(draws) + 1e-7);
        }
    }

    [Fact]
    public void Early_stopping_keeps_the_best_epoch_not_the_last()
    {
        // Validation labels are the training labels flipped: the better the fit, the worse the validation loss.
        var train = Synthetic();
        var validation = train.Select(e => e with { Label = e.Label == "pos" ? "neg" : "pos" }).ToList();
        var options = new TrainerOptions
        {
            Features = new FeatureOptions { Buckets = 4096, Dimensions = 8, WordNgrams = 1 },
            Hidden = [8], Epochs = 12, LearningRate = 0.02, Seed = 5,
            EarlyStopping = new EarlyStoppingOptions { Enabled = true, Patience = 3, MinEpochs = 1 },
        };
        var (model, report) = Trainer.Train(train, validation, options);
        Assert.True(report.StoppedEarly);
        Assert.Equal(report.Epochs.MinBy(e => e.ValidationLoss)!.Epoch, report.BestEpoch);
        Assert.True(report.Epochs[^1].ValidationLoss > report.Best.ValidationLoss);
        Assert.Equal(report.Best.ValidationLoss, ValidationLoss(model, validation), 6);

        var (last, lastReport) = Trainer.Train(train, validation, new TrainerOptions
        {
            Features = options.Features, Hidden = options.Hidden, Epochs = options.Epochs, LearningRate = options.LearningRate, Seed = options.Seed,
            EarlyStopping = new EarlyStoppingOptions { Enabled = true, Patience = 3, RestoreBest = false },
        });
        Assert.Equal(lastReport.Epochs[^1].ValidationLoss, ValidationLoss(last, validation), 6);
    }

    [Fact]
    public void Probabilities_stay_finite_when_logits_pass_the_float_exponent_range()
    {
        // exp(100) overflows a float: a softmax that does not subtract the largest logit first gives ∞/∞ = NaN, and every
        // prediction collapses to the first label (seen on a linear model trained long on unit-norm TF-IDF bags).
        var network = new Network(buckets: 4, dimensions: 2, hidden: [], classes: 3);
        network.Row(1)[0] = 1;
        network.Dense[0] = 100; // class 0's weight on dimension 0
        network.Dense[2] = 120; // class 1's
        ReadOnlySpan<float> p = network.Forward([1], new Network.Scratch(network));
        Assert.True(p.ToArray().All(float.IsFinite), string.Join(", ", p.ToArray()));
        Assert.Equal(1, System.Numerics.Tensors.TensorPrimitives.IndexOfMax(p));
        Assert.Equal(1f, p[1], 5);
        Assert.Equal(Math.Exp(-20), p[0], 9);
    }

    [Fact]
    public void The_same_seed_trains_the_same_model_and_a_saved_model_predicts_the_same()
    {
        var data = Synthetic();
        string dir = TestPaths.NewTempDirectory();
        Trainer.Train(data, null, Small()).Model.Save(Path.Combine(dir, "a.model"));
        Trainer.Train(data, null, Small()).Model.Save(Path.Combine(dir, "b.model"));
        Assert.Equal(File.ReadAllBytes(Path.Combine(dir, "a.model")), File.ReadAllBytes(Path.Combine(dir, "b.model")));

        TextClassifier original = Trainer.Train(data, null, Small()).Model;
        TextClassifier loaded = TextClassifier.Load(Path.Combine(dir, "a.model"));
        foreach (Example e in data)
        {
            Assert.Equal(original.Predict(e.Text).Probabilities, loaded.Predict(e.Text).Probabilities);
        }

        Assert.Equal("pos", loaded.Predict("a superb one").Label);
        Assert.Equal("neg", loaded.Predict("so dull").Label);
    }

    [Fact]
    public void By_default_every_epoch_is_trained_on_every_example_and_the_last_is_kept_even_with_validation_data()
    {
        // Flipped validation labels: validation loss is lowest at epoch 1, but early stopping is off unless asked for.
        var train = Synthetic();
        var validation = train.Select(e => e with { Label = e.Label == "pos" ? "neg" : "pos" }).ToList();
        var defaults = new TrainerOptions();
        Assert.Empty(defaults.Hidden);
        Assert.Equal(FeatureWeighting.TfIdf, defaults.Features.Weighting);
        Assert.Equal(0, defaults.ValidationFraction);
        Assert.False(defaults.EarlyStopping.Enabled);
        var options = defaults with { Epochs = 6, Features = defaults.Features with { Buckets = 4096, Dimensions = 8 } };

        var (model, report) = Trainer.Train(train, validation, options);
        Assert.False(report.StoppedEarly);
        Assert.Equal(6, report.BestEpoch);
        Assert.True(report.Epochs.MinBy(e => e.ValidationLoss)!.Epoch < 6);
        Assert.Equal(report.Epochs[^1].ValidationLoss, ValidationLoss(model, validation), 6);
        Assert.Equal(train.Count, Trainer.Train(train, null, options).Report.TrainingRows);
    }

    [Fact]
    public void Without_early_stopping_a_refit_after_a_held_out_run_is_the_model_trained_on_all_rows()
    {
        // The pipeline's ablation relies on this to skip the selection run of each arm when early stopping is off.
        var data = Synthetic();
        string dir = TestPaths.NewTempDirectory();
        TrainerOptions options = Small() with { Hidden = [], Epochs = 4 };
        Trainer.Train(data, null, options with { ValidationFraction = 0.2, Refit = true }).Model.Save(Path.Combine(dir, "refit.tam"));
        Trainer.Train(data, null, options with { ValidationFraction = 0 }).Model.Save(Path.Combine(dir, "all.tam"));
        Assert.Equal(File.ReadAllBytes(Path.Combine(dir, "all.tam")), File.ReadAllBytes(Path.Combine(dir, "refit.tam")));
    }

    [Fact]
    public void Early_stopping_keeps_no_epoch_before_min_epochs()
    {
        // Flipped validation labels: the best validation loss is at epoch 1, but min_epochs 4 forbids keeping it.
        var train = Synthetic();
        var validation = train.Select(e => e with { Label = e.Label == "pos" ? "neg" : "pos" }).ToList();
        var options = Small(epochs: 12) with { EarlyStopping = new EarlyStoppingOptions { Enabled = true, Patience = 2, MinEpochs = 4 } };
        var (_, report) = Trainer.Train(train, validation, options);
        Assert.Equal(4, report.BestEpoch);
        Assert.Equal(6, report.Epochs.Count);
    }

    [Fact]
    public void Adam_and_AdamW_differ_exactly_when_weight_decay_is_on()
    {
        var data = Synthetic();
        string dir = TestPaths.NewTempDirectory();
        byte[] Model(OptimizerKind optimizer, double weightDecay, double l2)
        {
            string path = Path.Combine(dir, $"{optimizer}-{weightDecay}-{l2}.model");
            Trainer.Train(data, null, Small(l2: l2, epochs: 5) with { Optimizer = optimizer, WeightDecay = weightDecay }).Model.Save(path);
            return File.ReadAllBytes(path);
        }

        // No weight decay: the same update rule, byte for byte, with and without coupled L2.
        Assert.Equal(Model(OptimizerKind.Adam, 0, 0), Model(OptimizerKind.AdamW, 0, 0));
        Assert.Equal(Model(OptimizerKind.Adam, 0, 0.01), Model(OptimizerKind.AdamW, 0, 0.01));

        // Weight decay on: Adam adds it to the gradient (rescaled by the adaptive step), AdamW decays the weights.
        Assert.NotEqual(Model(OptimizerKind.Adam, 0.1, 0), Model(OptimizerKind.AdamW, 0.1, 0));

        // Adam's weight decay wd is coupled L2 with λ = wd / 2: the same model as l2 = wd / 2 without decay.
        Assert.Equal(Model(OptimizerKind.Adam, 0.1, 0), Model(OptimizerKind.Adam, 0, 0.05));
    }

    [Fact]
    public void One_AdamW_step_decays_the_weights_after_the_step_and_Adam_before_it()
    {
        // A single parameter w = 1 with gradient 0 and wd = 0.5, lr = 0.1, first step.
        // AdamW: the Adam step on g = 0 is 0, then w ← (1 − 0.1·0.5)·1 = 0.95.
        // Adam: g' = 0 + 0.5·1 = 0.5; m̂ = 0.5, v̂ = 0.25, step = 0.1·0.5 / (0.5 + 1e-8) ≈ 0.1, so w ≈ 0.9.
        float[] w = [1f], m = [0f], v = [0f], scratch = [0f], grad = [0f];
        var decay = new DecoupledDecay(0.5f);
        new AdamW().Update(w, grad, m, v, 0.1f, 0);
        decay.Apply(w, 0.1f);
        Assert.Equal(0.95f, w[0], 6);

        w[0] = 1f; m[0] = 0f; v[0] = 0f;
        new Adam().Update(w, new CoupledPenalty(0.5f).AddTo(w, [0f], scratch), m, v, 0.1f, 0);
        Assert.Equal(0.9f, w[0], 5);
        Assert.True(new AdamW().DecouplesWeightDecay && !new Adam().DecouplesWeightDecay);
    }

    [Fact]
    public void A_damaged_or_foreign_model_file_is_refused_with_a_clear_error()
    {
        string dir = TestPaths.NewTempDirectory();
        string path = Path.Combine(dir, "m.model");
        Trainer.Train(Synthetic(), null, Small(epochs: 2)).Model.Save(path);
        byte[] bytes = File.ReadAllBytes(path);

        bytes[bytes.Length / 2] ^= 0x40;
        File.WriteAllBytes(path, bytes);
        Assert.Contains("the checksum does not match", Assert.Throws<DataFormatException>(() => TextClassifier.Load(path)).Message, StringComparison.Ordinal);

        File.WriteAllBytes(path, bytes[..100]);
        Assert.Contains("the checksum does not match", Assert.Throws<DataFormatException>(() => TextClassifier.Load(path)).Message, StringComparison.Ordinal);

        File.WriteAllText(path, "word\tsyn\n");
        Assert.Contains("not a TextAugment model file", Assert.Throws<DataFormatException>(() => TextClassifier.Load(path)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluation_computes_accuracy_macro_f1_and_the_confusion_matrix()
    {
        string[] gold = ["a", "a", "a", "b", "b", "c"];
        string[] predicted = ["a", "a", "b", "b", "c", "c"];
        Evaluation e = Evaluation.Of(gold, predicted, ["a", "b", "c"]);
        Assert.Equal(4.0 / 6, e.Accuracy, 12);
        // a: P 1, R 2/3, F1 0.8; b: P 1/2, R 1/2, F1 1/2; c: P 1/2, R 1, F1 2/3.
        Assert.Equal((0.8 + 0.5 + 2.0 / 3) / 3, e.MacroF1, 12);
        Assert.Equal([[2, 1, 0], [0, 1, 1], [0, 0, 1]], e.Confusion);
    }

    [Fact]
    public void Macro_f1_averages_over_the_gold_and_predicted_labels_as_scikit_learn_not_every_model_label()
    {
        // A 6-label model on a 2-label test set, all right: sklearn.metrics.f1_score(y, y, average="macro") is 1.0.
        Evaluation e = Evaluation.Of(["a", "b", "a"], ["a", "b", "a"], ["a", "b", "c", "d", "e", "f"]);
        Assert.Equal(1.0, e.Accuracy, 12);
        Assert.Equal(1.0, e.MacroF1, 12);
        Assert.Equal(6, e.Classes.Count); // still listed, with support 0

        // A label only predicted counts (F1 0): f1_score(["a", "a"], ["a", "c"], average="macro") = (2/3 + 0) / 2.
        Assert.Equal((2.0 / 3) / 2, Evaluation.Of(["a", "a"], ["a", "c"], ["a", "b", "c"]).MacroF1, 12);
    }

    [Fact]
    public void The_report_reads_overfitting_as_variance_and_draws_its_curves()
    {
        // Validation texts hold only the shared noise words: the training fit cannot carry over.
        var train = Synthetic();
        var validation = Synthetic(seed: 4).Select(e => e with { Text = string.Join(' ', e.Text.Split(' ').Where(w => w.Length <= 3)) }).ToList();
        var options = new TrainerOptions
        {
            Features = new FeatureOptions { Buckets = 4096, Dimensions = 8, WordNgrams = 1 },
            Hidden = [8], Epochs = 15, LearningRate = 0.02, Seed = 5,
            EarlyStopping = new EarlyStoppingOptions { Enabled = false, RestoreBest = false },
        };
        var (_, report) = Trainer.Train(train, validation, options);
        Assert.Equal(15, report.BestEpoch); // the kept model is the last one
        Assert.Contains("overfits (high variance)", report.Diagnosis, StringComparison.Ordinal);
        string dir = TestPaths.NewTempDirectory();
        report.Save(dir);
        Assert.StartsWith("<svg", File.ReadAllText(Path.Combine(dir, "curves.svg")), StringComparison.Ordinal);
        Assert.Equal(report.Epochs.Count + 1, File.ReadAllLines(Path.Combine(dir, "curves.csv")).Length);
        Assert.Contains("\"best_epoch\": 15", File.ReadAllText(Path.Combine(dir, "report.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_reads_the_whole_curve_variance_when_validation_rises_after_its_minimum()
    {
        // Kept epoch 1 (the validation minimum) still has a high training loss; reading it alone says bias.
        // The curve says variance: training loss falls to near 0 while validation loss rises for three epochs.
        EpochRecord E(int epoch, double train, double valid) => new(epoch, train, 0.9, valid, 0.8, 0.01, 0, 0.1);
        var rising = new TrainingReport([E(1, 0.45, 0.50), E(2, 0.10, 0.58), E(3, 0.02, 0.70), E(4, 0.004, 0.81)], 1, true, 0, 2, new TrainerOptions());
        Assert.Equal(1, rising.PartingEpoch);
        Assert.Contains("overfits (high variance) after epoch 1", rising.Diagnosis, StringComparison.Ordinal);
        Assert.Contains("The curves part at epoch 1", rising.Diagnosis, StringComparison.Ordinal);
        Assert.DoesNotContain("bias", rising.Diagnosis, StringComparison.Ordinal);
        // The advice fits the model: a linear model has no hidden units for dropout, and early stopping is off by default.
        Assert.Contains("Regularise more (l2, weight decay, l1)", rising.Diagnosis, StringComparison.Ordinal);
        Assert.Contains("turn early stopping on", rising.Diagnosis, StringComparison.Ordinal);
        var withHidden = new TrainingReport(rising.Epochs, 1, true, 0, 2, new TrainerOptions { Hidden = [8], EarlyStopping = new EarlyStoppingOptions { Enabled = true } });
        Assert.Contains("Regularise more (dropout, l2, l1)", withHidden.Diagnosis, StringComparison.Ordinal);
        Assert.Contains("keep early stopping on", withHidden.Diagnosis, StringComparison.Ordinal);

        // Both stay high (two classes: guessing scores ln 2 = 0.693): bias.
        var flat = new TrainingReport([E(1, 0.69, 0.70), E(2, 0.66, 0.68), E(3, 0.64, 0.67)], 3, false, 0, 2, new TrainerOptions());
        Assert.Null(flat.PartingEpoch);
        Assert.Contains("underfits (high bias)", flat.Diagnosis, StringComparison.Ordinal);

        // Both falling and close: neither.
        var good = new TrainingReport([E(1, 0.40, 0.42), E(2, 0.10, 0.15), E(3, 0.05, 0.12)], 3, false, 0, 2, new TrainerOptions());
        Assert.Null(good.PartingEpoch);
        Assert.Contains("neither bias nor variance", good.Diagnosis, StringComparison.Ordinal);
    }

    [Fact]
    public void Validation_is_split_by_id_so_no_variant_of_a_validation_example_is_trained_on()
    {
        // An augmented corpus: 5 rows per id (the original and 4 variants).
        List<Example> augmented = [.. Synthetic(40).SelectMany(e => Enumerable.Range(0, 5).Select(v => e with { Text = e.Text + " v" + v.ToString(System.Globalization.CultureInfo.InvariantCulture) }))];
        var (train, validation) = Trainer.StratifiedSplit(augmented, 0.2, new AugmentRandom(1));
        var trainIds = train.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(40, validation.Count); // 4 of 20 ids per label, 5 rows each
        Assert.DoesNotContain(validation, e => trainIds.Contains(e.Id));
        Assert.Equal(200, train.Count + validation.Count);

        // Fraction 0 holds out nothing.
        var (all, none) = Trainer.StratifiedSplit(augmented, 0, new AugmentRandom(1));
        Assert.Equal(200, all.Count);
        Assert.Empty(none);

        // The trainer says so, and counts only what it trained on.
        var (_, report) = Trainer.Train(augmented, null, Small(epochs: 2) with { ValidationFraction = 0.2, Refit = false });
        Assert.Equal(160, report.TrainingRows);
        Assert.Equal(40, report.ValidationRows);
        Assert.Contains("split by the id column", report.ValidationNote, StringComparison.Ordinal);

        // With refit, the epochs chosen on the split are trained again on all 200 rows.
        var (_, refit) = Trainer.Train(augmented, null, Small(epochs: 2) with { ValidationFraction = 0.2, Refit = true });
        Assert.Equal(200, refit.TrainingRows);
        Assert.Equal(refit.BestEpoch, refit.RefitEpochs);
        Assert.Contains("then refit on all 200 rows", refit.ValidationNote, StringComparison.Ordinal);

        // Without validation: no NaN in the table or the curves file.
        var (_, plain) = Trainer.Train(Synthetic(), null, Small(epochs: 2));
        Assert.Equal(0, plain.ValidationRows);
        Assert.DoesNotContain("NaN", plain.Table(), StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", plain.Csv(), StringComparison.Ordinal);
    }

    private static double ValidationLoss(TextClassifier model, List<Example> validation)
    {
        int[] labels = [.. validation.Select(e => model.Labels.ToList().IndexOf(e.Label!))];
        return validation.Select((e, i) => -Math.Log(Math.Max(model.Predict(e.Text).Probabilities[labels[i]], 1e-12f))).Average();
    }
}

/// <summary>The classifier started from the same word vectors the word_vector stage uses.</summary>
public class VectorInitialisationTests
{
    [Fact]
    public void Training_words_start_from_their_vectors()
    {
        var vectors = Vectors.WordVectors.Create(["great", "awful"], [1, 0, 0, 0, 0, 1, 0, 0], 4);
        var options = new TrainerOptions
        {
            Features = new FeatureOptions { Buckets = 1024, Dimensions = 4, WordNgrams = 1 },
            Hidden = [], Epochs = 1, LearningRate = 1e-9, ValidationFraction = 0, InitialVectors = vectors,
            EarlyStopping = new EarlyStoppingOptions { Enabled = false },
        };
        var (model, _) = Trainer.Train([new Example("1", "a great film", "pos"), new Example("2", "an Awful film", "neg")], null, options);
        var featurizer = new Featurizer(options.Features);
        Assert.Equal([1f, 0f, 0f, 0f], model.Network.Row(featurizer.WordBucket("great")).ToArray(), (a, b) => Math.Abs(a - b) < 1e-4);
        Assert.Equal([0f, 1f, 0f, 0f], model.Network.Row(featurizer.WordBucket("awful")).ToArray(), (a, b) => Math.Abs(a - b) < 1e-4);
    }

    [Fact]
    public void Vectors_of_another_size_are_refused()
    {
        var vectors = Vectors.WordVectors.Create(["great"], [1, 0], 2);
        var error = Assert.Throws<ArgumentException>(() => Trainer.Train([new Example("1", "great", "a"), new Example("2", "bad", "b")], null,
            new TrainerOptions { InitialVectors = vectors }));
        Assert.Contains("the initial word vectors have 2 dimensions but the classifier's embeddings have 64", error.Message, StringComparison.Ordinal);
    }
}
