package org.musai.train;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Holds a run folder for one training run at a time: an OS lock on its {@code run.lock} file, with the holder's
 * process id written in it for the message a second run gets. The OS releases the lock when the process dies, even by
 * SIGKILL, so a stale file never blocks a resume. Close it when the run ends; the file itself stays (deleting it
 * would let two runs lock two different files of one name).
 */
final class RunLock implements AutoCloseable {

    static final String FILE_NAME = "run.lock";

    /**
     * Folders locked by this JVM. POSIX locks belong to the process, so the OS cannot refuse a second lock from the
     * same JVM (Java throws instead), and closing any channel on the file would silently drop the first lock: the
     * second attempt must be refused before it opens the file.
     */
    private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(Path key, FileChannel channel, FileLock lock) {
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    /** Locks {@code folder} (which must exist), or says which process is training in it. */
    static RunLock acquire(Path folder) throws TrainingException, IOException {
        Path key = folder.toRealPath();
        if (!HELD_HERE.add(key)) {
            throw inUse(folder, "by another run in this program");
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(key.resolve(FILE_NAME), StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw inUse(folder, holder(channel));
            }
            byte[] pid = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(pid), 0);
            return new RunLock(key, channel, lock);
        } catch (TrainingException | IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            HELD_HERE.remove(key);
            throw e;
        }
    }

    private static String holder(FileChannel channel) throws IOException {
        ByteBuffer content = ByteBuffer.allocate(32);
        channel.read(content, 0);
        String pid = new String(content.array(), 0, content.position(), StandardCharsets.US_ASCII).trim();
        return pid.matches("\\d+") ? "by process " + pid : "by another process";
    }

    private static TrainingException inUse(Path folder, String byWhom) {
        return new TrainingException(folder + " is in use " + byWhom + ", which is training in it; wait until it "
                + "ends or stop it, then start or resume again");
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
            channel.close();
        } finally {
            HELD_HERE.remove(key);
        }
    }
}
