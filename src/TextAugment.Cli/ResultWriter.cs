using TextAugment.Corpus;

namespace TextAugment.Cli;

/// <summary>
/// Standard output as the commands print their results (tables, summaries, JSON): a full device (ENOSPC) is reported as a
/// <see cref="DiskFullException"/> naming standard output, not as the system's bare "No space left on device"; a closed
/// one (<c>&gt;&amp;-</c>) as a <see cref="StandardOutputClosedException"/>, not as "Access to the path is denied". Both are
/// failures of the run (exit 1) that say what had been written (<see cref="TextAugmentApp.Report"/>).
/// </summary>
internal sealed class ResultWriter(TextWriter inner) : GuardedWriter(inner)
{
    /// <summary>
    /// <see cref="Console.Out"/>, or where standard output is closed (<c>&gt;&amp;-</c>) and opening it fails (as it does at
    /// once in a Native AOT build), a writer whose every write fails as a closed standard output's does.
    /// </summary>
    public static TextWriter OpenStandardOutput()
    {
        if (StandardOutput.ClosedAtStart)
        {
            return new ClosedWriter(new StandardOutputClosedException());
        }

        try
        {
            return Console.Out;
        }
        catch (Exception e) when (StandardOutputClosedException.IsClosed(e))
        {
            return new ClosedWriter(e);
        }
    }

    private sealed class ClosedWriter(Exception error) : TextWriter
    {
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value) => throw new StandardOutputClosedException(error);
    }

    /// <inheritdoc/>
    protected override void Guard(Action write)
    {
        try
        {
            write();
        }
        catch (IOException e) when (e is not DiskFullException && DiskFullException.IsDiskFull(e))
        {
            throw new DiskFullException("-", atomic: false, e);
        }
        catch (Exception e) when (e is not DiskFullException && StandardOutputClosedException.IsClosed(e) && e is not StandardOutputClosedException)
        {
            throw new StandardOutputClosedException(e);
        }
    }
}
