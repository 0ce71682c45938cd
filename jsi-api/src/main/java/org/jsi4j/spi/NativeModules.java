package org.jsi4j.spi;

import org.jsi4j.JsObject;
import org.jsi4j.JsValue;

/**
 * An engine's own ES module records, for a module system ({@link ModuleSystemProvider}): the module
 * system resolves and loads sources itself and hands the engine compiled modules and the answers of
 * its resolver, so resolution and its errors stay the same on every engine. Reached through
 * {@link org.jsi4j.JsRuntime#nativeModules()}, which runs each call as an entry (time limit,
 * interrupt, microtasks afterwards). Module handles are engine objects, valid until the runtime closes.
 */
public interface NativeModules {
    /**
     * Compiles {@code source} as an ES module that errors and stack traces name {@code name}.
     *
     * @throws org.jsi4j.JsSyntaxError when it does not parse
     */
    Object compile(String source, String name);

    /** A synthetic module named {@code name} exporting the own enumerable properties of {@code exports}, read now. */
    Object synthetic(String name, JsObject exports);

    /**
     * Links {@code module} and every module it imports that is not linked yet, asking {@code resolver}
     * for the module each import names; an exception the resolver throws ends the link and is thrown here.
     *
     * @throws org.jsi4j.JsSyntaxError when an import names an export its module does not have
     */
    void link(Object module, Resolver resolver);

    /**
     * Evaluates a linked module (once; later calls give the same result): the promise of its completion
     * (on GraalJS, which links here, fulfilled with the namespace, rejected by a link error too).
     */
    JsValue evaluate(Object module);

    /**
     * The module namespace object of a linked module, or null while the engine cannot give it yet
     * (GraalJS: a module evaluated from inside a running script is linked in a later promise job).
     */
    JsObject namespace(Object module);

    /**
     * Whether the engine finds the module an import names by the name it was compiled under, instead
     * of asking {@link #link}'s resolver (GraalJS: it reads imports through its file system). The module
     * system then writes each static import specifier of a source given to {@link #compile} as the name
     * of the module it resolves to, and its names are specifiers GraalJS resolves to themselves: an
     * absolute path, or a URI with a scheme other than {@code file}. False by default (V8).
     */
    default boolean importsByName() {
        return false;
    }

    /**
     * For an engine that {@link #importsByName() imports by name}: a specifier of exactly {@code width}
     * characters that imports the module compiled as {@code name}, so that writing it in place of the
     * specifier a source had moves no column; {@code name} itself when the engine has none that short.
     */
    default String specifier(String name, int width) {
        return name;
    }

    /** Which module an import names. */
    @FunctionalInterface
    interface Resolver {
        /** The handle of the module {@code specifier} names in the module called {@code referrerName}. */
        Object resolve(String specifier, String referrerName);
    }
}
