package org.musai.generate;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** A bar rewritten after a loop lock is drawn more loosely each time, within the settings' bounds. */
class SamplingSettingsTest {

    @Test
    void eachRewriteLoosensTemperatureAndTopP() {
        SamplingSettings base = SamplingSettings.defaults(3);
        SamplingSettings first = base.loosened(1);
        assertThat(first.temperature()).isCloseTo(1.25, Offset.offset(1e-12));
        assertThat(first.topP()).isCloseTo(0.85 + 0.15 / 4, Offset.offset(1e-12));
        SamplingSettings fourth = base.loosened(4);
        assertThat(fourth.temperature()).isCloseTo(2.0, Offset.offset(1e-12));
        assertThat(fourth.topP()).isEqualTo(1.0);
        assertThat(base.loosened(100).temperature()).isEqualTo(10);
        assertThat(fourth.seed()).isEqualTo(3);
        assertThat(fourth.repetitionPenalty()).isEqualTo(base.repetitionPenalty());
    }
}
