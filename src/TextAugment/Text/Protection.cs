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

    /// <summary>
    /// Where each of <see cref="Patterns"/> was written (such as <c>pipeline.yaml:4:17</c>), index for index, so that a
    /// pattern that times out is named with its place. Default: none (the error names the pattern only).
    /// </summary>
    public IReadOnlyList<string> PatternLocations { get; init; } = [];

    /// <summary>
    /// Protect numbers and words that contain a decimal digit of any script (<c>42</c>, <c>3.14</c>, <c>COVID-19</c>,
    /// full-width <c>２０２４</c>: Unicode category Nd), and Chinese numbers: words made only of Chinese numeral characters
    /// (三千五百, 两, 壹仟), also with the unit or 半 jieba joins to them (两个, 四年, 三点, 三点半, 半), but not 一 alone or
    /// with a unit (一个, 一点 "a little") (see <see cref="Digits.IsChineseNumber"/>), and English number words in any case
    /// (three, twenty, hundred, million, first, twentieth, twice, dozen, half, Roman ii–xx, hyphenated twenty-one, tenfold;
    /// dictionaries/numbers-en.txt, see <see cref="NumberWords"/>). Default: true.
    /// </summary>
    public bool Numbers { get; init; } = true;

    /// <summary>
    /// Protect URLs, each whole. Default: true.
    /// <list type="bullet">
    /// <item>From a scheme (<c>https://</c>) or <c>www.</c>, with non-ASCII hosts and paths (IRIs, RFC 3987:
    /// <c>https://例子.com/路径</c>), up to white space, CJK or full-width punctuation (。，！？、）」) or trailing ASCII
    /// sentence punctuation (<c>. , : ; ! ? ' "</c>). CJK ideographs written straight after an ASCII letter or digit end
    /// the URL (<c>https://x.org/film了解更多</c>: Chinese text after it).</item>
    /// <item>Bare domains: ASCII labels joined by dots, not inside a longer name, e-mail address or path. With a path,
    /// any top-level domain of two or more letters (<c>example.com/big</c>, <c>docs.python.org/3/library</c>); without
    /// one, a common top-level domain in lower case (com, net, org, edu, gov, mil, int, info, biz, io, ai, co, app, dev,
    /// cn, uk, de, jp, fr, ru, eu, au, ca, ch, nl, kr, tw, hk) not followed by a letter, digit or dotted word — so
    /// <c>e.g.</c>, <c>U.S.</c>, <c>end.Then</c>, <c>3.5</c> and file names (<c>model.onnx</c>, <c>setup.py</c>) are
    /// not domains. Internationalized bare domains (<c>例子.com</c> without a scheme) are not recognised.</item>
    /// <item>IP and local hosts: an IPv4 address with a port or a path (<c>192.168.0.1/big</c>, <c>10.0.0.1:8080</c>), a
    /// bracketed IPv6 address or <c>localhost</c> in any case, with an optional port and path (<c>[2001:db8::1]/big</c>,
    /// <c>localhost:8080</c>), ending as the URLs above do.</item>
    /// </list>
    /// </summary>
    public bool Urls { get; init; } = true;

    /// <summary>
    /// Protect e-mail addresses. Chinese written straight before or after the ASCII part is not part of the address
    /// (<c>请联系support@example.com获取帮助</c>); a Chinese local part is the last two ideographs before the <c>@</c>, and
    /// a Chinese last label the first two after the final dot, each with the words the segmenter cuts around them
    /// (<c>邮箱是张三@例子.中国谢谢</c> protects <c>张三@例子.中国</c>). Default: true.
    /// </summary>
    public bool Emails { get; init; } = true;

    /// <summary>
    /// Negators (<c>not</c>, <c>no</c>, <c>never</c>, <c>without</c>, the apostrophe-less <c>dont</c>, <c>isnt</c> …, any
    /// word ending in <c>n't</c> with any apostrophe: ' ’ ‘ ʼ ʹ ＇; the list is dictionaries/negators-en.txt): changing, deleting or moving one flips a label. A one-character negator of an
    /// unspaced script in the list also marks the words jieba joins it into: every word it starts (不去, 不想, 未能; also
    /// 非常 "very" and 未来 "future": over-protection is the safe side), and, for 不 没 未 无 勿 毋, every word that holds it
    /// (看不见, 从来不, 有没有) — not for 非 别 莫 否, which inside a word are mostly other words (南非, 特别, 约莫, 是否).
    /// Null for none. A list with words the built-in lists lack is also what substitution candidates are checked against
    /// (<see cref="Augmenters.SubstitutionOptions.Allows(ReadOnlySpan{char}, ReadOnlySpan{char}, Protection)"/>), besides the
    /// built-in negators every candidate is checked against.
    /// Default: <see cref="WordSet.EnglishNegators"/>.
    /// </summary>
    public WordSet? Negators { get; init; } = WordSet.EnglishNegators;

    /// <summary>
    /// Capitalised words inside a sentence (likely names: "John", "Bill Gates"), a capitalised common given name at the
    /// start of one ("Jack called Bill": <see cref="Protection.GivenNames"/>, dictionaries/given-names-en.txt), and in
    /// unspaced scripts the words the segmenter knows as proper nouns (<see cref="Segmenter.IsProperNoun"/>: 张伟, 北京,
    /// 上海, 联合国 with <see cref="JiebaSegmenter"/>): <see cref="NamePolicy.Keep"/> protects them, a multi-word name as
    /// one unit (with a capitalised sentence-initial word before it). Default: <see cref="NamePolicy.Keep"/>.
    /// </summary>
    public NamePolicy Names { get; init; } = NamePolicy.Keep;

    /// <summary>Protect template placeholders in brackets, braces or angle brackets (<c>[id]</c>, <c>{user_name}</c>, <c>&lt;PRODUCT&gt;</c>). Default: true.</summary>
    public bool Placeholders { get; init; } = true;

    /// <summary>Protect hashtags (<c>#blessed</c>). Default: true.</summary>
    public bool Hashtags { get; init; } = true;

    /// <summary>Protect @mentions (<c>@user</c>). Default: true.</summary>
    public bool Mentions { get; init; } = true;

    /// <summary>
    /// How <see cref="Words"/> are cut into words: give the segmenter the text is tokenized with, so that a protected
    /// Chinese phrase (人工智能技术) matches the words jieba cuts it into. Default: <see cref="Segmenter.None"/>.
    /// </summary>
    public Segmenter Segmenter { get; init; } = Segmenter.None;
}

/// <summary>What happens to likely names: capitalised words inside a sentence, and the proper nouns a segmenter knows (<see cref="ProtectionOptions.Names"/>).</summary>
public enum NamePolicy
{
    /// <summary>Protected: no stage changes or moves them.</summary>
    Keep,
    /// <summary>Treated like any other word.</summary>
    Replace,
}

/// <summary>
/// Marks the tokens of a sentence that no stage may change (<see cref="TokenFlags.Protected"/>) and the
/// stop words (<see cref="TokenFlags.StopWord"/>). Immutable and thread-safe.
/// </summary>
public sealed partial class Protection
{
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromSeconds(1);

    // "www." in any case, found by a vectorized search (string.Contains with OrdinalIgnoreCase compares at every position).
    private static readonly System.Buffers.SearchValues<string> Www = System.Buffers.SearchValues.Create(["www."], StringComparison.OrdinalIgnoreCase);

    // ':' of "://", '@' of e-mail addresses and mentions, '[', '{', '<' of placeholders, '#' of hashtags.
    private static readonly System.Buffers.SearchValues<char> PatternTriggers = System.Buffers.SearchValues.Create(":@[{<#");
    private readonly ProtectionOptions _options;
    private readonly WordSet? _words;
    private readonly WordMap<byte> _lists;
    private readonly List<string[]> _phrases = [];
    private readonly Regex[] _patterns;
    // The negator rule for the configured list (its n't and one-character Chinese negator rules); null for none.
    private readonly NegatorRule? _negators;

    /// <summary>
    /// The rule of <see cref="ProtectionOptions.Negators"/> when the list holds a word the built-in lists lack (a list of
    /// one's own), else null: what substitution candidates are checked against besides <see cref="NegatorRule.BuiltIn"/>
    /// (<see cref="Augmenters.SubstitutionOptions.Allows(ReadOnlySpan{char}, ReadOnlySpan{char}, Protection)"/>). The same
    /// instance that marks the text's negators, so that a word protected in the text is never brought in as a candidate.
    /// Null for the built-in lists (every language's default), which the built-in rule covers.
    /// </summary>
    internal NegatorRule? CandidateNegators { get; }

    private Protection(ProtectionOptions options)
    {
        _options = options;
        var single = new List<string>();
        foreach (string w in options.Words)
        {
            // A protected entry matches the token sequence it tokenizes to: "[id]", "New York", "{user_name}".
            TokenList parts = TokenList.Create(w, None, options.Segmenter);
            // Phrase parts are kept in Simplified characters: a Chinese phrase matches in either script (SameWord).
            string[] sequence = [.. parts.AsSpan().ToArray().Where(t => t.Kind != TokenKind.Whitespace).Select(t => ChineseScript.ToSimplified(t.Span.ToString()))];
            if (sequence.Length == 1 && parts[0].Kind is TokenKind.Word or TokenKind.Number)
            {
                single.Add(sequence[0]);
            }
            else if (sequence.Length > 0)
            {
                _phrases.Add(sequence);
            }
        }

        _words = single.Count > 0 ? new WordSet(single) : null;
        _lists = ListsOf(options.StopWords, _words, options.Negators, options.Numbers ? NumberWords.List : null);
        _negators = options.Negators is null ? null : new NegatorRule(options.Negators);
        CandidateNegators = _negators is not null && _negators.List.Words.Any(w => !NegatorRule.BuiltIn.List.Contains(w)) ? _negators : null;
        _patterns = new Regex[options.Patterns.Count];
        for (int i = 0; i < _patterns.Length; i++)
        {
            _patterns[i] = new Regex(options.Patterns[i], RegexOptions.CultureInvariant | RegexOptions.Compiled, PatternTimeout);
        }
    }

    /// <summary>English stop words; numbers, URLs and e-mail addresses protected.</summary>
    public static Protection Default { get; } = new(new ProtectionOptions());

    /// <summary>Nothing protected and no stop words.</summary>
    public static Protection None { get; } = new(new ProtectionOptions
    {
        StopWords = null, Numbers = false, Urls = false, Emails = false, Negators = null, Names = NamePolicy.Replace,
        Placeholders = false, Hashtags = false, Mentions = false,
    });

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

            TokenFlags flags = Classify(t.Span);

            if (flags != TokenFlags.None)
            {
                tokens[i] = t.With(flags);
            }
        }

        ReadOnlySpan<char> text = tokens.Source;
        // One search for the characters every pattern below starts from (most texts have none), not one search per pattern.
        bool triggers = text.ContainsAny(PatternTriggers);
        if (_options.Urls && ((triggers && text.IndexOf("://", StringComparison.Ordinal) >= 0) || text.ContainsAny(Www)))
        {
            ProtectMatches(tokens, UrlPattern());
        }

        if (_options.Urls && HasDotInName(text))
        {
            ProtectMatches(tokens, BareDomainPattern());
        }

        if (_options.Urls && (HasPortOrPath(text) || text.ContainsAny(Localhost)))
        {
            ProtectMatches(tokens, AddressHostPattern());
        }

        if (_options.Emails && triggers && text.Contains('@'))
        {
            ProtectMatches(tokens, EmailPattern());
        }

        if (_options.Placeholders && triggers && text.IndexOfAny("[{<") >= 0)
        {
            ProtectMatches(tokens, PlaceholderPattern());
        }

        if (_options.Hashtags && triggers && text.Contains('#'))
        {
            ProtectMatches(tokens, HashtagPattern());
        }

        if (_options.Mentions && triggers && text.Contains('@'))
        {
            ProtectMatches(tokens, MentionPattern());
        }

        for (int i = 0; i < _patterns.Length; i++)
        {
            Regex pattern = _patterns[i];
            try
            {
                ProtectMatches(tokens, pattern);
            }
            catch (RegexMatchTimeoutException)
            {
                string start = text.Length > 80 ? string.Concat(text[..80], "…") : text.ToString();
                string where = i < _options.PatternLocations.Count ? $"{_options.PatternLocations[i]}: " : "";
                throw new ArgumentException(
                    $"{where}the protect pattern '{pattern}' took more than {PatternTimeout.TotalSeconds:0} s on a text of {text.Length:N0} characters ('{start}'): it backtracks catastrophically; simplify it (avoid nested quantifiers such as (a+)+).");
            }
        }

        foreach (string[] phrase in _phrases)
        {
            ProtectPhrase(tokens, phrase);
        }

        if (_options.Names == NamePolicy.Keep)
        {
            ProtectNames(tokens);
        }
    }

    /// <summary>
    /// Title case ("John", "McDonald") or an acronym of at most four capitals ("NASA"); a longer all-capitals word
    /// is emphasis ("GREAT"), not a name. One-letter words ("I", "A") are never names.
    /// </summary>
    private static bool IsNameLike(ReadOnlySpan<char> word)
    {
        if (word.Length < 2 || !char.IsUpper(word[0]))
        {
            return false;
        }

        foreach (char c in word[1..])
        {
            if (char.IsLower(c))
            {
                return true;
            }
        }

        return word.Length <= 4;
    }

    /// <summary>
    /// The marks a word gets from the word lists and the digit rule: <see cref="TokenFlags.StopWord"/>, and
    /// <see cref="TokenFlags.Protected"/> for a word with a digit, a protected word or a negator. The word is lowered
    /// once for every list (each list ignores case).
    /// </summary>
    private TokenFlags Classify(ReadOnlySpan<char> word)
    {
        if (word.Length > WordSet.MaxStackWord)
        {
            TokenFlags marks = _options.StopWords?.Contains(word) == true ? TokenFlags.StopWord : TokenFlags.None;
            return (_options.Numbers && (Digits.Contains(word) || Digits.IsChineseNumber(word) || NumberWords.IsNumberWord(word))) || _words?.Contains(word) == true
                   || _negators?.IsNegator(word) == true
                ? marks | TokenFlags.Protected
                : marks;
        }

        // One lookup in the three lists at once; a word with Traditional Chinese characters also as its Simplified form, as
        // WordSet.Contains does for each list.
        Span<char> lower = stackalloc char[word.Length];
        InvariantCase.ToLower(word, lower);
        byte lists = _lists.TryGetValue(lower, out byte found) ? found : (byte)0;
        bool negatorWord = _negators?.IsChineseNegatorWord(lower) == true;
        if (ChineseScript.HasTraditional(lower))
        {
            Span<char> simplified = stackalloc char[lower.Length];
            ChineseScript.ToSimplified(lower, simplified);
            lists |= _lists.TryGetValue(simplified, out found) ? found : (byte)0;
            negatorWord |= _negators?.IsChineseNegatorWord(simplified) == true;
        }

        TokenFlags flags = (lists & StopWordList) != 0 ? TokenFlags.StopWord : TokenFlags.None;
        // Ordinal on the lowered word is OrdinalIgnoreCase on the word for these endings: only n/N lower to n, t/T to t.
        bool negator = _negators is not null && ((lists & NegatorList) != 0 || NegatorRule.EndsWithNt(lower) || negatorWord);
        // The number-word list is in the lookup only when numbers are protected; a hyphenated number (twenty-one) or a
        // multiplicative (tenfold) is not.
        bool number = _options.Numbers && (Digits.Contains(word) || Digits.IsChineseNumber(word) || (lists & NumberList) != 0 || NumberWords.IsCompound(lower) || NumberWords.IsMultiplicative(lower));
        return number || (lists & ProtectedList) != 0 || negator
            ? flags | TokenFlags.Protected
            : flags;
    }

    private const byte StopWordList = 1, ProtectedList = 2, NegatorList = 4, NumberList = 8;

    /// <summary>Which of the stop words, protected words, negators and number words hold each (lower-case) word: one lookup for all four.</summary>
    private static WordMap<byte> ListsOf(WordSet? stopWords, WordSet? words, WordSet? negators, WordSet? numbers)
    {
        var lists = new Dictionary<string, byte>(StringComparer.Ordinal);
        foreach (var (set, bit) in new[] { (stopWords, StopWordList), (words, ProtectedList), (negators, NegatorList), (numbers, NumberList) })
        {
            foreach (string w in set?.Words ?? [])
            {
                lists[w] = (byte)(lists.GetValueOrDefault(w) | bit);
            }
        }

        var map = new WordMap<byte>(Math.Max(1, lists.Count));
        foreach (var (word, bits) in lists)
        {
            map.GetOrAdd(word, bits);
        }

        return map;
    }

    /// <summary>The token is the phrase part in any case, or in Traditional characters (the part is Simplified).</summary>
    private static bool SameWord(ReadOnlySpan<char> token, string part)
    {
        if (token.Equals(part, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (token.Length != part.Length || token.Length > 64 || !ChineseScript.HasTraditional(token))
        {
            return false;
        }

        Span<char> simplified = stackalloc char[token.Length];
        ChineseScript.ToSimplified(token, simplified);
        return simplified.Equals(part, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Protects every occurrence of the non-whitespace token sequence <paramref name="phrase"/> (any case, either Chinese script), with the whitespace inside it.</summary>
    private static void ProtectPhrase(TokenList tokens, string[] phrase)
    {
        for (int start = 0; start < tokens.Count; start++)
        {
            int i = start, k = 0;
            while (k < phrase.Length && i < tokens.Count)
            {
                if (tokens[i].Kind == TokenKind.Whitespace && k > 0)
                {
                    i++;
                    continue;
                }

                if (!SameWord(tokens[i].Span, phrase[k]))
                {
                    break;
                }

                i++;
                k++;
            }

            if (k == phrase.Length)
            {
                for (int j = start; j < i; j++)
                {
                    tokens[j] = tokens[j].With(TokenFlags.Protected);
                }

                start = i - 1;
            }
        }
    }

    /// <summary>
    /// Protects capitalised words that do not start a sentence (likely names), a capitalised sentence-initial word that
    /// is a common given name (<see cref="GivenNames"/>: "Jack called Bill"), and a capitalised sentence-initial word
    /// directly followed by one ("Bill Gates"), with the whitespace between them; and the words of unspaced scripts that
    /// the tokens' segmenter knows as proper nouns (张伟, 北京).
    /// </summary>
    private static void ProtectNames(TokenList tokens)
    {
        Segmenter segmenter = tokens.Segmenter;
        bool segmented = !ReferenceEquals(segmenter, Segmenter.None); // English text: no lookup per word
        bool sentenceStart = true;
        int previousName = -1; // index of the last name word, or of a capitalised sentence-initial word
        for (int i = 0; i < tokens.Count; i++)
        {
            Token t = tokens[i];
            if (t.Kind == TokenKind.Whitespace)
            {
                ReadOnlySpan<char> space = t.Span;
                if (space.Length == 1 ? space[0] == '\n' : space.Contains('\n')) // most runs are one space: no search call
                {
                    sentenceStart = true;
                    previousName = -1;
                }

                continue;
            }

            if (t.Kind != TokenKind.Word)
            {
                if (t.Kind == TokenKind.Symbol && t.Span.IndexOfAny(".!?…") >= 0)
                {
                    sentenceStart = true;
                }
                else if (t.Kind == TokenKind.Number)
                {
                    sentenceStart = false; // "36th President": the word after a number is inside the sentence
                }

                previousName = -1;
                continue;
            }

            bool capitalised = IsNameLike(t.Span);
            if (!capitalised)
            {
                // Below U+0E00 (Thai) no script is unspaced (Segmenter.IsUnspaced): Latin words inside Chinese text ask nothing.
                if (segmented && t.Length >= 2 && t.Span[0] >= '\u0E00' && segmenter.IsProperNoun(t.Span))
                {
                    tokens[i] = t.With(TokenFlags.Protected);
                }

                previousName = -1;
                sentenceStart = false;
                continue;
            }

            if (!sentenceStart || GivenNames.Contains(t.Span))
            {
                tokens[i] = t.With(TokenFlags.Protected);
                if (previousName >= 0 && i - previousName <= 2)
                {
                    for (int j = previousName; j < i; j++)
                    {
                        tokens[j] = tokens[j].With(TokenFlags.Protected);
                    }
                }
            }

            previousName = i;
            sentenceStart = false;
        }
    }

    /// <summary>
    /// Common English given names (Jack, John, Mark, Mary, Rose: Faker's en_US first names, 690, from the Debian package
    /// python3-fake-factory, Expat licence; dictionaries/given-names-en.txt, built by dictionaries/build_given_names.py,
    /// embedded in the library): with <see cref="NamePolicy.Keep"/>, such a word is a name at the start of a sentence too.
    /// </summary>
    public static WordSet GivenNames { get; } = new(EmbeddedResource.ReadLines("TextAugment.given-names-en.txt").Select(l => l.Trim()).Where(l => l.Length > 0 && l[0] != '#'));

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

    /// <summary>
    /// Whether a dot sits between an ASCII letter or digit and an ASCII letter (<c>example.com</c>, also <c>e.g.</c>):
    /// the cheap test before <see cref="BareDomainPattern"/>, so that most texts (sentence dots, <c>3.5</c>) skip it.
    /// </summary>
    private static bool HasDotInName(ReadOnlySpan<char> text)
    {
        int i = text.IndexOf('.');
        while (i >= 0)
        {
            if (i > 0 && i + 1 < text.Length && char.IsAsciiLetterOrDigit(text[i - 1]) && char.IsAsciiLetter(text[i + 1]))
            {
                return true;
            }

            int next = text[(i + 1)..].IndexOf('.');
            i = next < 0 ? -1 : i + 1 + next;
        }

        return false;
    }

    /// <summary>
    /// Whether a ':' or '/' follows an ASCII digit or ']' (<c>10.0.0.1:8080</c>, <c>192.168.0.1/big</c>,
    /// <c>[::1]/x</c>; also <c>3:00</c>, <c>1/2</c>): the cheap test before <see cref="AddressHostPattern"/> for IP hosts.
    /// </summary>
    private static bool HasPortOrPath(ReadOnlySpan<char> text)
    {
        int i = text.IndexOfAny(':', '/');
        while (i >= 0)
        {
            if (i > 0 && (char.IsAsciiDigit(text[i - 1]) || text[i - 1] == ']'))
            {
                return true;
            }

            int next = text[(i + 1)..].IndexOfAny(':', '/');
            i = next < 0 ? -1 : i + 1 + next;
        }

        return false;
    }

    // CJK ideographs (with extension A and the compatibility ideographs): inside a URL (an IRI, RFC 3987) unless they
    // follow an ASCII letter or digit directly.
    private const string Ideographs = @"\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF";

    // The rest of a URL after its scheme (or www., or a bare domain's top-level domain): any characters but white space,
    // CJK punctuation and full-width forms (\u2E80-\u303F, \uFF00-\uFFEF: 。，！？、）」 end it), and a run of ideographs
    // that starts right after an ASCII letter or digit (详见https://x.org/film了解更多: Chinese text written straight
    // after the URL); ideographs after any other character are part of it (https://例子.com/路径, /wiki/信任). It does not
    // end with ASCII sentence punctuation (. , : ; ! ? ' "): https://x.org/film. leaves the full stop to the sentence.
    // One character per repetition and no nested quantifier: linear, without backtracking beyond the trailing punctuation.
    private const string UrlBody =
        @"(?:[^\s\u2E80-\u303F\uFF00-\uFFEF" + Ideographs + @"]|(?<![A-Za-z0-9])[" + Ideographs + @"])";

    private const string UrlEnd = @"(?<![.,:;!?'""])";

    // A URL starts at a scheme or www. that no scheme character precedes (so also right after a Chinese word: 详见https://…).
    [GeneratedRegex(@"(?:(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]*://|(?<![A-Za-z0-9.-])www\.)" + UrlBody + "+" + UrlEnd, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();

    // A host name without a scheme: ASCII labels joined by dots, not inside a longer name, an e-mail address or a path
    // (no letter, digit, dot, hyphen, _, @, / or : before it). With a path (example.com/big, docs.python.org/3/library)
    // any top-level domain of two or more letters; without one, only a common top-level domain written in lower case
    // (example.com, x.org), and not followed by a letter, a digit or a dot and a letter — so that e.g., U.S., end.Then, 3.5
    // and file names (model.onnx, setup.py) stay ordinary text.
    [GeneratedRegex(@"(?<![A-Za-z0-9._@/:-])(?:[A-Za-z0-9]+(?:-+[A-Za-z0-9]+)*\.)+(?:[A-Za-z]{2,63}(?::[0-9]{1,5})?/" + UrlBody + "*" + UrlEnd
                    + @"|(?:com|net|org|edu|gov|mil|int|info|biz|io|ai|co|app|dev|cn|uk|de|jp|fr|ru|eu|au|ca|ch|nl|kr|tw|hk)(?::[0-9]{1,5})?(?![A-Za-z0-9_-]|\.[A-Za-z0-9]))",
        RegexOptions.CultureInvariant)]
    private static partial Regex BareDomainPattern();

    // A host that is an IP address or localhost, without a scheme: IPv4 with a port or a path (192.168.0.1/big,
    // 10.0.0.1:8080; alone it is a number), a bracketed IPv6 address or localhost (any case), each with an optional
    // port and path ([2001:db8::1]/big, localhost:8080/big, localhost:8080, localhost). Not inside a longer name, address
    // or path, as bare domains; nor followed by a letter, digit or a dotted word (localhost.com is a domain, 1.2.3.4:80x
    // is not an address).
    private const string Octet = "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";

    [GeneratedRegex(@"(?<![A-Za-z0-9._@/:-])(?:" + Octet + @"(?:\." + Octet + @"){3}(?=[:/])|\[[0-9A-Fa-f:.]{2,45}\]|(?i:localhost))"
                    + @"(?::[0-9]{1,5})?(?:/" + UrlBody + "*)?" + UrlEnd + @"(?![A-Za-z0-9_-]|\.[A-Za-z0-9])",
        RegexOptions.CultureInvariant)]
    private static partial Regex AddressHostPattern();

    // "localhost" in any case, found by a vectorized search: the cheap test before AddressHostPattern, with HasPortOrPath.
    private static readonly System.Buffers.SearchValues<string> Localhost = System.Buffers.SearchValues.Create(["localhost"], StringComparison.OrdinalIgnoreCase);

    // An e-mail address. Its local part is either letters, digits and . + - _ other than CJK ideographs, not inside a
    // longer one (请联系support@…: the Chinese before it is not part of it), or, when the local part is Chinese, the
    // last two ideographs before the @ (a Chinese name's usual length), with the words the segmenter cuts around them
    // (张三@…). Its domain is labels joined by dots, each either ASCII/Latin (ending where Chinese starts:
    // …@example.com获取帮助) or a run of ideographs (例子); the last label, when Chinese, is its first two ideographs and
    // the words around them (中国 of 张三@例子.中国谢谢), so that the sentence after it is not: in text without spaces
    // nothing tells where a Chinese address ends.
    private const string LocalCharacter = @"[\w.+\--[" + Ideographs + "]]", LabelCharacter = @"[\w\--[" + Ideographs + "]]";

    [GeneratedRegex(@"(?:(?<!" + LocalCharacter + ")" + LocalCharacter + "+|[" + Ideographs + "]{1,2})@"
                    + "(?:" + LabelCharacter + "+|[" + Ideographs + @"]+)(?:\.(?:" + LabelCharacter + "+|[" + Ideographs + "]+))*"
                    + @"\.(?:" + LabelCharacter + "+|[" + Ideographs + "]{1,2})",
        RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"\[[^\[\]\r\n]{1,60}\]|\{[^{}\r\n]{1,60}\}|<[^<>\s][^<>\r\n]{0,59}>", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex(@"(?<![\w#])#\w+", RegexOptions.CultureInvariant)]
    private static partial Regex HashtagPattern();

    [GeneratedRegex(@"(?<![\w@.])@\w+", RegexOptions.CultureInvariant)]
    private static partial Regex MentionPattern();
}
