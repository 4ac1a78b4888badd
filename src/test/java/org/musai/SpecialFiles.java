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
        return succeeds("mkfifo", path.toString()) && Files.exists(path);
    }

    /**
     * Runs a system command (mkfifo, mknod, mount) and says whether it succeeded; false also where it is missing or
     * not allowed, so that a test can skip what this machine cannot make. Its output is read and dropped.
     */
    public static boolean succeeds(String... command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor() == 0;
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
