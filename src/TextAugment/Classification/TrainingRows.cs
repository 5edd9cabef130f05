using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using TextAugment.Augmenters;

namespace TextAugment.Classification;

/// <summary>
/// The featurized training rows of one corpus, read once: each row's label and hashed feature ids (and, with the TF-IDF
/// bag, their weights), stored compactly in chunks of rows, with what the trainer needs besides them counted in the same
/// pass — the document frequencies for the idf (memory bounded by the buckets), the labels (one small map), the class
/// counts, the words, the first <see cref="TrainerOptions.TrainingCurveSample"/> rows for the training curve, and the
/// starts of <see cref="TrainerOptions.InitialVectors"/> (bounded by the vocabulary).
/// </summary>
/// <remarks>
/// Rows stay in memory up to <see cref="MemoryBudget"/> bytes; then every chunk is written to a temporary file in the
/// system's temporary folder and each epoch streams the chunks back with a windowed shuffle: the chunks in a random order,
/// then the rows of each window of chunks (as many as fit in the budget) in a random order — TensorFlow's shuffle buffer
/// (<c>tf.data.Dataset.shuffle</c>), over chunks. While the rows fit, an epoch is a shuffle of all of them, as before the
/// store existed, so a run is byte-identical to one over arrays in memory. The file is unlinked as soon as it is created
/// where the system allows it (Linux, macOS) and deleted on <see cref="Dispose"/> elsewhere, so it is gone after an error,
/// a cancellation or a killed process. A held-out split (<see cref="Split"/>) selects rows of the store (<see cref="Select"/>):
/// the selection run and the refit after it read the same rows, featurized once. Not thread-safe.
/// </remarks>
internal sealed class TrainingRows : IDisposable
{
    /// <summary>The default memory budget for rows: 64 MiB (about 200,000 rows of 20 words with bigrams and TF-IDF weights).</summary>
    public const long DefaultMemoryBudget = 64L << 20;

    /// <summary>Called now and then during an epoch with the epoch (1-based), the rows trained on so far in it and the rows in all: for a command's progress on large data. Default: none.</summary>
    public Action<int, int, int>? EpochProgress { get; set; }

    /// <summary>The default rows per chunk: 4,096.</summary>
    public const int DefaultRowsPerChunk = 4096;

    private readonly Featurizer _featurizer;
    private readonly bool _weighted;
    private readonly int _rowsPerChunk;
    private readonly IdfTable.DocumentFrequencies? _frequencies;
    private readonly Dictionary<string, int> _labelIds = new(StringComparer.Ordinal);
    private readonly List<string> _labelNames = [];
    private readonly List<int> _labelCounts = [];
    private readonly List<Chunk> _resident = [];
    private readonly List<(long Offset, int Rows, int Features)> _spilled = [];
    private readonly int _curveSize;
    private readonly string _temporaryFolder;
    private readonly List<int[]> _curveFeatures = [];
    private readonly List<int> _curveLabels = [];
    private readonly Vectors.WordVectors? _vectors;
    private readonly Dictionary<int, int> _vectorStarts = [];
    private readonly Text.TokenList _tokens = new();
    private Chunk _current;
    private long _residentBytes;
    private FileStream? _stream;
    private SafeFileHandle? _file;
    private long _fileLength;
    private long[]? _weightOffsets;
    private int[] _remap = [];
    private int[] _sortScratch = [];
    private bool _completed;
    private readonly bool _trackIds;
    private bool _splitDone;
    private int _added;
    private int[]? _view;
    private System.Collections.BitArray? _inView;
    private IdfTable.DocumentFrequencies? _viewFrequencies;
    private List<int[]> _viewCurveFeatures = [];
    private int[] _viewCurveLabels = [];

    /// <summary>An empty store for rows featurized as <paramref name="options"/> say.</summary>
    /// <param name="options">The trainer's options: features, weighting, curve sample, initial vectors.</param>
    /// <param name="memoryBudget">Bytes of rows kept in memory before they go to a temporary file (<see cref="DefaultMemoryBudget"/>).</param>
    /// <param name="rowsPerChunk">Rows per chunk (<see cref="DefaultRowsPerChunk"/>); small values are for tests.</param>
    /// <param name="trackIds">Whether to keep each row's id (a 64-bit hash, 8 bytes a row, with the row: in memory or in the file) for <see cref="Split"/>.</param>
    /// <param name="temporaryFolder">Where the temporary file goes (default: the system's temporary folder, TMPDIR).</param>
    public TrainingRows(TrainerOptions options, long memoryBudget = DefaultMemoryBudget, int rowsPerChunk = DefaultRowsPerChunk, bool trackIds = false, string? temporaryFolder = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(memoryBudget, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(rowsPerChunk, 1);
        _featurizer = new Featurizer(options.Features);
        _weighted = options.Features.Weighting == FeatureWeighting.TfIdf;
        _frequencies = _weighted ? new IdfTable.DocumentFrequencies(options.Features.Buckets) : null;
        _rowsPerChunk = rowsPerChunk;
        _curveSize = options.TrainingCurveSample;
        _vectors = options.InitialVectors;
        MemoryBudget = memoryBudget;
        _temporaryFolder = temporaryFolder ?? Path.GetTempPath();
        _trackIds = trackIds;
        _current = new Chunk(rowsPerChunk, trackIds: trackIds);
    }

    /// <summary>Bytes of rows kept in memory; beyond it the rows go to a temporary file.</summary>
    public long MemoryBudget { get; }

    /// <summary>The rows added; after <see cref="Complete"/>, the rows selected (<see cref="Select"/>: all of them unless a split chose some).</summary>
    public int Count => _completed ? _view?.Length ?? _added : _added;

    /// <summary>The words (and numbers) of the rows' texts, as the featurizer segments them.</summary>
    public long Words { get; private set; }

    /// <summary>Whether the rows went to a temporary file (they did not fit in <see cref="MemoryBudget"/>).</summary>
    public bool Spilled => _file is not null;

    /// <summary>The temporary file's path once the rows spilled (already unlinked where the system allows it); null before.</summary>
    public string? SpillPath { get; private set; }

    /// <summary>The distinct labels, in ordinal order (the model's classes); after <see cref="Complete"/>.</summary>
    public string[] Labels { get; private set; } = [];

    /// <summary>Rows per class (index into <see cref="Labels"/>); after <see cref="Complete"/>.</summary>
    public int[] ClassCounts { get; private set; } = [];

    /// <summary>The label of the first row (for messages about a corpus with one label).</summary>
    public string? FirstLabel => _labelNames.Count > 0 ? _labelNames[0] : null;

    /// <summary>The distinct labels seen so far (before <see cref="Complete"/> too), in order of first appearance.</summary>
    public IReadOnlyList<string> LabelsSeen => _labelNames;

    /// <summary>The featurizer the rows were made with.</summary>
    public Featurizer Featurizer => _featurizer;

    /// <summary>The selected rows' document frequencies (TF-IDF bag only; null for the mean).</summary>
    public IdfTable.DocumentFrequencies? Frequencies => _viewFrequencies;

    /// <summary>The first selected rows (up to <see cref="TrainerOptions.TrainingCurveSample"/>): their features.</summary>
    public IReadOnlyList<int[]> CurveFeatures => _viewCurveFeatures;

    /// <summary>Featurizes <paramref name="text"/> and adds it as a row with <paramref name="label"/> (and <paramref name="id"/>, kept when the store tracks ids).</summary>
    /// <exception cref="IOException">The rows did not fit in memory and the temporary file could not be written (the message names it).</exception>
    public void Add(string text, string label, string? id = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(label);
        if (string.IsNullOrWhiteSpace(label))
        {
            throw new ArgumentException($"example '{id}' has an empty label; each training example needs one (a model cannot hold an empty label).", nameof(label));
        }

        if (_completed)
        {
            throw new InvalidOperationException("the rows are complete; no row can be added.");
        }

        if (!_labelIds.TryGetValue(label, out int y))
        {
            y = _labelNames.Count;
            _labelIds[label] = y;
            _labelNames.Add(label);
            _labelCounts.Add(0);
        }

        _labelCounts[y]++;
        ReadOnlySpan<int> features = _featurizer.FeaturizeInPlace(text);
        Words += _featurizer.LastWords;
        _frequencies?.Add(features);
        if (_curveFeatures.Count < _curveSize)
        {
            _curveFeatures.Add(features.ToArray());
            _curveLabels.Add(y);
        }

        if (_vectors is not null)
        {
            CollectVectorStarts(text);
        }

        _current.Add(y, features, _trackIds ? IdHash(id ?? "") : 0);
        _added++;
        if (_current.Rows == _rowsPerChunk)
        {
            Seal();
        }
    }

    /// <summary>Ends the adding: the last chunk sealed, the labels sorted (ordinal) and every row's label mapped to its index among them.</summary>
    public void Complete()
    {
        if (_completed)
        {
            return;
        }

        _completed = true;
        if (_current.Rows > 0)
        {
            Seal();
        }

        Select(null);
    }

    /// <summary>
    /// Selects the rows that <see cref="Count"/>, <see cref="Labels"/>, <see cref="ClassCounts"/>, <see cref="Frequencies"/>,
    /// the curve sample and <see cref="OpenEpochs"/> see: <paramref name="rows"/> (row numbers in the order a run over
    /// examples would list them), or every row in the order read when null. With a selection the labels are those the
    /// selected rows have, and one pass over the rows (the file, when they spilled) counts them and takes the others'
    /// document frequencies out.
    /// </summary>
    public void Select(int[]? rows)
    {
        _view = rows;
        var counts = new int[_labelNames.Count];
        if (rows is null)
        {
            _inView = null;
            _labelCounts.CopyTo(counts);
            _viewFrequencies = _frequencies;
            _viewCurveFeatures = _curveFeatures;
            _viewCurveLabels = [.. _curveLabels];
        }
        else
        {
            _inView = new System.Collections.BitArray(_added);
            foreach (int r in rows)
            {
                _inView[r] = true;
            }

            var curve = new Dictionary<int, int>();
            for (int k = 0; k < Math.Min(_curveSize, rows.Length); k++)
            {
                curve[rows[k]] = k;
            }

            var curveFeatures = new int[curve.Count][];
            var curveLabels = new int[curve.Count];
            IdfTable.DocumentFrequencies? frequencies = _frequencies?.Clone();
            ForEachRow((int row, int label, ReadOnlySpan<int> features) =>
            {
                if (!_inView[row])
                {
                    frequencies?.Remove(features);
                    return;
                }

                counts[label]++;
                if (curve.TryGetValue(row, out int k))
                {
                    curveFeatures[k] = features.ToArray();
                    curveLabels[k] = label;
                }
            });
            _viewFrequencies = frequencies;
            _viewCurveFeatures = [.. curveFeatures];
            _viewCurveLabels = curveLabels;
        }

        Labels = [.. _labelNames.Where((_, i) => counts[i] > 0).Order(StringComparer.Ordinal)];
        var sorted = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < Labels.Length; i++)
        {
            sorted[Labels[i]] = i;
        }

        _remap = [.. _labelNames.Select(l => sorted.GetValueOrDefault(l, -1))];
        ClassCounts = new int[Labels.Length];
        for (int i = 0; i < _labelNames.Count; i++)
        {
            if (_remap[i] >= 0)
            {
                ClassCounts[_remap[i]] = counts[i];
            }
        }
    }

    /// <summary>
    /// Features and labels (indexes into <see cref="Labels"/>; -1 for a label the selected rows lack) of
    /// <paramref name="rows"/>, in that order: the held-out rows of a split, scored each epoch. They are held in memory.
    /// </summary>
    public (int[][] Features, int[] Labels) Gather(int[] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var at = new Dictionary<int, int>(rows.Length);
        for (int k = 0; k < rows.Length; k++)
        {
            at[rows[k]] = k;
        }

        var features = new int[rows.Length][];
        var labels = new int[rows.Length];
        ForEachRow((int row, int label, ReadOnlySpan<int> f) =>
        {
            if (at.TryGetValue(row, out int k))
            {
                features[k] = f.ToArray();
                labels[k] = _remap[label];
            }
        });
        return (features, labels);
    }

    /// <summary>
    /// A held-out split of the rows by id, as <see cref="Trainer.StratifiedSplit"/> splits examples: <paramref name="fraction"/>
    /// of each label's ids (at least one when the label has two or more ids; an id stratified by its first row's label),
    /// drawn from <paramref name="random"/> with the same draws, and every row of an id on the same side. The rows of each
    /// side come in the order the examples' split lists them. Ids are told apart by a 64-bit hash kept with each row (two ids
    /// with the same hash, about one chance in 10^6 for 4M ids, would count as one). Needs <c>trackIds</c>; once. Memory
    /// while the split is made: 16 bytes a row at most (the hashes read back, and the rows sorted by them), then the two
    /// lists of row numbers, 4 bytes a row.
    /// </summary>
    public (int[] Train, int[] Validation, int Ids, int HeldIds) Split(double fraction, AugmentRandom random)
    {
        if (!_trackIds || !_completed || _splitDone)
        {
            throw new InvalidOperationException("a split needs complete rows made with trackIds, and is made once.");
        }

        _splitDone = true;
        int n = _added;
        const int Last = int.MinValue; // marks the last row of an id in perm (row numbers are below 2^31)
        var keys = new ulong[n];
        var perm = new int[n];
        ForEachRow((int row, int label, ReadOnlySpan<int> features) => perm[row] = row, keys);
        keys.AsSpan().Sort(perm.AsSpan());
        // Each id's rows are a run of equal keys: sorted into the order read, the last one marked. keys[g] then holds id g's
        // first row and where its run starts in perm (g counts ids in key order; keys[g] is written after it was read).
        int ids = 0;
        for (int i = 0; i < n;)
        {
            int j = i + 1;
            while (j < n && keys[j] == keys[i])
            {
                j++;
            }

            Span<int> run = perm.AsSpan(i, j - i);
            run.Sort();
            keys[ids++] = ((ulong)(uint)run[0] << 32) | (uint)i;
            run[^1] |= Last;
            i = j;
        }

        Span<ulong> byFirst = keys.AsSpan(0, ids);
        byFirst.Sort(); // ids in order of first appearance
        // The label of each id's first row: one pass over the rows, whose first rows come in the same order.
        var isFirst = new System.Collections.BitArray(n);
        foreach (ulong k in byFirst)
        {
            isFirst[(int)(k >> 32)] = true;
        }

        int next = 0;
        var idsPerLabel = new int[_labelNames.Count];
        ForEachRow((int row, int label, ReadOnlySpan<int> features) =>
        {
            if (isFirst[row])
            {
                keys[next] = ((ulong)(uint)label << 32) | (uint)keys[next];
                next++;
                idsPerLabel[label]++;
            }
        });
        isFirst = null;
        var byLabel = new int[_labelNames.Count][];
        for (int y = 0; y < byLabel.Length; y++)
        {
            byLabel[y] = new int[idsPerLabel[y]];
            idsPerLabel[y] = 0;
        }

        for (int g = 0; g < ids; g++)
        {
            int y = (int)(keys[g] >> 32);
            byLabel[y][idsPerLabel[y]++] = (int)(uint)keys[g]; // the id's run start, in order of first appearance
        }

        keys = [];
        byFirst = default;
        int[] labelOrder = [.. Enumerable.Range(0, _labelNames.Count).OrderBy(y => _labelNames[y], StringComparer.Ordinal)];
        var heldCount = new int[byLabel.Length];
        int heldIds = 0, heldRows = 0;
        foreach (int y in labelOrder)
        {
            int[] items = byLabel[y];
            int[] shuffled = [.. Enumerable.Range(0, items.Length)];
            Shuffle(shuffled, random);
            int held = Trainer.HeldIds(items.Length, fraction);
            heldCount[y] = held;
            heldIds += held;
            // Items in the order drawn: the first held ones go to validation.
            var drawn = new int[items.Length];
            for (int k = 0; k < items.Length; k++)
            {
                drawn[k] = items[shuffled[k]];
                if (k < held)
                {
                    heldRows += RunLength(perm, drawn[k]);
                }
            }

            byLabel[y] = drawn;
        }

        var train = new int[n - heldRows];
        var validation = new int[heldRows];
        int t = 0, v = 0;
        foreach (int y in labelOrder)
        {
            int[] drawn = byLabel[y];
            for (int k = 0; k < drawn.Length; k++)
            {
                for (int i = drawn[k]; ; i++)
                {
                    int row = perm[i] & int.MaxValue;
                    if (k < heldCount[y])
                    {
                        validation[v++] = row;
                    }
                    else
                    {
                        train[t++] = row;
                    }

                    if (perm[i] < 0)
                    {
                        break;
                    }
                }
            }
        }

        return (train, validation, ids, heldIds);
    }

    private static int RunLength(int[] perm, int start)
    {
        int i = start;
        while (perm[i] >= 0)
        {
            i++;
        }

        return i - start + 1;
    }

    /// <summary>A 64-bit hash of an id (FNV-1a over its UTF-16 code units, then a finalizer that spreads the bits).</summary>
    private static ulong IdHash(string id)
    {
        ulong h = 14695981039346656037UL;
        foreach (char c in id)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53UL;
        return h ^ (h >> 33);
    }

    private delegate void RowAction(int row, int label, ReadOnlySpan<int> features);

    /// <summary>
    /// Every row in the order read, with its label as read (order of first appearance) and its features; with
    /// <paramref name="ids"/>, the rows' id hashes copied into it as well.
    /// </summary>
    private void ForEachRow(RowAction action, ulong[]? ids = null)
    {
        int row = 0;
        if (!Spilled)
        {
            foreach (Chunk chunk in _resident)
            {
                if (ids is not null)
                {
                    chunk.IdSpan.CopyTo(ids.AsSpan(row));
                }

                for (int r = 0; r < chunk.Rows; r++)
                {
                    chunk.Row(r, out int label, out ReadOnlySpan<int> features, out _);
                    action(row++, label, features);
                }
            }

            return;
        }

        Chunk scratch = NewReadBuffer();
        for (int c = 0; c < _spilled.Count; c++)
        {
            Read(c, scratch, weigh: false, ids: ids is not null);
            if (ids is not null)
            {
                scratch.IdSpan.CopyTo(ids.AsSpan(row));
            }

            for (int r = 0; r < scratch.Rows; r++)
            {
                scratch.Row(r, out int label, out ReadOnlySpan<int> features, out _);
                action(row++, label, features);
            }
        }
    }

    /// <summary>Sets the idf that weighs the bag (TF-IDF; null for the mean) and weighs every row with it: those in memory in place, those in the temporary file into it (after the features), read back with them.</summary>
    public void Weigh(IdfTable? idf)
    {
        if (!_completed)
        {
            throw new InvalidOperationException("the rows are not complete.");
        }

        Idf = idf;
        foreach (Chunk chunk in _resident)
        {
            chunk.Weigh(idf, ref _sortScratch);
        }

        _weightOffsets = null;
        if (Spilled && idf is not null)
        {
            // The weights of the rows in the file, once, after the features (every weighing writes the same place): read
            // back with the rows each epoch, 4 bytes a feature, instead of weighed again each epoch (benchmarks/README.md,
            // "Peak memory": weighing costs about as much as reading them back costs nothing).
            var offsets = new long[_spilled.Count];
            long at = _fileLength;
            Chunk scratch = NewReadBuffer();
            for (int c = 0; c < _spilled.Count; c++)
            {
                offsets[c] = at;
                Read(c, scratch, weigh: false);
                scratch.Weigh(idf, ref _sortScratch);
                WriteAt(MemoryMarshal.AsBytes(scratch.WeightSpan), at);
                at += (long)scratch.Length * sizeof(float);
            }

            _weightOffsets = offsets;
        }
    }

    /// <summary>The idf given to <see cref="Complete"/>.</summary>
    public IdfTable? Idf { get; private set; }

    /// <summary>The curve sample's labels (indexes into <see cref="Labels"/>); after <see cref="Complete"/>.</summary>
    public int[] CurveLabels() => [.. _viewCurveLabels.Select(y => _remap[y])];

    /// <summary>The (bucket, vector row) pairs to start the network from: for each bucket, the first training word in it that the vectors have.</summary>
    public IEnumerable<KeyValuePair<int, int>> VectorStarts => _vectorStarts;

    /// <summary>A pass over the rows epoch after epoch, in the order a training run draws.</summary>
    public EpochReader OpenEpochs() => new(this);

    /// <inheritdoc/>
    public void Dispose()
    {
        _stream?.Dispose();
        _stream = null;
        _file = null;
        if (SpillPath is not null && File.Exists(SpillPath))
        {
            File.Delete(SpillPath);
        }

        _resident.Clear();
    }

    private void CollectVectorStarts(string text)
    {
        // As the trainer reads words for the vectors: the plain tokenizer, no segmenter.
        _tokens.Reset(text, Text.Protection.None);
        foreach (Text.Token t in _tokens.AsSpan())
        {
            if (t.Kind == Text.TokenKind.Word && _vectors!.TryGetIndex(t.Span, out int row))
            {
                _vectorStarts.TryAdd(_featurizer.WordBucket(t.Span), row);
            }
        }
    }

    /// <summary>Closes the chunk being filled: kept in memory while the budget allows, else written to the temporary file (and every chunk after it).</summary>
    private void Seal()
    {
        Chunk chunk = _current;
        if (_file is null && _residentBytes + chunk.Bytes(_weighted) <= MemoryBudget)
        {
            chunk.Trim();
            _resident.Add(chunk);
            _residentBytes += chunk.Bytes(_weighted);
            _current = new Chunk(_rowsPerChunk, trackIds: _trackIds);
            return;
        }

        if (_file is null)
        {
            OpenSpillFile();
            foreach (Chunk earlier in _resident)
            {
                Write(earlier);
            }

            _resident.Clear();
            _residentBytes = 0;
        }

        Write(chunk);
        chunk.Reset(0, 0); // written: the next rows fill the same arrays
    }

    private void OpenSpillFile()
    {
        string path = Path.Combine(_temporaryFolder, $"textaugment-rows-{Environment.ProcessId}-{Guid.NewGuid():N}.bin");
        try
        {
            // Readable by this user only (0600 where the system has modes): the featurized training data in a shared TMPDIR,
            // for the moment before it is unlinked. The stream's handle is the file's (RandomAccess reads and writes it).
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.ReadWrite, Share = FileShare.None, Options = FileOptions.DeleteOnClose, BufferSize = 0 };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            _stream = new FileStream(path, options);
            _file = _stream.SafeFileHandle;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"{path}: could not create the temporary file for the training rows that do not fit in memory ({e.Message}); set TMPDIR to a folder that can be written.", e);
        }

        SpillPath = path;
        if (!OperatingSystem.IsWindows())
        {
            File.Delete(path); // the open handle keeps the data; nothing is left behind whatever ends the process
        }
    }

    private void Write(Chunk chunk)
    {
        long offset = _fileLength;
        WriteAt(MemoryMarshal.AsBytes(chunk.LabelSpan), offset);
        offset += chunk.Rows * sizeof(int);
        WriteAt(MemoryMarshal.AsBytes(chunk.EndSpan), offset);
        offset += chunk.Rows * sizeof(int);
        WriteAt(MemoryMarshal.AsBytes(chunk.FeatureSpan), offset);
        offset += (long)chunk.Length * sizeof(int);
        if (_trackIds)
        {
            WriteAt(MemoryMarshal.AsBytes(chunk.IdSpan), offset);
            offset += chunk.Rows * sizeof(ulong);
        }

        _spilled.Add((_fileLength, chunk.Rows, chunk.Length));
        _fileLength = offset;
    }

    private void WriteAt(ReadOnlySpan<byte> bytes, long offset)
    {
        try
        {
            RandomAccess.Write(_file!, bytes, offset);
        }
        catch (IOException e)
        {
            throw new IOException($"{SpillPath}: could not write the training rows that do not fit in memory ({e.Message}); the disk of the temporary folder ({_temporaryFolder}) may be full: free space there or set TMPDIR to a folder on a disk with room ({offset:N0} bytes were written).", e);
        }
    }

    /// <summary>A chunk to read spilled chunks into, sized for the largest once (a buffer grown chunk after chunk would leave
    /// its earlier arrays to the large-object heap, which only a full collection frees).</summary>
    private Chunk NewReadBuffer()
    {
        int features = 0;
        foreach (var (_, _, f) in _spilled)
        {
            features = Math.Max(features, f);
        }

        var chunk = new Chunk(_rowsPerChunk, features, _weighted, _trackIds);
        chunk.Reset(0, 0);
        return chunk;
    }

    private void Read(int index, Chunk into, bool weigh = true, bool ids = false)
    {
        var (offset, rows, features) = _spilled[index];
        into.Reset(rows, features);
        ReadExactly(MemoryMarshal.AsBytes(into.LabelSpan), offset);
        offset += rows * sizeof(int);
        ReadExactly(MemoryMarshal.AsBytes(into.EndSpan), offset);
        offset += rows * sizeof(int);
        ReadExactly(MemoryMarshal.AsBytes(into.FeatureSpan), offset);
        offset += (long)features * sizeof(int);
        if (ids)
        {
            ReadExactly(MemoryMarshal.AsBytes(into.IdSpan), offset);
        }
        if (weigh && _weightOffsets is not null)
        {
            ReadExactly(MemoryMarshal.AsBytes(into.WeightSpan), _weightOffsets[index]);
        }
        else if (weigh)
        {
            into.Weigh(Idf, ref _sortScratch);
        }
    }

    private void ReadExactly(Span<byte> destination, long offset)
    {
        while (!destination.IsEmpty)
        {
            int n = RandomAccess.Read(_file!, destination, offset);
            if (n <= 0)
            {
                throw new IOException($"{SpillPath}: the temporary file of training rows ended early at byte {offset:N0}.");
            }

            destination = destination[n..];
            offset += n;
        }
    }

    private static void Shuffle(Span<int> order, AugmentRandom random)
    {
        for (int i = order.Length - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
    }

    /// <summary>
    /// The rows of one run, epoch after epoch. In memory: one order of all rows, shuffled in place at each epoch (the
    /// trainer's draws before the store existed). Spilled: the chunks' order shuffled, then each window of chunks read back
    /// and its rows shuffled.
    /// </summary>
    internal sealed class EpochReader
    {
        private readonly TrainingRows _rows;
        private readonly int[]? _order;
        private readonly int[]? _view;
        private readonly List<Chunk> _window = [];
        private int[] _chunkOrder = [];
        private int[] _windowOrder = [];
        private int[] _windowStarts = [];
        private int[] _windowFirstRows = [];
        private int _windowSize;
        private int _position;
        private int _nextChunk;
        private AugmentRandom? _random;

        internal EpochReader(TrainingRows rows)
        {
            _rows = rows;
            if (!rows._completed)
            {
                throw new InvalidOperationException("the rows are not complete.");
            }

            if (!rows.Spilled)
            {
                _order = [.. Enumerable.Range(0, rows.Count)];
                _view = rows._view;
            }
            else
            {
                _chunkOrder = [.. Enumerable.Range(0, rows._spilled.Count)];
                long bytes = 0;
                foreach (var (_, r, f) in rows._spilled)
                {
                    bytes += Chunk.BytesOf(r, f, rows._weighted);
                }

                long mean = Math.Max(1, bytes / Math.Max(1, rows._spilled.Count));
                int chunks = (int)Math.Clamp(rows.MemoryBudget / mean, 1, rows._spilled.Count);
                for (int i = 0; i < chunks; i++)
                {
                    _window.Add(rows.NewReadBuffer());
                }

                _windowStarts = new int[chunks + 1];
                _windowFirstRows = new int[chunks];
            }
        }

        /// <summary>Starts an epoch: draws its order from <paramref name="random"/>.</summary>
        public void Begin(AugmentRandom random)
        {
            _random = random;
            _position = 0;
            if (_order is not null)
            {
                Shuffle(_order, random);
                return;
            }

            Shuffle(_chunkOrder, random);
            _nextChunk = 0;
            _windowSize = 0;
        }

        /// <summary>The next row of the epoch; false after the last. The spans hold until the next call.</summary>
        public bool Next(out int label, out ReadOnlySpan<int> features, out ReadOnlySpan<float> weights)
        {
            if (_order is not null)
            {
                if (_position == _order.Length)
                {
                    label = -1;
                    features = default;
                    weights = default;
                    return false;
                }

                int i = _order[_position++];
                i = _view?[i] ?? i;
                _rows._resident[i / _rows._rowsPerChunk].Row(i % _rows._rowsPerChunk, out label, out features, out weights);
                label = _rows._remap[label];
                return true;
            }

            while (true)
            {
                if (_position == _windowSize && !LoadWindow())
                {
                    label = -1;
                    features = default;
                    weights = default;
                    return false;
                }

                int at = _windowOrder[_position++];
                int slot = 0;
                while (_windowStarts[slot + 1] <= at)
                {
                    slot++;
                }

                int r = at - _windowStarts[slot];
                if (_rows._inView is { } inView && !inView[_windowFirstRows[slot] + r])
                {
                    continue; // held out by the split
                }

                _window[slot].Row(r, out label, out features, out weights);
                label = _rows._remap[label];
                return true;
            }
        }

        private bool LoadWindow()
        {
            if (_nextChunk == _chunkOrder.Length)
            {
                return false;
            }

            int slots = Math.Min(_window.Count, _chunkOrder.Length - _nextChunk);
            _windowStarts[0] = 0;
            for (int s = 0; s < slots; s++)
            {
                _windowFirstRows[s] = _chunkOrder[_nextChunk] * _rows._rowsPerChunk;
                _rows.Read(_chunkOrder[_nextChunk++], _window[s]);
                _windowStarts[s + 1] = _windowStarts[s] + _window[s].Rows;
            }

            for (int s = slots + 1; s < _windowStarts.Length; s++)
            {
                _windowStarts[s] = int.MaxValue;
            }

            _windowSize = _windowStarts[slots];
            if (_windowOrder.Length < _windowSize)
            {
                _windowOrder = new int[_windowSize];
            }

            Span<int> order = _windowOrder.AsSpan(0, _windowSize);
            for (int i = 0; i < order.Length; i++)
            {
                order[i] = i;
            }

            Shuffle(order, _random!);
            _position = 0;
            return true;
        }
    }

    /// <summary>Rows in one block: labels, where each row's features end, the features, and their weights (TF-IDF).</summary>
    private sealed class Chunk(int capacity, int features = -1, bool weighted = false, bool trackIds = false)
    {
        private int[] _labels = new int[capacity];
        private int[] _ends = new int[capacity];
        private ulong[] _ids = trackIds ? new ulong[capacity] : [];
        private int[] _features = new int[features < 0 ? capacity * 16 : features];
        private float[] _weights = weighted && features >= 0 ? new float[features] : [];

        public int Rows { get; private set; }

        public int Length { get; private set; }

        public Span<int> LabelSpan => _labels.AsSpan(0, Rows);

        public Span<int> EndSpan => _ends.AsSpan(0, Rows);

        public Span<int> FeatureSpan => _features.AsSpan(0, Length);

        /// <summary>The rows' id hashes (a store that tracks ids).</summary>
        public Span<ulong> IdSpan => _ids.AsSpan(0, Rows);

        /// <summary>The weights of the rows' features (made room for when too small).</summary>
        public Span<float> WeightSpan
        {
            get
            {
                if (_weights.Length < Length)
                {
                    _weights = new float[Length];
                }

                return _weights.AsSpan(0, Length);
            }
        }

        public static long BytesOf(int rows, int features, bool weighted, bool ids = false) => (long)rows * (ids ? 16 : 8) + (long)features * (weighted ? 8 : 4);

        public long Bytes(bool weighted) => BytesOf(Rows, Length, weighted, _ids.Length > 0);

        public void Add(int label, ReadOnlySpan<int> features, ulong id)
        {
            if (Length + features.Length > _features.Length)
            {
                Array.Resize(ref _features, Math.Max(Length + features.Length, _features.Length * 2));
            }

            features.CopyTo(_features.AsSpan(Length));
            Length += features.Length;
            _labels[Rows] = label;
            _ends[Rows] = Length;
            if (_ids.Length > 0)
            {
                _ids[Rows] = id;
            }

            Rows++;
        }

        /// <summary>Drops the spare capacity of a full chunk kept in memory.</summary>
        public void Trim()
        {
            if (_features.Length != Length)
            {
                Array.Resize(ref _features, Length);
            }
        }

        /// <summary>Makes room for a chunk read back: <paramref name="rows"/> rows, <paramref name="features"/> features.</summary>
        public void Reset(int rows, int features)
        {
            if (_labels.Length < rows)
            {
                _labels = new int[rows];
                _ends = new int[rows];
                _ids = _ids.Length > 0 ? new ulong[rows] : [];
            }

            if (_features.Length < features)
            {
                _features = new int[features];
            }

            Rows = rows;
            Length = features;
        }

        /// <summary>With an idf, the weights of every row; without, none (the mean bag).</summary>
        public void Weigh(IdfTable? idf, ref int[] scratch)
        {
            if (idf is null)
            {
                _weights = [];
                return;
            }

            if (_weights.Length < Length)
            {
                _weights = new float[Length];
            }

            int start = 0;
            for (int r = 0; r < Rows; r++)
            {
                idf.Weigh(_features.AsSpan(start, _ends[r] - start), _weights.AsSpan(start), ref scratch);
                start = _ends[r];
            }
        }

        public void Row(int r, out int label, out ReadOnlySpan<int> features, out ReadOnlySpan<float> weights)
        {
            int start = r == 0 ? 0 : _ends[r - 1];
            label = _labels[r];
            features = _features.AsSpan(start, _ends[r] - start);
            weights = _weights.Length == 0 ? default : _weights.AsSpan(start, _ends[r] - start);
        }
    }
}
