package org.musai.cli;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How busy the machine was around a benchmark, printed beside its figures: these machines are noisy, and a figure
 * means little without the load it was measured under. The one-minute load average (-1 where the system gives none)
 * when the benchmark started, and when its figures were printed.
 *
 * @param before the load average at the start
 */
record MachineLoad(double before) {

    static MachineLoad atStart() {
        return new MachineLoad(now());
    }

    /** The JSON form: before, after and the cores. */
    Map<String, Object> figures() {
        Map<String, Object> load = new LinkedHashMap<>();
        load.put("load_average_before", Figures.round(before, 2));
        load.put("load_average_after", Figures.round(now(), 2));
        load.put("cores", Runtime.getRuntime().availableProcessors());
        return load;
    }

    /** One line for people. */
    String text() {
        return String.format(Locale.ROOT, "Load average %.2f at the start, %.2f at the end, on %d cores", before, now(),
                Runtime.getRuntime().availableProcessors());
    }

    private static double now() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
