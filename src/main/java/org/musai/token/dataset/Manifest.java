package org.musai.token.dataset;

import java.util.List;
import java.util.Map;

/**
 * What a dataset holds and what was left out: written as {@code manifest.json} beside the tokens.
 *
 * @param format        always "musai-dataset"
 * @param algorithm     REMI or MMM
 * @param tokenizerHash the hash in tokenizer.json
 * @param documents     number of documents (used files)
 * @param tokens        ids in the dataset, after BPE when it applies
 * @param baseTokens    ids before BPE
 * @param classCounts   files per instrument class among the used files
 * @param filter        the filter as given: kept and required classes, minimum beats, merging
 * @param files         the used files, in document order
 * @param skipped       the files left out, each with its reason
 */
public record Manifest(String format, String algorithm, String tokenizerHash, int documents, long tokens,
                       long baseTokens, Map<String, Integer> classCounts, Map<String, Object> filter,
                       List<UsedFile> files, List<SkippedFile> skipped) {

    public static final String FILE_NAME = "manifest.json";
    public static final String FORMAT = "musai-dataset";

    /**
     * A file that became a document.
     *
     * @param source   its name (relative path)
     * @param document its document index in the binidx files
     * @param tokens   its ids after BPE
     * @param notes    notes in the document, after quantization
     * @param beats    length in quarter-note beats
     * @param classes  instrument classes kept
     */
    public record UsedFile(String source, int document, int tokens, int notes, double beats, List<String> classes) {
    }

    /**
     * A file left out.
     *
     * @param source its name
     * @param reason one line: why
     */
    public record SkippedFile(String source, String reason) {
    }
}
