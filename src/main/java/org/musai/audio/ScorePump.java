package org.musai.audio;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;
import org.musai.midi.MidiConstants;
import org.musai.midi.Score;

/**
 * Sends a score's messages to a receiver as their time comes, and lets a longer version of the score take its place
 * while it plays (a piece still being written), without a note played twice, cut or left hanging. The caller owns
 * the clock: {@link #advanceTo} sends what is due by then. Not thread-safe: one playing thread drives it.
 *
 * <p>Java's {@code Sequencer} cannot do this: setting a new sequence while it runs starts it again from the first
 * tick, after sending every note off.
 */
final class ScorePump {

    private final Receiver out;
    private Score score;
    private List<TimedEvents.Timed> events;
    private long endMicros;
    private int next;
    private long position = -1;
    /** The messages sent at {@link #position}, so that a new version's messages there are not sent twice. */
    private final List<TimedEvents.Timed> sentAtPosition = new ArrayList<>();
    /** Sounding notes, channel * MidiConstants.KEYS + key, to the track that struck them. */
    private final Map<Integer, Integer> sounding = new HashMap<>();
    /** The program each channel was given last (-1: none yet). */
    private final int[] programs = new int[MidiConstants.CHANNELS];

    ScorePump(Receiver out, Score score) throws AudioException {
        this.out = out;
        Arrays.fill(programs, -1);
        load(score);
    }

    private void load(Score newer) throws AudioException {
        TimedEvents.Timeline timeline = TimedEvents.timeline(newer);
        score = newer;
        events = timeline.events();
        endMicros = timeline.endMicros();
    }

    /**
     * Goes on with a newer version of the score from where this one is: what is due later comes from it, the
     * programs of its channels are set as they are by now, and a sounding note that it ends earlier, or plays on
     * another channel, is released at once.
     */
    void replace(Score newer, IntPredicate muted) throws AudioException {
        load(newer);
        next = 0;
        int[] chased = new int[MidiConstants.CHANNELS];
        Arrays.fill(chased, -1);
        List<TimedEvents.Timed> dueNow = new ArrayList<>();
        while (next < events.size() && events.get(next).micros() <= position) {
            TimedEvents.Timed event = events.get(next++);
            ShortMessage message = (ShortMessage) event.message();
            if (message.getCommand() == ShortMessage.PROGRAM_CHANGE) {
                chased[message.getChannel()] = message.getData1();
            } else if (event.micros() == position && !sentHere(event)) {
                dueNow.add(event);
            }
        }
        for (int channel = 0; channel < MidiConstants.CHANNELS; channel++) {
            if (chased[channel] >= 0 && chased[channel] != programs[channel]) {
                programs[channel] = chased[channel];
                sendRaw(program(channel, chased[channel]));
            }
        }
        for (Iterator<Integer> it = sounding.keySet().iterator(); it.hasNext(); ) {
            int key = it.next();
            if (!releasedLater(key / MidiConstants.KEYS, key % MidiConstants.KEYS)) {
                sendRaw(noteOff(key / MidiConstants.KEYS, key % MidiConstants.KEYS));
                it.remove();
            }
        }
        for (TimedEvents.Timed event : dueNow) {
            send(event, muted);
        }
    }

    private boolean sentHere(TimedEvents.Timed event) {
        byte[] bytes = event.message().getMessage();
        return sentAtPosition.stream().anyMatch(sent -> Arrays.equals(sent.message().getMessage(), bytes));
    }

    private boolean releasedLater(int channel, int key) {
        for (int i = next; i < events.size(); i++) {
            ShortMessage message = (ShortMessage) events.get(i).message();
            if (message.getChannel() == channel && message.getData1() == key && isNoteOff(message)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Sends every message due by {@code micros} (at most the end), in order; a muted track strikes no note, and its
     * sounding notes are released.
     */
    void advanceTo(long micros, IntPredicate muted) {
        for (Iterator<Map.Entry<Integer, Integer>> it = sounding.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Integer, Integer> note = it.next();
            if (muted.test(note.getValue())) {
                sendRaw(noteOff(note.getKey() / MidiConstants.KEYS, note.getKey() % MidiConstants.KEYS));
                it.remove();
            }
        }
        long to = Math.min(micros, endMicros);
        while (next < events.size() && events.get(next).micros() <= to) {
            TimedEvents.Timed event = events.get(next++);
            moveTo(event.micros());
            send(event, muted);
        }
        moveTo(to);
    }

    private void moveTo(long micros) {
        if (micros > position) {
            sentAtPosition.clear();
            position = micros;
        }
    }

    private void send(TimedEvents.Timed event, IntPredicate muted) {
        sentAtPosition.add(event);
        ShortMessage message = (ShortMessage) event.message();
        int key = message.getChannel() * MidiConstants.KEYS + message.getData1();
        if (isNoteOff(message)) {
            if (sounding.remove(key) != null) {
                sendRaw(message);
            }
        } else if (message.getCommand() == ShortMessage.NOTE_ON) {
            if (!muted.test(event.track())) {
                sounding.put(key, event.track());
                sendRaw(message);
            }
        } else {
            if (message.getCommand() == ShortMessage.PROGRAM_CHANGE) {
                programs[message.getChannel()] = message.getData1();
            }
            sendRaw(message);
        }
    }

    /** Releases every sounding note: the music stops here. */
    void silence() {
        for (int key : sounding.keySet()) {
            sendRaw(noteOff(key / MidiConstants.KEYS, key % MidiConstants.KEYS));
        }
        sounding.clear();
    }

    /** Microseconds played. */
    long position() {
        return Math.max(0, position);
    }

    /** Whether everything up to the end of the score, its last bar's rest included, is played. */
    boolean atEnd() {
        return position >= endMicros;
    }

    /** Microseconds until the next message is due, or until the end. */
    long untilNext() {
        long due = next < events.size() ? events.get(next).micros() : endMicros;
        return Math.max(0, due - position());
    }

    /** The score tick at the position: the playhead. */
    long tick() {
        return TimedEvents.tickAt(position(), score);
    }

    private void sendRaw(MidiMessage message) {
        out.send(message, -1);
    }

    private static boolean isNoteOff(ShortMessage message) {
        return message.getCommand() == ShortMessage.NOTE_OFF
                || message.getCommand() == ShortMessage.NOTE_ON && message.getData2() == 0;
    }

    private static ShortMessage noteOff(int channel, int key) {
        return message(ShortMessage.NOTE_OFF, channel, key);
    }

    private static ShortMessage program(int channel, int program) {
        return message(ShortMessage.PROGRAM_CHANGE, channel, program);
    }

    private static ShortMessage message(int command, int channel, int data) {
        try {
            return new ShortMessage(command, channel, data, 0);
        } catch (InvalidMidiDataException e) {
            throw new IllegalArgumentException(e); // channels 0-15 and data 0-127 are always valid
        }
    }
}
