package org.musai.token.dataset;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.musai.progress.CancellationToken;
import org.musai.progress.CancelledException;

/**
 * Maps items on several threads and hands the results to one consumer in input order, keeping only a small window
 * in flight so that memory stays flat however many files there are.
 */
final class OrderedParallel {

    /** Results waiting per thread: enough to keep every thread busy while the consumer writes. */
    private static final int WINDOW_PER_THREAD = 8;

    /** Receives results in input order, on the calling thread. */
    interface Consumer<R> {
        void accept(R result) throws IOException;
    }

    private OrderedParallel() {
    }

    /** The result of a worker, its unchecked failures thrown as they were. */
    private static <R> R result(Future<R> future) throws IOException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for a worker", e);
        }
    }

    static <T, R> void run(List<T> items, int threads, Function<T, R> work, Consumer<R> consumer,
                           CancellationToken cancel) throws IOException, CancelledException {
        if (threads == 1) {
            for (T item : items) {
                cancel.throwIfCancelled();
                consumer.accept(work.apply(item));
            }
            return;
        }
        AtomicInteger counter = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "musai-worker-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            ArrayDeque<Future<R>> window = new ArrayDeque<>();
            int next = 0;
            while (next < items.size() || !window.isEmpty()) {
                while (next < items.size() && window.size() < threads * WINDOW_PER_THREAD) {
                    T item = items.get(next++);
                    window.add(pool.submit(() -> work.apply(item)));
                }
                cancel.throwIfCancelled();
                consumer.accept(result(window.poll()));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
