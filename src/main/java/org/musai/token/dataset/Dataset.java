package org.musai.token.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.musai.token.TokenCodec;
import org.musai.token.TokenizerFile;
import org.musai.token.binidx.BinIdxReader;

/**
 * An open dataset folder: its tokenizer, its manifest and its tokens. The trainer and {@code detokenize} read it.
 * Close it to release the token file. Thread-safe for reading.
 */
public final class Dataset implements AutoCloseable {

    private final Path folder;
    private final TokenCodec codec;
    private final Manifest manifest;
    private final BinIdxReader tokens;

    private Dataset(Path folder, TokenCodec codec, Manifest manifest, BinIdxReader tokens) {
        this.folder = folder;
        this.codec = codec;
        this.manifest = manifest;
        this.tokens = tokens;
    }

    /** Opens a folder that {@link DatasetBuilder} made; a clear {@link DatasetException} when it is not one. */
    public static Dataset open(Path folder) throws IOException, DatasetException {
        if (!Files.isDirectory(folder)) {
            throw new DatasetException("no dataset folder at " + folder);
        }
        Path tokenizerFile = folder.resolve(TokenizerFile.FILE_NAME);
        Path manifestFile = folder.resolve(Manifest.FILE_NAME);
        if (!Files.isRegularFile(tokenizerFile) || !Files.isRegularFile(manifestFile)) {
            throw new DatasetException(folder + " is not a MusAI dataset (tokenizer.json or manifest.json missing)");
        }
        TokenCodec codec;
        try {
            codec = TokenizerFile.load(tokenizerFile);
        } catch (IOException e) {
            throw new DatasetException(e.getMessage());
        }
        Manifest manifest;
        try {
            manifest = DatasetBuilder.JSON.readValue(manifestFile.toFile(), Manifest.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // Jackson's own message names neither the file nor, in words, the problem
            String line = e.getLocation() == null ? "" : ", at line " + e.getLocation().getLineNr();
            throw new DatasetException(manifestFile + " is damaged (not the JSON a dataset's manifest holds" + line
                    + "): " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new DatasetException("cannot read " + manifestFile + ": " + e.getMessage());
        }
        if (!TokenizerFile.hash(codec).equals(manifest.tokenizerHash())) {
            throw new DatasetException(folder + ": manifest.json and tokenizer.json belong to different datasets");
        }
        BinIdxReader reader = BinIdxReader.open(folder.resolve(DatasetFiles.TOKENS));
        if (reader.documentCount() != manifest.documents()) {
            reader.close();
            throw new DatasetException(folder + ": the manifest lists " + manifest.documents()
                    + " documents but the token file holds " + reader.documentCount());
        }
        return new Dataset(folder, codec, manifest, reader);
    }

    public Path folder() {
        return folder;
    }

    public TokenCodec codec() {
        return codec;
    }

    public Manifest manifest() {
        return manifest;
    }

    /** The binidx token file, for the trainer's random windows. */
    public BinIdxReader tokens() {
        return tokens;
    }

    public int documentCount() {
        return tokens.documentCount();
    }

    /** The ids of one document (after BPE when the dataset has it). */
    public int[] document(int index) throws IOException {
        return tokens.document(index);
    }

    @Override
    public void close() throws IOException {
        tokens.close();
    }
}
