package org.musai.token.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.musai.midi.MidiFormatException;
import org.musai.midi.SmfReader;
import org.musai.token.Tokenizer;
import org.musai.token.TokenizerConfig;

/**
 * Times the tokenizer's hot path on the same files four ways: parse only, parse and REMI, parse and MMM (one thread
 * each), and parse and REMI on all threads. Files are read into memory first, so the figures are CPU time, not disk.
 */
public final class TokenizeBenchmark {

    /** Each figure is timed over whole passes until at least this long has gone by, after one warm-up pass. */
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

    private static double nanosPerFile(List<byte[]> files, Job job, int threads) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            pass(files, job, pool, threads);
            long start = System.nanoTime();
            long processed = 0;
            while (System.nanoTime() - start < MIN_NANOS_PER_FIGURE) {
                pass(files, job, pool, threads);
                processed += files.size();
            }
            return (double) (System.nanoTime() - start) / processed;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One pass over all files, shared out by an atomic index so that long files do not idle a thread. */
    private static void pass(List<byte[]> files, Job job, ExecutorService pool, int threads) throws IOException {
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            running.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < files.size(); i = next.getAndIncrement()) {
                    job.run(files.get(i));
                }
                return null;
            }));
        }
        for (Future<?> future : running) {
            try {
                future.get();
            } catch (Exception e) {
                throw new IOException("benchmark failed: " + e.getMessage(), e);
            }
        }
    }
}
