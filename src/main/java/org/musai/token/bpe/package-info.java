/**
 * Byte-pair encoding over integer token-id sequences, used to compress MIDI token streams.
 *
 * <p>{@link org.musai.token.bpe.BpeTrainer} accumulates streamed documents into a table of
 * distinct words and learns merges incrementally (no corpus rescan per merge);
 * {@link org.musai.token.bpe.BpeModel} applies the learned {@link org.musai.token.bpe.Merge}s to
 * encode base-id sequences and expands merged ids back to base ids. Merges never cross a word
 * boundary: a word starts before every id the caller marks as starting a word, and ids marked
 * unmergeable always stand alone.
 */
package org.musai.token.bpe;
