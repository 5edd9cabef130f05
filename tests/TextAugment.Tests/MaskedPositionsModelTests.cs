using TextAugment.Augmenters;
using TextAugment.Onnx;
using TextAugment.Text;

namespace TextAugment.Tests;

/// <summary>
/// A model converted by models/mlm/gather_masked.py (vocabulary projection at the masked positions only) gives the
/// same fills as the full model. Fixture: fixtures/models/mlm-tiny, a random-weight 2-layer model built by
/// <c>benchmarks/mlm/build_sized.py tiny DIR</c>, and its conversion <c>models/mlm/gather_masked.py DIR/model.onnx DIR/model-masked.onnx</c>.
/// </summary>
public class MaskedPositionsModelTests
{
    private static readonly string Directory = TestPaths.Fixture(Path.Combine("models", "mlm-tiny"));
    private static readonly string Vocab = Path.Combine(Directory, "vocab.txt");
    private static readonly Lazy<MaskedLanguageModel> Full = new(() => MaskedLanguageModel.Create(Path.Combine(Directory, "model.onnx"), Vocab));
    private static readonly Lazy<MaskedLanguageModel> Masked = new(() => MaskedLanguageModel.Create(Path.Combine(Directory, "model-masked.onnx"), Vocab));

    [Fact]
    public void The_converted_model_is_recognised_by_its_input_and_output_names()
    {
        Assert.False(Full.Value.MaskedPositionsOnly);
        Assert.True(Masked.Value.MaskedPositionsOnly);
    }

    [Fact]
    public void Padded_batches_with_several_masks_give_the_same_logits_and_top_5_fills()
    {
        long[][] sequences = [[2, 40, 4, 41, 42, 4, 3], [2, 4, 3], [2, 50, 51, 52, 53, 54, 55, 4, 56, 3]];
        (int, int)[] positions = [(0, 2), (0, 5), (1, 1), (2, 7), (2, 3), (0, 1)];
        float[][] full = Full.Value.Logits(sequences, positions), masked = Masked.Value.Logits(sequences, positions);
        Assert.Equal(positions.Length, masked.Length);
        for (int i = 0; i < positions.Length; i++)
        {
            Assert.Equal(Full.Value.Vocabulary.Count, masked[i].Length);
            for (int v = 0; v < full[i].Length; v++)
            {
                Assert.True(Math.Abs(full[i][v] - masked[i][v]) <= 1e-4f, $"position {i}, word {v}: {full[i][v]} vs {masked[i][v]}");
            }

            Assert.Equal(Top(full[i], 5), Top(masked[i], 5));
        }

        Assert.NotEqual(Top(full[0], 5), Top(full[2], 5)); // the positions differ, so a row mix-up would show
    }

    [Fact]
    public void A_position_outside_the_batch_is_refused_with_where_it_is()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Masked.Value.Logits([[2, 4, 3]], [(0, 3)]));
        Assert.Contains("position 0 is (0, 3), outside the batch of 1 sequences (sequence 0 has 3 pieces)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_stage_writes_the_same_variants_with_either_model()
    {
        const string text = "the captain of the ship looked at the whale far away in the sea and the men sang";
        var protection = Protection.Create(new ProtectionOptions());
        var full = new MaskedLanguageModelAugmenter(Full.Value, new SubstitutionOptions { Probability = 0.5 }, new MaskFillOptions { TopK = 5 });
        var masked = new MaskedLanguageModelAugmenter(Masked.Value, new SubstitutionOptions { Probability = 0.5 }, new MaskFillOptions { TopK = 5 });
        int changed = 0;
        for (int v = 0; v < 10; v++)
        {
            string a = full.Augment(text, AugmentRandom.For(3, "m", v), protection);
            Assert.Equal(a, masked.Augment(text, AugmentRandom.For(3, "m", v), protection));
            changed += a == text ? 0 : 1;
        }

        Assert.True(changed > 0, "no variant differs from the input, so the comparison shows nothing");
    }

    private static int[] Top(float[] logits, int k) =>
        [.. Enumerable.Range(0, logits.Length).OrderByDescending(v => logits[v]).ThenBy(v => v).Take(k)];
}
