package org.musai.studio.pianoroll;

import javafx.beans.property.SimpleDoubleProperty;

/**
 * A double property that keeps what is set within a range. A binding bypasses {@link #set}, so a bound value is
 * taken as it comes.
 */
final class ClampedDoubleProperty extends SimpleDoubleProperty {

    private final double min;
    private final double max;

    ClampedDoubleProperty(Object bean, String name, double initial, double min, double max) {
        super(bean, name, Math.max(min, Math.min(max, initial)));
        this.min = min;
        this.max = max;
    }

    @Override
    public void set(double value) {
        super.set(Double.isNaN(value) ? min : Math.max(min, Math.min(max, value)));
    }
}
