using TextAugment.Text;

namespace TextAugment.Tests;

/// <summary>
/// <see cref="InvariantCase.ToLower"/> lowers every word every list looks up, ASCII by the vectorized ASCII routine and the
/// rest by the invariant culture: each path must give <see cref="MemoryExtensions.ToLowerInvariant"/>'s result.
/// </summary>
public class InvariantCaseTests
{
    [Fact]
    public void Every_word_is_lowered_as_ToLowerInvariant_lowers_it_at_every_length_and_in_every_script()
    {
        var random = new Random(11);
        string alphabet = "AZaz@[`{09 -'.ÀÉéİıßΣσЖж中文ＡＺ\u0130\u212A";
        for (int n = 0; n < 20_000; n++)
        {
            int length = random.Next(41);
            bool ascii = random.Next(2) == 0;
            var chars = new char[length];
            for (int i = 0; i < length; i++)
            {
                chars[i] = ascii ? (char)random.Next(0x20, 0x7F) : alphabet[random.Next(alphabet.Length)];
            }

            var expected = new char[length];
            var actual = new char[length + 3];
            chars.AsSpan().ToLowerInvariant(expected);
            InvariantCase.ToLower(chars, actual);
            Assert.Equal(new string(expected), new string(actual, 0, length));
        }
    }
}
