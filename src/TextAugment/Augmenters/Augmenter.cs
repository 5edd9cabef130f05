using TextAugment.Text;

namespace TextAugment.Augmenters;

/// <summary>
/// A label-preserving rewrite of a sentence: tokens in, tokens out. Stages hold no per-call state, so
/// one instance serves every thread. All randomness comes from the <see cref="AugmentRandom"/> passed in.
/// </summary>
public abstract class Augmenter
{
    /// <summary>
    /// Rewrites <paramref name="text"/> once, with <paramref name="protection"/> (default: <see cref="Protection.Default"/>)
    /// and words found by <paramref name="segmenter"/> (default: <see cref="Segmenter.None"/>, English).
    /// </summary>
    public string Augment(string text, AugmentRandom random, Protection? protection = null, Segmenter? segmenter = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        TokenList tokens = TokenList.Create(text, protection, segmenter);
        AugmentCore(tokens, random);
        return tokens.Render();
    }

    /// <summary>Rewrites <paramref name="tokens"/> in place.</summary>
    public void Augment(TokenList tokens, AugmentRandom random) => AugmentCore(tokens, random);

    /// <summary>
    /// Rewrites a batch of sentences in place, each with its own random stream. Stages that are costly
    /// per call (a language model) override <see cref="AugmentBatchCore"/> to work on the batch at once;
    /// the result is the same as one call per sentence.
    /// </summary>
    public void Augment(IReadOnlyList<TokenList> batch, IReadOnlyList<AugmentRandom> randoms)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(randoms);
        if (batch.Count != randoms.Count)
        {
            throw new ArgumentException($"The batch has {batch.Count} sentences but {randoms.Count} random streams; give one stream per sentence.", nameof(randoms));
        }

        AugmentBatchCore(batch, randoms);
    }

    /// <summary>
    /// Whether the stage gains from many sentences per <see cref="AugmentBatchCore"/> call: true for a stage that does
    /// one costly call per batch (a language model's forward pass, a blocked nearest-neighbour search), which is then
    /// given every sentence of a batch at once. False (the default) for a stage that works sentence by sentence: a
    /// <see cref="VariantGenerator"/> then hands it a few examples at a time, so that their tokens are still in the
    /// processor's cache when they are rendered. Either way the output is the same.
    /// </summary>
    protected internal virtual bool PrefersLargeBatches => false;

    /// <summary>Rewrites one sentence. The only method a stage must write.</summary>
    protected internal abstract void AugmentCore(TokenList tokens, AugmentRandom random);

    /// <summary>Rewrites a batch; the default calls <see cref="AugmentCore"/> for each sentence in order.</summary>
    protected internal virtual void AugmentBatchCore(IReadOnlyList<TokenList> batch, IReadOnlyList<AugmentRandom> randoms)
    {
        for (int i = 0; i < batch.Count; i++)
        {
            AugmentCore(batch[i], randoms[i]);
        }
    }
}
