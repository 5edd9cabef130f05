namespace TextAugment.Classification;

/// <summary>
/// Training diverged: a loss or a weight became infinite or NaN, because the learning rate was too large for the data.
/// The trainer returns no model then (one with such weights predicts one class for everything). The message names the
/// epoch, the learning rate and optimizer, and what to lower.
/// </summary>
public sealed class TrainingDivergedException : ArgumentException
{
    /// <summary>Creates the exception with its message; the parameter is <c>learning_rate</c>.</summary>
    public TrainingDivergedException(string message)
        : base(message, "learning_rate")
    {
    }

    /// <summary>Creates the exception without a message.</summary>
    public TrainingDivergedException()
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public TrainingDivergedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
