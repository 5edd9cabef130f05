using System.Numerics.Tensors;
using TextAugment.Augmenters;
using TextAugment.Classification;

namespace TextAugment.Tests;

/// <summary>
/// Lazy (SparseAdam / LazyAdam) against dense updates of the embedding rows, and the fused optimiser loops against the
/// sequence of library calls they replace.
/// </summary>
public sealed class EmbeddingUpdateTests
{
    private const int Buckets = 5, Dim = 11, Classes = 3;   // 11: one whole vector and a tail on any vector width

    private static TrainerOptions Options(OptimizerKind optimizer, EmbeddingUpdates updates, double weightDecay = 0, double l1 = 0, double l2 = 0) => new()
    {
        Features = new FeatureOptions { Buckets = Buckets, Dimensions = Dim },
        Hidden = [],
        Optimizer = optimizer,
        EmbeddingUpdates = updates,
        WeightDecay = weightDecay,
        L1 = l1,
        L2 = l2,
        LearningRate = 0.05,
        Momentum = 0.9,
    };

    /// <summary>A network with the same start for every call, and a state that will run <paramref name="steps"/> steps.</summary>
    private static (Network Network, TrainingState State) Start(TrainerOptions options, int steps)
    {
        var network = new Network(Buckets, Dim, [], Classes);
        network.Initialize(new AugmentRandom(7));
        return (network, new TrainingState(network, options, steps));
    }

    /// <summary>One step in which each row of <paramref name="rows"/> gets a gradient drawn from <paramref name="random"/>.</summary>
    private static void Step(TrainingState state, Network network, int[] rows, AugmentRandom random)
    {
        state.BeginBatch();
        var bag = new float[Dim];
        foreach (int row in rows)
        {
            for (int d = 0; d < Dim; d++)
            {
                bag[d] = (float)(random.NextDouble() - 0.5);
            }

            state.AccumulateEmbedding([row], [], bag);
        }

        var dense = new float[network.Dense.Length];
        for (int i = 0; i < dense.Length; i++)
        {
            dense[i] = (float)(random.NextDouble() - 0.5);
        }

        state.Step(dense);
    }

    [Theory]
    [InlineData(OptimizerKind.AdamW, 0.1, 0.0, 0.0)]
    [InlineData(OptimizerKind.AdamW, 0.1, 0.001, 0.0)]
    [InlineData(OptimizerKind.Adam, 0.1, 0.0, 0.01)]
    [InlineData(OptimizerKind.Sgd, 0.1, 0.001, 0.01)]
    public void Lazy_and_dense_agree_exactly_when_every_row_is_touched_every_step(OptimizerKind optimizer, double weightDecay, double l1, double l2)
    {
        const int steps = 12;
        var (lazyNet, lazy) = Start(Options(optimizer, EmbeddingUpdates.Lazy, weightDecay, l1, l2), steps);
        var (denseNet, dense) = Start(Options(optimizer, EmbeddingUpdates.Dense, weightDecay, l1, l2), steps);
        var lazyRandom = new AugmentRandom(3);
        var denseRandom = new AugmentRandom(3);
        var order = new AugmentRandom(9);
        for (int s = 0; s < steps; s++)
        {
            // Every row, in an order that changes from step to step (the lazy path updates rows in the order the batch met them).
            int[] rows = [.. Enumerable.Range(0, Buckets).OrderBy(_ => order.Next(1000))];
            Step(lazy, lazyNet, rows, lazyRandom);
            Step(dense, denseNet, rows, denseRandom);
        }

        lazy.CatchUpAllRows();
        dense.CatchUpAllRows();
        Assert.Equal(denseNet.Embeddings, lazyNet.Embeddings);
        Assert.Equal(denseNet.Dense, lazyNet.Dense);
        for (int row = 0; row < Buckets; row++)
        {
            Assert.Equal(dense.MomentsOf(row).M, lazy.MomentsOf(row).M);
            Assert.Equal(dense.MomentsOf(row).V, lazy.MomentsOf(row).V);
        }

        // The test can fail: the rows did move, and differently from a run with other gradients.
        var (start, _) = Start(Options(optimizer, EmbeddingUpdates.Lazy), steps);
        Assert.NotEqual(start.Embeddings, lazyNet.Embeddings);
    }

    [Fact]
    public void Lazily_an_untouched_row_keeps_its_weights_and_moments_and_densely_it_moves_on_its_momentum()
    {
        var (lazyNet, lazy) = Start(Options(OptimizerKind.AdamW, EmbeddingUpdates.Lazy), 8);
        var (denseNet, dense) = Start(Options(OptimizerKind.AdamW, EmbeddingUpdates.Dense), 8);
        var lazyRandom = new AugmentRandom(3);
        var denseRandom = new AugmentRandom(3);
        Step(lazy, lazyNet, [0, 1], lazyRandom);
        Step(dense, denseNet, [0, 1], denseRandom);
        float[] weights = lazyNet.Row(1).ToArray();
        var (m, v) = lazy.MomentsOf(1);
        Assert.Equal(weights, denseNet.Row(1).ToArray());
        Assert.Contains(m, x => x != 0);

        for (int s = 1; s < 8; s++)
        {
            Step(lazy, lazyNet, [0], lazyRandom);
            Step(dense, denseNet, [0], denseRandom);
        }

        lazy.CatchUpAllRows();
        Assert.Equal(weights, lazyNet.Row(1).ToArray());
        Assert.Equal(m, lazy.MomentsOf(1).M);
        Assert.Equal(v, lazy.MomentsOf(1).V);

        // Densely, a zero gradient still steps: m ← β1·m and v ← β2·v each step, and the row moves along m̂ / √v̂.
        float[] decayedM = [.. m], decayedV = [.. v];
        for (int s = 1; s < 8; s++)
        {
            for (int d = 0; d < Dim; d++)
            {
                decayedM[d] = 0f * (1 - 0.9f) + decayedM[d] * 0.9f;
                decayedV[d] = 0f * 0f * (1 - 0.999f) + decayedV[d] * 0.999f;
            }
        }

        Assert.Equal(decayedM, dense.MomentsOf(1).M);
        Assert.Equal(decayedV, dense.MomentsOf(1).V);
        Assert.NotEqual(weights, denseNet.Row(1).ToArray());
        // Rows the data never touched have zero moments: a step on them is zero, lazily or densely.
        Assert.Equal(lazyNet.Row(4).ToArray(), denseNet.Row(4).ToArray());
    }

    [Fact]
    public void Lazy_AdamW_gives_a_skipped_row_the_decoupled_decay_of_each_skipped_step_when_it_is_next_touched()
    {
        const double weightDecay = 0.5, rate = 0.05;
        const int steps = 10, skippedUntil = 6;
        var (network, state) = Start(Options(OptimizerKind.AdamW, EmbeddingUpdates.Lazy, weightDecay), steps);
        var random = new AugmentRandom(3);
        Step(state, network, [0, 1], random);
        float[] afterFirst = network.Row(1).ToArray();
        var moments = state.MomentsOf(1);
        for (int s = 1; s < skippedUntil; s++)
        {
            Step(state, network, [0], random);
            Assert.Equal(afterFirst, network.Row(1).ToArray());   // nothing until the row is touched again
        }

        // Touched at step 6: first the decay of steps 1..5 at their own (linearly falling) rates, then an AdamW step
        // from the kept moments. Replay that step on the caught-up row with the optimiser alone.
        double factor = 1;
        for (int s = 1; s < skippedUntil; s++)
        {
            factor *= 1 - rate * (1 - (double)s / steps) * weightDecay;
        }

        float[] expected = [.. afterFirst.Select(w => w * (float)factor)];
        var (m, v) = moments;
        state.BeginBatch();
        float[] bag = [.. Enumerable.Range(0, Dim).Select(d => 0.01f * (d - 5))];
        state.AccumulateEmbedding([1], [], bag);
        state.Step(new float[network.Dense.Length]);
        float stepRate = (float)(rate * (1 - (double)skippedUntil / steps));
        new AdamW().Update(expected, bag, m, v, stepRate, skippedUntil);
        new DecoupledDecay((float)weightDecay).Apply(expected, stepRate);
        for (int d = 0; d < Dim; d++)
        {
            Assert.Equal(expected[d], network.Row(1)[d], 1e-6f);
        }

        Assert.Equal(m, state.MomentsOf(1).M);
        Assert.Equal(v, state.MomentsOf(1).V);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    [InlineData(11)]
    [InlineData(64)]
    [InlineData(67)]
    public void The_fused_optimiser_loops_round_each_element_as_the_library_sequence_does(int length)
    {
        var random = new AugmentRandom((ulong)length);
        float[] Draw() => [.. Enumerable.Range(0, length).Select(_ => (float)(random.NextDouble() * 2 - 1))];
        float[] w = Draw(), m = new float[length], v = new float[length];
        float[] rw = [.. w], rm = new float[length], rv = new float[length], work = new float[length];
        var adam = new Adam();
        for (int step = 0; step < 5; step++)
        {
            float[] g = Draw();
            float rate = 0.01f * (step + 1);
            adam.Update(w, g, m, v, rate, step);

            // Adam as a sequence of TensorPrimitives calls, each rounding once.
            float c1 = 1 - MathF.Pow(0.9f, step + 1), c2 = 1 - MathF.Pow(0.999f, step + 1);
            TensorPrimitives.Multiply(rm, 0.9f, rm);
            TensorPrimitives.MultiplyAdd(g, 1 - 0.9f, rm, rm);
            TensorPrimitives.Multiply(rv, 0.999f, rv);
            TensorPrimitives.Multiply(g, g, work);
            TensorPrimitives.MultiplyAdd(work, 1 - 0.999f, rv, rv);
            TensorPrimitives.Multiply(rv, 1 / c2, work);
            TensorPrimitives.Sqrt(work, work);
            TensorPrimitives.Add(work, 1e-8f, work);
            TensorPrimitives.Divide(rm, work, work);
            TensorPrimitives.MultiplyAdd(work, -rate / c1, rw, rw);
        }

        Assert.Equal(rw, w);
        Assert.Equal(rm, m);
        Assert.Equal(rv, v);

        float[] s = Draw(), sm = Draw(), g2 = Draw();
        float[] rs = [.. s], rsm = [.. sm];
        new Sgd(0.9f).Update(s, g2, sm, [], 0.1f, 0);
        TensorPrimitives.MultiplyAdd(rsm, 0.9f, g2, rsm);
        TensorPrimitives.MultiplyAdd(rsm, -0.1f, rs, rs);
        Assert.Equal(rs, s);
        Assert.Equal(rsm, sm);

        float[] x = Draw(), into = Draw(), expected = new float[length];
        TensorPrimitives.MultiplyAdd(x, 0.3f, into, expected);
        VectorMath.MultiplyAdd(x, 0.3f, into);
        Assert.Equal(expected, into);
        TensorPrimitives.Add(x, into, expected);
        VectorMath.Add(x, into);
        Assert.Equal(expected, into);
        TensorPrimitives.Multiply(into, 0.7f, expected);
        VectorMath.Scale(into, 0.7f);
        Assert.Equal(expected, into);
        double dot = 0;
        for (int i = 0; i < length; i++)
        {
            dot += (double)x[i] * into[i];
        }

        Assert.Equal(dot, VectorMath.Dot(x, into), 1e-5);
    }

    [Fact]
    public void An_optimiser_refuses_a_gradient_shorter_than_the_parameters()
    {
        Assert.Throws<ArgumentException>(() => new Adam().Update(new float[4], new float[3], new float[4], new float[4], 0.1f, 0));
        Assert.Throws<ArgumentException>(() => new Sgd(0.9f).Update(new float[4], new float[4], new float[2], [], 0.1f, 0));
    }
}
