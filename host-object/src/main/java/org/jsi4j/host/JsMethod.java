package org.jsi4j.host;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Exposes a public method of a {@link JsModule} class as a JavaScript function. Its parameters
 * and result are converted as {@link TypeMapping} describes; a parameter of type
 * {@link org.jsi4j.JsRuntime} receives the calling runtime and is not counted as an argument, and
 * trailing {@link java.util.Optional} parameters may be omitted by the caller. (Named
 * {@code JsMethod}, not {@code JsFunction}, so that it never clashes with
 * {@link org.jsi4j.JsFunction}.)
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface JsMethod {
    /** The function's name in JavaScript; the method's name when empty. */
    String value() default "";
}
