package org.musai.cli;

import java.util.EnumSet;
import java.util.Set;
import org.musai.midi.InstrumentClass;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses "0,4,16" or "piano,bass,drums" into instrument classes. */
final class ClassListConverter implements ITypeConverter<Set<InstrumentClass>> {

    @Override
    public Set<InstrumentClass> convert(String value) {
        Set<InstrumentClass> classes = EnumSet.noneOf(InstrumentClass.class);
        InstrumentClassConverter one = new InstrumentClassConverter();
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                classes.add(one.convert(part));
            }
        }
        if (classes.isEmpty()) {
            throw new TypeConversionException("no instrument class in '" + value + "'");
        }
        return classes;
    }
}
