package org.musai.cli;

import java.util.List;
import org.musai.generate.ModelBundle;
import org.musai.train.Installation;
import picocli.CommandLine.IVersionProvider;

/** {@code musai --version}: the installation's facts ({@link Installation}). */
final class VersionLines implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return Installation.lines(List.of(ModelBundle.defaultModelFolder(), ModelBundle.defaultInfillModelFolder()))
                .toArray(String[]::new);
    }
}
