namespace TextAugment.Corpus;

/// <summary>
/// An output path that cannot be written, found before any work is done: a folder where a file is wanted, a file where a
/// folder is wanted, or a folder the run may not write in.
/// </summary>
public sealed class UnwritableOutputException : ArgumentException
{
    /// <summary>Creates the exception with a message that names the path and what would be right.</summary>
    public UnwritableOutputException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public UnwritableOutputException()
    {
    }

    /// <summary>Creates the exception with an inner exception.</summary>
    public UnwritableOutputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
