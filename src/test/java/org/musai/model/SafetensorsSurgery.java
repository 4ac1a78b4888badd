package org.musai.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Takes a real safetensors file apart (header and data) so that a test can damage one thing and write it back. */
public final class SafetensorsSurgery {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The header, to edit. */
    public final ObjectNode header;
    /** The bytes after the header, to edit. */
    public byte[] data;

    private SafetensorsSurgery(ObjectNode header, byte[] data) {
        this.header = header;
        this.data = data;
    }

    public static SafetensorsSurgery of(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        int length = (int) ByteBuffer.wrap(all, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        ObjectNode header = (ObjectNode) JSON.readTree(new String(all, 8, length, StandardCharsets.UTF_8));
        byte[] data = new byte[all.length - 8 - length];
        System.arraycopy(all, 8 + length, data, 0, data.length);
        return new SafetensorsSurgery(header, data);
    }

    public ObjectNode tensor(String name) {
        return (ObjectNode) header.get(name);
    }

    /** Sets every float32 value of a tensor. */
    public void fill(String name, float value) {
        long begin = tensor(name).get("data_offsets").get(0).asLong();
        long end = tensor(name).get("data_offsets").get(1).asLong();
        ByteBuffer buffer = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        for (long at = begin; at < end; at += 4) {
            buffer.putFloat((int) at, value);
        }
    }

    /** Adds a float32 tensor of these values after the existing data. */
    public void append(String name, float... values) {
        byte[] longer = new byte[data.length + values.length * 4];
        System.arraycopy(data, 0, longer, 0, data.length);
        ByteBuffer buffer = ByteBuffer.wrap(longer).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < values.length; i++) {
            buffer.putFloat(data.length + i * 4, values[i]);
        }
        ObjectNode entry = header.putObject(name);
        entry.put("dtype", "F32");
        entry.putArray("shape").add(values.length);
        entry.putArray("data_offsets").add(data.length).add(longer.length);
        data = longer;
    }

    public void write(Path file) throws IOException {
        byte[] headerBytes = JSON.writeValueAsBytes(header);
        write(file, headerBytes.length, headerBytes);
    }

    /** Writes the header and data with any declared header length, true or not. */
    public void write(Path file, long declaredHeaderLength, byte[] headerBytes) throws IOException {
        ByteBuffer out = ByteBuffer.allocate(8 + headerBytes.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(declaredHeaderLength).put(headerBytes).put(data);
        Files.write(file, out.array());
    }

    /** The header as the file would hold it. */
    public byte[] headerBytes() throws IOException {
        return JSON.writeValueAsBytes(header);
    }
}
