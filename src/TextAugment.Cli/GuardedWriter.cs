using System.Text;

namespace TextAugment.Cli;

/// <summary>
/// A text writer that passes every write to <paramref name="inner"/> through <see cref="Guard"/>, which decides what a failed
/// write means: <see cref="StandardErrorWriter"/> drops it, <see cref="ResultWriter"/> names the full device.
/// </summary>
internal abstract class GuardedWriter(TextWriter inner) : TextWriter
{
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
    public override void Write(char value) => Guard(() => inner.Write(value));

    /// <inheritdoc/>
    public override void Write(char[] buffer, int index, int count) => Guard(() => inner.Write(buffer, index, count));

    /// <inheritdoc/>
    public override void Write(string? value) => Guard(() => inner.Write(value));

    /// <inheritdoc/>
    public override void WriteLine(string? value) => Guard(() => inner.WriteLine(value));

    /// <inheritdoc/>
    public override void Flush() => Guard(inner.Flush);

    /// <summary>Runs one write of the inner writer.</summary>
    protected abstract void Guard(Action write);
}
