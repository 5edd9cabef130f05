using TextAugment.Text;

namespace TextAugment.Augmenters;

/// <summary>How <see cref="VariantGenerator"/> makes variants. Every property has a documented default.</summary>
public sealed class VariantOptions
{
    /// <summary>Variants per example, at least 1. Default: 4.</summary>
    public int Variants { get; init; } = 4;

    /// <summary>
    /// Tries per variant to get a text that differs from the original and from the example's other variants,
    /// at least 1. When every try repeats, the last try is kept (the fallback) and counted. Default: 10.
    /// </summary>
    public int MaxAttempts { get; init; } = 10;

    /// <summary>The seed: with the example id and variant number it fixes every random choice. Default: 0.</summary>
    public ulong Seed { get; init; }

    /// <summary>What no stage may change, and the stop words. Default: <see cref="Protection.Default"/>.</summary>
    public Protection Protection { get; init; } = Protection.Default;

    /// <summary>
    /// How runs of scripts written without spaces are split into words: <see cref="Segmenter.None"/> (English,
    /// the default) leaves them whole; <see cref="JiebaSegmenter.Default"/> cuts Chinese as jieba does.
    /// Pipelines choose it with <c>language: en | zh</c>.
    /// </summary>
    public Segmenter Segmenter { get; init; } = Segmenter.None;
}

/// <summary>
/// Asks an augmenter for exactly N variants of each example, each from its own random stream
/// (seed, example id, variant, attempt), retrying duplicates. Tries run in rounds: round k makes try k
/// of every variant still open, and variants are settled in order, so the result for an example does
/// not depend on which other examples share its batch.
/// </summary>
public sealed class VariantGenerator
{
    /// <summary>
    /// Examples per call of a stage that works sentence by sentence (<see cref="Augmenter.PrefersLargeBatches"/> false):
    /// their tokens and text stay in the processor's first-level cache from copy to render to output. With a whole batch
    /// of 256 examples per call, twice as many reads missed that cache (cachegrind, the EDA recipe on 100k lines: 49.6M
    /// misses against 23.6M at 4, 20.4M at 2 and 19.4M at 1, which ran 1.5 % more instructions for the calls).
    /// </summary>
    private const int CacheGroup = 4;

    private readonly Augmenter _augmenter;
    private readonly int _group;

    /// <summary>Creates a generator.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="VariantOptions.Variants"/> or <see cref="VariantOptions.MaxAttempts"/> is below 1.</exception>
    public VariantGenerator(Augmenter augmenter, VariantOptions? options = null)
    {
        _augmenter = augmenter ?? throw new ArgumentNullException(nameof(augmenter));
        _group = augmenter.PrefersLargeBatches ? int.MaxValue : CacheGroup;
        Options = options ?? new VariantOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(Options.Variants, 1, "variants");
        ArgumentOutOfRangeException.ThrowIfLessThan(Options.MaxAttempts, 1, "max_attempts");
    }

    /// <summary>The options.</summary>
    public VariantOptions Options { get; }

    /// <summary>The variants of one example, in variant order.</summary>
    public IReadOnlyList<string> Generate(string id, string text) => Generate([new Example(id, text, null)])[0];

    /// <summary>The variants of each example, in order; a stage that prefers large batches sees the whole batch at once.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Generate(IReadOnlyList<Example> examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var worker = new Worker(this);
        worker.Run(ExampleBatch.Of(examples));
        var result = new IReadOnlyList<string>[examples.Count];
        for (int e = 0; e < examples.Count; e++)
        {
            var variants = new string[Options.Variants];
            for (int v = 0; v < variants.Length; v++)
            {
                variants[v] = worker.Variant(e, v).ToString();
            }

            result[e] = variants;
        }

        return result;
    }

    /// <summary>One thread's reusable state: token lists, random streams and the rendered variants.</summary>
    internal sealed class Worker(VariantGenerator generator)
    {
        private readonly List<TokenList> _originals = [];
        private readonly List<TokenList> _work = [];
        private readonly List<AugmentRandom> _randoms = [];
        private readonly List<(int Example, int Variant)> _open = [];
        private readonly List<TokenList> _batch = [];
        private readonly List<AugmentRandom> _batchRandoms = [];
        private readonly CharBuffer _rendered = new();
        private (int Start, int Length)[] _slots = [];

        /// <summary>Variants that fell back to a repeated text, since the worker was made.</summary>
        public long Fallbacks { get; private set; }

        public ReadOnlySpan<char> Variant(int example, int variant)
        {
            var (start, length) = _slots[example * generator.Options.Variants + variant];
            return _rendered.Span(start, length);
        }

        /// <summary>
        /// Examples per <see cref="Run(ExampleBatch, int, int)"/> call that keep the stage's work in the processor's
        /// cache: a few for a stage that works sentence by sentence, the whole batch for one that prefers large batches.
        /// </summary>
        public int Group => generator._group;

        /// <summary>Makes the variants of every example of <paramref name="examples"/>, a <see cref="Group"/> at a time.</summary>
        public void Run(ExampleBatch examples)
        {
            _rendered.Clear();
            for (int first = 0; first < examples.Count; first += Group)
            {
                RunGroup(examples, first, Math.Min(examples.Count, first + Group));
            }
        }

        /// <summary>
        /// Makes the variants of examples <paramref name="first"/> to <paramref name="end"/> (exclusive) of
        /// <paramref name="examples"/>; the variants of the examples before are no longer kept (read them first).
        /// </summary>
        public void Run(ExampleBatch examples, int first, int end)
        {
            _rendered.Clear();
            RunGroup(examples, first, end);
        }

        private void RunGroup(ExampleBatch examples, int first, int end)
        {
            VariantOptions options = generator.Options;
            int n = options.Variants;
            if (_slots.Length < end * n)
            {
                Array.Resize(ref _slots, Math.Max(end * n, 2 * _slots.Length)); // the earlier groups' variants of a whole-batch run stay
            }

            _open.Clear();
            for (int e = first; e < end; e++)
            {
                Grow(_originals, e - first + 1).Reset(examples.Text(e), options.Protection, options.Segmenter);
                for (int v = 0; v < n; v++)
                {
                    _slots[e * n + v] = (-1, 0);
                    _open.Add((e, v));
                }
            }

            for (int attempt = 0; attempt < options.MaxAttempts && _open.Count > 0; attempt++)
            {
                _batch.Clear();
                _batchRandoms.Clear();
                for (int k = 0; k < _open.Count; k++)
                {
                    var (e, v) = _open[k];
                    TokenList tokens = Grow(_work, k + 1);
                    tokens.CopyFrom(_originals[e - first]);
                    AugmentRandom random = GrowRandom(k + 1);
                    random.Reset(options.Seed, examples.Id(e), v, attempt);
                    _batch.Add(tokens);
                    _batchRandoms.Add(random);
                }

                generator._augmenter.Augment(_batch, _batchRandoms);
                bool last = attempt == options.MaxAttempts - 1;
                int stillOpen = 0;
                for (int k = 0; k < _batch.Count; k++)
                {
                    var (e, v) = _open[k];
                    int start = _rendered.Length;
                    int length = _batch[k].RenderTo(_rendered.GetSpan(_batch[k].RenderedLength));
                    _rendered.Length += length;
                    if (IsNew(_originals[e - first].Source, e, _rendered.Span(start, length)))
                    {
                        _slots[e * n + v] = (start, length);
                    }
                    else if (last)
                    {
                        _slots[e * n + v] = (start, length);
                        Fallbacks++;
                    }
                    else
                    {
                        _rendered.Length = start;
                        _open[stillOpen++] = (e, v);
                    }
                }

                _open.RemoveRange(stillOpen, _open.Count - stillOpen);
            }
        }

        private bool IsNew(ReadOnlySpan<char> original, int example, ReadOnlySpan<char> text)
        {
            if (text.SequenceEqual(original))
            {
                return false;
            }

            int n = generator.Options.Variants;
            for (int v = 0; v < n; v++)
            {
                var (start, length) = _slots[example * n + v];
                if (start >= 0 && text.SequenceEqual(_rendered.Span(start, length)))
                {
                    return false;
                }
            }

            return true;
        }

        private static TokenList Grow(List<TokenList> lists, int count)
        {
            while (lists.Count < count)
            {
                lists.Add(new TokenList());
            }

            return lists[count - 1];
        }

        private AugmentRandom GrowRandom(int count)
        {
            while (_randoms.Count < count)
            {
                _randoms.Add(new AugmentRandom(0));
            }

            return _randoms[count - 1];
        }
    }
}
