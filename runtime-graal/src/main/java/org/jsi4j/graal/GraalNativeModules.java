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
    /** The module synthetic modules take their values from; evaluated once per runtime. */
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

    /** The import helper and the registry, made on first use (a module that cannot fail, so evaluating it here is safe). */
    private void setUp() {
        if (importer != null) return;
        limits.guard(() -> {
            Value registry = context.eval(REGISTRY_SOURCE);
            registry.getMember("install").execute((ProxyExecutable) args -> {
                Value v = synthetic.remove(args[0].asInt());   // each synthetic module takes its values once
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
            String key = quote(keys.getArrayElement(i).asString());
            text.append("const v").append(i).append(" = m[").append(key).append("];\n");
            list.append(i == 0 ? "" : ", ").append('v').append(i).append(" as ").append(key);
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
        Module m = (Module) module;
        Value promise = limits.guard(() -> importer.execute(m.name, (ProxyExecutable) args -> {
            m.namespace = args[0];
            return helpers.undefined;
        }));
        return values.wrap(promise, ObjectKind.OBJECT);
    }

    @Override
    public JsObject namespace(Object module) {
        Value ns = ((Module) module).namespace;
        return ns == null ? null : values.wrap(ns, ObjectKind.OBJECT);
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') sb.append('\\').append(c);
            else if (c < 0x20 || c == '\u2028' || c == '\u2029') sb.append(String.format("\\u%04x", (int) c));
            else sb.append(c);
        }
        return sb.append('"').toString();
    }
}
