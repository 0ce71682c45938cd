package org.jsi4j.graal;

import java.util.HashMap;
import java.util.Map;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.jsi4j.JsObject;
import org.jsi4j.JsValue;
import org.jsi4j.spi.NativeModules;
import org.jsi4j.spi.ObjectKind;

/**
 * GraalJS's own ES modules. GraalJS has no resolver callback and no synthetic modules in its polyglot
 * API: it reads a module an import names through the context's polyglot {@code FileSystem}
 * ({@link GraalModuleFiles}), by the specifier as written. So the module system writes every import
 * specifier as the name of the module it resolved ({@link #importsByName()}), each compiled module's
 * text is served under its name, and a synthetic module is a generated module that takes its values
 * from a per-runtime registry module. A module is linked and evaluated by {@code import()}: its link
 * and evaluation run as promise jobs, which GraalJS runs when the outermost call into the context
 * returns, so {@link #namespace} is null until then.
 */
final class GraalNativeModules implements NativeModules {
    /**
     * The module synthetic modules take their values from; evaluated once per runtime. A script that
     * imports it gets only objects it can import anyway (the values of modules loaded so far).
     */
    static final String REGISTRY = "jsi4j-registry:synthetic";
    private static final Source REGISTRY_SOURCE = Source.newBuilder("js",
            "let take; export default function (id) { return take(id); }\n"
                    + "export function install(f) { if (take === undefined) take = f; }", REGISTRY)
            .mimeType("application/javascript+module").internal(true).buildLiteral();
    /** Imports a module by name and hands its namespace to Java once evaluated, without the script-visible {@code then}. */
    private static final Source IMPORTER = Source.newBuilder("js",
            "(function (name, done) { var p = import(name); (async function () { try { done(await p); } catch (e) { } })(); return p; })",
            "jsi4j:import").internal(true).buildLiteral();

    private final Context context;
    private final GraalModuleFiles files;
    private final GraalHelpers helpers;
    private final GraalLimits limits;
    private final GraalValues values;
    private Value importer;
    private final Map<Integer, Value> synthetic = new HashMap<>();
    private int nextSynthetic;

    /** A module: its name (its path in {@link GraalModuleFiles}) and, once evaluated, its namespace. */
    private static final class Module {
        final String name;
        Value namespace;

        Module(String name) {
            this.name = name;
        }
    }

    GraalNativeModules(Context context, GraalModuleFiles files, GraalHelpers helpers, GraalLimits limits, GraalValues values) {
        this.context = context;
        this.files = files;
        this.helpers = helpers;
        this.limits = limits;
        this.values = values;
    }

    @Override
    public boolean importsByName() {
        return true;
    }

    @Override
    public String specifier(String name, int width) {
        return files.alias(name, width);
    }

    /**
     * Imports a one-line module once, outside any entry: GraalJS loads its module classes on first use,
     * which on a busy machine can take longer than a short time limit gives the first import.
     */
    void warmUp() {
        start((Module) compile("export default 1;", "jsi4j-warm-up:module"));
    }

    /** The import helper and the registry, made on first use (a module that cannot fail, so evaluating it here is safe). */
    private void setUp() {
        if (importer != null) return;
        limits.guard(() -> {
            Value registry = context.eval(REGISTRY_SOURCE);
            registry.getMember("install").execute((ProxyExecutable) args -> {
                Value v = args.length == 1 && args[0].fitsInInt() ? synthetic.get(args[0].asInt()) : null;
                return v == null ? helpers.undefined : v;
            });
            importer = context.eval(IMPORTER);
            return null;
        });
    }

    /** Serves the module's text under {@code name}; GraalJS parses it when it is first imported. */
    @Override
    public Object compile(String source, String name) {
        setUp();
        files.put(name, source);
        return new Module(name);
    }

    @Override
    public Object synthetic(String name, JsObject exports) {
        setUp();
        Value object = (Value) values.toGuest(exports);
        Value keys = limits.exec(helpers.keys, object);
        int id = nextSynthetic++;
        StringBuilder text = new StringBuilder("import take from \"").append(REGISTRY).append("\";\nconst m = take(")
                .append(id).append(");\n");
        StringBuilder list = new StringBuilder();
        for (long i = 0; i < keys.getArraySize(); i++) {
            String exported = keys.getArrayElement(i).asString();
            if (!wellFormed(exported)) continue;   // not an export name ECMAScript allows
            String key = quote(exported);
            text.append("const v").append(i).append(" = m[").append(key).append("];\n");
            list.append(list.isEmpty() ? "" : ", ").append('v').append(i).append(" as ").append(key);
        }
        text.append("export { ").append(list).append(" };\n");
        synthetic.put(id, object);
        files.put(name, text.toString());
        return new Module(name);
    }

    /** GraalJS links a module when it evaluates it: nothing to do until {@link #evaluate}. */
    @Override
    public void link(Object module, Resolver resolver) {
    }

    @Override
    public JsValue evaluate(Object module) {
        return values.wrap(start((Module) module), ObjectKind.OBJECT);
    }

    /** Imports the module: the promise of its namespace, which is kept once there. */
    private Value start(Module m) {
        return limits.guard(() -> importer.execute(m.name, (ProxyExecutable) args -> {
            m.namespace = args[0];
            return helpers.undefined;
        }));
    }

    @Override
    public JsObject namespace(Object module) {
        Value ns = ((Module) module).namespace;
        return ns == null ? null : values.wrap(ns, ObjectKind.OBJECT);
    }

    private static boolean wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) i++;
            else if (Character.isSurrogate(c)) return false;
        }
        return true;
    }

    /** A string literal of {@code s}, every character escaped (keys are short; no character needs a case). */
    private static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() * 6 + 2).append('"');
        for (int i = 0; i < s.length(); i++) sb.append("\\u").append(String.format("%04x", (int) s.charAt(i)));
        return sb.append('"').toString();
    }
}
