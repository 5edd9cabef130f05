namespace TextAugment.Tests;

/// <summary>
/// Test classes that swap the process-wide <see cref="Console.Error"/> run one at a time: two of them in parallel
/// would restore each other's writer and lose a command's messages.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Console.Error";
}
