package org.musai.studio.generate;

import org.musai.generate.Generation;

/**
 * One piece in the generate page's list, to compare with the others.
 *
 * @param label      its name, such as "2.3 · seed 44" (the third piece of the second batch)
 * @param details    how it was made, such as "T 1.00 · top-p 0.85 · Piano, Bass · 8 bars · 120 notes"; may be empty
 * @param starred    marked by the musician as one to keep
 * @param generation the piece and how it was made
 */
public record Variation(String label, String details, boolean starred, Generation generation) {

    /** A piece with its name only. */
    public Variation(String label, Generation generation) {
        this(label, "", false, generation);
    }

    /** The same piece under another name. */
    public Variation withLabel(String name) {
        return new Variation(name, details, starred, generation);
    }

    /** The same piece, starred or not. */
    public Variation withStar(boolean on) {
        return new Variation(label, details, on, generation);
    }

    /** The list's two lines: the name (starred ones marked), then how it was made. */
    @Override
    public String toString() {
        return (starred ? "★ " : "") + label + (details.isEmpty() ? "" : "\n" + details);
    }
}
