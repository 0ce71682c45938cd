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
 *
 * <p>Each runtime gets its own instance (made with the public no-argument constructor when the
 * module is discovered or bound by class), so no state is shared between runtimes and a callback a
 * script passed in never outlives its runtime; {@link ModuleProvider#close(org.jsi4j.JsRuntime)} is the
 * instance's hook for its runtime's end. {@code shared = true} asks for one instance in every
 * runtime instead: its methods are then called from several runtimes' threads.
 *
 * <p>Parameter names appear in error messages ({@code storage.set(): parameter 'key' ...}) when the
 * class is compiled with {@code -parameters}; without it they read {@code arg1}, {@code arg2}, ...
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface JsModule {
    /** The name {@code require} finds the module by. */
    String value();

    /** Whether one instance serves every runtime (default: one instance per runtime). */
    boolean shared() default false;
}
