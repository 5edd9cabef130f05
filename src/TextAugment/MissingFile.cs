namespace TextAugment;

/// <summary>
/// The error for a path that names no file to read: nothing is there, or a folder is. <see cref="File.Exists"/> is false
/// for a folder, so "not found" would mislead; the message says which it is.
/// </summary>
public static class MissingFile
{
    /// <summary>"PATH: WHAT file not found.", or for a folder "PATH: a folder, not a WHAT file; give the file inside it."</summary>
    /// <param name="path">The path as the user gave it.</param>
    /// <param name="what">What the file holds, e.g. "input", "model", "word-vector".</param>
    public static string Message(string path, string what) => Directory.Exists(path)
        ? $"{path}: a folder, not a{(what.Length > 0 && "aeiou".Contains(what[0], StringComparison.Ordinal) ? "n" : "")} {what} file; give the file inside it."
        : $"{path}: {what} file not found.";

    /// <summary>The exception carrying <see cref="Message"/>.</summary>
    public static FileNotFoundException Error(string path, string what) => new(Message(path, what), path);
}
