using System.Globalization;
using System.Text;
using System.Text.Json;
using TextAugment.Corpus;

namespace TextAugment.Classification;

/// <summary>
/// What a training run did, epoch by epoch, and what the curves say: saved as JSON (everything), CSV (the
/// curves) and SVG (the curves as a picture).
/// </summary>
public sealed class TrainingReport
{
    internal TrainingReport(IReadOnlyList<EpochRecord> epochs, int bestEpoch, bool stoppedEarly, double sparsity, int classes, TrainerOptions options)
    {
        Epochs = epochs;
        BestEpoch = bestEpoch;
        StoppedEarly = stoppedEarly;
        Sparsity = sparsity;
        Classes = classes;
        Options = options;
    }

    /// <summary>Per-epoch numbers.</summary>
    public IReadOnlyList<EpochRecord> Epochs { get; }

    /// <summary>The epoch whose weights the model holds (the best validation epoch, or the last without validation).</summary>
    public int BestEpoch { get; }

    /// <summary>Whether early stopping ended training before the last epoch.</summary>
    public bool StoppedEarly { get; }

    /// <summary>Fraction of the model's weights that are exactly zero.</summary>
    public double Sparsity { get; }

    /// <summary>Number of labels.</summary>
    public int Classes { get; }

    /// <summary>The options used.</summary>
    public TrainerOptions Options { get; }

    /// <summary>A plain reading of the curves: bias, variance, or neither (read once asked, when <see cref="ValidationRows"/> is set).</summary>
    public string Diagnosis => _diagnosis ??= Diagnose();

    private string? _diagnosis;

    /// <summary>Rows trained on (after any validation rows were held out).</summary>
    public int TrainingRows { get; init; }

    /// <summary>Rows validated on (0 without validation).</summary>
    public int ValidationRows { get; init; }

    /// <summary>Where the validation data came from, in words: held out by id or by row, given, or none.</summary>
    public string ValidationNote { get; init; } = "";

    /// <summary>Epochs of the refit on all the data after early stopping chose them, or null without a refit.</summary>
    public int? RefitEpochs { get; init; }

    /// <summary>The best epoch's record.</summary>
    public EpochRecord Best => Epochs[BestEpoch - 1];

    /// <summary>
    /// The epoch where the curves part: validation loss at its minimum, after which it rose (by at least 1 % of
    /// that minimum) while training loss kept falling; null when they never part this way.
    /// </summary>
    public int? PartingEpoch
    {
        get
        {
            if (Epochs.Count == 0 || double.IsNaN(Epochs[0].ValidationLoss))
            {
                return null;
            }

            EpochRecord minimum = Epochs.MinBy(e => e.ValidationLoss)!;
            EpochRecord last = Epochs[^1];
            bool rose = Epochs.Skip(minimum.Epoch).Any(e => e.ValidationLoss > minimum.ValidationLoss * 1.01 + 1e-9);
            return rose && last.TrainLoss < minimum.TrainLoss ? minimum.Epoch : null;
        }
    }

    /// <summary>What reduces variance for this model: its regularisers (dropout acts on hidden units only), and early stopping.</summary>
    private string AgainstVariance() =>
        $"Regularise more ({(Options.Hidden.Count > 0 ? "dropout, l2, l1" : "l2, weight decay, l1")}), add data or augmentation, or "
        + (Options.EarlyStopping.Stops ? "keep early stopping on."
            : Options.EarlyStopping.Enabled ? "give early stopping a patience: early_stopping.patience, --patience of 1 or more (patience 0 turns it off)."
            : "turn early stopping on (early_stopping.enabled, --early-stopping).");

    /// <summary>
    /// Whether validation loss still falls at the last epoch (its lowest there, below the epoch before): the model is still
    /// improving, which no gap between the curves makes variance.
    /// </summary>
    private bool StillImproving => Epochs.Count >= 2 && Epochs[^1].ValidationLoss < Epochs[^2].ValidationLoss
        && Epochs[^1].ValidationLoss <= Epochs.Min(e => e.ValidationLoss);

    private string TrainLonger() => Options.EarlyStopping.Stops
        ? "train longer (epochs): early stopping will stop where validation loss turns."
        : "train longer (epochs), with early stopping (--early-stopping, --patience 1 or more) to stop where validation loss turns.";

    private string Diagnose()
    {
        EpochRecord best = Best;
        double chance = Math.Log(Classes);
        string where = $"At epoch {BestEpoch} (the model kept{(StoppedEarly ? "; early stopping ended training at epoch " + Epochs.Count : "")}), ";
        string numbers = FormattableString.Invariant($"training loss is {best.TrainLoss:F3} and validation loss {best.ValidationLoss:F3} (guessing scores {chance:F3}). ");
        if (double.IsNaN(best.ValidationLoss))
        {
            string loss = FormattableString.Invariant($"training loss is {best.TrainLoss:F3} (guessing scores {chance:F3}); ");
            return where + loss + (ValidationRows > 0
                ? $"none of the {ValidationRows:N0} validation examples has a label the model was trained on, so they give no validation loss and the curves cannot tell variance from bias."
                : "without validation data the curves cannot tell variance from bias ("
                    + (Options.ValidationFraction > 0 ? "none could be held out: add examples, at least 2 per label" : "hold some out: validation.fraction 0.1, --validation-fraction 0.1") + ").");
        }

        // The whole curve, not only the kept epoch: training loss falling while validation loss rises after
        // its minimum is variance, whichever epoch was kept.
        if (PartingEpoch is int parting)
        {
            EpochRecord at = Epochs[parting - 1], last = Epochs[^1];
            string kept = BestEpoch == parting ? " The kept model is that epoch's." : BestEpoch < parting ? "" : $" The kept model (epoch {BestEpoch}) is past it.";
            return where + numbers + FormattableString.Invariant(
                $"The curves part at epoch {parting}: validation loss is lowest there ({at.ValidationLoss:F3}) and rises to {last.ValidationLoss:F3} by epoch {last.Epoch} while training loss falls from {at.TrainLoss:F3} to {last.TrainLoss:F3}: the model overfits (high variance) after epoch {parting}.{kept} {AgainstVariance()}");
        }

        double lowestTrain = Epochs.Min(e => e.TrainLoss);
        if (lowestTrain > 0.35 * chance)
        {
            return where + numbers + FormattableString.Invariant(
                $"Training loss stays high over the whole curve (lowest {lowestTrain:F3}) and validation loss with it: the model underfits (high bias). Train longer, widen it (hidden, dim), add features (word n-grams, char n-grams) or regularise less.");
        }

        EpochRecord first = Epochs[0], final = Epochs[^1];
        string falling = FormattableString.Invariant($"validation loss is still falling at the last epoch ({Epochs[Math.Max(0, Epochs.Count - 2)].ValidationLoss:F3} → {final.ValidationLoss:F3} at epoch {final.Epoch})");
        if (best.ValidationLoss > 2 * best.TrainLoss + 0.1)
        {
            // Variance needs validation loss rising after its minimum (the parting above) or a gap that grows; a gap while
            // validation loss still falls is a model still learning.
            if (StillImproving)
            {
                return where + numbers + $"Validation loss is well above training loss, but {falling}: the model is still improving, not overfitting. Then {TrainLonger()}";
            }

            if (Epochs.Count == 1)
            {
                return where + numbers + "Validation loss is well above training loss after one epoch; one epoch shows no trend: " + TrainLonger();
            }

            if (best.ValidationLoss - best.TrainLoss > first.ValidationLoss - first.TrainLoss)
            {
                return where + numbers + FormattableString.Invariant(
                    $"Training loss is low but validation loss is much higher, and the gap has grown since epoch 1 ({first.ValidationLoss - first.TrainLoss:F3} → {best.ValidationLoss - best.TrainLoss:F3}): the model overfits (high variance). ") + AgainstVariance();
            }

            return where + numbers + "Validation loss is much higher than training loss, but the gap has not grown since epoch 1: not variance; the validation data may differ from the training data (its source, its labels).";
        }

        return where + numbers + "Both are low and close: neither bias nor variance dominates." + (StillImproving ? $" But {falling}: more epochs may help." : "");
    }

    /// <summary>The files <see cref="Save"/> writes into <paramref name="directory"/>.</summary>
    public static IReadOnlyList<string> Files(string directory) =>
        [Path.Combine(directory, "curves.csv"), Path.Combine(directory, "curves.svg"), Path.Combine(directory, "report.json")];

    /// <summary>Writes report.json, curves.csv and curves.svg into <paramref name="directory"/> (created if needed).</summary>
    public void Save(string directory)
    {
        Directory.CreateDirectory(directory);
        WriteAtomically(Path.Combine(directory, "curves.csv"), Csv());
        WriteAtomically(Path.Combine(directory, "curves.svg"), Svg());
        WriteAtomically(Path.Combine(directory, "report.json"), Json());
    }

    /// <summary>The curves as CSV.</summary>
    public string Csv()
    {
        var sb = new StringBuilder("epoch,train_loss,train_accuracy,validation_loss,validation_accuracy,consistency_loss,consistency_kept,learning_rate,sparsity,seconds\n");
        foreach (EpochRecord e in Epochs)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{e.Epoch},{e.TrainLoss:R},{e.TrainAccuracy:R},{CsvNumber(e.ValidationLoss)},{CsvNumber(e.ValidationAccuracy)},{CsvNumber(e.ConsistencyLoss)},{CsvNumber(e.ConsistencyKept)},{e.LearningRate:R},{e.Sparsity:R},{e.Seconds:F3}\n");
        }

        return sb.ToString();
    }

    // An empty field, not NaN, where there is no value (no validation data).
    private static string CsvNumber(double value) => double.IsNaN(value) ? "" : value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Everything as JSON.</summary>
    public string Json() => JsonText.Write(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("best_epoch", BestEpoch);
        w.WriteNumber("training_rows", TrainingRows);
        w.WriteNumber("validation_rows", ValidationRows);
        w.WriteString("validation", ValidationNote);
        w.WriteNumberOrNull("refit_epochs", RefitEpochs);
        w.WriteBoolean("stopped_early", StoppedEarly);
        w.WriteNumber("sparsity", Sparsity);
        w.WriteString("diagnosis", Diagnosis);
        // Every trainer option as the run used it (the option table's names), so a report says which settings made it.
        w.WriteNumber("seed", Options.Seed);
        w.WriteStartObject("options");
        foreach (TrainerOption o in TrainerOptionTable.All)
        {
            w.WriteValue(o.Name, o.Get(Options));
        }

        w.WriteEndObject();
        w.WriteStartArray("epochs");
        foreach (EpochRecord e in Epochs)
        {
            w.WriteStartObject();
            w.WriteNumber("epoch", e.Epoch);
            w.WriteNumberOrNull("train_loss", Finite(e.TrainLoss));
            w.WriteNumberOrNull("train_accuracy", Finite(e.TrainAccuracy));
            w.WriteNumberOrNull("validation_loss", Finite(e.ValidationLoss));
            w.WriteNumberOrNull("validation_accuracy", Finite(e.ValidationAccuracy));
            w.WriteNumberOrNull("consistency_loss", Finite(e.ConsistencyLoss));
            w.WriteNumberOrNull("consistency_kept", Finite(e.ConsistencyKept));
            w.WriteNumber("learning_rate", e.LearningRate);
            w.WriteNumber("sparsity", e.Sparsity);
            w.WriteNumber("seconds", e.Seconds);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }, indented: true, relaxed: true);

    /// <summary>A console table of the curves, the best epoch marked.</summary>
    public string Table()
    {
        // Without validation data the validation columns are left out, not filled with NaN.
        bool validated = Epochs.Count > 0 && !double.IsNaN(Epochs[0].ValidationLoss);
        bool consistent = Epochs.Count > 0 && !double.IsNaN(Epochs[0].ConsistencyLoss);
        var sb = new StringBuilder("epoch  train loss  train acc  " + (validated ? "valid loss  valid acc  " : "") + (consistent ? "consistency  kept  " : "") + "lr        zeros\n");
        foreach (EpochRecord e in Epochs)
        {
            string valid = validated ? string.Create(CultureInfo.InvariantCulture, $"{e.ValidationLoss,10:F4}  {e.ValidationAccuracy,9:P1}  ") : "";
            string kl = consistent ? string.Create(CultureInfo.InvariantCulture, $"{e.ConsistencyLoss,11:F4}  {e.ConsistencyKept,4:P0}  ") : "";
            sb.Append(CultureInfo.InvariantCulture,
                $"{e.Epoch,5}  {e.TrainLoss,10:F4}  {e.TrainAccuracy,9:P1}  {valid}{kl}{e.LearningRate,-8:G3}  {e.Sparsity,5:P1}{(e.Epoch == BestEpoch ? "  ← kept" : "")}\n");
        }

        return sb.ToString();
    }

    /// <summary>Loss and accuracy curves, training and validation, the kept epoch marked.</summary>
    public string Svg()
    {
        const int width = 780, height = 340, panel = 340, top = 40, plotHeight = 230, left = 50;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        sb.Append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        double maxLoss = Epochs.SelectMany(e => new[] { e.TrainLoss, e.ValidationLoss, e.ConsistencyLoss }).Where(double.IsFinite).DefaultIfEmpty(1).Max() * 1.05;
        Panel(sb, left, "loss", e => e.TrainLoss, e => e.ValidationLoss, 0, maxLoss);
        if (Epochs.Any(e => double.IsFinite(e.ConsistencyLoss)))
        {
            // The consistency loss (UDA's KL term, unweighted, training mode) in the loss panel, dotted.
            int n = Math.Max(Epochs.Count, 2);
            var points = Epochs.Where(e => double.IsFinite(e.ConsistencyLoss)).Select(e => FormattableString.Invariant(
                $"{left + (e.Epoch - 1) * (double)panel / (n - 1):F1},{top + plotHeight - e.ConsistencyLoss / maxLoss * plotHeight:F1}"));
            sb.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"#9467bd\" stroke-width=\"2\" stroke-dasharray=\"2 3\" points=\"{string.Join(' ', points)}\"/>\n");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{left + panel - 4}\" y=\"{top + 14}\" text-anchor=\"end\" fill=\"#9467bd\">dotted: consistency (KL)</text>\n");
        }

        Panel(sb, left + panel + 30, "accuracy", e => e.TrainAccuracy, e => e.ValidationAccuracy, 0, 1);
        // Legend: colour samples, then the kept epoch's marker.
        int ly = height - 12;
        sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{ly}\" x2=\"{left + 24}\" y2=\"{ly}\" stroke=\"#1f77b4\" stroke-width=\"2\"/><text x=\"{left + 30}\" y=\"{ly + 4}\">training</text>\n");
        sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left + 110}\" y1=\"{ly}\" x2=\"{left + 134}\" y2=\"{ly}\" stroke=\"#d62728\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/><text x=\"{left + 140}\" y=\"{ly + 4}\">validation</text>\n");
        sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left + 230}\" y1=\"{ly - 7}\" x2=\"{left + 230}\" y2=\"{ly + 7}\" stroke=\"#2ca02c\" stroke-width=\"2\"/><text x=\"{left + 238}\" y=\"{ly + 4}\">kept epoch {BestEpoch}{(StoppedEarly ? $" (stopped early at {Epochs.Count})" : "")}</text>\n");
        sb.Append("</svg>\n");
        return sb.ToString();

        void Panel(StringBuilder svg, int x0, string title, Func<EpochRecord, double> train, Func<EpochRecord, double> validation, double min, double max)
        {
            int n = Math.Max(Epochs.Count, 2);
            double X(int epoch) => x0 + (epoch - 1) * (double)panel / (n - 1);
            double Y(double v) => top + plotHeight - (v - min) / (max - min) * plotHeight;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x0}\" y=\"{top - 12}\" font-weight=\"bold\">{title}</text>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x0}\" y=\"{top}\" width=\"{panel}\" height=\"{plotHeight}\" fill=\"none\" stroke=\"#888\"/>\n");
            for (int k = 0; k <= 4; k++)
            {
                double v = min + (max - min) * k / 4;
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x0 - 4}\" y=\"{Y(v) + 4:F1}\" text-anchor=\"end\" font-size=\"10\">{v:G3}</text>\n");
            }

            int every = Math.Max(1, (Epochs.Count + 9) / 10);
            for (int epoch = 1; epoch <= Epochs.Count; epoch += every)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(epoch):F1}\" y=\"{top + plotHeight + 14}\" text-anchor=\"middle\" font-size=\"10\">{epoch}</text>\n");
            }

            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x0 + panel / 2}\" y=\"{top + plotHeight + 28}\" text-anchor=\"middle\" font-size=\"10\">epoch</text>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{X(BestEpoch):F1}\" y1=\"{top}\" x2=\"{X(BestEpoch):F1}\" y2=\"{top + plotHeight}\" stroke=\"#2ca02c\" stroke-width=\"2\"/>\n");
            Line(svg, train, "#1f77b4", "", X, Y);
            Line(svg, validation, "#d62728", " stroke-dasharray=\"6 4\"", X, Y);
        }

        void Line(StringBuilder svg, Func<EpochRecord, double> value, string colour, string dash, Func<int, double> x, Func<double, double> y)
        {
            var points = Epochs.Where(e => double.IsFinite(value(e))).Select(e => FormattableString.Invariant($"{x(e.Epoch):F1},{y(value(e)):F1}")).ToList();
            if (points.Count > 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\"{dash} points=\"{string.Join(' ', points)}\"/>\n");
            }
        }
    }

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    private static void WriteAtomically(string path, string content)
    {
        using Corpus.AtomicOutput output = Corpus.AtomicOutput.Open(path);
        output.Stream.Write(Encoding.UTF8.GetBytes(content));
        output.Commit();
    }
}
