package org.musai.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.musai.midi.InstrumentClass;
import org.musai.midi.Note;
import org.musai.midi.Score;
import org.musai.midi.TimeSignature;
import org.musai.midi.Track;

/** The judge on hand-built scores whose figures are worked out by hand (480 ticks per quarter, 4/4 unless said). */
class QualityJudgeTest {

    private static final int Q = 480;
    private static final int BAR = 4 * Q;
    private static final int BASS_PROGRAM = 32;
    private static final int STRINGS_PROGRAM = 48;

    private final PieceJudge judge = new PieceJudge(new UsualRange());

    private static Track piano(List<Note> notes) {
        return new Track("piano", 0, false, notes);
    }

    private static Score score(Track... tracks) {
        return new Score(Q, List.of(tracks), List.of(), List.of());
    }

    /** Four quarters C E G C starting at a bar. */
    private static List<Note> arpeggio(int bar, int velocity) {
        List<Note> notes = new ArrayList<>();
        int[] pitches = {60, 64, 67, 72};
        for (int beat = 0; beat < 4; beat++) {
            notes.add(new Note(bar * BAR + beat * Q, Q, pitches[beat], velocity));
        }
        return notes;
    }

    /** One note on the first beat of a bar. */
    private static Note downbeat(int bar, int pitch) {
        return new Note(bar * BAR, BAR, pitch, 80);
    }

    @Test
    void sixIdenticalBarsAreALoopLockWhateverTheVelocities() {
        List<Note> notes = new ArrayList<>();
        for (int bar = 0; bar < 6; bar++) {
            notes.addAll(arpeggio(bar, 40 + 10 * bar));
        }
        PieceFigures f = judge.judge(score(piano(notes)), 6, null);

        assertThat(f.copyBars()).isEqualTo(5);
        assertThat(f.longestCopyRun()).isEqualTo(5);
        assertThat(f.loopLock()).isTrue();
        assertThat(f.anyDefect()).isTrue();
        assertThat(f.notes()).isEqualTo(24);
        assertThat(f.silentBeatShare()).isZero();
        assertThat(f.emptyFourthBeats()).isZero();
        assertThat(f.fourFourBars()).isEqualTo(6);
        // C twice of four notes per bar: 50%, not over 60%
        assertThat(f.topPitchClassShare()).isEqualTo(0.5);
        assertThat(f.onePitchClass()).isFalse();
    }

    @Test
    void aCopyRunOfThreeIsNoLoopLockAndEmptyBarsAreNoCopies() {
        // bars: A B B B B C, then two empty bars
        List<Note> notes = new ArrayList<>();
        notes.add(downbeat(0, 60));
        for (int bar = 1; bar <= 4; bar++) {
            notes.add(downbeat(bar, 62));
        }
        notes.add(downbeat(5, 64));
        PieceFigures f = judge.judge(score(piano(notes)), 8, null);

        assertThat(f.copyBars()).isEqualTo(3);
        assertThat(f.longestCopyRun()).isEqualTo(3);
        assertThat(f.loopLock()).isFalse();
        assertThat(f.comparedBars()).isEqualTo(7);
        // bars 6 and 7 are silent: 8 of 32 beats, exactly the 25% that makes the defect
        assertThat(f.silentBeatShare()).isEqualTo(0.25);
        assertThat(f.mostlySilent()).isTrue();
    }

    @Test
    void aBarWithAnotherPitchOnsetOrClassIsNoCopy() {
        List<Note> notes = new ArrayList<>(arpeggio(0, 80));
        List<Note> second = new ArrayList<>(arpeggio(1, 80));
        second.set(3, new Note(BAR + 3 * Q + 60, Q, 72, 80)); // the last note an eighth of a beat late
        notes.addAll(second);
        notes.addAll(arpeggio(2, 80));
        Track bass = new Track("bass", BASS_PROGRAM, false, arpeggio(3, 80)); // bar 3: the same notes on the bass
        notes.addAll(arpeggio(4, 80));
        PieceFigures f = judge.judge(score(piano(notes), bass), 5, null);
        // bar 1 differs from bar 0 by an onset; bar 3 holds bar 2's notes on the bass; bar 4 is the piano's again
        assertThat(f.copyBars()).isZero();
    }

    @Test
    void nineNotesStartingTogetherAreAHugeChordEightAreNot() {
        List<Note> nine = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            nine.add(new Note(0, Q, 48 + 3 * i, 80));
        }
        PieceFigures f = judge.judge(score(piano(nine)), 1, null);
        assertThat(f.largestChord()).isEqualTo(9);
        assertThat(f.hugeChord()).isTrue();

        PieceFigures eight = judge.judge(score(piano(nine.subList(0, 8))), 1, null);
        assertThat(eight.largestChord()).isEqualTo(8);
        assertThat(eight.hugeChord()).isFalse();
    }

    @Test
    void doublingsCountInAChordDrumsDoNot() {
        List<Note> five = new ArrayList<>();
        List<Note> four = new ArrayList<>();
        List<Note> kit = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            five.add(new Note(Q, Q, 60 + i, 80));
        }
        for (int i = 0; i < 4; i++) {
            four.add(new Note(Q, Q, 60 + i, 80)); // the strings double four of the piano's keys
        }
        for (int i = 0; i < 6; i++) {
            kit.add(new Note(0, Q, 35 + i, 80)); // six drums at once are no chord
        }
        Track strings = new Track("strings", STRINGS_PROGRAM, false, four);
        Track drums = new Track("drums", 0, true, kit);
        PieceFigures f = judge.judge(score(piano(five), strings, drums), 1, null);
        assertThat(f.largestChord()).isEqualTo(9);
        PieceFigures withoutStrings = judge.judge(score(piano(five), drums), 1, null);
        assertThat(withoutStrings.largestChord()).isEqualTo(5);
    }

    @Test
    void anEmptyFourthBeatIsABarWithNoOnsetInIt() {
        List<Note> notes = new ArrayList<>();
        notes.add(new Note(0, Q, 60, 80));
        notes.add(new Note(Q, Q, 62, 80));
        notes.add(new Note(2 * Q, 2 * Q, 64, 80)); // held through beat 4: sounding, yet nothing starts there
        notes.add(new Note(BAR + 3 * Q + Q / 2, Q / 2, 65, 80)); // bar 2: an offbeat eighth in beat 4
        PieceFigures f = judge.judge(score(piano(notes)), 2, null);

        assertThat(f.fourFourBars()).isEqualTo(2);
        assertThat(f.emptyFourthBeats()).isEqualTo(1);
        // bar 2's beats 1-3 are silent: 3 of 8
        assertThat(f.silentBeatShare()).isEqualTo(3.0 / 8);
    }

    @Test
    void onlyFullFourFourBarsAreAskedForAFourthBeat() {
        Score threeFour = new Score(Q, List.of(piano(List.of(new Note(0, Q, 60, 80)))), List.of(),
                List.of(new TimeSignature(0, 3, 4)));
        assertThat(judge.judge(threeFour, 2, null).fourFourBars()).isZero();

        Score pickup = new Score(Q, List.of(piano(List.of(new Note(0, Q, 60, 80), new Note(Q, BAR, 62, 80)))),
                List.of(), List.of(new TimeSignature(0, 1, 4), new TimeSignature(Q, 4, 4)));
        PieceFigures f = judge.judge(pickup, 2, null);
        assertThat(f.fourFourBars()).isEqualTo(1);
        assertThat(f.emptyFourthBeats()).isEqualTo(1);
        // the pickup's one beat and bar 2's four all sound
        assertThat(f.silentBeatShare()).isZero();
    }

    @Test
    void classPresenceIsCountedPerBar() {
        // piano in every bar of four; the bass in bar 1 and a note from bar 2 held into bar 3; no drums
        List<Note> piano = new ArrayList<>();
        for (int bar = 0; bar < 4; bar++) {
            piano.add(downbeat(bar, 60));
        }
        Track bass = new Track("bass", BASS_PROGRAM, false,
                List.of(new Note(0, Q, 36, 80), new Note(BAR + 2 * Q, BAR, 38, 80)));
        PieceFigures f = judge.judge(score(piano(piano), bass), 4,
                EnumSet.of(InstrumentClass.PIANO, InstrumentClass.BASS, InstrumentClass.DRUMS));

        assertThat(f.allRequestedPlay()).isZero();
        assertThat(f.requestedBarShare()).isCloseTo((1 + 0.75 + 0) / 3, within(1e-12));
        assertThat(f.classesPlaying()).isEqualTo(2);

        PieceFigures asked = judge.judge(score(piano(piano), bass), 4,
                EnumSet.of(InstrumentClass.PIANO, InstrumentClass.BASS));
        assertThat(asked.allRequestedPlay()).isEqualTo(1);
        assertThat(asked.requestedBarShare()).isCloseTo((1 + 0.75) / 2, within(1e-12));

        assertThat(judge.judge(score(piano(piano), bass), 4, null).allRequestedPlay()).isNaN();
    }

    @Test
    void onePitchClassIsMoreThanSixtyPercent() {
        List<Note> seven = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            seven.add(new Note(i * Q, Q, i < 7 ? 48 + 12 * (i % 3) : 62 + i, 80)); // seven Cs in three octaves
        }
        PieceFigures f = judge.judge(score(piano(seven)), 3, null);
        assertThat(f.topPitchClassShare()).isEqualTo(0.7);
        assertThat(f.onePitchClass()).isTrue();

        List<Note> six = new ArrayList<>(seven);
        six.set(6, new Note(6 * Q, Q, 61, 80));
        assertThat(judge.judge(score(piano(six)), 3, null).onePitchClass()).isFalse(); // exactly 60%
    }

    @Test
    void notesAboveTheUsualRangeOfTheirClass() {
        UsualRange range = new UsualRange();
        List<Note> corpus = new ArrayList<>();
        for (int i = 0; i < 199; i++) {
            corpus.add(new Note(i * Q, Q, 60 + i % 13, 80)); // 60-72
        }
        corpus.add(new Note(199 * Q, Q, 100, 80)); // one note in 200: above the 99.5th percentile
        range.add(score(piano(corpus)));
        assertThat(range.highest(InstrumentClass.PIANO)).isEqualTo(72);
        assertThat(range.highest(InstrumentClass.BASS)).isEqualTo(-1);

        Track bass = new Track("bass", BASS_PROGRAM, false, List.of(new Note(0, Q, 90, 80)));
        PieceFigures f = new PieceJudge(range).judge(score(piano(List.of(new Note(0, Q, 73, 80),
                new Note(Q, Q, 72, 80), new Note(2 * Q, Q, 74, 80))), bass), 1, null);
        assertThat(f.notesAboveRange()).isEqualTo(2); // 73 and 74; the bass has no range to leave
        assertThat(f.aboveRange()).isTrue();
    }

    @Test
    void onlyNotesStartingInTheBarsJudgedCountCutAtTheirEnd() {
        List<Note> notes = List.of(new Note(0, 3 * BAR, 60, 80), new Note(2 * BAR, Q, 62, 80));
        PieceFigures f = judge.judge(score(piano(notes)), 2, null);
        assertThat(f.notes()).isEqualTo(1);
        assertThat(f.metrics().polyphony()).isEqualTo(1.0);
        assertThat(PieceJudge.opening(score(piano(notes)), 2 * BAR).endTick()).isEqualTo(2 * BAR);
    }

    @Test
    void summariesPoolBarsAndShareDefectsOverPieces() {
        List<Note> locked = new ArrayList<>();
        for (int bar = 0; bar < 6; bar++) {
            locked.addAll(arpeggio(bar, 80));
        }
        PieceFigures a = judge.judge(score(piano(locked)), 6, EnumSet.of(InstrumentClass.PIANO));
        PieceFigures b = judge.judge(score(piano(List.of(new Note(0, Q, 60, 80)))), 2, null);
        Summary s = Summary.of(List.of(a, b));

        assertThat(s.pieces()).isEqualTo(2);
        assertThat(s.loopLock()).isEqualTo(0.5);
        assertThat(s.copyShare()).isEqualTo(5.0 / 6); // 5 copies of 5 + 1 bars compared
        assertThat(s.emptyFourthBeat()).isEqualTo(2.0 / 8); // piece b's two bars of 4/4 have nothing on beat 4
        assertThat(s.notesPerBar()).isEqualTo(25.0 / 8);
        assertThat(s.longestCopyRun()).isEqualTo(2.5);
        assertThat(s.longestCopyRunMax()).isEqualTo(5);
        assertThat(s.allRequestedPlay()).isEqualTo(1.0); // piece b asked for nothing in particular
        assertThat(s.mostlySilent()).isEqualTo(0.5); // piece b: 7 of 8 beats silent
        assertThat(Summary.of(List.of()).loopLock()).isNaN();
    }
}
