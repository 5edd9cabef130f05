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
    private readonly bool[] _isWeight;
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
        _isWeight = [.. Enumerable.Range(0, network.Dense.Length).Select(network.IsWeight)];
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

        Update(_network.Dense, denseGradient, _denseM, _denseV, 0, lr, i => _isWeight[i]);
        int dim = _network.Dimensions;
        foreach (int row in _rows)
        {
            CatchUp(row, _step);
            int slot = _slots[row];
            Update(_network.Row(row), _rowGradients.AsSpan(slot * dim, dim), _rowM.AsSpan(row * dim, dim),
                _rowV.Length == 0 ? [] : _rowV.AsSpan(row * dim, dim), row, lr, static _ => true);
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
        if (from >= step)
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

    private void Update(Span<float> w, Span<float> g, Span<float> m, Span<float> v, int offset, double lr, Func<int, bool> regularised)
    {
        float l2 = (float)(2 * _options.L2), decay = (float)(lr * _options.WeightDecay), l1 = (float)(lr * _options.L1);
        float rate = (float)lr;
        bool adam = _options.Optimizer != OptimizerKind.Sgd;
        float correction1 = 1 - MathF.Pow(Beta1, _step + 1), correction2 = 1 - MathF.Pow(Beta2, _step + 1);
        float momentum = (float)_options.Momentum;
        for (int i = 0; i < w.Length; i++)
        {
            bool reg = regularised(offset + i);
            float grad = g[i] + (reg ? l2 * w[i] : 0f);
            if (adam)
            {
                m[i] = Beta1 * m[i] + (1 - Beta1) * grad;
                v[i] = Beta2 * v[i] + (1 - Beta2) * grad * grad;
                w[i] -= rate * (m[i] / correction1) / (MathF.Sqrt(v[i] / correction2) + Epsilon);
            }
            else
            {
                m[i] = momentum * m[i] + grad;
                w[i] -= rate * m[i];
            }

            if (reg)
            {
                w[i] -= decay * w[i];
                w[i] = SoftThreshold(w[i], l1);
            }
        }
    }

    private static float SoftThreshold(float w, float threshold) =>
        threshold <= 0 ? w : w > threshold ? w - threshold : w < -threshold ? w + threshold : 0f;
}
