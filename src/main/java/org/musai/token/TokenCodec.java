package org.musai.token;

import java.util.List;
import java.util.function.IntPredicate;
import org.musai.midi.Score;
import org.musai.token.bpe.BpeModel;
import org.musai.token.bpe.BpeTrainer;
import org.musai.token.bpe.Decoded;
import org.musai.token.bpe.Merge;

/**
 * A tokenizer with its optional BPE merges: what a dataset's ids mean, and what a model reads and writes.
 * Immutable and thread-safe.
 */
public final class TokenCodec {

    private final Tokenizer tokenizer;
    private final BpeModel bpe;

    private TokenCodec(Tokenizer tokenizer, BpeModel bpe) {
        this.tokenizer = tokenizer;
        this.bpe = bpe;
    }

    /** A codec without BPE. */
    public static TokenCodec of(Tokenizer tokenizer) {
        return new TokenCodec(tokenizer, null);
    }

    /** A codec with merges learned earlier. */
    public static TokenCodec withMerges(Tokenizer tokenizer, List<Merge> merges) {
        return new TokenCodec(tokenizer, BpeModel.of(tokenizer.vocabulary().size(), merges,
                tokenizer::startsWord, tokenizer::unmergeable));
    }

    /**
     * A trainer for merges over this tokenizer's base ids: words end at bars and tracks, specials and the header never
     * merge.
     */
    public static BpeTrainer bpeTrainer(Tokenizer tokenizer) {
        IntPredicate startsWord = tokenizer::startsWord;
        return new BpeTrainer(tokenizer.vocabulary().size(), startsWord, tokenizer::unmergeable);
    }

    /** The same tokenizer with these merges. */
    public TokenCodec withBpe(BpeModel model) {
        return new TokenCodec(tokenizer, model);
    }

    public Tokenizer tokenizer() {
        return tokenizer;
    }

    public boolean hasBpe() {
        return bpe != null;
    }

    /** The merges in rank order; empty without BPE. */
    public List<Merge> merges() {
        return bpe == null ? List.of() : bpe.merges();
    }

    /** Number of ids a model must know: base tokens plus merges. */
    public int vocabSize() {
        return bpe == null ? tokenizer.vocabulary().size() : bpe.vocabSize();
    }

    /** The ids of a score, merged where BPE applies. */
    public int[] encode(Score score) {
        return applyBpe(tokenizer.encode(score));
    }

    /** Base ids to final ids. */
    public int[] applyBpe(int[] baseIds) {
        return bpe == null ? baseIds : bpe.encode(baseIds);
    }

    /** Final ids back to base ids; ids outside the vocabulary are dropped and counted. */
    public Decoded toBaseIds(int[] ids) {
        if (bpe != null) {
            return bpe.decode(ids);
        }
        int size = tokenizer.vocabulary().size();
        int[] kept = java.util.Arrays.stream(ids).filter(id -> id >= 0 && id < size).toArray();
        return new Decoded(kept, ids.length - kept.length);
    }

    /** The score of any id sequence; never throws, counts what it had to skip. */
    public DecodedScore decode(int[] ids) {
        Decoded base = toBaseIds(ids);
        DecodedScore decoded = tokenizer.decode(base.ids());
        return new DecodedScore(decoded.score(), decoded.skippedTokens() + base.skipped());
    }

    /** A readable name for a final id: the base token, or the base tokens a merge stands for joined by "+". */
    public String tokenName(int id) {
        if (bpe == null || id < tokenizer.vocabulary().size() || id >= bpe.vocabSize()) {
            return tokenizer.vocabulary().token(id);
        }
        StringBuilder name = new StringBuilder();
        for (int part : bpe.expansion(id)) {
            name.append(name.length() == 0 ? "" : "+").append(tokenizer.vocabulary().token(part));
        }
        return name.toString();
    }
}
