package org.jsi4j.conformance;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The area of the conformance matrix a test class belongs to: {@code values}, {@code objects},
 * {@code functions}, {@code host-functions}, {@code host-objects}, {@code errors},
 * {@code references}, {@code threads}, {@code async}, {@code scripts}, {@code limits},
 * {@code snapshots}, {@code sandbox} or {@code modules}. Required on every class with {@link EngineTest} methods.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface Area {
    /** The area's name as the matrix shows it. */
    String value();
}
