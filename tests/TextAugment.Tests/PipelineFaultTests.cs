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
}
