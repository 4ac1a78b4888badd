package org.musai.generate;

import java.util.Arrays;
import org.musai.token.SpecialTokens;
import org.musai.token.mmm.MmmTokenIds;
import org.musai.token.mmm.MmmTokenKind;

/**
 * MMM's grammar for the fills of a bar-infill sequence: inside a fill, time moves forward within the slot's bar,
 * a velocity comes before the first note (and never straight after another: a model that repeats one would fill a
 * bar with velocities up to the token limit), a note ends only after it starts and only if it is sounding, and every
 * note started in the fill ends before FILL_END; then the next fill, or the end after the last. Each fill keeps to
 * the register and chord size of its track's instrument class ({@link ClassLimits}), as fresh REMI pieces do.
 * Whatever the prompt holds before the first FILL_START is not its business.
 */
final class MmmFillGrammar implements Grammar {

    private final MmmTokenIds ids;
    private final int[] barLengths;
    private final ClassLimits.Limit[] limits;
    private int slot = -1;
    private int startedNow;
    private boolean inFill;
    private int time;
    private boolean velocitySeen;
    /** The last token was a velocity: the encoder writes one only right before a note, never two in a row. */
    private boolean afterVelocity;
    private final int[] onset = new int[128];
    private int openNotes;
    private boolean closing;
    private boolean ended;

    /**
     * @param barLengths the length in grid positions of each slot's bar, in the order of the placeholders
     * @param limits     the limits of each slot's instrument class, in the same order
     */
    MmmFillGrammar(MmmTokenIds ids, int[] barLengths, ClassLimits.Limit[] limits) {
        if (limits.length != barLengths.length) {
            throw new IllegalArgumentException("one limit per slot: " + limits.length + " for " + barLengths.length);
        }
        this.ids = ids;
        this.barLengths = barLengths.clone();
        this.limits = limits.clone();
        Arrays.fill(onset, -1);
    }

    private MmmFillGrammar(MmmFillGrammar o) {
        this(o.ids, o.barLengths, o.limits);
        slot = o.slot;
        startedNow = o.startedNow;
        inFill = o.inFill;
        time = o.time;
        velocitySeen = o.velocitySeen;
        afterVelocity = o.afterVelocity;
        System.arraycopy(o.onset, 0, onset, 0, onset.length);
        openNotes = o.openNotes;
        closing = o.closing;
        ended = o.ended;
    }

    @Override
    public void close() {
        closing = true;
    }

    @Override
    public Grammar copy() {
        return new MmmFillGrammar(this);
    }

    @Override
    public boolean finished() {
        return ended;
    }

    @Override
    public boolean allows(int id) {
        if (ended) {
            return false;
        }
        MmmTokenKind kind = ids.kindOf(id);
        int value = ids.valueOf(id);
        if (!inFill) {
            boolean more = slot + 1 < barLengths.length && !closing;
            return more ? id == ids.fillStart() : id == SpecialTokens.EOS;
        }
        int length = barLengths[slot];
        return switch (kind) {
            case NOTE_OFF -> onset[value] >= 0 && time > onset[value];
            case TIME_DELTA -> time + value <= length && (!closing || openNotes > 0);
            case FILL_END -> openNotes == 0;
            case VELOCITY -> !closing && time < length && !afterVelocity;
            case NOTE_ON -> !closing && velocitySeen && time < length && onset[value] < 0
                    && limits[slot].allows(value) && startedNow < limits[slot].atOnce();
            default -> false;
        };
    }

    @Override
    public void accept(int id) {
        if (id == SpecialTokens.EOS) {
            ended = true;
            return;
        }
        if (id == ids.fillStart()) {
            slot++;
            inFill = true;
            time = 0;
            startedNow = 0;
            velocitySeen = false;
            Arrays.fill(onset, -1);
            openNotes = 0;
            return;
        }
        if (!inFill) {
            return;
        }
        int value = ids.valueOf(id);
        afterVelocity = ids.kindOf(id) == MmmTokenKind.VELOCITY;
        switch (ids.kindOf(id)) {
            case FILL_END -> inFill = false;
            case TIME_DELTA -> {
                time += value;
                startedNow = 0;
            }
            case VELOCITY -> velocitySeen = true;
            case NOTE_ON -> {
                onset[value] = time;
                openNotes++;
                startedNow++;
            }
            case NOTE_OFF -> {
                if (onset[value] >= 0) {
                    onset[value] = -1;
                    openNotes--;
                }
            }
            default -> {
                // nothing else belongs inside a fill
            }
        }
    }
}
