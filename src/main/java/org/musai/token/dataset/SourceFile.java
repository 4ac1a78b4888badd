package org.musai.token.dataset;

import java.nio.file.Path;

/**
 * A MIDI file to read, with the name it goes by in a dataset: its path relative to the folder it was found in, so
 * that two files of the same name in different folders stay apart.
 *
 * @param path where the file is
 * @param name its relative path with forward slashes, such as "jazz/blue.mid"
 */
public record SourceFile(Path path, String name) {
}
