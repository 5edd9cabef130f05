namespace TextAugment.Tests;

/// <summary>
/// Faults a tester found in pipelines, each kind with a test: a train section over input without a label column, the
/// held-out share's note, what a format conversion does not write, and positions and messages for mistakes in the file.
/// </summary>
public class PipelineFaultTests
{
    private static string Write(string dir, string name, string text)
    {
        string path = Path.Combine(dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Collection(ConsoleCollection.Name)]
    public class Input_without_labels_and_a_train_section
    {
        [Theory]
        [InlineData("nolab.tsv", "id\ttext\n1\tgood movie\n2\tbad movie\n", "the header has no label column 'label'")]
        [InlineData("nolab.csv", "id,text\n1,good movie\n2,bad movie\n", "the header has no label column 'label'")]
        [InlineData("nolab.jsonl", "{\"id\":\"1\",\"text\":\"good movie\"}\n{\"id\":\"2\",\"text\":\"bad movie\"}\n", "the object has no 'label' field")]
        public void Is_refused_at_the_train_key_before_anything_is_written(string name, string input, string expected)
        {
            // Given labelled-format input whose header (or first object) has no label column: validate said valid, and run
            // wrote the augmented file, then failed with exit 1.
            string dir = TestPaths.NewTempDirectory();
            Write(dir, name, input);
            string pipeline = Write(dir, "p.yaml", $$"""
                seed: 1
                input: { path: {{name}} }
                augment:
                  stages:
                    - random_swap: { n: 1 }
                output: { path: out8/aug.jsonl }
                train: { model: out8/m.tam }
                """);
            var (code, _, errors) = CommandRunner.InProcess("validate", pipeline);
            Assert.Equal(2, code);
            Assert.Contains("p.yaml:7:8: train: the input has no labels to train on: ", errors, StringComparison.Ordinal);
            Assert.Contains($"{name}:1: {expected}", errors, StringComparison.Ordinal);

            (code, _, errors) = CommandRunner.InProcess("run", pipeline, "--no-progress");
            Assert.Equal(2, code);
            Assert.Contains(expected, errors, StringComparison.Ordinal);
            Assert.False(Directory.Exists(Path.Combine(dir, "out8")), errors);
        }

        [Fact]
        public void A_label_missing_only_from_a_later_object_is_found_by_the_run()
        {
            string dir = TestPaths.NewTempDirectory();
            Write(dir, "in.jsonl", "{\"text\":\"good movie\",\"label\":\"pos\"}\n{\"text\":\"bad movie\"}\n");
            string pipeline = Write(dir, "p.yaml", """
                seed: 1
                input: { path: in.jsonl }
                augment:
                  stages:
                    - random_swap: { n: 1 }
                output: { path: out/aug.jsonl }
                train: { model: out/m.tam }
                """);
            var (code, _, errors) = CommandRunner.InProcess("validate", pipeline);
            Assert.Equal(0, code);
            (code, _, errors) = CommandRunner.InProcess("run", pipeline, "--no-progress");
            Assert.Equal(1, code);
            Assert.Contains("in.jsonl:2: the object has no 'label' field", errors, StringComparison.Ordinal);
        }
    }

    [Collection(ConsoleCollection.Name)]
    public class Held_out_share
    {
        private const string Six = "id\ttext\tlabel\n1\tgood movie one\tpos\n2\tbad movie one\tneg\n3\tgood film two\tpos\n4\tbad film two\tneg\n5\tgreat film\tpos\n6\tawful film\tneg\n";

        [Fact]
        public void A_pipeline_split_says_held_out_and_the_share_when_it_is_not_the_fraction_asked()
        {
            // Given 6 rows (3 per label) and fraction 0.5: 4 are held out (67 %); report.json said "4 examples given".
            string dir = TestPaths.NewTempDirectory();
            Write(dir, "six.tsv", Six);
            string pipeline = Write(dir, "p.yaml", """
                seed: 1
                input: { path: six.tsv }
                augment:
                  variants: 1
                  stages:
                    - random_swap: { n: 1 }
                output: { path: out/aug.tsv }
                train: { epochs: 1, features: { buckets: 256, dim: 4 }, validation: { fraction: 0.5 } }
                """);
            var (code, _, errors) = CommandRunner.InProcess("run", pipeline, "--no-progress");
            Assert.Equal(0, code);
            string report = File.ReadAllText(Path.Combine(dir, "out", "report", "report.json"));
            Assert.Contains("\"validation\": \"validation: 4 of 6 originals held out", report, StringComparison.Ordinal);
            Assert.Contains("that is 67 % of the ids, not the 50 % asked", report, StringComparison.Ordinal);
            Assert.DoesNotContain("given", report, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData(0.5, "50 %")]
        [InlineData(0.125, "12.5 %")]
        [InlineData(2.0 / 3, "67 %")]
        [InlineData(1e-9, "0.0000001 %")]
        public void A_fraction_is_printed_with_the_decimals_it_needs(double fraction, string expected) =>
            Assert.Equal(expected, TextAugment.Classification.Trainer.Percent(fraction));

        [Fact]
        public void The_train_command_says_the_tiny_fraction_asked_not_0_percent()
        {
            string dir = TestPaths.NewTempDirectory();
            string input = Write(dir, "six.tsv", Six);
            var (code, output, errors) = CommandRunner.InProcess("train", input, "-o", Path.Combine(dir, "m.tam"), "--validation-fraction", "1e-9", "--epochs", "1", "--no-progress");
            Assert.Equal(0, code);
            Assert.Contains("not the 0.0000001 % asked", output + errors, StringComparison.Ordinal);
        }
    }

    [Collection(ConsoleCollection.Name)]
    public class What_a_format_conversion_does_not_write
    {
        private const string Stages = "seed: 1\naugment:\n  variants: 1\n  stages:\n    - random_swap: { n: 1 }\n";
        private const string Extra = "id\ttext\tlabel\textra\n1\tgood movie\tpos\tA\n2\tbad movie\tneg\tB\n";

        [Theory]
        [InlineData("ex.tsv", Extra, "out.txt", null, "out.txt: text output keeps only the texts: ids, labels and the column 'extra' are not written.")]
        [InlineData("ex.tsv", Extra, "out.jsonl", null, "out.jsonl: jsonl output writes the fields id, variant, text and label (and keeps other fields only from jsonl input): the column 'extra' is not written.")]
        [InlineData("ex.tsv", Extra, "out.ft", null, "out.ft: fastText output keeps only the labels and the texts: ids and the column 'extra' are not written.")]
        [InlineData("ex.tsv", Extra, "out.dat", "tsv", "out.dat: tsv output writes the columns id, variant, text and label: the column 'extra' is not written.")]
        [InlineData("ex.csv", "id,text,label,extra,more\n1,good movie,pos,A,x\n", "out.csv", null, "out.csv: csv output writes the columns id, variant, text and label: the columns 'extra' and 'more' are not written.")]
        [InlineData("ex.jsonl", "{\"id\":\"1\",\"text\":\"good movie\",\"label\":\"pos\",\"src\":\"a\"}\n", "out.tsv", null, "out.tsv: tsv output writes the columns id, variant, text and label: the field 'src' is not written.")]
        public void Is_named_once_on_standard_error(string input, string content, string output, string? format, string expected)
        {
            // Given input with columns (or fields) the output format does not write: they were dropped in silence.
            string dir = TestPaths.NewTempDirectory();
            Write(dir, input, content);
            Write(dir, "p.yaml", Stages);
            var (code, errors) = CommandRunner.InShell(dir, $"augment p.yaml -i {input} -o {output} --no-progress{(format is null ? "" : " --output-format " + format)}");
            Assert.Equal(0, code);
            Assert.Contains("textaugment: warning: " + expected, errors, StringComparison.Ordinal);
            Assert.Equal(1, errors.Split("warning:").Length - 1);
        }

        [Theory]
        [InlineData("ex.jsonl", "{\"id\":\"1\",\"text\":\"good movie\",\"label\":\"pos\",\"src\":\"a\"}\n", "out.jsonl")]
        [InlineData("ex.tsv", "id\tvariant\ttext\tlabel\n1\t0\tgood movie\tpos\n", "out.tsv")]
        public void Nothing_is_said_when_everything_is_written(string input, string content, string output)
        {
            string dir = TestPaths.NewTempDirectory();
            Write(dir, input, content);
            Write(dir, "p.yaml", Stages);
            var (code, errors) = CommandRunner.InShell(dir, $"augment p.yaml -i {input} -o {output} --no-progress");
            Assert.Equal(0, code);
            Assert.DoesNotContain("warning", errors, StringComparison.Ordinal);
        }

        [Fact]
        public void Run_says_it_too()
        {
            string dir = TestPaths.NewTempDirectory();
            Write(dir, "ex.tsv", Extra);
            string pipeline = Write(dir, "p.yaml", Stages + "input: { path: ex.tsv }\noutput: { path: out/aug.txt }\n");
            var (code, _, errors) = CommandRunner.InProcess("run", pipeline, "--no-progress");
            Assert.Equal(0, code);
            Assert.Contains("text output keeps only the texts: ids, labels and the column 'extra' are not written.", errors, StringComparison.Ordinal);
        }
    }
}
