package org.jsi4j.rhino;

import java.io.Serializable;
import java.util.Objects;

/**
 * What a Rhino snapshot image writes in place of an object it must not copy: a named external, or
 * one of the standard objects (found again in the restoring runtime's own standard objects).
 */
sealed interface ImageToken extends Serializable {
    /** The host function or host object registered under {@code name}; {@code length} for a function. */
    record External(String name, boolean function, int length) implements ImageToken {
        public External {
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * A standard object, by the path that reaches it from the standard scope: each step is
     * {@code "p:key"} (a data property), {@code "g:key"} or {@code "s:key"} (an accessor's getter
     * or setter), or {@code "proto"}; a key {@code "@@name"} is the well-known symbol
     * {@code Symbol[name]}.
     */
    record Builtin(String[] path) implements ImageToken {
        public Builtin {
            path = path.clone();
        }
    }

    /**
     * A symbol key Rhino shares across runtimes: a well-known one ({@code Symbol.iterator}, as
     * {@code "@@iterator"}) or one registered with {@code Symbol.for(name)} (as {@code name}).
     */
    record SharedSymbol(String name, boolean registered) implements ImageToken {
        public SharedSymbol {
            Objects.requireNonNull(name, "name");
        }
    }
}
