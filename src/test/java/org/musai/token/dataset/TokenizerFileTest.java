package org.musai.token.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musai.midi.Score;
import org.musai.token.TokenCodec;
import org.musai.token.Tokenizer;
import org.musai.token.TokenizerConfig;
import org.musai.token.TokenizerConfig.Algorithm;
import org.musai.token.TokenizerFile;
import org.musai.token.bpe.BpeTrainer;

/** {@code tokenizer.json} loads back to the same codec and refuses a file that was edited by hand. */
class TokenizerFileTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void plainCodecSavesAndLoadsWithTheSameHashAndVocabulary() throws IOException {
        for (Algorithm algorithm : Algorithm.values()) {
            TokenCodec codec = TokenCodec.of(Tokenizer.of(TokenizerConfig.defaults(algorithm)));
            Path file = temp.resolve(algorithm + ".json");

            TokenizerFile.save(codec, file);
            TokenCodec loaded = TokenizerFile.load(file);

            assertThat(TokenizerFile.hash(loaded)).isEqualTo(TokenizerFile.hash(codec)).startsWith("sha256:");
            assertThat(loaded.vocabSize()).isEqualTo(codec.vocabSize());
            assertThat(loaded.tokenizer().config()).isEqualTo(codec.tokenizer().config());
            assertThat(loaded.hasBpe()).isFalse();
        }
    }

    @Test
    void bpeCodecSavesAndLoadsWithTheSameHashVocabularyAndIds() throws Exception {
        TokenCodec codec = bpeCodec();
        Path file = temp.resolve(TokenizerFile.FILE_NAME);

        TokenizerFile.save(codec, file);
        TokenCodec loaded = TokenizerFile.load(file);

        assertThat(codec.hasBpe()).isTrue();
        assertThat(TokenizerFile.hash(loaded)).isEqualTo(TokenizerFile.hash(codec));
        assertThat(loaded.vocabSize()).isEqualTo(codec.vocabSize());
        assertThat(loaded.merges()).isEqualTo(codec.merges());
        Score score = DatasetTestSupport.READER.read(DatasetTestSupport.bundledCorpus().resolve("midly/Clementi.mid"));
        assertThat(loaded.encode(score)).isEqualTo(codec.encode(score));
    }

    @Test
    void differentCodecsHaveDifferentHashes() throws Exception {
        TokenCodec remi = TokenCodec.of(Tokenizer.of(TokenizerConfig.defaults(Algorithm.REMI)));
        TokenCodec mmm = TokenCodec.of(Tokenizer.of(TokenizerConfig.defaults(Algorithm.MMM)));

        assertThat(TokenizerFile.hash(remi)).isNotEqualTo(TokenizerFile.hash(mmm))
                .isNotEqualTo(TokenizerFile.hash(bpeCodec()));
    }

    @Test
    void editedTokenIsRefusedWithAClearMessage() throws IOException {
        Path file = saved(TokenCodec.of(Tokenizer.of(TokenizerConfig.defaults(Algorithm.REMI))));

        edit(file, root -> ((ArrayNode) root.get("vocabulary")).set(10, "Pitch_200"));

        assertThatThrownBy(() -> TokenizerFile.load(file)).isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("vocabulary");
    }

    @Test
    void editedHashIsRefusedAsAltered() throws IOException {
        Path file = saved(TokenCodec.of(Tokenizer.of(TokenizerConfig.defaults(Algorithm.REMI))));

        edit(file, root -> root.put("hash", "sha256:" + "0".repeat(64)));

        assertThatThrownBy(() -> TokenizerFile.load(file)).isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("altered");
    }

    @Test
    void droppedMergeIsRefusedAsAltered() throws Exception {
        Path file = saved(bpeCodec());

        edit(file, root -> {
            ArrayNode merges = (ArrayNode) root.get("merges");
            merges.remove(merges.size() - 1);
        });

        assertThatThrownBy(() -> TokenizerFile.load(file)).isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("altered");
    }

    @Test
    void notJsonAndMissingFilesAreRefusedWithTheirPath() throws IOException {
        Path garbage = temp.resolve("garbage.json");
        Files.writeString(garbage, "{ not json");
        Path missing = temp.resolve("missing.json");

        assertThatThrownBy(() -> TokenizerFile.load(garbage)).isInstanceOf(IOException.class)
                .hasMessageContaining(garbage.toString()).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> TokenizerFile.load(missing)).isInstanceOf(IOException.class)
                .hasMessageContaining(missing.toString());
    }

    /** A REMI codec with merges learned over a few bundled files. */
    private static TokenCodec bpeCodec() throws Exception {
        Tokenizer tokenizer = Tokenizer.of(TokenizerConfig.defaults(Algorithm.REMI));
        BpeTrainer trainer = TokenCodec.bpeTrainer(tokenizer);
        List<String> names = List.of("midly/Clementi.mid", "muspy/fur-elise.mid", "music21/test03.mid");
        for (String name : names) {
            trainer.add(tokenizer.encode(DatasetTestSupport.READER.read(
                    DatasetTestSupport.bundledCorpus().resolve(name))));
        }
        return TokenCodec.of(tokenizer).withBpe(trainer.train(tokenizer.vocabulary().size() + 40));
    }

    private Path saved(TokenCodec codec) throws IOException {
        Path file = temp.resolve(TokenizerFile.FILE_NAME);
        TokenizerFile.save(codec, file);
        return file;
    }

    private static void edit(Path file, Consumer<ObjectNode> change) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(file.toFile());
        change.accept(root);
        Files.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    }
}
