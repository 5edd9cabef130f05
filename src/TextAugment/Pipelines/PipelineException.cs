namespace TextAugment.Pipelines;

/// <summary>One mistake in a pipeline file, at a position (1-based line and column).</summary>
/// <param name="File">The pipeline file.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
/// <param name="Message">What is wrong and what would be right.</param>
public sealed record PipelineError(string File, long Line, long Column, string Message)
{
    /// <summary><c>file:line:column: message</c>.</summary>
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
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
