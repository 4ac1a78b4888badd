package org.musai.generate;

import org.musai.token.TokenCodec;

/**
 * Which final ids (base tokens and BPE merges) may come next: a base id if the grammar allows it, a merge if the
 * grammar allows its whole expansion in turn.
 */
final class TokenMask {

    private final TokenCodec codec;
    private final int[][] expansions;

    TokenMask(TokenCodec codec) {
        this.codec = codec;
        int base = codec.tokenizer().vocabulary().size();
        expansions = new int[codec.vocabSize()][];
        for (int id = base; id < codec.vocabSize(); id++) {
            expansions[id] = codec.toBaseIds(new int[]{id}).ids();
        }
    }

    /** The base ids a final id stands for. */
    int[] expand(int id) {
        return expansions[id] == null ? new int[]{id} : expansions[id];
    }

    boolean[] allowed(Grammar grammar, boolean[] into) {
        for (int id = 0; id < into.length; id++) {
            int[] expansion = expansions[id];
            if (expansion == null) {
                into[id] = grammar.allows(id);
            } else {
                into[id] = allowsAll(grammar, expansion);
            }
        }
        return into;
    }

    private static boolean allowsAll(Grammar grammar, int[] expansion) {
        if (!grammar.allows(expansion[0])) {
            return false;
        }
        Grammar ahead = grammar.copy();
        for (int i = 0; i < expansion.length; i++) {
            if (i > 0 && !ahead.allows(expansion[i])) {
                return false;
            }
            ahead.accept(expansion[i]);
        }
        return true;
    }

    int vocabSize() {
        return codec.vocabSize();
    }
}
