package org.jsi4j.spi;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import org.jsi4j.JsValue;

/**
 * The arguments of one host call as the {@code List} a {@link org.jsi4j.HostFunction} receives: a
 * read-only view over the array a backend converted the engine's arguments into, with no copy.
 * The backend must not change the array while the callback can see the list.
 */
public final class HostArguments extends AbstractList<JsValue> implements RandomAccess {
    private static final HostArguments EMPTY = new HostArguments(new JsValue[0]);
    private final JsValue[] values;

    private HostArguments(JsValue[] values) {
        this.values = values;
    }

    /** A read-only list over {@code values} (not copied). */
    public static List<JsValue> of(JsValue[] values) {
        return Objects.requireNonNull(values, "values").length == 0 ? EMPTY : new HostArguments(values);
    }

    @Override
    public JsValue get(int index) {
        return values[index];
    }

    @Override
    public int size() {
        return values.length;
    }
}
