package org.musai.token.dataset;

import java.nio.file.Path;
import java.util.List;
import org.musai.midi.InstrumentFilter;
import org.musai.token.TokenCodec;
import org.musai.token.TokenizerConfig;

/**
 * Everything {@code musai tokenize} and the studio's dataset page ask of {@link DatasetBuilder}.
 *
 * @param sources   the MIDI files, as {@link SourceFiles} found them
 * @param output    the dataset folder to create or replace
 * @param config    the tokenization
 * @param filter    which files and tracks to keep
 * @param bpe       whether to learn BPE merges
 * @param vocabSize the vocabulary size BPE grows to; 0 for 1.25 times the base, as the seed does
 * @param threads   worker threads, at least 1
 * @param merges    a model's codec whose BPE merges to apply as they are (to score or fine-tune that model on new
 *                  files), or null; with it, {@code bpe} and {@code vocabSize} are not used
 */
public record DatasetRequest(List<SourceFile> sources, Path output, TokenizerConfig config, InstrumentFilter filter,
                             boolean bpe, int vocabSize, int threads, TokenCodec merges) {

    /** The seed grows the vocabulary by a quarter when no size is given. */
    public static final double DEFAULT_BPE_GROWTH = 1.25;

    public DatasetRequest {
        sources = List.copyOf(sources);
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        if (vocabSize < 0) {
            throw new IllegalArgumentException("vocabulary size must not be negative");
        }
        if (merges != null && !merges.tokenizer().config().equals(config)) {
            throw new IllegalArgumentException("the merges belong to another tokenization");
        }
    }

    /** A request that learns its own merges, or none. */
    public DatasetRequest(List<SourceFile> sources, Path output, TokenizerConfig config, InstrumentFilter filter,
                          boolean bpe, int vocabSize, int threads) {
        this(sources, output, config, filter, bpe, vocabSize, threads, null);
    }

    /** The same request, applying a model's merges instead of learning any. */
    public DatasetRequest withMergesOf(TokenCodec codec) {
        return new DatasetRequest(sources, output, config, filter, codec.hasBpe(), 0, threads, codec);
    }
}
