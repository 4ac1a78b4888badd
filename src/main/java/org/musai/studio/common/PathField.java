package org.musai.studio.common;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;

/**
 * A text field for a path that can be typed or pasted as well as chosen: the text shows the property; what is typed
 * is checked as it is typed ({@code check} says what is wrong, or null) and handed on when Enter is pressed or the
 * field loses focus, if it is a path at all. A leading {@code ~} is the home folder.
 */
public final class PathField {

    private PathField() {
    }

    /**
     * @param path   what the field shows
     * @param commit what a typed path goes to (the property's setter, or a view model's choose method)
     * @param check  what is wrong with a typed path, or null when nothing is (a missing dataset, say)
     */
    public static TextField of(String id, ObjectProperty<Path> path, Consumer<Path> commit,
                               Function<Path, String> check) {
        TextField field = new TextField();
        field.setId(id);
        Tooltip problem = new Tooltip();
        Runnable show = () -> field.setText(path.get() == null ? "" : path.get().toString());
        show.run();
        path.addListener((o, old, now) -> {
            if (!field.isFocused()) {
                show.run();
            }
        });
        field.textProperty().addListener((o, old, text) -> {
            String wrong = text.isBlank() ? null : problemOf(text, check);
            field.getStyleClass().remove(Styles.INVALID);
            if (wrong != null) {
                field.getStyleClass().add(Styles.INVALID);
                problem.setText(wrong);
                field.setTooltip(problem);
            } else {
                field.setTooltip(null);
            }
        });
        Runnable apply = () -> {
            Path typed = parse(field.getText());
            if (typed != null && !typed.equals(path.get())) {
                commit.accept(typed);
            }
            if (typed == null && !field.getText().isBlank()) {
                return; // not a path: the text stays, marked, for the user to mend
            }
            show.run();
        };
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                apply.run();
            }
        });
        field.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                apply.run();
            }
        });
        return field;
    }

    /** The check of an output that is yet to be made: its folder must exist (it is never made on the user's behalf). */
    public static String folderMissing(Path path) {
        return path.getParent() != null && !java.nio.file.Files.isDirectory(path.getParent())
                ? "its folder " + path.getParent() + " does not exist" : null;
    }

    private static String problemOf(String text, Function<Path, String> check) {
        Path typed = parse(text);
        return typed == null ? "not a path on this system" : check.apply(typed);
    }

    /** The typed text as an absolute path, or null when it is none. */
    static Path parse(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        if (trimmed.equals("~") || trimmed.startsWith("~/")) {
            trimmed = System.getProperty("user.home") + trimmed.substring(1);
        }
        try {
            return Path.of(trimmed).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
