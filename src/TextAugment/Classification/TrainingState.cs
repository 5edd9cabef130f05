using System.Numerics.Tensors;

namespace TextAugment.Classification;

/// <summary>
/// The optimiser's state and one update step: SGD with momentum, Adam or AdamW on the dense layers;
/// the same, lazily, on the embedding rows a batch touched (as PyTorch's sparse optimisers do).
/// Regularisation: coupled L2 through the gradient, decoupled weight decay, and L1 as a proximal
/// soft-threshold — so L1 gives exact zeros. A row not touched for some steps gets, when next touched
/// (and at each epoch's end), the shrinking and thresholding of the steps it missed, combined.
/// </summary>
internal sealed class TrainingState
{
    private const float Beta1 = 0.9f, Beta2 = 0.999f, Epsilon = 1e-8f;
    private readonly Network _network;
    private readonly TrainerOptions _options;
    private readonly long _totalSteps;
    private readonly float[] _denseM, _denseV;
    private readonly float[] _rowM, _rowV;
    private readonly long[] _rowLast;        // last step applied to each row; -1 before the first
    private readonly bool[] _rowTouched;
    private readonly float[] _scratch1, _scratch2;
    private readonly List<double> _cumulativeLogShrink = [0];
    private readonly List<double> _cumulativeL1 = [0];
    private readonly Dictionary<int, int> _slots = [];
    private readonly List<int> _rows = [];
    private float[] _rowGradients = new float[1024];
    private long _step;

    public TrainingState(Network network, TrainerOptions options, long totalSteps)
    {
        _network = network;
        _options = options;
        _totalSteps = Math.Max(1, totalSteps);
        _denseM = new float[network.Dense.Length];
        _denseV = new float[network.Dense.Length];
        _rowM = new float[network.Embeddings.Length];
        _rowV = options.Optimizer == OptimizerKind.Sgd ? [] : new float[network.Embeddings.Length];
        _rowLast = new long[network.Buckets];
        Array.Fill(_rowLast, -1);
        _rowTouched = new bool[network.Buckets];
        int largest = Math.Max(network.Dimensions, network.In.Zip(network.Out, (i, o) => i * o).Max());
        _scratch1 = new float[largest];
        _scratch2 = new float[largest];
    }

    /// <summary>The learning rate of the last step.</summary>
    public double LearningRate { get; private set; }

    public void BeginBatch()
    {
        _slots.Clear();
        _rows.Clear();
    }

    /// <summary>Spreads ∂loss/∂bag over the feature rows: each gets ∂loss/∂bag / |features| per occurrence.</summary>
    public void AccumulateEmbedding(ReadOnlySpan<int> features, ReadOnlySpan<float> bagGradient)
    {
        if (features.IsEmpty)
        {
            return;
        }

        int dim = _network.Dimensions;
        float share = 1f / features.Length;
        foreach (int f in features)
        {
            if (!_slots.TryGetValue(f, out int slot))
            {
                slot = _rows.Count;
                _slots[f] = slot;
                _rows.Add(f);
                if ((slot + 1) * dim > _rowGradients.Length)
                {
                    Array.Resize(ref _rowGradients, _rowGradients.Length * 2);
                }

                _rowGradients.AsSpan(slot * dim, dim).Clear();
            }

            System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(bagGradient, share, _rowGradients.AsSpan(slot * dim, dim), _rowGradients.AsSpan(slot * dim, dim));
        }
    }

    /// <summary>Applies one step: the batch's dense gradient and the accumulated row gradients.</summary>
    public void Step(Span<float> denseGradient)
    {
        double progress = (double)_step / _totalSteps;
        double lr = _options.LearningRate * _options.Schedule switch
        {
            Schedule.Linear => Math.Max(0, 1 - progress),
            Schedule.Cosine => 0.5 * (1 + Math.Cos(Math.PI * Math.Min(1, progress))),
            _ => 1,
        };
        LearningRate = lr;
        double shrink = 1 - lr * (2 * _options.L2 + _options.WeightDecay);
        _cumulativeLogShrink.Add(_cumulativeLogShrink[^1] + Math.Log(Math.Max(shrink, 1e-30)));
        _cumulativeL1.Add(_cumulativeL1[^1] + lr * _options.L1);

        var step = new StepConstants(_options, lr, _step);
        for (int l = 0; l < _network.Layers; l++)
        {
            int weights = _network.In[l] * _network.Out[l];
            Update(_network.Dense.AsSpan(_network.WeightAt[l], weights), denseGradient.Slice(_network.WeightAt[l], weights),
                _denseM.AsSpan(_network.WeightAt[l], weights), _denseV.AsSpan(_network.WeightAt[l], weights), true, step);
            Update(_network.Dense.AsSpan(_network.BiasAt[l], _network.Out[l]), denseGradient.Slice(_network.BiasAt[l], _network.Out[l]),
                _denseM.AsSpan(_network.BiasAt[l], _network.Out[l]), _denseV.AsSpan(_network.BiasAt[l], _network.Out[l]), false, step);
        }

        int dim = _network.Dimensions;
        foreach (int row in _rows)
        {
            CatchUp(row, _step);
            int slot = _slots[row];
            Update(_network.Row(row), _rowGradients.AsSpan(slot * dim, dim), _rowM.AsSpan(row * dim, dim),
                _rowV.Length == 0 ? [] : _rowV.AsSpan(row * dim, dim), true, step);
            _rowLast[row] = _step;
            _rowTouched[row] = true;
        }

        _step++;
    }

    /// <summary>Brings every row up to date (at an epoch's end, before scoring or saving).</summary>
    public void CatchUpAllRows()
    {
        for (int row = 0; row < _network.Buckets; row++)
        {
            CatchUp(row, _step);
            _rowLast[row] = _step - 1;
        }
    }

    /// <summary>Whether a feature row was updated in training (its feature occurred in the training data).</summary>
    public bool IsTouched(int row) => _rowTouched[row];

    public void ZeroUntouchedRows()
    {
        for (int row = 0; row < _network.Buckets; row++)
        {
            if (!_rowTouched[row])
            {
                _network.Row(row).Clear();
            }
        }
    }

    /// <summary>Applies to <paramref name="row"/> the shrinking and L1 of the steps after its last update and before <paramref name="step"/>.</summary>
    private void CatchUp(int row, long step)
    {
        long from = _rowLast[row] + 1;
        if (from >= step || !(_options.L2 > 0 || _options.WeightDecay > 0 || _options.L1 > 0))
        {
            return;
        }

        float factor = (float)Math.Exp(_cumulativeLogShrink[(int)step] - _cumulativeLogShrink[(int)from]);
        float threshold = (float)(_cumulativeL1[(int)step] - _cumulativeL1[(int)from]);
        Span<float> w = _network.Row(row);
        for (int i = 0; i < w.Length; i++)
        {
            w[i] = SoftThreshold(w[i] * factor, threshold);
        }
    }

    /// <summary>What one step's updates share, computed once per step.</summary>
    private readonly struct StepConstants(TrainerOptions options, double lr, long step)
    {
        public readonly float Rate = (float)lr;
        public readonly float L2 = (float)(2 * options.L2);
        public readonly float Decay = (float)(lr * options.WeightDecay);
        public readonly float L1 = (float)(lr * options.L1);
        public readonly bool Adam = options.Optimizer != OptimizerKind.Sgd;
        public readonly float Momentum = (float)options.Momentum;
        public readonly float Correction1 = 1 - MathF.Pow(Beta1, step + 1);
        public readonly float Correction2 = 1 - MathF.Pow(Beta2, step + 1);
        public readonly bool Regularises = options.L2 > 0 || options.WeightDecay > 0 || options.L1 > 0;
    }

    /// <summary>One optimiser step on <paramref name="w"/>, vectorised; <paramref name="regularised"/> for weights, not biases.</summary>
    private void Update(Span<float> w, Span<float> g, Span<float> m, Span<float> v, bool regularised, in StepConstants c)
    {
        Span<float> grad = _scratch1.AsSpan(0, w.Length), work = _scratch2.AsSpan(0, w.Length);
        bool reg = regularised && c.Regularises;
        if (reg && c.L2 > 0)
        {
            TensorPrimitives.MultiplyAdd(w, c.L2, g, grad);
        }
        else
        {
            g.CopyTo(grad);
        }

        if (c.Adam)
        {
            TensorPrimitives.Multiply(m, Beta1, m);
            TensorPrimitives.MultiplyAdd(grad, 1 - Beta1, m, m);
            TensorPrimitives.Multiply(v, Beta2, v);
            TensorPrimitives.Multiply(grad, grad, work);
            TensorPrimitives.MultiplyAdd(work, 1 - Beta2, v, v);
            TensorPrimitives.Multiply(v, 1 / c.Correction2, work);
            TensorPrimitives.Sqrt(work, work);
            TensorPrimitives.Add(work, Epsilon, work);
            TensorPrimitives.Divide(m, work, work);
            TensorPrimitives.MultiplyAdd(work, -c.Rate / c.Correction1, w, w);
        }
        else
        {
            TensorPrimitives.MultiplyAdd(m, c.Momentum, grad, m);
            TensorPrimitives.MultiplyAdd(m, -c.Rate, w, w);
        }

        if (reg)
        {
            if (c.Decay > 0)
            {
                TensorPrimitives.Multiply(w, 1 - c.Decay, w);
            }

            if (c.L1 > 0)
            {
                for (int i = 0; i < w.Length; i++)
                {
                    w[i] = SoftThreshold(w[i], c.L1);
                }
            }
        }
    }

    private static float SoftThreshold(float w, float threshold) =>
        threshold <= 0 ? w : w > threshold ? w - threshold : w < -threshold ? w + threshold : 0f;
}
