namespace TextAugment;

/// <summary>A growable run of characters that workers reuse between batches, so formatting allocates nothing per row.</summary>
internal sealed class CharBuffer
{
    private char[] _chars = new char[4096];

    public int Length { get; set; }

    public ReadOnlySpan<char> Span(int start, int length) => _chars.AsSpan(start, length);

    /// <summary>Characters already written, to rewrite in place.</summary>
    public Span<char> Writable(int start, int length) => _chars.AsSpan(start, length);

    public ReadOnlyMemory<char> Memory(int start, int length) => _chars.AsMemory(start, length);

    public ReadOnlySpan<char> AsSpan() => _chars.AsSpan(0, Length);

    public Span<char> GetSpan(int size)
    {
        if (Length + size > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(Length + size, _chars.Length * 2));
        }

        return _chars.AsSpan(Length, size);
    }

    public void Append(char c)
    {
        GetSpan(1)[0] = c;
        Length++;
    }

    public void Append(ReadOnlySpan<char> text)
    {
        text.CopyTo(GetSpan(text.Length));
        Length += text.Length;
    }

    public void Clear() => Length = 0;
}
