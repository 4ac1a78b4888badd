package org.musai.studio.common;

import javafx.util.StringConverter;
import org.musai.midi.InstrumentClass;

/** Instrument classes as the studio lists them: "0 Piano" … "16 Drums", the numbers the CLI's -c takes. */
public final class ClassNames {

    public static final StringConverter<InstrumentClass> CONVERTER = new StringConverter<>() {
        @Override
        public String toString(InstrumentClass c) {
            return c == null ? "" : c.number() + " " + c.displayName();
        }

        @Override
        public InstrumentClass fromString(String text) {
            return InstrumentClass.parse(text.replaceFirst("^\\d+ ", ""));
        }
    };

    private ClassNames() {
    }
}
