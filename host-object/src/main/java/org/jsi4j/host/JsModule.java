package org.jsi4j.host;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class as a native module that scripts load with {@code require(name)}. Its public
 * methods marked {@link JsMethod} become functions, and members marked {@link JsProperty} become
 * properties (a getter, optionally with a setter) or constants (a final field).
 * <pre>{@code
 * @JsModule("storage")
 * public final class StorageModule implements ModuleProvider {
 *     @JsMethod public Optional<String> get(String key) { ... }
 *     @JsProperty public int getSize() { ... }
 *     @JsProperty public static final int MAX_KEYS = 1000;
 * }
 * }</pre>
 * The class is bound once ({@link NativeModule#of(Object)}) and works on every engine.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface JsModule {
    /** The name {@code require} finds the module by. */
    String value();
}
