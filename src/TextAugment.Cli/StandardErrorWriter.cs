namespace TextAugment.Cli;

/// <summary>
/// Standard error as every command writes its messages (progress, warnings, the summary line, error reports): best effort.
/// A write that fails (a full device, <c>2&gt;/dev/full</c>; a closed pipe, EPIPE; a closed descriptor, <c>2&gt;&amp;-</c>) is
/// dropped, and so is every later one, so that a message nobody can read never changes what the run does or its exit code.
/// </summary>
internal sealed class StandardErrorWriter(TextWriter inner) : GuardedWriter(inner)
{
    private volatile bool _failed;

    /// <summary>Whether a write to standard error has failed (and later messages were dropped).</summary>
    public bool Failed => _failed;

    /// <inheritdoc/>
    protected override void Guard(Action write)
    {
        if (_failed)
        {
            return;
        }

        try
        {
            write();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or UnauthorizedAccessException)
        {
            _failed = true;
        }
    }
}
