using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace TextAugment.Corpus;

/// <summary>
/// The temporary files of <see cref="AtomicOutput"/>: named <c>.NAME.textaugment-PID-N.tmp</c> beside their destination,
/// deleted when the process gets SIGINT or SIGTERM, and recognised by a later run (whose output is the same NAME)
/// as stale when process PID is no longer alive (after kill -9 or a power cut), and then deleted.
/// </summary>
internal static class TemporaryFiles
{
    private const string Marker = ".textaugment-";
    private static readonly ConcurrentDictionary<string, byte> Live = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();
    private static List<PosixSignalRegistration>? _registrations;
    private static long _counter;

    /// <summary>A new temporary path beside <paramref name="destination"/>, tracked until <see cref="Forget"/>.</summary>
    public static string Create(string destination)
    {
        string directory = Path.GetDirectoryName(destination)!;
        string name = Path.GetFileName(destination);
        RemoveStale(directory, name);
        EnsureSignalHandlers();
        string path = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $".{Stem(name)}{Marker}{Environment.ProcessId}-{Interlocked.Increment(ref _counter)}.tmp"));
        Live[path] = 0;
        return path;
    }

    /// <summary>
    /// The NAME in a temporary file's name: the destination's own name, or, for a name of more than 200 UTF-8 bytes, whose
    /// temporary name would pass the 255-byte limit on a file name, its first characters (up to 140 bytes) and a hash of the
    /// whole name, the same on every run, so that a later run still finds the stale files of the same destination.
    /// </summary>
    internal static string Stem(string name)
    {
        if (System.Text.Encoding.UTF8.GetByteCount(name) <= 200)
        {
            return name;
        }

        int bytes = 0, chars = 0;
        foreach (System.Text.Rune rune in name.EnumerateRunes())
        {
            if (bytes + rune.Utf8SequenceLength > 140)
            {
                break;
            }

            bytes += rune.Utf8SequenceLength;
            chars += rune.Utf16SequenceLength;
        }

        byte[] hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name));
        return name[..chars] + "~" + Convert.ToHexString(hash, 0, 8);
    }

    /// <summary>Stops tracking <paramref name="path"/> (it was renamed into place or deleted).</summary>
    public static void Forget(string path) => Live.TryRemove(path, out _);

    /// <summary>Deletes every tracked temporary file; called on SIGINT and SIGTERM.</summary>
    public static void DeleteAll()
    {
        foreach (string path in Live.Keys)
        {
            try
            {
                File.Delete(path);
            }
            catch (IOException)
            {
                // Best effort while the process is being stopped; a later run removes it as stale.
            }
            catch (UnauthorizedAccessException)
            {
                // As above.
            }

            Live.TryRemove(path, out _);
        }
    }

    /// <summary>Deletes <c>.NAME.textaugment-PID-N.tmp</c> files in <paramref name="directory"/> whose process is gone.</summary>
    internal static void RemoveStale(string directory, string name)
    {
        if (!Directory.Exists(directory))
        {
            return;
        }

        string prefix = "." + Stem(name) + Marker;
        IEnumerable<string> candidates;
        try
        {
            candidates = Directory.EnumerateFiles(directory, prefix + "*.tmp").ToList();
        }
        catch (IOException)
        {
            return;
        }
        catch (UnauthorizedAccessException)
        {
            return;
        }

        foreach (string file in candidates)
        {
            string rest = Path.GetFileName(file)[prefix.Length..^".tmp".Length];
            int dash = rest.IndexOf('-', StringComparison.Ordinal);
            if (dash <= 0 || !int.TryParse(rest.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out int pid)
                || pid == Environment.ProcessId || IsAlive(pid))
            {
                continue;
            }

            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // Another run may be removing it at the same moment.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours to remove.
            }
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static void EnsureSignalHandlers()
    {
        lock (Gate)
        {
            if (_registrations is not null || OperatingSystem.IsBrowser() || OperatingSystem.IsWasi())
            {
                return;
            }

            _registrations = [];
            foreach (PosixSignal signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
            {
                try
                {
                    // Not cancelled: after the files are gone the signal ends the process as it would have.
                    _registrations.Add(PosixSignalRegistration.Create(signal, _ => DeleteAll()));
                }
                catch (PlatformNotSupportedException)
                {
                    // No signals here; stale files are still removed by the next run.
                }
            }
        }
    }
}
