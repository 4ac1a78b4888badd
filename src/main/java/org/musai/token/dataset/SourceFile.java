package org.musai.token.dataset;

import java.nio.file.Path;

/**
 * A MIDI file to read, with the name it goes by in a dataset: its path relative to the folder it was found in, so
 * that two files of the same name in different folders stay apart.
 *
 * @param path    where the file is
 * @param name    its relative path with forward slashes, such as "jazz/blue.mid"
 * @param problem why it cannot be read, when that was found while looking for files (a folder that cannot be
 *                listed, say); null otherwise, and the reader has the last word
 */
public record SourceFile(Path path, String name, String problem) {

    /** A file found, to be read. */
    public SourceFile(Path path, String name) {
        this(path, name, null);
    }
}
