package org.musai.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.musai.generate.Generation;
import org.musai.generate.GenerationControls;
import org.musai.generate.GenerationException;
import org.musai.generate.GenerationRequest;
import org.musai.generate.Generator;
import org.musai.generate.ModelBundle;
import org.musai.progress.CancellationToken;
import org.musai.progress.CancelledException;
import org.musai.progress.ProgressListener;
import org.musai.token.Quantization;

/**
 * Writes a suite of pieces with a model, as {@code musai generate} does, and judges them beside the training corpus
 * cut to the same number of bars. The judging sees only scores ({@link PieceJudge}), never the generator's tokens or
 * grammar. Pieces are written on {@code threads} worker threads, each with its own {@link Generator}; a piece depends
 * only on its seed, so the figures do not depend on the threads. Progress comes on the calling thread.
 */
public final class QualityBenchmark {

    /** How often a wait for a piece looks whether the caller cancelled. */
    private static final long POLL_MILLIS = 100;

    private final ModelBundle model;
    private final int threads;

    public QualityBenchmark(ModelBundle model, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        this.model = model;
        this.threads = threads;
    }

    /** How the model's tokenizer quantizes, for reading the corpus as the model saw it. */
    public Quantization quantization() {
        return new Quantization(model.codec().tokenizer().config());
    }

    /**
     * The pieces of one cell and what they took.
     *
     * @param cell          what was asked for
     * @param seeds         each piece's seed
     * @param pieces        each piece's figures, in seed order
     * @param seconds       generation time of all its pieces, summed over threads
     * @param tokens        tokens written, prompts included
     * @param skippedTokens tokens the decoder could not place (0 unless something is wrong)
     */
    public record CellResult(QualitySuite.Cell cell, List<Long> seeds, List<PieceFigures> pieces, double seconds,
                             long tokens, long skippedTokens) {
    }

    /** Writes and judges the suite, and judges the corpus at each of its lengths. */
    public QualityReport run(QualitySuite suite, TrainingCorpus corpus, ProgressListener listener,
                             CancellationToken cancel) throws GenerationException, CancelledException {
        if (!new Generator(model).writesFromScratch()) {
            throw new GenerationException("the quality benchmark writes pieces from scratch, which needs a REMI "
                    + "model; " + model.folder() + " uses " + model.codec().tokenizer().config().algorithm()
                    + " tokens");
        }
        long start = System.nanoTime();
        PieceJudge judge = new PieceJudge(corpus.range());
        Map<Integer, Summary> training = new TreeMap<>();
        for (int bars : suite.bars()) {
            cancel.throwIfCancelled();
            List<PieceFigures> figures = new ArrayList<>();
            for (TrainingCorpus.Piece piece : corpus.atLeast(bars)) {
                figures.add(judge.judge(piece.opening(), bars, piece.classes()));
            }
            training.put(bars, Summary.of(figures));
        }
        double trainingSeconds = (System.nanoTime() - start) / 1e9;
        long generationStart = System.nanoTime();
        List<CellResult> cells = generate(suite, judge, listener, cancel);
        double generationSeconds = (System.nanoTime() - generationStart) / 1e9;
        return new QualityReport(suite, model.folder(), corpus, training, cells, trainingSeconds, generationSeconds,
                threads);
    }

    private record Piece(PieceFigures figures, double seconds, int tokens, int skippedTokens) {
    }

    private List<CellResult> generate(QualitySuite suite, PieceJudge judge, ProgressListener listener,
                                      CancellationToken cancel) throws GenerationException, CancelledException {
        List<QualitySuite.Cell> cells = suite.cells();
        int total = cells.size() * suite.pieces();
        CancellationToken stop = new CancellationToken(); // the caller's, or a failed piece's: stops the others
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "musai-quality-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<List<Future<Piece>>> futures = new ArrayList<>();
            for (QualitySuite.Cell cell : cells) {
                List<Future<Piece>> ofCell = new ArrayList<>();
                for (int i = 0; i < suite.pieces(); i++) {
                    long seed = suite.seedOf(i);
                    ofCell.add(workers.submit(() -> writeAndJudge(suite, cell, seed, judge, stop)));
                }
                futures.add(ofCell);
            }
            listener.started("generate", total);
            List<CellResult> results = new ArrayList<>();
            int done = 0;
            for (int c = 0; c < cells.size(); c++) {
                List<PieceFigures> figures = new ArrayList<>();
                List<Long> seeds = new ArrayList<>();
                double seconds = 0;
                long tokens = 0;
                long skipped = 0;
                for (int i = 0; i < suite.pieces(); i++) {
                    Piece piece = await(futures.get(c).get(i), cancel, stop);
                    figures.add(piece.figures());
                    seeds.add(suite.seedOf(i));
                    seconds += piece.seconds();
                    tokens += piece.tokens();
                    skipped += piece.skippedTokens();
                    listener.advanced(++done, total, 0);
                }
                results.add(new CellResult(cells.get(c), seeds, figures, seconds, tokens, skipped));
            }
            listener.finished(total + " pieces");
            return results;
        } finally {
            stop.cancel();
            workers.shutdownNow();
        }
    }

    /**
     * One piece, asked for exactly as {@code musai generate} asks: no primer, the default token limit, and classes
     * named (not "all") as a band that must play.
     */
    private Piece writeAndJudge(QualitySuite suite, QualitySuite.Cell cell, long seed, PieceJudge judge,
                                CancellationToken cancel) throws GenerationException, CancelledException {
        GenerationRequest request = new GenerationRequest(
                new GenerationControls(cell.classSet().classes(), cell.bars(), cell.meter(), suite.tempoBpm())
                        .withBandMustPlay(cell.classSet().explicit()),
                suite.sampling(seed), 1, null, 0, GenerationRequest.DEFAULT_MAX_TOKENS, null);
        Generation piece = new Generator(model).generate(request, ProgressListener.NONE, cancel).get(0);
        PieceFigures figures = judge.judge(piece.score(), cell.bars(),
                cell.classSet().explicit() ? cell.classSet().classes() : null);
        return new Piece(figures, piece.seconds(), piece.ids().length, piece.skippedTokens());
    }

    /** A piece's result, passing the caller's cancellation on to the workers while it waits. */
    private static Piece await(Future<Piece> future, CancellationToken cancel, CancellationToken stop)
            throws GenerationException, CancelledException {
        try {
            while (true) {
                if (cancel.isCancelled()) {
                    stop.cancel();
                    throw new CancelledException();
                }
                try {
                    return future.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    // still writing: look at the caller's token again
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof GenerationException g) {
                throw g;
            }
            if (cause instanceof CancelledException c) {
                throw c;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }
}
