package org.musai.midi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The General MIDI names, checked at the boundaries of its families of eight against the published list. */
class GeneralMidiTest {

    @Test
    void namesFollowTheGeneralMidiList() {
        assertThat(GeneralMidi.name(0, false)).isEqualTo("Acoustic Grand Piano");
        assertThat(GeneralMidi.name(24, false)).isEqualTo("Nylon Guitar");
        assertThat(GeneralMidi.name(33, false)).isEqualTo("Fingered Bass");
        assertThat(GeneralMidi.name(40, false)).isEqualTo("Violin");
        assertThat(GeneralMidi.name(41, false)).isEqualTo("Viola");
        assertThat(GeneralMidi.name(42, false)).isEqualTo("Cello");
        assertThat(GeneralMidi.name(52, false)).isEqualTo("Choir Aahs");
        assertThat(GeneralMidi.name(68, false)).isEqualTo("Oboe");
        assertThat(GeneralMidi.name(80, false)).isEqualTo("Square Lead");
        assertThat(GeneralMidi.name(104, false)).isEqualTo("Sitar");
        assertThat(GeneralMidi.name(127, false)).isEqualTo("Gunshot");
        assertThat(GeneralMidi.name(5, true)).isEqualTo("Standard Kit");
        assertThatThrownBy(() -> GeneralMidi.name(128, false)).isInstanceOf(IllegalArgumentException.class);
        for (int program = 0; program < 128; program++) {
            assertThat(GeneralMidi.name(program, false)).isNotBlank();
        }
    }

    @Test
    void oneNoteIsOneNote() {
        assertThat(GeneralMidi.notes(1)).isEqualTo("1 note");
        assertThat(GeneralMidi.notes(0)).isEqualTo("0 notes");
        assertThat(GeneralMidi.notes(214)).isEqualTo("214 notes");
    }
}
