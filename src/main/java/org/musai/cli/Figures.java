package org.musai.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
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

    /**
     * A tree of maps, lists and numbers with every double rounded to this many decimals, and NaN or infinity (a
     * figure that does not apply) as null, which JSON can carry.
     */
    static Object rounded(Object tree, int decimals) {
        if (tree instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? null : round(d, decimals);
        }
        if (tree instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((key, value) -> copy.put(key, rounded(value, decimals)));
            return copy;
        }
        if (tree instanceof Collection<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(value -> copy.add(rounded(value, decimals)));
            return copy;
        }
        return tree;
    }

    /** Rows of cells as a text table: columns padded to their widest cell, the first to the left, the rest right. */
    static String table(List<List<String>> rows) {
        List<Integer> widths = new ArrayList<>();
        for (List<String> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                if (widths.size() <= c) {
                    widths.add(0);
                }
                widths.set(c, Math.max(widths.get(c), row.get(c).length()));
            }
        }
        StringBuilder text = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.size(); c++) {
                String cell = row.get(c);
                String padding = " ".repeat(widths.get(c) - cell.length());
                line.append(c == 0 ? cell + padding : "  " + padding + cell);
            }
            text.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
        return text.toString();
    }
}
