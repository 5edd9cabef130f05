namespace TextAugment.Corpus;

/// <summary>A run would write over a file it reads (the same device and inode, whatever the spelling of the paths).</summary>
public sealed class OutputIsInputException : ArgumentException
{
    /// <summary>Creates the exception with a message that names both paths.</summary>
    public OutputIsInputException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public OutputIsInputException()
    {
    }

    /// <summary>Creates the exception with an inner exception.</summary>
    public OutputIsInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
