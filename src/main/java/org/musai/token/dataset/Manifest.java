package org.musai.token.dataset;

import java.util.List;
import java.util.Map;
import org.musai.token.NoteLoss;

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
 * @param loss          the notes of the used files that filtering and quantizing dropped or changed, summed; null
 *                      in datasets written before it was counted
 */
public record Manifest(String format, String algorithm, String tokenizerHash, int documents, long tokens,
                       long baseTokens, Map<String, Integer> classCounts, Map<String, Object> filter,
                       List<UsedFile> files, List<SkippedFile> skipped, NoteLoss loss) {

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
     * @param loss     the notes of the file that filtering and quantizing dropped or changed; null in datasets
     *                 written before it was counted
     * @param warnings where the file was damaged and what of it was kept (the document holds the rest); empty for
     *                 a whole file and in older datasets
     */
    public record UsedFile(String source, int document, int tokens, int notes, double beats, List<String> classes,
                           NoteLoss loss, List<String> warnings) {

        public UsedFile {
            warnings = warnings == null ? List.of() : List.copyOf(warnings);
        }
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
