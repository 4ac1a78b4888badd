package org.musai.train;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** How much memory a new process could take now: Linux's MemAvailable (free plus reclaimable caches), else free. */
public final class MachineMemory {

    private static final Path MEMINFO = Path.of("/proc/meminfo");

    private MachineMemory() {
    }

    /** Bytes available, or -1 where the system does not say. */
    public static long availableBytes() {
        try {
            for (String line : Files.readAllLines(MEMINFO)) {
                if (line.startsWith("MemAvailable:")) {
                    return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux: ask the JVM below
        }
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getFreeMemorySize();
        }
        return -1;
    }
}
