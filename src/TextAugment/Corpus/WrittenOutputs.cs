namespace TextAugment.Corpus;

/// <summary>
/// What a command has written so far, so that a failure can say truthfully what it left behind: the files
/// <see cref="AtomicOutput"/> renamed into place (complete) and the devices or pipes it wrote directly (which may hold part
/// of an output). Standard output counts its own lines (<see cref="StandardOutput.LinesWritten"/>). Recording is per flow of
/// execution: <see cref="Begin"/> starts a fresh record for the caller and whatever it calls (its tasks included), so two
/// commands run side by side in one process (as tests run them) do not see each other's files.
/// </summary>
public static class WrittenOutputs
{
    private static readonly AsyncLocal<Record?> Current = new();

    /// <summary>Starts a fresh, empty record for the calling flow; before the first call nothing is recorded.</summary>
    public static void Begin() => Current.Value = new Record();

    /// <summary>The files renamed into place since <see cref="Begin"/>, in order (each complete); empty when none or not begun.</summary>
    public static IReadOnlyList<string> Files => Current.Value?.Snapshot(direct: false) ?? [];

    /// <summary>The devices, pipes and sockets opened for writing since <see cref="Begin"/> (written directly, not through a temporary file); empty when none or not begun.</summary>
    public static IReadOnlyList<string> Direct => Current.Value?.Snapshot(direct: true) ?? [];

    internal static void Committed(string path) => Current.Value?.Add(path, direct: false);

    internal static void OpenedDirectly(string path) => Current.Value?.Add(path, direct: true);

    private sealed class Record
    {
        private readonly List<string> _files = [], _direct = [];

        public void Add(string path, bool direct)
        {
            lock (this)
            {
                List<string> list = direct ? _direct : _files;
                if (!list.Contains(path, StringComparer.Ordinal))
                {
                    list.Add(path);
                }
            }
        }

        public string[] Snapshot(bool direct)
        {
            lock (this)
            {
                return [.. direct ? _direct : _files];
            }
        }
    }
}
