package org.musai.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
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

    /**
     * Variations written together (the model reads all their tokens in one pass) are the pieces each seed writes
     * alone, token for token: from scratch with a band, and from one primer (read once, then branched).
     */
    @Test
    void variationsWrittenTogetherAreThePiecesEachSeedWritesAlone() throws Exception {
        Generator generator = new Generator(ModelBundle.loadDefault());
        org.musai.midi.Score primer = new org.musai.midi.SmfReader().read(
                org.musai.TestCorpus.bundled().resolve("midly/Clementi.mid"));
        for (org.musai.midi.Score start : java.util.Arrays.asList(null, primer)) {
            GenerationControls controls = new GenerationControls(EnumSet.of(InstrumentClass.PIANO,
                    InstrumentClass.BASS, InstrumentClass.DRUMS), 4, TimeSignature.COMMON_TIME, 110)
                    .withBandMustPlay(start == null);
            List<Generation> together = generator.generate(new GenerationRequest(controls,
                    SamplingSettings.defaults(20), 3, start, 2, GenerationRequest.DEFAULT_MAX_TOKENS),
                    ProgressListener.NONE, new CancellationToken());
            for (int i = 0; i < 3; i++) {
                Generation alone = generator.generate(new GenerationRequest(controls, SamplingSettings.defaults(20 + i),
                        1, start, 2, GenerationRequest.DEFAULT_MAX_TOKENS), ProgressListener.NONE,
                        new CancellationToken()).get(0);
                assertThat(together.get(i).seed()).isEqualTo(20 + i);
                assertThat(together.get(i).ids()).as("variation %d, primer %s", i, start != null)
                        .containsExactly(alone.ids());
            }
            assertThat(together.get(0).ids()).isNotEqualTo(together.get(1).ids());
        }
    }
}
