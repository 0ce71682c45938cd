package org.jsi4j.v8;

import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.interop.V8Host;
import com.caoccao.javet.interop.V8Runtime;
import com.caoccao.javet.interop.options.V8Flags;
import com.caoccao.javet.interop.options.V8RuntimeOptions;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jsi4j.JsEngineException;

/**
 * The per-JVM side of V8: the flags (sloppy mode by default, a stack size that fits a JVM thread),
 * sealed before the first isolate exists, and the native library, loaded once and quietly.
 */
final class V8Platform {
    /** Javet's own loggers: library-load messages go to java.util.logging, not the console. */
    private static final Logger JAVET_LOGGER = Logger.getLogger("com.caoccao.javet");

    /**
     * V8's stack limit in KB ({@code --stack-size}), for the whole process. V8 places the limit
     * this far below the top of each thread's stack, so a runtime's owner thread needs a stack this
     * large plus {@link V8Limits#STACK_SLACK}; a smaller one is refused (see {@link V8Limits}).
     */
    static final int STACK_SIZE_KB = Integer.getInteger("jsi.v8.stackSizeKb", 512);

    private static volatile V8Host host;

    private V8Platform() {
    }

    /** The V8 host, its flags set and its library loaded on first use. */
    static V8Host host() {
        V8Host h = host;
        if (h != null) return h;
        synchronized (V8Platform.class) {
            if (host == null) host = load();
            return host;
        }
    }

    private static V8Host load() {
        if (JAVET_LOGGER.getLevel() == null) JAVET_LOGGER.setLevel(Level.WARNING);
        V8Flags flags = V8RuntimeOptions.V8_FLAGS;
        if (!flags.isSealed()) {
            // Scripts run in sloppy mode unless they say "use strict", as in every other jsi4j engine.
            flags.setUseStrict(false);
            flags.setCustomFlags("--stack-size=" + STACK_SIZE_KB);
        }
        try {
            V8Host h = V8Host.getV8Instance();
            if (!h.isLibraryLoaded()) {
                throw new JsEngineException("The Javet V8 native library did not load. jsi4j's V8 backend needs"
                        + " Linux x86_64 and the javet-v8-linux-x86_64 jar on the class path.", null);
            }
            return h;
        } catch (LinkageError e) {
            throw new JsEngineException("The Javet V8 native library could not be loaded (" + e
                    + "). Run the JVM with --enable-native-access=ALL-UNNAMED on Linux x86_64.", e);
        }
    }

    /** A new isolate with its own context; the caller owns and closes it. */
    static V8Runtime newRuntime() {
        return newRuntime(false, null);
    }

    /**
     * A new isolate that can take one native snapshot when {@code snapshottable}, started from
     * V8's startup blob {@code image} when it is not null.
     */
    static V8Runtime newRuntime(boolean snapshottable, byte[] image) {
        try {
            V8RuntimeOptions options = new V8RuntimeOptions();
            options.setCreateSnapshotEnabled(snapshottable);
            if (image != null) options.setSnapshotBlob(image);
            return host().createV8Runtime(options);
        } catch (JavetException e) {
            throw new JsEngineException("V8 could not create a runtime: " + e.getMessage(), e);
        }
    }
}
