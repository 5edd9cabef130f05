using System.Numerics.Tensors;

namespace TextAugment.Classification;

/// <summary>
/// The optimiser's state and one update step: the <see cref="Optimizer"/> (SGD, Adam or AdamW) on the dense
/// layers; the same, lazily, on the embedding rows a batch touched (as PyTorch's sparse optimisers do).
/// Regularisation: <see cref="CoupledPenalty"/> (L2, and Adam's weight decay) through the gradient,
/// <see cref="DecoupledDecay"/> (AdamW's and SGD's weight decay), and <see cref="L1Proximal"/> — so L1 gives exact zeros. A row not touched for some steps gets, when next touched
/// (and at each epoch's end), the shrinking and thresholding of the steps it missed, combined.
/// </summary>
internal sealed class TrainingState
{
    private readonly Network _network;
    private readonly TrainerOptions _options;
    private readonly Optimizer _optimizer;
    private readonly LearningRateSchedule _schedule;
    private readonly CoupledPenalty _coupled;
    private readonly DecoupledDecay _decay;
    private readonly L1Proximal _l1;
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
        _optimizer = Optimizer.Create(options);
        _schedule = LearningRateSchedule.Create(options.Schedule);
        _coupled = new CoupledPenalty((float)(2 * options.L2 + (_optimizer.DecouplesWeightDecay ? 0 : options.WeightDecay)));
        _decay = new DecoupledDecay(_optimizer.DecouplesWeightDecay ? (float)options.WeightDecay : 0f);
        _l1 = new L1Proximal((float)options.L1);
        _denseM = new float[network.Dense.Length];
        _denseV = new float[network.Dense.Length];
        _rowM = new float[network.Embeddings.Length];
        _rowV = _optimizer.HasSecondMoment ? new float[network.Embeddings.Length] : [];
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

    /// <summary>
    /// Spreads ∂loss/∂bag over the feature rows: each occurrence i gets weightsᵢ · ∂loss/∂bag, or ∂loss/∂bag / |features|
    /// when <paramref name="weights"/> is empty (the mean bag).
    /// </summary>
    public void AccumulateEmbedding(ReadOnlySpan<int> features, ReadOnlySpan<float> weights, ReadOnlySpan<float> bagGradient)
    {
        if (features.IsEmpty)
        {
            return;
        }

        int dim = _network.Dimensions;
        for (int i = 0; i < features.Length; i++)
        {
            int f = features[i];
            float share = weights.IsEmpty ? 1f / features.Length : weights[i];
            if (share == 0)
            {
                continue;
            }

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
        double lr = _options.LearningRate * _schedule.Factor(progress);
        LearningRate = lr;

        // Rows a step does not touch get, when next touched, the shrinking of both penalties combined
        // (the gradient of a coupled penalty alone, as plain gradient descent would apply it).
        double shrink = 1 - lr * (_coupled.Coefficient + _decay.Rate);
        _cumulativeLogShrink.Add(_cumulativeLogShrink[^1] + Math.Log(Math.Max(shrink, 1e-30)));
        _cumulativeL1.Add(_cumulativeL1[^1] + lr * _options.L1);

        float rate = (float)lr;
        bool regularises = _coupled.Coefficient > 0 || _decay.Rate > 0 || _l1.Lambda > 0;
        for (int l = 0; l < _network.Layers; l++)
        {
            int weights = _network.In[l] * _network.Out[l];
            Update(_network.Dense.AsSpan(_network.WeightAt[l], weights), denseGradient.Slice(_network.WeightAt[l], weights),
                _denseM.AsSpan(_network.WeightAt[l], weights), _denseV.AsSpan(_network.WeightAt[l], weights), regularises, rate);
            Update(_network.Dense.AsSpan(_network.BiasAt[l], _network.Out[l]), denseGradient.Slice(_network.BiasAt[l], _network.Out[l]),
                _denseM.AsSpan(_network.BiasAt[l], _network.Out[l]), _denseV.AsSpan(_network.BiasAt[l], _network.Out[l]), false, rate);
        }

        int dim = _network.Dimensions;
        foreach (int row in _rows)
        {
            CatchUp(row, _step);
            int slot = _slots[row];
            Update(_network.Row(row), _rowGradients.AsSpan(slot * dim, dim), _rowM.AsSpan(row * dim, dim),
                _rowV.Length == 0 ? [] : _rowV.AsSpan(row * dim, dim), regularises, rate);
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
            w[i] = L1Proximal.SoftThreshold(w[i] * factor, threshold);
        }
    }

    /// <summary>One step on <paramref name="w"/>: the penalty into the gradient, the optimiser, then decay and L1; <paramref name="regularised"/> for weights, not biases.</summary>
    private void Update(Span<float> w, Span<float> g, Span<float> m, Span<float> v, bool regularised, float rate)
    {
        Span<float> grad = _scratch1.AsSpan(0, w.Length), work = _scratch2.AsSpan(0, w.Length);
        if (regularised)
        {
            _coupled.AddTo(w, g, grad);
        }
        else
        {
            g.CopyTo(grad);
        }

        _optimizer.Update(w, grad, m, v, rate, _step, work);
        if (regularised)
        {
            _decay.Apply(w, rate);
            _l1.Apply(w, rate);
        }
    }
}
