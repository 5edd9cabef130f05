namespace TextAugment.Text;

/// <summary>
/// A large, read-only word list looked up without regard to case by binary search over its text: loading keeps the
/// text and finds the line starts, with no string or hash entry per word (the 65,000 SCOWL word forms load in about a
/// millisecond instead of tens as a hash set). One word a line; blank lines and lines starting with '#' are skipped.
/// Immutable and thread-safe.
/// </summary>
internal sealed class SortedWordList
{
    private readonly string _text;
    private readonly int[] _starts;
    private readonly int[] _lengths;

    /// <summary>Indexes <paramref name="text"/>; lines out of ordinal order are sorted, so any order works.</summary>
    public SortedWordList(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _text = text.ToLowerInvariant();
        var starts = new List<int>();
        var lengths = new List<int>();
        bool sorted = true;
        int at = 0;
        while (at < _text.Length)
        {
            ReadOnlySpan<char> rest = _text.AsSpan(at);
            int end = rest.IndexOfAny('\r', '\n');
            ReadOnlySpan<char> line = end < 0 ? rest : rest[..end];
            int start = at;
            at += end < 0 ? rest.Length : end + 1;
            int lead = line.Length - line.TrimStart().Length;
            line = line.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (starts.Count > 0 && line.SequenceCompareTo(_text.AsSpan(starts[^1], lengths[^1])) < 0)
            {
                sorted = false;
            }

            starts.Add(start + lead);
            lengths.Add(line.Length);
        }

        _starts = [.. starts];
        _lengths = [.. lengths];
        if (!sorted)
        {
            int[] order = new int[_starts.Length];
            for (int i = 0; i < order.Length; i++)
            {
                order[i] = i;
            }

            Array.Sort(order, (a, b) => Word(_starts[a], _lengths[a]).SequenceCompareTo(Word(_starts[b], _lengths[b])));
            _starts = Array.ConvertAll(order, i => starts[i]);
            _lengths = Array.ConvertAll(order, i => lengths[i]);
        }
    }

    /// <summary>Number of lines that hold a word (duplicates counted).</summary>
    public int Count => _starts.Length;

    /// <summary>True when the list holds <paramref name="word"/>, in any case.</summary>
    public bool Contains(ReadOnlySpan<char> word)
    {
        Span<char> lower = word.Length <= 128 ? stackalloc char[word.Length] : new char[word.Length];
        word.ToLowerInvariant(lower);
        int low = 0, high = _starts.Length - 1;
        while (low <= high)
        {
            int middle = low + ((high - low) >> 1);
            int order = Word(_starts[middle], _lengths[middle]).SequenceCompareTo(lower);
            if (order == 0)
            {
                return true;
            }

            if (order < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return false;
    }

    private ReadOnlySpan<char> Word(int start, int length) => _text.AsSpan(start, length);
}
