using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Numerics;
using System.Text;
using TextAugment.Augmenters;

namespace TextAugment.Corpus;

/// <summary>Which contiguous part of a corpus to process: shard <see cref="Index"/> (1-based) of <see cref="Count"/>.</summary>
/// <param name="Index">1-based shard number.</param>
/// <param name="Count">Number of shards.</param>
public sealed record Shard(int Index, int Count)
{
    /// <summary>The largest N (and so K): 2147483647, <see cref="int.MaxValue"/>.</summary>
    public const int MaxCount = int.MaxValue;

    /// <summary>Parses <c>k/n</c>, each a whole number as <see cref="NumberText"/> writes one (no white space or sign); null when malformed or out of range.</summary>
    public static Shard? Parse(string text) => Parse(text, "--shard", out _);

    /// <summary>
    /// Parses <c>k/n</c> as <see cref="Parse(string)"/> does; when it returns null, <paramref name="error"/> says why, naming
    /// <paramref name="setting"/> (e.g. <c>--shard</c>) and the value: not K/N with 1 &lt;= K &lt;= N, or N larger than
    /// <see cref="MaxCount"/>.
    /// </summary>
    public static Shard? Parse(string text, string setting, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(setting);
        string[] parts = text.Split('/');
        if (parts.Length == 2 && NumberText.TryParseBig(parts[0], out BigInteger k) && NumberText.TryParseBig(parts[1], out BigInteger n) && k >= 1 && k <= n)
        {
            if (n <= MaxCount)
            {
                error = null;
                return new Shard((int)k, (int)n);
            }

            // 1 <= K <= N holds: only the size is wrong, and the message must not say otherwise.
            error = FormattableString.Invariant($"{setting} is '{text}'; N is larger than {MaxCount}, the most shards allowed: it must be K/N with 1 <= K <= N <= {MaxCount}, e.g. {setting} 2/8.");
            return null;
        }

        error = $"{setting} is '{text}'; it must be K/N, two whole numbers (digits only) with 1 <= K <= N, e.g. {setting} 2/8.";
        return null;
    }

    /// <summary>
    /// This shard's range [start, end) of <paramref name="total"/> units: records of a corpus, or bytes of a file (a byte
    /// range then starts at its next record boundary: see <see cref="CorpusReader.OpenSplit"/>).
    /// </summary>
    public (long Start, long End) RangeOf(long total) => (total * (Index - 1) / Count, total * Index / Count);
}

/// <summary>How a corpus is augmented. Every property has a documented default.</summary>
public sealed class CorpusAugmentOptions
{
    /// <summary>Write each original before its variants (as variant 0). Default: true.</summary>
    public bool KeepOriginal { get; init; } = true;

    /// <summary>Worker threads. Default: the processor count. The output does not depend on it.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Examples per worker per step. Default: 256. The output does not depend on it.</summary>
    public int BatchSize { get; init; } = 256;

    /// <summary>
    /// Only this part of the corpus, by record count (the input is read twice: once to count). Default: all. A file in a
    /// one-record-per-line format is better split by bytes (<see cref="CorpusReader.OpenSplit"/>), which reads it once.
    /// </summary>
    public Shard? Shard { get; init; }

    /// <summary>Write the output format's header line (TSV, CSV). Default: true; false for every shard but the first, so that
    /// the shards' outputs concatenated equal the whole run's.</summary>
    public bool WriteHeader { get; init; } = true;

    /// <summary>The output format. Default: <see cref="CorpusFormat.Jsonl"/>.</summary>
    public CorpusFormat OutputFormat { get; init; } = CorpusFormat.Jsonl;

    /// <summary>The output's name in a message when a value cannot be written in <see cref="OutputFormat"/> (its path, or
    /// <c>&lt;stdout&gt;</c>). Default: "the output".</summary>
    public string OutputName { get; init; } = "the output";

    /// <summary>Called about every half second and at the end.</summary>
    public IProgress<AugmentProgress>? Progress { get; init; }
}

/// <summary>Where a run stands.</summary>
/// <param name="BytesDone">
/// Input bytes of the examples already written: the byte offset just past the last one. The reader runs ahead of the
/// workers, so what it has read says nothing about what is done; this is what a percentage or a remaining time follows.
/// </param>
/// <param name="Examples">Examples written (augmented).</param>
/// <param name="Rows">Rows written.</param>
/// <param name="Elapsed">Time since the run started.</param>
public sealed record AugmentProgress(long BytesDone, long Examples, long Rows, TimeSpan Elapsed);

/// <summary>What a run did.</summary>
/// <param name="Examples">Examples augmented.</param>
/// <param name="Rows">Rows written (originals and variants).</param>
/// <param name="Skipped">Malformed rows skipped.</param>
/// <param name="SkippedMessages">The first messages of skipped rows.</param>
/// <param name="Fallbacks">Variants that repeat the original or another variant because no distinct text was found.</param>
/// <param name="Elapsed">Wall time.</param>
public sealed record AugmentSummary(long Examples, long Rows, long Skipped, IReadOnlyList<string> SkippedMessages, long Fallbacks, TimeSpan Elapsed)
{
    /// <summary>Records skipped because their text is empty or only white space (<see cref="CorpusReader.EmptyTextCount"/>); not written.</summary>
    public long EmptyTexts { get; init; }

    /// <summary>
    /// What the input held that the output format does not write (ids, labels, other columns or fields), as a warning that
    /// names the output: see <see cref="RowFormatter.NotWritten"/>. Null when the output keeps everything.
    /// </summary>
    public string? NotWritten { get; init; }

    /// <summary>Rows of plain TSV output with a text or label that plain TSV readers take for pandas' quoting (<see cref="RowFormatter.LooksQuoted"/>).</summary>
    public long LooksQuoted { get; init; }

    /// <summary>
    /// Examples written without a label (none, or an empty or white-space one) from an input where other records have one:
    /// an unlabelled fastText line, an empty label cell of a TSV or CSV row, a JSON Lines record without the label key. Such
    /// rows cannot be trained on (training refuses them). 0 when the input has no labels at all.
    /// </summary>
    public long Unlabelled { get; init; }

    /// <summary>Where the first of <see cref="Unlabelled"/> is, as <c>path:line</c>; null when there is none.</summary>
    public string? FirstUnlabelled { get; init; }
}

/// <summary>
/// Augments a corpus from a reader to a stream: reads a step of examples, augments it on every worker
/// thread, writes the rows in input order. Memory is bounded by one step, whatever the corpus size.
/// </summary>
public static class CorpusAugmenter
{
    /// <summary>Runs <paramref name="generator"/> over every example of <paramref name="reader"/>, writing to <paramref name="output"/>.</summary>
    /// <param name="reader">The input.</param>
    /// <param name="countRecords">Opens the input again to count its records; needed only with a shard.</param>
    /// <param name="generator">The variants to make.</param>
    /// <param name="output">Where the rows go (UTF-8).</param>
    /// <param name="options">Options (default: <see cref="CorpusAugmentOptions"/>'s defaults).</param>
    /// <exception cref="DataFormatException">A row is malformed, or the output format cannot hold a text.</exception>
    public static AugmentSummary Run(CorpusReader reader, Func<CorpusReader>? countRecords, VariantGenerator generator, Stream output, CorpusAugmentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(output);
        options ??= new CorpusAugmentOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Threads, 1, nameof(options.Threads));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1, nameof(options.BatchSize));

        var clock = Stopwatch.StartNew();
        (long Start, long End) range = (0, long.MaxValue);
        if (options.Shard is { } shard)
        {
            if (countRecords is null)
            {
                throw new ArgumentException("A shard needs the record count, so the input must be a file that can be read twice (not standard input).", nameof(countRecords));
            }

            using CorpusReader counter = countRecords();
            while (counter.TryRead(out _))
            {
            }

            range = shard.RangeOf(counter.RecordCount);
        }

        RowFormatter formatter = RowFormatter.For(options.OutputFormat, options.OutputName);
        var header = new CharBuffer();
        if (options.WriteHeader)
        {
            formatter.WriteHeader(header);
        }

        WriteChars(output, header.AsSpan());

        // One reader thread fills chunks of examples in input order and numbers them; every worker thread takes the next
        // filled chunk, augments it and encodes its rows; this thread writes the chunks back in their order. Dedicated
        // threads, not the thread pool: a pool thread blocked on a queue starves the others, and one worker then did
        // nearly all the work (benchmarks/README.md, "All cores"). 3 chunks per worker circulate, so memory stays bounded.
        int threads = options.Threads;
        using var free = new BlockingCollection<Chunk>();
        using var filled = new BlockingCollection<Chunk>();
        using var processed = new BlockingCollection<Chunk>();
        var chunks = new Chunk[3 * threads];
        for (int i = 0; i < chunks.Length; i++)
        {
            chunks[i] = new Chunk();
            free.Add(chunks[i]);
        }

        // The token lists, rendered variants and formatted rows belong to a worker thread, not to a chunk: a chunk keeps only
        // its examples and its encoded rows, so the reusable arrays are one set per thread (which the GC scans at every
        // collection: they point at the examples' strings) instead of one per chunk in flight.
        var states = new WorkerState[threads];

        using var cancel = new CancellationTokenSource();
        var errors = new ConcurrentQueue<Exception>();
        var unlabelled = new UnlabelledRecords(); // the reading thread's; read here after it has ended
        var reading = new Thread(() =>
        {
            try
            {
                long sequence = 0;
                bool more = true;
                while (more)
                {
                    Chunk chunk = free.Take(cancel.Token);
                    more = chunk.Fill(reader, range, options.BatchSize, unlabelled);
                    chunk.EndOffset = reader.BytesRead;
                    if (chunk.Examples.Count == 0)
                    {
                        break;
                    }

                    chunk.Sequence = sequence++;
                    filled.Add(chunk);
                }
            }
            catch (Exception error) when (error is not OperationCanceledException || !cancel.IsCancellationRequested)
            {
                // The rows before a malformed record are still augmented and written, then the error is thrown.
                errors.Enqueue(error);
            }
            catch (OperationCanceledException)
            {
            }
            finally
            {
                filled.CompleteAdding();
            }
        }) { IsBackground = true, Name = "textaugment reader" };
        int working = threads;
        var workers = new Thread[threads];
        for (int w = 0; w < threads; w++)
        {
            var state = states[w] = new WorkerState(generator, formatter, options.KeepOriginal);
            workers[w] = new Thread(() =>
            {
                try
                {
                    foreach (Chunk chunk in filled.GetConsumingEnumerable(cancel.Token))
                    {
                        state.Process(chunk);
                        processed.Add(chunk);
                    }
                }
                catch (Exception error) when (error is not OperationCanceledException || !cancel.IsCancellationRequested)
                {
                    errors.Enqueue(error);
                    cancel.Cancel();
                }
                catch (OperationCanceledException)
                {
                }
                finally
                {
                    if (Interlocked.Decrement(ref working) == 0)
                    {
                        processed.CompleteAdding();
                    }
                }
            }) { IsBackground = true, Name = $"textaugment worker {w + 1}" };
        }

        reading.Start();
        foreach (Thread worker in workers)
        {
            worker.Start();
        }

        long examples = 0, rows = 0, lastReport = 0, next = 0, bytesDone = 0;
        var early = new Dictionary<long, Chunk>();
        try
        {
            foreach (Chunk done in processed.GetConsumingEnumerable(cancel.Token))
            {
                early.Add(done.Sequence, done);
                while (early.Remove(next, out Chunk? chunk))
                {
                    next++;
                    output.Write(chunk.Bytes);
                    examples += chunk.Examples.Count;
                    rows += chunk.Rows;
                    bytesDone = chunk.EndOffset;
                    free.Add(chunk);
                }

                if (options.Progress is not null && clock.ElapsedMilliseconds - lastReport >= 500)
                {
                    lastReport = clock.ElapsedMilliseconds;
                    options.Progress.Report(new AugmentProgress(bytesDone, examples, rows, clock.Elapsed));
                }
            }
        }
        catch (Exception error) when (error is not OperationCanceledException || errors.IsEmpty)
        {
            cancel.Cancel();
            reading.Join();
            Array.ForEach(workers, worker => worker.Join());
            throw;
        }
        catch (OperationCanceledException)
        {
        }

        reading.Join();
        Array.ForEach(workers, worker => worker.Join());
        if (errors.TryDequeue(out Exception? first))
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(first).Throw();
        }

        output.Flush();
        long fallbacks = states.Sum(state => state.Fallbacks);
        options.Progress?.Report(new AugmentProgress(reader.BytesRead, examples, rows, clock.Elapsed));
        bool labelled = reader.HadLabels; // records without a label are worth a word only where others have one
        return new AugmentSummary(examples, rows, reader.SkippedCount, reader.SkippedMessages, fallbacks, clock.Elapsed) {
            EmptyTexts = reader.EmptyTextCount,
            LooksQuoted = formatter.LooksQuoted,
            Unlabelled = labelled ? unlabelled.Count : 0,
            FirstUnlabelled = labelled ? unlabelled.First : null,
            NotWritten = RowFormatter.NotWritten(options.OutputName, options.OutputFormat, reader.Options.Format, reader.HadIds, reader.HadLabels, reader.OtherColumns),
        };
    }

    private static void WriteChars(Stream output, ReadOnlySpan<char> chars)
    {
        byte[] bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(chars.Length));
        int n = Encoding.UTF8.GetBytes(chars, bytes);
        output.Write(bytes, 0, n);
        ArrayPool<byte>.Shared.Return(bytes);
    }

    /// <summary>A batch of consecutive examples: its place in the input, its examples and its encoded rows.</summary>
    private sealed class Chunk
    {
        /// <summary>The chunk's number in input order (0-based).</summary>
        public long Sequence { get; set; }

        /// <summary>The reader's byte offset just after this chunk's last example.</summary>
        public long EndOffset { get; set; }

        /// <summary>The examples, their ids and texts in one buffer the chunk reuses: reading allocates nothing per line.</summary>
        public ExampleBatch Examples { get; } = new();

        public long Rows { get; set; }

        /// <summary>The rows, UTF-8; grown to the largest chunk's and reused.</summary>
        public byte[] Buffer { get; set; } = new byte[1 << 16];

        public int Length { get; set; }

        public ReadOnlySpan<byte> Bytes => Buffer.AsSpan(0, Length);

        /// <summary>Reads the next examples of the range, counting those without a label in <paramref name="unlabelled"/>; false when the input (or the shard) has ended.</summary>
        public bool Fill(CorpusReader reader, (long Start, long End) range, int size, UnlabelledRecords unlabelled)
        {
            Examples.Clear();
            while (Examples.Count < size && reader.TryReadInto(Examples))
            {
                long record = reader.RecordCount - 1;
                if (record < range.Start || record >= range.End)
                {
                    Examples.RemoveLast();
                    if (record >= range.End)
                    {
                        break;
                    }
                }
                else if (string.IsNullOrWhiteSpace(Examples.Label(Examples.Count - 1)))
                {
                    unlabelled.Add(reader);
                }
            }

            return Examples.Count == size;
        }
    }

    /// <summary>The examples read without a label (none, or a blank one): how many, and where the first is.</summary>
    private sealed class UnlabelledRecords
    {
        public long Count { get; private set; }

        /// <summary>Where the first starts (<see cref="CorpusReader.RecordPlace"/>).</summary>
        public string? First { get; private set; }

        /// <summary>Counts the record <paramref name="reader"/> read last.</summary>
        public void Add(CorpusReader reader)
        {
            First ??= reader.RecordPlace;
            Count++;
        }
    }

    /// <summary>One worker thread's reusable state: the variant generator's token lists and buffers, and the rows being formatted.</summary>
    private sealed class WorkerState(VariantGenerator generator, RowFormatter formatter, bool keepOriginal)
    {
        private readonly VariantGenerator.Worker _worker = new(generator);
        private readonly CharBuffer _chars = new();

        public long Fallbacks => _worker.Fallbacks;

        /// <summary>
        /// Augments the chunk's examples and puts their rows, encoded, into the chunk: a worker's group of examples at a
        /// time from augmenting to encoding, so that their text is still in the processor's cache at each step.
        /// </summary>
        public void Process(Chunk chunk)
        {
            ExampleBatch examples = chunk.Examples;
            int variants = generator.Options.Variants;
            int rows = 0;
            chunk.Length = 0;
            for (int first = 0; first < examples.Count; first += _worker.Group)
            {
                int end = Math.Min(examples.Count, first + _worker.Group);
                _worker.Run(examples, first, end);
                _chars.Clear();
                for (int e = first; e < end; e++)
                {
                    ReadOnlySpan<char> id = examples.Id(e);
                    string? label = examples.Label(e);
                    Example? json = examples.Json(e);
                    if (keepOriginal)
                    {
                        formatter.WriteRow(_chars, id, 0, examples.Text(e), label, json);
                        rows++;
                    }

                    for (int v = 0; v < variants; v++)
                    {
                        formatter.WriteRow(_chars, id, v + 1, _worker.Variant(e, v), label, json);
                        rows++;
                    }
                }

                int max = chunk.Length + Encoding.UTF8.GetMaxByteCount(_chars.Length);
                if (chunk.Buffer.Length < max)
                {
                    // To the next power of two: chunks differ a little in length, and growing by just enough made a new
                    // large-object array for many of them (each one counts towards a full collection).
                    byte[] larger = new byte[(int)Math.Min(System.Numerics.BitOperations.RoundUpToPowerOf2((uint)max), Array.MaxLength)];
                    chunk.Buffer.AsSpan(0, chunk.Length).CopyTo(larger);
                    chunk.Buffer = larger;
                }

                chunk.Length += Encoding.UTF8.GetBytes(_chars.AsSpan(), chunk.Buffer.AsSpan(chunk.Length));
            }

            chunk.Rows = rows;
        }
    }
}
