package org.musai.token.mmm;

/** What one MMM token is: a structural marker, one of the value ranges, or none of the vocabulary's tokens. */
public enum MmmTokenKind {
    /** PAD, BOS, EOS or MASK. */
    SPECIAL,
    PIECE_START,
    TRACK_START,
    TRACK_END,
    BAR_START,
    BAR_END,
    /** Stands for a bar whose events follow later, between FILL_START and FILL_END. */
    FILL_PLACEHOLDER,
    FILL_START,
    FILL_END,
    /** Value: the General MIDI program, or -1 for drums. */
    INSTRUMENT,
    /** Value: the note density level, 0-9. */
    DENSITY,
    /** Value: the index of the meter in {@code Quantization.meters()}. */
    TIME_SIG,
    /** Value: the tempo level. */
    TEMPO,
    /** Value: the velocity level. */
    VELOCITY,
    /** Value: the MIDI pitch. */
    NOTE_ON,
    /** Value: the MIDI pitch. */
    NOTE_OFF,
    /** Value: the shift in grid positions, 1 to {@link MmmTokenIds#maxTimeDelta()}. */
    TIME_DELTA,
    /** An id outside the vocabulary (negative or too large). */
    UNKNOWN
}
