namespace TextAugment.Tests;

/// <summary>
/// A record without a label in an input whose other records have one (an unlabelled fastText line, an empty TSV or CSV
/// label cell, a JSON Lines record without the label key): augment writes it unlabelled and says so once at the end of the
/// run, with the count and the first one's place; train refuses such a row.
/// </summary>
[Collection(ConsoleCollection.Name)]
public class UnlabelledRecordTests
{
    private const string Pipeline = "seed: 1\naugment:\n  variants: 1\n  stages:\n    - random_swap: { n: 1 }\n";

    [Theory]
    [InlineData("in.tsv", "text\tlabel\nthe film was very good\tpos\nthe film was bad indeed\t\nit was a bore today\tneg\nsome more text here\t \n", 2, 3)]
    [InlineData("in.csv", "text,label\nthe film was very good,pos\n\"a film\nthat was bad\",\nit was a bore today,neg\n", 1, 3)]
    [InlineData("in.jsonl", "{\"text\":\"the film was very good\",\"label\":\"pos\"}\n{\"text\":\"the film was bad indeed\"}\n", 1, 2)]
    [InlineData("in.txt", "__label__pos the film was very good\nthe film was bad indeed\n__label__neg it was a bore today\n", 1, 2)]
    public void Augment_warns_once_at_the_end_with_the_count_and_the_first_records_line(string name, string content, int count, int line)
    {
        // Given an input whose records are labelled but for some
        string dir = TestPaths.NewTempDirectory();
        string input = Path.Combine(dir, name);
        File.WriteAllText(input, content);
        File.WriteAllText(Path.Combine(dir, "p.yaml"), Pipeline);
        string[] format = name.EndsWith(".txt", StringComparison.Ordinal) ? ["--input-format", "fasttext"] : [];

        // When it is augmented
        var (code, _, errors) = CommandRunner.InProcess(["augment", Path.Combine(dir, "p.yaml"), "-i", input, "-o", Path.Combine(dir, "out" + Path.GetExtension(name)), "--no-progress", .. format]);

        // Then the run succeeds and says, once, how many have no label, where the first is, and what to do
        Assert.True(code == 0, errors);
        string record = count == 1 ? "1 record of the input has no label" : $"{count} records of the input have no label";
        Assert.Single(errors.Split('\n'), l => l.Contains(record, StringComparison.Ordinal));
        Assert.Contains($"{input}:{line}.", errors, StringComparison.Ordinal);
        Assert.Contains("'train' refuses a row without one", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("in.txt", "text", "the film was very good\nthe film was bad indeed\n")]
    [InlineData("in.txt", "fasttext", "the film was very good\nthe film was bad indeed\n")]
    [InlineData("in.tsv", "tsv", "text\nthe film was very good\nthe film was bad indeed\n")]
    [InlineData("in.tsv", "tsv", "text\tlabel\nthe film was very good\tpos\nthe film was bad indeed\tneg\n")]
    public void Augment_says_nothing_when_every_record_has_a_label_or_none_has(string name, string format, string content)
    {
        string dir = TestPaths.NewTempDirectory();
        string input = Path.Combine(dir, name);
        File.WriteAllText(input, content);
        File.WriteAllText(Path.Combine(dir, "p.yaml"), Pipeline);
        var (code, _, errors) = CommandRunner.InProcess("augment", Path.Combine(dir, "p.yaml"), "-i", input, "-o", Path.Combine(dir, "out.jsonl"), "--input-format", format, "--no-progress");
        Assert.True(code == 0, errors);
        Assert.DoesNotContain("no label", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void A_shard_counts_only_its_own_records()
    {
        // Given a CSV (split by record count: the records before the shard are read and passed over) with an unlabelled
        // record in the first half only
        string dir = TestPaths.NewTempDirectory();
        string input = Path.Combine(dir, "in.csv");
        File.WriteAllText(input, "text,label\nthe film was bad indeed,\nthe film was very good,pos\nit was a bore today,neg\nsome more text here,pos\n");
        File.WriteAllText(Path.Combine(dir, "p.yaml"), Pipeline);
        string pipeline = Path.Combine(dir, "p.yaml");

        var (first, _, firstErrors) = CommandRunner.InProcess("augment", pipeline, "-i", input, "-o", Path.Combine(dir, "1.csv"), "--shard", "1/2", "--no-progress");
        var (second, _, secondErrors) = CommandRunner.InProcess("augment", pipeline, "-i", input, "-o", Path.Combine(dir, "2.csv"), "--shard", "2/2", "--no-progress");

        // Then the first shard names it and the second says nothing
        Assert.True(first == 0 && second == 0, firstErrors + secondErrors);
        Assert.Contains($"1 record of the input has no label (none, or an empty one), where others have one: {input}:2.", firstErrors, StringComparison.Ordinal);
        Assert.DoesNotContain("no label", secondErrors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("offset")]
    [InlineData("hash")]
    public void A_shard_that_starts_at_a_byte_offset_names_the_records_byte_not_a_line_counted_from_the_shard(string ids)
    {
        // Given a TSV whose unlabelled record is in the second half, split by bytes (ids from offsets or content: the
        // second shard seeks to its range and does not read, so does not count, the lines before it)
        string dir = TestPaths.NewTempDirectory();
        string input = Path.Combine(dir, "in.tsv");
        string before = "text\tlabel\nthe film was very good\tpos\nit was a bore today\tneg\nsome more text here\tpos\n";
        string unlabelled = "the film was bad indeed\t\n";
        File.WriteAllText(input, before + unlabelled + "a last line of text\tneg\n");
        File.WriteAllText(Path.Combine(dir, "p.yaml"), Pipeline);
        int offset = System.Text.Encoding.UTF8.GetByteCount(before);

        var (code, _, errors) = CommandRunner.InProcess("augment", Path.Combine(dir, "p.yaml"), "-i", input, "-o", Path.Combine(dir, "2.tsv"), "--shard", "2/2", "--ids", ids, "--no-progress");

        // Then the warning gives the record's byte offset in the file (its line, 5, is not known to the shard)
        Assert.True(code == 0, errors);
        Assert.Contains($"where others have one: {input} (byte {offset} of the file).", errors, StringComparison.Ordinal);

        // And an error in such a shard gives the byte offset alone, not a line counted from the shard's start
        string bad = Path.Combine(dir, "bad.tsv");
        File.WriteAllText(bad, before + "the film was bad\tneg\textra\n");
        var (failed, _, failure) = CommandRunner.InProcess("augment", Path.Combine(dir, "p.yaml"), "-i", bad, "-o", Path.Combine(dir, "3.tsv"), "--shard", "2/2", "--ids", ids, "--no-progress");
        Assert.NotEqual(0, failed);
        Assert.Contains($"{bad} (byte {offset + "the film was bad\tneg".Length} of the file)", failure, StringComparison.Ordinal);
        Assert.DoesNotContain($"{bad}:", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_still_refuses_the_augmented_rows_without_a_label()
    {
        string dir = TestPaths.NewTempDirectory();
        string input = Path.Combine(dir, "in.tsv");
        File.WriteAllText(input, "text\tlabel\nthe film was very good\tpos\nthe film was bad indeed\t\nit was a bore today\tneg\n");
        File.WriteAllText(Path.Combine(dir, "p.yaml"), Pipeline);
        string output = Path.Combine(dir, "out.tsv");
        var (code, _, errors) = CommandRunner.InProcess("augment", Path.Combine(dir, "p.yaml"), "-i", input, "-o", output, "--no-progress");
        Assert.True(code == 0, errors);

        var (trained, _, trainErrors) = CommandRunner.InProcess("train", output, "-o", Path.Combine(dir, "m.tam"), "--epochs", "1", "--no-progress");
        Assert.Equal(1, trained);
        Assert.Contains("each example needs a label", trainErrors, StringComparison.Ordinal);
    }
}
