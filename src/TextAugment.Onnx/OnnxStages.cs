using TextAugment.Augmenters;
using TextAugment.Pipelines;

namespace TextAugment.Onnx;

/// <summary>Makes the <c>mlm</c> stage available to pipeline files.</summary>
public static class OnnxStages
{
    /// <summary>Registers <c>mlm</c> with <see cref="StageRegistry"/> (once; later calls do nothing).</summary>
    public static void Register() => StageRegistry.Register("mlm",
        [.. StageArguments.PolicyKeys, "model", "vocab", "top_k", "top_p", "temperature", "batch_size", "device", "threads", "max_length", "lowercase"],
        Build);

    private static Augmenter? Build(StageArguments a)
    {
        int before = a.ErrorCount;
        SubstitutionOptions? policy = a.Policy();
        string? model = a.Path("model", required: true, mustExist: true, example: "../models/mlm/model.onnx");
        string? vocab = a.Path("vocab", required: true, mustExist: true, example: "../models/mlm/vocab.txt");
        long? topK = a.Integer("top_k", 1, 1000);
        double? topP = a.Number("top_p", 0.01, 1);
        double? temperature = a.Number("temperature", 0.01, 100);
        long? batch = a.Integer("batch_size", 1, 4096);
        string? device = a.Choice("device", ["cpu", "cuda"]);
        long? threads = a.Integer("threads", 0, 256);
        long? maxLength = a.Integer("max_length", MaskedLanguageModelOptions.MinimumSequenceLength, MaskedLanguageModelOptions.MaximumSequenceLength);
        bool? lowercase = a.Bool("lowercase");
        if (model is null || vocab is null || policy is null || a.ErrorCount > before)
        {
            return null;
        }

        // Besides the model and the vocabulary (recorded at their keys), the model's config.json, read if it exists (so no
        // output may create it), and its external data files.
        foreach (string file in MaskedLanguageModel.FilesBeside(model))
        {
            a.ReadBeside("model", $"mlm.model's {Path.GetFileName(file)}", file);
        }

        var options = new MaskedLanguageModelOptions
        {
            Device = device == "cuda" ? Device.Cuda : Device.Cpu,
            Threads = (int)(threads ?? 0),
            MaxSequenceLength = (int?)maxLength,
            LowerCase = lowercase ?? true,
        };
        try
        {
            MaskedLanguageModel loaded = a.Resource($"mlm|{model}|{vocab}|{options}", () => MaskedLanguageModel.Create(model, vocab, options));
            var defaults = new MaskFillOptions();
            return new MaskedLanguageModelAugmenter(loaded, policy, new MaskFillOptions
            {
                TopK = (int)(topK ?? defaults.TopK),
                TopP = topP ?? defaults.TopP,
                Temperature = temperature ?? defaults.Temperature,
                BatchSize = (int)(batch ?? defaults.BatchSize),
                WholeWords = a.Segmenter as TextAugment.Text.JiebaSegmenter,
            });
        }
        catch (SequenceLengthException error)
        {
            a.Error("max_length", $"mlm.{error.Reason}");
            return null;
        }
        catch (Exception error) when (error is DataFormatException or NotSupportedException)
        {
            a.Error("model", $"mlm.model cannot be used: {error.Message}");
            return null;
        }
    }
}
