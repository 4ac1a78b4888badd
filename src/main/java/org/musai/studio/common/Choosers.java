package org.musai.studio.common;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.musai.studio.StudioPreferences;
import org.musai.studio.StudioPreferences.Place;

/** File and folder choosers that open where the user last was and remember where they went. */
public final class Choosers {

    private final StudioPreferences preferences;

    public Choosers(StudioPreferences preferences) {
        this.preferences = preferences;
    }

    public StudioPreferences preferences() {
        return preferences;
    }

    public Optional<Path> folder(Window owner, String title, Place place) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        preferences.folderFor(place).ifPresent(p -> chooser.setInitialDirectory(p.toFile()));
        return remember(place, chooser.showDialog(owner));
    }

    public Optional<Path> open(Window owner, String title, Place place, FileChooser.ExtensionFilter filter) {
        FileChooser chooser = chooser(title, place, filter);
        return remember(place, chooser.showOpenDialog(owner));
    }

    public Optional<Path> save(Window owner, String title, Place place, FileChooser.ExtensionFilter filter,
                               String name) {
        FileChooser chooser = chooser(title, place, filter);
        chooser.setInitialFileName(name);
        return remember(place, chooser.showSaveDialog(owner));
    }

    private FileChooser chooser(String title, Place place, FileChooser.ExtensionFilter filter) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(filter);
        preferences.folderFor(place).ifPresent(p -> chooser.setInitialDirectory(p.toFile()));
        return chooser;
    }

    private Optional<Path> remember(Place place, File file) {
        if (file == null) {
            return Optional.empty();
        }
        preferences.setPath(place, file.toPath());
        return Optional.of(file.toPath());
    }

    /** MIDI files, for open and save dialogs. */
    public static FileChooser.ExtensionFilter midiFiles() {
        return new FileChooser.ExtensionFilter("MIDI files", "*.mid", "*.midi");
    }
}
