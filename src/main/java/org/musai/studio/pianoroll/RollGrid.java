package org.musai.studio.pianoroll;

import java.util.List;
import org.musai.midi.Score;
import org.musai.midi.TimeSignature;

/**
 * Where bars and beats fall in a score, following its time signatures: a change of meter starts a new bar at its
 * tick, and a bar cut short by a change mid-bar still counts as one bar. Bars are numbered from 1. Immutable.
 */
final class RollGrid {

    /** A beat of the given denominator lasts this many quarters times four over the denominator. */
    private static final int QUARTERS_PER_WHOLE = 4;

    private final int ticksPerQuarter;
    private final int[] segmentTick;
    private final int[] segmentFirstBar;
    private final int[] segmentBarTicks;
    private final int[] segmentBeatTicks;
    private final TimeSignature[] segmentSignature;

    /**
     * A grid for a resolution and a list of time signatures.
     *
     * @param ticksPerQuarter the score's resolution
     * @param signatures      time signatures sorted by tick, the first at tick 0
     */
    RollGrid(int ticksPerQuarter, List<TimeSignature> signatures) {
        if (signatures.isEmpty() || signatures.get(0).tick() != 0) {
            throw new IllegalArgumentException("the first time signature must start at tick 0");
        }
        this.ticksPerQuarter = ticksPerQuarter;
        int n = signatures.size();
        segmentTick = new int[n];
        segmentFirstBar = new int[n];
        segmentBarTicks = new int[n];
        segmentBeatTicks = new int[n];
        segmentSignature = signatures.toArray(TimeSignature[]::new);
        int bar = 1;
        for (int i = 0; i < n; i++) {
            TimeSignature signature = signatures.get(i);
            segmentTick[i] = signature.tick();
            segmentFirstBar[i] = bar;
            segmentBarTicks[i] = Math.max(1, signature.barTicks(ticksPerQuarter));
            segmentBeatTicks[i] = Math.max(1, ticksPerQuarter * QUARTERS_PER_WHOLE / signature.denominator());
            if (i + 1 < n) {
                int length = signatures.get(i + 1).tick() - signature.tick();
                bar += (length + segmentBarTicks[i] - 1) / segmentBarTicks[i];
            }
        }
    }

    /** The grid of a score's meter (4/4 where the score gives none). */
    static RollGrid of(Score score) {
        return new RollGrid(score.ticksPerQuarter(), score.timeSignaturesOrDefault());
    }

    /** The score's resolution. */
    int ticksPerQuarter() {
        return ticksPerQuarter;
    }

    /** The tick at which a bar starts. */
    int barStartTick(int bar) {
        if (bar < 1) {
            throw new IllegalArgumentException("bars are numbered from 1, not " + bar);
        }
        int s = segmentOfBar(bar);
        long tick = segmentTick[s] + (long) (bar - segmentFirstBar[s]) * segmentBarTicks[s];
        return (int) Math.min(Integer.MAX_VALUE, tick);
    }

    /** The bar that holds a tick; ticks before 0 belong to bar 1. */
    int barAt(long tick) {
        if (tick <= 0) {
            return 1;
        }
        int s = segmentOfTick(tick);
        return segmentFirstBar[s] + (int) ((tick - segmentTick[s]) / segmentBarTicks[s]);
    }

    /** The length of one beat in the bar, in ticks. */
    int beatTicks(int bar) {
        return segmentBeatTicks[segmentOfBar(bar)];
    }

    /** The time signature that holds in a bar. */
    TimeSignature signatureOf(int bar) {
        return segmentSignature[segmentOfBar(bar)];
    }

    private int segmentOfBar(int bar) {
        int lo = 0;
        int hi = segmentFirstBar.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (segmentFirstBar[mid] <= bar) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    private int segmentOfTick(long tick) {
        int lo = 0;
        int hi = segmentTick.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (segmentTick[mid] <= tick) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
