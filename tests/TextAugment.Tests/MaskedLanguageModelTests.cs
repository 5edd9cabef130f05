using TextAugment.Augmenters;
using TextAugment.Corpus;
using TextAugment.Onnx;
using TextAugment.Pipelines;
using TextAugment.Text;

namespace TextAugment.Tests;

/// <summary>The masked-LM stage on the default model that ships in models/mlm.</summary>
public class MaskedLanguageModelTests
{
    private static readonly string ModelPath = Path.Combine(TestPaths.Root, "models", "mlm", "model.onnx");
    private static readonly string VocabPath = Path.Combine(TestPaths.Root, "models", "mlm", "vocab.txt");
    private static readonly Lazy<MaskedLanguageModel> Model = new(() => MaskedLanguageModel.Create(ModelPath, VocabPath));

    private static MaskedLanguageModelAugmenter Stage(double p = 0.3) =>
        new(Model.Value, new SubstitutionOptions { Probability = p }, new MaskFillOptions { TopK = 10 });

    [Fact]
    public void A_model_with_another_signature_is_refused_with_what_it_has()
    {
        string other = TestPaths.Fixture(Path.Combine("models", "not-mlm.onnx"));
        var error = Assert.Throws<DataFormatException>(() => MaskedLanguageModel.Create(other, VocabPath));
        Assert.StartsWith($"{other} (byte 0 of the file): not a BERT fill-mask model", error.Message, StringComparison.Ordinal);
        Assert.Contains("it has inputs [x: Float [?, 4]] and outputs [y: Float [?, 4]]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_vocabulary_of_another_size_is_refused()
    {
        string vocab = Path.Combine(TestPaths.NewTempDirectory(), "vocab.txt");
        File.WriteAllLines(vocab, ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "the"]);
        var error = Assert.Throws<DataFormatException>(() => MaskedLanguageModel.Create(ModelPath, vocab));
        Assert.Contains("the vocabulary has 6 entries but the model's logits have", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cuda_where_there_is_none_fails_clearly_instead_of_falling_back()
    {
        var error = Assert.Throws<NotSupportedException>(() => MaskedLanguageModel.Create(ModelPath, VocabPath, new MaskedLanguageModelOptions { Device = Device.Cuda }));
        Assert.Contains("device: cuda, but ONNX Runtime's CUDA provider is not available here", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Masked_words_are_replaced_by_whole_words_in_the_original_case_and_nothing_else_changes()
    {
        const string text = "The Captain of the ship looked at the WHALE, far away in the sea.";
        var names = Protection.Create(new ProtectionOptions { Names = NamePolicy.Replace }); // "Captain" is not a name here
        for (int v = 0; v < 20; v++)
        {
            string output = Stage(1.0).Augment(text, AugmentRandom.For(1, "m", v), names);
            TokenList before = TokenList.Create(text), after = TokenList.Create(output);
            Assert.Equal(before.Count, after.Count);
            for (int i = 0; i < before.Count; i++)
            {
                string a = before[i].ToString(), b = after[i].ToString();
                if (before[i].Kind != TokenKind.Word || before[i].Has(TokenFlags.StopWord))
                {
                    Assert.Equal(a, b); // punctuation, spacing and stop words stay
                    continue;
                }

                Assert.NotEqual(a.ToLowerInvariant(), b.ToLowerInvariant());
                Assert.DoesNotContain("#", b, StringComparison.Ordinal);
                Assert.DoesNotContain("[", b, StringComparison.Ordinal);
                Assert.Equal(CasePattern.Of(a) == CaseStyle.Upper, CasePattern.Of(b) == CaseStyle.Upper);
            }
        }
    }

    [Fact]
    public void The_stage_keeps_the_augmenter_contract()
    {
        var stage = Stage();
        var protection = Protection.Create(new ProtectionOptions { Words = ["xqzt"] });
        const string text = "The xqzt sailor saw 42 whales near the old harbour.";
        for (int v = 0; v < 10; v++)
        {
            string first = stage.Augment(text, AugmentRandom.For(2, "c", v), protection);
            Assert.Equal(first, stage.Augment(text, AugmentRandom.For(2, "c", v), protection));
            Assert.Contains("xqzt", first, StringComparison.Ordinal);
            Assert.Contains(" 42 ", first, StringComparison.Ordinal);
        }

        foreach (string empty in new[] { "", "  ", "...", "42" })
        {
            Assert.Equal(empty, stage.Augment(empty, AugmentRandom.For(1, "e", 0)));
        }

        string[] texts = ["the old man and the sea", "a ship sailed across the ocean at night", "", "whales swim in cold water"];
        var batch = texts.Select(t => TokenList.Create(t)).ToList();
        var randoms = texts.Select((_, i) => AugmentRandom.For(4, i.ToString(System.Globalization.CultureInfo.InvariantCulture), 0)).ToList();
        stage.Augment(batch, randoms);
        for (int i = 0; i < texts.Length; i++)
        {
            Assert.Equal(stage.Augment(texts[i], AugmentRandom.For(4, i.ToString(System.Globalization.CultureInfo.InvariantCulture), 0)), batch[i].Render());
        }
    }

    [Fact]
    public void A_max_length_past_the_models_positions_is_a_pipeline_mistake_at_the_key()
    {
        string dir = TestPaths.NewTempDirectory();
        string path = Path.Combine(dir, "long.yaml");
        File.WriteAllText(path, $"""
            input: {"{"} path: {TestPaths.Fixture("tiny.tsv").Replace('\\', '/')} {"}"}
            output: {"{"} path: out.tsv {"}"}
            augment:
              stages:
                - mlm: {"{"} model: {ModelPath.Replace('\\', '/')}, vocab: {VocabPath.Replace('\\', '/')}, max_length: 8192 {"}"}
            """);
        var error = Assert.Throws<PipelineException>(() => Pipeline.Load(path));
        PipelineError mistake = Assert.Single(error.Errors);
        Assert.Equal(5, mistake.Line);
        Assert.StartsWith("mlm.max_length 8192 is more than the model takes: 48 positions (max_position_embeddings in the config.json beside it); give max_length 48 or less",
            mistake.Message, StringComparison.Ordinal);
        Assert.Throws<SequenceLengthException>(() => MaskedLanguageModel.Create(ModelPath, VocabPath, new MaskedLanguageModelOptions { MaxSequenceLength = 49 }));
    }

    [Fact]
    public void Without_config_json_the_length_comes_from_the_graphs_position_table_and_long_sentences_run()
    {
        string dir = TestPaths.NewTempDirectory();
        string model = Path.Combine(dir, "model.onnx"), vocab = Path.Combine(dir, "vocab.txt");
        File.Copy(ModelPath, model);
        File.Copy(VocabPath, vocab);
        using MaskedLanguageModel bare = MaskedLanguageModel.Create(model, vocab);
        Assert.Equal(48, bare.MaxSequenceLength); // not the 128 fallback: the table has 48 rows
        var error = Assert.Throws<SequenceLengthException>(() => MaskedLanguageModel.Create(model, vocab, new MaskedLanguageModelOptions { MaxSequenceLength = 128 }));
        Assert.Contains("48 positions (the rows of its position-embedding table)", error.Message, StringComparison.Ordinal);

        // A sentence of far more than 48 word pieces is read in windows, not sent whole.
        string text = string.Join(' ', Enumerable.Range(0, 120).Select(i => i % 2 == 0 ? "sailor" : "harbour"));
        string output = new MaskedLanguageModelAugmenter(bare, new SubstitutionOptions { Probability = 0.3 }, new MaskFillOptions { TopK = 10 }).Augment(text, AugmentRandom.For(1, "l", 0));
        Assert.Equal(120, output.Split(' ').Length);
    }

    /// <summary>A copy of the default model and vocabulary in a fresh folder, with <paramref name="config"/> as its config.json (none when null).</summary>
    private static (string Dir, string Model, string Vocab) ModelCopy(string? config)
    {
        string dir = TestPaths.NewTempDirectory();
        string model = Path.Combine(dir, "model.onnx"), vocab = Path.Combine(dir, "vocab.txt");
        File.Copy(ModelPath, model);
        File.Copy(VocabPath, vocab);
        if (config is not null)
        {
            File.WriteAllText(Path.Combine(dir, "config.json"), config);
        }

        return (dir, model, vocab);
    }

    [Fact]
    public void A_config_json_claiming_more_positions_than_the_models_table_is_refused_naming_the_models_range()
    {
        var (dir, model, vocab) = ModelCopy("""{ "model_type": "bert", "max_position_embeddings": 512 }""");
        var error = Assert.Throws<DataFormatException>(() => MaskedLanguageModel.Create(model, vocab));
        // The one range message, with this model's own range (8 to its table's 48 rows), not 8 to 2147483647.
        Assert.StartsWith($"{Path.Combine(dir, "config.json")}:1:52: max_position_embeddings is 512; it must be a whole number from 8 (max_length's minimum: the shortest window the model is run with) to 48, the rows of the position-embedding table of the model '{model}'",
            error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("2147483647", error.Message, StringComparison.Ordinal);

        // In a pipeline: at mlm.model, before any work.
        string pipeline = Path.Combine(dir, "p.yaml");
        File.WriteAllText(pipeline, $"input: {{ path: {TestPaths.Fixture("tiny.tsv").Replace('\\', '/')} }}\noutput: {{ path: out.tsv }}\naugment:\n  stages:\n    - mlm: {{ model: model.onnx, vocab: vocab.txt }}\n");
        PipelineError mistake = Assert.Single(Assert.Throws<PipelineException>(() => Pipeline.Load(pipeline)).Errors);
        Assert.Equal((5, 21), (mistake.Line, mistake.Column));
        Assert.Contains("max_position_embeddings is 512; it must be a whole number from 8 (max_length's minimum: the shortest window the model is run with) to 48,", mistake.Message, StringComparison.Ordinal);

        // One past the table: the same message and range.
        (dir, model, vocab) = ModelCopy("""{ "max_position_embeddings": 49 }""");
        error = Assert.Throws<DataFormatException>(() => MaskedLanguageModel.Create(model, vocab));
        Assert.StartsWith($"{Path.Combine(dir, "config.json")}:1:30: max_position_embeddings is 49; it must be a whole number from 8 (max_length's minimum: the shortest window the model is run with) to 48, the rows",
            error.Message, StringComparison.Ordinal);

        // A claim the table holds is taken.
        (_, model, vocab) = ModelCopy("""{ "max_position_embeddings": 40 }""");
        using MaskedLanguageModel fewer = MaskedLanguageModel.Create(model, vocab);
        Assert.Equal(40, fewer.MaxSequenceLength);
    }

    /// <summary>
    /// Item: config.json is read like every other input: its max_position_embeddings must be a whole number from 8
    /// (max_length's minimum) up, and the top level an object; a fault names the file, the line and column of the value
    /// and the range, never an unexpected error or a silently ignored value; in a pipeline it is a mistake at mlm.model (exit 2).
    /// </summary>
    [Theory]
    [InlineData("""{"max_position_embeddings": "48"}""", "1:29: max_position_embeddings is the string \"48\"; it must be a whole number from 8")]
    [InlineData("""{"max_position_embeddings": -1}""", "1:29: max_position_embeddings is -1; it must be a whole number from 8")]
    [InlineData("""{"max_position_embeddings": 2}""", "1:29: max_position_embeddings is 2; it must be a whole number from 8")]
    [InlineData("""{"max_position_embeddings": 3}""", "1:29: max_position_embeddings is 3; it must be a whole number from 8")]
    [InlineData("{\n  \"hidden_size\": 128,\n  \"max_position_embeddings\": 4.5\n}", "3:30: max_position_embeddings is 4.5; it must be a whole number from 8")]
    [InlineData("[1,2]", "1:1: the top level is an array; a config.json is a JSON object")]
    [InlineData("{\n  \"a\": x }", "2:8: not valid JSON: 'x' is an invalid start of a value. Fix it")]
    [InlineData("{\"a\": \"\u00e9\", \"b\": \"<FF>\"}", "1:18: byte 0xff is not UTF-8")] // <FF>: a byte 0xFF in the file
    public void A_config_json_value_of_the_wrong_type_or_range_is_refused_at_its_line_and_column(string config, string expected)
    {
        var (dir, model, vocab) = ModelCopy(null);
        byte[] bytes = [.. config.Split("<FF>").SelectMany((part, i) => i == 0 ? System.Text.Encoding.UTF8.GetBytes(part) : [0xFF, .. System.Text.Encoding.UTF8.GetBytes(part)])];
        File.WriteAllBytes(Path.Combine(dir, "config.json"), bytes);
        var error = Assert.Throws<DataFormatException>(() => MaskedLanguageModel.Create(model, vocab));
        Assert.Contains($"{Path.Combine(dir, "config.json")}:{expected}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", error.Message, StringComparison.Ordinal);

        string pipeline = Path.Combine(dir, "p.yaml");
        File.WriteAllText(pipeline, $"input: {{ path: {TestPaths.Fixture("tiny.tsv").Replace('\\', '/')} }}\noutput: {{ path: out.tsv }}\naugment:\n  stages:\n    - mlm: {{ model: model.onnx, vocab: vocab.txt }}\n");
        var (code, _, errors) = CommandRunner.InProcess("validate", pipeline);
        Assert.True(code == 2, errors);
        Assert.Contains($"p.yaml:5:21: mlm.model cannot be used: {Path.Combine(dir, "config.json")}:{expected}", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("unexpected error", errors, StringComparison.Ordinal);
    }

    /// <summary>
    /// A config.json that repeats a key (two max_position_embeddings: JSON readers differ on which they keep) is refused at
    /// the repeat's line and column, naming where the first one is; in nested objects too.
    /// </summary>
    [Theory]
    [InlineData("{\n  \"max_position_embeddings\": 48,\n  \"max_position_embeddings\": 40\n}", "3:3: the key \"max_position_embeddings\" is repeated: it is already at line 2, column 3")]
    [InlineData("{\"a\": {\"b\": 1, \"b\": 2}, \"max_position_embeddings\": 40}", "1:16: the key \"b\" is repeated: it is already at line 1, column 8")]
    public void A_config_json_with_a_repeated_key_is_refused_at_the_repeat_naming_the_first(string config, string expected)
    {
        var (dir, model, vocab) = ModelCopy(config);
        var error = Assert.Throws<DataFormatException>(() => MaskedLanguageModel.Create(model, vocab));
        Assert.StartsWith($"{Path.Combine(dir, "config.json")}:{expected}", error.Message, StringComparison.Ordinal);

        // The same keys in different objects are not a repeat.
        (_, model, vocab) = ModelCopy("""{"a": {"n": 1}, "b": {"n": 2}, "max_position_embeddings": 40}""");
        using MaskedLanguageModel loaded = MaskedLanguageModel.Create(model, vocab);
        Assert.Equal(40, loaded.MaxSequenceLength);
    }

    /// <summary>
    /// A config.json beside the model that is a folder was silently passed over (a FIFO was refused): it is refused alike,
    /// and a config.json that is a link to nothing is named as such, not a bare "Could not find file"; in a pipeline both
    /// are mistakes at mlm.model, for validate and run.
    /// </summary>
    [Theory]
    [InlineData("folder", "the model's config.json is a folder, not a regular file")]
    [InlineData("dangling", "the model's config.json is a link to '{dir}/gone.json', which does not exist")]
    public void A_config_json_that_is_a_folder_or_a_link_to_nothing_is_refused_at_mlm_model(string kind, string expected)
    {
        var (dir, model, vocab) = ModelCopy(null);
        string config = Path.Combine(dir, "config.json");
        if (kind == "folder")
        {
            Directory.CreateDirectory(config);
        }
        else
        {
            File.CreateSymbolicLink(config, Path.Combine(dir, "gone.json"));
        }

        expected = expected.Replace("{dir}", dir, StringComparison.Ordinal);
        var error = Assert.Throws<DataFormatException>(() => MaskedLanguageModel.Create(model, vocab));
        Assert.StartsWith($"{config}: {expected}", error.Message, StringComparison.Ordinal);

        string pipeline = Path.Combine(dir, "p.yaml");
        File.WriteAllText(pipeline, $"input: {{ path: {TestPaths.Fixture("tiny.tsv").Replace('\\', '/')} }}\noutput: {{ path: out.tsv }}\naugment:\n  stages:\n    - mlm: {{ model: model.onnx, vocab: vocab.txt }}\n");
        foreach (string[] command in new[] { new[] { "validate", pipeline }, ["run", pipeline, "--no-progress"] })
        {
            var (code, _, errors) = CommandRunner.InProcess(command);
            Assert.True(code == 2, errors);
            Assert.Contains($"p.yaml:5:21: mlm.model cannot be used: {config}: {expected}", errors, StringComparison.Ordinal);
            Assert.DoesNotContain("Could not find file", errors, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// Every file a pipeline key names that is a link to nothing (.NET's File.Exists is true for it) is a mistake at that
    /// key naming the path and the link's target, for validate and run: not the bare "Could not find file" of the first read.
    /// </summary>
    [Theory]
    [InlineData("vocab", "    - mlm: {{ model: model.onnx, vocab: {0} }}", "5:40", "mlm.vocab")]
    [InlineData("dictionary", "    - synonym: {{ dictionary: {0} }}", "5:30", "synonym.dictionary")]
    [InlineData("vectors", "    - word_vector: {{ vectors: {0} }}", "5:31", "word_vector.vectors")]
    [InlineData("statistics", "    - tfidf: {{ statistics: {0} }}", "5:28", "tfidf.statistics")]
    [InlineData("stopwords", "    - random_swap: {{ n: 1 }}\n  protect: {{ stopwords: {0} }}", "6:25", "augment.protect.stopwords")]
    public void A_file_a_key_names_that_is_a_link_to_nothing_is_a_mistake_at_the_key(string name, string stage, string at, string key)
    {
        var (dir, _, _) = ModelCopy(null);
        string link = Path.Combine(dir, "linked.txt");
        File.CreateSymbolicLink(link, Path.Combine(dir, "missing-" + name));
        string pipeline = Path.Combine(dir, "p.yaml");
        File.WriteAllText(pipeline, $"input: {{ path: {TestPaths.Fixture("tiny.tsv").Replace('\\', '/')} }}\noutput: {{ path: out.tsv }}\naugment:\n  stages:\n{string.Format(System.Globalization.CultureInfo.InvariantCulture, stage, "linked.txt")}\n");
        foreach (string[] command in new[] { new[] { "validate", pipeline }, ["run", pipeline, "--no-progress"] })
        {
            var (code, _, errors) = CommandRunner.InProcess(command);
            Assert.True(code == 2, errors);
            Assert.True(errors.Contains($"p.yaml:{at}: {key}: 'linked.txt' ('{link}') is a link to '{Path.Combine(dir, "missing-" + name)}', which does not exist", StringComparison.Ordinal), errors);
            Assert.DoesNotContain("Could not find file", errors, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// train.report is a folder the run makes; at the path of a file the pipeline reads, even one read only if it exists
    /// (the config.json beside an mlm model), it would be made there and every later run would meet a folder. It is refused
    /// at train.report (once, not once for each report file), for validate and run, as output.path and train.model are;
    /// an output.path inside that file's path likewise.
    /// </summary>
    [Theory]
    [InlineData("train:\n  report: config.json\n", "7:11: train.report is the folder '{dir}/config.json', the same path as mlm.model's config.json '{dir}/config.json' ({dir}/p.yaml:5:21)")]
    [InlineData("", "2:17: output.path '{dir}/config.json/out.tsv' would be inside mlm.model's config.json '{dir}/config.json' ({dir}/p.yaml:5:21)")]
    public void A_report_folder_or_output_where_a_read_file_would_be_is_refused_at_its_key(string train, string expected)
    {
        var (dir, _, _) = ModelCopy(null);
        string pipeline = Path.Combine(dir, "p.yaml");
        string output = train.Length > 0 ? "out.tsv" : "config.json/out.tsv";
        File.WriteAllText(pipeline, $"input: {{ path: {TestPaths.Fixture("tiny.tsv").Replace('\\', '/')} }}\noutput: {{ path: {output} }}\naugment:\n  stages:\n    - mlm: {{ model: model.onnx, vocab: vocab.txt }}\n{train}");
        expected = expected.Replace("{dir}", dir, StringComparison.Ordinal);
        foreach (string[] command in new[] { new[] { "validate", pipeline }, ["run", pipeline, "--no-progress"] })
        {
            var (code, _, errors) = CommandRunner.InProcess(command);
            Assert.True(code == 2, errors);
            Assert.True(errors.Contains($"p.yaml:{expected}", StringComparison.Ordinal), errors);
            Assert.Contains("\n1 mistake in the pipeline;", errors, StringComparison.Ordinal);
            Assert.False(Path.Exists(Path.Combine(dir, "config.json")));
        }
    }

    /// <summary>
    /// The run-time check of a run's outputs (augment -o, a shard's part, the report files) refuses an output inside a path
    /// the run reads as a file, even one not there yet (a model's config.json): its folder would be made there. A read path
    /// that is a real folder is not such a file.
    /// </summary>
    [Fact]
    public void An_output_inside_a_file_the_run_reads_is_refused_before_any_work()
    {
        var (dir, model, _) = ModelCopy(null);
        string config = MaskedLanguageModel.FilesBeside(model)[0];
        var error = Assert.Throws<OutputIsInputException>(() => FileIdentity.EnsureDistinct([("--output", Path.Combine(config, "out.part-1-of-2.tsv"))], [("mlm.model's config.json", config)]));
        Assert.StartsWith($"--output '{Path.Combine(config, "out.part-1-of-2.tsv")}' would be inside mlm.model's config.json '{config}', a file the run reads", error.Message, StringComparison.Ordinal);
        FileIdentity.EnsureDistinct([("--output", Path.Combine(dir, "out.tsv"))], [("a folder", dir)]);
        Assert.False(Path.Exists(config));
    }

    /// <summary>
    /// Item: a config.json that is not a regular file (a link to /dev/zero: 4 GB read, then out of memory; a FIFO: a hang) or
    /// is larger than a config.json can be is refused, named, before it is read whole, as the model and vocabulary are.
    /// </summary>
    [Theory]
    [InlineData("zero")]
    [InlineData("fifo")]
    [InlineData("large")]
    public async Task A_config_json_that_is_not_a_regular_file_or_too_large_is_refused_unread(string kind)
    {
        var (dir, model, vocab) = ModelCopy(null);
        string config = Path.Combine(dir, "config.json");
        switch (kind)
        {
            case "zero":
                File.CreateSymbolicLink(config, "/dev/zero");
                break;
            case "fifo":
                using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", config)!)
                {
                    mkfifo.WaitForExit();
                }

                break;
            default:
                using (var file = File.Create(config))
                {
                    file.SetLength((16 << 20) + 1);
                }

                break;
        }

        Task<DataFormatException> load = Task.Run(() => Assert.Throws<DataFormatException>(() => MaskedLanguageModel.Create(model, vocab)));
        Assert.Same(load, await Task.WhenAny(load, Task.Delay(TimeSpan.FromSeconds(60)))); // else the config.json was read as a stream
        DataFormatException error = await load;
        Assert.StartsWith($"{config}: the model's config.json is ", error.Message, StringComparison.Ordinal);
        Assert.Contains(kind == "large" ? "bytes, more than the 16,777,216 a config.json may have" : "a device, FIFO or socket, not a regular file", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Item: the config.json beside a model is a file the stage would read if it existed, so it is among the pipeline's
    /// reads even when absent: an output there (which would create it, and break every later run) is refused at its key.
    /// </summary>
    [Fact]
    public void An_output_cannot_create_the_config_json_the_stage_would_read()
    {
        var (dir, model, _) = ModelCopy(null);
        Assert.Equal([Path.Combine(dir, "config.json")], MaskedLanguageModel.FilesBeside(model));
        string pipeline = Path.Combine(dir, "p.yaml");
        File.WriteAllText(pipeline, $"input: {{ path: {TestPaths.Fixture("tiny.tsv").Replace('\\', '/')} }}\noutput: {{ path: config.json, format: jsonl }}\naugment:\n  stages:\n    - mlm: {{ model: model.onnx, vocab: vocab.txt }}\n");
        foreach (string[] command in new[] { new[] { "validate", pipeline }, ["run", pipeline, "--no-progress"] })
        {
            var (code, _, errors) = CommandRunner.InProcess(command);
            Assert.True(code == 2, errors);
            Assert.Contains($"output.path '{Path.Combine(dir, "config.json")}' is the same file as mlm.model's config.json", errors, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(dir, "config.json")));
        }

        // Streaming through the pipeline's stages writes -o: the same rule.
        var (augmentCode, _, augmentErrors) = CommandRunner.InProcess("augment", pipeline, "-i", TestPaths.Fixture("tiny.tsv"), "-o", Path.Combine(dir, "config.json"), "--output-format", "jsonl");
        Assert.True(augmentCode == 2, augmentErrors);
        Assert.Contains("is the same file as mlm.model's config.json", augmentErrors, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir, "config.json")));
    }

    [Fact]
    public void Every_file_the_mlm_stage_reads_config_json_included_is_one_no_run_writes()
    {
        var (dir, _, _) = ModelCopy("""{ "max_position_embeddings": 48 }""");
        string pipeline = Path.Combine(dir, "p.yaml");
        string Write(string output)
        {
            File.WriteAllText(pipeline, $"input: {{ path: {TestPaths.Fixture("tiny.tsv").Replace('\\', '/')} }}\noutput: {{ path: {output}, format: jsonl }}\naugment:\n  stages:\n    - mlm: {{ model: model.onnx, vocab: vocab.txt }}\n");
            return pipeline;
        }

        Pipeline valid = Pipeline.Load(Write("out.jsonl"));
        Assert.Equal(["model.onnx", "vocab.txt", "config.json"], valid.Reads.Where(r => r.Key.StartsWith("mlm.", StringComparison.Ordinal)).Select(r => Path.GetFileName(r.Path)));
        Assert.Contains(valid.Reads, r => r.Key == "mlm.model's config.json" && r.Line == 5 && r.Column == 21);

        string before = File.ReadAllText(Path.Combine(dir, "config.json"));
        PipelineError mistake = Assert.Single(Assert.Throws<PipelineException>(() => Pipeline.Load(Write("config.json"))).Errors);
        Assert.Equal(2, mistake.Line);
        Assert.Contains($"output.path '{Path.Combine(dir, "config.json")}' is the same file as mlm.model's config.json", mistake.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(Path.Combine(dir, "config.json")));
    }

    [Fact]
    public void An_onnx_models_external_data_files_are_among_the_files_the_stage_reads()
    {
        // A ModelProto whose one initializer keeps its weights in weights.bin (ONNX external data), written field by field.
        static byte[] Field(int number, int wire, params byte[][] parts)
        {
            byte[] payload = [.. parts.SelectMany(p => p)];
            return wire == 0 ? [(byte)(number << 3), .. payload] : [(byte)((number << 3) | 2), (byte)payload.Length, .. payload];
        }

        static byte[] Text(string text) => System.Text.Encoding.UTF8.GetBytes(text);
        byte[] entry = [.. Field(1, 2, Text("location")), .. Field(2, 2, Text("weights.bin"))];
        byte[] tensor = [.. Field(1, 0, [2]), .. Field(1, 0, [4]), .. Field(8, 2, Text("word_embeddings.weight")), .. Field(13, 2, entry), .. Field(14, 0, [1])];
        byte[] model = [.. Field(1, 0, [7]), .. Field(7, 2, Field(5, 2, tensor))];
        string dir = TestPaths.NewTempDirectory();
        File.WriteAllBytes(Path.Combine(dir, "model.onnx"), model);
        File.WriteAllBytes(Path.Combine(dir, "weights.bin"), new byte[32]);
        File.WriteAllText(Path.Combine(dir, "config.json"), "{}");
        Assert.Equal([Path.Combine(dir, "config.json"), Path.Combine(dir, "weights.bin")], MaskedLanguageModel.FilesBeside(Path.Combine(dir, "model.onnx")));

        // In a pipeline, an output that is one of them is refused at its key (beside the model's own mistake: it is no BERT).
        File.Copy(VocabPath, Path.Combine(dir, "vocab.txt"));
        string pipeline = Path.Combine(dir, "p.yaml");
        File.WriteAllText(pipeline, $"input: {{ path: {TestPaths.Fixture("tiny.tsv").Replace('\\', '/')} }}\noutput: {{ path: weights.bin, format: tsv }}\naugment:\n  stages:\n    - mlm: {{ model: model.onnx, vocab: vocab.txt }}\n");
        var errors = Assert.Throws<PipelineException>(() => Pipeline.Load(pipeline)).Errors;
        Assert.Contains(errors, e => e.Line == 2 && e.Message.Contains($"output.path '{Path.Combine(dir, "weights.bin")}' is the same file as mlm.model's weights.bin", StringComparison.Ordinal));
    }

    [Fact]
    public void The_example_pipeline_with_the_mlm_stage_loads()
    {
        Pipeline pipeline = Pipeline.Load(Path.Combine(TestPaths.Root, "pipelines", "mlm.yaml"));
        Assert.Equal(4, pipeline.Generator.Options.Variants);
    }

    [Fact]
    public void Long_texts_are_filled_in_windows_so_p_holds_over_the_whole_text()
    {
        // 240 content words, far past the model's length: every picked word is filled, also the last ones.
        string[] words = ["sailor", "harbour", "rope", "storm", "captain", "island", "lantern", "anchor"];
        string text = string.Join(' ', Enumerable.Range(0, 240).Select(i => words[i % words.Length])) + ".";
        Assert.True(TokenList.Create(text).WordCount > 4 * Model.Value.MaxSequenceLength);
        int changed = 0, changedInLastQuarter = 0;
        const int variants = 5;
        for (int v = 0; v < variants; v++)
        {
            TokenList before = TokenList.Create(text), after = TokenList.Create(Stage(0.3).Augment(text, AugmentRandom.For(2, "w", v)));
            Assert.Equal(before.Count, after.Count);
            for (int i = 0; i < before.Count; i++)
            {
                if (before[i].Kind == TokenKind.Word && !before[i].Span.Equals(after[i].Span, StringComparison.OrdinalIgnoreCase))
                {
                    changed++;
                    changedInLastQuarter += i > before.Count * 3 / 4 ? 1 : 0;
                }
            }
        }

        // p = 0.3 of 240 words is 72 picks per variant; a pick goes unfilled only when no candidate passes the filters.
        Assert.InRange(changed, (int)(0.8 * 72 * variants), 72 * variants);
        Assert.InRange(changedInLastQuarter, (int)(0.15 * changed), changed);
    }

    [Fact]
    public void Fills_are_whole_words_of_two_letters_or_more_and_one_letter_words_stay()
    {
        const string text = "The forms s didn't expect a x in O'Brien's old boat, and the sailor sang a song about the sea.";
        for (int v = 0; v < 20; v++)
        {
            TokenList before = TokenList.Create(text), after = TokenList.Create(Stage(1.0).Augment(text, AugmentRandom.For(3, "o", v)));
            Assert.Equal(before.Count, after.Count);
            for (int i = 0; i < before.Count; i++)
            {
                if (before[i].Kind != TokenKind.Word)
                {
                    continue;
                }

                if (before[i].Length == 1 || before[i].Span.SequenceEqual("didn't"))
                {
                    Assert.Equal(before[i].ToString(), after[i].ToString());
                }
                else
                {
                    Assert.True(after[i].Length >= 2, after.ToString());
                }
            }
        }
    }
}
