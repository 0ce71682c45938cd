package org.jsi4j.v8;

import com.caoccao.javet.interop.V8Runtime;
import com.caoccao.javet.values.V8Value;
import com.caoccao.javet.values.reference.IV8ValueReference;
import com.caoccao.javet.values.reference.V8ValueReference;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;

/**
 * Moves a live Javet handle onto a new V8 handle, keeping the Java object. A V8 snapshot can
 * only be taken with no V8 global handle left, yet the jsi4j handles that Java code holds (a
 * scope's objects, references, symbols, prepared scripts) must stay valid across it: each is
 * closed before the snapshot and, afterwards, {@link #transplant transplanted} onto a fresh
 * handle to the same JavaScript value. This rewrites three fields of the pinned Javet version
 * (the handle, its runtime and its weak flag) and the runtime's reference map, found by
 * reflection; when they are missing (another Javet version), {@link #available()} is false.
 */
final class V8Handles {
    private static final Field HANDLE = field(V8ValueReference.class, "handle", long.class);
    private static final Field WEAK = field(V8ValueReference.class, "weak", boolean.class);
    private static final Field RUNTIME = field(V8Value.class, "v8Runtime", V8Runtime.class);
    private static final Field REFERENCE_MAP = field(V8Runtime.class, "referenceMap", Map.class);

    private V8Handles() {
    }

    /** Whether this Javet version lets handles be transplanted. */
    static boolean available() {
        return HANDLE != null && WEAK != null && RUNTIME != null && REFERENCE_MAP != null;
    }

    /** Every live handle of {@code rt}, as Javet counts them. */
    static List<IV8ValueReference> live(V8Runtime rt) throws ReflectiveOperationException {
        return List.copyOf(references(rt).values());
    }

    /**
     * Makes the closed {@code target} the owner of {@code fresh}'s V8 handle (weak again when
     * {@code weak}); {@code fresh} is left closed without freeing the handle it gave away.
     */
    static void transplant(V8Runtime rt, V8ValueReference target, V8ValueReference fresh, boolean weak)
            throws ReflectiveOperationException, com.caoccao.javet.exceptions.JavetException {
        long handle = fresh.getHandle();
        HANDLE.setLong(fresh, 0L);
        RUNTIME.set(fresh, null);
        HANDLE.setLong(target, handle);
        RUNTIME.set(target, rt);
        WEAK.setBoolean(target, false);
        references(rt).put(handle, target);
        if (weak) target.setWeak();
    }

    @SuppressWarnings("unchecked")
    private static Map<Long, IV8ValueReference> references(V8Runtime rt) throws ReflectiveOperationException {
        return (Map<Long, IV8ValueReference>) REFERENCE_MAP.get(rt);
    }

    private static Field field(Class<?> owner, String name, Class<?> type) {
        try {
            Field f = owner.getDeclaredField(name);
            if (f.getType() != type) return null;
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
