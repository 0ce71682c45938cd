package org.jsi4j.esm;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.jsi4j.JsError;
import org.jsi4j.JsErrorType;
import org.jsi4j.JsException;
import org.jsi4j.JsFunction;
import org.jsi4j.JsObject;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsString;
import org.jsi4j.JsSyntaxError;
import org.jsi4j.JsValue;
import org.jsi4j.modules.JsModules;
import org.jsi4j.modules.ModuleKind;
import org.jsi4j.modules.ModuleLoader;
import org.jsi4j.modules.ModuleResolutionException;
import org.jsi4j.modules.ResolveMode;
import org.jsi4j.modules.ResolvedModule;
import org.jsi4j.spi.NativeModules;

/**
 * The module system of one runtime, the same on every engine: resolution, loading, CommonJS, JSON
 * and host modules are done here. ES modules are the engine's own where it has them
 * ({@link NativeModules}: GraalJS, V8), linked through this class's resolver; elsewhere (Rhino) they
 * are translated ({@link SwcSources}) into functions evaluated as classic scripts and linked here.
 * Each module is evaluated once. See docs/modules.md.
 */
final class PortableModules implements JsModules {
    private final JsRuntime rt;
    private final ModuleLoader loader;
    private ModuleKernel kernel;
    private final Map<String, ModuleRecord> records = new HashMap<>();
    private final Map<String, Function<JsRuntime, JsObject>> hosts = new TreeMap<>();
    /** The engine's own ES modules, or null (translation). */
    private final NativeModules engine;
    /** Native ES modules by the name the engine knows them by. */
    final Map<String, ModuleRecord> byName = new HashMap<>();
    /** For an engine that finds imports by name (GraalJS), else null. */
    private final NamedLinking named;
    /** The one form this runtime's engine runs ES modules in. */
    private final EsmTranslator.Form form;

    PortableModules(JsRuntime rt) {
        this.rt = rt;
        this.loader = rt.options().modules();
        this.engine = Boolean.getBoolean("jsi4j.modules.translate") ? null : rt.nativeModules();
        this.named = engine != null && engine.importsByName() ? new NamedLinking(this, engine) : null;
        this.form = engine == null ? EsmTranslator.Form.TRANSLATED : named != null ? EsmTranslator.Form.NAMED : EsmTranslator.Form.NATIVE;
    }

    JsRuntime runtime() {
        return rt;
    }

    /** The JavaScript half, made on first use (defining host modules costs the runtime nothing). */
    private ModuleKernel kernel() {
        if (kernel == null) kernel = new ModuleKernel(rt);
        return kernel;
    }

    @Override
    public JsObject importModule(String specifier) {
        ModuleRecord record = unwrapping(() -> ready(load(resolve(specifier, null, ResolveMode.IMPORT))));
        if (record.evaluation != null) {
            JsObject rec = record.evaluation.get();
            if ("rejected".equals(rec.get("state").asString())) {
                try {
                    unwrapping(() -> kernel().rethrow.call(rec));
                } catch (RuntimeException e) {
                    RuntimeException failure = named == null ? e : named.linkError(e);
                    record.failure = failure;   // an errored module gives the same failure to every later import
                    throw failure;
                }
            }
        }
        return namespace(record);
    }

    @Override
    public JsValue require(String specifier) {
        return unwrapping(() -> value(ready(load(resolve(specifier, null, ResolveMode.REQUIRE)))));
    }

    @Override
    public JsFunction requireFunction() {
        return requireFrom(null);
    }

    @Override
    public boolean loadedAny() {
        return !records.isEmpty();
    }

    @Override
    public void defineHostModule(String name, Function<JsRuntime, JsObject> hostLoader) {
        if (name == null || name.isEmpty() || name.contains("/") || name.contains(":")) {
            throw new IllegalArgumentException("a host module name must be non-empty without '/' or ':', was '" + name + "'");
        }
        hosts.put(name, java.util.Objects.requireNonNull(hostLoader, "loader"));
    }

    // ---------------------------------------------------------------- resolution and loading

    private ResolvedModule resolve(String specifier, String referrer, ResolveMode mode) {
        if (specifier.startsWith("jsi:")) {
            String name = specifier.substring(4);
            if (!hosts.containsKey(name)) {
                throw new ModuleResolutionException("Cannot find host module '" + specifier + "'" + from(referrer)
                        + "; host modules defined: " + (hosts.isEmpty() ? "none" : String.join(", ", hosts.keySet())));
            }
            return ResolvedModule.host(name);
        }
        if (hosts.containsKey(specifier)) return ResolvedModule.host(specifier);
        return loader.resolve(specifier, referrer, mode);
    }

    /** What errors and stack traces name a module by: a file's path, else its id. */
    static String sourceName(String id) {
        if (!id.startsWith("file:")) return id;
        try {
            return java.nio.file.Path.of(java.net.URI.create(id)).toString();
        } catch (IllegalArgumentException e) {
            return id;
        }
    }

    private static String from(String referrer) {
        return referrer == null ? "" : " from " + referrer;
    }

    private ModuleRecord load(ResolvedModule module) {
        ModuleRecord record = records.get(module.id());
        if (record != null) {
            if (record.failure != null) throw record.failure;
            return record;
        }
        record = new ModuleRecord(module);
        records.put(module.id(), record);
        try {
            evaluate(record);
        } catch (RuntimeException e) {
            record.failure = e;
            throw e;
        }
        return record;
    }

    private void evaluate(ModuleRecord record) {
        ResolvedModule module = record.module;
        String id = module.id();
        switch (module.kind()) {
            case HOST -> {
                JsObject m = kernel().object();
                m.set("exports", hosts.get(id.substring(4)).apply(rt));
                record.commonJs = m.persist();
            }
            case JSON -> {
                JsObject m = kernel().object();
                m.set("exports", kernel().json.call(JsValue.of(loader.load(module))));
                record.commonJs = m.persist();
            }
            default -> {
                String where = sourceName(id);
                TranslatedModule code = SwcSources.translate(loader.load(module), where, module.kind(), form,
                        engine == null && kernel().constKeepsFirstValue);
                if (code.topLevelAwait() && !rt.capabilities().has(org.jsi4j.EsFeature.ASYNC_AWAIT) && !rt.options().transpile()) {
                    throw new JsSyntaxError("top-level await needs async functions, which the " + rt.engine().id()
                            + " engine does not have (RuntimeOptions.withTranspile(true), ./jsi run --transpile, lowers them)",
                            new org.jsi4j.SourceLocation(where, 1, 1));
                }
                if (code.esm() && engine != null) {
                    compileNative(record, code, where);
                    return;
                }
                JsFunction wrapper = rt.evaluate(code.code(), where).asFunction();
                if (code.esm()) evaluateEsm(record, code, wrapper);
                else evaluateCommonJs(record, wrapper);
            }
        }
        record.evaluated = true;
    }

    private void evaluateEsm(ModuleRecord record, TranslatedModule code, JsFunction wrapper) {
        String id = record.module.id();
        record.esm = true;
        JsObject exports = kernel().object();
        record.exports = exports.persist();
        JsObject scope = kernel().object();
        JsObject meta = kernel().object();
        meta.set("url", id);
        JsFunction importer = importerFor(id);
        JsFunction link = rt.function("link", 1, (r, self, args) -> {
            link(record, code.links(), scope, args.get(0).asObject());
            return JsValue.undefined();
        });
        JsFunction inner = wrapper.call(scope, exports, meta, importer, link).asFunction();
        JsValue evaluation = kernel().run.call(inner);
        if (evaluation instanceof JsObject rec) record.evaluation = rec.persist();
    }

    /** {@code import()} in the module {@code id}: a promise of the namespace, settled in a later job. */
    private JsFunction importerFor(String id) {
        return kernel().importer.call(rt.function("import", 1,
                (r, self, args) -> unwrapForJs(() -> namespaceWhenDone(load(resolve(text(args), id, ResolveMode.IMPORT)))))).asFunction();
    }

    // ---------------------------------------------------------------- the engine's own ES modules

    /** Compiles an ES module as the engine's own and loads its static dependencies (evaluated when first needed). */
    private void compileNative(ModuleRecord record, TranslatedModule code, String where) {
        String id = record.module.id();
        record.esm = true;
        record.nativeEsm = true;
        byName.put(where, record);
        if (named != null) {
            named.compile(record, code, where);
            return;
        }
        record.handle = engine.compile(code.code(), where);
        if (code.needsHost()) record.host = host(id, null);
        for (ModuleLink l : code.links()) interop(load(resolve(l.specifier(), id, ResolveMode.IMPORT)));
    }

    /**
     * The synthetic module giving a native ES module its {@code import.meta} and {@code import()}, and,
     * with {@code capture} (not null), a function {@code capture} to hand over its namespace.
     */
    Object host(String id, JsFunction capture) {
        JsObject host = kernel().object();
        JsObject meta = kernel().object();
        meta.set("url", id);
        host.set("meta", meta);
        host.set("load", importerFor(id));
        if (capture != null) host.set("capture", capture);
        return engine.synthetic(hostName(id), host);
    }

    static String hostName(String id) {
        return "jsi4j-host:" + id;
    }

    /** A synthetic module's name: no "//" in it, which a path would lose (GraalJS finds it as a path or a URI). */
    static String interopName(ModuleRecord dep) {
        return "jsi4j-interop:" + sourceName(dep.module.id());
    }

    /** A static dependency of the ES module {@code id}, loaded. */
    ModuleRecord dependency(String specifier, String id) {
        return interop(load(resolve(specifier, id, ResolveMode.IMPORT)));
    }

    /** A dependency of a native ES module: a CommonJS, JSON or host module becomes a synthetic module. */
    private ModuleRecord interop(ModuleRecord dep) {
        if (!dep.esm && dep.handle == null) dep.handle = engine.synthetic(interopName(dep), namespace(dep));
        return dep;
    }

    /** The module an import in a native ES module names: all were loaded by {@link #compileNative}. */
    private Object resolveNative(String specifier, String referrerName) {
        ModuleRecord from = byName.get(referrerName);
        if (specifier.equals(EsmTranslator.HOST_SPECIFIER)) return from.host;
        return load(resolve(specifier, from.module.id(), ResolveMode.IMPORT)).handle;
    }

    /**
     * A loaded module, evaluated if it is a native ES module not evaluated yet. Its namespace
     * ({@code exports}) stays null while the engine cannot give it yet (GraalJS, inside a running script).
     */
    private ModuleRecord ready(ModuleRecord record) {
        if (!record.nativeEsm || record.exports != null) return record;
        try {
            if (record.evaluation == null) {
                engine.link(record.handle, this::resolveNative);
                JsValue promise = engine.evaluate(record.handle);
                if (promise instanceof JsObject p) record.evaluation = kernel().track.call(p).asObject().persist();
            }
            JsObject ns = engine.namespace(record.handle);
            if (ns != null) record.exports = ns.persist();
        } catch (RuntimeException e) {
            record.failure = e;
            throw e;
        }
        return record;
    }

    /** The namespace of an ES module evaluated by the engine, which must have it by now. */
    private JsObject evaluated(ModuleRecord record) {
        if (record.exports != null) return record.exports.get();
        throw JsError.of(JsErrorType.TYPE_ERROR, "the ES module " + sourceName(record.module.id()) + " cannot be evaluated"
                + " synchronously here: " + rt.engine().id() + " evaluates an ES module first imported inside a running"
                + " script after that script returns (use import(), or import it from Java first)");
    }

    private void link(ModuleRecord record, List<ModuleLink> links, JsObject scope, JsObject getters) {
        JsObject exports = record.exports.get();
        kernel().exportAll.call(exports, getters);
        Map<String, JsObject> namespaces = new HashMap<>();
        for (ModuleLink l : links) {
            JsObject ns = namespaces.get(l.specifier());
            if (ns == null) {
                ns = namespace(load(resolve(l.specifier(), record.module.id(), ResolveMode.IMPORT)));
                namespaces.put(l.specifier(), ns);
            }
            switch (l.kind()) {
                case LOAD -> { }
                case STAR -> kernel().star.call(exports, ns);
                case IMPORT, REEXPORT -> {
                    JsObject target = l.kind() == ModuleLink.Kind.IMPORT ? scope : exports;
                    if (l.imported().equals(ModuleLink.NAMESPACE)) {
                        kernel().value.call(target, JsValue.of(l.local()), ns);
                    } else if (!kernel().bind.call(target, JsValue.of(l.local()), ns, JsValue.of(l.imported())).asBoolean()) {
                        throw new JsSyntaxError("The requested module '" + l.specifier()
                                + "' does not provide an export named '" + l.imported() + "'",
                                new org.jsi4j.SourceLocation(sourceName(record.module.id()), l.line(), l.column()));
                    }
                }
            }
        }
    }

    private void evaluateCommonJs(ModuleRecord record, JsFunction wrapper) {
        String id = record.module.id();
        JsObject module = kernel().object();
        JsObject exports = rt.newObject();
        module.set("exports", exports);
        module.set("id", id);
        record.commonJs = module.persist();
        int slash = id.lastIndexOf('/');
        wrapper.callWithThis(exports, exports, requireFrom(id), module, JsValue.of(id),
                JsValue.of(slash < 0 ? id : id.substring(0, slash)));
    }

    private JsFunction requireFrom(String referrer) {
        return rt.function("require", 1, (r, self, args) ->
                unwrapForJs(() -> value(ready(load(resolve(text(args), referrer, ResolveMode.REQUIRE))))));
    }

    private static String text(List<JsValue> args) {
        if (args.isEmpty() || !(args.get(0) instanceof JsString s)) {
            throw JsError.of(JsErrorType.TYPE_ERROR, "a module specifier must be a string, got "
                    + (args.isEmpty() ? "nothing" : args.get(0).toString()));
        }
        return s.value();
    }

    // ---------------------------------------------------------------- what a module gives

    private JsValue value(ModuleRecord record) {
        return record.esm ? (record.nativeEsm ? evaluated(record) : record.exports.get()) : record.commonJs.get().get("exports");
    }

    private JsObject namespace(ModuleRecord record) {
        if (record.esm) return record.nativeEsm ? evaluated(record) : record.exports.get();
        if (record.namespace != null) return record.namespace.get();
        JsObject ns = kernel().wrapCommonJs.call(record.commonJs.get().get("exports")).asObject();
        if (record.evaluated) record.namespace = ns.persist();
        return ns;
    }

    private JsValue namespaceWhenDone(ModuleRecord record) {
        ready(record);
        if (record.nativeEsm && record.exports == null) {
            // evaluated in a later job (GraalJS): the namespace once it is done
            JsFunction later = rt.function("namespace", 0, (r, self, args) -> namespace(ready(record)));
            return kernel().after.call(record.evaluation.get(), JsValue.undefined(), later);
        }
        JsObject ns = namespace(record);
        return record.evaluation == null ? ns : kernel().after.call(record.evaluation.get(), ns);
    }

    // ---------------------------------------------------------------- errors

    /** Inside JavaScript: a resolution failure or a syntax error becomes a JavaScript error there. */
    private static JsValue unwrapForJs(java.util.function.Supplier<JsValue> body) {
        try {
            return body.get();
        } catch (ModuleResolutionException e) {
            throw JsError.of(JsErrorType.ERROR, e.getMessage());
        } catch (JsSyntaxError e) {
            throw JsError.of(JsErrorType.SYNTAX_ERROR, e.getMessage());
        }
    }

    /** From Java: the resolution failure or syntax error that ended the import, rather than its JS wrapper. */
    private static <T> T unwrapping(java.util.function.Supplier<T> body) {
        try {
            return body.get();
        } catch (JsError e) {
            for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
                if (t instanceof ModuleResolutionException m) throw new ModuleResolutionException(m.getMessage());
                if (t instanceof JsSyntaxError s) throw s;
            }
            throw e;
        }
    }
}
