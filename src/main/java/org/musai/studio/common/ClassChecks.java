package org.musai.studio.common;

import java.util.Set;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import org.controlsfx.control.IndexedCheckModel;
import org.musai.midi.InstrumentClass;

/** Keeps a check list of instrument classes (CheckListView, CheckComboBox) and a view model's set in step. */
public final class ClassChecks {

    private ClassChecks() {
    }

    public static void bind(IndexedCheckModel<InstrumentClass> checks, ObservableSet<InstrumentClass> chosen) {
        chosen.forEach(checks::check);
        checks.getCheckedItems().addListener((ListChangeListener<InstrumentClass>) change -> {
            Set<InstrumentClass> now = Set.copyOf(checks.getCheckedItems());
            chosen.retainAll(now);
            chosen.addAll(now);
        });
        chosen.addListener((SetChangeListener<InstrumentClass>) change -> {
            if (change.wasAdded() && !checks.isChecked(change.getElementAdded())) {
                checks.check(change.getElementAdded());
            }
            if (change.wasRemoved() && checks.isChecked(change.getElementRemoved())) {
                checks.clearCheck(change.getElementRemoved());
            }
        });
    }
}
