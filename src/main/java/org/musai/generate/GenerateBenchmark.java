package org.musai.generate;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import org.musai.midi.InstrumentFilter;
import org.musai.midi.TimeSignature;
import org.musai.model.RnnState;
import org.musai.model.RwkvConfig;
import org.musai.model.RwkvRnn;
import org.musai.model.RwkvWeights;
import org.musai.progress.CancellationToken;
import org.musai.progress.CancelledException;
import org.musai.progress.ProgressListener;

/** Times generation: RNN-mode steps at a shape, or whole pieces from a model (grammar and sampling included). */
public final class GenerateBenchmark {

    private static final int WARMUP_TOKENS = 128;

    /**
     * RNN-mode figures.
     *
     * @param parameters      trainable values
     * @param tokensPerSecond tokens per second, batch 1
     */
    public record StepResult(long parameters, double tokensPerSecond) {
    }

    /**
     * Whole-piece figures, medians over several seeds.
     *
     * @param parameters      trainable values
     * @param tokensPerSecond tokens per second of whole generations
     * @param secondsPerPiece seconds for one piece of the bars asked for
     * @param bars            bars per piece
     */
    public record PieceResult(long parameters, double tokensPerSecond, double secondsPerPiece, int bars) {
    }

    /** RNN-mode steps on a model of random weights, one sequence. */
    public StepResult steps(RwkvConfig config, int tokens) {
        return steps(config, tokens, 1);
    }

    /**
     * RNN-mode steps on a model of random weights, {@code sequences} read together in one pass per step (as
     * variations are written); the figure is tokens per second of each sequence.
     */
    public StepResult steps(RwkvConfig config, int tokens, int sequences) {
        try (NDManager manager = NDManager.newBaseManager();
             RwkvWeights weights = RwkvWeights.initialize(config, manager, 1)) {
            RwkvRnn rnn = new RwkvRnn(weights);
            RnnState[] states = new RnnState[sequences];
            for (int b = 0; b < sequences; b++) {
                states[b] = rnn.newState();
            }
            int[] read = new int[sequences];
            long start = System.nanoTime();
            for (int t = 0; t < WARMUP_TOKENS + tokens; t++) {
                if (t == WARMUP_TOKENS) {
                    start = System.nanoTime();
                }
                for (int b = 0; b < sequences; b++) {
                    read[b] = (t * 31 + b * 7) % config.vocabSize();
                }
                rnn.stepAll(states, read);
            }
            return new StepResult(config.parameterCount(), tokens / ((System.nanoTime() - start) / 1e9));
        }
    }

    /** Pieces of {@code bars} bars from a model, all classes but sound effects, 4/4 at 120 bpm. */
    public PieceResult pieces(ModelBundle model, int bars, int pieces) throws GenerationException, CancelledException {
        Generator generator = new Generator(model);
        GenerationControls controls = new GenerationControls(EnumSet.copyOf(InstrumentFilter.defaultClasses()), bars,
                TimeSignature.COMMON_TIME, 120);
        generator.generate(new GenerationRequest(controls, SamplingSettings.defaults(0), 1, null, 0,
                GenerationRequest.DEFAULT_MAX_TOKENS), ProgressListener.NONE, new CancellationToken()); // warm-up
        List<Double> seconds = new ArrayList<>();
        List<Double> rates = new ArrayList<>();
        for (int i = 1; i <= pieces; i++) {
            Generation piece = generator.generate(new GenerationRequest(controls, SamplingSettings.defaults(i), 1, null,
                    0, GenerationRequest.DEFAULT_MAX_TOKENS), ProgressListener.NONE, new CancellationToken()).get(0);
            seconds.add(piece.seconds());
            rates.add(piece.ids().length / piece.seconds());
        }
        Collections.sort(seconds);
        Collections.sort(rates);
        return new PieceResult(model.rnn().config().parameterCount(), rates.get(rates.size() / 2),
                seconds.get(seconds.size() / 2), bars);
    }
}
