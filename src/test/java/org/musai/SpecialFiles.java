package org.musai;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Makes the file system entries that are not regular files, for tests of what the readers do with them. */
public final class SpecialFiles {

    private SpecialFiles() {
    }

    /** Makes a FIFO (named pipe) with the system's mkfifo; false when there is none. */
    public static boolean makeFifo(Path path) throws InterruptedException {
        try {
            Process process = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
            return process.waitFor() == 0 && Files.exists(path);
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether this process reads files whatever their permissions say, as root does. */
    public static boolean permissionsDoNotStopReading(Path scratchFolder) throws IOException {
        Path probe = Files.createTempFile(scratchFolder, "permission-probe", ".tmp");
        try {
            Files.setPosixFilePermissions(probe, java.nio.file.attribute.PosixFilePermissions.fromString("---------"));
            return Files.isReadable(probe);
        } finally {
            Files.delete(probe);
        }
    }
}
