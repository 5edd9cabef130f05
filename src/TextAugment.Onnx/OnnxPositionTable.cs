namespace TextAugment.Onnx;

/// <summary>
/// Reads how many positions a BERT-family ONNX model's position-embedding table has, from the file itself: the rows of
/// the graph's rank-2 initializer named like a position table (<c>position_embeddings.weight</c>, <c>positions.weight</c>).
/// Used when there is no <c>config.json</c> beside the model. Only the protobuf fields on the way are read
/// (ModelProto.graph = 7, GraphProto.initializer = 5, TensorProto.dims = 1 and name = 8); the weights are skipped.
/// </summary>
internal static class OnnxPositionTable
{
    /// <summary>The position table's rows, or null when the graph has no initializer that looks like one or the file cannot be read as ONNX.</summary>
    public static int? Rows(string modelPath)
    {
        try
        {
            using var stream = new FileStream(modelPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            var reader = new BinaryReader(stream);
            int? rows = null;
            ForEachField(reader, stream.Length, (field, length) =>
            {
                if (field != 7 || length < 0)
                {
                    return false;
                }

                ForEachField(reader, stream.Position + length, (graphField, initializerLength) =>
                {
                    if (graphField != 5 || initializerLength < 0 || rows is not null)
                    {
                        return false;
                    }

                    (string? name, List<long> dims) = ReadTensorHeader(reader, stream.Position + initializerLength);
                    if (name is not null && dims.Count == 2 && dims[0] is > 0 and <= int.MaxValue && name.Contains("position", StringComparison.OrdinalIgnoreCase))
                    {
                        rows = (int)dims[0];
                    }

                    return true;
                });
                return true;
            });
            return rows;
        }
        catch (Exception error) when (error is IOException or InvalidDataException or EndOfStreamException or UnauthorizedAccessException)
        {
            return null; // ONNX Runtime, which loaded it, is the judge of whether it is a model; this only looks for a table
        }
    }

    /// <summary>
    /// Calls <paramref name="visit"/> with each field number and, for a length-delimited field, its length (-1 for the other
    /// wire types, whose value is skipped here); a field the visitor did not read (it returns false) is skipped.
    /// </summary>
    internal static void ForEachField(BinaryReader reader, long end, Func<int, long, bool> visit)
    {
        Stream stream = reader.BaseStream;
        while (stream.Position < end)
        {
            ulong key = Varint(reader);
            int field = (int)(key >> 3);
            switch (key & 7)
            {
                case 0:
                    Varint(reader);
                    visit(field, -1);
                    break;
                case 1:
                    stream.Seek(8, SeekOrigin.Current);
                    break;
                case 5:
                    stream.Seek(4, SeekOrigin.Current);
                    break;
                case 2:
                    long length = checked((long)Varint(reader));
                    long next = stream.Position + length;
                    if (length < 0 || next > end)
                    {
                        throw new InvalidDataException("a field runs past its message");
                    }

                    if (!visit(field, length) || stream.Position != next)
                    {
                        stream.Position = next;
                    }

                    break;
                default:
                    throw new InvalidDataException($"wire type {key & 7}");
            }
        }
    }

    private static (string? Name, List<long> Dims) ReadTensorHeader(BinaryReader reader, long end)
    {
        Stream stream = reader.BaseStream;
        string? name = null;
        var dims = new List<long>();
        while (stream.Position < end)
        {
            ulong key = Varint(reader);
            int field = (int)(key >> 3);
            int wire = (int)(key & 7);
            if (field == 1 && wire == 0)
            {
                dims.Add((long)Varint(reader));
            }
            else if (field == 1 && wire == 2)
            {
                long packedEnd = stream.Position + (long)Varint(reader);
                while (stream.Position < packedEnd)
                {
                    dims.Add((long)Varint(reader));
                }
            }
            else if (field == 8 && wire == 2)
            {
                int length = checked((int)Varint(reader));
                name = length <= 4096 ? System.Text.Encoding.UTF8.GetString(reader.ReadBytes(length)) : null;
            }
            else
            {
                switch (wire)
                {
                    case 0: Varint(reader); break;
                    case 1: stream.Seek(8, SeekOrigin.Current); break;
                    case 5: stream.Seek(4, SeekOrigin.Current); break;
                    case 2: stream.Seek(checked((long)Varint(reader)), SeekOrigin.Current); break;
                    default: throw new InvalidDataException($"wire type {wire}");
                }
            }
        }

        stream.Position = end;
        return (name, dims);
    }

    private static ulong Varint(BinaryReader reader)
    {
        ulong value = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            byte b = reader.ReadByte();
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new InvalidDataException("a varint longer than 10 bytes");
    }
}
