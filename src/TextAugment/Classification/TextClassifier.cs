using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using TextAugment.Corpus;
using TextAugment.Text;

namespace TextAugment.Classification;

/// <summary>One prediction: the most probable label and every label's probability.</summary>
/// <param name="Label">The most probable label.</param>
/// <param name="Probabilities">Probability per label, in <see cref="TextClassifier.Labels"/> order.</param>
public sealed record Prediction(string Label, IReadOnlyList<float> Probabilities);

/// <summary>
/// A trained text classifier. Predicting is thread-safe. Model files are versioned, carry a SHA-256 checksum
/// that is verified on load, and are written atomically (a temporary file renamed).
/// </summary>
public sealed partial class TextClassifier
{
    private const string Magic = "TXAMODEL";
    // Version 2 adds the language and segmenter to the header; version 1 files load as English (Segmenter.None).
    // Version 3 adds the bag's weighting to the header and, for tfidf, the (bucket, idf) pairs after the rows; versions 1
    // and 2 load with the mean bag.
    private const int FormatVersion = 3, FirstVersion = 1;
    private readonly ThreadLocal<(Featurizer Featurizer, Network.Scratch Scratch)> _workers;

    internal TextClassifier(Network network, IReadOnlyList<string> labels, FeatureOptions features)
    {
        Network = network;
        Labels = labels;
        Features = features;
        _workers = new(() => (new Featurizer(features), new Network.Scratch(network)));
    }

    /// <summary>The labels, in the order of <see cref="Prediction.Probabilities"/>.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>The feature options it was trained with.</summary>
    public FeatureOptions Features { get; }

    /// <summary>Hidden layer sizes.</summary>
    public IReadOnlyList<int> Hidden => Network.Out[..^1];

    /// <summary>Fraction of exactly-zero weights in the dense layers and the stored embedding rows (rows entirely zero are not stored, so not counted).</summary>
    public double Sparsity => Trainer.Sparsity(Network);

    internal Network Network { get; }

    /// <summary>Predicts the label of <paramref name="text"/>.</summary>
    public Prediction Predict(string text)
    {
        var (featurizer, scratch) = _workers.Value;
        int[] features = featurizer.Featurize(text);
        ReadOnlySpan<float> p = Network.Forward(features, Network.Weigh(features), scratch);
        return new Prediction(Labels[System.Numerics.Tensors.TensorPrimitives.IndexOfMax(p)], p.ToArray());
    }

    /// <summary>Writes the model to <paramref name="path"/>, atomically.</summary>
    public void Save(string path)
    {
        // Written as it is made, through the checksum: a copy of the model in memory would double the peak of training
        // (the embeddings alone are 256 MB at the default 2^20 buckets × 64 dimensions).
        using AtomicOutput output = AtomicOutput.Open(path);
        var body = new HashingStream(output.Stream);
        using (var writer = new BinaryWriter(new BufferedStream(body, 1 << 16), Encoding.UTF8, leaveOpen: false))
        {
            writer.Write(Encoding.ASCII.GetBytes(Magic));
            writer.Write(FormatVersion);
            byte[] header = JsonSerializer.SerializeToUtf8Bytes(new Header(
                [.. Labels], [.. Hidden], Features.Dimensions, Features.Buckets, Features.WordNgrams, Features.CharNgramMin, Features.CharNgramMax, Features.Lowercase)
            {
                Language = Features.Language,
                Hmm = Features.Segmenter is JiebaSegmenter jieba ? jieba.UseHmm : null,
                UserWords = Features.Segmenter is JiebaSegmenter { UserWords.Count: > 0 } withWords ? [.. withWords.UserWords] : null,
                Weighting = Features.Weighting == FeatureWeighting.TfIdf ? "tfidf" : null,
            }, HeaderContext.Default.Header);
            writer.Write(header.Length);
            writer.Write(header);
            writer.Write(Network.Dense.Length);
            foreach (float v in Network.Dense)
            {
                writer.Write(v);
            }

            // Only rows with a non-zero value: features never seen in training (or zeroed by L1) cost nothing.
            int dim = Network.Dimensions;
            var rows = Enumerable.Range(0, Network.Buckets).Where(r => Network.Row(r).ContainsAnyExcept(0f)).ToList();
            writer.Write(rows.Count);
            foreach (int r in rows)
            {
                writer.Write(r);
                foreach (float v in Network.Row(r))
                {
                    writer.Write(v);
                }
            }

            if (Network.Idf is { } idf)
            {
                var pairs = idf.Pairs().ToList();
                writer.Write(pairs.Count);
                foreach (var (bucket, value) in pairs)
                {
                    writer.Write(bucket);
                    writer.Write(value);
                }
            }
        }

        output.Stream.Write(body.Hash());
        output.Commit();
    }

    /// <summary>Writes through to a stream and hashes what it writes (SHA-256); disposing it leaves the inner stream open, <see cref="Hash"/> releases the hash.</summary>
    private sealed class HashingStream(Stream inner) : Stream
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        /// <summary>The hash of everything written (once: the hash is released).</summary>
        public byte[] Hash()
        {
            byte[] hash = _hash.GetHashAndReset();
            _hash.Dispose();
            return hash;
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            _hash.AppendData(buffer);
            inner.Write(buffer);
        }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="DataFormatException">The file is not a TextAugment model, has another format version, or is damaged (checksum mismatch, truncated).</exception>
    public static TextClassifier Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw MissingFile.Error(path, "model");
        }

        FileIdentity.EnsureRegularFile(path, "model file");

        byte[] all = File.ReadAllBytes(path);
        if (all.Length < Magic.Length + 4 + 32 || Encoding.ASCII.GetString(all, 0, Magic.Length) != Magic)
        {
            throw DataFormatException.AtByte(path, 0, 0L, $"not a TextAugment model file (it does not start with '{Magic}'); models are written by 'textaugment train'.");
        }

        int version = BitConverter.ToInt32(all, Magic.Length);
        if (version is < FirstVersion or > FormatVersion)
        {
            throw DataFormatException.AtByte(path, 0, Magic.Length, $"model format version {version}; this TextAugment reads versions {FirstVersion} to {FormatVersion}. Retrain the model or use the TextAugment that wrote it.");
        }

        ReadOnlySpan<byte> content = all.AsSpan(0, all.Length - 32);
        if (!SHA256.HashData(content).AsSpan().SequenceEqual(all.AsSpan(all.Length - 32)))
        {
            throw DataFormatException.AtByte(path, 0, all.Length - 32, "the checksum does not match: the file is damaged or truncated. Retrain or copy it again.");
        }

        // Where each part starts (the header's JSON after its length), so that a fault names its byte.
        int sections = Magic.Length + 4, headerStart = sections + 4;
        using var reader = new BinaryReader(new MemoryStream(all, sections, content.Length - sections));
        bool inHeader = true;
        byte[] headerJson = [];
        try
        {
            int headerLength = reader.ReadInt32();
            if (headerLength < 0 || headerLength > content.Length - headerStart)
            {
                // Checked before reading: a crafted length would otherwise allocate up to 2 GiB, or read past the header.
                throw DataFormatException.AtByte(path, 0, sections, $"the header's length is {headerLength:N0} bytes, but the file has {Math.Max(0, content.Length - headerStart):N0} after it: the file was written by an incompatible or damaged build. Retrain it, or use the TextAugment that wrote it.");
            }

            headerJson = reader.ReadBytes(headerLength);
            Header header = JsonSerializer.Deserialize(headerJson, HeaderContext.Default.Header)
                ?? throw new InvalidDataException("the header is empty");
            CheckHeader(header, content.Length);
            inHeader = false;
            var features = new FeatureOptions
            {
                Dimensions = header.Dimensions, Buckets = header.Buckets, WordNgrams = header.WordNgrams,
                CharNgramMin = header.CharNgramMin, CharNgramMax = header.CharNgramMax, Lowercase = header.Lowercase,
                Segmenter = ReadSegmenter(header, path),
                Weighting = header.Weighting switch
                {
                    null => FeatureWeighting.Mean,
                    "tfidf" => FeatureWeighting.TfIdf,
                    string other => throw new InvalidDataException($"weighting '{other}' where tfidf (or none, the mean) is expected"),
                },
            };
            var network = new Network(header.Buckets, header.Dimensions, header.Hidden, header.Labels.Length);
            int dense = reader.ReadInt32();
            if (dense != network.Dense.Length)
            {
                throw new InvalidDataException($"{dense} dense parameters where the header implies {network.Dense.Length}");
            }

            for (int i = 0; i < dense; i++)
            {
                network.Dense[i] = reader.ReadSingle();
            }

            int rows = reader.ReadInt32();
            for (int k = 0; k < rows; k++)
            {
                Span<float> row = network.Row(reader.ReadInt32());
                for (int d = 0; d < row.Length; d++)
                {
                    row[d] = reader.ReadSingle();
                }
            }

            if (features.Weighting == FeatureWeighting.TfIdf)
            {
                int pairs = reader.ReadInt32();
                if (pairs < 0 || pairs > header.Buckets)
                {
                    throw new InvalidDataException($"{pairs} idf entries for {header.Buckets} buckets");
                }

                var read = new (int, float)[pairs];
                for (int k = 0; k < pairs; k++)
                {
                    read[k] = (reader.ReadInt32(), reader.ReadSingle());
                }

                network.Idf = IdfTable.FromPairs(header.Buckets, read);
            }

            if (reader.BaseStream.Position != reader.BaseStream.Length)
            {
                throw new InvalidDataException($"{reader.BaseStream.Length - reader.BaseStream.Position} bytes after the last section");
            }

            return new TextClassifier(network, header.Labels, features);
        }
        catch (JsonException error)
        {
            // The serializer's own message names .NET types and its line/byte counters: the field and the byte are what matter.
            string field = error.Path is { Length: > 2 } jsonPath && jsonPath.StartsWith("$.", StringComparison.Ordinal) ? $"the header field '{jsonPath[2..]}'" : "the header";
            string fault = TwiceNamed(headerJson) is { } twice ? $"the header field '{twice}' appears twice" : $"{field} cannot be read (a value of the wrong type or form)";
            throw DataFormatException.AtByte(path, 0, headerStart + (error.BytePositionInLine ?? 0),
                $"{fault} although the checksum matches: the model was written by an incompatible or damaged build. Retrain it, or use the TextAugment that wrote it.");
        }
        catch (Exception error) when (error is InvalidDataException or EndOfStreamException or ArgumentOutOfRangeException)
        {
            string what = error is ArgumentOutOfRangeException ? "a feature row out of range" : error is EndOfStreamException ? "the file ends inside a section" : error.Message;
            throw DataFormatException.AtByte(path, 0, inHeader ? headerStart : sections + reader.BaseStream.Position,
                $"the model's {(inHeader ? "header is" : "weights are")} inconsistent ({what}) although the checksum matches: the model was written by an incompatible or damaged build. Retrain it, or use the TextAugment that wrote it.");
        }
    }

    /// <summary>The first top-level field of the header named twice, or null (also for JSON that is not an object).</summary>
    private static string? TwiceNamed(byte[] json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && !seen.Add(reader.GetString()!))
                {
                    return reader.GetString();
                }
            }
        }
        catch (JsonException)
        {
            // Not well-formed JSON: no duplicate to name.
        }

        return null;
    }

    /// <summary>The most hash buckets times dimensions a model may hold, and the most weights its layers may hold: 2^28 floats (1 GiB) each.</summary>
    public const long MaxEmbeddingValues = 1L << 28;

    /// <summary>Checks every header field before anything is allocated; a crafted file with a valid checksum is refused.</summary>
    private static void CheckHeader(Header header, long contentBytes)
    {
        if (header.Labels is null || header.Hidden is null)
        {
            throw new InvalidDataException("the header has no labels or no hidden sizes");
        }

        if (header.Labels.Length < 1 || header.Labels.Length > 1 << 20)
        {
            throw new InvalidDataException($"{header.Labels.Length} labels; a model has 1 to 1,048,576");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string label in header.Labels)
        {
            if (string.IsNullOrEmpty(label) || !seen.Add(label))
            {
                throw new InvalidDataException(string.IsNullOrEmpty(label) ? "an empty label" : $"the label '{(label.Length > 80 ? label[..80] + "…" : label)}' appears twice");
            }
        }

        if (header.Dimensions < 1 || header.Buckets < 1 || (long)header.Dimensions * header.Buckets > MaxEmbeddingValues)
        {
            throw new InvalidDataException($"{header.Buckets} buckets of {header.Dimensions} dimensions; both must be positive and their product at most {MaxEmbeddingValues:N0}");
        }

        if (header.WordNgrams is < 1 or > 64 || header.CharNgramMin < 0 || header.CharNgramMax < header.CharNgramMin || header.CharNgramMax > 64)
        {
            throw new InvalidDataException($"word n-grams {header.WordNgrams}, character n-grams {header.CharNgramMin}..{header.CharNgramMax}: out of range");
        }

        long dense = 0, previous = header.Dimensions;
        foreach (long size in header.Hidden.Select(h => (long)h).Append(header.Labels.Length))
        {
            if (size < 1)
            {
                throw new InvalidDataException($"a layer of {size} units");
            }

            dense += previous * size + size;
            previous = size;
            if (dense > MaxEmbeddingValues)
            {
                throw new InvalidDataException($"the layers need more than {MaxEmbeddingValues:N0} parameters, the most a model holds");
            }

            if (dense * 4 > contentBytes)
            {
                throw new InvalidDataException($"the layers need more than {dense:N0} parameters but the file holds {contentBytes:N0} bytes");
            }
        }
    }

    /// <summary>The segmenter a header records: none (version 1) or <c>en</c> → <see cref="Segmenter.None"/>; <c>zh</c> → jieba with the recorded HMM and user words.</summary>
    private static Segmenter ReadSegmenter(Header header, string path)
    {
        switch (header.Language)
        {
            case null or "en":
                return Segmenter.None;
            case "zh":
                JiebaSegmenter jieba = JiebaSegmenter.Default;
                if (header.UserWords is { Length: > 0 } words)
                {
                    try
                    {
                        jieba = jieba.WithUserWords(words, $"{path} (user words)");
                    }
                    catch (FormatException error)
                    {
                        throw new InvalidDataException(error.Message, error);
                    }
                }

                return jieba.WithHmm(header.Hmm ?? true);
            default:
                throw new InvalidDataException($"language '{header.Language}' where en or zh is expected");
        }
    }

    internal sealed record Header(
        string[] Labels, int[] Hidden, int Dimensions, int Buckets, int WordNgrams, int CharNgramMin, int CharNgramMax, bool Lowercase)
    {
        /// <summary>en or zh (version 2); absent in version 1 files, which are English.</summary>
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? Language { get; init; }

        /// <summary>For zh: jieba's HMM on or off.</summary>
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public bool? Hmm { get; init; }

        /// <summary>For zh: the user-dictionary lines added to jieba's dictionary, in order.</summary>
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string[]? UserWords { get; init; }

        /// <summary>tfidf (version 3) when the bag is TF-IDF-weighted; absent for the mean.</summary>
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? Weighting { get; init; }
    }

    // A header naming a field twice is refused (JsonException), not read as its last value.
    [JsonSourceGenerationOptions(AllowDuplicateProperties = false)]
    [JsonSerializable(typeof(Header))]
    internal sealed partial class HeaderContext : JsonSerializerContext;
}
