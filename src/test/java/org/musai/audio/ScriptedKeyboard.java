package org.musai.audio;

import java.util.ArrayList;
import java.util.List;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Transmitter;
import org.musai.midi.Score;

/**
 * A musician at a MIDI keyboard on a {@link ManualClock}: as the recorder waits for its next beat, the keyboard plays
 * the score's messages that fall due by then, each at its own time, starting at {@code startMicros}. What is recorded
 * is then the same on any machine, however busy.
 */
public final class ScriptedKeyboard extends ManualClock implements Transmitter {

    private final List<TimedEvents.Timed> events;
    private final long startMicros;
    private int next;
    private Receiver receiver;

    /** Plays {@code music} from {@code startMicros} on (the clock starts at 0: the first click of the count-in). */
    public ScriptedKeyboard(Score music, long startMicros) throws AudioException {
        super(0);
        this.events = new ArrayList<>(TimedEvents.of(music));
        this.startMicros = startMicros;
    }

    /** The recorder's clock and its keyboard at once: waiting plays what falls due. */
    @Override
    public void sleepUntil(long micros) {
        while (next < events.size() && startMicros + events.get(next).micros() <= micros) {
            TimedEvents.Timed event = events.get(next++);
            set(Math.max(nowMicros(), startMicros + event.micros()));
            if (receiver != null) {
                receiver.send((ShortMessage) event.message(), -1);
            }
        }
        super.sleepUntil(micros);
    }

    @Override
    public void setReceiver(Receiver receiver) {
        this.receiver = receiver;
    }

    @Override
    public Receiver getReceiver() {
        return receiver;
    }

    @Override
    public void close() {
    }
}
