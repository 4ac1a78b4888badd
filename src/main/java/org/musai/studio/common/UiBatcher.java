package org.musai.studio.common;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Collects values that a worker thread reports (progress, training steps) and hands them to the UI in batches, at
 * most once per interval, so that a fast job cannot flood the JavaFX thread with updates. Thread-safe.
 *
 * @param <T> what is reported
 */
public final class UiBatcher<T> {

    /** About ten updates a second: smooth to the eye, cheap for the UI thread. */
    public static final long DEFAULT_INTERVAL_MILLIS = 100;

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "musai-ui-batcher");
        thread.setDaemon(true);
        return thread;
    });

    private final UiExecutor ui;
    private final long intervalMillis;
    private final Consumer<List<T>> sink;
    private final ConcurrentLinkedQueue<T> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    /**
     * @param ui             where the sink runs
     * @param intervalMillis the shortest time between two batches; 0 hands each value over at once
     * @param sink           receives the values in the order offered
     */
    public UiBatcher(UiExecutor ui, long intervalMillis, Consumer<List<T>> sink) {
        this.ui = ui;
        this.intervalMillis = intervalMillis;
        this.sink = sink;
    }

    public void offer(T value) {
        pending.add(value);
        if (scheduled.compareAndSet(false, true)) {
            if (intervalMillis == 0) {
                ui.execute(this::drain);
            } else {
                TIMER.schedule(() -> ui.execute(this::drain), intervalMillis, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Hands over whatever is pending without waiting for the interval (the end of a job). */
    public void flush() {
        ui.execute(this::drain);
    }

    private void drain() {
        scheduled.set(false);
        List<T> batch = new ArrayList<>();
        for (T value; (value = pending.poll()) != null; ) {
            batch.add(value);
        }
        if (!batch.isEmpty()) {
            sink.accept(batch);
        }
    }
}
