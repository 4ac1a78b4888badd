package org.musai.token;

import org.musai.midi.Score;

import org.musai.token.mmm.MmmTokenizer;
import org.musai.token.remi.RemiTokenizer;

/**
 * Turns a score into token ids and back. Decoding never throws: what cannot be read is skipped and counted.
 * Implementations are immutable and thread-safe.
 */
public interface Tokenizer {

    TokenizerConfig config();

    Vocabulary vocabulary();

    /** The ids of one document: BOS, the piece, EOS. */
    default int[] encode(Score score) {
        return encodeWithLoss(score).ids();
    }

    /**
     * The ids of one document, with the notes that quantizing dropped or changed. Never throws for a score that
     * {@code SmfReader} made: onsets past {@link Quantizer#MAX_LENGTH_BEATS} are dropped and counted, so the
     * document's bars and positions stay bounded.
     */
    Encoding encodeWithLoss(Score score);

    /** The score that a sequence of ids describes. */
    DecodedScore decode(int[] ids);

    /** The number of notes that a sequence of base ids written by {@link #encode} holds, without decoding it. */
    int noteCount(int[] ids);

    /** Whether a token starts a new unit (bar or track) that BPE merges must not cross. */
    boolean startsWord(int id);

    /**
     * Whether a token belongs to a piece's header (its instrument classes, after BOS): BPE never merges it, and the
     * trainer repeats the header at the start of every window.
     */
    default boolean isHeader(int id) {
        return false;
    }

    /** The ids BPE leaves alone: the special tokens and the header. */
    default boolean unmergeable(int id) {
        return SpecialTokens.isSpecial(id) || isHeader(id);
    }

    /** The tokenizer for a config. */
    static Tokenizer of(TokenizerConfig config) {
        return switch (config.algorithm()) {
            case REMI -> new RemiTokenizer(config);
            case MMM -> new MmmTokenizer(config);
        };
    }
}
