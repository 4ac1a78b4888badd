package org.musai.token.mmm;

import java.util.Arrays;
import java.util.List;
import org.musai.midi.TimeSignature;
import org.musai.token.BarGrid;
import org.musai.token.Quantization;

/**
 * The bars of a quantized score's MMM document: as many as reach the end of its last note, each with its start in
 * grid positions and its meter. Bar starts add up bar lengths, as the decoder does, so both agree on every bar.
 */
final class BarLayout {

    private final int[] starts;
    private final int[] meterIndices;

    private BarLayout(int[] starts, int[] meterIndices) {
        this.starts = starts;
        this.meterIndices = meterIndices;
    }

    /**
     * The layout of a score that {@code Quantizer} made.
     *
     * @param timeSignatures the quantized score's time signatures, on bar lines
     * @param end            where its last note ends, in positions
     */
    static BarLayout of(List<TimeSignature> timeSignatures, long end, Quantization quantization) {
        BarGrid grid = BarGrid.of(timeSignatures, quantization);
        int commonTime = quantization.meterIndex(TimeSignature.COMMON_TIME);
        int[] starts = new int[16];
        int[] meters = new int[16];
        int bars = 0;
        long start = 0;
        while (start < end) {
            if (bars + 1 == starts.length) {
                starts = Arrays.copyOf(starts, starts.length * 2);
                meters = Arrays.copyOf(meters, meters.length * 2);
            }
            TimeSignature meter = grid.meterOfBar(bars);
            int index = quantization.meterIndex(meter);
            meters[bars] = index >= 0 ? index : commonTime;
            starts[bars] = (int) start;
            start += quantization.barPositions(quantization.meters().get(meters[bars]));
            bars++;
        }
        starts[bars] = (int) start;
        return new BarLayout(Arrays.copyOf(starts, bars + 1), Arrays.copyOf(meters, bars));
    }

    /** Number of bars. */
    int count() {
        return meterIndices.length;
    }

    /** Where a bar starts, in positions; {@code start(count())} is where the last bar ends. */
    int start(int bar) {
        return starts[bar];
    }

    /** The meter of a bar, as an index into {@code Quantization.meters()}. */
    int meterIndex(int bar) {
        return meterIndices[bar];
    }

    /** Whether a bar writes its TIME_SIG: the first bar, and every bar whose meter differs from the one before. */
    boolean writesMeter(int bar) {
        return bar == 0 || meterIndices[bar] != meterIndices[bar - 1];
    }
}
