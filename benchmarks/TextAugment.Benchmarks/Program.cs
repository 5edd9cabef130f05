using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/TextAugment.Benchmarks -- --filter '*'          full runs
// dotnet run -c Release --project benchmarks/TextAugment.Benchmarks -- --smoke --filter '*'  a quick check that they run
bool smoke = args.Contains("--smoke");
IConfig config = smoke
    ? DefaultConfig.Instance.AddJob(Job.Dry.WithId("smoke")).WithOptions(ConfigOptions.DisableOptimizationsValidator)
    : DefaultConfig.Instance;
BenchmarkSwitcher.FromAssembly(typeof(TokenizerBenchmarks).Assembly).Run([.. args.Where(a => a != "--smoke")], config);
