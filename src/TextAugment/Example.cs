namespace TextAugment;

/// <summary>One labelled (or unlabelled) text of a corpus.</summary>
/// <param name="Id">The example's id: from the input's id column, else its record number (1-based).</param>
/// <param name="Text">The text.</param>
/// <param name="Label">The label, or null for unlabelled text.</param>
public sealed record Example(string Id, string Text, string? Label)
{
    /// <summary>
    /// The label exactly as the JSON Lines input wrote it (<c>1</c>, <c>"1"</c>, <c>true</c>), so that JSON Lines output
    /// gives it back unchanged; null when the input was not JSON Lines or had no label. Default: null.
    /// </summary>
    public string? LabelJson { get; init; }

    /// <summary>
    /// The id exactly as the JSON Lines input wrote it (<c>7</c> or <c>"7"</c>), so that JSON Lines output gives it back
    /// with its JSON type; null when the input was not JSON Lines or the id came from the record number. Default: null.
    /// </summary>
    public string? IdJson { get; init; }

    /// <summary>
    /// The JSON Lines record's other members (every field but id, variant, text and label), exactly as written and in their
    /// order, comma-separated (<c>"source": "wiki", "n": 3</c>); JSON Lines output carries them into every row. Null when
    /// the input was not JSON Lines or the record had no other fields. A field named <c>variant</c> (and <c>id</c>, <c>text</c> or
    /// <c>label</c> when other fields are the columns) is not among them: the output writes those names itself. Default: null.
    /// </summary>
    public string? OtherJsonFields { get; init; }
}
