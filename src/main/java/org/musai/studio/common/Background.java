package org.musai.studio.common;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
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
 *
 * <p>{@link #inline} runs each job on the calling thread instead, with progress handed over at once: view-model tests
 * use it (as JabRef's {@code CurrentThreadTaskExecutor}), so that every property is final when a call returns and no
 * test polls a value another thread is still filling.
 */
public final class Background implements AutoCloseable {

    private static final AtomicInteger POOLS = new AtomicInteger();
    private static final long CLOSE_WAIT_SECONDS = 3;

    private final ExecutorService pool;
    private final UiExecutor ui;
    private final boolean unbatched;

    /** Workers on daemon threads, outcomes on {@code ui}: the app. */
    public Background(UiExecutor ui) {
        this(ui, threadPool(), false);
    }

    private Background(UiExecutor ui, ExecutorService pool, boolean unbatched) {
        this.ui = ui;
        this.pool = pool;
        this.unbatched = unbatched;
    }

    /** Every job and its outcome on the calling thread, and progress handed over as it comes: for tests. */
    public static Background inline(UiExecutor ui) {
        return new Background(ui, new CallingThreadExecutor(), true);
    }

    /**
     * Workers on threads, but progress handed over as it comes, on the worker: for tests about threads (pausing a
     * running job), which then know that a job's reports have arrived once the job has reached a given point.
     */
    public static Background unbatched(UiExecutor ui) {
        return new Background(ui, threadPool(), true);
    }

    private static ExecutorService threadPool() {
        int number = POOLS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        return Executors.newCachedThreadPool(runnable -> {
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
     * A batcher that hands a job's reports to the UI at most once per interval; in tests, at once (a timer thread
     * would deliver them after the job has returned).
     */
    public <T> UiBatcher<T> batcher(long intervalMillis, Consumer<List<T>> sink) {
        return new UiBatcher<>(ui, unbatched ? 0 : intervalMillis, sink);
    }

    /**
     * Runs {@code work} on a worker thread, then {@code done} with its result or {@code failed} with its exception,
     * both on the UI executor. After {@link #close} nothing runs: a job asked for by a listener as the window closes
     * (a model that finished loading starts the next load) has no page left to report to.
     */
    public <T> Future<?> run(Callable<T> work, Consumer<T> done, Consumer<Exception> failed) {
        if (pool.isShutdown()) {
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }
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

    /** Runs each task at once on the thread that submits it. */
    private static final class CallingThreadExecutor extends AbstractExecutorService {

        private volatile boolean shutdown;

        @Override
        public void execute(Runnable command) {
            command.run();
        }

        @Override
        public void shutdown() {
            shutdown = true;
        }

        @Override
        public List<Runnable> shutdownNow() {
            shutdown = true;
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return shutdown;
        }

        @Override
        public boolean isTerminated() {
            return shutdown;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }
}
