using System.Text;
using TextAugment.Cli;
using TextAugment.Corpus;
using TextAugment.Dictionaries;
using TextAugment.Pipelines;
using TextAugment.Text;
using TextAugment.Vectors;

namespace TextAugment.Tests;

/// <summary>
/// A file that is not UTF-8 text because it is UTF-16 (with a byte-order mark, or without one: a NUL in every other byte of
/// its first line) is the wrong file, as a compressed file is: every command exits 2 for it, and every reader of text
/// (corpora, dictionaries, vectors, word lists, statistics, user dictionaries, vocabularies, the pipeline file) tells it
/// by the one check (<see cref="FileSignature"/>), with the hint to convert it.
/// </summary>
[Collection(ConsoleCollection.Name)]
public class Utf16InputTests
{
    // Without a byte-order mark the hint names the byte order found: iconv's plain UTF-16 would read big-endian data as
    // little-endian (or the other way round) and write mojibake.
    private const string Hint = "is the file UTF-16LE, UTF-16 without a byte-order mark? convert it to UTF-8: iconv -f UTF-16LE -t UTF-8";
    private const string BigEndianHint = "is the file UTF-16BE, UTF-16 without a byte-order mark? convert it to UTF-8: iconv -f UTF-16BE -t UTF-8";

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    public void Every_command_exits_2_for_a_utf16_corpus_as_for_a_compressed_one(string encoding)
    {
        string dir = TestPaths.NewTempDirectory();
        string tsv = string.Join('\n', ["text\tlabel", .. Enumerable.Range(0, 20).Select(i => $"the film number {i} was {(i % 2 == 0 ? "good" : "bad")}\t{(i % 2 == 0 ? "pos" : "neg")}")]) + "\n";
        File.WriteAllText(Path.Combine(dir, "in.tsv"), tsv);
        Encoding utf16 = encoding switch { "utf-16" => new UnicodeEncoding(false, true), "utf-16le" => new UnicodeEncoding(false, false), _ => new UnicodeEncoding(true, false) };
        File.WriteAllBytes(Path.Combine(dir, "u16.tsv"), [.. utf16.GetPreamble(), .. utf16.GetBytes(tsv)]);
        File.WriteAllText(Path.Combine(dir, "p.yaml"), "input: { path: u16.tsv }\noutput: { path: o.jsonl }\naugment:\n  stages: [ { random_swap: {} } ]\n");
        var (trained, _, trainErrors) = CommandRunner.InProcess("train", Path.Combine(dir, "in.tsv"), "-o", Path.Combine(dir, "m.tam"), "--epochs", "1");
        Assert.True(trained == 0, trainErrors);
        string u16 = Path.Combine(dir, "u16.tsv");
        string[][] commands =
        [
            ["train", u16, "-o", Path.Combine(dir, "x.tam")],
            ["train", Path.Combine(dir, "in.tsv"), "-o", Path.Combine(dir, "x.tam"), "--validation", u16],
            ["evaluate", Path.Combine(dir, "m.tam"), u16],
            ["run", Path.Combine(dir, "p.yaml"), "--no-progress"],
            ["validate", Path.Combine(dir, "p.yaml")],
            ["augment", Path.Combine(dir, "p.yaml"), "--no-progress", "-i", u16, "-o", Path.Combine(dir, "o.jsonl")],
            ["fit-tfidf", u16, "-o", Path.Combine(dir, "stats.tsv")],
        ];
        foreach (string[] command in commands)
        {
            var (code, _, errors) = CommandRunner.InProcess(command);
            Assert.True(code == TextAugmentApp.UsageError, $"{string.Join(' ', command)}: exit {code}: {errors}");
            Assert.Contains(encoding switch { "utf-16" => "a UTF-16 (little-endian) byte-order mark (ff fe)", "utf-16le" => Hint, _ => BigEndianHint }, errors, StringComparison.Ordinal);
        }

        // Standard input too.
        var (stdinCode, _, stdinErrors) = CommandRunner.Child(File.ReadAllBytes(u16), "augment", Path.Combine(dir, "p.yaml"), "--no-progress", "--input-format", "tsv");
        Assert.True(stdinCode == TextAugmentApp.UsageError, stdinErrors);
        Assert.False(File.Exists(Path.Combine(dir, "o.jsonl")));
    }

    [Fact]
    public void A_nul_later_in_a_utf8_file_is_a_data_error_exit_1()
    {
        string dir = TestPaths.NewTempDirectory();
        File.WriteAllBytes(Path.Combine(dir, "in.tsv"), [.. "text\tlabel\nthe film was good\tpos\nthe film\0 was bad\tneg\n"u8]);
        var (code, _, errors) = CommandRunner.InProcess("train", Path.Combine(dir, "in.tsv"), "-o", Path.Combine(dir, "x.tam"));
        Assert.True(code == TextAugmentApp.Failure, errors);
        Assert.Contains(":3:9 (byte ", errors, StringComparison.Ordinal);
    }

    /// <summary>Item: a synonym dictionary or a text vector file in UTF-16 without a byte-order mark got a parse error about its fields or numbers, not the hint.</summary>
    [Theory]
    [InlineData("synonym-tsv")]
    [InlineData("synonym-cilin")]
    [InlineData("synonym-mythes")]
    [InlineData("vectors-vec")]
    [InlineData("vectors-glove")]
    [InlineData("stop-words")]
    [InlineData("tfidf-statistics")]
    [InlineData("jieba-user-dictionary")]
    public void Every_text_reader_says_a_file_is_utf16_without_a_byte_order_mark(string reader)
    {
        string dir = TestPaths.NewTempDirectory();
        string content = reader switch
        {
            "synonym-tsv" => "good\tn\tfine,nice\nbad\tn\tpoor\n",
            "synonym-cilin" => "Aa01A01= 人 士 人物\n",
            "synonym-mythes" => "UTF-8\ngood|1\n(adj)|fine|nice\n",
            "vectors-vec" => "3 2\nthe 0.1 0.2\nfilm 0.3 0.4\ngood 0.5 0.6\n",
            "vectors-glove" => "the 0.1 0.2\nfilm 0.3 0.4\n",
            "stop-words" => "the\na\n",
            "tfidf-statistics" => "textaugment tfidf v1\ndocuments\t2\nfilm\t2\t0.5\n",
            _ => "云计算 5 n\n",
        };
        string path = Path.Combine(dir, "u16.txt");
        File.WriteAllBytes(path, new UnicodeEncoding(false, false).GetBytes(content));
        Action load = reader switch
        {
            "synonym-tsv" => () => SynonymDictionary.Load(path, new SynonymDictionaryOptions { Format = SynonymFormat.Tsv }),
            "synonym-cilin" => () => SynonymDictionary.Load(path, new SynonymDictionaryOptions { Format = SynonymFormat.Cilin }),
            "synonym-mythes" => () => SynonymDictionary.Load(path, new SynonymDictionaryOptions { Format = SynonymFormat.MyThes }),
            "vectors-vec" => () => WordVectors.Load(path),
            "vectors-glove" => () => WordVectors.Load(path, new WordVectorOptions { Format = WordVectorFormat.Glove }),
            "stop-words" => () => WordSet.Load(path),
            "tfidf-statistics" => () => TfIdfStatistics.Load(path),
            _ => () => JiebaSegmenter.Default.WithUserDictionary(path),
        };
        var error = Assert.Throws<DataFormatException>(load);
        Assert.StartsWith($"{path}:1:{(reader == "jieba-user-dictionary" ? "8 (byte 7" : "2 (byte 1")} of the file): a NUL byte ({Hint}", error.Message, StringComparison.Ordinal);
        Assert.Equal("UTF-16", error.TextEncoding);
    }

    /// <summary>Item: the hint for UTF-16 without a byte-order mark said iconv -f UTF-16, which reads big-endian data as little-endian (mojibake) or the other way round.</summary>
    [Theory]
    [InlineData(false, "UTF-16LE")]
    [InlineData(true, "UTF-16BE")]
    public void The_iconv_hint_names_the_byte_order_found_without_a_byte_order_mark(bool bigEndian, string order)
    {
        string dir = TestPaths.NewTempDirectory();
        string path = Path.Combine(dir, "u16.txt");
        File.WriteAllBytes(path, new UnicodeEncoding(bigEndian, false).GetBytes("the\na\n"));
        var error = Assert.Throws<DataFormatException>(() => WordSet.Load(path));
        Assert.Contains($"iconv -f {order} -t UTF-8", error.Message, StringComparison.Ordinal);

        // A later line keeps the file's order: after a little-endian line end (0a 00) the next line starts with the NUL, at
        // an even offset within the line but an odd one in the file.
        string later = Path.Combine(dir, "later.txt");
        File.WriteAllBytes(later, [.. "abc\n"u8, .. new UnicodeEncoding(bigEndian, false).GetBytes(bigEndian ? "xy\n" : "\nxy\n")]);
        var laterError = Assert.Throws<DataFormatException>(() => WordSet.Load(later));
        Assert.Contains($"iconv -f {order} -t UTF-8", laterError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_utf16_pipeline_file_gets_the_hint()
    {
        string dir = TestPaths.NewTempDirectory();
        string path = Path.Combine(dir, "p.yaml");
        File.WriteAllBytes(path, new UnicodeEncoding(false, false).GetBytes("input: { path: in.tsv }\naugment:\n  stages: [ { random_swap: {} } ]\n"));
        var error = Assert.Throws<PipelineException>(() => Pipeline.Load(path, requireInputOutput: false));
        Assert.Contains(Hint, error.Errors[0].ToString(), StringComparison.Ordinal);
    }
}
