using System.Text.RegularExpressions;

namespace TextAugment.Text;

/// <summary>What <see cref="Protection"/> protects. Every property has a documented default.</summary>
public sealed class ProtectionOptions
{
    /// <summary>Stop words: substitution stages skip them unless asked. Default: the built-in English list; null for none.</summary>
    public WordSet? StopWords { get; init; } = WordSet.EnglishStopWords;

    /// <summary>Words never changed, in any case. Default: none.</summary>
    public IReadOnlyList<string> Words { get; init; } = [];

    /// <summary>
    /// Regular expressions matched against the whole text; every token that overlaps a match is protected.
    /// Default: none.
    /// </summary>
    public IReadOnlyList<string> Patterns { get; init; } = [];

    /// <summary>Protect numbers and words that contain a digit (<c>42</c>, <c>3.14</c>, <c>COVID-19</c>). Default: true.</summary>
    public bool Numbers { get; init; } = true;

    /// <summary>Protect URLs (<c>https://…</c>, <c>www.…</c>). Default: true.</summary>
    public bool Urls { get; init; } = true;

    /// <summary>Protect e-mail addresses. Default: true.</summary>
    public bool Emails { get; init; } = true;
}

/// <summary>
/// Marks the tokens of a sentence that no stage may change (<see cref="TokenFlags.Protected"/>) and the
/// stop words (<see cref="TokenFlags.StopWord"/>). Immutable and thread-safe.
/// </summary>
public sealed partial class Protection
{
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromSeconds(1);
    private readonly ProtectionOptions _options;
    private readonly WordSet? _words;
    private readonly Regex[] _patterns;

    private Protection(ProtectionOptions options)
    {
        _options = options;
        _words = options.Words.Count > 0 ? new WordSet(options.Words) : null;
        _patterns = new Regex[options.Patterns.Count];
        for (int i = 0; i < _patterns.Length; i++)
        {
            _patterns[i] = new Regex(options.Patterns[i], RegexOptions.CultureInvariant | RegexOptions.Compiled, PatternTimeout);
        }
    }

    /// <summary>English stop words; numbers, URLs and e-mail addresses protected.</summary>
    public static Protection Default { get; } = new(new ProtectionOptions());

    /// <summary>Nothing protected and no stop words.</summary>
    public static Protection None { get; } = new(new ProtectionOptions { StopWords = null, Numbers = false, Urls = false, Emails = false });

    /// <summary>Creates a protection from <paramref name="options"/> (default: <see cref="Default"/>'s).</summary>
    /// <exception cref="ArgumentException">A pattern is not a valid regular expression.</exception>
    public static Protection Create(ProtectionOptions? options = null) => new(options ?? new ProtectionOptions());

    /// <summary>Sets the protection and stop-word marks on the tokens of <paramref name="tokens"/>.</summary>
    public void Mark(TokenList tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        for (int i = 0; i < tokens.Count; i++)
        {
            Token t = tokens[i];
            if (t.Kind == TokenKind.Number)
            {
                if (_options.Numbers)
                {
                    tokens[i] = t.With(TokenFlags.Protected);
                }

                continue;
            }

            if (t.Kind != TokenKind.Word)
            {
                continue;
            }

            TokenFlags flags = TokenFlags.None;
            if (_options.StopWords?.Contains(t.Span) == true)
            {
                flags |= TokenFlags.StopWord;
            }

            if ((_options.Numbers && t.Span.IndexOfAnyInRange('0', '9') >= 0) || _words?.Contains(t.Span) == true)
            {
                flags |= TokenFlags.Protected;
            }

            if (flags != TokenFlags.None)
            {
                tokens[i] = t.With(flags);
            }
        }

        string text = tokens.Source;
        if (_options.Urls && (text.Contains("://", StringComparison.Ordinal) || text.Contains("www.", StringComparison.OrdinalIgnoreCase)))
        {
            ProtectMatches(tokens, UrlPattern());
        }

        if (_options.Emails && text.Contains('@', StringComparison.Ordinal))
        {
            ProtectMatches(tokens, EmailPattern());
        }

        foreach (Regex pattern in _patterns)
        {
            ProtectMatches(tokens, pattern);
        }
    }

    private static void ProtectMatches(TokenList tokens, Regex pattern)
    {
        int next = 0;
        foreach (ValueMatch match in pattern.EnumerateMatches(tokens.Source))
        {
            int end = match.Index + match.Length;
            for (; next < tokens.Count; next++)
            {
                Token t = tokens[next];
                if (t.Offset + t.Length <= match.Index)
                {
                    continue;
                }

                if (t.Offset >= end && match.Length > 0)
                {
                    break;
                }

                if (match.Length > 0)
                {
                    tokens[next] = t.With(TokenFlags.Protected);
                }
                else
                {
                    break;
                }
            }
        }
    }

    [GeneratedRegex(@"(?:\b[A-Za-z][A-Za-z0-9+.-]*://|\bwww\.)\S+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();
}
