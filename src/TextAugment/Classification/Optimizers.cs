using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TextAugment.Classification;

/// <summary>
/// One optimiser's update rule on a span of parameters, given their gradient (already including any coupled
/// penalty) and the optimiser's per-parameter state. One class per optimiser, as PyTorch's torch.optim and
/// TorchSharp have; the regularisers and the learning-rate schedule are separate types.
/// </summary>
internal abstract class Optimizer
{
    /// <summary>Whether the optimiser keeps a second moment per parameter (Adam's v).</summary>
    public abstract bool HasSecondMoment { get; }

    /// <summary>
    /// How <see cref="TrainerOptions.WeightDecay"/> acts with this optimiser: added to the gradient (false; Adam,
    /// as PyTorch's Adam does: L2 through the gradient, so it is rescaled by the adaptive step) or applied to the
    /// weights after the step (true; AdamW, Loshchilov and Hutter 2019, and SGD, where the two differ only
    /// through momentum).
    /// </summary>
    public abstract bool DecouplesWeightDecay { get; }

    /// <summary>
    /// Applies one step of rate <paramref name="rate"/> to <paramref name="w"/>, in one pass over the spans (the embedding rows a
    /// step touches are short and many: one fused loop instead of a dozen library calls per row).
    /// </summary>
    /// <param name="w">The parameters.</param>
    /// <param name="grad">Their gradient, penalties included; at least as long as <paramref name="w"/>.</param>
    /// <param name="m">First moment (SGD: the momentum buffer); at least as long as <paramref name="w"/>.</param>
    /// <param name="v">Second moment (empty when <see cref="HasSecondMoment"/> is false); otherwise at least as long as <paramref name="w"/>.</param>
    /// <param name="rate">The learning rate of this step.</param>
    /// <param name="step">0-based step number (for Adam's bias correction).</param>
    /// <exception cref="ArgumentException">A span shorter than <paramref name="w"/>.</exception>
    public abstract void Update(Span<float> w, ReadOnlySpan<float> grad, Span<float> m, Span<float> v, float rate, long step);

    /// <summary>The optimiser <paramref name="options"/> name.</summary>
    public static Optimizer Create(TrainerOptions options) => options.Optimizer switch
    {
        OptimizerKind.Sgd => new Sgd((float)options.Momentum),
        OptimizerKind.Adam => new Adam(),
        _ => new AdamW(),
    };

    /// <summary>Throws unless the gradient, first and second moment lengths are each at least <paramref name="length"/>.</summary>
    private protected static void RequireLength(int length, int grad, int m, int v)
    {
        if (grad < length || m < length || v < length)
        {
            throw new ArgumentException($"the gradient ({grad}), first moment ({m}) and second moment ({v}) must be at least as long as the parameters ({length}).");
        }
    }
}

/// <summary>Mini-batch SGD with (heavy-ball) momentum: m ← μm + g; w ← w − lr·m (PyTorch's SGD with dampening 0).</summary>
internal sealed class Sgd(float momentum) : Optimizer
{
    public override bool HasSecondMoment => false;

    public override bool DecouplesWeightDecay => true;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Update(Span<float> w, ReadOnlySpan<float> grad, Span<float> m, Span<float> v, float rate, long step)
    {
        RequireLength(w.Length, grad.Length, m.Length, w.Length);
        ref float wr = ref MemoryMarshal.GetReference(w);
        ref float gr = ref MemoryMarshal.GetReference(grad);
        ref float mr = ref MemoryMarshal.GetReference(m);
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var mu = new Vector<float>(momentum);
            var r = new Vector<float>(-rate);
            for (; i <= w.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                Vector<float> mi = Vector.LoadUnsafe(ref mr, (nuint)i) * mu + Vector.LoadUnsafe(ref gr, (nuint)i);
                mi.StoreUnsafe(ref mr, (nuint)i);
                (mi * r + Vector.LoadUnsafe(ref wr, (nuint)i)).StoreUnsafe(ref wr, (nuint)i);
            }
        }

        for (; i < w.Length; i++)
        {
            m[i] = m[i] * momentum + grad[i];
            w[i] = m[i] * -rate + w[i];
        }
    }
}

/// <summary>
/// Adam (Kingma and Ba 2015) with β1 = 0.9, β2 = 0.999, ε = 1e-8 and bias correction by the step number; weight decay is
/// coupled (added to the gradient). Each element gets the same rounding as the sequence m ← β1·m; m ← (1−β1)·g + m;
/// v ← β2·v; v ← (1−β2)·g² + v; w ← (−lr/(1−β1ᵗ))·(m / (√(v·(1/(1−β2ᵗ))) + ε)) + w, without fused multiply-adds.
/// </summary>
internal class Adam : Optimizer
{
    private const float Beta1 = 0.9f, Beta2 = 0.999f, Epsilon = 1e-8f;
    private long _correctedStep = -1;
    private float _correction1, _correction2;

    public override bool HasSecondMoment => true;

    public override bool DecouplesWeightDecay => false;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Update(Span<float> w, ReadOnlySpan<float> grad, Span<float> m, Span<float> v, float rate, long step)
    {
        RequireLength(w.Length, grad.Length, m.Length, v.Length);
        if (step != _correctedStep)
        {
            // Once per step, not per row: a step updates hundreds of rows with the same corrections.
            _correction1 = 1 - MathF.Pow(Beta1, step + 1);
            _correction2 = 1 - MathF.Pow(Beta2, step + 1);
            _correctedStep = step;
        }

        float inverse2 = 1 / _correction2, scale = -rate / _correction1;
        ref float wr = ref MemoryMarshal.GetReference(w);
        ref float gr = ref MemoryMarshal.GetReference(grad);
        ref float mr = ref MemoryMarshal.GetReference(m);
        ref float vr = ref MemoryMarshal.GetReference(v);
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var b1 = new Vector<float>(Beta1);
            var c1 = new Vector<float>(1 - Beta1);
            var b2 = new Vector<float>(Beta2);
            var c2 = new Vector<float>(1 - Beta2);
            var i2 = new Vector<float>(inverse2);
            var e = new Vector<float>(Epsilon);
            var s = new Vector<float>(scale);
            for (; i <= w.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                Vector<float> g = Vector.LoadUnsafe(ref gr, (nuint)i);
                Vector<float> mi = g * c1 + Vector.LoadUnsafe(ref mr, (nuint)i) * b1;
                Vector<float> vi = g * g * c2 + Vector.LoadUnsafe(ref vr, (nuint)i) * b2;
                mi.StoreUnsafe(ref mr, (nuint)i);
                vi.StoreUnsafe(ref vr, (nuint)i);
                Vector<float> u = mi / (Vector.SquareRoot(vi * i2) + e);
                (u * s + Vector.LoadUnsafe(ref wr, (nuint)i)).StoreUnsafe(ref wr, (nuint)i);
            }
        }

        for (; i < w.Length; i++)
        {
            float g = grad[i];
            float mi = g * (1 - Beta1) + m[i] * Beta1;
            float vi = g * g * (1 - Beta2) + v[i] * Beta2;
            m[i] = mi;
            v[i] = vi;
            w[i] = mi / (MathF.Sqrt(vi * inverse2) + Epsilon) * scale + w[i];
        }
    }
}

/// <summary>AdamW (Loshchilov and Hutter 2019): Adam's step, with weight decay applied to the weights, decoupled from the gradient.</summary>
internal sealed class AdamW : Adam
{
    public override bool DecouplesWeightDecay => true;
}

/// <summary>A learning-rate schedule: the factor on the peak rate at a fraction of training done.</summary>
internal abstract class LearningRateSchedule
{
    /// <summary>The factor at <paramref name="progress"/> ∈ [0, 1].</summary>
    public abstract double Factor(double progress);

    /// <summary>The schedule <paramref name="kind"/> names.</summary>
    public static LearningRateSchedule Create(Schedule kind) => kind switch
    {
        Schedule.Constant => new ConstantSchedule(),
        Schedule.Cosine => new CosineSchedule(),
        _ => new LinearSchedule(),
    };
}

/// <summary>The same rate throughout.</summary>
internal sealed class ConstantSchedule : LearningRateSchedule
{
    public override double Factor(double progress) => 1;
}

/// <summary>Linear decay to zero (fastText's).</summary>
internal sealed class LinearSchedule : LearningRateSchedule
{
    public override double Factor(double progress) => Math.Max(0, 1 - progress);
}

/// <summary>Cosine decay to zero (Loshchilov and Hutter 2017, without restarts).</summary>
internal sealed class CosineSchedule : LearningRateSchedule
{
    public override double Factor(double progress) => 0.5 * (1 + Math.Cos(Math.PI * Math.Min(1, progress)));
}

/// <summary>A penalty λ·Σw² added to the loss, so 2λ·w to the gradient (coupled L2; Adam's weight decay, which is 2λ).</summary>
/// <param name="Coefficient">The factor on w added to the gradient (2λ).</param>
internal sealed record CoupledPenalty(float Coefficient)
{
    /// <summary>The gradient with the penalty: <paramref name="g"/> itself without one, else g + coefficient·w written into <paramref name="scratch"/>.</summary>
    public ReadOnlySpan<float> AddTo(ReadOnlySpan<float> w, ReadOnlySpan<float> g, Span<float> scratch)
    {
        if (Coefficient <= 0)
        {
            return g;
        }

        Span<float> grad = scratch[..w.Length];
        TensorPrimitives.MultiplyAdd(w, Coefficient, g, grad);
        return grad;
    }
}

/// <summary>Decoupled weight decay: w ← (1 − lr·wd)·w after the step.</summary>
/// <param name="Rate">wd.</param>
internal sealed record DecoupledDecay(float Rate)
{
    /// <summary>Shrinks <paramref name="w"/> for a step of learning rate <paramref name="lr"/>.</summary>
    public void Apply(Span<float> w, float lr)
    {
        if (Rate > 0)
        {
            TensorPrimitives.Multiply(w, 1 - lr * Rate, w);
        }
    }
}

/// <summary>L1 λ·Σ|w| as a proximal soft-threshold by lr·λ after the step, so weights become exactly zero.</summary>
/// <param name="Lambda">λ.</param>
internal sealed record L1Proximal(float Lambda)
{
    /// <summary>Soft-thresholds <paramref name="w"/> for a step of learning rate <paramref name="lr"/>.</summary>
    public void Apply(Span<float> w, float lr)
    {
        float threshold = lr * Lambda;
        if (threshold <= 0)
        {
            return;
        }

        for (int i = 0; i < w.Length; i++)
        {
            w[i] = SoftThreshold(w[i], threshold);
        }
    }

    /// <summary>sign(w)·max(0, |w| − threshold).</summary>
    public static float SoftThreshold(float w, float threshold) =>
        threshold <= 0 ? w : w > threshold ? w - threshold : w < -threshold ? w + threshold : 0f;
}
