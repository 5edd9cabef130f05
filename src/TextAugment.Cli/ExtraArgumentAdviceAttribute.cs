namespace TextAugment.Cli;

/// <summary>
/// What to do instead of giving a command one positional argument more than it takes (<c>predict m.tam test.txt</c>),
/// said after the arguments it takes (<see cref="TextAugmentApp.ExtraArgument"/>). In <see cref="Advice"/>, each argument's
/// name in angle brackets (<c>&lt;MODEL&gt;</c>) stands for the value given, and <c>&lt;EXTRA&gt;</c> for the word too many.
/// Read from the command's own settings class only (not inherited): run and validate share augment's arguments, not its advice.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
internal sealed class ExtraArgumentAdviceAttribute(string advice) : Attribute
{
    /// <summary>The advice, in words, with the placeholders above.</summary>
    public string Advice { get; } = advice;
}
