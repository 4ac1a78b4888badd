package org.musai.token.mmm;

/**
 * One bar that the bar-infill form leaves for a generator to write: the placeholders, and the fills after the
 * tracks, come in the order of these slots.
 *
 * @param track index of the track in the canonical track order of the quantized score
 * @param bar   index of the bar, from 0
 */
public record FillSlot(int track, int bar) {
}
