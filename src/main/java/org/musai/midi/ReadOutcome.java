package org.musai.midi;

import java.util.List;

/**
 * What {@link SmfReader} made of a file: the score, and where the file was damaged and what of it was kept. A file
 * without damage has no warnings. Immutable.
 *
 * @param score    the music that could be read
 * @param warnings one line per damaged place, such as "track 3: data byte 0xa8 over 127 at offset 6042; the track
 *                 is kept up to there"
 */
public record ReadOutcome(Score score, List<String> warnings) {

    public ReadOutcome {
        warnings = List.copyOf(warnings);
    }

    /** Whether part of the file was damaged and left out. */
    public boolean damaged() {
        return !warnings.isEmpty();
    }
}
