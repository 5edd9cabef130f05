using TextAugment.Augmenters;
using TextAugment.Text;

namespace TextAugment.Onnx;

/// <summary>How masked words are filled. Every property has a documented default.</summary>
public sealed record MaskFillOptions
{
    /// <summary>Sample among the K most likely candidates. Default: 20.</summary>
    public int TopK { get; init; } = 20;

    /// <summary>Nucleus sampling: keep the smallest set of candidates whose probability reaches P. Default: 1 (off).</summary>
    public double TopP { get; init; } = 1;

    /// <summary>Softmax temperature: below 1 sharper, above 1 flatter. Default: 1.</summary>
    public double Temperature { get; init; } = 1;

    /// <summary>Sentences per model call (grouped by length, padded together). Default: 32.</summary>
    public int BatchSize { get; init; } = 32;
}

/// <summary>
/// Contextual replacement with a BERT-family masked language model. The shared substitution policy picks the
/// words; each picked word (all its word pieces) becomes one [MASK]; every mask of a sentence is filled from
/// the same model call (all at once, not in rounds: one call per batch instead of one per masked word).
/// Candidates exclude word pieces (##), special and [unused] tokens, anything not starting with a letter,
/// the original word in any case, and stop words when the original is not one; the chosen word keeps the
/// original's case. Sentences of a batch are
/// sorted by length and padded together.
/// </summary>
/// <remarks>
/// Determinism: every choice uses the sentence's own random stream, and probabilities are rounded to 1e-6
/// before sampling, so that the last-bit differences a different batch composition can cause in the logits
/// almost never change a choice (they could only at an exact tie after rounding).
/// </remarks>
public sealed class MaskedLanguageModelAugmenter : Augmenter
{
    private readonly MaskedLanguageModel _model;
    private readonly SubstitutionOptions _policy;
    private readonly MaskFillOptions _fill;
    private readonly bool[] _candidate;
    private readonly bool[] _stopWord;
    private readonly int _cls, _sep, _mask;

    /// <summary>Creates the stage.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public MaskedLanguageModelAugmenter(MaskedLanguageModel model, SubstitutionOptions? policy = null, MaskFillOptions? fill = null)
    {
        _model = model ?? throw new ArgumentNullException(nameof(model));
        _policy = policy ?? new SubstitutionOptions();
        _fill = fill ?? new MaskFillOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_fill.TopK, 1, "top_k");
        ArgumentOutOfRangeException.ThrowIfLessThan(_fill.BatchSize, 1, "batch_size");
        if (!(_fill.TopP is > 0 and <= 1) || !(_fill.Temperature > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(fill), "top_p must be in (0, 1] and temperature above 0.");
        }

        _cls = model.Tokenizer.ClassificationTokenId;
        _sep = model.Tokenizer.SeparatorTokenId;
        _mask = model.Tokenizer.MaskingTokenId;
        _candidate = [.. model.Vocabulary.Select(v => v.Length > 0 && char.IsLetter(v[0]) && !v.StartsWith("##", StringComparison.Ordinal))];
        _stopWord = [.. model.Vocabulary.Select(v => WordSet.EnglishStopWords.Contains(v))];
    }

    /// <inheritdoc/>
    protected override void AugmentCore(TokenList tokens, AugmentRandom random) => AugmentBatchCore([tokens], [random]);

    /// <inheritdoc/>
    protected override void AugmentBatchCore(IReadOnlyList<TokenList> batch, IReadOnlyList<AugmentRandom> randoms)
    {
        var inputs = new Input[batch.Count];
        for (int i = 0; i < batch.Count; i++)
        {
            inputs[i] = Encode(batch[i], randoms[i]);
        }

        // Group by length so that padding is small; each group is one model call.
        int[] order = [.. Enumerable.Range(0, batch.Count).Where(i => inputs[i].Masks.Count > 0).OrderBy(i => inputs[i].Ids.Length)];
        var fills = new float[batch.Count][][];
        for (int start = 0; start < order.Length; start += _fill.BatchSize)
        {
            int[] group = order[start..Math.Min(order.Length, start + _fill.BatchSize)];
            var positions = new List<(int Sequence, int Position)>();
            for (int g = 0; g < group.Length; g++)
            {
                positions.AddRange(inputs[group[g]].Masks.Select(m => (g, m.Piece)));
            }

            float[][] logits = _model.Logits([.. group.Select(i => inputs[i].Ids)], positions);
            int k = 0;
            foreach (int i in group)
            {
                fills[i] = logits[k..(k += inputs[i].Masks.Count)];
            }
        }

        for (int i = 0; i < batch.Count; i++)
        {
            for (int m = 0; m < inputs[i].Masks.Count; m++)
            {
                int token = inputs[i].Masks[m].Token;
                if (Choose(fills[i][m], batch[i][token].Span, !batch[i][token].Has(TokenFlags.StopWord), randoms[i]) is { } word)
                {
                    batch[i][token] = batch[i][token].ReplaceWith(word);
                }
            }
        }
    }

    private sealed record Input(long[] Ids, List<(int Token, int Piece)> Masks);

    /// <summary>Picks the words to mask (the shared policy) and builds [CLS] pieces… [SEP] with one [MASK] per picked word.</summary>
    private Input Encode(TokenList tokens, AugmentRandom random)
    {
        var eligible = new List<int>();
        for (int j = 0; j < tokens.Count; j++)
        {
            if (_policy.IsEligible(tokens[j]))
            {
                eligible.Add(j);
            }
        }

        var chosen = new HashSet<int>();
        int wanted = eligible.Count == 0 ? 0 : Math.Min(eligible.Count, _policy.CountFor(eligible.Count));
        for (int n = 0; n < wanted; n++)
        {
            int pick = n + random.Next(eligible.Count - n);
            (eligible[n], eligible[pick]) = (eligible[pick], eligible[n]);
            chosen.Add(eligible[n]);
        }

        var ids = new List<long> { _cls };
        var masks = new List<(int Token, int Piece)>();
        int limit = _model.MaxSequenceLength - 1;
        for (int j = 0; j < tokens.Count && ids.Count < limit; j++)
        {
            Token t = tokens[j];
            if (t.Kind == TokenKind.Whitespace)
            {
                continue;
            }

            if (chosen.Contains(j))
            {
                masks.Add((j, ids.Count));
                ids.Add(_mask);
                continue;
            }

            foreach (int id in _model.Tokenizer.EncodeToIds(t.Span, addSpecialTokens: false))
            {
                if (ids.Count < limit)
                {
                    ids.Add(id);
                }
            }
        }

        ids.Add(_sep);
        return new Input([.. ids], masks);
    }

    /// <summary>Samples a replacement from one mask's logits: filters, top-k, temperature, top-p.</summary>
    private string? Choose(float[] logits, ReadOnlySpan<char> original, bool contentWord, AugmentRandom random)
    {
        var best = new List<(int Id, float Logit)>(_fill.TopK + 1);
        for (int id = 0; id < logits.Length; id++)
        {
            // A content word is not replaced by a function word ("white" -> "of").
            if (!_candidate[id] || (contentWord && _stopWord[id]) || (best.Count == _fill.TopK && logits[id] <= best[^1].Logit))
            {
                continue;
            }

            if (original.Equals(_model.Vocabulary[id], StringComparison.OrdinalIgnoreCase) || !SubstitutionOptions.Allows(original, _model.Vocabulary[id]))
            {
                continue;
            }

            int at = best.Count;
            while (at > 0 && best[at - 1].Logit < logits[id])
            {
                at--;
            }

            best.Insert(at, (id, logits[id]));
            if (best.Count > _fill.TopK)
            {
                best.RemoveAt(best.Count - 1);
            }
        }

        if (best.Count == 0)
        {
            return null;
        }

        double max = best[0].Logit, total = 0;
        var weights = new double[best.Count];
        for (int c = 0; c < best.Count; c++)
        {
            weights[c] = Math.Exp((best[c].Logit - max) / _fill.Temperature);
            total += weights[c];
        }

        // Nucleus: the smallest prefix whose probability reaches top_p. Rounded to 1e-6 (see remarks).
        int kept = 0;
        double mass = 0;
        while (kept < weights.Length && (kept == 0 || mass < _fill.TopP))
        {
            weights[kept] = Math.Round(weights[kept] / total, 6);
            mass += weights[kept++];
        }

        double u = random.NextDouble() * mass;
        for (int c = 0; c < kept; c++)
        {
            u -= weights[c];
            if (u < 0)
            {
                return _model.Vocabulary[best[c].Id];
            }
        }

        return _model.Vocabulary[best[kept - 1].Id];
    }
}
