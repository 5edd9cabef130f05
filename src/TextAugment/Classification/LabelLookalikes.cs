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

    /// <summary>
    /// A hint naming every label of <paramref name="test"/> that the model does not have but that equals one of
    /// <paramref name="model"/>'s once trimmed and compared without case ('Animal' in the test data, 'animal' in the model):
    /// such a label is scored as unknown, every row of it an error; null when there is none.
    /// </summary>
    /// <param name="test">The test data's labels the model does not have.</param>
    /// <param name="model">The model's labels.</param>
    /// <param name="path">The test file, for the message.</param>
    public static string? AgainstModel(IEnumerable<string> test, IReadOnlyList<string> model, string path)
    {
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(model);
        var known = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string label in model)
        {
            known.TryAdd(label.Trim(), label);
        }

        string[] pairs = [.. test.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Where(l => known.ContainsKey(l.Trim()))
            .Select(l => $"'{l}' (the model's '{known[l.Trim()]}')")];
        return pairs.Length == 0 ? null
            : $"{path}: {(pairs.Length == 1 ? "a label differs" : $"{pairs.Length:N0} labels differ")} from the model's only in letter case or surrounding white space: {Trainer.FirstFew(pairs, 3)}; labels compare exactly, so {(pairs.Length == 1 ? "it is" : "they are")} scored as unknown. If {(pairs.Length == 1 ? "it means" : "they mean")} the model's label, make the test data's labels equal to the training data's.";
    }
}
