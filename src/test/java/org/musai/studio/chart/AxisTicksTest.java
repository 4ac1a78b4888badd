package org.musai.studio.chart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AxisTicksTest {

    @Test
    void linearTicksUseOneTwoFiveSteps() {
        assertThat(AxisTicks.linear(0, 10, 5).labels()).containsExactly("0", "2", "4", "6", "8", "10");
        assertThat(AxisTicks.linear(0.13, 0.61, 5).labels()).containsExactly("0.2", "0.3", "0.4", "0.5", "0.6");
        assertThat(AxisTicks.linear(0, 100_000, 5).labels()).containsExactly("0", "20k", "40k", "60k", "80k", "100k");
    }

    @Test
    void niceStepRoundsUpToOneTwoOrFive() {
        assertThat(AxisTicks.niceStep(0.13)).isEqualTo(0.2);
        assertThat(AxisTicks.niceStep(3)).isEqualTo(5);
        assertThat(AxisTicks.niceStep(7)).isEqualTo(10);
    }

    @Test
    void logTicksAreDecades() {
        assertThat(AxisTicks.log(0.08, 12, 8).labels()).containsExactly("0.1", "1", "10");
        assertThat(AxisTicks.log(1e-5, 2e-3, 8).labels()).containsExactly("0.00001", "0.0001", "0.001");
    }

    @Test
    void narrowLogRangeFallsBackToMantissasOrLinear() {
        assertThat(AxisTicks.log(1.5, 6, 8).labels()).containsExactly("2", "5");
        assertThat(AxisTicks.log(0.55, 11, 8).labels()).containsExactly("1", "2", "5", "10");
        assertThat(AxisTicks.log(0.55, 11, 3).labels()).containsExactly("1", "10");
        assertThat(AxisTicks.log(2.1, 4.4, 5).labels()).containsExactly("2.5", "3.0", "3.5", "4.0");
    }

    @Test
    void tinyStepsUseScientificNotation() {
        assertThat(AxisTicks.format(1.5e-8, 5e-9)).isEqualTo("1.5e-8");
    }
}
