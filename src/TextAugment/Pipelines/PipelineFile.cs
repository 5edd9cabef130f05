namespace TextAugment.Pipelines;

/// <summary>What a run does with a file a pipeline names as one it reads.</summary>
public enum PipelineFileUse
{
    /// <summary><c>input.path</c>: the corpus a run augments (<c>textaugment augment -i</c> replaces it).</summary>
    Input,

    /// <summary>Read to augment: a stage's dictionary, vectors, statistics or model, the protected stop words, the segmenter's dictionary.</summary>
    Augment,

    /// <summary>Read by the <c>train</c> and <c>evaluate</c> sections: vectors, unlabelled text, validation and test files.</summary>
    Train,
}

/// <summary>
/// A file a pipeline names, with the key that names it and where: every path read through a pipeline's keys is recorded
/// this way when the pipeline is loaded (a stage registered from outside the library too, through
/// <see cref="StageArguments.Path"/>), so that no run writes over it.
/// </summary>
/// <param name="Key">The key as a reader would look for it, e.g. <c>synonym.dictionary</c> or <c>train.model</c>.</param>
/// <param name="Path">The full path.</param>
/// <param name="File">The pipeline file.</param>
/// <param name="Line">The line of the key's value (1-based).</param>
/// <param name="Column">The column of the key's value (1-based).</param>
/// <param name="Use">What the run does with it.</param>
public sealed record PipelineFile(string Key, string Path, string File, long Line, long Column, PipelineFileUse Use)
{
    /// <summary>The key's position, <c>file:line:column</c>.</summary>
    public string Location => $"{File}:{Line}:{Column}";

    /// <summary>The role to name in a message: the key and its position, e.g. <c>synonym.dictionary (a.yaml:5:32)</c>.</summary>
    public string Role => $"{Key} ({Location})";
}
