package org.jsi4j.host;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Exposes a property of a {@link JsModule} class. On a method with no argument and a result it
 * is a getter; on a {@code void} method with one argument, the setter of the getter of the same
 * name (a property with no setter is read-only, and writing it throws a {@code TypeError}); on a
 * {@code final} field, a constant. Without an explicit name, {@code getSize}/{@code isEmpty}/
 * {@code setSize} give {@code size}/{@code empty}/{@code size}, and a field keeps its own name.
 */
@Documented
@Target({ElementType.METHOD, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
public @interface JsProperty {
    /** The property's name in JavaScript; derived from the member's name when empty. */
    String value() default "";
}
