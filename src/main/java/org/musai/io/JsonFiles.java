package org.musai.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the small JSON files of models, runs and datasets with a bounded size; every failure is an
 * {@link IOException} whose one-line message names the file and says what is wrong with it (not a parser's trace).
 */
public final class JsonFiles {

    /** Far above any config, state or tokenizer file (a BPE tokenizer of 50,000 merges is about 1 MB). */
    public static final long MAX_BYTES = 64L << 20;

    private static final ObjectMapper PARSER = new ObjectMapper();

    private JsonFiles() {
    }

    /** The document in {@code file}: a JSON object or array. */
    public static JsonNode readTree(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new IOException(file + " is " + size + " bytes, too large for a MusAI JSON file (at most "
                    + (MAX_BYTES >> 20) + " MB); it is damaged or not one of ours");
        }
        JsonNode root;
        try {
            root = PARSER.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            throw new IOException(file + " is not valid JSON: " + describe(e), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new IOException(file + " is empty");
        }
        if (!root.isContainerNode()) {
            throw new IOException(file + " is not valid JSON: it holds a single value, not an object");
        }
        return root;
    }

    /** Reads {@code file} as a {@code type}. */
    public static <T> T read(Path file, Class<T> type, ObjectMapper mapper) throws IOException {
        return convert(file, readTree(file), type, mapper);
    }

    /** Turns a node read from {@code file} into a {@code type}; a missing or wrong field names the file. */
    public static <T> T convert(Path file, JsonNode node, Class<T> type, ObjectMapper mapper) throws IOException {
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw new IOException(file + " lacks its " + type.getSimpleName() + " part");
        }
        try {
            return mapper.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IOException(file + " does not hold a valid " + type.getSimpleName() + ": " + describe(e), e);
        }
    }

    /**
     * One line about a JSON problem: a record's own check (such as "layers must be at least 1, not 0") when that is
     * what failed, else the parser's first line, with where in the file it was.
     */
    public static String describe(Exception e) {
        if (e instanceof ValueInstantiationException && e.getCause() != null && e.getCause().getMessage() != null) {
            return firstLine(e.getCause().getMessage());
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return firstLine(String.valueOf(mapping.getOriginalMessage())) + " (at " + fieldPath(mapping) + ")";
        }
        if (e instanceof JsonProcessingException json) {
            String text = firstLine(String.valueOf(json.getOriginalMessage()));
            JsonLocation at = json.getLocation();
            return at != null && at.getLineNr() > 0
                    ? text + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")" : text;
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : firstLine(e.getMessage());
    }

    /** Where a mapping failed, as the file spells it: {@code model.embed}, {@code merges[3]}. */
    private static String fieldPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
