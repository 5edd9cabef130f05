using Microsoft.Win32.SafeHandles;

namespace TextAugment.Corpus;

/// <summary>
/// The process's standard output as a stream that reports a closed pipe (rather than dropping the bytes,
/// as the console stream does) and counts the lines written, so that a failure after partial output can say what was written.
/// </summary>
public sealed class StandardOutput : Stream
{
    private static long _lines;
    private readonly Stream _inner;

    // A full device is reported by DiskFullGuard, as for every output file; a closed pipe here.
    private StandardOutput(Stream inner) => _inner = new DiskFullGuard(inner, "-", atomic: false);

    /// <summary>Lines (newline bytes) written to standard output through this class so far in the process.</summary>
    public static long LinesWritten => Interlocked.Read(ref _lines);

    /// <summary>Whether standard output was closed (<c>&gt;&amp;-</c>) when <see cref="ReserveIfClosed"/> ran.</summary>
    public static bool ClosedAtStart { get; private set; }

    // Keep /dev/null open on descriptor 1 (and 0, when that was closed too) for the process's life (see ReserveIfClosed).
    private static SafeFileHandle? _reserved;
    private static readonly List<SafeFileHandle> Held = [];

    /// <summary>
    /// Call first, before anything opens a file: on Unix, when descriptor 1 is closed (<c>&gt;&amp;-</c>), the next file or
    /// duplicate the process opens would get it, and what the command prints would go into that file. So /dev/null is
    /// opened onto descriptor 1, and <see cref="ClosedAtStart"/> makes every write to standard output fail as closed
    /// (<see cref="StandardOutputClosedException"/>).
    /// </summary>
    public static void ReserveIfClosed()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        try
        {
            Console.OpenStandardOutput().Dispose(); // duplicates descriptor 1: fails when it is closed
            return;
        }
        catch (Exception e) when (StandardOutputClosedException.IsClosed(e))
        {
            ClosedAtStart = true;
        }

        // A new descriptor is the lowest free one: 1, unless 0 is closed too (then 0 first).
        for (int i = 0; i < 3 && _reserved is null; i++)
        {
            SafeFileHandle handle = File.OpenHandle("/dev/null", FileMode.Open, FileAccess.Write);
            if (handle.DangerousGetHandle() == 1)
            {
                _reserved = handle;
            }
            else if (handle.DangerousGetHandle() < 1)
            {
                Held.Add(handle); // descriptor 0: kept open, so that the next open takes 1
            }
            else
            {
                handle.Dispose();
                break;
            }
        }
    }

    /// <summary>Opens standard output. On Unix a pipe, FIFO or terminal is written through its file descriptor, so a
    /// reader that has gone (<c>| head</c>) raises <see cref="ClosedPipeException"/> at the next write. A regular file
    /// (<c>&gt; out.tsv</c>) goes through the console stream, whose write(2) calls move the offset the descriptor shares
    /// with the shell: a file stream writes at its own position and would let the next command in
    /// <c>{ textaugment …; echo done; } &gt; out</c> or a shard loop overwrite the output.</summary>
    public static Stream Open()
    {
        if (ClosedAtStart)
        {
            throw new StandardOutputClosedException();
        }

        if (OperatingSystem.IsWindows())
        {
            return new StandardOutput(Console.OpenStandardOutput());
        }

        FileStream descriptor;
        try
        {
            descriptor = new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0);
        }
        catch (Exception e) when (StandardOutputClosedException.IsClosed(e))
        {
            throw new StandardOutputClosedException(e);
        }

        if (!descriptor.CanSeek)
        {
            return new StandardOutput(descriptor);
        }

        descriptor.Dispose();
        return new StandardOutput(Console.OpenStandardOutput());
    }

    /// <inheritdoc/>
    public override bool CanRead => false;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override bool CanWrite => true;

    /// <inheritdoc/>
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <inheritdoc/>
    public override void Flush() => Guard(() => _inner.Flush());

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <inheritdoc/>
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        try
        {
            _inner.Write(buffer);
        }
        catch (IOException e) when (IsClosedPipe(e))
        {
            throw new ClosedPipeException(e);
        }
        catch (Exception e) when (StandardOutputClosedException.IsClosed(e))
        {
            throw new StandardOutputClosedException(e);
        }

        Interlocked.Add(ref _lines, buffer.Count((byte)'\n'));
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private static void Guard(Action action)
    {
        try
        {
            action();
        }
        catch (IOException e) when (IsClosedPipe(e))
        {
            throw new ClosedPipeException(e);
        }
        catch (Exception e) when (StandardOutputClosedException.IsClosed(e))
        {
            throw new StandardOutputClosedException(e);
        }
    }

    // EPIPE is 32 on Linux and macOS; Windows reports ERROR_NO_DATA (232) or ERROR_BROKEN_PIPE (109).
    private static bool IsClosedPipe(IOException e) => e is not ClosedPipeException && (e.HResult & 0xFFFF) is 32 or 109 or 232;
}

/// <summary>The reader of standard output has gone (for example <c>textaugment augment … | head</c>): stop quietly.</summary>
public sealed class ClosedPipeException(IOException inner) : IOException("standard output was closed by its reader", inner);

/// <summary>
/// Standard output is closed (<c>&gt;&amp;-</c>: its descriptor is not open, EBADF), so nothing can be written there: a failure
/// of the run (exit 1), reported as a full standard output is (<see cref="DiskFullException"/>), naming what had been written
/// before it, in place of .NET's "Access to the path is denied".
/// </summary>
public sealed class StandardOutputClosedException : IOException
{
    /// <summary>Creates the exception for the system's error <paramref name="innerException"/>.</summary>
    /// <param name="innerException">The system's error (EBADF), or null.</param>
    public StandardOutputClosedException(Exception? innerException)
        : base("cannot write standard output: standard output is closed (bad file descriptor, as after >&-). Run the command with standard output open: > FILE, or > /dev/null to discard what it prints.", innerException)
    {
    }

    /// <summary>Creates the exception without the system's error.</summary>
    public StandardOutputClosedException()
        : this((Exception?)null)
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public StandardOutputClosedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public StandardOutputClosedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// Whether <paramref name="error"/>, from a write to standard output, says its descriptor is not open: EBADF (9), which
    /// .NET raises as an <see cref="UnauthorizedAccessException"/> ("Access to the path is denied") around an
    /// <see cref="IOException"/>, or ERROR_INVALID_HANDLE (6) on Windows.
    /// </summary>
    /// <param name="error">The error of the write.</param>
    public static bool IsClosed(Exception error) => error switch
    {
        StandardOutputClosedException => true,
        UnauthorizedAccessException => true,
        IOException io when io is not DiskFullException and not ClosedPipeException => (io.HResult & 0xFFFF) is 9 || (OperatingSystem.IsWindows() && (io.HResult & 0xFFFF) is 6),
        _ => false,
    };
}
