using System.Runtime.InteropServices;

namespace TextAugment.Corpus;

/// <summary>
/// Tells whether two paths name the same file: the same device and inode after following links on Linux,
/// else the same fully resolved path (every link in every folder followed). Used so that no run writes a
/// file it reads, whatever spelling, symbolic link or hard link the command line or pipeline uses.
/// </summary>
public static class FileIdentity
{
    /// <summary>True when both paths exist and are one file. <c>-</c> (standard input or output) is never a file.</summary>
    public static bool SameFile(string first, string second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first == "-" || second == "-" || !Exists(first) || !Exists(second))
        {
            return false;
        }

        if (TryDeviceAndInode(first, out (ulong Device, ulong Inode) a) && TryDeviceAndInode(second, out (ulong Device, ulong Inode) b))
        {
            return a == b;
        }

        return string.Equals(RealPath(first), RealPath(second), OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
    }

    /// <summary>
    /// True when the two paths are one file (<see cref="SameFile"/>), or, where one of them does not exist yet (an output
    /// about to be written), one path once every link is followed (<see cref="RealPath"/>). <c>-</c> is never a path here.
    /// </summary>
    public static bool SamePath(string first, string second) =>
        first != "-" && second != "-" && (SameFile(first, second) || string.Equals(RealPath(first), RealPath(second), StringComparison.Ordinal));

    /// <summary>Refuses to write <paramref name="output"/> when it is one of <paramref name="inputs"/> or cannot be written (see <see cref="EnsureOutputs(IReadOnlyList{ValueTuple{string, string}}, IReadOnlyList{ValueTuple{string, string}})"/>).</summary>
    /// <param name="output">What the run will write, with its role for the message (e.g. "--output"); null is skipped.</param>
    /// <param name="inputs">What the run reads, each with its role; null paths are skipped.</param>
    /// <exception cref="OutputIsInputException">The output is one of the inputs.</exception>
    /// <exception cref="UnwritableOutputException">The output is a folder, under a file, or in a folder the run cannot write.</exception>
    public static void EnsureOutputs((string Role, string? Path) output, params (string Role, string? Path)[] inputs) =>
        EnsureOutputs([output], inputs);

    /// <summary>
    /// Checks a run's outputs before any work: none is one of <paramref name="inputs"/> or another output
    /// (<see cref="EnsureDistinct"/>), and each can be written (<see cref="AtomicOutput.EnsureWritable"/>), so that a run
    /// never does all its work and then fails on its output path.
    /// </summary>
    /// <exception cref="OutputIsInputException">An output is an input, or two outputs are one file.</exception>
    /// <exception cref="UnwritableOutputException">An output is a folder, under a file, or in a folder the run cannot write.</exception>
    public static void EnsureOutputs(IReadOnlyList<(string Role, string? Path)> outputs, IReadOnlyList<(string Role, string? Path)> inputs)
    {
        EnsureDistinct(outputs, inputs);
        (string Role, string Path, string Full)[] files = [.. outputs.Where(o => o.Path is not null and not "-").Select(o => (o.Role, o.Path!, Path.GetFullPath(o.Path!)))];
        foreach ((string role, string path, string full) in files)
        {
            // An output inside another output (--report m.tam beside -o m.tam): the first would be written as a file and
            // the second could then not be made under it.
            foreach ((string outerRole, string outer, string outerFull) in files)
            {
                if (IsInside(full, outerFull))
                {
                    throw new UnwritableOutputException($"{role} '{path}' would be inside {outerRole} '{outer}', which the run writes as a file; choose paths that do not nest.");
                }
            }

            AtomicOutput.EnsureWritable(role, path);
        }
    }

    /// <summary>
    /// Where <paramref name="path"/> leads when it is a symbolic link whose target (after every link is followed) does not
    /// exist, as the link says it (for a message: "a link to '…', which does not exist"); null for anything else: a file,
    /// a folder, a link to one, a path where nothing is. .NET's <see cref="File.Exists"/> is true for such a link, and
    /// opening it fails with a bare "Could not find file", so every file a pipeline key names is checked with this first.
    /// </summary>
    public static string? BrokenLink(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            var link = new FileInfo(path);
            if (link.LinkTarget is not { } target)
            {
                return null;
            }

            // The kernel's own links (/dev/stdin → /proc/self/fd/0 → 'pipe:[N]') name no path, yet open: not broken.
            if (IsKernelLink(link.FullName) || IsKernelLink(target))
            {
                return null;
            }

            FileSystemInfo? final = link.ResolveLinkTarget(returnFinalTarget: true);
            return final is not null && (File.Exists(final.FullName) || Directory.Exists(final.FullName) || IsDeviceOrPipe(final.FullName)) ? null : target;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return null; // a loop of links or an unreadable folder: opening it reports that
        }
    }

    private static bool IsKernelLink(string path) =>
        path.StartsWith("/dev/", StringComparison.Ordinal) || path.StartsWith("/proc/", StringComparison.Ordinal);

    /// <summary>
    /// True when <paramref name="path"/> lies inside the folder <paramref name="folder"/> (at any depth), comparing the
    /// fully resolved paths (<see cref="RealPath"/>), so that a run never writes one output inside another that it writes
    /// as a file. A path is not inside itself.
    /// </summary>
    public static bool IsInside(string path, string folder)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(folder);
        string outer = RealPath(folder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return RealPath(path).StartsWith(outer, StringComparison.Ordinal);
    }

    /// <summary>
    /// True when <paramref name="path"/> names standard input: <c>-</c>, <c>/dev/stdin</c>, <c>/dev/fd/0</c>,
    /// <c>/proc/self/fd/0</c> (or this process's <c>/proc/PID/fd/0</c>), or a symbolic link that leads to one of them,
    /// whatever standard input is connected to. Such a path can be read only once by a run (a pipe or terminal is consumed).
    /// </summary>
    public static bool IsStandardInput(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path == "-")
        {
            return true;
        }

        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        string[] names = ["/dev/stdin", "/dev/fd/0", "/proc/self/fd/0", "/proc/thread-self/fd/0", $"/proc/{Environment.ProcessId}/fd/0"];
        string current = Path.GetFullPath(path);
        for (int hop = 0; hop < 40; hop++) // the system's own limit on links followed
        {
            if (names.Contains(current, StringComparer.Ordinal))
            {
                return true;
            }

            string? target;
            try
            {
                target = new FileInfo(current).LinkTarget;
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                return false;
            }

            if (target is null)
            {
                return false;
            }

            current = Path.GetFullPath(target, Path.GetDirectoryName(current)!);
        }

        return false;
    }

    /// <summary>
    /// Refuses to write any of <paramref name="outputs"/> when it is one of <paramref name="inputs"/> or another output.
    /// <c>-</c> counts too where the shell has redirected it to a regular file: an input <c>-</c> is standard input
    /// (<c>train - -o data.tsv &lt; data.tsv</c> is refused), an output <c>-</c> standard output
    /// (<c>augment … -i data.tsv &gt;&gt; data.tsv</c> is refused); a pipe or terminal is never a file a run reads back.
    /// </summary>
    /// <exception cref="OutputIsInputException">An output is an input, or two outputs are one file.</exception>
    public static void EnsureDistinct(IReadOnlyList<(string Role, string? Path)> outputs, IReadOnlyList<(string Role, string? Path)> inputs)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(inputs);
        for (int i = 0; i < outputs.Count; i++)
        {
            (string outputRole, string? output) = outputs[i];
            if (Comparable(output, isOutput: true) is not { } outputFile)
            {
                continue;
            }

            foreach ((string role, string? input) in inputs)
            {
                // SamePath, not SameFile: an input may be a file read only if it exists (the config.json beside a model),
                // which an output must not create either.
                if (Comparable(input, isOutput: false) is { } inputFile && SamePath(outputFile, inputFile))
                {
                    throw new OutputIsInputException(
                        $"{outputRole} {Describe(output!, isOutput: true)} is the same file as {role} {Describe(input!, isOutput: false)}; a run never writes over a file it reads. Choose another output path.");
                }

                if (Comparable(input, isOutput: false) is { } readFile && output != "-" && !Path.Exists(readFile) && !IsSpecial(readFile) && IsInside(outputFile, readFile))
                {
                    // Its folder would be made where a file the run would read if it existed (a model's config.json); inside a
                    // file that exists, AtomicOutput.EnsureWritable says "is a file, not a folder".
                    throw new OutputIsInputException(
                        $"{outputRole} '{output}' would be inside {role} {Describe(input!, isOutput: false)}, a file the run reads; a run never makes a folder where a file it reads is. Choose another output path.");
                }
            }

            if (output == "-")
            {
                continue; // standard output beside a file output: two outputs named '-' are refused where they are parsed
            }

            for (int j = 0; j < i; j++)
            {
                (string otherRole, string? other) = outputs[j];
                if (other is not null && SamePath(output!, other))
                {
                    throw new OutputIsInputException(
                        $"{outputRole} '{output}' is the same file as {otherRole} '{other}'; one would overwrite the other. Choose another output path.");
                }
            }
        }
    }

    /// <summary>
    /// The path to compare for an argument: itself, or for <c>-</c> the file standard input (an input) or standard output
    /// (an output) is redirected to, when it is a regular file (Linux: <c>/dev/stdin</c>, <c>/dev/stdout</c>); null when
    /// there is nothing to compare (no path, or <c>-</c> on a pipe, terminal or device).
    /// </summary>
    private static string? Comparable(string? path, bool isOutput)
    {
        if (path != "-")
        {
            return path;
        }

        string stream = isOutput ? "/dev/stdout" : "/dev/stdin";
        return TryStat(stream, out byte[] buffer) && Kind(buffer) == 0x8000 ? stream : null; // S_IFREG
    }

    private static string Describe(string path, bool isOutput) =>
        path == "-" ? $"'-' (standard {(isOutput ? "output" : "input")}, redirected to '{RealPath(isOutput ? "/dev/stdout" : "/dev/stdin")}')" : $"'{path}'";

    private static bool Exists(string path) => File.Exists(path) || Directory.Exists(path) || IsSpecial(path);

    private static bool IsSpecial(string path)
    {
        try
        {
            return (File.GetAttributes(path) & FileAttributes.Device) != 0 || new FileInfo(path).Exists;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The path with every symbolic link in it resolved, as far as the files exist.</summary>
    public static string RealPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string full = Path.GetFullPath(path);
        string root = Path.GetPathRoot(full)!;
        string current = root;
        string[] parts = full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < parts.Length; i++)
        {
            string next = Path.Combine(current, parts[i]);
            FileSystemInfo info = new FileInfo(next);
            if (!info.Exists)
            {
                info = new DirectoryInfo(next);
            }

            FileSystemInfo? target = info.Exists || info.LinkTarget is not null ? SafeResolve(info) : null;
            current = target is null ? next : Path.GetFullPath(target.FullName);
        }

        return current;
    }

    private static FileSystemInfo? SafeResolve(FileSystemInfo info)
    {
        try
        {
            return info.ResolveLinkTarget(returnFinalTarget: true);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>
    /// How <paramref name="path"/> is a stream a run can read only once, for a message: standard input (<c>-</c>,
    /// <c>/dev/stdin</c> and the like, <see cref="IsStandardInput"/>) or a device, FIFO, pipe (<c>/dev/fd/N</c>, a shell's
    /// <c>&lt;(…)</c>) or socket (<see cref="IsDeviceOrPipe"/>); null for a regular file (or one that does not exist). Every
    /// feature that reads its input twice (the train section, the tfidf stage fitting on the input, a shard) refuses such a path.
    /// </summary>
    internal static string? ReadOnce(string path) =>
        path == "-" ? "'-' (standard input)"
        : IsStandardInput(path) ? $"'{path}' (standard input)"
        : IsDeviceOrPipe(path) ? $"'{path}' (a device, FIFO, pipe or socket, not a regular file)"
        : null;

    /// <summary>
    /// True when <paramref name="path"/> (after following links) is a character or block device, a FIFO or a socket:
    /// something to write directly, never to replace by renaming a file over it. False for a regular file, a folder,
    /// a missing path, or where the kind cannot be told (not Linux).
    /// </summary>
    public static bool IsDeviceOrPipe(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!TryStat(path, out byte[] buffer))
        {
            return false;
        }

        return Kind(buffer) is 0x2000 or 0x6000 or 0x1000 or 0xC000; // S_IFCHR, S_IFBLK, S_IFIFO, S_IFSOCK
    }

    /// <summary>
    /// Standard input as a stream. A folder redirected to it (<c>&lt; folder</c>) is refused here, by name, instead of
    /// failing at the first read with the system's bare "Is a directory".
    /// </summary>
    /// <exception cref="NotARegularFileException">Standard input is a folder.</exception>
    public static Stream OpenStandardInput()
    {
        if (TryStat("/dev/stdin", out byte[] buffer) && Kind(buffer) == 0x4000) // S_IFDIR
        {
            throw new NotARegularFileException(
                $"standard input is the folder '{RealPath("/dev/stdin")}', not a file: redirect a file into it (< data.tsv) or give the file's path.");
        }

        return Console.OpenStandardInput();
    }

    /// <summary>The file type bits of a <c>struct stat</c>'s st_mode (after st_dev, st_ino, st_nlink on x86-64; after st_dev, st_ino on arm64).</summary>
    private static uint Kind(byte[] stat) => BitConverter.ToUInt32(stat, RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 24 : 16) & 0xF000;

    /// <summary>Refuses a device, FIFO or socket where a regular file is needed.</summary>
    /// <param name="path">The path to check.</param>
    /// <param name="what">What the file is, for the message (e.g. "word-vector file").</param>
    /// <param name="why">Why it must be a regular file (e.g. "it is read whole").</param>
    /// <exception cref="NotARegularFileException">The path is a device, FIFO or socket.</exception>
    public static void EnsureRegularFile(string path, string what, string why = "it is read whole, so it must be a regular file")
    {
        ArgumentNullException.ThrowIfNull(path);
        if (IsDeviceOrPipe(path))
        {
            throw new NotARegularFileException($"{path}: the {what} is a device, FIFO or socket, not a regular file; {why}.");
        }
    }

    private static bool TryDeviceAndInode(string path, out (ulong Device, ulong Inode) identity)
    {
        identity = default;
        if (!TryStat(path, out byte[] buffer))
        {
            return false;
        }

        // struct stat begins with st_dev and st_ino, both 64-bit, on glibc and musl for x86-64 and arm64.
        identity = (BitConverter.ToUInt64(buffer, 0), BitConverter.ToUInt64(buffer, 8));
        return true;
    }

    private static bool TryStat(string path, out byte[] buffer)
    {
        buffer = new byte[512];
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture is not (Architecture.X64 or Architecture.Arm64))
        {
            return false;
        }

        try
        {
            return NativeMethods.stat(path, buffer) == 0;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
        catch (DllNotFoundException)
        {
            return false;
        }
    }

    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern int stat(string path, byte[] buffer);
    }
}
