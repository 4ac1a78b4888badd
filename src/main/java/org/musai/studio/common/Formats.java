package org.musai.studio.common;

import java.util.Locale;

/** Numbers as the studio shows them. */
public final class Formats {

    private Formats() {
    }

    /** 3,706,880 as "3.7 M". */
    public static String count(long value) {
        if (value >= 1_000_000) {
            return String.format(Locale.ROOT, "%.1f M", value / 1e6);
        }
        if (value >= 10_000) {
            return String.format(Locale.ROOT, "%.0f k", value / 1e3);
        }
        return Long.toString(value);
    }

    /** Bytes as "12 MB" or "1.3 GB". */
    public static String bytes(long value) {
        if (value >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GB", value / (double) (1L << 30));
        }
        return String.format(Locale.ROOT, "%.0f MB", value / (double) (1L << 20));
    }

    /** The first line of an exception's message, or its type when it has none. */
    public static String reason(Throwable cause) {
        Throwable t = cause;
        while (t.getMessage() == null && t.getCause() != null) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
