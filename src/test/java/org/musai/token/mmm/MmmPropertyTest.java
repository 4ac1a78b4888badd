package org.musai.token.mmm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.musai.token.mmm.MmmTestSupport.TOKENIZER;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.musai.midi.Note;
import org.musai.midi.Score;
import org.musai.midi.TempoChange;
import org.musai.midi.TimeSignature;
import org.musai.midi.Track;
import org.musai.token.DecodedScore;
import org.musai.token.Quantizer;

/** Decoding survives any sequence, and random small scores survive the round trip in both forms. */
class MmmPropertyTest {

    private static final int VOCABULARY_SIZE = TOKENIZER.vocabulary().size();
    private static final Quantizer QUANTIZER = new Quantizer(TOKENIZER.quantization());
    private static final int[][] METERS = {{4, 4}, {3, 4}, {6, 8}, {2, 2}, {7, 8}, {5, 4}, {8, 4}, {5, 16}, {12, 8}};

    @Provide
    Arbitrary<int[]> anyIds() {
        Arbitrary<Integer> nearVocabulary = Arbitraries.integers().between(-3, VOCABULARY_SIZE + 3);
        Arbitrary<Integer> anyInt = Arbitraries.integers();
        return Arbitraries.frequencyOf(
                        Tuple.of(8, nearVocabulary),
                        Tuple.of(1, anyInt),
                        Tuple.of(1, Arbitraries.of(Integer.MIN_VALUE, Integer.MAX_VALUE, -1)))
                .list().ofMaxSize(400).map(list -> list.stream().mapToInt(Integer::intValue).toArray());
    }

    @Property(tries = 2000)
    void decodingNeverThrowsOnAnyIds(@ForAll("anyIds") int[] ids) {
        DecodedScore decoded = TOKENIZER.decode(ids);

        assertThat(decoded.skippedTokens()).isBetween(0, ids.length);
        assertThat(decoded.score().ticksPerQuarter()).isEqualTo(480);
    }

    /** Real documents with a few tokens replaced, inserted or dropped: they reach deeper into the grammar. */
    @Property(tries = 2000, edgeCases = EdgeCasesMode.MIXIN)
    void decodingNeverThrowsOnDamagedDocuments(@ForAll("scores") Score score, @ForAll long seed,
                                               @ForAll @IntRange(min = 1, max = 20) int damages) {
        int[] document = seed % 2 == 0 ? TOKENIZER.encode(score) : infillOfAll(score);
        Random random = new Random(seed);
        List<Integer> ids = new ArrayList<>();
        for (int id : document) {
            ids.add(id);
        }
        for (int i = 0; i < damages && !ids.isEmpty(); i++) {
            int at = random.nextInt(ids.size());
            int id = random.nextInt(VOCABULARY_SIZE + 2) - 1;
            switch (random.nextInt(3)) {
                case 0 -> ids.set(at, id);
                case 1 -> ids.add(at, id);
                default -> ids.remove(at);
            }
        }
        int[] damaged = ids.stream().mapToInt(Integer::intValue).toArray();

        DecodedScore decoded = TOKENIZER.decode(damaged);

        assertThat(decoded.skippedTokens()).isBetween(0, damaged.length);
    }

    @Property(tries = 500, edgeCases = EdgeCasesMode.MIXIN)
    void randomScoresRoundTripInBothForms(@ForAll("scores") Score score, @ForAll @IntRange(max = 1000) int pick) {
        Score expected = QUANTIZER.quantize(score);

        DecodedScore plain = TOKENIZER.decode(TOKENIZER.encode(score));
        assertThat(MmmTestSupport.firstDifference(expected, plain.score())).isEmpty();
        assertThat(plain.skippedTokens()).isZero();

        int tracks = expected.tracks().size();
        int bars = TOKENIZER.barCount(score);
        Statistics.label("has notes").collect(tracks > 0);
        Statistics.label("several bars").collect(bars > 1);
        Statistics.label("has notes").coverage(coverage -> coverage.check(true).percentage(p -> p > 80));
        Statistics.label("several bars").coverage(coverage -> coverage.check(true).percentage(p -> p > 50));
        if (tracks > 0) {
            int first = pick % bars;
            int last = first + pick / 7 % (bars - first);
            Set<Integer> chosen = pick % 3 == 0 ? Set.of(pick % tracks) : allTracks(tracks);
            DecodedScore infill = TOKENIZER.decode(TOKENIZER.encodeInfill(score, chosen, first, last));
            assertThat(MmmTestSupport.firstDifference(expected, infill.score())).isEmpty();
            assertThat(infill.skippedTokens()).isZero();
        }
    }

    @Provide
    Arbitrary<Score> scores() {
        Arbitrary<Integer> resolution = Arbitraries.of(96, 120, 220, 384, 480, 960);
        return resolution.flatMap(tpq -> {
            Arbitrary<Note> note = Combinators.combine(
                    Arbitraries.integers().between(0, tpq * 24),
                    Arbitraries.integers().between(0, tpq * 7),
                    Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.integers().between(21, 108)),
                            Tuple.of(1, Arbitraries.integers().between(0, 127))),
                    Arbitraries.integers().between(1, 127)).as(Note::new);
            Arbitrary<Track> track = Combinators.combine(
                    Arbitraries.integers().between(0, 127),
                    Arbitraries.of(true, false, false, false),
                    note.list().ofMinSize(1).ofMaxSize(40)).as((program, drum, notes) ->
                    new Track("", program, drum, notes.stream().sorted().toList()));
            Arbitrary<TimeSignature> meter = Combinators.combine(
                    Arbitraries.integers().between(0, tpq * 24),
                    Arbitraries.integers().between(0, METERS.length - 1)).as((tick, m) ->
                    new TimeSignature(tick, METERS[m][0], METERS[m][1]));
            Arbitrary<TempoChange> tempo = Combinators.combine(
                    Arbitraries.integers().between(0, tpq * 24),
                    Arbitraries.doubles().between(20, 300)).as(TempoChange::ofBpm);
            return Combinators.combine(
                    track.list().ofMinSize(1).ofMaxSize(4),
                    tempo.list().ofMaxSize(3),
                    meter.list().ofMaxSize(4)).as((tracks, tempos, meters) -> new Score(tpq, tracks,
                    tempos.stream().sorted(Comparator.comparingInt(TempoChange::tick)).toList(),
                    meters.stream().sorted(Comparator.comparingInt(TimeSignature::tick)).toList()));
        });
    }

    private static int[] infillOfAll(Score score) {
        int tracks = QUANTIZER.quantize(score).tracks().size();
        return tracks == 0 ? TOKENIZER.encode(score)
                : TOKENIZER.encodeInfill(score, allTracks(tracks), 0, TOKENIZER.barCount(score) - 1);
    }

    private static Set<Integer> allTracks(int count) {
        Set<Integer> all = new HashSet<>();
        for (int t = 0; t < count; t++) {
            all.add(t);
        }
        return all;
    }
}
