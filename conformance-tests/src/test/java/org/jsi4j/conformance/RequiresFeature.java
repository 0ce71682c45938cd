package org.jsi4j.conformance;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jsi4j.EsFeature;

/**
 * The ECMAScript features a test (or every test of a class) needs. On an engine whose
 * {@link org.jsi4j.Capabilities#esFeatures()} lacks one of them the test is skipped (aborted) with
 * a message naming the feature. This is the only way a conformance test may be skipped. With
 * {@link #transpilable()}, such an engine runs the test instead on a runtime made with
 * {@link org.jsi4j.RuntimeOptions#withTranspile(boolean)}, which must then pass it.
 */
@Documented
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface RequiresFeature {
    /** The features needed. */
    EsFeature[] value();

    /**
     * Whether the test's script, transpiled to ES5, keeps what the test checks: an engine lacking a
     * feature then runs it on a transpiling runtime (the {@code JsRuntime} parameter) rather than skipping it.
     */
    boolean transpilable() default false;
}
