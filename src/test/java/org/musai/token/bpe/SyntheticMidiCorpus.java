package org.musai.token.bpe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Generates a reproducible corpus shaped like tokenised MIDI: documents framed by BOS/EOS, cut
 * into bars by a bar token, with Zipf-distributed tokens and recurring motifs.
 */
final class SyntheticMidiCorpus {

    static final int BASE_VOCAB_SIZE = 400;
    static final int PAD = 0;
    static final int BOS = 1;
    static final int EOS = 2;
    static final int BAR = 3;
    private static final int FIRST_PLAIN_ID = 4;
    private static final int DOCUMENT_LENGTH = 2_000;
    private static final int MOTIF_COUNT = 300;

    private SyntheticMidiCorpus() {
    }

    /** A trainer with this corpus's word rules: bars start words, PAD/BOS/EOS stand alone. */
    static BpeTrainer newTrainer() {
        return new BpeTrainer(BASE_VOCAB_SIZE, id -> id == BAR, SyntheticMidiCorpus::isSpecial);
    }

    static boolean isSpecial(int id) {
        return id == PAD || id == BOS || id == EOS;
    }

    /** Documents of about 2,000 ids each, {@code totalIds} ids in all, the same for the same seed. */
    static List<int[]> generate(long seed, int totalIds) {
        Random random = new Random(seed);
        ZipfSampler tokens = new ZipfSampler(BASE_VOCAB_SIZE - FIRST_PLAIN_ID, 1.1);
        ZipfSampler motifChoice = new ZipfSampler(MOTIF_COUNT, 1.0);
        int[][] motifs = new int[MOTIF_COUNT][];
        for (int m = 0; m < MOTIF_COUNT; m++) {
            motifs[m] = new int[2 + random.nextInt(7)];
            for (int i = 0; i < motifs[m].length; i++) {
                motifs[m][i] = FIRST_PLAIN_ID + tokens.sample(random);
            }
        }
        List<int[]> documents = new ArrayList<>();
        int produced = 0;
        while (produced < totalIds) {
            int[] document = document(random, Math.min(DOCUMENT_LENGTH, totalIds - produced), tokens, motifChoice, motifs);
            documents.add(document);
            produced += document.length;
        }
        return documents;
    }

    private static int[] document(Random random, int length, ZipfSampler tokens, ZipfSampler motifChoice,
                                  int[][] motifs) {
        int[] ids = new int[length];
        int size = 0;
        ids[size++] = BOS;
        int barEnd = 0;
        while (size < length - 1) {
            if (size >= barEnd) {
                ids[size++] = BAR;
                barEnd = size + 6 + random.nextInt(35);
            } else if (random.nextInt(10) < 4) {
                int[] motif = motifs[motifChoice.sample(random)];
                int copied = Math.min(motif.length, length - 1 - size);
                System.arraycopy(motif, 0, ids, size, copied);
                size += copied;
            } else {
                ids[size++] = FIRST_PLAIN_ID + tokens.sample(random);
            }
        }
        if (size < length) {
            ids[size++] = EOS;
        }
        return ids;
    }

    /** Samples ranks {@code 0 .. n-1} with probability proportional to {@code 1 / (rank + 1)^exponent}. */
    private static final class ZipfSampler {
        private final double[] cumulative;

        ZipfSampler(int n, double exponent) {
            cumulative = new double[n];
            double sum = 0;
            for (int rank = 0; rank < n; rank++) {
                sum += 1.0 / Math.pow(rank + 1, exponent);
                cumulative[rank] = sum;
            }
        }

        int sample(Random random) {
            double target = random.nextDouble() * cumulative[cumulative.length - 1];
            int index = Arrays.binarySearch(cumulative, target);
            return index >= 0 ? index : Math.min(-index - 1, cumulative.length - 1);
        }
    }
}
