namespace TextAugment.Classification;

/// <summary>Precision, recall and F1 of one label.</summary>
/// <param name="Label">The label.</param>
/// <param name="Precision">Of the examples predicted as the label, the fraction that have it.</param>
/// <param name="Recall">Of the examples that have the label, the fraction predicted as it.</param>
/// <param name="F1">Harmonic mean of precision and recall (0 when both are 0).</param>
/// <param name="Support">Examples that have the label.</param>
/// <param name="InModel">Whether the model has the label; false for a test label it was not trained on (it never predicts
/// it: recall and F1 are 0, and the label counts in the macro-F1, as scikit-learn's classification_report counts every label
/// of y_true ∪ y_pred). Default: true.</param>
public sealed record ClassScores(string Label, double Precision, double Recall, double F1, int Support, bool InModel = true);

/// <summary>How a classifier did on a labelled test set.</summary>
/// <param name="Accuracy">Fraction predicted right.</param>
/// <param name="MacroF1">Mean F1 over the labels the test set has or the predictions give (y_true ∪ y_pred, as scikit-learn's
/// f1_score(average="macro")): a label of the model that neither holds adds nothing, so a test set of 2 of a model's 6 labels,
/// all predicted right, scores 1.</param>
/// <param name="Classes">Per-label scores: the model's labels in its order, then the test labels the model does not have (ordinal order).</param>
/// <param name="Confusion">Confusion[gold][predicted] counts, in the order of <paramref name="Classes"/>.</param>
/// <param name="Count">Examples scored.</param>
public sealed record Evaluation(double Accuracy, double MacroF1, IReadOnlyList<ClassScores> Classes, int[][] Confusion, int Count)
{
    /// <summary>Scores <paramref name="model"/> on <paramref name="examples"/> (each must have a label).</summary>
    /// <exception cref="ArgumentException">An example has no label (the first such is named).</exception>
    public static Evaluation Of(TextClassifier model, IReadOnlyList<Example> examples)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(examples);
        // Checked before the parallel loop, which would wrap the error in an AggregateException.
        var gold = new string[examples.Count];
        for (int i = 0; i < examples.Count; i++)
        {
            gold[i] = examples[i].Label ?? throw new ArgumentException($"example '{examples[i].Id}' has no label; evaluation needs labels.", nameof(examples));
        }

        var predicted = new string[examples.Count];
        Parallel.For(0, examples.Count, i => predicted[i] = model.Predict(examples[i].Text).Label);
        return Of(gold, predicted, model.Labels);
    }

    /// <summary>
    /// Scores predictions against gold labels. The labels scored are <paramref name="labels"/> (the model's), then every gold
    /// or predicted label not among them, in ordinal order (marked <see cref="ClassScores.InModel"/> false): as scikit-learn's
    /// classification_report, which scores every label of y_true ∪ y_pred, so that a test label the model does not know shows
    /// in the table, the confusion matrix and the macro-F1 rather than only in the accuracy. A model label neither in the gold
    /// nor in the predicted labels is listed (support 0) but left out of the macro-F1, as scikit-learn leaves it out.
    /// </summary>
    public static Evaluation Of(IReadOnlyList<string> gold, IReadOnlyList<string> predicted, IReadOnlyList<string> labels)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(labels);
        var index = labels.Select((l, i) => (l, i)).ToDictionary(e => e.l, e => e.i, StringComparer.Ordinal);
        string[] extra = [.. gold.Concat(predicted).Where(l => !index.ContainsKey(l)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        string[] all = [.. labels, .. extra];
        foreach (string l in extra)
        {
            index[l] = index.Count;
        }

        int[][] confusion = [.. all.Select(_ => new int[all.Length])];
        int correct = 0;
        var support = new int[all.Length];
        var predictedCount = new int[all.Length];
        for (int i = 0; i < gold.Count; i++)
        {
            correct += gold[i] == predicted[i] ? 1 : 0;
            int g = index[gold[i]], p = index[predicted[i]];
            predictedCount[p]++;
            support[g]++;
            confusion[g][p]++;
        }

        var classes = new List<ClassScores>();
        for (int c = 0; c < all.Length; c++)
        {
            double precision = predictedCount[c] == 0 ? 0 : (double)confusion[c][c] / predictedCount[c];
            double recall = support[c] == 0 ? 0 : (double)confusion[c][c] / support[c];
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            classes.Add(new ClassScores(all[c], precision, recall, f1, support[c], c < labels.Count));
        }

        // y_true ∪ y_pred: the labels with support or predictions.
        double[] scored = [.. Enumerable.Range(0, all.Length).Where(c => support[c] > 0 || predictedCount[c] > 0).Select(c => classes[c].F1)];
        return new Evaluation(gold.Count == 0 ? 0 : (double)correct / gold.Count, scored.Length == 0 ? 0 : scored.Average(), classes, confusion, gold.Count);
    }
}
