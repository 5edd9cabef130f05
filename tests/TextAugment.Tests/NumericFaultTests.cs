using TextAugment.Classification;

namespace TextAugment.Tests;

/// <summary>Options whose values are each in range but together cannot work, and numbers that stop being finite.</summary>
[Collection(ConsoleCollection.Name)]
public class NumericFaultTests
{
    private static readonly string Train = Path.Combine(TestPaths.Root, "pipelines", "data", "wordnet-topics-train.tsv");

    [Theory]
    [InlineData("--buckets", "67108864", "--dim", "1024", "--buckets 67108864 × --dim 1024 = 68,719,476,736 embedding values; a model holds at most 268,435,456")]
    [InlineData("--buckets", "67108864", "--dim", "5", "--buckets 67108864 × --dim 5 = 335,544,320 embedding values; a model holds at most 268,435,456")]
    [InlineData("--hidden", "65536,65536", "--dim", "64", "--hidden 65536,65536 with --dim 64 needs 4,299,292,672 weights in its hidden layers; a model holds at most 268,435,456")]
    public void Options_too_large_together_are_a_usage_error_naming_both_before_any_work(string first, string firstValue, string second, string secondValue, string expected)
    {
        string dir = TestPaths.NewTempDirectory();
        string model = Path.Combine(dir, "h.tam");
        var (code, _, errors) = CommandRunner.InProcess("train", Train, "-o", model, first, firstValue, second, secondValue);
        Assert.Equal(2, code);
        Assert.Contains(expected, errors, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", errors, StringComparison.Ordinal);
        Assert.False(File.Exists(model));
    }

    [Fact]
    public void The_library_refuses_the_same_combinations()
    {
        var options = new TrainerOptions { Features = new FeatureOptions { Buckets = 1 << 26, Dimensions = 5 } };
        var error = Assert.Throws<ArgumentException>(() => Trainer.Train([new("a", "x", "p"), new("b", "y", "q")], null, options));
        Assert.Contains("features.buckets 67108864 × features.dim 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hidden_layers_too_large_for_the_labels_are_refused_before_training()
    {
        // 65536 × 4,100 labels > 2^28 although the hidden layers alone fit.
        var options = new TrainerOptions { Hidden = [65536], Features = new FeatureOptions { Buckets = 1024, Dimensions = 4 } };
        List<Example> examples = [.. Enumerable.Range(0, 4100).Select(i => new Example($"e{i}", $"word{i}", $"label{i}"))];
        var error = Assert.Throws<ArgumentException>(() => Trainer.Train(examples, null, options));
        Assert.Contains("4,100 labels", error.Message, StringComparison.Ordinal);
    }
}

[Collection(ConsoleCollection.Name)]
public class DivergedTrainingTests
{
    private static readonly string Train = Path.Combine(TestPaths.Root, "pipelines", "data", "wordnet-topics-train.tsv");

    [Fact]
    public void Training_that_diverges_fails_naming_the_learning_rate_and_writes_no_model()
    {
        string dir = TestPaths.NewTempDirectory();
        string model = Path.Combine(dir, "n.tam");
        var (code, _, errors) = CommandRunner.InProcess("train", Train, "-o", model, "--optimizer", "sgd", "--lr", "100", "--epochs", "2");
        Assert.Equal(1, code);
        Assert.Contains("training diverged at epoch", errors, StringComparison.Ordinal);
        Assert.Contains("--lr, is 100 with the sgd optimizer", errors, StringComparison.Ordinal);
        Assert.Contains("Lower the learning rate (e.g. --lr 10)", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", errors, StringComparison.Ordinal);
        Assert.False(File.Exists(model));
        Assert.False(Directory.Exists(Path.Combine(dir, "n.report")));
    }

    [Fact]
    public void A_model_named_like_its_default_report_folder_is_refused_naming_the_default_not_a_report_option()
    {
        string dir = TestPaths.NewTempDirectory();
        var (code, _, errors) = CommandRunner.InProcess("train", Train, "-o", Path.Combine(dir, "m.report"), "--epochs", "1");
        Assert.Equal(2, code);
        Assert.Contains("a file of the default report folder (the model's name with .report; --report DIR chooses another)", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("a --report file", errors, StringComparison.Ordinal);
        Assert.Contains("would be inside --output", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--dropout", "0.5", "--dropout 0.5 has no effect: dropout acts on hidden units and the model has no hidden layer (--hidden is none)")]
    [InlineData("--momentum", "0.5", "--momentum 0.5 has no effect with --optimizer adamw: only sgd uses it")]
    public void An_option_that_the_others_make_idle_is_warned_about(string option, string value, string expected)
    {
        string dir = TestPaths.NewTempDirectory();
        var (code, _, errors) = CommandRunner.InProcess("train", Train, "-o", Path.Combine(dir, "m.tam"), "--epochs", "1", "--buckets", "4096", "--dim", "8", option, value);
        Assert.Equal(0, code);
        Assert.Contains("textaugment: " + expected, errors, StringComparison.Ordinal);
    }

    /// <summary>
    /// min_epochs not below epochs leaves early stopping nothing to do (Keras trains on silently with start_from_epoch past
    /// the epochs; we say so), and a refit without a held-out fraction has nothing to retrain on: each warned about once,
    /// in the command line's names, from the one option table (a pipeline gives the same words in its keys).
    /// </summary>
    [Fact]
    public void Min_epochs_past_the_epochs_and_a_refit_without_a_held_out_fraction_are_warned_about_once()
    {
        string dir = TestPaths.NewTempDirectory();
        var (code, _, errors) = CommandRunner.InProcess("train", Train, "-o", Path.Combine(dir, "m.tam"), "--epochs", "2", "--buckets", "4096", "--dim", "8",
            "--early-stopping", "--validation-fraction", "0.3", "--min-epochs", "3");
        Assert.True(code == 0, errors);
        string minEpochs = "textaugment: --min-epochs 3 is not below --epochs 2: early stopping may keep or stop at no epoch before the last, so it has no effect and all 2 epochs are trained";
        Assert.Single(errors.Split('\n'), line => line.StartsWith(minEpochs, StringComparison.Ordinal));

        (code, _, errors) = CommandRunner.InProcess("train", Train, "-o", Path.Combine(dir, "m.tam"), "--epochs", "1", "--buckets", "4096", "--dim", "8", "--no-refit");
        Assert.True(code == 0, errors);
        Assert.Single(errors.Split('\n'), line => line.StartsWith("textaugment: --no-refit has no effect: the refit retrains on all the data after early stopping chose the epochs on a held-out part of it (--validation-fraction), and none is held out", StringComparison.Ordinal));

        // Where they apply, no warning: min_epochs below epochs, a refit after a held-out fraction.
        (code, _, errors) = CommandRunner.InProcess("train", Train, "-o", Path.Combine(dir, "m.tam"), "--epochs", "3", "--buckets", "4096", "--dim", "8",
            "--early-stopping", "--validation-fraction", "0.3", "--min-epochs", "2", "--no-refit");
        Assert.True(code == 0, errors);
        Assert.DoesNotContain("has no effect", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void No_warning_when_the_option_applies()
    {
        string dir = TestPaths.NewTempDirectory();
        var (code, _, errors) = CommandRunner.InProcess("train", Train, "-o", Path.Combine(dir, "m.tam"), "--epochs", "1", "--buckets", "4096", "--dim", "8",
            "--dropout", "0.5", "--hidden", "8", "--momentum", "0.5", "--optimizer", "sgd", "--lr", "0.1");
        Assert.Equal(0, code);
        Assert.DoesNotContain("has no effect", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("train")]
    [InlineData("evaluate")]
    public void The_label_column_as_the_text_column_is_a_usage_error(string command)
    {
        string dir = TestPaths.NewTempDirectory();
        string[] args = command == "train" ? ["train", Train, "-o", Path.Combine(dir, "m.tam")] : ["evaluate", Path.Combine(dir, "m.tam"), Train];
        var (code, _, errors) = CommandRunner.InProcess([.. args, "--text", "label", "--label", "label"]);
        Assert.Equal(2, code);
        Assert.Contains("--text and --label both name the column 'label'", errors, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir, "m.tam")));
    }

    [Fact]
    public void Validation_data_without_a_known_label_is_not_diagnosed_as_none_held_out()
    {
        List<Example> train = [new("1", "red apple", "fruit"), new("2", "green pear", "fruit"), new("3", "red car", "car"), new("4", "fast car", "car")];
        List<Example> validation = [new("5", "blue boat", "boat"), new("6", "sail boat", "boat")];
        var (_, report) = Trainer.Train(train, validation, new TrainerOptions { Epochs = 2, Features = new FeatureOptions { Buckets = 1024, Dimensions = 8 } });
        Assert.Contains("none of the 2 validation examples has a label the model was trained on", report.Diagnosis, StringComparison.Ordinal);
        Assert.DoesNotContain("none could be held out", report.Diagnosis, StringComparison.Ordinal);
    }
}

public class ModelHeaderErrorTests
{
    [Theory]
    [InlineData("\"Lowercase\":false", "\"Lowercase\":\"no\"", "the header field 'Lowercase' cannot be read")]
    [InlineData("\"Buckets\":1024", "\"Buckets\":0", "the model's header is inconsistent (0 buckets of 8 dimensions")]
    public void A_damaged_header_names_the_model_file_the_field_and_its_byte_without_dotnet_internals(string field, string damaged, string expected)
    {
        string dir = TestPaths.NewTempDirectory();
        string path = Path.Combine(dir, "m.tam");
        List<Example> data = [new("1", "red apple", "fruit"), new("2", "green pear", "fruit"), new("3", "red car", "car"), new("4", "fast car", "car")];
        Trainer.Train(data, null, new TrainerOptions { Epochs = 1, Features = new FeatureOptions { Buckets = 1024, Dimensions = 8, Lowercase = false } }).Model.Save(path);
        RewriteHeader(path, json => json.Replace(field, damaged, StringComparison.Ordinal));

        var error = Assert.Throws<DataFormatException>(() => TextClassifier.Load(path));
        Assert.StartsWith(path + " (byte ", error.Message, StringComparison.Ordinal);
        Assert.True(error.ByteOffset >= 16, $"byte {error.ByteOffset}: at or after the header's start, not 0");
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("written by an incompatible or damaged build", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("TextAugment.Classification", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(int.MinValue)]
    [InlineData(-1)]
    public void A_header_length_past_the_file_is_refused_before_anything_is_allocated(int length)
    {
        string path = Path.Combine(TestPaths.NewTempDirectory(), "m.tam");
        List<Example> data = [new("1", "red apple", "fruit"), new("2", "green pear", "fruit"), new("3", "red car", "car"), new("4", "fast car", "car")];
        Trainer.Train(data, null, new TrainerOptions { Epochs = 1, Features = new FeatureOptions { Buckets = 1024, Dimensions = 8 } }).Model.Save(path);
        byte[] all = File.ReadAllBytes(path);
        BitConverter.GetBytes(length).CopyTo(all, 12); // after "TXAMODEL" and the format version
        byte[] content = all[..^32];
        File.WriteAllBytes(path, [.. content, .. System.Security.Cryptography.SHA256.HashData(content)]); // a valid checksum: crafted, not damaged

        var error = Assert.Throws<DataFormatException>(() => TextClassifier.Load(path));
        Assert.Equal(12, error.ByteOffset);
        Assert.Contains($"the header's length is {length:N0} bytes", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Edits the header JSON of a model file and writes the file back with its length and checksum made right.</summary>
    private static void RewriteHeader(string path, Func<string, string> edit)
    {
        byte[] all = File.ReadAllBytes(path);
        const int start = 8 + 4; // "TXAMODEL", format version
        int length = BitConverter.ToInt32(all, start);
        string json = System.Text.Encoding.UTF8.GetString(all, start + 4, length);
        string edited = edit(json);
        Assert.NotEqual(json, edited);
        byte[] header = System.Text.Encoding.UTF8.GetBytes(edited);
        byte[] rest = all[(start + 4 + length)..^32];
        byte[] content = [.. all[..start], .. BitConverter.GetBytes(header.Length), .. header, .. rest];
        File.WriteAllBytes(path, [.. content, .. System.Security.Cryptography.SHA256.HashData(content)]);
    }
}
