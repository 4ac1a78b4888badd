package org.musai.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.musai.ScoreDifference;
import org.musai.midi.MidiFormatException;
import org.musai.midi.MidiMutator;
import org.musai.midi.ReadOutcome;
import org.musai.midi.Score;
import org.musai.midi.SmfReader;
import org.musai.token.TokenizerConfig.Algorithm;

/**
 * Damaged real files through the whole input path: the reader, both tokenizers, their decoders on what they wrote
 * and on random ids, with and without BPE. A case passes when the reader refuses the file with a one-line
 * {@link MidiFormatException}, or when every stage finishes without an exception, writes only ids of its
 * vocabulary, stays within a bound that the documented limits imply, counts every dropped note, and round-trips to
 * the quantized score.
 *
 * <p>Seeded and deterministic: case {@code i} always damages the same file the same way. {@code mvn verify} runs
 * {@value #DEFAULT_CASES} cases; {@code -Pfuzz} sets {@code musai.fuzz.cases} to run more. With
 * {@code -Dmusai.fuzz.failures=DIR} each failing input is written there, to become a regression file.
 */
class FuzzMidiInputTest {

    private static final int DEFAULT_CASES = 3000;
    private static final long SEED = 0x5EED_13L;
    /** Far beyond what any case needs (milliseconds): only a hang trips it. */
    private static final Duration CASE_TIME_GUARD = Duration.ofSeconds(30);
    /** Failures listed in the assertion message; the count covers all of them. */
    private static final int FAILURES_SHOWN = 25;
    /** Random id sequences are up to this long. */
    private static final int MAX_RANDOM_IDS = 3000;
    /** Merges learned for the BPE codecs: enough to have merged ids among the random ones. */
    private static final int BPE_MERGES = 64;

    private static final SmfReader READER = new SmfReader();
    private static final Quantizer QUANTIZER = new Quantizer(new Quantization(TokenizerConfig.defaults(Algorithm.REMI)));
    private static List<FuzzSeeds.Seed> seeds;
    private static List<TokenCodec> codecs;

    /** What the reader made of a case's input. */
    private enum Outcome { REFUSED, READ_WHOLE, READ_DAMAGED }

    /**
     * One case.
     *
     * @param outcome what the reader made of the input
     * @param failure the first broken promise, or null
     * @param input   the damaged file when the case failed, else null
     */
    private record CaseResult(int caseIndex, String mutation, Outcome outcome, String failure, byte[] input) {
        @Override
        public String toString() {
            return "case " + caseIndex + " (" + mutation + "): " + failure;
        }
    }

    @BeforeAll
    static void loadSeedsAndLearnMerges() throws MidiFormatException {
        seeds = FuzzSeeds.load();
        codecs = new ArrayList<>();
        for (Algorithm algorithm : Algorithm.values()) {
            Tokenizer tokenizer = Tokenizer.of(TokenizerConfig.defaults(algorithm));
            var trainer = TokenCodec.bpeTrainer(tokenizer);
            for (FuzzSeeds.Seed seed : seeds.subList(0, Math.min(10, seeds.size()))) {
                trainer.add(tokenizer.encode(READER.read(seed.bytes())));
            }
            TokenCodec plain = TokenCodec.of(tokenizer);
            codecs.add(plain);
            codecs.add(plain.withBpe(trainer.train(tokenizer.vocabulary().size() + BPE_MERGES)));
        }
    }

    @Test
    void damagedFilesAreReadOrRefusedAndTokenizeWithinLimits() throws Exception {
        int cases = Integer.getInteger("musai.fuzz.cases", DEFAULT_CASES);
        assertThat(seeds).hasSizeGreaterThan(20);

        List<CaseResult> results = run(cases);

        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        results.forEach(r -> outcomes.merge(r.outcome(), 1, Integer::sum));
        List<CaseResult> failures = results.stream().filter(r -> r.failure() != null).toList();
        // the figures of a -Pfuzz run are its point; surefire shows a test's output in the build log
        System.out.println("fuzz: " + cases + " cases " + outcomes + ", " + failures.size() + " failed");
        dump(failures);
        assertThat(failures).as("%d of %d cases failed; first ones:%n%s", failures.size(), cases,
                String.join("\n", failures.stream().limit(FAILURES_SHOWN).map(CaseResult::toString).toList()))
                .isEmpty();
        // a fuzzer whose mutants the reader all refuses would test nothing past it
        assertThat(outcomes.getOrDefault(Outcome.READ_WHOLE, 0)).isGreaterThan(cases / 5);
        assertThat(outcomes.getOrDefault(Outcome.READ_DAMAGED, 0)).isGreaterThan(cases / 20);
    }

    private List<CaseResult> run(int cases) throws InterruptedException, ExecutionException {
        int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<CaseResult>> futures = new ArrayList<>(cases);
            for (int i = 0; i < cases; i++) {
                int caseIndex = i;
                futures.add(pool.submit(() -> runCase(caseIndex)));
            }
            List<CaseResult> results = new ArrayList<>(cases);
            for (Future<CaseResult> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private CaseResult runCase(int caseIndex) {
        Random random = new Random(SEED + caseIndex * 0x9E3779B97F4A7C15L);
        FuzzSeeds.Seed seed = seeds.get(random.nextInt(seeds.size()));
        MidiMutator.Mutant mutant = new MidiMutator(random).mutate(seed.bytes());
        String mutation = seed.name() + ": " + mutant.description();
        long idSeed = random.nextLong();
        Outcome[] outcome = {Outcome.REFUSED};
        String failure;
        try {
            failure = assertTimeoutPreemptively(CASE_TIME_GUARD,
                    () -> check(mutant.bytes(), new Random(idSeed), outcome));
        } catch (Throwable e) {
            // an exception from any stage, an Error (out of memory) or the time guard: all are failures of the case
            failure = e.toString().split("\n")[0];
        }
        // only a failing input is kept: a long run must not hold every mutant in memory
        return new CaseResult(caseIndex, mutation, outcome[0], failure, failure == null ? null : mutant.bytes());
    }

    /** The first broken promise for one input, or null; says in {@code outcome} what the reader made of it. */
    private String check(byte[] input, Random random, Outcome[] outcome) {
        ReadOutcome read;
        try {
            read = READER.readWithWarnings(input);
        } catch (MidiFormatException e) {
            String reason = e.getMessage();
            return reason == null || reason.isBlank() || reason.contains("\n") ? "refusal without a one-line reason"
                    : null;
        }
        outcome[0] = read.damaged() ? Outcome.READ_DAMAGED : Outcome.READ_WHOLE;
        if (read.warnings().stream().anyMatch(w -> w.isBlank() || w.contains("\n"))) {
            return "a warning that is not one line: " + read.warnings();
        }
        Score score = read.score();
        // every note needs a note-on: a delta time and at least two bytes
        if (score.noteCount() > input.length / 3) {
            return score.noteCount() + " notes from " + input.length + " bytes";
        }
        Score quantized = QUANTIZER.quantize(score);
        String tooLong = checkLength(quantized);
        if (tooLong != null) {
            return tooLong;
        }
        for (TokenCodec codec : codecs) {
            String problem = codec.hasBpe() ? checkBpeDecoding(codec, random) : checkTokenizer(codec.tokenizer(),
                    score, quantized, random);
            if (problem != null) {
                return codec.tokenizer().config().algorithm() + (codec.hasBpe() ? " with BPE: " : ": ") + problem;
            }
        }
        return null;
    }

    private String checkTokenizer(Tokenizer tokenizer, Score score, Score quantized, Random random) {
        int vocabulary = tokenizer.vocabulary().size();
        Encoding encoding = tokenizer.encodeWithLoss(score);
        int[] ids = encoding.ids();
        for (int id : ids) {
            if (id < 0 || id >= vocabulary) {
                return "id " + id + " outside the vocabulary of " + vocabulary;
            }
        }
        long bound = tokenBound(quantized);
        if (ids.length > bound) {
            return ids.length + " ids, over the bound of " + bound + " for " + quantized.noteCount() + " notes in "
                    + quantized.tracks().size() + " tracks";
        }
        long expectedNotes = score.noteCount() - encoding.loss().dropped();
        if (tokenizer.noteCount(ids) != expectedNotes) {
            return tokenizer.noteCount(ids) + " notes in the document, but " + score.noteCount() + " read and "
                    + encoding.loss().dropped() + " counted as dropped";
        }
        DecodedScore decoded = tokenizer.decode(ids);
        if (decoded.skippedTokens() != 0) {
            return "its own document decodes with " + decoded.skippedTokens() + " skipped tokens";
        }
        String difference = ScoreDifference.first(quantized, decoded.score()).orElse(null);
        if (difference != null) {
            return "decoded document differs from the quantized score: " + difference;
        }
        tokenizer.decode(Arrays.copyOf(ids, random.nextInt(ids.length + 1))); // a document cut short, as by a generator
        int[] noise = random.ints(random.nextInt(MAX_RANDOM_IDS + 1), -3, vocabulary + 3).toArray();
        DecodedScore fromNoise = tokenizer.decode(noise);
        if (fromNoise.score().noteCount() > noise.length) {
            return fromNoise.score().noteCount() + " notes decoded from " + noise.length + " random ids";
        }
        return null;
    }

    /** Random ids, merged ones among them, through BPE and the decoder behind it. */
    private static String checkBpeDecoding(TokenCodec codec, Random random) {
        int[] noise = random.ints(random.nextInt(MAX_RANDOM_IDS + 1), -3, codec.vocabSize() + 3).toArray();
        DecodedScore decoded = codec.decode(noise);
        int expandedAtMost = noise.length * (BPE_MERGES + 1);
        if (decoded.score().noteCount() > expandedAtMost) {
            return decoded.score().noteCount() + " notes decoded from " + noise.length + " random ids";
        }
        return null;
    }

    /**
     * The most ids a document of this quantized score may have: a few per note (the note's own four, its position
     * and chord, or MMM's velocity and note-off), two per tempo change, and for every track a few per bar, with bars
     * counted up to the last event (the shortest meter, 1/8, has two bars per beat) and rests at most one per beat.
     * The length limit keeps the last event within {@link Quantizer#MAX_LENGTH_BEATS}, however long the file says
     * it is.
     */
    private static long tokenBound(Score quantized) {
        long lastTick = quantized.endTick();
        for (var tempo : quantized.tempos()) {
            lastTick = Math.max(lastTick, tempo.tick());
        }
        for (var meter : quantized.timeSignatures()) {
            lastTick = Math.max(lastTick, meter.tick());
        }
        long beats = lastTick / Quantization.TICKS_PER_QUARTER + 1;
        long bars = 2 * beats + 2;
        int tracks = quantized.tracks().size();
        return 6L * quantized.noteCount() + 2L * quantized.tempos().size() + 3L * bars * (tracks + 1) + beats + 64;
    }

    /** The quantized score ends within the length limit, plus at most the longest duration. */
    private static String checkLength(Score quantized) {
        long limitTicks = (long) (Quantizer.MAX_LENGTH_BEATS + 12) * Quantization.TICKS_PER_QUARTER;
        return quantized.endTick() > limitTicks ? "quantized score ends at tick " + quantized.endTick()
                + ", past the length limit" : null;
    }

    private static void dump(List<CaseResult> failures) throws IOException {
        String folder = System.getProperty("musai.fuzz.failures");
        if (folder == null || folder.isBlank()) {
            return;
        }
        Path target = Files.createDirectories(Path.of(folder));
        for (CaseResult failure : failures) {
            Files.write(target.resolve("case-" + failure.caseIndex() + ".mid"), failure.input());
            Files.writeString(target.resolve("case-" + failure.caseIndex() + ".txt"), failure + "\n");
        }
    }
}
