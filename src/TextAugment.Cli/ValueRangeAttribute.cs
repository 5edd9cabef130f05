namespace TextAugment.Cli;

/// <summary>
/// The valid range of a whole-number option of a command's settings, checked (with the value as given echoed) before
/// the settings are built; see <see cref="TextAugmentApp.BadNumber"/>. Without it, the range is the property type's.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class ValueRangeAttribute(long minimum, long maximum) : Attribute
{
    /// <summary>The smallest valid value.</summary>
    public long Minimum { get; } = minimum;

    /// <summary>The largest valid value.</summary>
    public long Maximum { get; } = maximum;
}
