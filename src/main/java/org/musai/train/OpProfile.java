package org.musai.train;

import ai.djl.pytorch.jni.JniUtils;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a training step's time goes, from PyTorch's own profiler (through DJL's JNI): the trace of the profiled steps
 * is written as Chrome trace JSON, and summed here per operator, counting each operator's self time (its span less
 * the spans of the operators it called), so that nothing is counted twice. What is not inside any operator is the
 * time spent in Java, JNI and autograd's bookkeeping between them.
 */
public final class OpProfile {

    /**
     * One operator's share.
     *
     * @param name        PyTorch's name, such as aten::mm
     * @param calls       how often it ran
     * @param selfMillis  time inside it, less the operators it called
     */
    public record Op(String name, long calls, double selfMillis) {
    }

    /**
     * The summary.
     *
     * @param ops          operators by self time, largest first
     * @param wallMillis   the profiled span, first event's start to last event's end
     * @param inOpsMillis  the time inside any operator (the sum of self times)
     */
    public record Summary(List<Op> ops, double wallMillis, double inOpsMillis) {
    }

    private OpProfile() {
    }

    /** Starts recording every operator (shapes and memory not recorded: they slow it down). */
    static void start() {
        JniUtils.startProfile(false, false, false);
    }

    /** Stops recording and writes the trace. */
    static void stop(Path trace) {
        JniUtils.stopProfile(trace.toAbsolutePath().toString());
    }

    /** Reads a trace and sums self time per operator, over the events of the thread that ran the most. */
    public static Summary summarize(Path trace) throws IOException {
        JsonNode root = new ObjectMapper().readTree(trace.toFile());
        JsonNode events = root.isArray() ? root : root.path("traceEvents");
        Map<String, List<long[]>> byThread = new HashMap<>();
        Map<String, List<String>> names = new HashMap<>();
        for (JsonNode e : events) {
            if (!"X".equals(e.path("ph").asText()) || !e.has("dur")) {
                continue;
            }
            String thread = e.path("pid").asText() + "/" + e.path("tid").asText();
            long start = Math.round(e.path("ts").asDouble() * 1000); // ns
            long end = start + Math.round(e.path("dur").asDouble() * 1000);
            byThread.computeIfAbsent(thread, t -> new ArrayList<>()).add(new long[] {start, end,
                    names.computeIfAbsent(thread, t -> new ArrayList<>()).size()});
            names.get(thread).add(e.path("name").asText());
        }
        String main = byThread.keySet().stream().max(Comparator.comparingInt(t -> byThread.get(t).size()))
                .orElseThrow(() -> new IOException(trace + " holds no operator events"));
        List<long[]> spans = byThread.get(main);
        List<String> spanNames = names.get(main);
        // parents before children: by start, and the longer first at one start
        spans.sort(Comparator.<long[]>comparingLong(s -> s[0]).thenComparingLong(s -> -s[1]));
        Map<String, long[]> totals = new HashMap<>(); // name -> {calls, self ns}
        List<long[]> open = new ArrayList<>(); // {end, index, child ns}
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (int i = 0; i < spans.size(); i++) {
            long[] span = spans.get(i);
            first = Math.min(first, span[0]);
            last = Math.max(last, span[1]);
            while (!open.isEmpty() && open.get(open.size() - 1)[0] <= span[0]) {
                close(open.remove(open.size() - 1), spans, spanNames, totals);
            }
            if (!open.isEmpty()) {
                open.get(open.size() - 1)[2] += Math.min(span[1], open.get(open.size() - 1)[0]) - span[0];
            }
            open.add(new long[] {span[1], i, 0});
        }
        while (!open.isEmpty()) {
            close(open.remove(open.size() - 1), spans, spanNames, totals);
        }
        List<Op> ops = new ArrayList<>();
        double inOps = 0;
        for (Map.Entry<String, long[]> entry : totals.entrySet()) {
            ops.add(new Op(entry.getKey(), entry.getValue()[0], entry.getValue()[1] / 1e6));
            inOps += entry.getValue()[1] / 1e6;
        }
        ops.sort(Comparator.comparingDouble(Op::selfMillis).reversed());
        return new Summary(ops, (last - first) / 1e6, inOps);
    }

    private static void close(long[] frame, List<long[]> spans, List<String> names, Map<String, long[]> totals) {
        long[] span = spans.get((int) frame[1]);
        long[] total = totals.computeIfAbsent(names.get((int) span[2]), n -> new long[2]);
        total[0]++;
        total[1] += Math.max(0, span[1] - span[0] - frame[2]);
    }
}
