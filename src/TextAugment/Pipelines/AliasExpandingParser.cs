using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace TextAugment.Pipelines;

/// <summary>
/// A YAML parser that writes out each alias (<c>*v</c>) as a copy of its anchored node placed where the alias is, so that
/// a mistake in an aliased value is reported at the key that uses it (<c>p: *v</c>, line 6), not at the anchor
/// (<c>variants: &amp;v 3</c>, line 4), and once per use at that use, not the anchor's position repeated. YamlDotNet's tree
/// builder would otherwise share the anchored node, with the anchor's position, among all its uses.
/// </summary>
/// <remarks>
/// A copy costs as many events as the anchored node has, so the copies together are limited to
/// <see cref="MaxCopiedEvents"/>; past that, aliases are left to the tree builder, which shares the node (a "billion
/// laughs" file of nested aliases stays small, its mistakes then reported at the anchors).
/// </remarks>
internal sealed class AliasExpandingParser(IParser inner) : IParser
{
    /// <summary>The most events written out for aliases in one file: 100,000 (a pipeline's own aliases need a few hundred).</summary>
    public const int MaxCopiedEvents = 100_000;

    private readonly Dictionary<AnchorName, List<ParsingEvent>> _anchored = [];
    private readonly List<(AnchorName Anchor, List<ParsingEvent> Events, int Depth)> _recording = [];
    private readonly Queue<ParsingEvent> _copy = new();
    private int _copied;

    /// <inheritdoc/>
    public ParsingEvent? Current { get; private set; }

    /// <inheritdoc/>
    public bool MoveNext()
    {
        if (_copy.Count > 0)
        {
            Current = _copy.Dequeue();
            return true;
        }

        if (!inner.MoveNext())
        {
            Current = null;
            return false;
        }

        ParsingEvent e = inner.Current!;
        Record(e);
        if (e is AnchorAlias alias && _anchored.TryGetValue(alias.Value, out List<ParsingEvent>? events) && _copied + events.Count <= MaxCopiedEvents)
        {
            _copied += events.Count;
            foreach (ParsingEvent original in events)
            {
                _copy.Enqueue(At(original, alias.Start, alias.End));
            }

            Current = _copy.Dequeue();
            return true;
        }

        Current = e;
        return true;
    }

    /// <summary>Adds <paramref name="e"/> to every anchored node being recorded; starts and completes recordings.</summary>
    private void Record(ParsingEvent e)
    {
        if (e is NodeEvent { Anchor.IsEmpty: false } node)
        {
            _recording.Add((node.Anchor, [], 0));
        }

        for (int i = _recording.Count - 1; i >= 0; i--)
        {
            var (anchor, events, depth) = _recording[i];
            if (e is AnchorAlias nested && _anchored.TryGetValue(nested.Value, out List<ParsingEvent>? inner))
            {
                events.AddRange(inner); // an alias inside an anchored node is the node it names
            }
            else
            {
                events.Add(e);
            }

            depth += e.NestingIncrease;
            if (events.Count > MaxCopiedEvents)
            {
                _recording.RemoveAt(i); // too large to copy: its aliases are shared, as the tree builder does
            }
            else if (depth == 0)
            {
                _anchored[anchor] = events; // complete: a scalar, or a collection back at its own level
                _recording.RemoveAt(i);
            }
            else
            {
                _recording[i] = (anchor, events, depth);
            }
        }
    }

    /// <summary>A copy of <paramref name="e"/> without its anchor, placed at <paramref name="start"/>–<paramref name="end"/>.</summary>
    private static ParsingEvent At(ParsingEvent e, Mark start, Mark end) => e switch
    {
        Scalar s => new Scalar(AnchorName.Empty, s.Tag, s.Value, s.Style, s.IsPlainImplicit, s.IsQuotedImplicit, start, end, s.IsKey),
        SequenceStart s => new SequenceStart(AnchorName.Empty, s.Tag, s.IsImplicit, s.Style, start, end),
        SequenceEnd => new SequenceEnd(start, end),
        MappingStart m => new MappingStart(AnchorName.Empty, m.Tag, m.IsImplicit, m.Style, start, end),
        MappingEnd => new MappingEnd(start, end),
        _ => e,
    };
}
