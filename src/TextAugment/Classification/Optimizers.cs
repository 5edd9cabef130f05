using System.Numerics.Tensors;

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

    /// <summary>Applies one step of rate <paramref name="rate"/> to <paramref name="w"/>; <paramref name="work"/> is scratch of the same length.</summary>
    /// <param name="w">The parameters.</param>
    /// <param name="grad">Their gradient, penalties included.</param>
    /// <param name="m">First moment (SGD: the momentum buffer).</param>
    /// <param name="v">Second moment (empty when <see cref="HasSecondMoment"/> is false).</param>
    /// <param name="rate">The learning rate of this step.</param>
    /// <param name="step">0-based step number (for Adam's bias correction).</param>
    /// <param name="work">Scratch.</param>
    public abstract void Update(Span<float> w, ReadOnlySpan<float> grad, Span<float> m, Span<float> v, float rate, long step, Span<float> work);

    /// <summary>The optimiser <paramref name="options"/> name.</summary>
    public static Optimizer Create(TrainerOptions options) => options.Optimizer switch
    {
        OptimizerKind.Sgd => new Sgd((float)options.Momentum),
        OptimizerKind.Adam => new Adam(),
        _ => new AdamW(),
    };
}

/// <summary>Mini-batch SGD with (heavy-ball) momentum: m ← μm + g; w ← w − lr·m (PyTorch's SGD with dampening 0).</summary>
internal sealed class Sgd(float momentum) : Optimizer
{
    public override bool HasSecondMoment => false;

    public override bool DecouplesWeightDecay => true;

    public override void Update(Span<float> w, ReadOnlySpan<float> grad, Span<float> m, Span<float> v, float rate, long step, Span<float> work)
    {
        TensorPrimitives.MultiplyAdd(m, momentum, grad, m);
        TensorPrimitives.MultiplyAdd(m, -rate, w, w);
    }
}

/// <summary>Adam (Kingma and Ba 2015) with β1 = 0.9, β2 = 0.999, ε = 1e-8 and bias correction; weight decay is coupled (added to the gradient).</summary>
internal class Adam : Optimizer
{
    private const float Beta1 = 0.9f, Beta2 = 0.999f, Epsilon = 1e-8f;

    public override bool HasSecondMoment => true;

    public override bool DecouplesWeightDecay => false;

    public override void Update(Span<float> w, ReadOnlySpan<float> grad, Span<float> m, Span<float> v, float rate, long step, Span<float> work)
    {
        float correction1 = 1 - MathF.Pow(Beta1, step + 1);
        float correction2 = 1 - MathF.Pow(Beta2, step + 1);
        TensorPrimitives.Multiply(m, Beta1, m);
        TensorPrimitives.MultiplyAdd(grad, 1 - Beta1, m, m);
        TensorPrimitives.Multiply(v, Beta2, v);
        TensorPrimitives.Multiply(grad, grad, work);
        TensorPrimitives.MultiplyAdd(work, 1 - Beta2, v, v);
        TensorPrimitives.Multiply(v, 1 / correction2, work);
        TensorPrimitives.Sqrt(work, work);
        TensorPrimitives.Add(work, Epsilon, work);
        TensorPrimitives.Divide(m, work, work);
        TensorPrimitives.MultiplyAdd(work, -rate / correction1, w, w);
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
    /// <summary>grad ← g + coefficient·w.</summary>
    public void AddTo(ReadOnlySpan<float> w, ReadOnlySpan<float> g, Span<float> grad)
    {
        if (Coefficient > 0)
        {
            TensorPrimitives.MultiplyAdd(w, Coefficient, g, grad);
        }
        else
        {
            g.CopyTo(grad);
        }
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
