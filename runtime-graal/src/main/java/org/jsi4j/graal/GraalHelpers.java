package org.jsi4j.graal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.Proxy;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.jsi4j.spi.StoppableBuiltins;

/**
 * jsi4j's JavaScript helpers in one context ({@code helpers.js}), held only here: a script never
 * sees them, and they captured every builtin they use before any script ran. Also the Java-side
 * markers that the helpers tag values with (see the file's header): {@link #UNDEFINED},
 * {@link #GLOBAL} and {@link BigTag}.
 */
final class GraalHelpers {
    /** A marker the guest hands to Java and Java recognises with one {@code isProxyObject()} check. */
    static final class Marker implements Proxy {
        private final String name;

        private Marker(String name) {
            this.name = name;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Stands for JavaScript's undefined in values the helpers tagged. */
    static final Marker UNDEFINED = new Marker("undefined");
    /** Stands for the global object as {@code this} of a host function. */
    static final Marker GLOBAL = new Marker("globalThis");

    /** A BigInt the helpers tagged. */
    record BigTag(BigInteger value) implements Proxy {
    }

    private static final ProxyExecutable BIG_TAG = args -> new BigTag(args[0].asBigInteger());
    /** The name of jsi4j's own script, whose frames a stack-depth limit does not count ({@link GraalDepth}). */
    static final String SOURCE_NAME = "jsi4j:helpers.js";
    /** Shared by every context of every engine: the engine caches its parsed code. */
    private static final Source SOURCE = Source.newBuilder("js", read(), SOURCE_NAME).cached(true).internal(true).buildLiteral(); // internal: no stack frames of its own

    final Value undefined, hostObject, hostTarget, hostFunction, thrower, get, set, has, delete, keys, call, construct,
            instanceOf, same, newObject, newArray, newArrayBuffer, newSymbol, newBigInt, kind, weak, deref,
            symbolDescription, errorInfo, rangeError, tag, global, caller, hostFunctionOf, nullValue;


    /**
     * {@link StoppableBuiltins}, shared the same way. Internal: GraalJS prints an internal function
     * as native code (in {@code toString} and in messages such as "... is not a constructor") and
     * leaves it out of stack traces, and still polls for a stop in it.
     */
    private static final Source STOPPABLE = Source.newBuilder("js", StoppableBuiltins.SOURCE, StoppableBuiltins.SOURCE_NAME)
            .cached(true).internal(true).buildLiteral();

    GraalHelpers(Context context) {
        Value h = context.eval(SOURCE).execute(UNDEFINED, GLOBAL, BIG_TAG);
        context.eval(STOPPABLE).executeVoid(true, true);
        undefined = h.getArrayElement(0);
        hostObject = h.getArrayElement(1);
        hostTarget = h.getArrayElement(2);
        hostFunction = h.getArrayElement(3);
        thrower = h.getArrayElement(4);
        get = h.getArrayElement(5);
        set = h.getArrayElement(6);
        has = h.getArrayElement(7);
        delete = h.getArrayElement(8);
        keys = h.getArrayElement(9);
        call = h.getArrayElement(10);
        construct = h.getArrayElement(11);
        instanceOf = h.getArrayElement(12);
        same = h.getArrayElement(13);
        newObject = h.getArrayElement(14);
        newArray = h.getArrayElement(15);
        newArrayBuffer = h.getArrayElement(16);
        newSymbol = h.getArrayElement(17);
        newBigInt = h.getArrayElement(18);
        kind = h.getArrayElement(19);
        weak = h.getArrayElement(20);
        deref = h.getArrayElement(21);
        symbolDescription = h.getArrayElement(22);
        errorInfo = h.getArrayElement(23);
        rangeError = h.getArrayElement(24);
        tag = h.getArrayElement(25);
        global = h.getArrayElement(26);
        caller = h.getArrayElement(27);
        hostFunctionOf = h.getArrayElement(28);
        nullValue = h.getArrayElement(29);
    }

    private static String read() {
        try (InputStream in = GraalHelpers.class.getResourceAsStream("helpers.js")) {
            if (in == null) throw new IllegalStateException("helpers.js is missing from the runtime-graal jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read helpers.js from the runtime-graal jar", e);
        }
    }
}
