package org.musai.studio.common;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs the studio's long work (inspection, tokenization, training, generation, playback) off the JavaFX thread and
 * hands each outcome back on the UI executor: the one place where work crosses threads. Daemon threads, so a closing
 * window is never held open by them. Thread-safe.
 */
public final class Background implements AutoCloseable {

    private static final AtomicInteger POOLS = new AtomicInteger();
    private static final long CLOSE_WAIT_SECONDS = 3;

    private final ExecutorService pool;
    private final UiExecutor ui;

    public Background(UiExecutor ui) {
        this.ui = ui;
        int number = POOLS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "musai-work-" + number + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The executor that reaches the UI thread. */
    public UiExecutor ui() {
        return ui;
    }

    /**
     * Runs {@code work} on a worker thread, then {@code done} with its result or {@code failed} with its exception,
     * both on the UI executor.
     */
    public <T> Future<?> run(Callable<T> work, Consumer<T> done, Consumer<Exception> failed) {
        return pool.submit(() -> {
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                ui.execute(() -> failed.accept(e));
                return;
            } catch (Error e) {
                // out of memory, a native library that would not load: still a failure the user must see, or the
                // page would wait for this job forever
                ui.execute(() -> failed.accept(new IllegalStateException(e.toString(), e)));
                return;
            }
            ui.execute(() -> done.accept(result));
        });
    }

    /** Interrupts the workers and gives them a moment to clean up (a cancelled dataset removes its work folder). */
    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
