namespace TextAugment.Classification;

/// <summary>
/// Labels that look equal to a reader but are different strings: they differ only in letter case, surrounding white space,
/// or the way a number is written (JSON <c>1</c> and
/// <c>1.0</c>, <c>1e0</c>, <c>01</c>). Each is its own class to the trainer (labels compare ordinally, as fastText's do; a
/// scikit-learn user reading JSON with pandas gets one class for 1 and 1.0, two for "pos" and "pos "), which is rarely what
/// the data meant, so train, evaluate and run warn, naming the labels and the lines where they first appear. They are not
/// merged: a label is the data's own string, written back as it was read.
/// </summary>
public static class LabelLookalikes
{
    /// <summary>
    /// A warning naming every group of labels in <paramref name="labels"/> that share a <see cref="Key"/> (equal once trimmed,
    /// compared without case, or the same number) (the labels quoted, so that white space shows); null when there is none.
    /// </summary>
    /// <param name="labels">The labels (repeats are fine: each distinct label counts once).</param>
    /// <param name="path">The file they come from, for the message.</param>
    public static string? Describe(IEnumerable<string> labels, string path)
        => Describe(labels, path, lines: null);

    /// <summary>
    /// As <see cref="Describe(IEnumerable{string}, string)"/>, each label followed by the line of <paramref name="path"/> where
    /// it first appears when <paramref name="lines"/> has it (<c>'1' (line 1) / '1.0' (line 2)</c>).
    /// </summary>
    /// <param name="labels">The labels (repeats are fine: each distinct label counts once).</param>
    /// <param name="path">The file they come from, for the message.</param>
    /// <param name="lines">The line where each label first appears; null or missing labels: no line is named.</param>
    public static string? Describe(IEnumerable<string> labels, string path, IReadOnlyDictionary<string, long>? lines)
    {
        ArgumentNullException.ThrowIfNull(labels);
        string[][] groups = [.. labels.Distinct(StringComparer.Ordinal)
            .GroupBy(Key, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.OrderBy(l => lines is not null && lines.TryGetValue(l, out long at) ? at : long.MaxValue).ThenBy(l => l, StringComparer.Ordinal).ToArray())];
        if (groups.Length == 0)
        {
            return null;
        }

        string named = Trainer.FirstFew([.. groups.Select(g => string.Join(" / ", g.Select(l => $"'{l}'{(lines is not null && lines.TryGetValue(l, out long at) ? FormattableString.Invariant($" (line {at})") : "")}")))], 3);
        return $"{path}: {(groups.Length == 1 ? "these labels differ" : $"{groups.Length:N0} groups of labels differ")} only in {Differences}, and each is a class of its own: {named}. If they mean one class, make them equal in the data.";
    }

    /// <summary>What look-alike labels differ in, for messages.</summary>
    private const string Differences = "letter case, surrounding white space or the way a number is written";

    /// <summary>
    /// The form two look-alike labels share: a number (the trimmed label read as a finite invariant-culture number: 1, 1.0,
    /// 1e0 and 01 are one) as its shortest round-trip text, else the trimmed label lower-cased. (Not Unicode normalization:
    /// the library runs with invariant globalization, which has none.)
    /// </summary>
    internal static string Key(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        string trimmed = label.Trim();
        if (double.TryParse(trimmed, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double number) && double.IsFinite(number))
        {
            return "\0" + (number == 0 ? 0.0 : number).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        }

        return trimmed.ToLowerInvariant();
    }

    /// <summary>
    /// A hint naming every label of <paramref name="test"/> that the model does not have but that shares a <see cref="Key"/>
    /// with one of <paramref name="model"/>'s ('Animal' in the test data, 'animal' in the model):
    /// such a label is scored as unknown, every row of it an error; null when there is none.
    /// </summary>
    /// <param name="test">The test data's labels the model does not have.</param>
    /// <param name="model">The model's labels.</param>
    /// <param name="path">The test file, for the message.</param>
    public static string? AgainstModel(IEnumerable<string> test, IReadOnlyList<string> model, string path)
    {
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(model);
        var known = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string label in model)
        {
            known.TryAdd(Key(label), label);
        }

        string[] pairs = [.. test.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Where(l => known.ContainsKey(Key(l)))
            .Select(l => $"'{l}' (the model's '{known[Key(l)]}')")];
        return pairs.Length == 0 ? null
            : $"{path}: {(pairs.Length == 1 ? "a label differs" : $"{pairs.Length:N0} labels differ")} from the model's only in {Differences}: {Trainer.FirstFew(pairs, 3)}; labels compare exactly, so {(pairs.Length == 1 ? "it is" : "they are")} scored as unknown. If {(pairs.Length == 1 ? "it means" : "they mean")} the model's label, make the test data's labels equal to the training data's.";
    }
}
