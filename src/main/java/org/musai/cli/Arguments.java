package org.musai.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.musai.io.OutputPaths;

/**
 * Checks of command-line values, made before a command loads a model or touches a file, each failing with one line
 * that names the option and quotes what was typed.
 */
final class Arguments {

    private Arguments() {
    }

    static void atLeast(String option, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(option + " must be at least " + min + ", not " + value);
        }
    }

    static void between(String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(option + " must be " + min + "-" + max + ", not " + value);
        }
    }

    static void between(String option, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(option + " must be " + plain(min) + "-" + plain(max) + ", not "
                    + plain(value));
        }
    }

    /** A number as a person types it: 120, not 120.0. */
    static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
    }

    /** A file that must exist and be readable. */
    /** Bars "A-B" or "A", counted from 1, as {first, last}. */
    static int[] barRange(String option, String text) {
        if (!text.matches("\\d+(-\\d+)?")) {
            throw new IllegalArgumentException(option + " takes bars A-B (counted from 1), such as 5-8, not '"
                    + text + "'");
        }
        String[] ends = text.split("-");
        int first = Integer.parseInt(ends[0]);
        int last = Integer.parseInt(ends[ends.length - 1]);
        if (first < 1) {
            throw new IllegalArgumentException(option + " " + text + ": bars are counted from 1");
        }
        if (first > last) {
            throw new IllegalArgumentException(option + " " + text + ": the first bar comes after the last; "
                    + "did you mean " + last + "-" + first + "?");
        }
        return new int[] {first, last};
    }

    static void existingFile(String option, Path file) {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(option + " " + file + " is a folder, not a file");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(option + " " + file + (Files.exists(file) ? " is not a regular file"
                    : ": no such file"));
        }
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException(option + " " + file + " cannot be read (permission denied)");
        }
    }

    /** A folder that must exist. */
    static void existingFolder(String option, Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException(option + " " + folder + (Files.exists(folder) ? " is not a folder"
                    : ": no such folder"));
        }
    }

    /** A file to write: absent or a regular file, in an existing folder. */
    static void outputFile(String option, Path file) {
        try {
            OutputPaths.checkFile(file);
        } catch (OutputPaths.OutputPathException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage());
        }
    }

    /** A folder to write: absent or a folder, in an existing folder. */
    static void outputFolder(String option, Path folder) {
        try {
            OutputPaths.checkFolder(folder);
        } catch (OutputPaths.OutputPathException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage());
        }
    }

    /** What a file holds, told by its first bytes (not its name). */
    enum Content { MIDI, AUDIO, OTHER }

    static Content contentOf(Path file) throws IOException {
        byte[] head = new byte[12];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        }
        String ascii = new String(head, 0, read, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (ascii.startsWith("MThd") || ascii.startsWith("RIFF") && ascii.startsWith("RMID", 8)) {
            return Content.MIDI;
        }
        if (ascii.startsWith("RIFF") || ascii.startsWith("ID3") || ascii.startsWith("fLaC")
                || ascii.startsWith("OggS") || ascii.startsWith("FORM") || read >= 2 && (head[0] & 0xFF) == 0xFF
                && (head[1] & 0xE0) == 0xE0) {
            return Content.AUDIO;
        }
        return Content.OTHER;
    }

    /** The refusal of an audio file where MIDI is needed. */
    static IllegalArgumentException audioNotMidi(String option, Path file) {
        return new IllegalArgumentException(String.format(Locale.ROOT, "%s %s is an audio file, not MIDI; give a "
                + "MIDI file (.mid)", option, file));
    }
}
