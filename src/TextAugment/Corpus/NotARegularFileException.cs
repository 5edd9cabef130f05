namespace TextAugment.Corpus;

/// <summary>
/// A file that must be read whole, read twice or measured (a dictionary, word vectors, a model, a sharded input) is a
/// device, FIFO or socket such as <c>/dev/zero</c>: reading it could never end; or standard input is a folder.
/// </summary>
public sealed class NotARegularFileException : ArgumentException
{
    /// <summary>Creates the exception with a message that names the path.</summary>
    public NotARegularFileException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public NotARegularFileException()
    {
    }

    /// <summary>Creates the exception with an inner exception.</summary>
    public NotARegularFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
