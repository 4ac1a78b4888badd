package org.musai.token;

/**
 * The document a tokenizer wrote for a score, and what quantizing the score lost on the way.
 *
 * @param ids  BOS, the piece, EOS
 * @param loss notes dropped or changed by quantization (the instrument filter's share is added by the caller)
 */
public record Encoding(int[] ids, NoteLoss loss) {
}
