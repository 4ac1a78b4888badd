package org.musai.studio.generate;

import org.musai.generate.Generation;

/**
 * One piece in the generate page's list, to compare with the others.
 *
 * @param label      how the list shows it, such as "2 · seed 43"
 * @param generation the piece and how it was made
 */
public record Variation(String label, Generation generation) {

    @Override
    public String toString() {
        return label;
    }
}
