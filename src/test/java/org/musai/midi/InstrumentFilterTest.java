package org.musai.midi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The seed's -c, -r and -l rules and class numbering. */
class InstrumentFilterTest {

    private static final Track PIANO = new Track("", 1, false, List.of(new Note(0, 480 * 40, 60, 90)));
    private static final Track EFFECTS = new Track("", 122, false, List.of(new Note(0, 480, 60, 90)));
    /** Program 33 would be a bass, but the drum channel decides. */
    private static final Track DRUMS = new Track("", 33, true, List.of(new Note(0, 480, 36, 90)));
    private static final Score SONG = new Score(480, List.of(PIANO, EFFECTS, DRUMS), List.of(), List.of());

    @Test
    void classesAreProgramOverEightAndDrumsByFlag() {
        assertThat(InstrumentClass.of(0, false)).isEqualTo(InstrumentClass.PIANO);
        assertThat(InstrumentClass.of(33, false)).isEqualTo(InstrumentClass.BASS);
        assertThat(InstrumentClass.of(127, false)).isEqualTo(InstrumentClass.SOUND_EFFECTS);
        assertThat(InstrumentClass.of(33, true)).isEqualTo(InstrumentClass.DRUMS);
        assertThat(InstrumentClass.parse("16")).isEqualTo(InstrumentClass.DRUMS);
        assertThat(InstrumentClass.parse("synth lead")).isEqualTo(InstrumentClass.SYNTH_LEAD);
        assertThat(InstrumentClass.values()).hasSize(17);
    }

    @Test
    void soundEffectsAreRemovedByDefault() {
        Score kept = InstrumentFilter.defaults().apply(SONG).score();
        assertThat(kept.tracks()).containsExactly(PIANO, DRUMS);
    }

    @Test
    void keepsOnlyTheListedClasses() {
        InstrumentFilter drumsOnly = new InstrumentFilter(EnumSet.of(InstrumentClass.DRUMS), Set.of(), 0, false);
        assertThat(drumsOnly.apply(SONG).score().tracks()).containsExactly(DRUMS);
    }

    @Test
    void requiredClassesCountDrumsAndNameWhatIsMissing() {
        InstrumentFilter needDrums = new InstrumentFilter(InstrumentFilter.defaultClasses(),
                EnumSet.of(InstrumentClass.DRUMS), 0, false);
        assertThat(needDrums.apply(SONG).skipped()).isFalse();
        InstrumentFilter needBass = new InstrumentFilter(InstrumentFilter.defaultClasses(),
                EnumSet.of(InstrumentClass.BASS, InstrumentClass.DRUMS), 0, false);
        assertThat(needBass.apply(SONG).skipReason()).isEqualTo("missing required classes: Bass");
    }

    @Test
    void skipsFilesShorterThanTheMinimumOfBeats() {
        InstrumentFilter atLeast64 = new InstrumentFilter(InstrumentFilter.defaultClasses(), Set.of(), 64, false);
        assertThat(atLeast64.apply(SONG).skipReason()).startsWith("too short: 40.0 beats");
        InstrumentFilter atLeast40 = new InstrumentFilter(InstrumentFilter.defaultClasses(), Set.of(), 40, false);
        assertThat(atLeast40.apply(SONG).skipped()).isFalse();
    }

    @Test
    void mergesTracksOfOneClassIntoOne() {
        Track piano2 = new Track("", 4, false, List.of(new Note(240, 480, 64, 80)));
        Score two = new Score(480, List.of(PIANO, piano2), List.of(), List.of());
        InstrumentFilter merging = new InstrumentFilter(InstrumentFilter.defaultClasses(), Set.of(), 0, true);
        List<Track> tracks = merging.apply(two).score().tracks();
        assertThat(tracks).hasSize(1);
        assertThat(tracks.get(0).program()).isEqualTo(1);
        assertThat(tracks.get(0).notes()).hasSize(2);
    }

    @Test
    void aFileWithNothingLeftIsSkipped() {
        InstrumentFilter brassOnly = new InstrumentFilter(EnumSet.of(InstrumentClass.BRASS), Set.of(), 0, false);
        assertThat(brassOnly.apply(SONG).skipReason()).isEqualTo("no notes in the kept classes");
    }
}
