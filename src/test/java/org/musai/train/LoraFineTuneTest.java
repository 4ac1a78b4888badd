package org.musai.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musai.TestCorpus;
import org.musai.generate.GenerationControls;
import org.musai.generate.GenerationException;
import org.musai.generate.GenerationRequest;
import org.musai.generate.Generator;
import org.musai.generate.ModelBundle;
import org.musai.generate.SamplingSettings;
import org.musai.midi.InstrumentClass;
import org.musai.midi.InstrumentFilter;
import org.musai.midi.TimeSignature;
import org.musai.model.AdapterConfig;
import org.musai.model.LoraSettings;
import org.musai.progress.CancellationToken;
import org.musai.progress.ProgressListener;
import org.musai.token.TokenCodec;
import org.musai.token.TokenizerFile;
import org.musai.token.dataset.DatasetBuilder;
import org.musai.token.dataset.DatasetRequest;
import org.musai.token.dataset.SourceFile;
import org.musai.token.dataset.SourceFiles;

/**
 * The musician's fine-tune, for real: the shipped model adapted by LoRA to the Freedoom game music of the training
 * corpus (a style that is 4% of what it was trained on), judged on Freedoom files that neither the fine-tune nor the
 * shipped model trained on.
 */
class LoraFineTuneTest {

    private static final Path BASE = ModelBundle.DEFAULT_MODEL;
    /** The Freedoom files that the shipped model's run held out (seed 42, 5%): it never trained on them. */
    private static final List<String> HELD_OUT = List.of("freedoom1_D_E1M4.mid", "freedoom1_D_E1M7.mid",
            "freedoom1_D_E1M9.mid", "freedoom2_D_DM2INT.mid");
    @TempDir
    static Path shared;
    static Path trainSet;
    static Path heldOutSet;

    @BeforeAll
    static void tokenizeAsTheBaseWasTrained() throws Exception {
        List<Path> files = TestCorpus.midiFiles(TestCorpus.shared("train").resolve("freedoom_bsd3"));
        TokenCodec codec = TokenizerFile.load(BASE.resolve(TokenizerFile.FILE_NAME));
        List<Path> heldOut = files.stream().filter(f -> HELD_OUT.contains(f.getFileName().toString())).toList();
        List<Path> others = files.stream().filter(f -> !heldOut.contains(f)).toList();
        assertThat(heldOut).hasSize(HELD_OUT.size());
        trainSet = tokenize(codec, others, shared.resolve("train"));
        heldOutSet = tokenize(codec, heldOut, shared.resolve("held-out"));
    }

    private static Path tokenize(TokenCodec codec, List<Path> files, Path dataset) throws Exception {
        Path list = Files.write(dataset.resolveSibling(dataset.getFileName() + ".txt"),
                files.stream().map(Path::toString).toList());
        List<SourceFile> sources = SourceFiles.find(list, null);
        new DatasetBuilder().build(new DatasetRequest(sources, dataset, codec.tokenizer().config(),
                InstrumentFilter.defaults(), false, 0, 2).withMergesOf(codec), ProgressListener.NONE,
                new CancellationToken());
        return dataset;
    }

    @Test
    void fineTuningTheShippedModelLowersHeldOutNllAndChangesWhatItWrites(@TempDir Path dir) throws Exception {
        byte[] baseWeights = Files.readAllBytes(BASE.resolve(RunFolder.MODEL));
        Path run = dir.resolve("freedoom");
        // the base's context: adapters trained on shorter windows made the base worse on whole files
        TrainingOptions options = new TrainingOptions(trainSet, null, 0, run, BASE, 768, 1, 256, 4, 1, 40, 3e-4,
                1, 0, false, true, 0f, "cpu", 5, 0, 1000).withLora(new LoraSettings(8, 32), null);
        new Trainer().train(options, new TrainingListener() {
        }, new CancellationToken());

        assertThat(run.resolve(RunFolder.MODEL)).doesNotExist();
        assertThat(Files.size(run.resolve(AdapterConfig.WEIGHTS))).isLessThan(baseWeights.length / 20);
        assertThat(Files.readAllBytes(BASE.resolve(RunFolder.MODEL))).as("the base stays as it was")
                .isEqualTo(baseWeights);

        ModelEvaluation evaluation = new ModelEvaluation();
        double base = evaluation.evaluate(BASE, heldOutSet).nllPerToken();
        double tuned = evaluation.evaluate(run, heldOutSet).nllPerToken();
        assertThat(tuned).as("NLL per token on unseen Freedoom files, base %.4f", base).isLessThan(base - 0.005);

        GenerationRequest request = new GenerationRequest(new GenerationControls(
                EnumSet.of(InstrumentClass.GUITAR, InstrumentClass.BASS, InstrumentClass.DRUMS), 4,
                TimeSignature.COMMON_TIME, 120), SamplingSettings.defaults(11), 1, null, 0,
                GenerationRequest.DEFAULT_MAX_TOKENS);
        int[] fromBase = write(ModelBundle.load(BASE), request);
        int[] fromTuned = write(ModelBundle.load(run), request);
        assertThat(fromTuned).as("same seed, other music").isNotEqualTo(fromBase);
        assertThat(write(ModelBundle.load(run, BASE), request)).as("-M base --adapter run").isEqualTo(fromTuned);
        assertThatThrownBy(() -> ModelBundle.load(run, ModelBundle.DEFAULT_INFILL_MODEL))
                .isInstanceOf(GenerationException.class).hasMessageContaining("another base model");
    }

    private static int[] write(ModelBundle model, GenerationRequest request) throws Exception {
        return new Generator(model).generate(request, ProgressListener.NONE, new CancellationToken()).get(0).ids();
    }
}
