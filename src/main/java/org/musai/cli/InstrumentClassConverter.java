package org.musai.cli;

import org.musai.midi.InstrumentClass;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses one instrument class, "4" or "bass". */
final class InstrumentClassConverter implements ITypeConverter<InstrumentClass> {

    @Override
    public InstrumentClass convert(String value) {
        try {
            return InstrumentClass.parse(value);
        } catch (IllegalArgumentException e) {
            // picocli prints a conversion error's message alone; any other exception's class name
            throw new TypeConversionException(e.getMessage());
        }
    }
}
