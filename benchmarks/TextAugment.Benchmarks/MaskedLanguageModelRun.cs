using System.Diagnostics;
using System.Text.Json;
using TextAugment.Onnx;

/// <summary>Masked-word predictions per second through ONNX Runtime on the batches benchmarks/mlm/make_batches.py wrote, printed like peer_torch.py.</summary>
internal static class MaskedLanguageModelRun
{
    public static void Run(string model, string vocab, string batchesPath, int size)
    {
        var rows = File.ReadLines(batchesPath).Select(l => JsonDocument.Parse(l).RootElement)
            .Select(e => (Ids: e.GetProperty("ids").EnumerateArray().Select(x => x.GetInt64()).ToArray(), Mask: e.GetProperty("mask").GetInt32())).ToList();
        using MaskedLanguageModel mlm = MaskedLanguageModel.Create(model, vocab, new MaskedLanguageModelOptions { Threads = 2 });
        var batches = rows.Chunk(size).Select(c => (Ids: c.Select(r => r.Ids).ToList(), Positions: c.Select((r, b) => (b, r.Mask)).ToList())).ToList();
        mlm.Logits(batches[0].Ids, batches[0].Positions); // warm up
        long checksum = 0;
        var clock = Stopwatch.StartNew();
        foreach (var (ids, positions) in batches)
        {
            foreach (float[] logits in mlm.Logits(ids, positions))
            {
                checksum += System.Numerics.Tensors.TensorPrimitives.IndexOfMax(logits);
            }
        }

        Console.WriteLine(System.FormattableString.Invariant($"textaugment (ONNX Runtime)\t{size}\t{rows.Count / clock.Elapsed.TotalSeconds:F0}\t{checksum}"));
    }
}
