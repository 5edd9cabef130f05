namespace TextAugment;

/// <summary>
/// Consecutive examples of a corpus whose ids and texts are characters in one buffer that the batch keeps and reuses, so
/// that reading and augmenting a corpus allocates nothing per record (<see cref="Corpus.CorpusReader.TryReadInto"/>). A
/// label is a string (the reader keeps one per distinct label); an example that carries JSON (its label or id as written,
/// other fields) is kept whole beside its characters.
/// </summary>
internal sealed class ExampleBatch
{
    private readonly CharBuffer _chars = new();
    private Entry[] _entries = new Entry[16];

    /// <summary>Number of examples.</summary>
    public int Count { get; private set; }

    /// <summary>The id of example <paramref name="index"/> (valid until the batch is cleared).</summary>
    public ReadOnlySpan<char> Id(int index)
    {
        ref readonly Entry entry = ref At(index);
        return _chars.Span(entry.Start, entry.IdLength);
    }

    /// <summary>The text of example <paramref name="index"/> (valid until the batch is cleared).</summary>
    public ReadOnlySpan<char> Text(int index)
    {
        ref readonly Entry entry = ref At(index);
        return _chars.Span(entry.Start + entry.IdLength, entry.TextLength);
    }

    /// <summary>The label of example <paramref name="index"/>, or null.</summary>
    public string? Label(int index) => At(index).Label;

    /// <summary>The example <paramref name="index"/> as read when it carries JSON (<see cref="Example.LabelJson"/>,
    /// <see cref="Example.IdJson"/> or <see cref="Example.OtherJsonFields"/>); otherwise null.</summary>
    public Example? Json(int index) => At(index).Json;

    /// <summary>Removes every example; the buffer is kept for the next ones.</summary>
    public void Clear()
    {
        Array.Clear(_entries, 0, Count); // the labels and JSON examples go with them
        Count = 0;
        _chars.Clear();
    }

    /// <summary>Appends an example: its id and text are copied.</summary>
    public void Add(ReadOnlySpan<char> id, ReadOnlySpan<char> text, string? label, Example? json = null)
    {
        if (Count == _entries.Length)
        {
            Array.Resize(ref _entries, 2 * Count);
        }

        int start = _chars.Length;
        _chars.Append(id);
        _chars.Append(text);
        _entries[Count++] = new Entry(start, id.Length, text.Length, label,
            json is { LabelJson: null, IdJson: null, OtherJsonFields: null } ? null : json);
    }

    /// <summary>Removes the last example.</summary>
    public void RemoveLast()
    {
        ref readonly Entry last = ref At(Count - 1);
        _chars.Length = last.Start;
        _entries[--Count] = default;
    }

    /// <summary>Appends <paramref name="example"/>.</summary>
    public void Add(Example example)
    {
        ArgumentNullException.ThrowIfNull(example);
        Add(example.Id, example.Text, example.Label, example);
    }

    /// <summary>A batch of <paramref name="examples"/>.</summary>
    public static ExampleBatch Of(IReadOnlyList<Example> examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var batch = new ExampleBatch();
        foreach (Example example in examples)
        {
            batch.Add(example);
        }

        return batch;
    }

    private ref readonly Entry At(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
        return ref _entries[index];
    }

    private readonly record struct Entry(int Start, int IdLength, int TextLength, string? Label, Example? Json);
}
