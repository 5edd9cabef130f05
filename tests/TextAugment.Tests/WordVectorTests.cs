using System.Globalization;
using System.Numerics.Tensors;
using System.Text;
using TextAugment.Augmenters;
using TextAugment.Text;
using TextAugment.Vectors;

namespace TextAugment.Tests;

public class WordVectorTests
{
    private static readonly string[] Words = ["good", "fine", "Good", "goods", "bad", "film", "movie", ","];

    private static readonly float[][] Values =
    [
        [1, 0, 0], [0.9f, 0.1f, 0], [1, 0.01f, 0], [0.95f, 0, 0.05f], [0.5f, 0.5f, 0], [0, 0, 1], [0, 0.1f, 0.9f], [1, 0.02f, 0.01f],
    ];

    private static string Text(bool header, bool glove = false)
    {
        var sb = new StringBuilder();
        if (header && !glove)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{Words.Length} 3\n");
        }

        for (int i = 0; i < Words.Length; i++)
        {
            sb.Append(Words[i]).Append(' ').AppendJoin(' ', Values[i].Select(v => v.ToString("R", CultureInfo.InvariantCulture))).Append(" \n");
        }

        return sb.ToString();
    }

    private static byte[] Binary()
    {
        var bytes = new List<byte>(Encoding.ASCII.GetBytes($"{Words.Length} 3\n"));
        for (int i = 0; i < Words.Length; i++)
        {
            bytes.AddRange(Encoding.UTF8.GetBytes(Words[i] + " "));
            foreach (float v in Values[i])
            {
                bytes.AddRange(BitConverter.GetBytes(v));
            }

            bytes.Add((byte)'\n');
        }

        return [.. bytes];
    }

    private static string Write(string name, byte[] content)
    {
        string path = Path.Combine(TestPaths.NewTempDirectory(), name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public static TheoryData<string, WordVectorFormat> Formats => new()
    {
        { "word2vec.bin", WordVectorFormat.Word2VecBinary },
        { "word2vec.txt", WordVectorFormat.Word2VecText },
        { "fasttext.vec", WordVectorFormat.Word2VecText },
        { "glove.txt", WordVectorFormat.Glove },
    };

    private static byte[] Content(string name) => name switch
    {
        "word2vec.bin" => Binary(),
        "glove.txt" => Encoding.UTF8.GetBytes(Text(header: false, glove: true)),
        _ => Encoding.UTF8.GetBytes(Text(header: true)),
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public void Every_format_loads_detected_or_named_with_unit_rows(string name, WordVectorFormat format)
    {
        string path = Write(name, Content(name));
        foreach (WordVectors vectors in new[] { WordVectors.Load(path), WordVectors.Load(path, new WordVectorOptions { Format = format }) })
        {
            Assert.Equal(Words.Length, vectors.Count);
            Assert.Equal(3, vectors.Dimensions);
            Assert.Equal(Words, Enumerable.Range(0, vectors.Count).Select(vectors.Word));
            for (int i = 0; i < Words.Length; i++)
            {
                float norm = TensorPrimitives.Norm(Values[i]);
                Assert.Equal(Values[i].Select(v => v / norm), vectors.Vector(i).ToArray(), (a, b) => Math.Abs(a - b) < 1e-6);
            }
        }
    }

    [Fact]
    public void A_limit_loads_only_the_first_words()
    {
        Assert.Equal(3, WordVectors.Load(Write("v.bin", Binary()), new WordVectorOptions { Limit = 3 }).Count);
        Assert.Equal(3, WordVectors.Load(Write("v.txt", Encoding.UTF8.GetBytes(Text(true))), new WordVectorOptions { Limit = 3 }).Count);
    }

    [Fact]
    public void A_truncated_binary_file_names_the_byte_offset_and_the_word()
    {
        byte[] content = Binary();
        string path = Write("cut.bin", content[..^6]);
        var error = Assert.Throws<DataFormatException>(() => WordVectors.Load(path));
        Assert.Contains("the file ends inside the vector of ','", error.Message, StringComparison.Ordinal);
        Assert.Equal(content.Length - 13, error.ByteOffset); // the last vector starts after ", "
    }

    [Fact]
    public void A_short_text_line_names_its_line()
    {
        string path = Write("short.vec", Encoding.UTF8.GetBytes("2 3\ngood 1 0 0\nfine 0.9 0.1\n"));
        var error = Assert.Throws<DataFormatException>(() => WordVectors.Load(path));
        Assert.Equal($"{path}:3: expected a word and 3 numbers but found 3 fields: the line is short or the file is truncated.", error.Message);
    }

    [Fact]
    public void A_bad_number_names_line_and_column()
    {
        string path = Write("bad.txt", Encoding.UTF8.GetBytes("good 1 0 0\nfine 0.9 x 0\n"));
        var error = Assert.Throws<DataFormatException>(() => WordVectors.Load(path));
        Assert.Equal($"{path}:2:10: expected a finite number but found 'x'.", error.Message);
    }

    [Fact]
    public void A_text_file_with_fewer_vectors_than_its_header_says_is_truncated()
    {
        string path = Write("few.vec", Encoding.UTF8.GetBytes("3 3\ngood 1 0 0\nfine 0.9 0.1 0\n"));
        Assert.Contains("the header promises 3 vectors but the file ends after 2", Assert.Throws<DataFormatException>(() => WordVectors.Load(path)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nearest_equals_a_brute_force_search_for_any_count_and_batch()
    {
        var random = new Random(11);
        const int n = 1003, d = 37; // neither a multiple of 4 rows nor of 8 floats
        float[] values = [.. Enumerable.Range(0, n * d).Select(_ => (float)(random.NextDouble() * 2 - 1))];
        var vectors = WordVectors.Create([.. Enumerable.Range(0, n).Select(i => $"w{i}")], values, d);
        int[] queries = [.. Enumerable.Range(0, 13).Select(_ => random.Next(n))];
        Neighbor[][] found = vectors.Nearest(queries, 7);
        for (int i = 0; i < queries.Length; i++)
        {
            var expected = Enumerable.Range(0, n).Where(r => r != queries[i])
                .Select(r => (Row: r, Score: TensorPrimitives.Dot(vectors.Vector(queries[i]), vectors.Vector(r))))
                .OrderByDescending(e => e.Score).Take(7).ToArray();
            Assert.Equal(expected.Select(e => e.Row), found[i].Select(f => f.Index));
            Assert.Equal(expected.Select(e => e.Score), found[i].Select(f => f.Similarity), (a, b) => Math.Abs(a - b) < 1e-5);
        }
    }

    [Fact]
    public void Nearest_respects_min_similarity_and_exclusions()
    {
        var vectors = WordVectors.Create(Words, Values.SelectMany(v => v).ToArray(), 3);
        Neighbor[] all = vectors.Nearest([0], 10)[0];
        Assert.All(all, n => Assert.NotEqual(0, n.Index));
        Assert.Equal(Words.Length - 1, all.Length);
        Assert.All(vectors.Nearest([0], 10, minSimilarity: 0.9f)[0], n => Assert.True(n.Similarity >= 0.9f));
        Assert.DoesNotContain(vectors.Nearest([0], 10, exclude: (_, row) => row == 1)[0], n => n.Index == 1);
    }

    [Fact]
    public void The_stage_never_offers_the_word_in_another_case_or_inflection_or_a_non_word()
    {
        var vectors = WordVectors.Create(Words, Values.SelectMany(v => v).ToArray(), 3);
        var stage = new WordVectorAugmenter(vectors, new NeighborOptions { TopK = 3 });
        Assert.Equal(["fine", "bad", "film"], stage.CandidatesFor("good")); // not Good, goods or ","
        Assert.Equal("movie", stage.CandidatesFor("film")[0]);

        var always = new WordVectorAugmenter(vectors, new NeighborOptions { TopK = 1 }, new SubstitutionOptions { Probability = 1 });
        Assert.Equal("Fine movie", always.Augment("Good film", AugmentRandom.For(1, "x", 0)));
    }

    [Fact]
    public void The_default_vectors_load_quickly_and_have_sensible_neighbours()
    {
        WordVectors vectors = WordVectors.Load(Path.Combine(TestPaths.Root, "models", "en-vectors.bin"));
        Assert.Equal(100, vectors.Dimensions);
        var stage = new WordVectorAugmenter(vectors);
        Assert.Contains("movie", stage.CandidatesFor("film"));
        Assert.Contains("vessel", stage.CandidatesFor("ship"));
    }
}
