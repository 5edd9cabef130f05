namespace TextAugment;

/// <summary>One labelled (or unlabelled) text of a corpus.</summary>
/// <param name="Id">The example's id: from the input's id column, else its record number (1-based).</param>
/// <param name="Text">The text.</param>
/// <param name="Label">The label, or null for unlabelled text.</param>
public sealed record Example(string Id, string Text, string? Label);
