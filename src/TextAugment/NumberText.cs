using System.Globalization;

namespace TextAugment;

/// <summary>
/// The one rule for a number written as an option's value (<c>--threads 2</c>, <c>--shard 2/8</c>, <c>--epochs 5</c>,
/// <c>--lr 0.05</c>, a list item of <c>--hidden 64,32</c>): the characters of the number and nothing else. A whole number
/// is ASCII digits with an optional leading <c>-</c>; a real number is that with an optional fraction and exponent
/// (<c>0.5</c>, <c>.5</c>, <c>1e-3</c>). White space and a leading <c>+</c> are refused everywhere alike (.NET's default
/// parsing takes <c>" 1"</c> and <c>+1</c> in some places and not in others). Leading zeros are taken (<c>02/16</c>, as the
/// names of shard outputs write K).
/// </summary>
internal static class NumberText
{
    /// <summary>Whether <paramref name="text"/> is a whole number by this rule (any magnitude: a range check says when it is too large).</summary>
    public static bool IsWholeNumber(ReadOnlySpan<char> text)
    {
        ReadOnlySpan<char> digits = text.StartsWith('-') ? text[1..] : text;
        return digits.Length > 0 && !digits.ContainsAnyExceptInRange('0', '9');
    }

    /// <summary>Parses a whole number by this rule into an <see cref="int"/>; false when it is not one or does not fit.</summary>
    public static bool TryParseInt32(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        return IsWholeNumber(text) && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Parses a whole number by this rule into a <see cref="long"/>; false when it is not one or does not fit.</summary>
    public static bool TryParseInt64(ReadOnlySpan<char> text, out long value)
    {
        value = 0;
        return IsWholeNumber(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Parses a whole number by this rule of any size; false when it is not one.</summary>
    public static bool TryParseBig(ReadOnlySpan<char> text, out System.Numerics.BigInteger value)
    {
        value = default;
        return IsWholeNumber(text) && System.Numerics.BigInteger.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>
    /// Whether <paramref name="text"/> is a real number by this rule: ASCII digits with an optional leading <c>-</c>, an
    /// optional fraction and an optional exponent, of any magnitude (<c>1e400</c> is a number, too large for a
    /// <see cref="double"/>: a range check says so). NaN and infinities are not.
    /// </summary>
    public static bool IsRealNumber(ReadOnlySpan<char> text) => TryParseAny(text, out _); // a value past the double range parses as an infinity

    /// <summary>
    /// Parses a real number by this rule (<see cref="IsRealNumber"/>: no white space, no leading <c>+</c>; a fraction and an
    /// exponent allowed) into a finite <see cref="double"/>; false otherwise, also for a number past the range of a double
    /// (<see cref="IsRealNumber"/> tells it from a word that is no number).
    /// </summary>
    public static bool TryParseDouble(ReadOnlySpan<char> text, out double value) => TryParseAny(text, out value) && double.IsFinite(value);

    /// <summary>Parses <paramref name="text"/> by this rule into a <see cref="double"/>, an infinity when it is past the range.</summary>
    private static bool TryParseAny(ReadOnlySpan<char> text, out double value)
    {
        value = 0;
        return text.Length > 0 && !text.StartsWith('+') && !text.ContainsAnyExcept(RealNumberCharacters)
            && double.TryParse(text, RealNumberStyle, CultureInfo.InvariantCulture, out value);
    }

    private const NumberStyles RealNumberStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    private static readonly System.Buffers.SearchValues<char> RealNumberCharacters = System.Buffers.SearchValues.Create("0123456789.eE+-");
}
