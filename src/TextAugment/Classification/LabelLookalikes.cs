namespace TextAugment.Classification;

/// <summary>
/// Labels that differ only in letter case or surrounding white space ("animal", "Animal", "animal "): each is its own class
/// to the trainer (labels compare ordinally, as scikit-learn's and fastText's do), which is rarely what the data meant, so
/// train and run say so.
/// </summary>
public static class LabelLookalikes
{
    /// <summary>
    /// A warning naming every group of labels in <paramref name="labels"/> that are equal once trimmed and compared without
    /// case (the labels quoted, so that white space shows); null when there is none.
    /// </summary>
    /// <param name="labels">The labels (repeats are fine: each distinct label counts once).</param>
    /// <param name="path">The file they come from, for the message.</param>
    public static string? Describe(IEnumerable<string> labels, string path)
    {
        ArgumentNullException.ThrowIfNull(labels);
        string[][] groups = [.. labels.Distinct(StringComparer.Ordinal)
            .GroupBy(l => l.Trim(), StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Order(StringComparer.Ordinal).ToArray())];
        if (groups.Length == 0)
        {
            return null;
        }

        string named = Trainer.FirstFew([.. groups.Select(g => string.Join(" / ", g.Select(l => $"'{l}'")))], 3);
        return $"{path}: {(groups.Length == 1 ? "these labels differ" : $"{groups.Length:N0} groups of labels differ")} only in letter case or surrounding white space, and each is a class of its own: {named}. If they mean one class, make them equal in the data.";
    }
}
