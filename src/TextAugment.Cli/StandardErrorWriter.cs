using System.Text;

namespace TextAugment.Cli;

/// <summary>
/// Standard error as every command writes its messages (progress, warnings, the summary line, error reports): best effort.
/// A write that fails (a full device, <c>2&gt;/dev/full</c>; a closed pipe, EPIPE; a closed descriptor, <c>2&gt;&amp;-</c>) is
/// dropped, and so is every later one, so that a message nobody can read never changes what the run does or its exit code.
/// </summary>
internal sealed class StandardErrorWriter(TextWriter inner) : TextWriter
{
    private volatile bool _failed;

    /// <summary>Whether a write to standard error has failed (and later messages were dropped).</summary>
    public bool Failed => _failed;

    /// <inheritdoc/>
    public override Encoding Encoding => inner.Encoding;

    /// <inheritdoc/>
    public override IFormatProvider FormatProvider => inner.FormatProvider;

    /// <inheritdoc/>
    public override string NewLine
    {
        get => inner.NewLine;
#pragma warning disable CS8765 // TextWriter.NewLine's setter takes null (the default line end); the inner writer does.
        set => inner.NewLine = value;
#pragma warning restore CS8765
    }

    /// <inheritdoc/>
    public override void Write(char value) => Try(() => inner.Write(value));

    /// <inheritdoc/>
    public override void Write(char[] buffer, int index, int count) => Try(() => inner.Write(buffer, index, count));

    /// <inheritdoc/>
    public override void Write(string? value) => Try(() => inner.Write(value));

    /// <inheritdoc/>
    public override void WriteLine(string? value) => Try(() => inner.WriteLine(value));

    /// <inheritdoc/>
    public override void Flush() => Try(inner.Flush);

    private void Try(Action write)
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
