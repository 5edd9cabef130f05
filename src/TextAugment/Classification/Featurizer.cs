using TextAugment.Text;

namespace TextAugment.Classification;

/// <summary>What the classifier sees of a text. Every property has a documented default.</summary>
public sealed record FeatureOptions
{
    /// <summary>Word n-grams up to this length (1: words only, 2: words and bigrams, as fastText's -wordNgrams). Default: 2.</summary>
    public int WordNgrams { get; init; } = 2;

    /// <summary>
    /// Hash buckets shared by every feature (fastText's -bucket). Default: 1,048,576 (2^20): at full size the word
    /// bigrams of long texts collide in 2^18 buckets; 2^20 gained 0.3–2.1 points on every full-size dev split of the
    /// benchmark (benchmarks/README.md, "Defaults"). Training holds buckets × dim floats (256 MB at the defaults);
    /// model files store only the rows of features seen in training.
    /// </summary>
    public int Buckets { get; init; } = 1 << 20;

    /// <summary>Shortest character n-gram of each word (with &lt; and &gt; around it), or 0 for none. Default: 0.</summary>
    public int CharNgramMin { get; init; }

    /// <summary>Longest character n-gram. Default: 0 (none).</summary>
    public int CharNgramMax { get; init; }

    /// <summary>Lower-case words before hashing. Default: true.</summary>
    public bool Lowercase { get; init; } = true;

    /// <summary>
    /// How the bag weighs a text's features: <see cref="FeatureWeighting.Mean"/> (fastText's mean) or
    /// <see cref="FeatureWeighting.TfIdf"/> (scikit-learn's sublinear TF-IDF with unit L2 norm, idf fitted on the
    /// training texts and stored in the model). Default: TfIdf.
    /// </summary>
    public FeatureWeighting Weighting { get; init; } = FeatureWeighting.TfIdf;

    /// <summary>Embedding dimensions. Default: 64.</summary>
    public int Dimensions { get; init; } = 64;

    /// <summary>
    /// How words are found in scripts written without spaces: <see cref="Segmenter.None"/> for English (the
    /// default; a run of Han characters stays one word) or a <see cref="JiebaSegmenter"/> for Chinese, so
    /// that Chinese text gives one feature per segmented word (and character n-grams of each word). Model
    /// files record it (language, HMM, user-dictionary lines), so a loaded model segments as in training.
    /// </summary>
    public Segmenter Segmenter { get; init; } = Segmenter.None;

    /// <summary>The language <see cref="Segmenter"/> stands for: <c>zh</c> for a <see cref="JiebaSegmenter"/>, otherwise <c>en</c>.</summary>
    public string Language => Segmenter is JiebaSegmenter ? "zh" : "en";

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(WordNgrams, 1, "word_ngrams");
        ArgumentOutOfRangeException.ThrowIfLessThan(Buckets, 1, "buckets");
        ArgumentOutOfRangeException.ThrowIfLessThan(Dimensions, 1, "dim");
        if (CharNgramMin < 0 || CharNgramMax < CharNgramMin || (CharNgramMin == 0) != (CharNgramMax == 0))
        {
            throw new ArgumentOutOfRangeException(nameof(CharNgramMax), "char n-grams: give min and max with 1 <= min <= max, or neither.");
        }

        ArgumentNullException.ThrowIfNull(Segmenter);
        if (Segmenter is not JiebaSegmenter && !ReferenceEquals(Segmenter, Segmenter.None))
        {
            throw new ArgumentException($"segmenter {Segmenter.GetType().Name} cannot be recorded in a model file; use Segmenter.None (en) or a JiebaSegmenter (zh).", nameof(Segmenter));
        }
    }
}

/// <summary>
/// Turns a text into hashed feature ids (fastText-style buckets): each word, each word n-gram up to
/// <see cref="FeatureOptions.WordNgrams"/>, and optionally each character n-gram of each word. Words are the
/// tokenizer's words and numbers, with runs of unspaced scripts cut by <see cref="FeatureOptions.Segmenter"/>;
/// punctuation is dropped. The hash is stable across runs and machines.
/// </summary>
public sealed class Featurizer(FeatureOptions options)
{
    // Words and character n-grams hash with different seeds, so that the word "ab" and the n-gram "ab" differ.
    private const ulong WordSeed = 0x5bd1e995UL, CharSeed = 0xC2B2AE3D27D4EB4FUL;
    private readonly TokenList _tokens = new();
    private readonly List<ulong> _wordHashes = [];
    private readonly List<int> _features = [];
    private char[] _lower = new char[64];

    /// <summary>The options.</summary>
    public FeatureOptions Options { get; } = options;

    /// <summary>The feature ids of <paramref name="text"/> (with repeats: a word twice counts twice). Not thread-safe: one featurizer per thread.</summary>
    public int[] Featurize(string text) => [.. FeaturizeInPlace(text)];

    /// <summary>
    /// The words (and numbers) of the text last featurized, as segmented for the features: what a words/s rate counts.
    /// </summary>
    internal int LastWords => _wordHashes.Count;

    /// <summary><see cref="Featurize"/> into a buffer of this featurizer's, valid until the next call (no allocation per text).</summary>
    internal ReadOnlySpan<int> FeaturizeInPlace(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _tokens.Reset(text, Protection.None, Options.Segmenter);
        _wordHashes.Clear();
        List<int> features = _features;
        features.Clear();
        foreach (Token token in _tokens.AsSpan())
        {
            if (token.Kind is not (TokenKind.Word or TokenKind.Number))
            {
                continue;
            }

            Span<char> buffer = _lower.Length >= token.Length ? _lower.AsSpan(0, token.Length) : (_lower = new char[token.Length * 2]).AsSpan(0, token.Length);
            if (Options.Lowercase)
            {
                token.Span.ToLowerInvariant(buffer);
            }
            else
            {
                token.Span.CopyTo(buffer);
            }

            ReadOnlySpan<char> word = buffer;

            ulong hash = Hash(word, WordSeed);
            _wordHashes.Add(hash);
            features.Add(Bucket(hash));
            if (Options.CharNgramMax > 0)
            {
                AddCharNgrams(word, features);
            }
        }

        for (int n = 2; n <= Options.WordNgrams; n++)
        {
            for (int i = 0; i + n <= _wordHashes.Count; i++)
            {
                ulong h = (ulong)n * 0x9E3779B97F4A7C15UL;
                for (int j = 0; j < n; j++)
                {
                    h = (h ^ _wordHashes[i + j]) * 0x100000001B3UL;
                    h ^= h >> 29;
                }

                features.Add(Bucket(h));
            }
        }

        return System.Runtime.InteropServices.CollectionsMarshal.AsSpan(features);
    }

    /// <summary>The bucket of a single word, as <see cref="Featurize"/> hashes it (after lower-casing if the options say so).</summary>
    public int WordBucket(ReadOnlySpan<char> word)
    {
        Span<char> buffer = word.Length <= 128 ? stackalloc char[word.Length] : new char[word.Length];
        if (Options.Lowercase)
        {
            word.ToLowerInvariant(buffer);
        }
        else
        {
            word.CopyTo(buffer);
        }

        return Bucket(Hash(buffer, WordSeed));
    }

    private void AddCharNgrams(ReadOnlySpan<char> word, List<int> features)
    {
        Span<char> marked = word.Length + 2 <= 128 ? stackalloc char[word.Length + 2] : new char[word.Length + 2];
        marked[0] = '<';
        word.CopyTo(marked[1..]);
        marked[^1] = '>';
        for (int n = Options.CharNgramMin; n <= Options.CharNgramMax; n++)
        {
            for (int i = 0; i + n <= marked.Length; i++)
            {
                if (n == marked.Length)
                {
                    continue; // the whole word is already a feature
                }

                features.Add(Bucket(Hash(marked.Slice(i, n), CharSeed)));
            }
        }
    }

    private int Bucket(ulong hash) => (int)(hash % (ulong)Options.Buckets);

    private static ulong Hash(ReadOnlySpan<char> text, ulong seed)
    {
        ulong h = 14695981039346656037UL ^ seed;
        foreach (char c in text)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        return h ^ (h >> 33);
    }
}
