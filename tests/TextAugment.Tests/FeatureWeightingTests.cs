using TextAugment.Augmenters;
using TextAugment.Classification;

namespace TextAugment.Tests;

/// <summary>The TF-IDF bag (<see cref="FeatureWeighting.TfIdf"/>): scikit-learn's sublinear TF-IDF numbers, its gradient, and model files.</summary>
public class FeatureWeightingTests
{
    [Fact]
    public void Idf_and_weights_match_scikit_learns_sublinear_tfidf_on_a_hand_computed_case()
    {
        // Three texts over buckets 1, 2, 3: "a b", "a c c", "a". N = 3; df(a) = 3, df(b) = df(c) = 1.
        // idf = ln((1 + N) / (1 + df)) + 1: a → 1, b and c → ln 2 + 1 = 1.693147.
        IdfTable idf = IdfTable.Fit([[1, 2], [1, 3, 3], [1]], buckets: 8);
        Assert.Equal(1f, idf[1], 6);
        Assert.Equal(1.693147f, idf[2], 5);
        Assert.Equal(1.693147f, idf[3], 5);
        Assert.Equal(0f, idf[0]);

        // "a c c": w(a) = 1 · 1, w(c) = (1 + ln 2) · 1.693147 = 2.866703; ‖w‖ = 3.036110. TfidfVectorizer(sublinear_tf=True,
        // token_pattern=r"\S+") gives the row [0.32936389, 0, 0.94420307]; c's two occurrences share its 0.94420307.
        float[] weights = idf.Weigh([1, 3, 3]);
        Assert.Equal(0.32936389f, weights[0], 6);
        Assert.Equal(0.94420307f / 2, weights[1], 6);
        Assert.Equal(weights[1], weights[2]);

        // Order does not matter; a feature no training text had weighs 0 and does not count in the norm.
        float[] shuffled = idf.Weigh([3, 5, 1, 3]);
        Assert.Equal([weights[1], 0f, weights[0], weights[1]], shuffled);
        Assert.Equal([0f, 0f], idf.Weigh([5, 6]));
        Assert.Empty(idf.Weigh([]));
    }

    [Fact]
    public void The_weighted_bag_has_the_gradient_finite_differences_give()
    {
        var network = new Network(buckets: 10, dimensions: 4, hidden: [], classes: 3);
        network.Initialize(new AugmentRandom(2));
        network.Idf = IdfTable.Fit([[1, 2], [2, 7, 7], [1, 9]], 10);
        int[] features = [1, 7, 7, 2];
        float[] weights = network.Weigh(features);
        var scratch = new Network.Scratch(network);
        double Loss() => Network.Loss(network.Forward(features, weights, scratch), 1);

        Loss();
        network.Backward(1, 1f, scratch, new float[network.Dense.Length]);
        float[] bag = [.. scratch.InputDelta];
        const float eps = 1e-3f;
        foreach (int row in new[] { 1, 2, 7 })
        {
            float share = features.Select((f, i) => f == row ? weights[i] : 0f).Sum();
            for (int d = 0; d < network.Dimensions; d++)
            {
                float saved = network.Row(row)[d];
                network.Row(row)[d] = saved + eps;
                double plus = Loss();
                network.Row(row)[d] = saved - eps;
                double minus = Loss();
                network.Row(row)[d] = saved;
                Assert.Equal((plus - minus) / (2 * eps), bag[d] * share, 2e-3);
            }
        }
    }

    [Theory]
    [InlineData(FeatureWeighting.Mean)]
    [InlineData(FeatureWeighting.TfIdf)]
    public void A_saved_model_keeps_its_weighting_and_predicts_the_same(FeatureWeighting weighting)
    {
        var data = new List<Example>();
        for (int i = 0; i < 40; i++)
        {
            data.Add(new Example($"{i}", i % 2 == 0 ? $"a superb film number {i} the the" : $"a dull film number {i} of of", i % 2 == 0 ? "pos" : "neg"));
        }

        var options = new TrainerOptions
        {
            Features = new FeatureOptions { Buckets = 4096, Dimensions = 8, Weighting = weighting },
            Hidden = [],
            Epochs = 10,
            LearningRate = 0.05,
            ValidationFraction = 0,
            EarlyStopping = new EarlyStoppingOptions { Enabled = false },
        };
        TextClassifier model = Trainer.Train(data, null, options).Model;
        Assert.Equal(weighting == FeatureWeighting.TfIdf, model.Network.Idf is not null);
        string path = Path.Combine(TestPaths.NewTempDirectory(), "m.tam");
        model.Save(path);
        TextClassifier loaded = TextClassifier.Load(path);
        Assert.Equal(weighting, loaded.Features.Weighting);
        foreach (string text in new[] { "a superb film", "dull", "words never seen", "" })
        {
            Assert.Equal(model.Predict(text).Probabilities, loaded.Predict(text).Probabilities);
        }

        Assert.Equal("pos", loaded.Predict("superb").Label);
        Assert.Equal("neg", loaded.Predict("dull").Label);
    }
}
