using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/TextAugment.Benchmarks -- --filter '*'          full runs
// dotnet run -c Release --project benchmarks/TextAugment.Benchmarks -- --smoke --filter '*'  a quick check that they run
// dotnet run -c Release --project benchmarks/TextAugment.Benchmarks -- vectors FILE 1000    load + top-10 timing (benchmarks/vectors/run.sh)
if (args is ["vectors", var path, var queries])
{
    VectorSearchRun.Run(path, int.Parse(queries, System.Globalization.CultureInfo.InvariantCulture));
    return;
}

if (args is ["mlm", var model, var vocab, var batches, var size, ..] && args.Length <= 6)
{
    MaskedLanguageModelRun.Run(model, vocab, batches, int.Parse(size, System.Globalization.CultureInfo.InvariantCulture), args.Length == 6 ? args[5] : null);
    return;
}

// dotnet run -c Release --project benchmarks/TextAugment.Benchmarks -- jieba DIR   agreement with Python jieba (dictionaries/build_jieba.py corpus DIR)
if (args is ["jieba", var corpusDir])
{
    JiebaAgreementRun.Run(corpusDir);
    return;
}

// dotnet run -c Release --project benchmarks/TextAugment.Benchmarks -- views LABELLED UNLABELLED RATIO 1,2,4 REPS
//   where consistency training's time goes, on the fly against K views made once (benchmarks/README.md)
if (args is ["views", var labelledPath, var unlabelledPath, var ratio, var viewList, var repetitions])
{
    ConsistencyViewsRun.Run(labelledPath, unlabelledPath, int.Parse(ratio, System.Globalization.CultureInfo.InvariantCulture),
        [.. viewList.Split(',').Select(v => int.Parse(v, System.Globalization.CultureInfo.InvariantCulture))], int.Parse(repetitions, System.Globalization.CultureInfo.InvariantCulture));
    return;
}

bool smoke = args.Contains("--smoke");
IConfig config = smoke
    ? DefaultConfig.Instance.AddJob(Job.Dry.WithId("smoke")).WithOptions(ConfigOptions.DisableOptimizationsValidator)
    : DefaultConfig.Instance;
BenchmarkSwitcher.FromAssembly(typeof(TokenizerBenchmarks).Assembly).Run([.. args.Where(a => a != "--smoke")], config);
