using Spectre.Console.Testing;
using TextAugment.Classification;
using TextAugment.Cli;

namespace TextAugment.Tests;

/// <summary>
/// Featurized training rows (<see cref="TrainingRows"/>): `train` reads its data once as a stream and writes the model the
/// in-memory trainer wrote, byte for byte, while the rows fit in memory; past the budget the rows go to a temporary file
/// and each epoch reads them back in a windowed shuffle, deterministically.
/// </summary>
[Collection(ConsoleCollection.Name)]
public class TrainingRowsTests
{
    private static readonly string Train200 = Path.Combine(TestPaths.Root, "pipelines", "data", "wordnet-topics-train-200.tsv");

    private static string Golden(string name) => Path.Combine(TestPaths.Fixtures, "training-rows", name);

    /// <summary>
    /// The option sets of fixtures/training-rows/README.md, each with the model the code before <see cref="TrainingRows"/> wrote
    /// (TF-IDF, the mean bag with a hidden layer, dropout and class weights, word vectors, a validation file, a held-out fraction).
    /// </summary>
    public static TheoryData<string, string[]> Runs => new()
    {
        { "tfidf.tam", ["--buckets", "1024", "--dim", "4", "--epochs", "4", "--seed", "5"] },
        { "mean.tam", ["--buckets", "1024", "--dim", "4", "--epochs", "4", "--seed", "5", "--weighting", "mean", "--hidden", "8", "--dropout", "0.3", "--class-weights", "balanced"] },
        { "vectors.tam", ["--buckets", "128", "--dim", "100", "--epochs", "2", "--seed", "5", "--vectors", Path.Combine(TestPaths.Root, "models", "en-vectors.bin")] },
        { "validation.tam", ["--validation", Golden("validation.tsv"), "--buckets", "1024", "--dim", "4", "--epochs", "6", "--seed", "5", "--patience", "2"] },
        { "fraction.tam", ["--validation-fraction", "0.2", "--buckets", "1024", "--dim", "4", "--epochs", "6", "--seed", "5"] },
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public void Train_writes_the_model_the_in_memory_trainer_wrote_byte_for_byte(string golden, string[] options)
    {
        string dir = TestPaths.NewTempDirectory();
        string model = Path.Combine(dir, "m.tam");
        var errors = new StringWriter();
        TextWriter original = Console.Error;
        Console.SetError(errors);
        int code;
        try
        {
            code = TextAugmentApp.Run(["train", Train200, "-o", model, .. options], new TestConsole(), errors);
        }
        finally
        {
            Console.SetError(original);
        }

        Assert.True(code == 0, errors.ToString());
        Assert.Equal(File.ReadAllBytes(Golden(golden)), File.ReadAllBytes(model));
    }

    /// <summary>Three topics, each with its own words among shared noise words.</summary>
    private static List<Example> Topics(int count, int seed)
    {
        var random = new Random(seed);
        string[] noise = ["the", "a", "of", "and", "to", "in", "is", "it", "on", "for", "with", "as"];
        string[][] topic = [["goal", "match", "team", "score"], ["vote", "party", "law", "court"], ["stock", "bank", "price", "market"]];
        string[] labels = ["sport", "politics", "business"];
        var examples = new List<Example>();
        for (int i = 0; i < count; i++)
        {
            int y = random.Next(3);
            var words = Enumerable.Range(0, 8).Select(_ => noise[random.Next(noise.Length)]).ToList();
            for (int k = 0; k < 2; k++)
            {
                words.Insert(random.Next(words.Count + 1), topic[y][random.Next(topic[y].Length)]);
            }

            examples.Add(new Example(i.ToString(System.Globalization.CultureInfo.InvariantCulture), string.Join(' ', words), labels[y]));
        }

        return examples;
    }

    private static TrainerOptions Small(ulong seed = 7) => new()
    {
        Features = new FeatureOptions { Buckets = 4096, Dimensions = 8 },
        Epochs = 4,
        Seed = seed,
    };

    private static TrainingRows Rows(IEnumerable<Example> examples, TrainerOptions options, long budget, int rowsPerChunk)
    {
        var rows = new TrainingRows(options, budget, rowsPerChunk);
        foreach (Example e in examples)
        {
            rows.Add(e.Text, e.Label!);
        }

        rows.Complete();
        return rows;
    }

    private static byte[] Saved(TextClassifier model)
    {
        string path = Path.Combine(TestPaths.NewTempDirectory(), "m.tam");
        model.Save(path);
        return File.ReadAllBytes(path);
    }

    private static string[] SpillFiles() =>
        Directory.GetFiles(Path.GetTempPath(), $"textaugment-rows-{Environment.ProcessId}-*");

    [Fact]
    public void An_epoch_reports_its_progress_every_1024_steps()
    {
        TrainerOptions options = Small() with { BatchSize = 1, Epochs = 2 };
        using TrainingRows rows = Rows(Topics(2500, 1), options, TrainingRows.DefaultMemoryBudget, TrainingRows.DefaultRowsPerChunk);
        var reports = new List<(int Epoch, int Done, int All)>();
        rows.EpochProgress = (epoch, done, all) => reports.Add((epoch, done, all));
        Trainer.Train(rows, null, options);
        // Steps 1,024, 2,048 (epoch 1: rows 1,024 and 2,048), 3,072 and 4,096 (epoch 2: rows 572 and 1,596) of 2 × 2,500.
        Assert.Equal([(1, 1024, 2500), (1, 2048, 2500), (2, 572, 2500), (2, 1596, 2500)], reports);
    }

    [Fact]
    public void Rows_past_the_budget_spill_to_a_temporary_file_train_deterministically_and_leave_nothing_behind()
    {
        List<Example> train = Topics(3000, 1), test = Topics(600, 2);
        byte[] Model(ulong seed, out bool spilled, out double accuracy)
        {
            // About 60 bytes a row: 32-row chunks of about 2 KB, a 16 KB budget, so a window of about 8 of 94 chunks.
            using TrainingRows rows = Rows(train, Small(seed), budget: 16 << 10, rowsPerChunk: 32);
            spilled = rows.Spilled;
            var (model, report) = Trainer.Train(rows, null, Small(seed));
            Assert.Equal(train.Count, report.TrainingRows);
            accuracy = Evaluation.Of(model, test).Accuracy;
            return Saved(model);
        }

        byte[] first = Model(7, out bool spilled, out double accuracy);
        byte[] again = Model(7, out _, out _);
        byte[] otherSeed = Model(8, out _, out _);

        Assert.True(spilled);
        Assert.Equal(first, again);
        Assert.NotEqual(first, otherSeed);
        Assert.Empty(SpillFiles());
        // The topic words decide the label: a shuffle that lost or repeated rows, or mixed labels up, would not learn it.
        Assert.True(accuracy > 0.95, $"accuracy {accuracy:P1}");
        var (inMemory, _) = Trainer.Train(train, null, Small(7));
        Assert.True(Evaluation.Of(inMemory, test).Accuracy - accuracy < 0.02);
    }

    [Fact]
    public void Rows_within_the_budget_train_the_model_of_the_examples_themselves()
    {
        List<Example> train = Topics(500, 3);
        using TrainingRows rows = Rows(train, Small(), budget: TrainingRows.DefaultMemoryBudget, rowsPerChunk: 32);
        Assert.False(rows.Spilled);
        Assert.Equal(Saved(Trainer.Train(train, null, Small()).Model), Saved(Trainer.Train(rows, null, Small()).Model));
    }

    [Theory]
    [InlineData(1L << 30)]
    [InlineData(4L << 10)]
    public void Every_epoch_reads_every_row_once_with_its_label_and_weights(long budget)
    {
        List<Example> train = Topics(1000, 4);
        TrainerOptions options = Small();
        using TrainingRows rows = Rows(train, options, budget, rowsPerChunk: 16);
        Assert.Equal(budget < 1 << 20, rows.Spilled);
        var counts = new IdfTable.DocumentFrequencies(options.Features.Buckets);
        var featurizer = new Featurizer(options.Features);
        foreach (Example e in train)
        {
            counts.Add(featurizer.Featurize(e.Text));
        }

        IdfTable idf = counts.ToTable();
        rows.Weigh(idf);
        // Each row's content as a key: the label, the feature ids and the weights the in-memory trainer gave them.
        string Key(int label, ReadOnlySpan<int> features, ReadOnlySpan<float> weights) =>
            label + ":" + string.Join(',', features.ToArray()) + "/" + string.Join(',', weights.ToArray());
        List<string> expected = [.. train.Select(e =>
        {
            int[] f = featurizer.Featurize(e.Text);
            return Key(Array.IndexOf(rows.Labels, e.Label), f, idf.Weigh(f));
        }).Order(StringComparer.Ordinal)];
        TrainingRows.EpochReader reader = rows.OpenEpochs();
        var random = new Augmenters.AugmentRandom(11);
        var orders = new List<List<string>>();
        for (int epoch = 0; epoch < 2; epoch++)
        {
            reader.Begin(random);
            var seen = new List<string>();
            while (reader.Next(out int label, out ReadOnlySpan<int> features, out ReadOnlySpan<float> weights))
            {
                seen.Add(Key(label, features, weights));
            }

            orders.Add(seen);
            Assert.Equal(expected, seen.Order(StringComparer.Ordinal));
        }

        Assert.NotEqual(orders[0], orders[1]);
    }

    /// <summary>An augmented corpus: each of <paramref name="ids"/> originals with 1 to 3 rows (variants) sharing its id.</summary>
    private static List<Example> Augmented(int ids, int seed)
    {
        var random = new Random(seed);
        var rows = new List<Example>();
        foreach (Example e in Topics(ids, seed))
        {
            int variants = 1 + random.Next(3);
            for (int v = 0; v < variants; v++)
            {
                rows.Add(e with { Text = v == 0 ? e.Text : e.Text + " v" + v.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            }
        }

        return rows;
    }

    [Theory]
    [InlineData(1L << 30)]
    [InlineData(4L << 10)]
    public void A_split_of_the_rows_holds_out_the_ids_and_orders_the_rows_as_the_split_of_the_examples(long budget)
    {
        List<Example> examples = Augmented(400, 5);
        var (train, validation) = Trainer.StratifiedSplit(examples, 0.2, new Augmenters.AugmentRandom(9));
        using var rows = new TrainingRows(Small(), budget, rowsPerChunk: 16, trackIds: true);
        foreach (Example e in examples)
        {
            rows.Add(e.Text, e.Label!, e.Id);
        }

        rows.Complete();
        Assert.Equal(budget < 1 << 20, rows.Spilled);
        var (kept, held, ids, heldIds) = rows.Split(0.2, new Augmenters.AugmentRandom(9));

        // Row numbers are positions in the corpus: the same rows, in the same order, as the split of the examples.
        Assert.Equal(train.Select(e => e.Text), kept.Select(r => examples[r].Text));
        Assert.Equal(validation.Select(e => e.Text), held.Select(r => examples[r].Text));
        Assert.Equal(400, ids);
        Assert.Equal(validation.Select(e => e.Id).Distinct().Count(), heldIds);
        Assert.Empty(validation.Select(e => e.Id).Intersect(train.Select(e => e.Id)));
    }

    [Fact]
    public void A_split_and_refit_over_spilled_rows_is_deterministic_and_reads_only_the_training_side()
    {
        List<Example> examples = Augmented(1000, 6), test = Topics(600, 7);
        TrainerOptions options = Small() with { ValidationFraction = 0.2, Epochs = 5 };
        byte[] Model(out TrainingReport report, out double accuracy)
        {
            using var rows = new TrainingRows(options, memoryBudget: 8 << 10, rowsPerChunk: 32, trackIds: true);
            foreach (Example e in examples)
            {
                rows.Add(e.Text, e.Label!, e.Id);
            }

            rows.Complete();
            Assert.True(rows.Spilled);
            (TextClassifier model, report) = Trainer.Train(rows, null, options);
            accuracy = Evaluation.Of(model, test).Accuracy;
            return Saved(model);
        }

        byte[] first = Model(out TrainingReport report, out double accuracy);
        Assert.Equal(first, Model(out _, out _));
        Assert.Empty(SpillFiles());
        Assert.Equal(examples.Count, report.TrainingRows);
        var (_, validation) = Trainer.StratifiedSplit(examples, 0.2, new Augmenters.AugmentRandom(options.Seed ^ 0x7472_6169_6E00UL));
        Assert.Equal(validation.Count, report.ValidationRows);
        Assert.NotNull(report.RefitEpochs);
        Assert.True(accuracy > 0.95, $"accuracy {accuracy:P1}");
    }

    [Fact]
    public void A_temporary_folder_that_cannot_be_written_is_an_error_that_names_the_file()
    {
        string missing = Path.Combine(TestPaths.NewTempDirectory(), "no-such-folder");
        using var rows = new TrainingRows(Small(), memoryBudget: 1 << 10, rowsPerChunk: 8, temporaryFolder: missing);
        var error = Assert.Throws<IOException>(() =>
        {
            foreach (Example e in Topics(100, 8))
            {
                rows.Add(e.Text, e.Label!);
            }
        });
        Assert.Contains(Path.Combine(missing, "textaugment-rows-"), error.Message, StringComparison.Ordinal);
        Assert.Contains("could not create the temporary file", error.Message, StringComparison.Ordinal);
        Assert.Contains("TMPDIR", error.Message, StringComparison.Ordinal);
    }
}
