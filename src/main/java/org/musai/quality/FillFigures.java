package org.musai.quality;

/**
 * What one infill did to the bars it was given, beside what the piece had there. "The part" is the tracks that were
 * regenerated (one instrument's); "the rest" is the other pitched tracks.
 *
 * @param piece          the piece's name in the corpus
 * @param part           the part's track names, as the file gives them
 * @param kept           everything outside the region and the part (notes, tempo map, meters, tracks) as it was
 * @param original       the region (all tracks) as the piece has it
 * @param filled         the region after the infill
 * @param originalNotes  notes of the part in the region, as the piece has it
 * @param filledNotes    notes the infill wrote there
 * @param originalFit    share of the part's pitched notes whose pitch class the rest sounds in the same bar, in the
 *                       piece; NaN without pitched notes in the part or without a rest
 * @param filledFit      the same for the infill
 * @param originalPitch  mean pitch of the part's pitched notes in the region; NaN without any
 * @param filledPitch    the same for the infill
 */
public record FillFigures(String piece, String part, boolean kept, PieceFigures original, PieceFigures filled,
                          int originalNotes, int filledNotes, double originalFit, double filledFit,
                          double originalPitch, double filledPitch) {
}
