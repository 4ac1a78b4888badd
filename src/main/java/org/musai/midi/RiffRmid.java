package org.musai.midi;

import java.util.List;

/** Takes the Standard MIDI File out of a RIFF-RMID wrapper; other bytes pass through unchanged. */
final class RiffRmid {

    private RiffRmid() {
    }

    /**
     * The SMF bytes of a RIFF-RMID file, or the data itself when it is not RIFF. A data chunk that runs past the end
     * of the file is taken as far as it goes, with a warning.
     */
    static byte[] unwrap(byte[] data, List<String> warnings) throws MidiFormatException {
        ByteCursor in = new ByteCursor(data);
        if (in.remaining() < 12 || !in.nextIdIs("RIFF")) {
            return data;
        }
        in.u32();
        String type = in.chunkId();
        if (!type.equals("RMID")) {
            throw new MidiFormatException("a RIFF file of type '" + printable(type) + "', not RIFF-RMID");
        }
        while (in.remaining() >= 8) {
            boolean isData = in.nextIdIs("data");
            long length = in.u32le();
            if (isData && length > in.remaining()) {
                warnings.add("RIFF-RMID data chunk announces " + length + " bytes but " + in.remaining()
                        + " remain; read up to the end of the file");
                return in.bytes(in.remaining());
            }
            if (length > in.remaining()) {
                throw new MidiFormatException("RIFF-RMID chunk is truncated before its data chunk");
            }
            if (isData) {
                return in.bytes((int) length);
            }
            in.skip((int) Math.min(length + (length & 1), in.remaining())); // RIFF chunks are padded to even lengths
        }
        throw new MidiFormatException("RIFF-RMID file without a data chunk");
    }

    private static String printable(String id) {
        return id.replaceAll("[^\\x20-\\x7E]", "?");
    }
}
