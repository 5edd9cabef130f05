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

    /// <summary>A fresh empty directory under this test run's folder in the system's temporary folder.</summary>
    public static string NewTempDirectory()
    {
        // 16 hex digits: unique within a run, and short, since messages shorten paths past 80 characters and tests compare them.
        string dir = Path.Combine(RunDirectory.Value, Guid.NewGuid().ToString("N")[..16]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    // The run's folder, textaugment-tests/rPID (short: messages shorten long paths, and tests compare them). Runs left
    // their corpora, models and outputs behind (6.4 GB had gathered in /tmp): the folder is deleted when the test
    // process exits, and a run deletes the folders of runs whose process is gone (a full run's host may be ended before
    // its exit handler is done), so at most one run's files stay.
    private static readonly Lazy<string> RunDirectory = new(() =>
    {
        string parent = Path.Combine(Path.GetTempPath(), "textaugment-tests");
        string dir = Path.Combine(parent, $"r{Environment.ProcessId}");
        Directory.CreateDirectory(dir);
        foreach (string stale in Directory.EnumerateDirectories(parent, "r*"))
        {
            if (int.TryParse(Path.GetFileName(stale).AsSpan(1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int pid)
                && pid != Environment.ProcessId && !IsAlive(pid))
            {
                TryDelete(stale);
            }
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(dir);
        return dir;
    });

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static void TryDelete(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
            // Left for the next run's stale sweep.
        }
        catch (UnauthorizedAccessException)
        {
        }
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
