using static TextAugment.Tests.StreamingTests;

namespace TextAugment.Tests;

/// <summary>The command line as a user meets it, through the real process: strict options, --version, which stream gets what.</summary>
public class CommandLineTests
{
    [Theory]
    [InlineData("train", "--hiden", "--hidden")]
    [InlineData("train", "--thread", null)]
    [InlineData("augment", "--thread", "--threads")]
    [InlineData("evaluate", "--bogus", null)]
    [InlineData("run", "--shrad", "--shard")]
    public void An_unknown_option_exits_2_and_names_the_nearest_valid_one(string command, string option, string? nearest)
    {
        var (code, output, errors) = Textaugment("", command, "some-file", "other-file", option, "2");
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains($"unknown option '{option}'", errors, StringComparison.Ordinal);
        if (nearest is not null)
        {
            Assert.Contains($"did you mean '{nearest}'?", errors, StringComparison.Ordinal);
        }
        else
        {
            Assert.DoesNotContain("did you mean", errors, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Version_prints_the_library_and_onnx_runtime_versions_on_standard_output()
    {
        var (code, output, _) = Textaugment("", "--version");
        Assert.Equal(0, code);
        string library = typeof(Example).Assembly.GetName().Version!.ToString(3);
        string onnx = Microsoft.ML.OnnxRuntime.OrtEnv.Instance().GetVersionString();
        Assert.Equal($"textaugment {library} (ONNX Runtime {onnx})", output.Trim());
    }
}
