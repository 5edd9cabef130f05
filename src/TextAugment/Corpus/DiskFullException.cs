namespace TextAugment.Corpus;

/// <summary>
/// An output could not be written because its device is full (ENOSPC on Unix, ERROR_DISK_FULL on Windows): thrown by
/// <see cref="AtomicOutput"/> and <see cref="StandardOutput"/> in place of the system's bare "No space left on device",
/// naming the output as the user gave it. A file written atomically is then not in place: its temporary file is deleted,
/// and whatever was under the name before is unchanged.
/// </summary>
public sealed class DiskFullException : IOException
{
    /// <summary>Creates the exception for the output <paramref name="output"/> (a path, or <c>-</c> for standard output).</summary>
    /// <param name="output">The output as the user named it.</param>
    /// <param name="atomic">Whether it was written under a temporary name (so nothing is left under its own name).</param>
    /// <param name="innerException">The system's error.</param>
    public DiskFullException(string output, bool atomic, Exception? innerException)
        : base(Describe(output, atomic), innerException)
    {
        Output = output;
    }

    /// <summary>Creates the exception without details.</summary>
    public DiskFullException()
    {
        Output = "";
    }

    /// <summary>Creates the exception with a message.</summary>
    public DiskFullException(string message)
        : base(message)
    {
        Output = "";
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public DiskFullException(string message, Exception innerException)
        : base(message, innerException)
    {
        Output = "";
    }

    /// <summary>The output as the user named it; <c>-</c> for standard output.</summary>
    public string Output { get; }

    /// <summary>Whether <paramref name="error"/> says the device is full: ENOSPC (28) on Linux and macOS, ERROR_HANDLE_DISK_FULL (39) or ERROR_DISK_FULL (112) on Windows.</summary>
    public static bool IsDiskFull(IOException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error is DiskFullException || (error.HResult & 0xFFFF) is 28 or 39 or 112;
    }

    private static string Describe(string output, bool atomic) =>
        $"cannot write {(output == "-" ? "standard output" : $"'{output}'")}: the device is full (ENOSPC: no space left on device)"
        + (atomic ? $"; '{output}' was not written (its temporary file is deleted; a file already there is unchanged)" : "")
        + ". Free space on that device, or write the output elsewhere.";
}
