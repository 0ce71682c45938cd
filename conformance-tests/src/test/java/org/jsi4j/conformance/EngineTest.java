package org.jsi4j.conformance;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A conformance test: it runs once per engine on the class path (or per engine named in the
 * {@code jsi.conformance.engines} system property), shown as {@code [rhino] testName}. Its
 * parameters may be a fresh {@link org.jsi4j.JsRuntime} (created on the test thread with
 * {@link org.jsi4j.RuntimeOptions#defaults()}, closed after the test), the engine's shared
 * {@link org.jsi4j.JsRuntimeFactory}, its {@link org.jsi4j.EngineInfo} or its
 * {@link org.jsi4j.Capabilities}. The test class must carry {@link Area}.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(EngineExtension.class)
public @interface EngineTest {
}
