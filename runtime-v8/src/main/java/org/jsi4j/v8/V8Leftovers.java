package org.jsi4j.v8;

import com.caoccao.javet.interop.V8Runtime;
import com.caoccao.javet.values.reference.IV8ValueReference;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a V8 runtime still held when it closed, counted after jsi4j released everything it made and
 * just before the isolate went: Javet's handles to V8 values (weak ones included) and its callback
 * contexts (Java code V8 can still call). Both are 0 unless jsi4j leaked something, which is then
 * logged as a warning on {@code org.jsi4j.v8} naming the kinds of handle left (Javet's own
 * "not recycled" report follows it).
 *
 * @param references handles to V8 values still open, weak ones included
 * @param callbackContexts callback contexts still registered
 * @param kinds how many handles of each Javet class were left (empty when none, or when they
 *     could not be listed)
 */
record V8Leftovers(int references, int callbackContexts, Map<String, Integer> kinds) {
    /** Nothing left. */
    static final V8Leftovers NONE = new V8Leftovers(0, 0, Map.of());
    private static final System.Logger LOG = System.getLogger("org.jsi4j.v8");

    V8Leftovers {
        kinds = Map.copyOf(kinds);
    }

    /** What {@code rt} still holds; logs a warning when that is anything. */
    static V8Leftovers of(V8Runtime rt) {
        int references = rt.getReferenceCount();
        int contexts = rt.getCallbackContextCount();
        if (references == 0 && contexts == 0) return NONE;
        Map<String, Integer> kinds = new TreeMap<>();
        try {
            for (IV8ValueReference r : V8Handles.live(rt)) kinds.merge(r.getClass().getSimpleName(), 1, Integer::sum);
        } catch (ReflectiveOperationException e) {
            // another Javet version: the counts alone
        }
        V8Leftovers left = new V8Leftovers(references, contexts, kinds);
        LOG.log(System.Logger.Level.WARNING, left::toString);
        return left;
    }

    /** Whether nothing was left. */
    boolean none() {
        return references == 0 && callbackContexts == 0;
    }

    @Override
    public String toString() {
        return "A V8 runtime closed with " + references + " V8 handle(s) " + kinds + " and " + callbackContexts
                + " callback context(s) that jsi4j did not release (a jsi4j bug: please report it)";
    }
}
