package org.musai.midi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads the bytes of a MIDI file from disk, but only of a regular file and at most a given number of bytes. The type
 * is checked before the file is opened, since opening a FIFO waits for a writer and a device such as
 * {@code /dev/zero} never ends; the byte limit is enforced while reading as well, since special files report a size
 * of 0. Every refusal is a {@link MidiFormatException} with a one-line reason; a path that names nothing gives the
 * {@code NoSuchFileException} that names it.
 */
final class SmfFileBytes {

    /** File type bits of a Unix mode, and the types a non-regular, non-folder entry can have. */
    private static final int TYPE_MASK = 0170000;
    private static final int FIFO = 0010000;
    private static final int CHARACTER_DEVICE = 0020000;
    private static final int BLOCK_DEVICE = 0060000;
    private static final int SOCKET = 0140000;

    private SmfFileBytes() {
    }

    static byte[] read(Path file, int maxBytes) throws IOException, MidiFormatException {
        BasicFileAttributes attributes = attributesOf(file);
        if (attributes.isDirectory()) {
            throw new MidiFormatException("a folder, not a file");
        }
        if (!attributes.isRegularFile()) {
            throw new MidiFormatException(specialKind(file) + ", not a regular file");
        }
        if (attributes.size() > maxBytes) {
            throw new MidiFormatException("file is " + attributes.size() + " bytes, over the limit of " + maxBytes);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] data = in.readNBytes(maxBytes + 1);
            if (data.length > maxBytes) {
                throw new MidiFormatException("file grew past the limit of " + maxBytes + " bytes while read");
            }
            return data;
        } catch (AccessDeniedException e) {
            throw new MidiFormatException("permission denied");
        }
    }

    /** The attributes of the file a path leads to, following links. */
    private static BasicFileAttributes attributesOf(Path file) throws IOException, MidiFormatException {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            if (Files.isSymbolicLink(file)) {
                throw new MidiFormatException("dangling symbolic link (its target is missing)");
            }
            throw e; // a path that names nothing is the caller's mistake, reported with the path
        } catch (AccessDeniedException e) {
            throw new MidiFormatException("permission denied");
        } catch (FileSystemException e) {
            String reason = e.getReason() == null ? e.getClass().getSimpleName() : e.getReason();
            if (Files.isSymbolicLink(file) && reason.contains("levels of symbolic links")) {
                throw new MidiFormatException("symbolic link loop");
            }
            throw new MidiFormatException("cannot read: " + reason);
        }
    }

    /** Names what a path is when it is neither a regular file nor a folder. */
    private static String specialKind(Path file) {
        int mode;
        try {
            mode = (Integer) Files.getAttribute(file, "unix:mode");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "a special file (FIFO, device or socket)"; // no Unix attributes here: the generic name still holds
        }
        return switch (mode & TYPE_MASK) {
            case FIFO -> "a FIFO (named pipe)";
            case CHARACTER_DEVICE -> "a character device";
            case BLOCK_DEVICE -> "a block device";
            case SOCKET -> "a socket";
            default -> "a special file";
        };
    }
}
