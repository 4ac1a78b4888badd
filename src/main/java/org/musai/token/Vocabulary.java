package org.musai.token;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The tokens of a tokenizer by id, and their ids by name. Immutable. */
public final class Vocabulary {

    private final List<String> tokens;
    private final Map<String, Integer> ids;

    private Vocabulary(List<String> tokens) {
        this.tokens = List.copyOf(tokens);
        this.ids = new HashMap<>(tokens.size() * 2);
        for (int i = 0; i < tokens.size(); i++) {
            if (ids.put(tokens.get(i), i) != null) {
                // an argument problem: a config (perhaps a damaged tokenizer.json) that names one token twice
                throw new IllegalArgumentException("token listed twice: " + tokens.get(i));
            }
        }
    }

    public int size() {
        return tokens.size();
    }

    /** The name of a token, such as "Pitch_60"; "?" for an id outside the vocabulary. */
    public String token(int id) {
        return id >= 0 && id < tokens.size() ? tokens.get(id) : "?";
    }

    /** The id of a token by name; an {@link IllegalArgumentException} when there is none. */
    public int id(String token) {
        Integer id = ids.get(token);
        if (id == null) {
            throw new IllegalArgumentException("no token named " + token);
        }
        return id;
    }

    public boolean contains(String token) {
        return ids.containsKey(token);
    }

    /** Every token, by id. */
    public List<String> tokens() {
        return tokens;
    }

    /** Collects tokens in id order; each range remembers where it starts. */
    public static final class Builder {
        private final List<String> tokens = new ArrayList<>();

        /** Adds one token and returns its id. */
        public int add(String token) {
            tokens.add(token);
            return tokens.size() - 1;
        }

        /** Adds "prefix_value" for each value and returns the id of the first. */
        public int addAll(String prefix, Iterable<?> values) {
            int first = tokens.size();
            for (Object value : values) {
                tokens.add(prefix + "_" + value);
            }
            return first;
        }

        public Vocabulary build() {
            return new Vocabulary(tokens);
        }
    }
}
