package org.musai.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.musai.io.JsonFiles;

/**
 * A safetensors file whose header is checked before any tensor is read, so that a damaged or hostile file is refused
 * with a message instead of exhausting memory or loading garbage: the 8-byte header length is bounded by
 * {@link #MAX_HEADER_BYTES} and by the file, the header is JSON, every tensor's shape and element type match its byte
 * span, and the spans lie inside the file without overlapping. Tensors are read one at a time as float32 (F16 and
 * BF16 are widened exactly; other types are refused) and refused when any value is NaN or infinite. Every message
 * starts with the file's path.
 * Holds the file open: close it.
 */
public final class SafetensorsFile implements AutoCloseable {

    /** Real headers are a few hundred bytes per tensor; a larger one means a damaged file, not a bigger model. */
    public static final long MAX_HEADER_BYTES = 100L << 20;
    private static final int LENGTH_BYTES = 8;
    private static final String METADATA = "__metadata__";
    /** Values are read through a buffer of this size, whatever the tensor's size. */
    private static final int CHUNK_BYTES = 1 << 20;
    /** Tensors are created from Java arrays, which cannot hold more elements. */
    private static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;
    /** Extra names listed in a message at most. */
    private static final int NAMES_SHOWN = 5;

    private static final ObjectMapper HEADER_PARSER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /**
     * The element types of the safetensors format, each with its width, so that every header can be checked; only
     * the floating-point ones can be read as weights.
     */
    enum Dtype {
        F32(4, true), F16(2, true), BF16(2, true), F64(8, false), F8_E5M2(1, false), F8_E4M3(1, false),
        I64(8, false), I32(4, false), I16(2, false), I8(1, false), U64(8, false), U32(4, false), U16(2, false),
        U8(1, false), BOOL(1, false);

        final int bytes;
        final boolean readable;

        Dtype(int bytes, boolean readable) {
            this.bytes = bytes;
            this.readable = readable;
        }
    }

    /**
     * One tensor's entry in the header.
     *
     * @param name  its name
     * @param dtype its element type
     * @param shape its shape
     * @param begin first byte of its data, counted from the end of the header
     * @param end   the byte after its data
     */
    record Entry(String name, Dtype dtype, Shape shape, long begin, long end) {
    }

    private final Path file;
    private final FileChannel channel;
    private final long dataStart;
    private final Map<String, Entry> entries;

    private SafetensorsFile(Path file, FileChannel channel, long dataStart, Map<String, Entry> entries) {
        this.file = file;
        this.channel = channel;
        this.dataStart = dataStart;
        this.entries = entries;
    }

    /** Opens a file and checks its header; an {@link IOException} that names the file and the problem otherwise. */
    public static SafetensorsFile open(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            long size = channel.size();
            if (size < LENGTH_BYTES) {
                throw problem(file, "is " + size + " bytes long, too short for a safetensors file");
            }
            ByteBuffer lengthField = ByteBuffer.allocate(LENGTH_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            readFully(file, channel, lengthField, 0);
            long headerLength = lengthField.getLong(0);
            if (headerLength < 0 || headerLength > MAX_HEADER_BYTES) {
                throw problem(file, "declares a header of " + Long.toUnsignedString(headerLength) + " bytes, more than "
                        + "the " + (MAX_HEADER_BYTES >> 20) + " MB a model's header can need: it is damaged or not a "
                        + "safetensors file");
            }
            if (headerLength > size - LENGTH_BYTES) {
                throw problem(file, "declares a header of " + headerLength + " bytes, but only " + (size - LENGTH_BYTES)
                        + " bytes follow its length field: the file is truncated or not a safetensors file");
            }
            ByteBuffer header = ByteBuffer.allocate((int) headerLength);
            readFully(file, channel, header, LENGTH_BYTES);
            long dataStart = LENGTH_BYTES + headerLength;
            Map<String, Entry> entries = parseHeader(file, header.array(), size - dataStart);
            return new SafetensorsFile(file, channel, dataStart, entries);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static Map<String, Entry> parseHeader(Path file, byte[] header, long dataBytes) throws IOException {
        JsonNode root;
        try {
            root = HEADER_PARSER.readTree(header);
        } catch (JsonProcessingException e) {
            throw problem(file, "has a damaged header (not JSON: " + JsonFiles.describe(e) + ")");
        }
        if (root == null || !root.isObject()) {
            throw problem(file, "has a damaged header (not a JSON object)");
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getKey().equals(METADATA)) {
                entries.put(field.getKey(), entry(file, field.getKey(), field.getValue(), dataBytes));
            }
        }
        List<Entry> byOffset = new ArrayList<>(entries.values());
        byOffset.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        for (int i = 1; i < byOffset.size(); i++) {
            Entry before = byOffset.get(i - 1);
            Entry after = byOffset.get(i);
            if (after.begin() < before.end()) {
                throw problem(file, ": tensors " + before.name() + " and " + after.name() + " overlap (bytes "
                        + after.begin() + "-" + before.end() + "): the header is damaged");
            }
        }
        return entries;
    }

    private static Entry entry(Path file, String name, JsonNode node, long dataBytes) throws IOException {
        if (!node.isObject()) {
            throw problem(file, ": header entry " + name + " is not a tensor description");
        }
        String dtypeName = node.path("dtype").asText("");
        Dtype dtype;
        try {
            dtype = Dtype.valueOf(dtypeName);
        } catch (IllegalArgumentException e) {
            throw problem(file, ": tensor " + name + " has the unknown element type '" + dtypeName + "': the header "
                    + "is damaged");
        }
        JsonNode shapeNode = node.path("shape");
        if (!shapeNode.isArray()) {
            throw problem(file, ": tensor " + name + " has no shape");
        }
        long[] dimensions = new long[shapeNode.size()];
        long elements = 1;
        for (int i = 0; i < dimensions.length; i++) {
            JsonNode dimension = shapeNode.get(i);
            if (!dimension.canConvertToLong() || !dimension.isIntegralNumber() || dimension.asLong() < 0) {
                throw problem(file, ": tensor " + name + " has an invalid shape " + shapeNode);
            }
            dimensions[i] = dimension.asLong();
            try {
                elements = Math.multiplyExact(elements, dimensions[i]);
            } catch (ArithmeticException e) {
                throw problem(file, ": tensor " + name + " has an impossibly large shape " + shapeNode);
            }
        }
        JsonNode offsets = node.path("data_offsets");
        if (!offsets.isArray() || offsets.size() != 2 || !offsets.get(0).isIntegralNumber()
                || !offsets.get(1).isIntegralNumber() || !offsets.get(0).canConvertToLong()
                || !offsets.get(1).canConvertToLong()) {
            throw problem(file, ": tensor " + name + " has no valid data_offsets");
        }
        long begin = offsets.get(0).asLong();
        long end = offsets.get(1).asLong();
        if (begin < 0 || end < begin) {
            throw problem(file, ": tensor " + name + " has data offsets " + offsets + " that do not describe a range");
        }
        if (end > dataBytes) {
            throw problem(file, ": tensor " + name + " ends at byte " + end + " of the data, but the file holds only "
                    + dataBytes + " bytes of data: it is truncated or damaged");
        }
        if (elements > MAX_ELEMENTS) {
            throw problem(file, ": tensor " + name + " has " + elements + " elements, more than this version can load");
        }
        long expectedBytes = elements * dtype.bytes;
        if (end - begin != expectedBytes) {
            throw problem(file, String.format(Locale.ROOT, ": tensor %s is %s %s, which takes %d bytes, but its data "
                    + "offsets span %d bytes: the header is damaged", name, dtype, shapeNode, expectedBytes,
                    end - begin));
        }
        return new Entry(name, dtype, new Shape(dimensions), begin, end);
    }

    public Path file() {
        return file;
    }

    /** The tensors' names and shapes, in the header's order. */
    public Map<String, Shape> shapes() {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        entries.forEach((name, entry) -> shapes.put(name, entry.shape()));
        return shapes;
    }

    /**
     * Refuses a file that lacks one of the expected tensors, holds one with another shape, or holds others besides.
     *
     * @param what what the expected tensors belong to, for messages ("this model shape")
     */
    public void requireExactly(Map<String, Shape> expected, String what) throws IOException {
        for (Map.Entry<String, Shape> tensor : expected.entrySet()) {
            Entry entry = entries.get(tensor.getKey());
            if (entry == null) {
                throw problem(file, "lacks " + tensor.getKey() + " for " + what);
            }
            if (!entry.shape().equals(tensor.getValue())) {
                throw problem(file, ": " + tensor.getKey() + " has shape " + entry.shape() + ", " + what + " needs "
                        + tensor.getValue());
            }
        }
        List<String> extra = entries.keySet().stream().filter(name -> !expected.containsKey(name)).toList();
        if (!extra.isEmpty()) {
            String shown = String.join(", ", extra.subList(0, Math.min(NAMES_SHOWN, extra.size())))
                    + (extra.size() > NAMES_SHOWN ? " and " + (extra.size() - NAMES_SHOWN) + " more" : "");
            throw problem(file, "holds tensors that " + what + " does not have: " + shown);
        }
    }

    /** Reads one tensor as float32 into {@code manager}; refused when any value is NaN or infinite. */
    public NDArray read(String name, NDManager manager) throws IOException {
        Entry entry = entries.get(name);
        if (entry == null) {
            throw problem(file, "lacks " + name);
        }
        if (!entry.dtype().readable) {
            throw problem(file, ": tensor " + name + " is " + entry.dtype() + "; this version reads F32, F16 and BF16 "
                    + "weights only");
        }
        float[] values = values(entry);
        int nonFinite = 0;
        int first = -1;
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                nonFinite++;
                first = first < 0 ? i : first;
            }
        }
        if (nonFinite > 0) {
            throw problem(file, String.format(Locale.ROOT, ": %s holds %,d NaN or infinite values of %,d (the first at "
                    + "element %d): the weights are damaged", name, nonFinite, values.length, first));
        }
        NDArray array = manager.create(values, entry.shape());
        array.setName(name);
        return array;
    }

    private float[] values(Entry entry) throws IOException {
        int count = (int) entry.shape().size();
        float[] values = new float[count];
        ByteBuffer chunk = ByteBuffer.allocate((int) Math.min(CHUNK_BYTES, Math.max(entry.end() - entry.begin(), 1)))
                .order(ByteOrder.LITTLE_ENDIAN);
        int perChunk = chunk.capacity() / entry.dtype().bytes;
        long position = dataStart + entry.begin();
        for (int done = 0; done < count; ) {
            int n = Math.min(perChunk, count - done);
            chunk.clear().limit(n * entry.dtype().bytes);
            readFully(file, channel, chunk, position);
            chunk.flip();
            switch (entry.dtype()) {
                case F32 -> chunk.asFloatBuffer().get(values, done, n);
                case F16 -> {
                    for (int i = 0; i < n; i++) {
                        values[done + i] = HalfFloats.halfToFloat(chunk.getShort(i * 2));
                    }
                }
                case BF16 -> {
                    for (int i = 0; i < n; i++) {
                        values[done + i] = HalfFloats.bfloat16ToFloat(chunk.getShort(i * 2));
                    }
                }
                default -> throw new IllegalStateException(entry.dtype() + " is refused before reading");
            }
            position += (long) n * entry.dtype().bytes;
            done += n;
        }
        return values;
    }

    private static void readFully(Path file, FileChannel channel, ByteBuffer into, long position) throws IOException {
        long at = position;
        while (into.hasRemaining()) {
            int read = channel.read(into, at);
            if (read < 0) {
                throw problem(file, "ends early, at byte " + at + ": it was truncated while being read");
            }
            at += read;
        }
    }

    /** "FILE is ..." for the file as a whole, "FILE: tensor ..." for one of its tensors. */
    private static IOException problem(Path file, String what) {
        return new IOException(file + (what.startsWith(":") ? "" : " ") + what);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
