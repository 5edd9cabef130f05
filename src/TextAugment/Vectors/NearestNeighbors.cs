using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace TextAugment.Vectors;

public sealed partial class WordVectors
{
    private const int RowBlock = 256;   // rows of the matrix scored together: 256 rows of 300 floats (300 KB) stay in L2
    private const int QueryTile = 4;    // queries scored against each row at once

    /// <summary>
    /// Exact cosine top-k for every query row, answered together: the queries times the whole matrix as a
    /// blocked matrix product (a block of rows stays in cache while every query is scored against it, four
    /// queries by four rows at a time in SIMD registers), keeping each query's best <paramref name="k"/> on the way.
    /// </summary>
    /// <param name="queries">Rows to find neighbours for.</param>
    /// <param name="k">Neighbours per query.</param>
    /// <param name="exclude">Rows never returned for a query (query row, candidate row); the query itself is always excluded.</param>
    /// <param name="minSimilarity">Neighbours below this cosine are dropped.</param>
    /// <returns>For each query, up to <paramref name="k"/> neighbours, most similar first.</returns>
    public Neighbor[][] Nearest(ReadOnlySpan<int> queries, int k, Func<int, int, bool>? exclude = null, float minSimilarity = -1f)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        int q = queries.Length;
        if (q == 0)
        {
            return [];
        }

        // Keep more than k while scanning: excluded rows are filtered out at the end.
        int keep = Math.Min(Count, k + (exclude is null ? 1 : k + 16));
        int tiles = (q + QueryTile - 1) / QueryTile;
        var packed = new float[tiles * QueryTile * Stride];
        for (int i = 0; i < q; i++)
        {
            Vector(queries[i]).CopyTo(packed.AsSpan(i * Stride));
        }

        var scores = new float[q * keep];
        var rows = new int[q * keep];
        scores.AsSpan().Fill(float.NegativeInfinity);
        rows.AsSpan().Fill(-1);

        // Split the query tiles between threads; each thread streams the whole matrix once, block by block.
        int threads = Math.Clamp(Environment.ProcessorCount, 1, tiles);
        Parallel.For(0, threads, t =>
        {
            int firstTile = tiles * t / threads, lastTile = tiles * (t + 1) / threads;
            Span<float> tileScores = stackalloc float[QueryTile * QueryTile];
            for (int start = 0; start < Count; start += RowBlock)
            {
                int end = Math.Min(Count, start + RowBlock);
                for (int tile = firstTile; tile < lastTile; tile++)
                {
                    ScoreTile(packed, tile, start, end, Math.Min(QueryTile, q - tile * QueryTile), keep, scores, rows, tileScores);
                }
            }
        });

        var result = new Neighbor[q][];
        for (int i = 0; i < q; i++)
        {
            var list = new List<Neighbor>(k);
            for (int j = 0; j < keep && list.Count < k; j++)
            {
                int row = rows[i * keep + j];
                float score = scores[i * keep + j];
                if (row < 0 || score < minSimilarity)
                {
                    break;
                }

                if (row != queries[i] && exclude?.Invoke(queries[i], row) != true)
                {
                    list.Add(new Neighbor(row, score));
                }
            }

            result[i] = [.. list];
        }

        return result;
    }

    private void ScoreTile(float[] packed, int tile, int start, int end, int live, int keep, float[] scores, int[] rows, Span<float> tileScores)
    {
        ref float queryBase = ref MemoryMarshal.GetArrayDataReference(packed);
        ref float matrixBase = ref MemoryMarshal.GetArrayDataReference(Matrix);
        int stride = Stride;
        int q0 = tile * QueryTile;
        for (int r = start; r < end; r += QueryTile)
        {
            int rowsHere = Math.Min(QueryTile, end - r);
            if (rowsHere == QueryTile)
            {
                Kernel4x4(ref Unsafe.Add(ref queryBase, q0 * stride), ref Unsafe.Add(ref matrixBase, (nint)r * stride), stride, tileScores);
            }
            else
            {
                for (int a = 0; a < QueryTile; a++)
                {
                    for (int b = 0; b < rowsHere; b++)
                    {
                        tileScores[a * QueryTile + b] = System.Numerics.Tensors.TensorPrimitives.Dot(
                            packed.AsSpan((q0 + a) * stride, stride), Matrix.AsSpan((r + b) * stride, stride));
                    }
                }
            }

            for (int a = 0; a < live; a++)
            {
                int at = (q0 + a) * keep;
                float threshold = scores[at + keep - 1];
                for (int b = 0; b < rowsHere; b++)
                {
                    float s = tileScores[a * QueryTile + b];
                    if (s > threshold)
                    {
                        Insert(scores.AsSpan(at, keep), rows.AsSpan(at, keep), s, r + b);
                        threshold = scores[at + keep - 1];
                    }
                }
            }
        }
    }

    /// <summary>Inserts into a list sorted by descending score, dropping its last entry.</summary>
    private static void Insert(Span<float> scores, Span<int> rows, float score, int row)
    {
        int i = scores.Length - 1;
        while (i > 0 && scores[i - 1] < score)
        {
            scores[i] = scores[i - 1];
            rows[i] = rows[i - 1];
            i--;
        }

        scores[i] = score;
        rows[i] = row;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Step(Vector512<float> q, Vector512<float> r0, Vector512<float> r1, Vector512<float> r2, Vector512<float> r3,
        ref Vector512<float> a0, ref Vector512<float> a1, ref Vector512<float> a2, ref Vector512<float> a3)
    {
        a0 = Vector512.FusedMultiplyAdd(q, r0, a0);
        a1 = Vector512.FusedMultiplyAdd(q, r1, a1);
        a2 = Vector512.FusedMultiplyAdd(q, r2, a2);
        a3 = Vector512.FusedMultiplyAdd(q, r3, a3);
    }

    /// <summary>Dot products of 4 query rows with 4 matrix rows: 16 accumulators in SIMD registers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel4x4(ref float queries, ref float rows, int stride, Span<float> destination)
    {
        if (Vector512.IsHardwareAccelerated)
        {
            Vector512<float> a00 = default, a01 = default, a02 = default, a03 = default;
            Vector512<float> a10 = default, a11 = default, a12 = default, a13 = default;
            Vector512<float> a20 = default, a21 = default, a22 = default, a23 = default;
            Vector512<float> a30 = default, a31 = default, a32 = default, a33 = default;
            int d = 0;
            for (; d + 16 <= stride; d += 16)
            {
                var r0 = Vector512.LoadUnsafe(ref rows, (nuint)d);
                var r1 = Vector512.LoadUnsafe(ref rows, (nuint)(stride + d));
                var r2 = Vector512.LoadUnsafe(ref rows, (nuint)(2 * stride + d));
                var r3 = Vector512.LoadUnsafe(ref rows, (nuint)(3 * stride + d));
                Step(Vector512.LoadUnsafe(ref queries, (nuint)d), r0, r1, r2, r3, ref a00, ref a01, ref a02, ref a03);
                Step(Vector512.LoadUnsafe(ref queries, (nuint)(stride + d)), r0, r1, r2, r3, ref a10, ref a11, ref a12, ref a13);
                Step(Vector512.LoadUnsafe(ref queries, (nuint)(2 * stride + d)), r0, r1, r2, r3, ref a20, ref a21, ref a22, ref a23);
                Step(Vector512.LoadUnsafe(ref queries, (nuint)(3 * stride + d)), r0, r1, r2, r3, ref a30, ref a31, ref a32, ref a33);
            }

            if (d < stride)
            {
                // The last 8 floats of a row (strides are multiples of 8), widened with zeros.
                var r0 = Vector256.LoadUnsafe(ref rows, (nuint)d).ToVector512();
                var r1 = Vector256.LoadUnsafe(ref rows, (nuint)(stride + d)).ToVector512();
                var r2 = Vector256.LoadUnsafe(ref rows, (nuint)(2 * stride + d)).ToVector512();
                var r3 = Vector256.LoadUnsafe(ref rows, (nuint)(3 * stride + d)).ToVector512();
                Step(Vector256.LoadUnsafe(ref queries, (nuint)d).ToVector512(), r0, r1, r2, r3, ref a00, ref a01, ref a02, ref a03);
                Step(Vector256.LoadUnsafe(ref queries, (nuint)(stride + d)).ToVector512(), r0, r1, r2, r3, ref a10, ref a11, ref a12, ref a13);
                Step(Vector256.LoadUnsafe(ref queries, (nuint)(2 * stride + d)).ToVector512(), r0, r1, r2, r3, ref a20, ref a21, ref a22, ref a23);
                Step(Vector256.LoadUnsafe(ref queries, (nuint)(3 * stride + d)).ToVector512(), r0, r1, r2, r3, ref a30, ref a31, ref a32, ref a33);
            }

            destination[0] = Vector512.Sum(a00); destination[1] = Vector512.Sum(a01); destination[2] = Vector512.Sum(a02); destination[3] = Vector512.Sum(a03);
            destination[4] = Vector512.Sum(a10); destination[5] = Vector512.Sum(a11); destination[6] = Vector512.Sum(a12); destination[7] = Vector512.Sum(a13);
            destination[8] = Vector512.Sum(a20); destination[9] = Vector512.Sum(a21); destination[10] = Vector512.Sum(a22); destination[11] = Vector512.Sum(a23);
            destination[12] = Vector512.Sum(a30); destination[13] = Vector512.Sum(a31); destination[14] = Vector512.Sum(a32); destination[15] = Vector512.Sum(a33);
            return;
        }

        // Without 512-bit vectors: two 256-bit halves of each 16-float step, 2 queries at a time (fits 16 registers).
        for (int pair = 0; pair < 4; pair += 2)
        {
            Vector256<float> b00 = default, b01 = default, b02 = default, b03 = default;
            Vector256<float> b10 = default, b11 = default, b12 = default, b13 = default;
            ref float q0 = ref Unsafe.Add(ref queries, pair * stride);
            ref float q1 = ref Unsafe.Add(ref queries, (pair + 1) * stride);
            for (int d = 0; d < stride; d += 8)
            {
                var x = Vector256.LoadUnsafe(ref q0, (nuint)d);
                var y = Vector256.LoadUnsafe(ref q1, (nuint)d);
                var r0 = Vector256.LoadUnsafe(ref rows, (nuint)d);
                var r1 = Vector256.LoadUnsafe(ref rows, (nuint)(stride + d));
                b00 = Vector256.FusedMultiplyAdd(x, r0, b00); b10 = Vector256.FusedMultiplyAdd(y, r0, b10);
                b01 = Vector256.FusedMultiplyAdd(x, r1, b01); b11 = Vector256.FusedMultiplyAdd(y, r1, b11);
                var r2 = Vector256.LoadUnsafe(ref rows, (nuint)(2 * stride + d));
                var r3 = Vector256.LoadUnsafe(ref rows, (nuint)(3 * stride + d));
                b02 = Vector256.FusedMultiplyAdd(x, r2, b02); b12 = Vector256.FusedMultiplyAdd(y, r2, b12);
                b03 = Vector256.FusedMultiplyAdd(x, r3, b03); b13 = Vector256.FusedMultiplyAdd(y, r3, b13);
            }

            int o = pair * 4;
            destination[o] = Vector256.Sum(b00); destination[o + 1] = Vector256.Sum(b01); destination[o + 2] = Vector256.Sum(b02); destination[o + 3] = Vector256.Sum(b03);
            destination[o + 4] = Vector256.Sum(b10); destination[o + 5] = Vector256.Sum(b11); destination[o + 6] = Vector256.Sum(b12); destination[o + 7] = Vector256.Sum(b13);
        }
    }
}
