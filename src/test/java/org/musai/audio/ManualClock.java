package org.musai.audio;

/** A clock whose time moves only when set or waited on: waiting takes no time at all. */
public class ManualClock implements MidiClock {

    private long now;

    public ManualClock(long startMicros) {
        now = startMicros;
    }

    @Override
    public synchronized long nowMicros() {
        return now;
    }

    public synchronized void set(long micros) {
        now = micros;
    }

    @Override
    public void sleepUntil(long micros) {
        synchronized (this) {
            now = Math.max(now, micros);
        }
    }
}
