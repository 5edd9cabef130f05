namespace TextAugment.Tests;

/// <summary>Finds the repository's files from the test binaries.</summary>
internal static class TestPaths
{
    public static string Root { get; } = FindRoot();

    public static string Fixtures => Path.Combine(Root, "tests", "TextAugment.Tests", "fixtures");

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
