using System.Buffers;
using System.Text;

namespace TextAugment.Text;

/// <summary>
/// Lower-casing for the lookups every word goes through (stop words, negators, synonyms): the invariant culture's
/// result, with ASCII text (nearly every English word) lowered by the vectorized ASCII routine instead of per character.
/// </summary>
internal static class InvariantCase
{
    /// <summary>
    /// Writes <paramref name="source"/> lower-cased (<see cref="MemoryExtensions.ToLowerInvariant"/>'s result) to
    /// <paramref name="destination"/>, which is at least as long and does not overlap it.
    /// </summary>
    public static void ToLower(ReadOnlySpan<char> source, Span<char> destination)
    {
        // For ASCII the invariant mapping is A–Z to a–z and nothing else, which is what Ascii.ToLower does.
        if (Ascii.ToLower(source, destination, out _) != OperationStatus.Done)
        {
            source.ToLowerInvariant(destination);
        }
    }
}
