package org.musai.audio;

import java.util.concurrent.locks.LockSupport;

/**
 * The time that playback and recording keep: what time it is, and waiting until a time. The system's in use; tests
 * give one whose time moves only when waited on, so that what is played and recorded does not depend on how busy
 * the machine is.
 */
public interface MidiClock {

    /** Microseconds on the monotonic system clock; waits by parking the thread (an interrupt ends the wait early). */
    MidiClock SYSTEM = new MidiClock() {
        @Override
        public long nowMicros() {
            return System.nanoTime() / 1000;
        }

        @Override
        public void sleepUntil(long micros) {
            long left = micros - nowMicros();
            if (left > 0) {
                LockSupport.parkNanos(left * 1000);
            }
        }
    };

    long nowMicros();

    /** Returns at {@code micros} or a little after (or sooner, when the thread is interrupted). */
    void sleepUntil(long micros);
}
