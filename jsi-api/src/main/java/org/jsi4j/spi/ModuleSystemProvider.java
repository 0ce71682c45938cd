package org.jsi4j.spi;

import org.jsi4j.JsRuntime;
import org.jsi4j.modules.JsModules;

/**
 * Makes the module system of a runtime ({@link JsRuntime#modules()}). Found with
 * {@link java.util.ServiceLoader}: list an implementation in
 * {@code META-INF/services/org.jsi4j.spi.ModuleSystemProvider} (the {@code jsi-modules} artifact does).
 */
public interface ModuleSystemProvider {
    /** The module system of {@code runtime}, made on its owner thread when first asked for. */
    JsModules create(JsRuntime runtime);
}
