package org.jsi4j.graal;

import java.util.concurrent.atomic.AtomicBoolean;
import org.graalvm.polyglot.Engine;

/** Whether the Graal optimizing compiler runs GraalJS in this JVM, and saying so once when it does not. */
final class GraalJit {
    /** The compiler version the build puts on the upgrade module path; it needs the same JDK. */
    static final String COMPILER_VERSION = "25.0.3";
    static final String JIT = "optimizing JIT (Graal compiler)";
    static final String INTERPRETER = "interpreter only";

    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private GraalJit() {
    }

    /** True when Truffle found the Graal compiler (the fallback runtime calls itself "Interpreted"). */
    static boolean active(Engine engine) {
        return !"Interpreted".equalsIgnoreCase(engine.getImplementationName());
    }

    /**
     * Says once per JVM, as a {@code WARNING} of the System.Logger {@code org.jsi4j.graal}, that
     * GraalJS has no JIT and why (runtime-graal/README.md has the recipe).
     */
    static void warnOnceIfInterpreted(boolean active) {
        if (active || !WARNED.compareAndSet(false, true)) return;
        String jdk = System.getProperty("java.version");
        String why = jdk.equals(COMPILER_VERSION)
                ? "the JVM was started without --upgrade-module-path=<graal-jit dir> -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI"
                : "the Graal compiler " + COMPILER_VERSION + " needs JDK " + COMPILER_VERSION + " and this is JDK " + jdk;
        System.getLogger("org.jsi4j.graal").log(System.Logger.Level.WARNING,
                "GraalJS runs interpreter only (much slower): " + why + "; see runtime-graal/README.md.");
    }
}
