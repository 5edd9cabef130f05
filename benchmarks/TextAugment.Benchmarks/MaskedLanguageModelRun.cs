using System.Diagnostics;
using System.Text.Json;
using TextAugment.Onnx;

/// <summary>Masked-word predictions per second through ONNX Runtime on the batches benchmarks/mlm/make_batches.py wrote, printed like peer_torch.py;
/// optionally the top-1 word of each row, one a line, to ARGMAX_OUT (for the int8 agreement).</summary>
internal static class MaskedLanguageModelRun
{
    public static void Run(string model, string vocab, string batchesPath, int size, string? argmaxPath)
    {
        var rows = File.ReadLines(batchesPath).Select(l => JsonDocument.Parse(l).RootElement)
            .Select(e => (Ids: e.GetProperty("ids").EnumerateArray().Select(x => x.GetInt64()).ToArray(), Mask: e.GetProperty("mask").GetInt32())).ToList();
        using MaskedLanguageModel mlm = MaskedLanguageModel.Create(model, vocab, new MaskedLanguageModelOptions { Threads = 2 });
        var batches = rows.Chunk(size).Select(c => (Ids: c.Select(r => r.Ids).ToList(), Positions: c.Select((r, b) => (b, r.Mask)).ToList())).ToList();
        mlm.Logits(batches[0].Ids, batches[0].Positions); // warm up
        long checksum = 0;
        var top1 = new List<int>(rows.Count);
        var clock = Stopwatch.StartNew();
        foreach (var (ids, positions) in batches)
        {
            foreach (float[] logits in mlm.Logits(ids, positions))
            {
                int best = System.Numerics.Tensors.TensorPrimitives.IndexOfMax(logits);
                checksum += best;
                top1.Add(best);
            }
        }

        double seconds = clock.Elapsed.TotalSeconds;
        if (argmaxPath is not null)
        {
            File.WriteAllLines(argmaxPath, top1.Select(t => t.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        string variant = mlm.MaskedPositionsOnly ? "masked rows" : "full logits";
        Console.WriteLine(System.FormattableString.Invariant($"textaugment (ONNX Runtime, {Path.GetFileName(model)}, {variant})\t{size}\t{rows.Count / seconds:F1}\t{checksum}"));
    }
}
