package org.jsi4j.v8;

import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.interop.callback.JavetCallbackType;
import com.caoccao.javet.interop.V8Runtime;
import com.caoccao.javet.interop.callback.IJavetDirectCallable;
import com.caoccao.javet.interop.callback.JavetCallbackContext;
import com.caoccao.javet.values.reference.V8ValueFunction;
import com.caoccao.javet.values.reference.V8ValueObject;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import org.jsi4j.JsError;
import org.jsi4j.JsErrorType;
import org.jsi4j.JsException;
import org.jsi4j.JsSyntaxError;
import org.jsi4j.JsTerminatedException;
import org.jsi4j.JsValue;
import org.jsi4j.RuntimeOptions;
import org.jsi4j.SourceLocation;

/**
 * {@link RuntimeOptions#statementLimit()} and {@link RuntimeOptions#maxStackDepth()} on V8, which
 * counts neither: every text V8 compiles for the runtime is rewritten first ({@link V8Instrument})
 * so that it counts itself. Made only for a runtime with one of the two limits; other runtimes have
 * none of this (no rewriting, no wrappers, nothing on the crossing).
 *
 * <p>The counts are two doubles in memory Java shares with V8 (a {@code Float64Array} over a direct
 * buffer: [0] the statements left in this entry, [1] the depth), reset by Java at each outermost
 * entry ({@link #restart()}, two stores). The setup script ({@link #PRELUDE}, run before any other
 * script) holds them, the stop function, the depth error and the eval wrappers in global lexical
 * bindings named with {@link V8Instrument#PREFIX} (not properties of the global object; source
 * naming the prefix is refused), declares {@code const eval} as the intrinsic eval so that direct
 * eval keeps working, and replaces {@code globalThis.eval} and the {@code Function},
 * {@code GeneratorFunction}, {@code AsyncFunction} and {@code AsyncGeneratorFunction} constructors
 * (the global and every {@code constructor} slot) with strict wrappers that rewrite the text and
 * evaluate it; no script ever holds the intrinsics. {@code WebAssembly} is removed (its code would
 * not be counted).
 */
final class V8Counting {
    private static final String PRELUDE = """
            const {c: $jsi4j_c, s: $jsi4j_s, d: $jsi4j_d, r: $jsi4j_r, w: $jsi4j_eval, e: eval} = (function (boot) {
              'use strict';
              const O = Object, define = O.defineProperty, proto = O.getPrototypeOf, Str = String;
              const RangeErr = RangeError, realEval = globalThis.eval, rewrite = boot.rewrite, maxDepth = boot.maxDepth;
              const counts = new Float64Array(boot.buffer);
              const checked = function (x) { return typeof x === 'string' ? rewrite(x, 1) : x; };
              const wrapper = {eval(x) { return realEval(checked(x)); }}.eval;
              const deep = function () {
                counts[1]--;
                throw new RangeErr('Maximum call stack size exceeded (RuntimeOptions.maxStackDepth = ' + maxDepth + ')');
              };
              const constructor = function (intrinsic, head) {
                const made = function (...args) {
                  let params = '';
                  for (let i = 0; i < args.length - 1; i++) params += (i > 0 ? ',' : '') + Str(args[i]);
                  const body = args.length > 0 ? Str(args[args.length - 1]) : '';
                  const fn = realEval(rewrite('(' + head + ' anonymous(' + params + '\\n) {\\n' + body + '\\n})', 2));
                  if (new.target !== undefined && new.target !== made) O.setPrototypeOf(fn, new.target.prototype);
                  return fn;
                };
                define(made, 'name', {value: intrinsic.name});
                define(made, 'length', {value: 1});
                define(made, 'prototype', {value: intrinsic.prototype});
                define(intrinsic.prototype, 'constructor', {value: made});
                return made;
              };
              define(globalThis, 'Function', {value: constructor(Function, 'function')});
              constructor(proto(function* () {}).constructor, 'function*');
              constructor(proto(async function () {}).constructor, 'async function');
              constructor(proto(async function* () {}).constructor, 'async function*');
              define(globalThis, 'eval', {value: wrapper});
              delete globalThis.WebAssembly;
              const hostStop = boot.stop, bareStop = boot.bareStop;
              const stop = function () {
                try { hostStop(); } catch (refused) { bareStop(); throw refused; }
              };
              return {c: counts, s: stop, d: deep, r: checked, w: wrapper, e: realEval};
            })(globalThis.$jsi4j_boot);
            delete globalThis.$jsi4j_boot;
            """;
    /**
     * Rewrites by kind, limits and text, shared by every runtime (least recently used out past
     * {@value #CACHE_CHARS} characters): swc4j's parse, which builds a Java tree of the whole text,
     * is most of the cost, and pools and restores compile the same libraries again and again.
     */
    private static final long CACHE_CHARS = 32L << 20;
    private static final LinkedHashMap<String, V8Instrument.Rewrite> CACHE = new LinkedHashMap<>(64, 0.75f, true);
    private static long cachedChars;

    private final long statementLimit;
    private final int maxDepth;
    private final ByteBuffer counts = ByteBuffer.allocateDirect(16).order(ByteOrder.nativeOrder());
    private final V8Positions positions = new V8Positions();

    private V8Counting(long statementLimit, int maxDepth) {
        this.statementLimit = statementLimit;
        this.maxDepth = maxDepth;
        restart();
    }

    /** For a runtime with a statement or depth limit, else {@code null}. */
    static V8Counting of(RuntimeOptions options) {
        if (options.statementLimit() <= 0 && options.maxStackDepth() <= 0) return null;
        return new V8Counting(options.statementLimit(), options.maxStackDepth());
    }

    /** Refuses the limits, clearly, when swc4j (which rewrites the scripts) is not on the class path. */
    static void checkAvailable(RuntimeOptions options) {
        try {
            Class.forName("com.caoccao.javet.swc4j.Swc4j", false, V8Counting.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("The v8 engine keeps statementLimit and maxStackDepth by rewriting each"
                    + " script with swc4j, which is not on the class path, so statementLimit=" + options.statementLimit()
                    + " and maxStackDepth=" + options.maxStackDepth() + " cannot be honoured: add com.caoccao.javet:swc4j"
                    + " and its native artifact for this platform (see docs/limits.md)");
        }
    }

    /**
     * Runs the setup script in {@code rt} (before any other script). The rewriting and the stop run
     * as host functions of the bridge. Where host calls are nested so deep that the bridge refuses
     * one more (a catchable {@code RangeError}, see {@link V8Callback#MAX_NESTING}), the setup's stop
     * falls back on a bare callback that only asks V8 to terminate.
     */
    void install(V8Runtime rt, V8Bridge bridge, V8Entry entry, V8CallbackContexts contexts) throws JavetException {
        try (V8ValueObject boot = rt.createV8ValueObject();
             V8ValueObject global = rt.getGlobalObject();
             V8ValueFunction rewrite = bridge.newFunction("rewrite", 2, (r, self, args) -> JsValue.of(atRunTime(
                     args.get(0).asString(), (int) args.get(1).asNumber())));
             V8ValueFunction stop = bridge.newFunction("stop", 0, (r, self, args) -> {
                 throw statementLimitHit();
             });
             V8ValueFunction bareStop = rt.createV8ValueFunction(contexts.track(new JavetCallbackContext("stop",
                     JavetCallbackType.DirectCallNoThisAndResult, (IJavetDirectCallable.NoThisAndResult<RuntimeException>) args -> {
                         boolean outer = entry.callbackStarts();
                         try {
                             entry.terminateFromCallback(statementLimitHit());
                         } finally {
                             entry.callbackEnds(outer);
                         }
                         return rt.createV8ValueUndefined();
                     })));
             var buffer = rt.createV8ValueArrayBuffer(counts)) {
            boot.set("bareStop", bareStop);
            boot.set("rewrite", rewrite);
            boot.set("stop", stop);
            boot.set("buffer", buffer);
            boot.set("maxDepth", maxDepth);
            global.set("$jsi4j_boot", boot);
            rt.getExecutor(PRELUDE).setResourceName("jsi4j:limits").executeVoid();
        }
    }

    /** A new outermost entry: the statement budget is full again and the depth 0. */
    void restart() {
        counts.putDouble(0, statementLimit > 0 ? statementLimit : Double.MAX_VALUE);
        counts.putDouble(8, 0);
    }

    private JsTerminatedException statementLimitHit() {
        return new JsTerminatedException(JsTerminatedException.Reason.STATEMENT_LIMIT, "The script executed more than "
                + statementLimit + " statements (RuntimeOptions.statementLimit) and was stopped. Raise the limit"
                + " or make the script do less. The runtime is still usable.", true);
    }

    /**
     * A script or module ({@code module}) that Java compiles, rewritten; its insertions are kept so that
     * error positions in {@code name} can be mapped back.
     *
     * @throws JsSyntaxError when the source does not parse or uses what the limits cannot keep
     */
    String compiled(String source, String name, boolean module) {
        try {
            V8Instrument.Rewrite r = rewrite(source, module ? V8Instrument.Kind.MODULE : V8Instrument.Kind.SCRIPT);
            positions.record(name, r.shifts(source));
            return r.code();
        } catch (V8Instrument.Rewrite.Refusal e) {
            throw new JsSyntaxError(e.getMessage(), new SourceLocation(name, e.line, e.column));
        }
    }

    /** Text given to eval (kind 1) or a Function constructor (kind 2) while a script runs, rewritten. */
    private String atRunTime(String text, int kind) {
        try {
            return rewrite(text, kind == 1 ? V8Instrument.Kind.EVAL : V8Instrument.Kind.FUNCTION).code();
        } catch (V8Instrument.Rewrite.Refusal e) {
            throw JsError.of(JsErrorType.SYNTAX_ERROR, e.getMessage()
                    + (e.line > 0 ? " (line " + e.line + ", column " + e.column + " of the code made from a string)" : ""));
        }
    }

    private V8Instrument.Rewrite rewrite(String text, V8Instrument.Kind kind) {
        String key = kind.ordinal() + ":" + (statementLimit > 0) + ":" + maxDepth + ":" + text;
        synchronized (CACHE) {
            V8Instrument.Rewrite hit = CACHE.get(key);
            if (hit != null) return hit;
        }
        V8Instrument.Rewrite made = V8Instrument.rewrite(text, kind, statementLimit > 0, maxDepth);
        synchronized (CACHE) {
            if (CACHE.put(key, made) == null) cachedChars += key.length() + made.code().length();
            var it = CACHE.entrySet().iterator();
            while (cachedChars > CACHE_CHARS && it.hasNext()) {
                var e = it.next();
                cachedChars -= e.getKey().length() + e.getValue().code().length();
                it.remove();
            }
        }
        return made;
    }

    /** {@code e} with its positions in rewritten scripts mapped back to the user's source. */
    JsException mapped(JsException e) {
        if (!(e instanceof JsError error) || error.isHostMade() || error.value() == null) return e;
        String stack = error.jsStack().orElse(null);
        String mappedStack = positions.map(stack);
        SourceLocation where = error.location().orElse(null);
        SourceLocation mappedWhere = positions.map(where);
        if (java.util.Objects.equals(stack, mappedStack) && java.util.Objects.equals(where, mappedWhere)) return e;
        JsError copy = new JsError(error.value(), error.name().orElse(null), error.jsMessage(), mappedStack, mappedWhere,
                error.getCause());
        copy.setStackTrace(error.getStackTrace());
        for (Throwable s : error.getSuppressed()) copy.addSuppressed(s);
        return copy;
    }
}
