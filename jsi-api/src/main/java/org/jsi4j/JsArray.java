package org.jsi4j;

import java.util.ArrayList;
import java.util.List;

/** A handle to a JavaScript array. The rules of {@link JsObject} apply. */
public final class JsArray extends JsObject {
    JsArray(JsRuntime runtime, Object handle) {
        super(runtime, handle);
    }

    /** The array's {@code length}. */
    public int length() {
        return (int) get("length").asNumber();
    }

    /** Appends the values ({@code this.push(...values)}, by the engine's own {@code push}); returns the new length. */
    public int push(JsValue... values) {
        return push(java.util.Arrays.asList(values));
    }

    /** Appends the values ({@code this.push(...values)}); returns the new length. */
    public int push(List<? extends JsValue> values) {
        runtime.changing(this, "JsArray.push");
        return runtime.intrinsics().push(this, values);
    }

    /** The elements, read one by one into a new list (handles go into the current scope). */
    public List<JsValue> toList() {
        int n = length();
        List<JsValue> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(get(i));
        return out;
    }
}
