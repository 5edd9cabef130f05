namespace TextAugment.Pipelines;

/// <summary>One mistake in a pipeline file, at a position (1-based line and column).</summary>
/// <param name="File">The pipeline file.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
/// <param name="Message">What is wrong and what would be right.</param>
public sealed record PipelineError(string File, long Line, long Column, string Message)
{
    /// <summary>The mistake's byte offset in the file (a NUL or invalid UTF-8 byte), or -1 when it is given by line and column only.</summary>
    public long ByteOffset { get; init; } = -1;

    /// <summary><c>file:line:column: message</c>, with <c>(byte N of the file)</c> after the column when <see cref="ByteOffset"/> is known (<see cref="DataFormatException.Where"/>).</summary>
    public override string ToString() => $"{DataFormatException.Where(File, Line, Column, ByteOffset)}: {Message}";
}

/// <summary>A pipeline file has mistakes; <see cref="Errors"/> lists every one found, in file order.</summary>
public sealed class PipelineException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PipelineException(IReadOnlyList<PipelineError> errors)
        : base(string.Join(Environment.NewLine, errors))
    {
        Errors = errors;
    }

    /// <summary>The mistakes.</summary>
    public IReadOnlyList<PipelineError> Errors { get; }
}
