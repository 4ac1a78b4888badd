package org.musai.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.musai.midi.InstrumentClass;
import org.musai.midi.MusicMetrics;
import org.musai.midi.Score;
import org.musai.midi.TimeSignature;
import org.musai.midi.Track;
import org.musai.progress.CancellationToken;
import org.musai.progress.ProgressListener;

/** The model that ships in assets/ loads and writes music out of the box. */
class DefaultModelTest {

    @Test
    void theShippedModelWritesCompletePiecesWithTheChosenInstruments() throws Exception {
        ModelBundle model = ModelBundle.loadDefault();
        Generator generator = new Generator(model);
        for (long seed = 0; seed < 3; seed++) {
            GenerationRequest request = new GenerationRequest(new GenerationControls(
                    EnumSet.of(InstrumentClass.PIANO, InstrumentClass.STRINGS), 8, TimeSignature.COMMON_TIME, 96),
                    SamplingSettings.defaults(seed), 1, null, 0, GenerationRequest.DEFAULT_MAX_TOKENS);
            Generation piece = generator.generate(request, ProgressListener.NONE, new CancellationToken()).get(0);
            Score score = piece.score();
            assertThat(piece.skippedTokens()).isZero();
            assertThat(score.noteCount()).isGreaterThan(8);
            for (Track track : score.tracks()) {
                assertThat(track.instrumentClass()).isIn(InstrumentClass.PIANO, InstrumentClass.STRINGS);
            }
            // a trained model writes in key more often than not
            assertThat(MusicMetrics.of(score).scaleConsistency()).isGreaterThan(0.6);
        }
    }
}
