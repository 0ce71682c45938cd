package org.jsi4j.modules;

import java.util.Objects;

/**
 * A module a {@link ModuleLoader} found: its id (a URL such as {@code file:///app/lib/a.mjs},
 * {@code classpath:/app/a.mjs}, {@code memory:/a.mjs} or {@code jsi:storage}, which is also its
 * {@code import.meta.url}) and the kind of source it holds.
 *
 * @param id the module's unique id within its loader, a URL
 * @param kind how its source is evaluated
 */
public record ResolvedModule(String id, ModuleKind kind) {
    /** Checks the parts. */
    public ResolvedModule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
    }

    /** The host-object module {@code name}. */
    public static ResolvedModule host(String name) {
        return new ResolvedModule("jsi:" + name, ModuleKind.HOST);
    }
}
