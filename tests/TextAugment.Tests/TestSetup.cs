using System.Runtime.CompilerServices;

namespace TextAugment.Tests;

internal static class TestSetup
{
    /// <summary>Pipelines in the tests may name the mlm stage, as the command line's may.</summary>
    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255", Justification = "Test assembly set-up.")]
    internal static void RegisterStages() => Onnx.OnnxStages.Register();
}
