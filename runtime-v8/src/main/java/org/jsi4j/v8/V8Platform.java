package org.jsi4j.v8;

import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.interop.V8Host;
import com.caoccao.javet.interop.V8Runtime;
import com.caoccao.javet.interop.options.V8Flags;
import com.caoccao.javet.interop.options.V8RuntimeOptions;
import java.util.logging.Logger;
import org.jsi4j.JsEngineException;
import org.jsi4j.spi.SystemLoggerHandler;

/**
 * The per-JVM side of V8: the flags (sloppy mode by default, a stack size that fits a JVM thread,
 * a sealed read-only heap), sealed before the first isolate exists, and the native library, loaded
 * once and quietly. An application that sets Javet's flags itself before jsi4j's first runtime
 * should include {@code --stack-size} and {@value #SEALED_READ_ONLY_HEAP}.
 *
 * <p>Two flavours of Javet's native library exist per platform: plain, and i18n (with ICU:
 * {@code Intl}, RegExp {@code \p{…}}, locale-aware {@code toLocaleString}). The i18n one is used
 * when it is on the class path ({@code javet-v8-<os>-<arch>-i18n}); it needs the ICU data file
 * named by {@value V8IcuData#PROPERTY} ({@link V8IcuData}).
 */
final class V8Platform {
    /** Javet's own loggers (java.util.logging): passed to jsi4j's System.Logger {@code org.jsi4j.v8.javet}. */
    private static final Logger JAVET_LOGGER = Logger.getLogger("com.caoccao.javet");

    /**
     * V8's stack limit in KB ({@code --stack-size}), for the whole process. V8 places the limit
     * this far below the top of each thread's stack, so a runtime's owner thread needs a stack this
     * large plus {@link V8Limits#STACK_SLACK}; a smaller one is refused (see {@link V8Limits}).
     */
    static final int STACK_SIZE_KB = Integer.getInteger("jsi.v8.stackSizeKb", 512);

    /**
     * The smallest {@link #STACK_SIZE_KB} accepted: below about 56 KB jsi4j's bootstrap overflows
     * V8's stack, and below about 10 KB V8 aborts the process while it reports that.
     */
    static final int MIN_STACK_SIZE_KB = 64;

    /**
     * V8 flag that keeps every isolate's read-only heap sealed and shared. Javet's V8 is built with
     * extensible read-only snapshots: an isolate that can take a snapshot (every jsi4j runtime made
     * for snapshotting or restored) and is the first of the process leaves the process-wide
     * read-only heap writable and inside its own heap; the isolates made beside it share that space,
     * and the first of them to close seals it (moving its pages out) under the others, which then
     * abort ({@code vector[] index out of bounds}) or crash. Its startup blobs also carried read-only
     * objects no other isolate of the process has, so restoring one beside any live runtime aborted.
     */
    static final String SEALED_READ_ONLY_HEAP = "--no-extensible-ro-snapshot";

    private static volatile V8Host host;
    /** The {@code v8.flags} V8 was loaded with ({@link V8Options#FLAGS}), guarded by the class. */
    private static String userFlags = "";
    /**
     * Only when the application sealed Javet's flags before jsi4j loaded, without
     * {@link #SEALED_READ_ONLY_HEAP}: a plain isolate kept open for the life of the JVM. The
     * process's read-only heap is then made (sealed) by it, not by a snapshotting isolate, and
     * never torn down while other isolates use it.
     */
    @SuppressWarnings("unused")
    private static V8Runtime anchor;

    private V8Platform() {
    }

    /** The V8 host, its flags set and its library loaded on first use. */
    static V8Host host() {
        V8Host h = host;
        if (h != null) return h;
        return host("");
    }

    /**
     * The V8 host, loaded with {@code flags} (from {@link V8Options#FLAGS}) if this is the first use.
     *
     * @throws IllegalStateException when V8 is already loaded with other flags
     */
    static synchronized V8Host host(String flags) {
        if (host == null) {
            userFlags = flags;
            host = load();
        } else if (!flags.isEmpty() && !flags.equals(userFlags)) {
            throw new IllegalStateException("V8's flags belong to the process and were fixed when V8 was first loaded ("
                    + (userFlags.isEmpty() ? "without v8.flags" : "v8.flags=" + userFlags) + "); this runtime asks for v8.flags="
                    + flags + ". Give v8.flags to the process's first V8 runtime, and the same to every later one.");
        }
        return host;
    }

    private static V8Host load() {
        if (STACK_SIZE_KB < MIN_STACK_SIZE_KB) {
            throw new IllegalStateException("-Djsi.v8.stackSizeKb=" + STACK_SIZE_KB + " is too small: a V8 runtime needs at least "
                    + MIN_STACK_SIZE_KB + " KB of stack to start (the default is 512); start the JVM with a larger value");
        }
        if (JAVET_LOGGER.getHandlers().length == 0) {
            JAVET_LOGGER.addHandler(new SystemLoggerHandler("org.jsi4j.v8.javet"));
            JAVET_LOGGER.setUseParentHandlers(false);
        }
        V8Flags flags = V8RuntimeOptions.V8_FLAGS;
        if (flags.isSealed() && !userFlags.isEmpty()) {
            throw new IllegalStateException("The application set Javet's V8 flags itself before jsi4j loaded V8, so"
                    + " v8.flags=" + userFlags + " cannot be applied; add them to the application's own flags instead");
        }
        if (!flags.isSealed()) {
            // Scripts run in sloppy mode unless they say "use strict", as in every other jsi4j engine.
            flags.setUseStrict(false);
            flags.setCustomFlags("--stack-size=" + STACK_SIZE_KB + " " + SEALED_READ_ONLY_HEAP
                    + (userFlags.isEmpty() ? "" : " " + userFlags));
        }
        boolean i18n = V8IcuData.nativeIsI18n();
        // without a data file the i18n library would crash the JVM while loading: refuse first
        if (i18n && !flags.isSealed()) {
            flags.setIcuDataFile(V8IcuData.file().toString());
        } else if (i18n && flags.getIcuDataFile() == null) {
            V8IcuData.file(); // the application sealed Javet's flags without one: say what to do
        }
        try {
            V8Host h = i18n ? V8Host.getV8I18nInstance() : V8Host.getV8Instance();
            if (!h.isLibraryLoaded()) {
                throw new JsEngineException("The Javet V8 native library did not load. jsi4j's V8 backend needs the"
                        + " javet-v8-<os>-<arch> jar of this platform (" + System.getProperty("os.name") + " "
                        + System.getProperty("os.arch") + ") on the class path: see runtime-v8/README.md.", null);
            }
            String custom = flags.getCustomFlags();
            if (custom == null || !custom.contains(SEALED_READ_ONLY_HEAP)) anchor = h.createV8Runtime();
            return h;
        } catch (JavetException e) {
            throw new JsEngineException("V8 could not create its first runtime: " + e.getMessage(), e);
        } catch (LinkageError e) {
            throw new JsEngineException("The Javet V8 native library could not be loaded (" + e
                    + "). Run the JVM with --enable-native-access=ALL-UNNAMED on Linux x86_64.", e);
        }
    }

    /** A new isolate with its own context; the caller owns and closes it. */
    static V8Runtime newRuntime() {
        return newRuntime(false, null, "");
    }

    /**
     * A new isolate that can take one native snapshot when {@code snapshottable}, started from
     * V8's startup blob {@code image} when it is not null.
     */
    static V8Runtime newRuntime(boolean snapshottable, byte[] image, String flags) {
        try {
            V8RuntimeOptions options = new V8RuntimeOptions();
            options.setCreateSnapshotEnabled(snapshottable);
            // Javet copies the blob; V8 reads the copy until the isolate closes.
            if (image != null) options.setSnapshotBlob(image);
            return host(flags).createV8Runtime(options);
        } catch (JavetException e) {
            throw new JsEngineException("V8 could not create a runtime: " + e.getMessage(), e);
        }
    }
}
