using TextAugment.Augmenters;
using TextAugment.Onnx;
using TextAugment.Pipelines;
using TextAugment.Text;

namespace TextAugment.Tests;

/// <summary>The masked-LM stage on the default model that ships in models/mlm.</summary>
public class MaskedLanguageModelTests
{
    private static readonly string ModelPath = Path.Combine(TestPaths.Root, "models", "mlm", "model.onnx");
    private static readonly string VocabPath = Path.Combine(TestPaths.Root, "models", "mlm", "vocab.txt");
    private static readonly Lazy<MaskedLanguageModel> Model = new(() => MaskedLanguageModel.Create(ModelPath, VocabPath));

    private static MaskedLanguageModelAugmenter Stage(double p = 0.3) =>
        new(Model.Value, new SubstitutionOptions { Probability = p }, new MaskFillOptions { TopK = 10 });

    [Fact]
    public void A_model_with_another_signature_is_refused_with_what_it_has()
    {
        string other = TestPaths.Fixture(Path.Combine("models", "not-mlm.onnx"));
        var error = Assert.Throws<DataFormatException>(() => MaskedLanguageModel.Create(other, VocabPath));
        Assert.StartsWith($"{other}: byte 0: not a BERT fill-mask model", error.Message, StringComparison.Ordinal);
        Assert.Contains("it has inputs [x: Float [?, 4]] and outputs [y: Float [?, 4]]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_vocabulary_of_another_size_is_refused()
    {
        string vocab = Path.Combine(TestPaths.NewTempDirectory(), "vocab.txt");
        File.WriteAllLines(vocab, ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "the"]);
        var error = Assert.Throws<DataFormatException>(() => MaskedLanguageModel.Create(ModelPath, vocab));
        Assert.Contains("the vocabulary has 6 entries but the model's logits have", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cuda_where_there_is_none_fails_clearly_instead_of_falling_back()
    {
        var error = Assert.Throws<NotSupportedException>(() => MaskedLanguageModel.Create(ModelPath, VocabPath, new MaskedLanguageModelOptions { Device = Device.Cuda }));
        Assert.Contains("device: cuda, but ONNX Runtime's CUDA provider is not available here", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Masked_words_are_replaced_by_whole_words_in_the_original_case_and_nothing_else_changes()
    {
        const string text = "The Captain of the ship looked at the WHALE, far away in the sea.";
        for (int v = 0; v < 20; v++)
        {
            string output = Stage(1.0).Augment(text, AugmentRandom.For(1, "m", v));
            TokenList before = TokenList.Create(text), after = TokenList.Create(output);
            Assert.Equal(before.Count, after.Count);
            for (int i = 0; i < before.Count; i++)
            {
                string a = before[i].ToString(), b = after[i].ToString();
                if (before[i].Kind != TokenKind.Word || before[i].Has(TokenFlags.StopWord))
                {
                    Assert.Equal(a, b); // punctuation, spacing and stop words stay
                    continue;
                }

                Assert.NotEqual(a.ToLowerInvariant(), b.ToLowerInvariant());
                Assert.DoesNotContain("#", b, StringComparison.Ordinal);
                Assert.DoesNotContain("[", b, StringComparison.Ordinal);
                Assert.Equal(CasePattern.Of(a) == CaseStyle.Upper, CasePattern.Of(b) == CaseStyle.Upper);
            }
        }
    }

    [Fact]
    public void The_stage_keeps_the_augmenter_contract()
    {
        var stage = Stage();
        var protection = Protection.Create(new ProtectionOptions { Words = ["xqzt"] });
        const string text = "The xqzt sailor saw 42 whales near the old harbour.";
        for (int v = 0; v < 10; v++)
        {
            string first = stage.Augment(text, AugmentRandom.For(2, "c", v), protection);
            Assert.Equal(first, stage.Augment(text, AugmentRandom.For(2, "c", v), protection));
            Assert.Contains("xqzt", first, StringComparison.Ordinal);
            Assert.Contains(" 42 ", first, StringComparison.Ordinal);
        }

        foreach (string empty in new[] { "", "  ", "...", "42" })
        {
            Assert.Equal(empty, stage.Augment(empty, AugmentRandom.For(1, "e", 0)));
        }

        string[] texts = ["the old man and the sea", "a ship sailed across the ocean at night", "", "whales swim in cold water"];
        var batch = texts.Select(t => TokenList.Create(t)).ToList();
        var randoms = texts.Select((_, i) => AugmentRandom.For(4, i.ToString(System.Globalization.CultureInfo.InvariantCulture), 0)).ToList();
        stage.Augment(batch, randoms);
        for (int i = 0; i < texts.Length; i++)
        {
            Assert.Equal(stage.Augment(texts[i], AugmentRandom.For(4, i.ToString(System.Globalization.CultureInfo.InvariantCulture), 0)), batch[i].Render());
        }
    }

    [Fact]
    public void The_example_pipeline_with_the_mlm_stage_loads()
    {
        Pipeline pipeline = Pipeline.Load(Path.Combine(TestPaths.Root, "pipelines", "mlm.yaml"));
        Assert.Equal(4, pipeline.Generator.Options.Variants);
    }
}
