namespace TextAugment.Onnx;

/// <summary>
/// Reads which files an ONNX model keeps its weights in, outside the model file: ONNX's external data (the format of
/// models over 2 GB, <c>model.onnx_data</c> beside <c>model.onnx</c>), named by each initializer's <c>external_data</c>
/// entry <c>location</c>, relative to the model's folder. ONNX Runtime reads them when it loads the model, so a pipeline
/// counts them among the files it reads. Only the protobuf fields on the way are read (ModelProto.graph = 7,
/// GraphProto.initializer = 5, TensorProto.external_data = 13, StringStringEntryProto.key = 1 and value = 2).
/// </summary>
internal static class OnnxExternalData
{
    /// <summary>The external data files of the model that exist, as full paths, each once; empty when it has none or cannot be read as ONNX.</summary>
    public static IReadOnlyList<string> Files(string modelPath)
    {
        string folder = Path.GetDirectoryName(Path.GetFullPath(modelPath))!;
        var files = new List<string>();
        try
        {
            using var stream = new FileStream(modelPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            var reader = new BinaryReader(stream);
            OnnxPositionTable.ForEachField(reader, stream.Length, (field, length) =>
            {
                if (field != 7 || length < 0)
                {
                    return false;
                }

                OnnxPositionTable.ForEachField(reader, stream.Position + length, (graphField, initializerLength) =>
                {
                    if (graphField != 5 || initializerLength < 0)
                    {
                        return false;
                    }

                    OnnxPositionTable.ForEachField(reader, stream.Position + initializerLength, (tensorField, entryLength) =>
                    {
                        if (tensorField != 13 || entryLength < 0)
                        {
                            return false;
                        }

                        string? key = null, value = null;
                        OnnxPositionTable.ForEachField(reader, stream.Position + entryLength, (entryField, textLength) =>
                        {
                            if (entryField is not (1 or 2) || textLength is < 0 or > 4096)
                            {
                                return false;
                            }

                            string text = System.Text.Encoding.UTF8.GetString(reader.ReadBytes((int)textLength));
                            (key, value) = entryField == 1 ? (text, value) : (key, text);
                            return true;
                        });
                        if (key == "location" && value is { Length: > 0 } && Path.GetFullPath(Path.Combine(folder, value)) is { } file
                            && File.Exists(file) && !files.Contains(file, StringComparer.Ordinal))
                        {
                            files.Add(file);
                        }

                        return true;
                    });
                    return true;
                });
                return true;
            });
        }
        catch (Exception error) when (error is IOException or InvalidDataException or EndOfStreamException or UnauthorizedAccessException)
        {
            // ONNX Runtime is the judge of whether it is a model; this only looks for the files it names.
        }

        return files;
    }
}
