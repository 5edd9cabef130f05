using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace TextAugment.Text;

/// <summary>
/// Whether a text holds a character of a range, for the checks every word goes through (digits, CJK ideographs).
/// Not <see cref="MemoryExtensions.IndexOfAnyInRange{T}(ReadOnlySpan{T}, T, T)"/>: its precompiled (ReadyToRun)
/// instantiation for <see cref="char"/> boxes both bounds on every call until the JIT recompiles it, which at the
/// start of a run was about one 24-byte object per word (benchmarks/README.md, "Allocation per row").
/// </summary>
internal static class CharRange
{
    /// <summary>True when <paramref name="text"/> holds a character from <paramref name="low"/> to <paramref name="high"/> (both included).</summary>
    public static bool Contains(ReadOnlySpan<char> text, char low, char high)
    {
        ushort width = (ushort)(high - low);
        int i = 0;
        if (Vector128.IsHardwareAccelerated && text.Length >= Vector128<ushort>.Count)
        {
            ref ushort start = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
            Vector128<ushort> lows = Vector128.Create((ushort)low), widths = Vector128.Create(width);
            int last = text.Length - Vector128<ushort>.Count;
            for (; i < last; i += Vector128<ushort>.Count)
            {
                // Unsigned: a character below the range wraps to above the width.
                if (Vector128.LessThanOrEqualAny(Vector128.LoadUnsafe(ref start, (nuint)i) - lows, widths))
                {
                    return true;
                }
            }

            // The last (possibly overlapping) vector.
            return Vector128.LessThanOrEqualAny(Vector128.LoadUnsafe(ref start, (nuint)last) - lows, widths);
        }

        for (; i < text.Length; i++)
        {
            if ((ushort)(text[i] - low) <= width)
            {
                return true;
            }
        }

        return false;
    }
}
