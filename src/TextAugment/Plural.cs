using System.Globalization;

namespace TextAugment;

/// <summary>A count with its noun in the right number, for messages: "1 row", "2,560 rows".</summary>
public static class Plural
{
    /// <summary>
    /// <paramref name="count"/> (with thousands separators) and <paramref name="singular"/>, or <paramref name="plural"/>
    /// (default: <paramref name="singular"/> + "s") unless the count is 1.
    /// </summary>
    public static string Count(long count, string singular, string? plural = null) =>
        count.ToString("N0", CultureInfo.InvariantCulture) + " " + (count == 1 ? singular : plural ?? singular + "s");
}
