package org.musai.token.mmm;

import org.musai.token.IntList;
import org.musai.token.SpecialTokens;

/**
 * The plain MMM document of one score, with where each bar's events lie in it, so that the bar-infill form can be
 * cut out of it without encoding again, and stretches of bars or an empty new track made of it.
 */
final class MmmDocument {

    /** BOS PIECE_START TEMPO. */
    private static final int PIECE_HEADER = 3;
    /** TRACK_START INST DENSITY. */
    private static final int TRACK_HEADER = 3;

    private final int[] tokens;
    private final int trackCount;
    private final int barCount;
    /** For track t and bar b, at t * barCount + b: the first index of the bar's events, and one past the last. */
    private final int[] eventsFrom;
    private final int[] eventsTo;

    MmmDocument(int[] tokens, int trackCount, int barCount, int[] eventsFrom, int[] eventsTo) {
        this.tokens = tokens;
        this.trackCount = trackCount;
        this.barCount = barCount;
        this.eventsFrom = eventsFrom;
        this.eventsTo = eventsTo;
    }

    /**
     * The document of a plain form as {@link MmmEncoder} writes it, or null when the tokens are laid out otherwise
     * (another form, a damaged file): BOS PIECE_START TEMPO, then tracks of TRACK_START INST DENSITY, bars of
     * BAR_START [TIME_SIG] events BAR_END, TRACK_END, each track with the same number of bars; then EOS.
     */
    static MmmDocument parse(int[] tokens, MmmTokenIds ids) {
        if (tokens.length < PIECE_HEADER + 1 || tokens[0] != SpecialTokens.BOS
                || ids.kindOf(tokens[1]) != MmmTokenKind.PIECE_START || ids.kindOf(tokens[2]) != MmmTokenKind.TEMPO
                || tokens[tokens.length - 1] != SpecialTokens.EOS) {
            return null;
        }
        IntList from = new IntList(256);
        IntList to = new IntList(256);
        int tracks = 0;
        int bars = -1;
        int i = PIECE_HEADER;
        while (i < tokens.length - 1) {
            if (i + TRACK_HEADER > tokens.length || tokens[i] != ids.trackStart()
                    || ids.kindOf(tokens[i + 1]) != MmmTokenKind.INSTRUMENT
                    || ids.kindOf(tokens[i + 2]) != MmmTokenKind.DENSITY) {
                return null;
            }
            i += TRACK_HEADER;
            int trackBars = 0;
            while (i < tokens.length && tokens[i] == ids.barStart()) {
                i++;
                if (i < tokens.length && ids.kindOf(tokens[i]) == MmmTokenKind.TIME_SIG) {
                    i++;
                }
                from.add(i);
                while (i < tokens.length && isEvent(ids.kindOf(tokens[i]))) {
                    i++;
                }
                to.add(i);
                if (i >= tokens.length || tokens[i] != ids.barEnd()) {
                    return null;
                }
                i++;
                trackBars++;
            }
            if (i >= tokens.length || tokens[i] != ids.trackEnd() || bars >= 0 && trackBars != bars) {
                return null;
            }
            bars = trackBars;
            i++;
            tracks++;
        }
        return new MmmDocument(tokens, tracks, Math.max(bars, 0), from.toArray(), to.toArray());
    }

    private static boolean isEvent(MmmTokenKind kind) {
        return kind == MmmTokenKind.TIME_DELTA || kind == MmmTokenKind.VELOCITY || kind == MmmTokenKind.NOTE_ON
                || kind == MmmTokenKind.NOTE_OFF;
    }

    /** The plain form: BOS ... EOS. */
    int[] tokens() {
        return tokens;
    }

    int trackCount() {
        return trackCount;
    }

    int barCount() {
        return barCount;
    }

    /** The INST id of a track. */
    int instrumentId(int track, MmmTokenIds ids) {
        return tokens[trackHeader(track, ids) + 1];
    }

    /** How many notes a track starts in bars {@code firstBar..lastBar}. */
    int noteCount(int track, int firstBar, int lastBar, MmmTokenIds ids) {
        int notes = 0;
        for (int bar = firstBar; bar <= lastBar; bar++) {
            int slot = track * barCount + bar;
            for (int i = eventsFrom[slot]; i < eventsTo[slot]; i++) {
                notes += ids.kindOf(tokens[i]) == MmmTokenKind.NOTE_ON ? 1 : 0;
            }
        }
        return notes;
    }

    /**
     * Bars {@code firstBar..firstBar+count-1} as a document of their own: the tracks that start a note in them, each
     * with its density over those bars, and the first bar saying the meter in force. A note held into the first bar
     * from before it leaves a NOTE_OFF without its NOTE_ON, which the decoder skips.
     */
    MmmDocument segment(int firstBar, int count, MmmTokenIds ids) {
        int lastBar = firstBar + count - 1;
        int meter = -1;
        for (int bar = 0; bar <= firstBar; bar++) {
            int barHeader = eventsFrom[bar] - 1;
            if (ids.kindOf(tokens[barHeader]) == MmmTokenKind.TIME_SIG) {
                meter = tokens[barHeader];
            }
        }
        Writer out = new Writer(tokens.length, count);
        for (int t = 0; t < trackCount; t++) {
            int notes = noteCount(t, firstBar, lastBar, ids);
            if (notes == 0) {
                continue;
            }
            out.trackHeader(instrumentId(t, ids), ids.densityId(NoteDensity.level(notes, count)), ids);
            for (int bar = firstBar; bar <= lastBar; bar++) {
                int slot = t * barCount + bar;
                int stated = meterOf(bar, ids);
                out.bar(bar == firstBar && meter >= 0 ? meter : stated, tokens, eventsFrom[slot], eventsTo[slot], ids);
            }
            out.trackEnd(ids);
        }
        return out.document(ids);
    }

    /**
     * This document with one more track, without notes, at {@code index} of the track order: its bars say the meters
     * that the other tracks' bars say. A bar-infill form over all its bars asks a model for a new part.
     */
    MmmDocument withEmptyTrack(int index, int instrumentId, int densityId, MmmTokenIds ids) {
        if (trackCount == 0) {
            throw new IllegalArgumentException("a track is added to music: this score has none");
        }
        Writer out = new Writer(tokens.length + barCount * 3 + 4, barCount);
        for (int t = 0; t <= trackCount; t++) {
            if (t == index) {
                out.trackHeader(instrumentId, densityId, ids);
                for (int bar = 0; bar < barCount; bar++) {
                    out.bar(meterOf(bar, ids), tokens, 0, 0, ids);
                }
                out.trackEnd(ids);
            }
            if (t == trackCount) {
                break;
            }
            int header = trackHeader(t, ids);
            out.trackHeader(tokens[header + 1], tokens[header + 2], ids);
            for (int bar = 0; bar < barCount; bar++) {
                int slot = t * barCount + bar;
                out.bar(meterOf(bar, ids), tokens, eventsFrom[slot], eventsTo[slot], ids);
            }
            out.trackEnd(ids);
        }
        return out.document(ids);
    }

    /** The TIME_SIG id that a bar of the first track states, or -1. */
    private int meterOf(int bar, MmmTokenIds ids) {
        int barHeader = eventsFrom[bar] - 1;
        return ids.kindOf(tokens[barHeader]) == MmmTokenKind.TIME_SIG ? tokens[barHeader] : -1;
    }

    /** Where a track's TRACK_START stands: before its header, its first bar's BAR_START and that bar's meter. */
    private int trackHeader(int track, MmmTokenIds ids) {
        int barStart = eventsFrom[track * barCount] - 1;
        if (ids.kindOf(tokens[barStart]) == MmmTokenKind.TIME_SIG) {
            barStart--;
        }
        return barStart - TRACK_HEADER;
    }

    /** Writes a document track by track with the piece header of this one, noting where each bar's events go. */
    private final class Writer {
        private final IntList out;
        private final IntList from;
        private final IntList to;
        private int tracks;
        private final int bars;

        Writer(int capacity, int bars) {
            this.bars = bars;
            out = new IntList(capacity);
            from = new IntList(64);
            to = new IntList(64);
            for (int i = 0; i < PIECE_HEADER; i++) {
                out.add(tokens[i]);
            }
        }

        void trackHeader(int instrumentId, int densityId, MmmTokenIds ids) {
            out.add(ids.trackStart());
            out.add(instrumentId);
            out.add(densityId);
        }

        void bar(int meterId, int[] source, int eventsStart, int eventsEnd, MmmTokenIds ids) {
            out.add(ids.barStart());
            if (meterId >= 0) {
                out.add(meterId);
            }
            from.add(out.size());
            for (int i = eventsStart; i < eventsEnd; i++) {
                out.add(source[i]);
            }
            to.add(out.size());
            out.add(ids.barEnd());
        }

        void trackEnd(MmmTokenIds ids) {
            out.add(ids.trackEnd());
            tracks++;
        }

        MmmDocument document(MmmTokenIds ids) {
            out.add(SpecialTokens.EOS);
            return new MmmDocument(out.toArray(), tracks, tracks == 0 ? 0 : bars, from.toArray(), to.toArray());
        }
    }

    /**
     * The infill form: the events of the selected bars of the selected tracks replaced by FILL_PLACEHOLDER, and
     * moved, in document order, between FILL_START and FILL_END after the last track. When {@code prompt}, the form
     * ends right after the first FILL_START.
     *
     * @param tracks   selected track indices, ascending and valid
     * @param firstBar first selected bar, valid
     * @param lastBar  last selected bar, valid and not before {@code firstBar}
     */
    int[] infill(int[] tracks, int firstBar, int lastBar, MmmTokenIds ids, boolean prompt) {
        IntList out = new IntList(tokens.length + 3 * tracks.length * (lastBar - firstBar + 1) + 1);
        int copied = 0;
        for (int track : tracks) {
            for (int bar = firstBar; bar <= lastBar; bar++) {
                int slot = track * barCount + bar;
                copy(copied, eventsFrom[slot], out);
                out.add(ids.fillPlaceholder());
                copied = eventsTo[slot];
            }
        }
        copy(copied, tokens.length - 1, out); // all but the EOS, which ends the fills
        for (int track : tracks) {
            for (int bar = firstBar; bar <= lastBar; bar++) {
                out.add(ids.fillStart());
                if (prompt) {
                    return out.toArray();
                }
                int slot = track * barCount + bar;
                copy(eventsFrom[slot], eventsTo[slot], out);
                out.add(ids.fillEnd());
            }
        }
        out.add(tokens[tokens.length - 1]);
        return out.toArray();
    }

    private void copy(int from, int to, IntList out) {
        for (int i = from; i < to; i++) {
            out.add(tokens[i]);
        }
    }
}
