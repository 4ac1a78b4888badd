package org.musai.train;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.musai.token.SpecialTokens;
import org.musai.token.binidx.BinIdxReader;

/**
 * Context windows for training and validation from a binidx token file. Each region is a document (a dataset from
 * {@code musai tokenize}) or a stretch of the token stream (text mode, as RWKV-LM reads binidx). Training windows
 * start at random positions, regions weighted by length; a window longer than its region is padded, and padding is
 * masked out of the loss. The batch of a step depends only on the seed and the step, so a resumed run sees the same
 * batches. Thread-safe for reading.
 *
 * <p>Where documents open with a header (BOS and the instrument classes that play, with a conditioned REMI
 * tokenizer), a window that starts later in the document carries the header in its first tokens, as a generation
 * does: the model always sees the band it plays for. The header's own targets are masked.
 */
public final class TrainingData {

    /** Validation reads at most this many windows, so that an epoch's end stays quick. */
    static final int MAX_VALIDATION_WINDOWS = 256;

    /**
     * One batch: inputs and targets of {@code size} windows of {@code ctx} tokens, row after row.
     *
     * @param inputs  ids the model reads
     * @param targets ids it should predict (0 where masked)
     * @param mask    1 where a target counts, 0 for padding
     * @param size    windows
     * @param ctx     tokens per window
     */
    public record Batch(long[] inputs, long[] targets, float[] mask, int size, int ctx) {
        /** Targets that count. */
        public int tokenCount() {
            int count = 0;
            for (float m : mask) {
                count += (int) m;
            }
            return count;
        }
    }

    /**
     * A document or stretch of stream.
     *
     * @param header tokens of the document's header at its start (0 for none)
     */
    private record Region(long start, int length, int header, int document) {
        /** A piece of the stream (no document, no header). */
        Region(long start, int length) {
            this(start, length, 0, -1);
        }
    }

    /** How far into a document its header reaches: BOS and every following token the predicate calls header. */
    private static final int MAX_HEADER = 32;

    /**
     * Makes a training row from a whole document instead of a window of it: MMM's bar-infill examples.
     */
    @FunctionalInterface
    public interface DocumentExamples {
        /**
         * A sequence of at most {@code maxLength} ids made of a document's ids, or null to take a window as usual;
         * it draws only from {@code random}, so that a step's batch stays a function of the seed and the step.
         */
        int[] example(int[] documentIds, int maxLength, SplittableRandom random);
    }

    private final BinIdxReader tokens;
    private final List<Region> train;
    private final List<Region> validation;
    private final long[] trainEnds;
    private final int ctxLen;
    private final DocumentExamples examples;
    private final double exampleShare;

    private TrainingData(BinIdxReader tokens, List<Region> train, List<Region> validation, int ctxLen) {
        this(tokens, train, validation, ctxLen, null, 0);
    }

    private TrainingData(BinIdxReader tokens, List<Region> train, List<Region> validation, int ctxLen,
                         DocumentExamples examples, double exampleShare) {
        this.examples = examples;
        this.exampleShare = exampleShare;
        this.tokens = tokens;
        this.train = train;
        this.validation = validation;
        this.ctxLen = ctxLen;
        this.trainEnds = new long[train.size()];
        long end = 0;
        for (int i = 0; i < train.size(); i++) {
            end += train.get(i).length();
            trainEnds[i] = end;
        }
    }

    /**
     * Documents as regions; a shuffled {@code valFraction} of them (at least one when there are two or more) is held
     * out.
     */
    public static TrainingData byDocument(BinIdxReader tokens, int ctxLen, double valFraction, long seed)
            throws IOException {
        return byDocument(tokens, ctxLen, valFraction, seed, id -> false);
    }

    /**
     * Documents as regions, each with its header: BOS and the tokens after it that {@code headerToken} accepts,
     * repeated at the start of every window that begins later in the document.
     */
    public static TrainingData byDocument(BinIdxReader tokens, int ctxLen, double valFraction, long seed,
                                          java.util.function.IntPredicate headerToken) throws IOException {
        int documents = tokens.documentCount();
        List<Integer> order = new ArrayList<>();
        for (int d = 0; d < documents; d++) {
            if (tokens.length(d) >= 2) {
                order.add(d);
            }
        }
        java.util.Collections.shuffle(order, new java.util.Random(seed));
        int held = valFraction <= 0 || order.size() < 2 ? 0
                : Math.min(order.size() - 1, Math.max(1, (int) Math.round(order.size() * valFraction)));
        List<Region> validation = new ArrayList<>();
        List<Region> train = new ArrayList<>();
        int[] head = new int[MAX_HEADER];
        for (int i = 0; i < order.size(); i++) {
            int d = order.get(i);
            int n = Math.min(head.length, tokens.length(d));
            tokens.read(tokens.offset(d), head, 0, n);
            int header = 0;
            if (n > 0 && head[0] == SpecialTokens.BOS) {
                header = 1;
                while (header < n && headerToken.test(head[header])) {
                    header++;
                }
            }
            // a header of BOS alone needs no repeating: the windows of a plain dataset stay as they were
            (i < held ? validation : train).add(new Region(tokens.offset(d), tokens.length(d), header > 1 ? header : 0,
                    d));
        }
        train.sort((a, b) -> Long.compare(a.start(), b.start()));
        validation.sort((a, b) -> Long.compare(a.start(), b.start()));
        return new TrainingData(tokens, train, validation, ctxLen);
    }

    /** The whole stream as one region, its last {@code valFraction} held out, as RWKV-LM reads text datasets. */
    public static TrainingData byStream(BinIdxReader tokens, int ctxLen, double valFraction) {
        long total = tokens.tokenCount();
        long held = (long) (total * valFraction);
        List<Region> train = new ArrayList<>();
        List<Region> validation = new ArrayList<>();
        long trainLength = total - held;
        for (long start = 0; start < trainLength; start += Integer.MAX_VALUE) {
            train.add(new Region(start, (int) Math.min(Integer.MAX_VALUE, trainLength - start)));
        }
        if (held > ctxLen) {
            validation.add(new Region(trainLength, (int) Math.min(Integer.MAX_VALUE, held)));
        }
        return new TrainingData(tokens, train, validation, ctxLen);
    }

    /**
     * The same data, where a {@code share} of the training rows are examples made from their document (validation
     * stays windows of the held-out documents, so that its loss means what it meant).
     */
    public TrainingData withExamples(DocumentExamples made, double share) {
        if (share < 0 || share > 1) {
            throw new IllegalArgumentException("the share of examples must be 0-1, not " + share);
        }
        return new TrainingData(tokens, train, validation, ctxLen, share > 0 ? made : null, share);
    }

    public int trainRegions() {
        return train.size();
    }

    public int validationRegions() {
        return validation.size();
    }

    /** The documents held out, by index, in the order of the token file (none when read as a stream). */
    public List<Integer> validationDocuments() {
        return validation.stream().filter(r -> r.document() >= 0).map(Region::document).toList();
    }

    public long trainTokens() {
        return trainEnds.length == 0 ? 0 : trainEnds[trainEnds.length - 1];
    }

    /** The batch of a step: the same for the same seed and step, wherever and whenever it is asked for. */
    public Batch trainBatch(int size, long seed, long step) throws IOException {
        if (train.isEmpty()) {
            throw new IOException("no training documents with at least two tokens");
        }
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + step);
        BatchBuilder builder = new BatchBuilder(size, ctxLen);
        for (int row = 0; row < size; row++) {
            long at = random.nextLong(trainTokens());
            int region = Arrays.binarySearch(trainEnds, at + 1);
            region = region >= 0 ? region : -region - 1;
            Region r = train.get(region);
            long offsetInRegion = at - (trainEnds[region] - r.length());
            // drawn only with examples: a run without them gets the batches it always got
            if (examples != null && random.nextDouble() < exampleShare && builder.fillWithExample(row, r, random)) {
                continue;
            }
            int body = ctxLen + 1 - r.header();
            if (r.header() > 0 && offsetInRegion > r.header() && r.length() > ctxLen + 1L && body > 1) {
                long start = Math.max(r.header(), Math.min(offsetInRegion, r.length() - body));
                builder.fillAfterHeader(row, r, r.start() + start, body);
            } else {
                long start = Math.max(0, Math.min(offsetInRegion, r.length() - (ctxLen + 1L)));
                builder.fill(row, r.start() + start, (int) Math.min(ctxLen + 1L, r.length() - start));
            }
        }
        return builder.build();
    }

    /**
     * A held-out window: where its tokens start, how many, and whether it opens with its document's header (a window
     * after the first, with a header).
     */
    private record Window(Region region, long start, int length, boolean afterHeader) {
    }

    /** Windows over the held-out regions, in order, each region from its start with a stride of the context. */
    public List<Batch> validationBatches(int size) throws IOException {
        List<Window> windows = validationWindows();
        return batchesOf(windows.subList(0, Math.min(windows.size(), MAX_VALIDATION_WINDOWS)), size);
    }

    /** How many windows the held-out regions make, all of them (the trainer reads the first 256). */
    public int validationWindowCount() {
        return validationWindows().size();
    }

    /**
     * A seeded sample of {@code count} of the held-out windows (all of them when {@code count} is 0 or at least their
     * number), read in their order: every token of the held-out regions is equally likely to be scored.
     */
    public List<Batch> sampledValidationBatches(int size, int count, long seed) throws IOException {
        List<Window> windows = validationWindows();
        if (count > 0 && count < windows.size()) {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < windows.size(); i++) {
                order.add(i);
            }
            java.util.Collections.shuffle(order, new java.util.Random(seed));
            List<Integer> chosen = new ArrayList<>(order.subList(0, count));
            chosen.sort(null);
            List<Window> sample = new ArrayList<>();
            chosen.forEach(i -> sample.add(windows.get(i)));
            return batchesOf(sample, size);
        }
        return batchesOf(windows, size);
    }

    /**
     * The held-out windows, region by region from its start: each predicts the tokens after the previous one's, and
     * later windows of a document with a header open with it.
     */
    private List<Window> validationWindows() {
        List<Window> windows = new ArrayList<>();
        for (Region r : validation) {
            long start = 0;
            while (start + 1 < r.length()) {
                boolean later = start > 0 && r.header() > 0 && ctxLen + 1 - r.header() > 1;
                int span = later ? ctxLen + 1 - r.header() : ctxLen + 1;
                windows.add(new Window(r, r.start() + start, (int) Math.min(span, r.length() - start), later));
                start += span - 1;
            }
        }
        return windows;
    }

    private List<Batch> batchesOf(List<Window> windows, int size) throws IOException {
        List<Batch> batches = new ArrayList<>();
        for (int i = 0; i < windows.size(); i += size) {
            int rows = Math.min(size, windows.size() - i);
            BatchBuilder builder = new BatchBuilder(rows, ctxLen);
            for (int row = 0; row < rows; row++) {
                Window w = windows.get(i + row);
                if (w.afterHeader()) {
                    builder.fillAfterHeader(row, w.region(), w.start(), w.length());
                } else {
                    builder.fill(row, w.start(), w.length());
                }
            }
            batches.add(builder.build());
        }
        return batches;
    }

    /**
     * Token frequencies of the training regions, one added to each (so no id has probability 0), as counts over a
     * vocabulary: the unigram model that a trained model must beat.
     */
    public double[] unigramLogProbabilities(int vocabSize) throws IOException {
        double[] counts = new double[vocabSize];
        Arrays.fill(counts, 1);
        int[] buffer = new int[1 << 16];
        double total = vocabSize;
        for (Region r : train) {
            for (long at = 0; at < r.length(); at += buffer.length) {
                int n = (int) Math.min(buffer.length, r.length() - at);
                tokens.read(r.start() + at, buffer, 0, n);
                for (int i = 0; i < n; i++) {
                    if (buffer[i] >= 0 && buffer[i] < vocabSize) {
                        counts[buffer[i]]++;
                        total++;
                    }
                }
            }
        }
        for (int i = 0; i < vocabSize; i++) {
            counts[i] = Math.log(counts[i] / total);
        }
        return counts;
    }

    /** Fills rows of a batch from the token file. */
    private final class BatchBuilder {
        final long[] inputs;
        final long[] targets;
        final float[] mask;
        final int size;
        final int ctx;
        final int[] window;

        BatchBuilder(int size, int ctx) {
            this.size = size;
            this.ctx = ctx;
            inputs = new long[size * ctx];
            targets = new long[size * ctx];
            mask = new float[size * ctx];
            window = new int[ctx + 1];
        }

        void fill(int row, long globalStart, int length) throws IOException {
            Arrays.fill(window, SpecialTokens.PAD);
            tokens.read(globalStart, window, 0, length);
            for (int t = 0; t < ctx; t++) {
                inputs[row * ctx + t] = window[t];
                boolean real = t + 1 < length;
                targets[row * ctx + t] = real ? window[t + 1] : SpecialTokens.PAD;
                mask[row * ctx + t] = real ? 1f : 0f;
            }
        }

        /**
         * A window of the region's header, then {@code length} tokens from {@code globalStart}; only the body's
         * targets count (the header's last target would be a token from the middle of the piece).
         */
        void fillAfterHeader(int row, Region region, long globalStart, int length) throws IOException {
            Arrays.fill(window, SpecialTokens.PAD);
            int header = region.header();
            tokens.read(region.start(), window, 0, header);
            tokens.read(globalStart, window, header, length);
            int filled = header + length;
            for (int t = 0; t < ctx; t++) {
                inputs[row * ctx + t] = window[t];
                boolean counts = t >= header && t + 1 < filled;
                targets[row * ctx + t] = counts ? window[t + 1] : SpecialTokens.PAD;
                mask[row * ctx + t] = counts ? 1f : 0f;
            }
        }

        /** A row of an example made from the region's document; false when none could be made of it. */
        boolean fillWithExample(int row, Region region, SplittableRandom random) throws IOException {
            int[] document = new int[region.length()];
            tokens.read(region.start(), document, 0, document.length);
            int[] example = examples.example(document, ctx + 1, random);
            if (example == null || example.length < 2) {
                return false;
            }
            for (int t = 0; t < ctx; t++) {
                boolean real = t + 1 < example.length;
                inputs[row * ctx + t] = t < example.length ? example[t] : SpecialTokens.PAD;
                targets[row * ctx + t] = real ? example[t + 1] : SpecialTokens.PAD;
                mask[row * ctx + t] = real ? 1f : 0f;
            }
            return true;
        }

        Batch build() {
            return new Batch(inputs, targets, mask, size, ctx);
        }
    }
}
