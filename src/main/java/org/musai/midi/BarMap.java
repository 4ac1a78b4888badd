package org.musai.midi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where the first bars of a score lie, counted from its time-signature map: from each time signature on, bars of its
 * length follow one another until the next one. A bar that a change cuts short is still a bar, and so is a pickup (a
 * 1/4 bar before the 4/4 ones). Without a time signature at tick 0 the piece starts in 4/4; of several at one tick
 * the last holds. Immutable.
 */
public final class BarMap {

    private final int[] starts;
    private final TimeSignature[] meters;
    private final int ticksPerQuarter;

    private BarMap(int[] starts, TimeSignature[] meters, int ticksPerQuarter) {
        this.starts = starts;
        this.meters = meters;
        this.ticksPerQuarter = ticksPerQuarter;
    }

    /** The first {@code bars} bars of a score, whatever its notes. */
    public static BarMap of(Score score, int bars) {
        List<TimeSignature> map = meterMap(score);
        int tpq = score.ticksPerQuarter();
        int[] starts = new int[bars + 1];
        TimeSignature[] meters = new TimeSignature[bars];
        int segment = 0;
        long tick = 0;
        for (int bar = 0; bar < bars; bar++) {
            while (segment + 1 < map.size() && map.get(segment + 1).tick() <= tick) {
                segment++;
            }
            starts[bar] = (int) Math.min(Integer.MAX_VALUE, tick);
            meters[bar] = map.get(segment);
            long next = tick + barTicks(map.get(segment), tpq);
            if (segment + 1 < map.size()) {
                next = Math.min(next, map.get(segment + 1).tick());
            }
            tick = next;
        }
        starts[bars] = (int) Math.min(Integer.MAX_VALUE, tick);
        return new BarMap(starts, meters, tpq);
    }

    /** How many bars a score spans: the bars up to the end of its last note (0 without notes). */
    public static int barsOf(Score score) {
        int end = score.endTick();
        if (end == 0) {
            return 0;
        }
        List<TimeSignature> map = meterMap(score);
        int tpq = score.ticksPerQuarter();
        int bars = 0;
        int segment = 0;
        long tick = 0;
        while (tick < end) {
            while (segment + 1 < map.size() && map.get(segment + 1).tick() <= tick) {
                segment++;
            }
            long next = tick + barTicks(map.get(segment), tpq);
            if (segment + 1 < map.size()) {
                next = Math.min(next, map.get(segment + 1).tick());
            }
            tick = next;
            bars++;
        }
        return bars;
    }

    /** The time signatures sorted by tick, one per tick (the last given), with 4/4 at 0 when none is there. */
    private static List<TimeSignature> meterMap(Score score) {
        List<TimeSignature> sorted = new ArrayList<>(score.timeSignaturesOrDefault());
        sorted.sort((a, b) -> Integer.compare(a.tick(), b.tick())); // stable: the later of one tick stays later
        List<TimeSignature> map = new ArrayList<>();
        for (TimeSignature ts : sorted) {
            if (!map.isEmpty() && map.get(map.size() - 1).tick() == ts.tick()) {
                map.set(map.size() - 1, ts);
            } else {
                map.add(ts);
            }
        }
        return map;
    }

    /** A bar's length; at least a tick, so that a meter too short for the resolution cannot stall the count. */
    private static long barTicks(TimeSignature meter, int tpq) {
        return Math.max(1, meter.barTicks(tpq));
    }

    /** Number of bars. */
    public int bars() {
        return meters.length;
    }

    /** Where a bar starts. */
    public int start(int bar) {
        return starts[bar];
    }

    /** Where a bar ends (where the next one starts). */
    public int end(int bar) {
        return starts[bar + 1];
    }

    /** Where the last bar ends. */
    public int end() {
        return starts[meters.length];
    }

    /** The time signature a bar is in. */
    public TimeSignature meter(int bar) {
        return meters[bar];
    }

    /** Whether a bar has the full length of its meter (a pickup or a bar cut short by a change has not). */
    public boolean isFull(int bar) {
        return end(bar) - start(bar) == meters[bar].barTicks(ticksPerQuarter);
    }

    /** The bar that holds a tick before {@link #end()}. */
    public int barAt(int tick) {
        int found = Arrays.binarySearch(starts, 0, meters.length, tick); // bars are never empty: starts ascend
        return found >= 0 ? found : -found - 2;
    }
}
