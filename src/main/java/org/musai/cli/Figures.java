package org.musai.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.Map;

/** How the benchmark and report commands print their figures: one JSON line, or "name: value" text. */
final class Figures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Figures() {
    }

    /** The value rounded to this many decimals, so that printed figures carry no false precision. */
    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    /** One JSON line (for scripts), or the same figures as "{name: value, ...}" for people. */
    static void print(PrintWriter out, Map<String, Object> figures, boolean json) throws JsonProcessingException {
        out.println(json ? line(figures) : figures.toString().replace("=", ": "));
    }

    /** The figures as one JSON line. */
    static String line(Object figures) throws JsonProcessingException {
        return JSON.writeValueAsString(figures);
    }
}
