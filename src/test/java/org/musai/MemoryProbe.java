package org.musai;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/** The test JVM's memory: resident set (native memory included) from /proc, and the Java heap after a full GC. */
public final class MemoryProbe {

    private static final Path STATUS = Path.of("/proc/self/status");

    private MemoryProbe() {
    }

    /** Skips the calling test where /proc/self/status is missing (not Linux). */
    public static void assumeAvailable() {
        Assumptions.assumeTrue(Files.isReadable(STATUS), "no /proc/self/status here");
    }

    /** VmRSS in MiB. */
    public static double residentMiB() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + STATUS, e);
        }
        throw new IllegalStateException(STATUS + " has no VmRSS line");
    }

    /** Heap in use after full collections, in MiB. */
    public static double heapAfterGcMiB() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
    }

    /**
     * The least-squares slope of {@code values} against {@code times}, relative to their mean: a fraction per unit
     * of time.
     */
    public static double relativeSlope(List<Double> times, List<Double> values) {
        int n = times.size();
        double meanT = times.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double meanV = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double covariance = 0;
        double variance = 0;
        for (int i = 0; i < n; i++) {
            covariance += (times.get(i) - meanT) * (values.get(i) - meanV);
            variance += (times.get(i) - meanT) * (times.get(i) - meanT);
        }
        return covariance / variance / meanV;
    }
}
