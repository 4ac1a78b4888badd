package org.musai.token;

/**
 * What turning a file's notes into a document lost or changed, note by note, and why: tokens round-trip to the
 * quantized form of a score, and this says how far that form is from the file. Immutable.
 *
 * @param outOfPitchRange    dropped: pitch outside the tokenizer's range
 * @param beyondLengthLimit  dropped: onset at or after {@link Quantizer#MAX_LENGTH_BEATS}
 * @param sameOnsetMerged    dropped: the same key struck again by the same instrument at the same grid position
 *                           (the longest of those strikes stays)
 * @param classesFiltered    dropped: in a track of an instrument class the filter does not keep
 * @param overlapsShortened  shortened: still sounding when its key was struck again, so cut at the new strike
 * @param durationsClipped   shortened: longer than the longest duration token
 * @param zeroLengthExtended lengthened: of zero length in the file, given the shortest duration
 */
public record NoteLoss(long outOfPitchRange, long beyondLengthLimit, long sameOnsetMerged, long classesFiltered,
                       long overlapsShortened, long durationsClipped, long zeroLengthExtended) {

    /** Nothing lost. */
    public static final NoteLoss NONE = new NoteLoss(0, 0, 0, 0, 0, 0, 0);

    /** Notes that are not in the document at all. */
    public long dropped() {
        return outOfPitchRange + beyondLengthLimit + sameOnsetMerged + classesFiltered;
    }

    /** Notes that are in the document with another length than in the file. */
    public long changed() {
        return overlapsShortened + durationsClipped + zeroLengthExtended;
    }

    /** Both counts added, for totals over files. */
    public NoteLoss plus(NoteLoss other) {
        return new NoteLoss(outOfPitchRange + other.outOfPitchRange, beyondLengthLimit + other.beyondLengthLimit,
                sameOnsetMerged + other.sameOnsetMerged, classesFiltered + other.classesFiltered,
                overlapsShortened + other.overlapsShortened, durationsClipped + other.durationsClipped,
                zeroLengthExtended + other.zeroLengthExtended);
    }

    /** The same counts, with the notes that the instrument filter removed before quantizing. */
    public NoteLoss withClassesFiltered(long notes) {
        return new NoteLoss(outOfPitchRange, beyondLengthLimit, sameOnsetMerged, notes, overlapsShortened,
                durationsClipped, zeroLengthExtended);
    }

    /** One line for people, naming only the counts that are not zero, such as "3 dropped (3 out of pitch range)". */
    public String describe() {
        StringBuilder line = new StringBuilder();
        line.append(dropped()).append(" notes dropped");
        appendParts(line, new String[]{"out of the pitch range", "beyond the length limit", "merged with a strike at "
                + "the same position", "in filtered classes"},
                new long[]{outOfPitchRange, beyondLengthLimit, sameOnsetMerged, classesFiltered});
        line.append(", ").append(changed()).append(" shortened or lengthened");
        appendParts(line, new String[]{"cut by the next strike of their key", "clipped to the longest duration",
                "zero length given the shortest"}, new long[]{overlapsShortened, durationsClipped, zeroLengthExtended});
        return line.toString();
    }

    private static void appendParts(StringBuilder line, String[] names, long[] counts) {
        StringBuilder parts = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            if (counts[i] > 0) {
                parts.append(parts.length() == 0 ? "" : ", ").append(counts[i]).append(' ').append(names[i]);
            }
        }
        if (parts.length() > 0) {
            line.append(" (").append(parts).append(')');
        }
    }
}
