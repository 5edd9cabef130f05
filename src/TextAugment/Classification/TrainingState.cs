using System.Runtime.CompilerServices;

namespace TextAugment.Classification;

/// <summary>
/// The optimiser's state and one update step: the <see cref="Optimizer"/> (SGD, Adam or AdamW) on the dense
/// layers; on the embedding rows, lazily by default (<see cref="EmbeddingUpdates.Lazy"/>: only the rows a step's examples
/// contain, as PyTorch's SparseAdam and TensorFlow Addons' LazyAdam do), or every row every step
/// (<see cref="EmbeddingUpdates.Dense"/>: as a dense optimiser on a dense embedding gradient).
/// Regularisation: <see cref="CoupledPenalty"/> (L2, and Adam's weight decay) through the gradient,
/// <see cref="DecoupledDecay"/> (AdamW's and SGD's weight decay), and <see cref="L1Proximal"/> — so L1 gives exact zeros.
/// Lazily, a row not touched for some steps keeps its moments and gets no optimiser step in them; when it is next touched
/// (and at each epoch's end) it gets the shrinking and thresholding of the steps it missed, combined, exactly as those
/// steps' rates give them (see <see cref="CatchUp"/>). Moments are kept only for rows that have been touched, in the
/// order they were first touched, so their memory grows with the features seen, not with the buckets.
/// </summary>
internal sealed class TrainingState
{
    private const int ChunkRows = 1024;   // moment rows per chunk of the moment store
    private readonly Network _network;
    private readonly TrainerOptions _options;
    private readonly Optimizer _optimizer;
    private readonly LearningRateSchedule _schedule;
    private readonly CoupledPenalty _coupled;
    private readonly DecoupledDecay _decay;
    private readonly L1Proximal _l1;
    private readonly bool _dense;
    private readonly long _totalSteps;
    private readonly float[] _denseM, _denseV;
    private readonly int _momentStride;      // floats per moment row: m, then v when the optimiser has one
    private readonly int[] _momentSlot;      // per bucket: its row in the moment store; -1 before it is first touched
    private readonly List<float[]> _momentChunks = [];
    private int _momentRows;
    private readonly long[] _rowLast;        // last step applied to each row; -1 before the first
    private readonly bool[] _rowTouched;
    private readonly int[] _batchSlot;       // per bucket: its slot in this batch's row gradients; -1 when not in the batch
    private readonly float[] _scratch, _zeroRow;
    private readonly List<double> _cumulativeLogShrink = [0];
    private readonly List<double> _cumulativeL1 = [0];
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
        _dense = options.EmbeddingUpdates == EmbeddingUpdates.Dense;
        _denseM = new float[network.Dense.Length];
        _denseV = new float[network.Dense.Length];
        _momentStride = network.Dimensions * (_optimizer.HasSecondMoment ? 2 : 1);
        _momentSlot = new int[network.Buckets];
        Array.Fill(_momentSlot, -1);
        _rowLast = new long[network.Buckets];
        Array.Fill(_rowLast, -1);
        _rowTouched = new bool[network.Buckets];
        _batchSlot = new int[network.Buckets];
        Array.Fill(_batchSlot, -1);
        _scratch = new float[Math.Max(network.Dimensions, network.In.Zip(network.Out, (i, o) => i * o).Max())];
        _zeroRow = new float[network.Dimensions];
    }

    /// <summary>The learning rate of the last step.</summary>
    public double LearningRate { get; private set; }

    public void BeginBatch()
    {
        foreach (int row in _rows)
        {
            _batchSlot[row] = -1;
        }

        _rows.Clear();
    }

    /// <summary>
    /// Spreads ∂loss/∂bag over the feature rows: each occurrence i gets weightsᵢ · ∂loss/∂bag, or ∂loss/∂bag / |features|
    /// when <paramref name="weights"/> is empty (the mean bag).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

            int slot = _batchSlot[f];
            if (slot < 0)
            {
                slot = _rows.Count;
                _batchSlot[f] = slot;
                _rows.Add(f);
                if ((slot + 1) * dim > _rowGradients.Length)
                {
                    Array.Resize(ref _rowGradients, _rowGradients.Length * 2);
                }

                _rowGradients.AsSpan(slot * dim, dim).Clear();
            }

            Span<float> gradient = _rowGradients.AsSpan(slot * dim, dim);
            VectorMath.MultiplyAdd(bagGradient, share, gradient);
        }
    }

    /// <summary>Applies one step: the batch's dense gradient and the accumulated row gradients.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
        if (_dense)
        {
            // Every row, with a zero gradient where the batch has none: moments decay and the row moves on them.
            for (int row = 0; row < _network.Buckets; row++)
            {
                int slot = _batchSlot[row];
                UpdateRow(row, slot < 0 ? _zeroRow : _rowGradients.AsSpan(slot * dim, dim), regularises, rate);
                _rowTouched[row] |= slot >= 0;
            }
        }
        else
        {
            for (int slot = 0; slot < _rows.Count; slot++)
            {
                int row = _rows[slot];
                CatchUp(row, _step);
                UpdateRow(row, _rowGradients.AsSpan(slot * dim, dim), regularises, rate);
                _rowTouched[row] = true;
            }
        }

        _step++;
    }

    /// <summary>The first and second moments of <paramref name="row"/> (copies; zeros before it is first touched, and an empty second moment for SGD).</summary>
    internal (float[] M, float[] V) MomentsOf(int row)
    {
        int dim = _network.Dimensions;
        if (_momentSlot[row] < 0)
        {
            return (new float[dim], _optimizer.HasSecondMoment ? new float[dim] : []);
        }

        Span<float> moments = Moments(row);
        return (moments[..dim].ToArray(), moments[dim..].ToArray());
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

    /// <summary>
    /// Applies to <paramref name="row"/> what the steps after its last update and before <paramref name="step"/> did to
    /// it: the shrinking and L1 of their penalties (its weights move on no optimiser step, and its moments do not decay).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CatchUp(int row, long step)
    {
        long from = _rowLast[row] + 1;
        bool regularised = _options.L2 > 0 || _options.WeightDecay > 0 || _options.L1 > 0;
        if (from >= step || !regularised)
        {
            return;
        }

        Span<float> w = _network.Row(row);
        VectorMath.Scale(w, (float)Math.Exp(_cumulativeLogShrink[(int)step] - _cumulativeLogShrink[(int)from]));
        float threshold = (float)(_cumulativeL1[(int)step] - _cumulativeL1[(int)from]);
        if (threshold > 0)
        {
            for (int i = 0; i < w.Length; i++)
            {
                w[i] = L1Proximal.SoftThreshold(w[i], threshold);
            }
        }
    }

    /// <summary>One optimiser step on embedding row <paramref name="row"/> with gradient <paramref name="g"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void UpdateRow(int row, ReadOnlySpan<float> g, bool regularises, float rate)
    {
        Span<float> moments = Moments(row);
        int dim = _network.Dimensions;
        Update(_network.Row(row), g, moments[..dim], moments[dim..], regularises, rate);
        _rowLast[row] = _step;
    }

    /// <summary>The moments of <paramref name="row"/> in the moment store (m, then v when there is one), given a place there when it has none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Span<float> Moments(int row)
    {
        int slot = _momentSlot[row];
        if (slot < 0)
        {
            slot = _momentRows++;
            _momentSlot[row] = slot;
            if (slot / ChunkRows == _momentChunks.Count)
            {
                _momentChunks.Add(new float[ChunkRows * _momentStride]);
            }
        }

        return _momentChunks[slot / ChunkRows].AsSpan(slot % ChunkRows * _momentStride, _momentStride);
    }

    /// <summary>One step on <paramref name="w"/>: the penalty into the gradient, the optimiser, then decay and L1; <paramref name="regularised"/> for weights, not biases.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Update(Span<float> w, ReadOnlySpan<float> g, Span<float> m, Span<float> v, bool regularised, float rate)
    {
        ReadOnlySpan<float> grad = regularised ? _coupled.AddTo(w, g, _scratch) : g;
        _optimizer.Update(w, grad, m, v, rate, _step);
        if (regularised)
        {
            _decay.Apply(w, rate);
            _l1.Apply(w, rate);
        }
    }
}
