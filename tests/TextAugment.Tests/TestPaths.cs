namespace TextAugment.Tests;

/// <summary>Finds the repository's files from the test binaries.</summary>
internal static class TestPaths
{
    public static string Root { get; } = FindRoot();

    public static string Fixtures => Path.Combine(Root, "tests", "TextAugment.Tests", "fixtures");

    /// <summary>
    /// Writes p.yaml in <paramref name="dir"/>: the tiny.tsv fixture as input, one random_swap stage, out/a.tsv as output,
    /// and <c>train:</c> followed by <paramref name="train"/> (" { … }" inline, or "\n  key: …" lines); returns its path.
    /// </summary>
    public static string TrainPipeline(string dir, string train)
    {
        string path = Path.Combine(dir, "p.yaml");
        File.WriteAllText(path, $"input: {{ path: {Fixture("tiny.tsv").Replace('\\', '/')} }}\naugment:\n  stages:\n    - random_swap: {{ n: 1 }}\noutput: {{ path: out/a.tsv }}\ntrain:{train}\n");
        return path;
    }

    public static string Fixture(string name) => Path.Combine(Fixtures, name);

    public static string WordNet => Path.Combine(Root, "dictionaries", "en-wordnet.tsv");

    /// <summary>A fresh empty directory under the system's temporary folder.</summary>
    public static string NewTempDirectory()
    {
        string dir = Path.Combine(Path.GetTempPath(), "textaugment-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static string FindRoot()
    {
        string? dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "TextAugment.sln")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return dir ?? throw new InvalidOperationException("Cannot find TextAugment.sln above the test binaries.");
    }
}
