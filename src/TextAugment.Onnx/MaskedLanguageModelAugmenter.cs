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

    /// <summary>
    /// Whole-word masking for Chinese: when set, a picked Chinese word that the vocabulary writes one piece per
    /// character (Chinese BERT vocabularies such as bert-base-chinese's) gets one [MASK] per character, and the
    /// masks are filled together with a word of this dictionary of the same length (the most probable character
    /// sequences first). Default: null (every picked word is one [MASK]). A pipeline with <c>language: zh</c> sets
    /// its segmenter.
    /// </summary>
    public JiebaSegmenter? WholeWords { get; init; }
}

/// <summary>
/// Contextual replacement with a BERT-family masked language model. The shared substitution policy picks the
/// words; each picked word (all its word pieces) becomes one [MASK] (a Chinese word with
/// <see cref="MaskFillOptions.WholeWords"/>: one [MASK] per character, filled together); every mask of a sentence is filled from
/// the same model call (all at once, not in rounds: one call per batch instead of one per masked word).
/// Candidates exclude word pieces (##), special and [unused] tokens, anything not starting with a letter,
/// the original word in any case, stop words when the original is not one, and whatever the shared policy's
/// <see cref="SubstitutionOptions.Allows(ReadOnlySpan{char}, ReadOnlySpan{char}, Protection)"/> rejects (antonyms, one-letter words, digits for a word); the chosen
/// word keeps the original's case. Texts longer than the model are filled in windows around the picked words. Sentences of a batch are
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
    private readonly bool[] _hanCharacter;
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
        _hanCharacter = [.. model.Vocabulary.Select(v => v.Length == 1 && Segmenter.IsUnspaced(v[0]))];
    }

    /// <inheritdoc/>
    protected override void AugmentCore(TokenList tokens, AugmentRandom random) => AugmentBatchCore([tokens], [random]);

    /// <inheritdoc/>
    protected override bool PrefersLargeBatches => true;

    /// <inheritdoc/>
    protected override void AugmentBatchCore(IReadOnlyList<TokenList> batch, IReadOnlyList<AugmentRandom> randoms)
    {
        var inputs = new List<Window>[batch.Count];
        var all = new List<(int Sentence, int Window)>();
        for (int i = 0; i < batch.Count; i++)
        {
            inputs[i] = Encode(batch[i], randoms[i]);
            for (int w = 0; w < inputs[i].Count; w++)
            {
                all.Add((i, w));
            }
        }

        // Group windows by length so that padding is small; each group is one model call.
        (int Sentence, int Window)[] order = [.. all.OrderBy(x => inputs[x.Sentence][x.Window].Ids.Length).ThenBy(x => x.Sentence).ThenBy(x => x.Window)];
        var fills = new float[batch.Count][][][];
        for (int i = 0; i < batch.Count; i++)
        {
            fills[i] = new float[inputs[i].Count][][];
        }

        for (int start = 0; start < order.Length; start += _fill.BatchSize)
        {
            var group = order[start..Math.Min(order.Length, start + _fill.BatchSize)];
            var positions = new List<(int Sequence, int Position)>();
            for (int g = 0; g < group.Length; g++)
            {
                foreach (var (_, piece, count) in inputs[group[g].Sentence][group[g].Window].Masks)
                {
                    for (int c = 0; c < count; c++)
                    {
                        positions.Add((g, piece + c));
                    }
                }
            }

            float[][] logits = _model.Logits([.. group.Select(x => inputs[x.Sentence][x.Window].Ids)], positions);
            int k = 0;
            foreach (var (i, w) in group)
            {
                fills[i][w] = logits[k..(k += inputs[i][w].Masks.Sum(m => m.Count))];
            }
        }

        for (int i = 0; i < batch.Count; i++)
        {
            for (int w = 0; w < inputs[i].Count; w++)
            {
                int at = 0;
                foreach (var (token, _, count) in inputs[i][w].Masks)
                {
                    bool content = !batch[i][token].Has(TokenFlags.StopWord);
                    string? word = count == 1
                        ? Choose(fills[i][w][at], batch[i][token].Span, content, batch[i].Protection, randoms[i])
                        : ChooseWholeWord(fills[i][w].AsSpan(at, count), batch[i][token].Span, content, batch[i].IsTraditionalChinese, batch[i].Protection, randoms[i]);
                    at += count;
                    if (word is not null)
                    {
                        batch[i][token] = batch[i][token].ReplaceWith(word);
                    }
                }
            }
        }
    }

    /// <summary>
    /// One model input: [CLS] pieces… [SEP], and where its masked words are (token index, first piece position,
    /// number of [MASK] pieces: 1, or a Chinese word's characters under whole-word masking).
    /// </summary>
    private sealed record Window(long[] Ids, List<(int Token, int Piece, int Count)> Masks);

    /// <summary>
    /// Picks the words to mask (the shared policy) and builds the model inputs, one [MASK] per picked word. A text
    /// that fits the model is one window; a longer one is cut into windows, each starting a quarter of the model's
    /// length before the first picked word it has not covered yet, so that every picked word is filled with context
    /// on both sides and p holds over the whole text. Texts without a picked word give no window.
    /// </summary>
    private List<Window> Encode(TokenList tokens, AugmentRandom random)
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

        var windows = new List<Window>();
        if (chosen.Count == 0)
        {
            return windows;
        }

        // Word pieces of every non-whitespace token; a picked word is one [MASK].
        var pieces = new List<(int Token, long[] Ids)>();
        int total = 0;
        for (int j = 0; j < tokens.Count; j++)
        {
            if (tokens[j].Kind == TokenKind.Whitespace)
            {
                continue;
            }

            bool picked = chosen.Contains(j);
            long[] ids = picked && _fill.WholeWords is null
                ? [_mask] // no whole-word masking (not Chinese): the picked word's pieces are never needed
                : [.. _model.Tokenizer.EncodeToIds(tokens[j].Span, addSpecialTokens: false).Select(id => (long)id)];
            if (picked && _fill.WholeWords is not null)
            {
                ids = Enumerable.Repeat((long)_mask, IsWholeWord(tokens[j].Span, ids) ? ids.Length : 1).ToArray();
            }

            pieces.Add((j, ids));
            total += ids.Length;
        }

        int capacity = _model.MaxSequenceLength - 2;
        int first = 0, lead = 0;
        if (total > capacity)
        {
            lead = capacity / 4;
        }

        var covered = new HashSet<int>();
        while (true)
        {
            int next = pieces.FindIndex(first, p => chosen.Contains(p.Token) && !covered.Contains(p.Token));
            if (next < 0)
            {
                return windows;
            }

            // Step back over up to `lead` pieces of context before the first uncovered picked word.
            int start = next, before = 0;
            while (start > 0 && before + pieces[start - 1].Ids.Length <= lead)
            {
                before += pieces[--start].Ids.Length;
            }

            var ids = new List<long> { _cls };
            var masks = new List<(int Token, int Piece, int Count)>();
            int at = start;
            for (; at < pieces.Count && ids.Count - 1 + pieces[at].Ids.Length <= capacity; at++)
            {
                if (chosen.Contains(pieces[at].Token) && covered.Add(pieces[at].Token))
                {
                    masks.Add((pieces[at].Token, ids.Count, pieces[at].Ids.Length));
                }

                ids.AddRange(pieces[at].Ids);
            }

            if (at == start)
            {
                // A single token longer than the model: its first pieces only (it cannot be a mask).
                ids.AddRange(pieces[at].Ids.AsSpan(0, capacity).ToArray());
                at++;
            }

            ids.Add(_sep);
            if (masks.Count > 0)
            {
                windows.Add(new Window([.. ids], masks));
            }

            first = at;
        }
    }

    /// <summary>Samples a replacement from one mask's logits: filters, top-k, temperature, top-p.</summary>
    private string? Choose(float[] logits, ReadOnlySpan<char> original, bool contentWord, Protection protection, AugmentRandom random)
    {
        var best = new List<(int Id, float Logit)>(_fill.TopK + 1);
        for (int id = 0; id < logits.Length; id++)
        {
            // A content word is not replaced by a function word ("white" -> "of").
            if (!_candidate[id] || (contentWord && _stopWord[id]) || (best.Count == _fill.TopK && logits[id] <= best[^1].Logit))
            {
                continue;
            }

            if (original.Equals(_model.Vocabulary[id], StringComparison.OrdinalIgnoreCase) || !SubstitutionOptions.Allows(original, _model.Vocabulary[id], protection))
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

        int chosen = Sample([.. best.Select(b => (double)b.Logit)], random);
        return _model.Vocabulary[best[chosen].Id];
    }

    /// <summary>
    /// Whole-word masking applies to <paramref name="word"/>: <see cref="MaskFillOptions.WholeWords"/> is set, the word
    /// is Chinese (starts with a Han character) of two or more characters, and the vocabulary gives one piece per
    /// character (<paramref name="pieces"/>), none of them [UNK].
    /// </summary>
    private bool IsWholeWord(ReadOnlySpan<char> word, long[] pieces) =>
        _fill.WholeWords is not null && word.Length >= 2 && pieces.Length == word.Length && Segmenter.StartsUnspaced(word)
        && Array.IndexOf(pieces, (long)_model.Tokenizer.UnknownTokenId) < 0;

    /// <summary>
    /// Fills the masks of one Chinese word together: a beam over the positions (each position's
    /// <see cref="MaskFillOptions.TopK"/> most probable Han characters, scored by the sum of the positions' log
    /// probabilities, the best <c>min(top_k², 256)</c> sequences kept at each step), then the sequences that are words of
    /// <see cref="MaskFillOptions.WholeWords"/> (and not the original, an antonym or, for a content word, a stop word),
    /// sampled like one mask's candidates. Null when no sequence is a word.
    /// </summary>
    private string? ChooseWholeWord(ReadOnlySpan<float[]> logits, ReadOnlySpan<char> original, bool contentWord, bool traditional, Protection protection, AugmentRandom random)
    {
        int width = Math.Min(_fill.TopK * _fill.TopK, 256);
        var beam = new List<(string Text, double Score)> { (string.Empty, 0) };
        foreach (float[] position in logits)
        {
            double logTotal = LogSumExp(position);
            var top = new List<(int Id, float Logit)>(_fill.TopK + 1);
            for (int id = 0; id < position.Length; id++)
            {
                if (!_hanCharacter[id] || (top.Count == _fill.TopK && position[id] <= top[^1].Logit))
                {
                    continue;
                }

                int at = top.Count;
                while (at > 0 && top[at - 1].Logit < position[id])
                {
                    at--;
                }

                top.Insert(at, (id, position[id]));
                if (top.Count > _fill.TopK)
                {
                    top.RemoveAt(top.Count - 1);
                }
            }

            var next = new List<(string Text, double Score)>(beam.Count * top.Count);
            foreach (var (text, score) in beam)
            {
                foreach (var (id, logit) in top)
                {
                    next.Add((text + _model.Vocabulary[id], score + logit - logTotal));
                }
            }

            next.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : string.CompareOrdinal(a.Text, b.Text));
            beam = next.Count > width ? next.GetRange(0, width) : next;
        }

        var words = new List<(string Text, double Score)>(_fill.TopK);
        foreach (var (text, score) in beam)
        {
            string written = traditional ? ChineseScript.ToTraditional(text) : text;
            if (words.Count == _fill.TopK || written.AsSpan().Equals(original, StringComparison.Ordinal) || !_fill.WholeWords!.Contains(text)
                || !SubstitutionOptions.Allows(original, written, protection) || (contentWord && WordSet.ChineseStopWords.Contains(text)))
            {
                continue;
            }

            words.Add((written, score));
        }

        if (words.Count == 0)
        {
            return null;
        }

        // Sample uses logits with the temperature; log probabilities serve the same (a constant shift).
        return words[Sample([.. words.Select(w => w.Score)], random)].Text;
    }

    private static double LogSumExp(float[] values)
    {
        float max = float.NegativeInfinity;
        foreach (float v in values)
        {
            max = Math.Max(max, v);
        }

        double sum = 0;
        foreach (float v in values)
        {
            sum += Math.Exp(v - max);
        }

        return max + Math.Log(sum);
    }

    /// <summary>
    /// Samples an index from candidates sorted by decreasing <paramref name="scores"/> (logits or log probabilities):
    /// temperature, then top-p over the softmax, with probabilities rounded to 1e-6 (see the remarks on determinism).
    /// </summary>
    private int Sample(double[] scores, AugmentRandom random)
    {
        double max = scores[0], total = 0;
        var weights = new double[scores.Length];
        for (int c = 0; c < scores.Length; c++)
        {
            weights[c] = Math.Exp((scores[c] - max) / _fill.Temperature);
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
                return c;
            }
        }

        return kept - 1;
    }
}
