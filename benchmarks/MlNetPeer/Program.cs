using System.Diagnostics;
using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;

// ML.NET peer: FeaturizeText + SdcaMaximumEntropy. Usage: MlNetPeer TRAIN.tsv TEST.tsv PREDICTIONS
// Prints: train seconds<TAB>model bytes (saved zip).
var ml = new MLContext(seed: 1);
var loader = ml.Data.CreateTextLoader<Row>(new TextLoader.Options { HasHeader = true, Separators = ['\t'], AllowQuoting = false });
IDataView train = loader.Load(args[0]);
IDataView test = loader.Load(args[1]);
var pipeline = ml.Transforms.Conversion.MapValueToKey("Key", nameof(Row.Label))
    .Append(ml.Transforms.Text.FeaturizeText("Features", nameof(Row.Text)))
    .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy("Key", "Features"))
    .Append(ml.Transforms.Conversion.MapKeyToValue("Predicted", "PredictedLabel"));
var clock = Stopwatch.StartNew();
ITransformer model = pipeline.Fit(train);
double seconds = clock.Elapsed.TotalSeconds;
var predictions = ml.Data.CreateEnumerable<Output>(model.Transform(test), reuseRowObject: false).Select(o => o.Predicted);
File.WriteAllLines(args[2], predictions);
string zip = Path.GetTempFileName();
ml.Model.Save(model, train.Schema, zip);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{seconds:F2}\t{new FileInfo(zip).Length}"));
File.Delete(zip);

internal sealed class Row
{
    [LoadColumn(0)] public string Id { get; set; } = "";
    [LoadColumn(1)] public string Text { get; set; } = "";
    [LoadColumn(2)] public string Label { get; set; } = "";
}

internal sealed class Output
{
    public string Predicted { get; set; } = "";
}
