package org.musai.token;

/** The ids every vocabulary starts with, in MidiTok's order, so that padding is always id 0. */
public final class SpecialTokens {

    public static final int PAD = 0;
    /** Starts every document. */
    public static final int BOS = 1;
    /** Ends every document; decoding stops there. */
    public static final int EOS = 2;
    public static final int MASK = 3;
    public static final int COUNT = 4;

    private SpecialTokens() {
    }

    /** Adds PAD_None, BOS_None, EOS_None and MASK_None as ids 0-3. */
    public static void addTo(Vocabulary.Builder builder) {
        builder.add("PAD_None");
        builder.add("BOS_None");
        builder.add("EOS_None");
        builder.add("MASK_None");
    }

    public static boolean isSpecial(int id) {
        return id >= 0 && id < COUNT;
    }
}
