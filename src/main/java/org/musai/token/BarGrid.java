package org.musai.token;

import java.util.ArrayList;
import java.util.List;
import org.musai.midi.TimeSignature;

/**
 * Where the bars of a quantized score start, in grid positions, given its time signatures. A meter change takes
 * effect at the first bar line at or after it, which {@link Quantizer} has already ensured. Immutable.
 */
public final class BarGrid {

    private final int[] segmentStart;
    private final int[] segmentBarLength;
    private final int[] segmentFirstBar;
    private final List<TimeSignature> segmentMeter;

    private BarGrid(List<int[]> segments, List<TimeSignature> meters) {
        int n = segments.size();
        segmentStart = new int[n];
        segmentBarLength = new int[n];
        segmentFirstBar = new int[n];
        for (int i = 0; i < n; i++) {
            segmentStart[i] = segments.get(i)[0];
            segmentBarLength[i] = segments.get(i)[1];
            segmentFirstBar[i] = segments.get(i)[2];
        }
        segmentMeter = List.copyOf(meters);
    }

    /** The grid of a quantized score, whose time signatures lie on bar lines at {@link Quantization#TICKS_PER_QUARTER}. */
    public static BarGrid of(List<TimeSignature> timeSignatures, Quantization quantization) {
        List<int[]> segments = new ArrayList<>();
        List<TimeSignature> meters = new ArrayList<>();
        List<TimeSignature> all = timeSignatures.isEmpty() || timeSignatures.get(0).tick() != 0
                ? prependCommonTime(timeSignatures) : timeSignatures;
        for (TimeSignature ts : all) {
            int start = ts.tick() / quantization.ticksPerPosition();
            int firstBar = 0;
            if (!segments.isEmpty()) {
                int[] last = segments.get(segments.size() - 1);
                firstBar = last[2] + (start - last[0]) / last[1];
            }
            segments.add(new int[]{start, quantization.barPositions(ts), firstBar});
            meters.add(ts);
        }
        return new BarGrid(segments, meters);
    }

    private static List<TimeSignature> prependCommonTime(List<TimeSignature> timeSignatures) {
        List<TimeSignature> result = new ArrayList<>();
        result.add(TimeSignature.COMMON_TIME);
        result.addAll(timeSignatures);
        return result;
    }

    /** The bar that holds a position. */
    public int barAt(int position) {
        int s = segmentOfPosition(position);
        return segmentFirstBar[s] + (position - segmentStart[s]) / segmentBarLength[s];
    }

    /** Where a bar starts. */
    public int barStart(int bar) {
        int s = segmentOfBar(bar);
        return segmentStart[s] + (bar - segmentFirstBar[s]) * segmentBarLength[s];
    }

    /** Length of a bar in positions. */
    public int barLength(int bar) {
        return segmentBarLength[segmentOfBar(bar)];
    }

    /** The time signature a bar is in. */
    public TimeSignature meterOfBar(int bar) {
        return segmentMeter.get(segmentOfBar(bar));
    }

    /** Whether the meter changes at this bar (bar 0 always counts as a change). */
    public boolean meterStartsAt(int bar) {
        return bar == 0 || segmentFirstBar[segmentOfBar(bar)] == bar;
    }

    /** Where the first meter change after a bar starts, or {@link Integer#MAX_VALUE} when none follows. */
    public int meterChangeAfter(int bar) {
        int next = segmentOfBar(bar) + 1;
        return next < segmentStart.length ? segmentStart[next] : Integer.MAX_VALUE;
    }

    // Binary searches: a file may change meter at every bar, and encoders ask for every note.

    private int segmentOfPosition(int position) {
        return lastAtOrBefore(segmentStart, position);
    }

    private int segmentOfBar(int bar) {
        return lastAtOrBefore(segmentFirstBar, bar);
    }

    /** The last index whose value is at most the key, or 0 when none is; the values ascend. */
    private static int lastAtOrBefore(int[] ascending, int key) {
        int low = 1;
        int high = ascending.length - 1;
        int found = 0;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (ascending[middle] <= key) {
                found = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return found;
    }
}
