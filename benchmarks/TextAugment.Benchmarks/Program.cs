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

bool smoke = args.Contains("--smoke");
IConfig config = smoke
    ? DefaultConfig.Instance.AddJob(Job.Dry.WithId("smoke")).WithOptions(ConfigOptions.DisableOptimizationsValidator)
    : DefaultConfig.Instance;
BenchmarkSwitcher.FromAssembly(typeof(TokenizerBenchmarks).Assembly).Run([.. args.Where(a => a != "--smoke")], config);
