package org.musai.studio;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * Measures how responsive the JavaFX thread stays while work runs elsewhere: the delay of a runnable posted every
 * 5 ms until it runs (a stall of the thread shows as a long delay), and the gaps between pulses (frames). Start and
 * stop on any thread.
 */
public final class PulseGaps {

    /** A gap over this is a stall the user notices (the bound). */
    public static final double STALL_MILLIS = 50;

    private final List<Double> gapsMillis = Collections.synchronizedList(new ArrayList<>());
    private AnimationTimer timer;

    private final List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean probing;

    /** The longest wait of a posted runnable: how long the JavaFX thread was unavailable at worst. */
    public double maxLatency() {
        return quantile(latencies, 1);
    }

    public void start() {
        probing = true;
        Thread probe = new Thread(() -> {
            while (probing) {
                long posted = System.nanoTime();
                Platform.runLater(() -> latencies.add((System.nanoTime() - posted) / 1e6));
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        probe.setDaemon(true);
        probe.start();
        Platform.runLater(() -> {
            timer = new AnimationTimer() {
                private long last;

                @Override
                public void handle(long now) {
                    if (last != 0) {
                        gapsMillis.add((now - last) / 1e6);
                    }
                    last = now;
                }
            };
            timer.start();
        });
    }

    public void stop() throws Exception {
        probing = false;
        org.testfx.util.WaitForAsyncUtils.asyncFx(() -> timer.stop()).get();
    }

    public int pulses() {
        return gapsMillis.size();
    }

    public double maxMillis() {
        return quantile(gapsMillis, 1);
    }

    /** The gap that 99% of the pulses stay under. */
    public double p99Millis() {
        return quantile(gapsMillis, 0.99);
    }

    public double medianMillis() {
        return quantile(gapsMillis, 0.5);
    }

    /** The value that a share {@code q} of the measurements stay under (0 when there are none). */
    private static double quantile(List<Double> measurements, double q) {
        List<Double> sorted;
        synchronized (measurements) {
            sorted = new ArrayList<>(measurements);
        }
        Collections.sort(sorted);
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(sorted.size() * q)));
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "{\"max_latency_ms\":%.1f,\"pulses\":%d,\"median_gap_ms\":%.1f,\"p99_gap_ms\":%.1f,\"max_gap_ms\":%.1f}", maxLatency(), pulses(),
                medianMillis(), p99Millis(), maxMillis());
    }
}
