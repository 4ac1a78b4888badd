package org.musai.midi;

import java.util.Arrays;

/** The notes of one key that are sounding, oldest first, kept in a growable array to avoid boxing. */
final class NoteQueue {
    private long[] items = new long[2];
    private int head;
    private int size;

    void add(int tick, int velocity, int program) {
        if (head + size == items.length) {
            if (head > 0) {
                System.arraycopy(items, head, items, 0, size);
                head = 0;
            } else {
                items = Arrays.copyOf(items, items.length * 2);
            }
        }
        items[head + size++] = (long) tick << 16 | (long) program << 8 | velocity;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int headTick() {
        return (int) (items[head] >>> 16);
    }

    int headProgram() {
        return (int) (items[head] >>> 8) & 0xFF;
    }

    int headVelocity() {
        return (int) items[head] & 0xFF;
    }

    void removeHead() {
        head++;
        size--;
        if (size == 0) {
            head = 0;
        }
    }
}
