using System.Numerics;

namespace TextAugment.Augmenters;

/// <summary>
/// The random stream of one variant of one example: xoshiro256** seeded from
/// (seed, example id, variant, attempt) through SplitMix64. The same four values give the same
/// stream on every machine, .NET version and thread, which is what makes output byte-identical
/// whatever the thread count or how the corpus is split into shards.
/// </summary>
public sealed class AugmentRandom
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>Creates a stream from a single seed.</summary>
    public AugmentRandom(ulong seed) => Reseed(seed);

    /// <summary>Creates the stream of variant <paramref name="variant"/>, attempt <paramref name="attempt"/>, of the example <paramref name="exampleId"/>.</summary>
    public static AugmentRandom For(ulong seed, string exampleId, int variant, int attempt = 0)
    {
        ArgumentNullException.ThrowIfNull(exampleId);
        return new(Derive(seed, exampleId, variant, attempt));
    }

    /// <summary>Restarts this stream as <see cref="For"/> would create it, without allocating.</summary>
    public void Reset(ulong seed, ReadOnlySpan<char> exampleId, int variant, int attempt = 0) => Reseed(Derive(seed, exampleId, variant, attempt));

    /// <summary>A uniformly distributed 64-bit value.</summary>
    public ulong NextUInt64()
    {
        ulong result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniformly distributed integer in [0, <paramref name="maxExclusive"/>) (Lemire's unbiased method).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxExclusive"/> is not positive.</exception>
    public int Next(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        ulong range = (ulong)maxExclusive;
        UInt128 product = (UInt128)NextUInt64() * range;
        ulong low = (ulong)product;
        if (low < range)
        {
            ulong threshold = (0 - range) % range;
            while (low < threshold)
            {
                product = (UInt128)NextUInt64() * range;
                low = (ulong)product;
            }
        }

        return (int)(product >> 64);
    }

    /// <summary>A uniformly distributed double in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    private void Reseed(ulong seed)
    {
        _s0 = SplitMix(ref seed);
        _s1 = SplitMix(ref seed);
        _s2 = SplitMix(ref seed);
        _s3 = SplitMix(ref seed);
    }

    private static ulong Derive(ulong seed, ReadOnlySpan<char> exampleId, int variant, int attempt)
    {
        // FNV-1a over the id's UTF-16 code units: stable across runs, unlike string.GetHashCode.
        ulong hash = 14695981039346656037UL;
        foreach (char c in exampleId)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        ulong state = seed;
        ulong mixed = SplitMix(ref state) ^ Mix(hash);
        mixed = Mix(mixed + (ulong)(uint)variant * 0x9E3779B97F4A7C15UL);
        return Mix(mixed + (ulong)(uint)attempt * 0xD1B54A32D192ED03UL);
    }

    private static ulong SplitMix(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        return Mix(state);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
