namespace TextAugment.Onnx;

/// <summary>
/// <see cref="MaskedLanguageModelOptions.MaxSequenceLength"/> asks for more positions than the model has: past its
/// position table the model fails in the middle of a run. Thrown when the model is loaded.
/// </summary>
public sealed class SequenceLengthException : ArgumentOutOfRangeException
{
    /// <summary>Creates the exception for <paramref name="requested"/> word pieces where the model takes <paramref name="limit"/>, known from <paramref name="source"/>.</summary>
    public SequenceLengthException(int requested, int limit, string source)
        : base(nameof(MaskedLanguageModelOptions.MaxSequenceLength), requested, Describe(requested, limit, source))
    {
        Requested = requested;
        Limit = limit;
        Reason = Describe(requested, limit, source);
    }

    /// <summary>Creates the exception without details.</summary>
    public SequenceLengthException()
    {
        Reason = "";
    }

    /// <summary>Creates the exception with a message.</summary>
    public SequenceLengthException(string message)
        : base(message)
    {
        Reason = message;
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public SequenceLengthException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = message;
    }

    /// <summary>The length asked for.</summary>
    public int Requested { get; }

    /// <summary>The most the model takes.</summary>
    public int Limit { get; }

    /// <summary>The message without .NET's parameter and value lines.</summary>
    public string Reason { get; }

    private static string Describe(int requested, int limit, string source) =>
        $"max_length {requested} is more than the model takes: {limit} positions ({source}); give max_length {limit} or less, or leave it out (the model's {limit} is the default).";
}
