package org.musai.token.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.musai.midi.InstrumentFilter;
import org.musai.midi.MidiFormatException;
import org.musai.midi.SmfReader;
import org.musai.token.Tokenizer;
import org.musai.token.TokenizerConfig;

/**
 * Times the tokenizer's hot path on the files {@code musai tokenize} would tokenize with its defaults (every class
 * but Sound Effects, at least 16 beats), four ways: parse only, parse and REMI, parse and MMM on one thread, and parse
 * and REMI on all threads. Files are read into memory first, so the figures are CPU time, not disk. Every job warms
 * up before anything is timed, and the figures are medians of rounds that each time all four in turn, so that the JIT
 * and the machine's load weigh on each mode alike; the files left out are listed with their reason.
 */
public final class TokenizeBenchmark {

    /** Rounds of the four figures; each figure is the median over them. */
    public static final int ROUNDS = 3;
    /** {@code musai tokenize}'s default minimum length. */
    private static final double TOKENIZE_MIN_BEATS = 16;

    private final long nanosPerFigure;

    /** @param nanosPerFigure how long each figure is timed in each round (and each job warms up) */
    public TokenizeBenchmark(long nanosPerFigure) {
        if (nanosPerFigure <= 0) {
            throw new IllegalArgumentException("time each figure for a positive time, not " + nanosPerFigure + " ns");
        }
        this.nanosPerFigure = nanosPerFigure;
    }

    /**
     * A file not measured.
     *
     * @param name   its name as the source list gives it
     * @param reason why, in the words tokenize would use
     */
    public record LeftOut(String name, String reason) {
    }

    /**
     * The figures, medians over {@link #ROUNDS} rounds.
     *
     * @param files               files measured
     * @param parseMsPerFile      parse only, one thread
     * @param remiMsPerFile       parse and REMI, one thread
     * @param mmmMsPerFile        parse and MMM, one thread
     * @param filesPerSOneThread  parse and REMI, one thread, in files per second
     * @param filesPerSAllThreads parse and REMI on all threads
     * @param threads             threads of the last figure
     * @param speedups            all threads over one thread in each round, in round order
     * @param leftOut             files not measured, with why
     */
    public record Result(int files, double parseMsPerFile, double remiMsPerFile, double mmmMsPerFile,
                         double filesPerSOneThread, double filesPerSAllThreads, int threads, List<Double> speedups,
                         List<LeftOut> leftOut) {

        /** How much faster all threads are than one: the median of the rounds' ratios. */
        public double speedup() {
            return median(speedups);
        }
    }

    private interface Job {
        void run(byte[] file) throws MidiFormatException;
    }

    public Result run(List<SourceFile> sources, int threads) throws IOException {
        SmfReader reader = new SmfReader();
        InstrumentFilter filter = new InstrumentFilter(InstrumentFilter.defaultClasses(), java.util.Set.of(),
                TOKENIZE_MIN_BEATS, false);
        List<byte[]> files = new ArrayList<>();
        List<LeftOut> leftOut = new ArrayList<>();
        for (SourceFile source : sources) {
            String reason = reasonToLeaveOut(source);
            if (reason == null) {
                byte[] bytes = Files.readAllBytes(source.path());
                try {
                    InstrumentFilter.Outcome outcome = filter.apply(reader.read(bytes));
                    if (outcome.skipped()) {
                        reason = outcome.skipReason();
                    } else {
                        files.add(bytes);
                    }
                } catch (MidiFormatException e) {
                    reason = "unreadable: " + e.getMessage();
                }
            }
            if (reason != null) {
                leftOut.add(new LeftOut(source.name(), reason));
            }
        }
        if (files.isEmpty()) {
            throw new IOException("no readable MIDI files that tokenize would take to measure ("
                    + leftOut.size() + " left out" + (leftOut.isEmpty() ? "" : ", the first: " + leftOut.get(0).name()
                    + ": " + leftOut.get(0).reason()) + ")");
        }
        Tokenizer remi = Tokenizer.of(TokenizerConfig.defaults(TokenizerConfig.Algorithm.REMI));
        Tokenizer mmm = Tokenizer.of(TokenizerConfig.defaults(TokenizerConfig.Algorithm.MMM));
        Job parse = reader::read;
        Job remiJob = bytes -> remi.encode(reader.read(bytes));
        Job mmmJob = bytes -> mmm.encode(reader.read(bytes));
        for (Job job : List.of(parse, remiJob, mmmJob)) {
            nanosPerFile(files, job, 1); // warm-up: the JIT compiles every path before any is timed
        }
        nanosPerFile(files, remiJob, threads);
        List<Double> parseNanos = new ArrayList<>();
        List<Double> remiNanos = new ArrayList<>();
        List<Double> mmmNanos = new ArrayList<>();
        List<Double> allNanos = new ArrayList<>();
        List<Double> speedups = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            double one = nanosPerFile(files, remiJob, 1);
            double all = nanosPerFile(files, remiJob, threads);
            remiNanos.add(one);
            allNanos.add(all);
            speedups.add(one / all);
            parseNanos.add(nanosPerFile(files, parse, 1));
            mmmNanos.add(nanosPerFile(files, mmmJob, 1));
        }
        return new Result(files.size(), median(parseNanos) / 1e6, median(remiNanos) / 1e6, median(mmmNanos) / 1e6,
                1e9 / median(remiNanos), 1e9 / median(allNanos), threads, List.copyOf(speedups),
                List.copyOf(leftOut));
    }

    /** Why a file is not even read: what the source list found, not a regular file, or too large. */
    private static String reasonToLeaveOut(SourceFile source) throws IOException {
        if (source.problem() != null) {
            return source.problem();
        }
        // only regular files within the size limit: a FIFO named x.mid would block the read for ever
        if (!Files.isRegularFile(source.path())) {
            return "not a regular file";
        }
        if (Files.size(source.path()) > SmfReader.MAX_FILE_BYTES) {
            return "larger than " + SmfReader.MAX_FILE_BYTES + " bytes";
        }
        return null;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /**
     * Nanoseconds of wall time per file with the given threads. The threads take files in turn from one endless
     * round over the list until the time is up, so that no thread waits for another at the end of a pass.
     */
    private double nanosPerFile(List<byte[]> files, Job job, int threads) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            AtomicLong next = new AtomicLong();
            long start = System.nanoTime();
            long deadline = start + nanosPerFigure;
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
