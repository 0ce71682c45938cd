package org.jsi4j.v8;

import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.interop.V8Internal;
import com.caoccao.javet.interop.V8Runtime;
import com.caoccao.javet.values.V8Value;
import com.caoccao.javet.values.primitive.V8ValueBoolean;
import com.caoccao.javet.values.primitive.V8ValueString;
import com.caoccao.javet.values.reference.IV8ValueObject;
import com.caoccao.javet.values.reference.V8ValueArray;
import com.caoccao.javet.values.reference.V8ValueObject;
import com.caoccao.javet.values.reference.V8ValueProxy;

/**
 * What a thrown value says about itself (name, message, stack, whether it is a SyntaxError), read
 * without running script-defined code unguarded:
 * <ul>
 *   <li>a Proxy is not inspected at all (its traps could throw, loop or be revoked);</li>
 *   <li>the prototype chain is walked from Java with V8's {@code GetPrototypeV2}, which runs no
 *       trap; a Proxy anywhere in it limits the reading to the value's own properties;</li>
 *   <li>the bridge's {@code errorInfo} helper reads only data properties (never a getter), with
 *       the intrinsics it captured before any script ran, inside a try/catch; the one accessor
 *       it calls is V8's own {@code stack} getter, and only when formatting the stack cannot reach
 *       script code (data {@code name} and {@code message}, no {@code Error.prepareStackTrace}).</li>
 * </ul>
 *
 * @param name the error's name, or {@code null} when the value is not an error
 * @param message the error's message, or the value described as text
 * @param stack V8's stack, or {@code null}
 * @param syntaxError whether the value is a {@code SyntaxError}
 * @param plain whether the value and its whole prototype chain are free of Proxies, so that
 *     looking a property up on it can run no trap
 */
record V8ThrownValue(String name, String message, String stack, boolean syntaxError, boolean plain) {
    /** How far up a prototype chain Java looks for a Proxy. */
    private static final int MAX_CHAIN = 64;

    static V8ThrownValue read(V8Runtime rt, V8Bridge bridge, V8Value v) {
        if (v instanceof V8ValueProxy) return new V8ThrownValue(null, "[object Proxy]", null, false, false);
        try {
            boolean walk = !(v instanceof V8ValueObject o) || !proxyInChain(rt.getV8Internal(), o);
            try (V8ValueArray info = bridge.helpers().invoke("errorInfo", v, rt.createV8ValueBoolean(walk))) {
                return new V8ThrownValue(text(info.get(0)), text(info.get(1)), text(info.get(2)),
                        info.get(3) instanceof V8ValueBoolean b && b.getValue(), walk);
            }
        } catch (JavetException | RuntimeException unreadable) {
            // the runtime is stopping or out of memory: say only that something was thrown
            return new V8ThrownValue(null, "(a value jsi4j could not read)", null, false, false);
        }
    }

    /** Whether a Proxy (or a chain too long to follow) sits in {@code start}'s prototype chain. */
    private static boolean proxyInChain(V8Internal internal, V8ValueObject start) throws JavetException {
        IV8ValueObject current = start;
        try {
            for (int i = 0; i < MAX_CHAIN; i++) {
                IV8ValueObject next;
                try {
                    next = internal.objectGetPrototype(current);
                } catch (ClassCastException end) {
                    return false;  // Javet casts V8's null prototype to an object: the chain ends
                }
                if (current != start) current.close();
                current = next;
                if (next instanceof V8ValueProxy) return true;
            }
            return true;
        } finally {
            if (current != start) current.close();
        }
    }

    private static String text(V8Value v) {
        return v instanceof V8ValueString s ? s.getValue() : null;
    }
}
