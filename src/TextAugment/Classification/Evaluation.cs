namespace TextAugment.Classification;

/// <summary>Precision, recall and F1 of one label.</summary>
/// <param name="Label">The label.</param>
/// <param name="Precision">Of the examples predicted as the label, the fraction that have it.</param>
/// <param name="Recall">Of the examples that have the label, the fraction predicted as it.</param>
/// <param name="F1">Harmonic mean of precision and recall (0 when both are 0).</param>
/// <param name="Support">Examples that have the label.</param>
public sealed record ClassScores(string Label, double Precision, double Recall, double F1, int Support);

/// <summary>How a classifier did on a labelled test set.</summary>
/// <param name="Accuracy">Fraction predicted right.</param>
/// <param name="MacroF1">Mean F1 over the labels.</param>
/// <param name="Classes">Per-label scores, in label order.</param>
/// <param name="Confusion">Confusion[gold][predicted] counts, in label order (a gold label the model does not know is left out).</param>
/// <param name="Count">Examples scored.</param>
public sealed record Evaluation(double Accuracy, double MacroF1, IReadOnlyList<ClassScores> Classes, int[][] Confusion, int Count)
{
    /// <summary>Scores <paramref name="model"/> on <paramref name="examples"/> (each must have a label).</summary>
    public static Evaluation Of(TextClassifier model, IReadOnlyList<Example> examples)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(examples);
        var gold = new string[examples.Count];
        var predicted = new string[examples.Count];
        Parallel.For(0, examples.Count, i =>
        {
            gold[i] = examples[i].Label ?? throw new ArgumentException($"example '{examples[i].Id}' has no label; evaluation needs labels.", nameof(examples));
            predicted[i] = model.Predict(examples[i].Text).Label;
        });
        return Of(gold, predicted, model.Labels);
    }

    /// <summary>Scores predictions against gold labels.</summary>
    public static Evaluation Of(IReadOnlyList<string> gold, IReadOnlyList<string> predicted, IReadOnlyList<string> labels)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(labels);
        var index = labels.Select((l, i) => (l, i)).ToDictionary(e => e.l, e => e.i, StringComparer.Ordinal);
        int[][] confusion = [.. labels.Select(_ => new int[labels.Count])];
        int correct = 0;
        var support = new int[labels.Count];
        var predictedCount = new int[labels.Count];
        for (int i = 0; i < gold.Count; i++)
        {
            correct += gold[i] == predicted[i] ? 1 : 0;
            bool known = index.TryGetValue(gold[i], out int g);
            int p = index[predicted[i]];
            predictedCount[p]++;
            if (known)
            {
                support[g]++;
                confusion[g][p]++;
            }
        }

        var classes = new List<ClassScores>();
        for (int c = 0; c < labels.Count; c++)
        {
            double precision = predictedCount[c] == 0 ? 0 : (double)confusion[c][c] / predictedCount[c];
            double recall = support[c] == 0 ? 0 : (double)confusion[c][c] / support[c];
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            classes.Add(new ClassScores(labels[c], precision, recall, f1, support[c]));
        }

        return new Evaluation(gold.Count == 0 ? 0 : (double)correct / gold.Count, classes.Count == 0 ? 0 : classes.Average(c => c.F1), classes, confusion, gold.Count);
    }
}
