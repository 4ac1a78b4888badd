package org.musai.token.remi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.musai.midi.Note;
import org.musai.midi.Score;
import org.musai.midi.TempoChange;
import org.musai.midi.TimeSignature;
import org.musai.midi.Track;
import org.musai.token.DecodedScore;
import org.musai.token.Quantization;
import org.musai.token.Quantizer;
import org.musai.token.TokenizerConfig;

/** Round trips on generated scores, and a decoder that never throws. */
class RemiPropertiesTest {

    private static final TokenizerConfig CONFIG = TokenizerConfig.defaults(TokenizerConfig.Algorithm.REMI);
    private final RemiTokenizer remi = new RemiTokenizer(CONFIG);
    private final Quantizer quantizer = new Quantizer(new Quantization(CONFIG));

    @Property(tries = 300)
    void generatedScoresRoundTripExactly(@ForAll("scores") Score score) {
        Score expected = quantizer.quantize(score);
        DecodedScore decoded = remi.decode(remi.encode(score));
        assertThat(decoded.skippedTokens()).isZero();
        assertThat(decoded.score().tracks()).isEqualTo(expected.tracks());
        assertThat(decoded.score().tempos()).isEqualTo(expected.tempos());
    }

    @Property(tries = 500)
    void decodingAnySequenceNeverThrows(@ForAll @Size(max = 400) List<@IntRange(min = -3, max = 700) Integer> ids) {
        DecodedScore decoded = remi.decode(ids.stream().mapToInt(Integer::intValue).toArray());
        assertThat(decoded.skippedTokens()).isBetween(0, ids.size());
        assertThat(decoded.score().noteCount()).isLessThanOrEqualTo(ids.size() / 4);
    }

    @Provide
    Arbitrary<Score> scores() {
        Arbitrary<Integer> tpq = Arbitraries.of(96, 120, 220, 384, 480, 960);
        Arbitrary<List<TimeSignature>> meters = Combinators.combine(
                Arbitraries.integers().between(0, 20000), Arbitraries.of(2, 3, 4, 5, 6, 7, 9, 12),
                Arbitraries.of(2, 4, 8, 16)).as(TimeSignature::new).list().ofMaxSize(4)
                .map(list -> list.stream().sorted((a, b) -> Integer.compare(a.tick(), b.tick())).toList());
        Arbitrary<List<TempoChange>> tempos = Combinators.combine(Arbitraries.integers().between(0, 20000),
                Arbitraries.integers().between(200_000, 1_500_000)).as(TempoChange::new).list().ofMaxSize(4)
                .map(list -> list.stream().sorted((a, b) -> Integer.compare(a.tick(), b.tick())).toList());
        Arbitrary<Note> notes = Combinators.combine(Arbitraries.integers().between(0, 20000),
                Arbitraries.integers().between(0, 8000), Arbitraries.integers().between(15, 115),
                Arbitraries.integers().between(1, 127)).as(Note::new);
        Arbitrary<Track> tracks = Combinators.combine(Arbitraries.integers().between(0, 127), Arbitraries.of(false, true),
                notes.list().ofMaxSize(40)).as((program, drum, list) -> new Track("", program, drum,
                list.stream().sorted().toList()));
        return Combinators.combine(tpq, tracks.list().ofMaxSize(4), tempos, meters)
                .as((resolution, trackList, tempoList, meterList) -> new Score(resolution, new ArrayList<>(trackList),
                        tempoList, meterList));
    }
}
