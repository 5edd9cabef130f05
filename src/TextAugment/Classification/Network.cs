using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using TextAugment.Augmenters;

namespace TextAugment.Classification;

/// <summary>
/// Embedding bag (the mean of the feature rows, or their TF-IDF-weighted sum: <see cref="Idf"/>) → hidden layers (ReLU, dropout while training) → softmax.
/// Dense parameters live in one array: per layer its weights (out × in, row-major) then its biases.
/// </summary>
internal sealed class Network
{
    public Network(int buckets, int dimensions, IReadOnlyList<int> hidden, int classes)
    {
        Buckets = buckets;
        Dimensions = dimensions;
        Classes = classes;
        int layers = hidden.Count + 1;
        In = new int[layers];
        Out = new int[layers];
        WeightAt = new int[layers];
        BiasAt = new int[layers];
        int size = 0, previous = dimensions;
        for (int l = 0; l < layers; l++)
        {
            In[l] = previous;
            Out[l] = l < hidden.Count ? hidden[l] : classes;
            WeightAt[l] = size;
            size += In[l] * Out[l];
            BiasAt[l] = size;
            size += Out[l];
            previous = Out[l];
        }

        Dense = new float[size];
        Embeddings = new float[(long)buckets * dimensions];
    }

    /// <summary>
    /// The weights and biases of the dense layers from <paramref name="dimensions"/> inputs through
    /// <paramref name="hidden"/> to <paramref name="classes"/> outputs (0: the hidden layers only), without overflow.
    /// </summary>
    internal static long DenseValues(int dimensions, IReadOnlyList<int> hidden, int classes)
    {
        long total = 0, previous = dimensions;
        foreach (long size in classes > 0 ? hidden.Select(h => (long)h).Append(classes) : hidden.Select(h => (long)h))
        {
            total += previous * size + size;
            previous = size;
        }

        return total;
    }

    public int Buckets { get; }

    public int Dimensions { get; }

    public int Classes { get; }

    public int Layers => In.Length;

    public int[] In { get; }

    public int[] Out { get; }

    public int[] WeightAt { get; }

    public int[] BiasAt { get; }

    public float[] Dense { get; }

    public float[] Embeddings { get; }

    public Span<float> Row(int bucket) => Embeddings.AsSpan(bucket * Dimensions, Dimensions);

    /// <summary>With <see cref="FeatureWeighting.TfIdf"/>: the training texts' idf, which weighs the bag; null for the mean.</summary>
    public IdfTable? Idf { get; set; }

    /// <summary>The weight of each occurrence in <paramref name="features"/> in the bag, or empty for the mean (1/n each).</summary>
    public float[] Weigh(ReadOnlySpan<int> features) => Idf?.Weigh(features) ?? [];


    /// <summary>fastText's embedding initialisation (uniform ±1/dim); He for hidden layers; Xavier for the output; zero biases.</summary>
    public void Initialize(AugmentRandom random)
    {
        float bound = 1f / Dimensions;
        for (int i = 0; i < Embeddings.Length; i++)
        {
            Embeddings[i] = (float)((random.NextDouble() * 2 - 1) * bound);
        }

        for (int l = 0; l < Layers; l++)
        {
            double scale = l < Layers - 1 ? Math.Sqrt(6.0 / In[l]) : Math.Sqrt(6.0 / (In[l] + Out[l]));
            Span<float> w = Dense.AsSpan(WeightAt[l], In[l] * Out[l]);
            for (int i = 0; i < w.Length; i++)
            {
                w[i] = (float)((random.NextDouble() * 2 - 1) * scale);
            }
        }
    }

    /// <summary>Per-thread buffers for one forward and backward pass.</summary>
    public sealed class Scratch
    {
        public Scratch(Network network)
        {
            Input = new float[network.Dimensions];
            Activations = [.. network.Out.Select(n => new float[n])];
            Masks = [.. network.Out.Select(n => new float[n])];
            Deltas = [.. network.Out.Select(n => new float[n])];
            InputDelta = new float[network.Dimensions];
            PreviousDelta = new float[Math.Max(network.Dimensions, network.In.Max())];
        }

        public float[] Input { get; }

        /// <summary>Per layer: after ReLU and dropout (the last layer holds the probabilities).</summary>
        public float[][] Activations { get; }

        /// <summary>Per layer: the dropout mask times 1/(1-p), or 0 where ReLU was off.</summary>
        public float[][] Masks { get; }

        public float[][] Deltas { get; }

        public float[] InputDelta { get; }

        public float[] PreviousDelta { get; }

        public ReadOnlySpan<float> Probabilities => Activations[^1];
    }

    /// <summary>Forward pass of the mean bag; returns the probabilities (in the scratch). With <paramref name="dropout"/> &gt; 0 and a random stream, training mode.</summary>
    public ReadOnlySpan<float> Forward(ReadOnlySpan<int> features, Scratch s, double dropout = 0, AugmentRandom? random = null) =>
        Forward(features, [], s, dropout, random);

    /// <summary>
    /// Forward pass; returns the probabilities (in the scratch). The bag is Σᵢ weightsᵢ · row(featuresᵢ), or the mean
    /// of the rows when <paramref name="weights"/> is empty. With <paramref name="dropout"/> &gt; 0 and a random stream, training mode.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ReadOnlySpan<float> Forward(ReadOnlySpan<int> features, ReadOnlySpan<float> weights, Scratch s, double dropout = 0, AugmentRandom? random = null)
    {
        Span<float> x = s.Input;
        x.Clear();
        if (weights.IsEmpty)
        {
            foreach (int f in features)
            {
                VectorMath.Add(Row(f), x);
            }

            if (features.Length > 0)
            {
                VectorMath.Scale(x, 1f / features.Length);
            }
        }
        else
        {
            for (int i = 0; i < features.Length; i++)
            {
                if (weights[i] != 0)
                {
                    VectorMath.MultiplyAdd(Row(features[i]), weights[i], x);
                }
            }
        }

        ReadOnlySpan<float> previous = x;
        float keepScale = (float)(1 / (1 - dropout));
        for (int l = 0; l < Layers; l++)
        {
            Span<float> a = s.Activations[l];
            ReadOnlySpan<float> w = Dense.AsSpan(WeightAt[l], In[l] * Out[l]);
            ReadOnlySpan<float> b = Dense.AsSpan(BiasAt[l], Out[l]);
            for (int o = 0; o < Out[l]; o++)
            {
                a[o] = VectorMath.Dot(w.Slice(o * In[l], In[l]), previous) + b[o];
            }

            if (l < Layers - 1)
            {
                Span<float> mask = s.Masks[l];
                for (int o = 0; o < a.Length; o++)
                {
                    // ReLU, then inverted dropout on the hidden unit: only while training.
                    float m = a[o] > 0 ? 1f : 0f;
                    if (random is not null && dropout > 0 && m > 0)
                    {
                        m = random.NextDouble() < dropout ? 0f : keepScale;
                    }

                    mask[o] = m;
                    a[o] *= m;
                }
            }
            else
            {
                // Softmax after subtracting the largest logit: TensorPrimitives.SoftMax alone overflows (∞/∞ = NaN) once a
                // logit passes ~88, which a linear model on unit-norm TF-IDF bags reaches after enough epochs.
                TensorPrimitives.Subtract(a, TensorPrimitives.Max(a), a);
                TensorPrimitives.SoftMax(a, a);
            }

            previous = a;
        }

        return s.Probabilities;
    }

    /// <summary>Cross-entropy of the last forward pass for class <paramref name="label"/>.</summary>
    public static double Loss(ReadOnlySpan<float> probabilities, int label) => -Math.Log(Math.Max(probabilities[label], 1e-12f));

    /// <summary>
    /// Backward pass after a forward pass: adds weight × ∂loss/∂θ to <paramref name="denseGradient"/> and
    /// leaves ∂loss/∂x (the bag) in the scratch's InputDelta; the caller spreads it over the feature rows.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Backward(int label, float weight, Scratch s, Span<float> denseGradient)
    {
        // Softmax + cross-entropy: δ = p − onehot(y).
        Span<float> delta = s.Deltas[Layers - 1];
        s.Probabilities.CopyTo(delta);
        delta[label] -= 1f;
        VectorMath.Scale(delta, weight);
        BackwardFrom(delta, s, denseGradient);
    }

    /// <summary>
    /// Backward pass of KL(<paramref name="target"/> ‖ p) after a forward pass, with the target held fixed (no
    /// gradient through it: UDA's stop-gradient): δ = p − target at the logits (as cross-entropy with a soft label).
    /// </summary>
    public void BackwardToward(ReadOnlySpan<float> target, float weight, Scratch s, Span<float> denseGradient)
    {
        Span<float> delta = s.Deltas[Layers - 1];
        TensorPrimitives.Subtract(s.Probabilities, target, delta);
        TensorPrimitives.Multiply(delta, weight, delta);
        BackwardFrom(delta, s, denseGradient);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void BackwardFrom(Span<float> delta, Scratch s, Span<float> denseGradient)
    {
        for (int l = Layers - 1; l >= 0; l--)
        {
            ReadOnlySpan<float> input = l == 0 ? s.Input : s.Activations[l - 1];
            ReadOnlySpan<float> w = Dense.AsSpan(WeightAt[l], In[l] * Out[l]);
            Span<float> gw = denseGradient.Slice(WeightAt[l], In[l] * Out[l]);
            VectorMath.Add(delta, denseGradient.Slice(BiasAt[l], Out[l]));
            Span<float> back = l == 0 ? s.InputDelta : s.PreviousDelta.AsSpan(0, In[l]);
            back.Clear();
            for (int o = 0; o < Out[l]; o++)
            {
                float d = delta[o];
                if (d == 0)
                {
                    continue;
                }

                VectorMath.MultiplyAdd(input, d, gw.Slice(o * In[l], In[l]));
                VectorMath.MultiplyAdd(w.Slice(o * In[l], In[l]), d, back);
            }

            if (l > 0)
            {
                // Through ReLU and dropout of layer l-1: the same mask scales the gradient.
                Span<float> previousDelta = s.Deltas[l - 1];
                TensorPrimitives.Multiply(back, s.Masks[l - 1], previousDelta);
                delta = previousDelta;
            }
        }
    }
}
