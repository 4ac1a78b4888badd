package org.musai.token.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.musai.midi.MidiFormatException;
import org.musai.midi.SmfReader;
import org.musai.token.Tokenizer;
import org.musai.token.TokenizerConfig;

/**
 * Times the tokenizer's hot path on the same files four ways: parse only, parse and REMI, parse and MMM (one thread
 * each), and parse and REMI on all threads. Files are read into memory first, so the figures are CPU time, not disk.
 */
public final class TokenizeBenchmark {

    /** Each figure is timed for this long, after one warm-up pass over the files. */
    private static final long MIN_NANOS_PER_FIGURE = 2_000_000_000L;

    /**
     * The figures.
     *
     * @param files                  readable files measured
     * @param parseMsPerFile         parse only, one thread
     * @param remiMsPerFile          parse and REMI, one thread
     * @param mmmMsPerFile           parse and MMM, one thread
     * @param filesPerSOneThread     parse and REMI, one thread, in files per second
     * @param filesPerSAllThreads    parse and REMI on all threads
     * @param threads                threads of the last figure
     */
    public record Result(int files, double parseMsPerFile, double remiMsPerFile, double mmmMsPerFile,
                         double filesPerSOneThread, double filesPerSAllThreads, int threads) {

        /** How much faster all threads are than one. */
        public double speedup() {
            return filesPerSAllThreads / filesPerSOneThread;
        }
    }

    private interface Job {
        void run(byte[] file) throws MidiFormatException;
    }

    public Result run(List<SourceFile> sources, int threads) throws IOException {
        SmfReader reader = new SmfReader();
        List<byte[]> files = new ArrayList<>();
        for (SourceFile source : sources) {
            // only regular files within the size limit: a FIFO named x.mid would block the read for ever
            if (source.problem() != null || !Files.isRegularFile(source.path())
                    || Files.size(source.path()) > SmfReader.MAX_FILE_BYTES) {
                continue;
            }
            byte[] bytes = Files.readAllBytes(source.path());
            try {
                reader.read(bytes);
                files.add(bytes);
            } catch (MidiFormatException e) {
                // unreadable files have no tokenizing cost to measure
            }
        }
        if (files.isEmpty()) {
            throw new IOException("no readable MIDI files to measure");
        }
        Tokenizer remi = Tokenizer.of(TokenizerConfig.defaults(TokenizerConfig.Algorithm.REMI));
        Tokenizer mmm = Tokenizer.of(TokenizerConfig.defaults(TokenizerConfig.Algorithm.MMM));
        double parse = nanosPerFile(files, reader::read, 1);
        double remiNanos = nanosPerFile(files, bytes -> remi.encode(reader.read(bytes)), 1);
        double mmmNanos = nanosPerFile(files, bytes -> mmm.encode(reader.read(bytes)), 1);
        double allNanos = nanosPerFile(files, bytes -> remi.encode(reader.read(bytes)), threads);
        return new Result(files.size(), parse / 1e6, remiNanos / 1e6, mmmNanos / 1e6, 1e9 / remiNanos,
                1e9 / allNanos, threads);
    }

    /**
     * Nanoseconds of wall time per file with the given threads. The threads take files in turn from one endless
     * round over the list until the time is up, so that no thread waits for another at the end of a pass.
     */
    private static double nanosPerFile(List<byte[]> files, Job job, int threads) throws IOException {
        for (byte[] file : files) {
            run(job, file); // warm-up: let the JIT compile the path before it is timed
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            AtomicLong next = new AtomicLong();
            long start = System.nanoTime();
            long deadline = start + MIN_NANOS_PER_FIGURE;
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                running.add(pool.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        run(job, files.get((int) (next.getAndIncrement() % files.size())));
                    }
                    return null;
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
            return (double) (System.nanoTime() - start) / next.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("benchmark interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException("benchmark failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static void run(Job job, byte[] file) {
        try {
            job.run(file);
        } catch (MidiFormatException e) {
            throw new IllegalStateException("a file that parsed before failed to parse: " + e.getMessage(), e);
        }
    }
}
