package org.jsi4j.host;

import java.util.Objects;
import org.jsi4j.HostFunction;

/** One member of a {@link NativeModule}: a function, a property or a constant. */
sealed interface Member {
    /** The member's name in JavaScript. */
    String name();

    /**
     * A function.
     *
     * @param length the function's {@code length}
     * @param body what runs when JavaScript calls it
     */
    record Function(String name, int length, HostFunction body) implements Member {
        public Function {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(body, "body");
        }
    }

    /**
     * A property read (and optionally written) through Java.
     *
     * @param getter called with no argument, returns the value
     * @param setter called with the new value as the one argument; {@code null} for a read-only property
     */
    record Property(String name, HostFunction getter, HostFunction setter) implements Member {
        public Property {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(getter, "getter");
        }
    }

    /**
     * A constant, converted with {@link TypeMapping#toJs} on first read in each runtime.
     *
     * @param value the Java value
     */
    record Constant(String name, Object value) implements Member {
        public Constant {
            Objects.requireNonNull(name, "name");
        }
    }
}
