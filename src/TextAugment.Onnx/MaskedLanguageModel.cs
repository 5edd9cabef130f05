using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Microsoft.ML.Tokenizers;

namespace TextAugment.Onnx;

/// <summary>Where the model runs.</summary>
public enum Device
{
    /// <summary>The CPU.</summary>
    Cpu,
    /// <summary>An NVIDIA GPU through ONNX Runtime's CUDA execution provider (needs the GPU build of ONNX Runtime).</summary>
    Cuda,
}

/// <summary>How to run a masked language model. Every property has a documented default.</summary>
public sealed record MaskedLanguageModelOptions
{
    /// <summary>Where it runs. Default: <see cref="Device.Cpu"/>. CUDA where it is not available is an error, never a silent fallback.</summary>
    public Device Device { get; init; } = Device.Cpu;

    /// <summary>Threads inside one model call (ONNX Runtime's intra-op threads); 0 lets ONNX Runtime choose. Default: 0.</summary>
    public int Threads { get; init; }

    /// <summary>
    /// Longest input in word pieces, [CLS] and [SEP] included; a longer sentence is read in windows of this length.
    /// Default: the model's sequence dimension if fixed, else <c>max_position_embeddings</c> from the <c>config.json</c>
    /// beside the model (Hugging Face exports write one), else the rows of the graph's position-embedding table, else 128.
    /// More than the model takes is refused when it is loaded.
    /// </summary>
    public int? MaxSequenceLength { get; init; }

    /// <summary>The least <see cref="MaxSequenceLength"/> (and <c>max_position_embeddings</c> in a config.json): 8 word pieces, [CLS] and [SEP] included.</summary>
    public const int MinimumSequenceLength = 8;

    /// <summary>The most <see cref="MaxSequenceLength"/> a pipeline's <c>max_length</c> may ask for: 8192.</summary>
    public const int MaximumSequenceLength = 8192;

    /// <summary>Lower-case text before WordPiece (uncased BERT models). Default: true.</summary>
    public bool LowerCase { get; init; } = true;
}

/// <summary>
/// A BERT-family fill-mask model in ONNX with its WordPiece vocabulary. The inputs are read from the file:
/// <c>input_ids</c> and <c>attention_mask</c> (int64 [batch, sequence]), optionally <c>token_type_ids</c>; the
/// output must be <c>logits</c> [batch, sequence, vocabulary]. A model converted by models/mlm/gather_masked.py
/// (one more input <c>masked_positions</c>, int64 [masked], row-major over the padded batch, and the output
/// <c>masked_logits</c> [masked, vocabulary]) is recognised by those names and computes the vocabulary projection
/// only at the masked positions, with the same values. Any other model is refused with a message
/// naming the file and what it has. Owns one ONNX Runtime session: dispose it to free the native memory;
/// it is safe to call <see cref="Logits"/> from several threads.
/// </summary>
public sealed class MaskedLanguageModel : IDisposable
{
    private readonly InferenceSession _session;
    private readonly bool _tokenTypes;
    private readonly bool _maskedOnly;

    private MaskedLanguageModel(InferenceSession session, BertTokenizer tokenizer, string[] vocabulary, bool tokenTypes, bool maskedOnly, int maxLength)
    {
        _session = session;
        Tokenizer = tokenizer;
        Vocabulary = vocabulary;
        _tokenTypes = tokenTypes;
        _maskedOnly = maskedOnly;
        MaxSequenceLength = maxLength;
    }

    /// <summary>The WordPiece tokenizer of the model's vocabulary.</summary>
    public BertTokenizer Tokenizer { get; }

    /// <summary>The vocabulary, by id.</summary>
    public IReadOnlyList<string> Vocabulary { get; }

    /// <summary>Longest input in word pieces.</summary>
    public int MaxSequenceLength { get; }

    /// <summary>Whether the model computes the vocabulary projection only at the masked positions (input <c>masked_positions</c>, output <c>masked_logits</c>).</summary>
    public bool MaskedPositionsOnly => _maskedOnly;

    /// <summary>Loads and checks a model and its vocabulary.</summary>
    /// <exception cref="FileNotFoundException">A file does not exist.</exception>
    /// <exception cref="DataFormatException">The model is not a BERT fill-mask model or does not match the vocabulary, or the
    /// config.json beside it cannot be used (a folder, a link to nothing or not a regular file, over 16 MiB, not UTF-8 JSON with an
    /// object at the top, a key repeated in an object, max_position_embeddings not a whole number from
    /// <see cref="MaskedLanguageModelOptions.MinimumSequenceLength"/> to the rows of the model's position-embedding table when they
    /// are known); the message says where (file:line:column) and what it has.</exception>
    /// <exception cref="NotSupportedException">CUDA was asked for and is not available.</exception>
    /// <exception cref="SequenceLengthException"><see cref="MaskedLanguageModelOptions.MaxSequenceLength"/> is more than the model's positions.</exception>
    public static MaskedLanguageModel Create(string modelPath, string vocabularyPath, MaskedLanguageModelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(modelPath);
        ArgumentNullException.ThrowIfNull(vocabularyPath);
        options ??= new MaskedLanguageModelOptions();
        foreach (string path in new[] { modelPath, vocabularyPath })
        {
            if (!File.Exists(path))
            {
                throw MissingFile.Error(path, path == modelPath ? "ONNX model" : "vocabulary");
            }
        }

        Corpus.FileSignature.Check(vocabularyPath);
        string[] vocabulary = File.ReadAllLines(vocabularyPath);
        // ONNX Runtime's own log lines (coloured, with its source file names) stay off the console: a failure comes back as
        // an exception, which says what went wrong in this library's words.
        using var sessionOptions = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL, IntraOpNumThreads = options.Threads, LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL,
        };
        if (options.Device == Device.Cuda)
        {
            try
            {
                sessionOptions.AppendExecutionProvider_CUDA();
            }
            catch (Exception error) when (error is OnnxRuntimeException or EntryPointNotFoundException or DllNotFoundException)
            {
                throw new NotSupportedException($"device: cuda, but ONNX Runtime's CUDA provider is not available here ({error.Message.Trim()}). Use device: cpu, or install the GPU build of ONNX Runtime and CUDA.", error);
            }
        }

        InferenceSession session;
        try
        {
            session = new InferenceSession(modelPath, sessionOptions);
        }
        catch (OnnxRuntimeException error)
        {
            throw DataFormatException.AtByte(modelPath, 0, 0L, $"ONNX Runtime cannot load it as a model: {error.Message.Trim()}");
        }

        try
        {
            var inputs = session.InputMetadata;
            string found = $"it has inputs [{string.Join(", ", inputs.Select(i => $"{i.Key}: {i.Value.ElementDataType} {Shape(i.Value.Dimensions)}"))}] and outputs [{string.Join(", ", session.OutputMetadata.Select(o => $"{o.Key}: {o.Value.ElementDataType} {Shape(o.Value.Dimensions)}"))}]";
            foreach (string name in new[] { "input_ids", "attention_mask" })
            {
                if (!inputs.TryGetValue(name, out NodeMetadata? input) || input.ElementDataType != TensorElementType.Int64 || input.Dimensions.Length != 2)
                {
                    throw DataFormatException.AtByte(modelPath, 0, 0L, $"not a BERT fill-mask model: it needs int64 [batch, sequence] inputs input_ids and attention_mask (optionally token_type_ids); {found}.");
                }
            }

            bool tokenTypes = inputs.ContainsKey("token_type_ids");
            bool maskedOnly = inputs.TryGetValue("masked_positions", out NodeMetadata? positions);
            if (maskedOnly && (positions!.ElementDataType != TensorElementType.Int64 || positions.Dimensions.Length != 1))
            {
                throw DataFormatException.AtByte(modelPath, 0, 0L, $"the input masked_positions must be int64 [masked]; {found}. Convert with models/mlm/gather_masked.py.");
            }

            if (inputs.Count != (tokenTypes ? 3 : 2) + (maskedOnly ? 1 : 0))
            {
                throw DataFormatException.AtByte(modelPath, 0, 0L, $"not a BERT fill-mask model: unexpected inputs; {found}.");
            }

            string outputName = maskedOnly ? "masked_logits" : "logits";
            int outputRank = maskedOnly ? 2 : 3;
            var output = session.OutputMetadata.FirstOrDefault(o => o.Key == outputName);
            if (output.Value is null || output.Value.Dimensions.Length != outputRank || output.Value.ElementDataType != TensorElementType.Float)
            {
                throw DataFormatException.AtByte(modelPath, 0, 0L, maskedOnly
                    ? $"it has the input masked_positions, so it needs a float output masked_logits [masked, vocabulary]; {found}. Convert with models/mlm/gather_masked.py."
                    : $"not a fill-mask model: it needs a float output logits [batch, sequence, vocabulary]; {found}. Export with the fill-mask task (optimum-cli export onnx --task fill-mask).");
            }

            int vocabularySize = output.Value.Dimensions[outputRank - 1];
            if (vocabularySize > 0 && vocabularySize != vocabulary.Length)
            {
                throw DataFormatException.AtByte(vocabularyPath, 0, 0L, $"the vocabulary has {vocabulary.Length} entries but the model's logits have {vocabularySize}: they do not belong together.");
            }

            var tokenizer = BertTokenizer.Create(vocabularyPath, new BertOptions { LowerCaseBeforeTokenization = options.LowerCase });
            int fixedLength = inputs["input_ids"].Dimensions[1];
            // The longest input the model can take: its fixed sequence dimension, else its position table (config.json's
            // max_position_embeddings, else the rows of the graph's position-embedding initializer). Past it the position
            // lookup fails (an ONNX Runtime Gather error) in the middle of a run.
            int? tableRows = fixedLength > 0 ? null : OnnxPositionTable.Rows(modelPath);
            // With the table's rows known, a claim past them is refused in the range message (8 to the rows): trusted, it would
            // let a long sentence through to a position the table lacks, a Gather error mid-run.
            var fromFile = fixedLength > 0 ? null : ModelConfig.MaxPositions(ConfigPath(modelPath), MaskedLanguageModelOptions.MinimumSequenceLength, tableRows, modelPath);
            int? configured = fromFile?.Value;
            (int Length, string Source)? limit = fixedLength > 0 ? (fixedLength, "its input_ids have a fixed sequence dimension")
                : configured is int fromConfig ? (fromConfig, "max_position_embeddings in the config.json beside it")
                : tableRows is int rows ? (rows, "the rows of its position-embedding table")
                : null;
            if (options.MaxSequenceLength is int asked && limit is { } most && asked > most.Length)
            {
                throw new SequenceLengthException(asked, most.Length, most.Source);
            }

            int maxLength = options.MaxSequenceLength ?? (limit is { } known ? known.Length : 128);
            return new MaskedLanguageModel(session, tokenizer, vocabulary, tokenTypes, maskedOnly, maxLength);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Runs a batch of word-piece sequences (padded together; no longer than <see cref="MaxSequenceLength"/>)
    /// and returns, for each requested (sequence, position), the vocabulary's logits at that position.
    /// </summary>
    public float[][] Logits(IReadOnlyList<long[]> sequences, IReadOnlyList<(int Sequence, int Position)> positions)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        ArgumentNullException.ThrowIfNull(positions);
        int batch = sequences.Count, length = sequences.Max(s => s.Length);
        var ids = new long[batch * length];
        var mask = new long[batch * length];
        for (int b = 0; b < batch; b++)
        {
            sequences[b].CopyTo(ids.AsSpan(b * length));
            mask.AsSpan(b * length, sequences[b].Length).Fill(1);
        }

        long[] shape = [batch, length];
        using OrtValue idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using OrtValue maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using OrtValue typesValue = OrtValue.CreateTensorValueFromMemory(new long[batch * length], shape);
        var flat = new long[positions.Count];
        for (int i = 0; i < positions.Count; i++)
        {
            var (b, p) = positions[i];
            if ((uint)b >= (uint)batch || (uint)p >= (uint)sequences[b].Length)
            {
                throw new ArgumentOutOfRangeException(nameof(positions), $"position {i} is ({b}, {p}), outside the batch of {batch} sequences (sequence {b} has {(b >= 0 && b < batch ? sequences[b].Length : 0)} pieces).");
            }

            flat[i] = ((long)b * length) + p;
        }

        using OrtValue positionsValue = OrtValue.CreateTensorValueFromMemory(flat, [flat.Length]);
        var names = new List<string> { "input_ids", "attention_mask" };
        var values = new List<OrtValue> { idsValue, maskValue };
        if (_tokenTypes)
        {
            names.Add("token_type_ids");
            values.Add(typesValue);
        }

        if (_maskedOnly)
        {
            names.Add("masked_positions");
            values.Add(positionsValue);
        }

        using var runOptions = new RunOptions { LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL };
        using IDisposableReadOnlyCollection<OrtValue> outputs = _session.Run(runOptions, names, values, [_maskedOnly ? "masked_logits" : "logits"]);
        ReadOnlySpan<float> logits = outputs[0].GetTensorDataAsSpan<float>();
        int vocabulary = Vocabulary.Count;
        var result = new float[positions.Count][];
        for (int i = 0; i < positions.Count; i++)
        {
            long row = _maskedOnly ? i : flat[i];
            result[i] = logits.Slice((int)(row * vocabulary), vocabulary).ToArray();
        }

        return result;
    }

    /// <inheritdoc/>
    public void Dispose() => _session.Dispose();

    /// <summary>The <c>config.json</c> beside <paramref name="modelPath"/>, where Hugging Face exports write the model's configuration.</summary>
    private static string ConfigPath(string modelPath) => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(modelPath))!, "config.json");

    /// <summary>
    /// The files <see cref="Create"/> reads besides the model and the vocabulary it is given: the <c>config.json</c> beside
    /// the model (its <c>max_position_embeddings</c>), listed whether or not it exists, since it would be read if it did, and the
    /// files the model keeps its weights in when they are outside it (ONNX external data, e.g. <c>model.onnx_data</c>), which
    /// ONNX Runtime reads. A pipeline records them as files it reads, so that no run's output creates one of them.
    /// </summary>
    public static IReadOnlyList<string> FilesBeside(string modelPath)
    {
        ArgumentNullException.ThrowIfNull(modelPath);
        return [ConfigPath(modelPath), .. OnnxExternalData.Files(modelPath)];
    }

    private static string Shape(int[] dimensions) => $"[{string.Join(", ", dimensions.Select(d => d < 0 ? "?" : d.ToString(System.Globalization.CultureInfo.InvariantCulture)))}]";
}
