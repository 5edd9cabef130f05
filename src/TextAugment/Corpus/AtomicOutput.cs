namespace TextAugment.Corpus;

/// <summary>
/// An output file written under a temporary name beside its destination and renamed over it by
/// <see cref="Commit"/>, so that a failed run never leaves a half-written file. Disposing without
/// committing deletes the temporary file. <c>-</c> writes standard output directly, and so does a path that is (or links
/// to) a device, FIFO or socket such as <c>/dev/null</c> or <c>/proc/self/fd/1</c>: only a regular file or nothing is
/// replaced. Temporary files are named <c>.NAME.textaugment-PID-N.tmp</c>, deleted on SIGINT and SIGTERM, and removed by a
/// later run writing NAME when process PID is gone. What was committed or written directly is recorded in
/// <see cref="WrittenOutputs"/>.
/// </summary>
public sealed class AtomicOutput : IDisposable
{
    private readonly string? _path;
    private readonly string? _temporary;
    private bool _committed;

    private readonly string? _shownPath;

    private AtomicOutput(string? path, string? temporary, Stream stream, string? shownPath = null)
    {
        _shownPath = shownPath;
        _path = path;
        _temporary = temporary;
        Stream = stream;
    }

    /// <summary>A file stream whose full-device error (ENOSPC) names the output as the user gave it, not its temporary name.</summary>
    private static Stream Guarded(FileStream stream, string output, bool atomic) => new DiskFullGuard(stream, output, atomic);

    /// <summary>The stream to write.</summary>
    public Stream Stream { get; }

    /// <summary>Opens <paramref name="path"/> for writing, creating its directory; <c>-</c> for standard output.</summary>
    public static AtomicOutput Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string full = path == "-" ? path : Path.GetFullPath(path);
        if (full is "-" or "/dev/stdout" or "/proc/self/fd/1")
        {
            // The process's own standard output: written through its descriptor (a regular file behind it keeps the
            // offset it shares with the shell; opening the path again would write from the start).
            return new AtomicOutput(null, null, StandardOutput.Open());
        }

        // stat follows links, so a link to a device or pipe is written directly too.
        if (FileIdentity.IsDeviceOrPipe(full) || (File.Exists(full) && IsSystemFolder(full)))
        {
            WrittenOutputs.OpenedDirectly(path);
            return new AtomicOutput(null, null, Guarded(new FileStream(full, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1 << 16), path, atomic: false));
        }

        // A symbolic link to a regular file (or to nothing yet) is written through: the temporary file is made beside
        // the file it finally names and renamed over that, so the link stays a link. No folder is made at a link's target.
        full = ThroughLink("the output", path, full);
        string folder = Path.GetDirectoryName(full)!;
        string? temporary = null;
        try
        {
            NearestFolder("the output", path, full);
            Directory.CreateDirectory(folder);
            temporary = TemporaryFiles.Create(full);
            return new AtomicOutput(full, temporary, Guarded(new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16), path, atomic: true), path);
        }
        catch (IOException noSpace) when (DiskFullException.IsDiskFull(noSpace))
        {
            throw new DiskFullException(path, atomic: true, noSpace);
        }
        catch (UnauthorizedAccessException denied)
        {
            // The system names the hidden temporary file; the user named the output.
            throw new UnauthorizedAccessException($"cannot write '{path}': permission denied in the folder '{folder}'; choose a folder you can write to.", denied);
        }
        finally
        {
            if (temporary is not null && !File.Exists(temporary))
            {
                TemporaryFiles.Forget(temporary);
            }
        }
    }

    /// <summary>
    /// Checks, before any work, that <see cref="Open"/> will be able to write <paramref name="path"/>: it is not a folder, the
    /// nearest existing folder above it is a folder (not a file) and the run may make a file in it (a file is made and
    /// deleted there). <c>-</c>, devices, pipes and sockets pass: they are written directly.
    /// </summary>
    /// <param name="role">What the path is, for the message (e.g. "--output").</param>
    /// <param name="path">The path the run will write.</param>
    /// <exception cref="UnwritableOutputException">The path is a folder, a file stands where a folder must be, or the folder
    /// cannot be written (the message names the path, the folder and the system's reason).</exception>
    public static void EnsureWritable(string role, string path)
    {
        ArgumentNullException.ThrowIfNull(role);
        ArgumentNullException.ThrowIfNull(path);
        string full = path == "-" ? path : Path.GetFullPath(path);
        if (full == "-" || FileIdentity.IsDeviceOrPipe(full))
        {
            return;
        }

        if (Directory.Exists(full))
        {
            throw new UnwritableOutputException($"{role} '{path}' is a folder; give the path of a file (e.g. '{Path.Combine(path, "out")}').");
        }

        full = ThroughLink(role, path, full);
        string? folder = NearestFolder(role, path, full);
        if (folder is null || IsSystemFolder(full))
        {
            return; // /proc and /dev: their links to open files are written directly, and nothing is made there
        }

        string probe = Path.Combine(folder, $".textaugment-{Environment.ProcessId}-{Guid.NewGuid():N}.probe");
        try
        {
            using var file = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            // The system's message names the probe file; the user named the output.
            string reason = e is UnauthorizedAccessException ? "permission denied" : e.Message.Replace(probe, "a new file", StringComparison.Ordinal).TrimEnd('.');
            throw new UnwritableOutputException($"{role} '{path}': cannot write in the folder '{folder}' ({reason}); choose a folder you can write to.", e);
        }
    }

    /// <summary>
    /// The file a symbolic link <paramref name="full"/> finally names, which a run writes (as the shell's <c>&gt;</c> does),
    /// or <paramref name="full"/> when it is no link. A link whose target's folder does not exist is refused: a run makes
    /// the folders of a path it is given, never those of a link's target, which may be anywhere.
    /// </summary>
    /// <exception cref="UnwritableOutputException">The link's target's folder does not exist, or the link cannot be followed (a loop).</exception>
    private static string ThroughLink(string role, string path, string full)
    {
        FileSystemInfo? target;
        try
        {
            if (new FileInfo(full).LinkTarget is null)
            {
                return full;
            }

            target = File.ResolveLinkTarget(full, returnFinalTarget: true);
        }
        catch (IOException e)
        {
            throw new UnwritableOutputException($"{role} '{path}' is a symbolic link that cannot be followed ({e.Message.TrimEnd('.')}); give a file or a link to one.", e);
        }

        if (target is null)
        {
            return full;
        }

        string targetFolder = Path.GetDirectoryName(target.FullName)!;
        if (!Directory.Exists(targetFolder))
        {
            throw new UnwritableOutputException(
                $"{role} '{path}' is a symbolic link to '{target.FullName}', whose folder '{targetFolder}' does not exist; a link is written through "
                + "(as the shell's > does), but no folder is made at a link's target: create that folder, or remove the link.");
        }

        return target.FullName;
    }

    /// <summary>
    /// The nearest existing folder above <paramref name="full"/> (null at the root); a file there, or a symbolic link to
    /// nothing (a folder would be made at its target), is refused.
    /// </summary>
    /// <exception cref="UnwritableOutputException">A file or a dangling link stands where a folder must be.</exception>
    private static string? NearestFolder(string role, string path, string full)
    {
        string? folder = Path.GetDirectoryName(full);
        while (folder is not null && !Directory.Exists(folder))
        {
            if (DanglingTarget(folder) is { } target)
            {
                throw new UnwritableOutputException(
                    $"{role} '{path}': '{folder}' is a symbolic link to '{target}', which does not exist; no folder is made at a link's target: create it, or remove the link.");
            }

            if (File.Exists(folder) || FileIdentity.IsDeviceOrPipe(folder))
            {
                throw new UnwritableOutputException($"{role} '{path}': '{folder}' is a file, not a folder, so nothing can be written under it; choose another path.");
            }

            folder = Path.GetDirectoryName(folder);
        }

        return folder;
    }

    /// <summary>Where a symbolic link that leads to nothing finally points; null for anything else (a loop too: left to the system).</summary>
    private static string? DanglingTarget(string path)
    {
        try
        {
            var link = new FileInfo(path);
            if (link.LinkTarget is null)
            {
                return null;
            }

            FileSystemInfo? target = link.ResolveLinkTarget(returnFinalTarget: true);
            return target is null || File.Exists(target.FullName) || Directory.Exists(target.FullName) ? null : target.FullName;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>/proc and /dev hold links to open files (/dev/stdout, /proc/self/fd/1): no temporary file can be made beside them.</summary>
    private static bool IsSystemFolder(string full) =>
        OperatingSystem.IsLinux() && (full.StartsWith("/proc/", StringComparison.Ordinal) || full.StartsWith("/dev/", StringComparison.Ordinal));

    /// <summary>Flushes and moves the file into place.</summary>
    public void Commit()
    {
        Stream.Flush();
        if (_path is null)
        {
            return;
        }

        Stream.Dispose();
        File.Move(_temporary!, _path, overwrite: true);
        TemporaryFiles.Forget(_temporary!);
        _committed = true;
        WrittenOutputs.Committed(_shownPath ?? _path);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        try
        {
            Stream.Dispose();
        }
        catch (IOException) when (!_committed)
        {
            // Closing flushes what a failed write left in the buffer, and fails the same way (a full device): the output is
            // abandoned, its temporary file deleted below, and the first error is the one reported.
        }
        finally
        {
            if (_temporary is not null && !_committed)
            {
                if (File.Exists(_temporary))
                {
                    File.Delete(_temporary);
                }

                TemporaryFiles.Forget(_temporary);
            }
        }
    }
}
