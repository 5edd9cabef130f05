using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TextAugment.Classification;

/// <summary>
/// The element-wise loops of the training step on short spans (one embedding row), compiled fully optimised from the
/// first call (<see cref="MethodImplOptions.AggressiveOptimization"/>): a five-epoch run is over before tiered compilation
/// has promoted the general-purpose library loops. Each element gets the same rounding as TensorPrimitives' Add and
/// MultiplyAdd (no fused multiply-add).
/// </summary>
internal static class VectorMath
{
    /// <summary><paramref name="into"/> ← <paramref name="x"/> + <paramref name="into"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="x"/> shorter than <paramref name="into"/>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Add(ReadOnlySpan<float> x, Span<float> into)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(x.Length, into.Length, nameof(x));
        ref float xr = ref MemoryMarshal.GetReference(x);
        ref float ir = ref MemoryMarshal.GetReference(into);
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= into.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                (Vector.LoadUnsafe(ref xr, (nuint)i) + Vector.LoadUnsafe(ref ir, (nuint)i)).StoreUnsafe(ref ir, (nuint)i);
            }
        }

        for (; i < into.Length; i++)
        {
            into[i] = x[i] + into[i];
        }
    }

    /// <summary><paramref name="into"/> ← <paramref name="x"/>·<paramref name="scale"/> + <paramref name="into"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="x"/> shorter than <paramref name="into"/>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MultiplyAdd(ReadOnlySpan<float> x, float scale, Span<float> into)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(x.Length, into.Length, nameof(x));
        ref float xr = ref MemoryMarshal.GetReference(x);
        ref float ir = ref MemoryMarshal.GetReference(into);
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var s = new Vector<float>(scale);
            for (; i <= into.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                (Vector.LoadUnsafe(ref xr, (nuint)i) * s + Vector.LoadUnsafe(ref ir, (nuint)i)).StoreUnsafe(ref ir, (nuint)i);
            }
        }

        for (; i < into.Length; i++)
        {
            into[i] = x[i] * scale + into[i];
        }
    }

    /// <summary><paramref name="into"/> ← <paramref name="into"/>·<paramref name="scale"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Scale(Span<float> into, float scale)
    {
        ref float ir = ref MemoryMarshal.GetReference(into);
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var s = new Vector<float>(scale);
            for (; i <= into.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                (Vector.LoadUnsafe(ref ir, (nuint)i) * s).StoreUnsafe(ref ir, (nuint)i);
            }
        }

        for (; i < into.Length; i++)
        {
            into[i] *= scale;
        }
    }

    /// <summary>
    /// Σ xᵢ·yᵢ over <paramref name="x"/>'s length: products summed into one accumulator per vector lane, the lanes added, then
    /// the elements past the last whole vector. The order is fixed for a vector width, so the result is the same on every call.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="y"/> shorter than <paramref name="x"/>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static float Dot(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(y.Length, x.Length, nameof(y));
        ref float xr = ref MemoryMarshal.GetReference(x);
        ref float yr = ref MemoryMarshal.GetReference(y);
        int i = 0;
        float sum = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<float>.Count)
        {
            Vector<float> acc = Vector<float>.Zero;
            for (; i <= x.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                acc = Vector.LoadUnsafe(ref xr, (nuint)i) * Vector.LoadUnsafe(ref yr, (nuint)i) + acc;
            }

            sum = Vector.Sum(acc);
        }

        for (; i < x.Length; i++)
        {
            sum = x[i] * y[i] + sum;
        }

        return sum;
    }
}
