package org.jsi4j.conformance;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsi4j.Capabilities;
import org.jsi4j.EngineInfo;
import org.jsi4j.EsFeature;
import org.jsi4j.JsEngines;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsRuntimeFactory;
import org.jsi4j.RuntimeOptions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * Runs each {@link EngineTest} once per engine: the engines {@link JsEngines#ids()} finds,
 * narrowed by the {@value #ENGINES_PROPERTY} system property (a comma list) when it is set.
 */
public final class EngineExtension implements TestTemplateInvocationContextProvider {
    /** The system property that narrows the run to some engines, e.g. {@code rhino,graal}. */
    public static final String ENGINES_PROPERTY = "jsi.conformance.engines";

    private static final Pattern DISPLAY_NAME = Pattern.compile("^\\[([^\\]]+)] (.+)$");

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod().map(m -> AnnotationSupport.isAnnotated(m, EngineTest.class)).orElse(false);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        String testName = context.getRequiredTestMethod().getName();
        return engineIds().stream().map(id -> new Invocation(id, testName));
    }

    /**
     * The engines to run: every engine found, or those named by {@value #ENGINES_PROPERTY}.
     *
     * @throws IllegalStateException when none is found or a named engine is missing
     */
    public static List<String> engineIds() {
        List<String> found = JsEngines.ids();
        if (found.isEmpty()) {
            throw new IllegalStateException("No JavaScript engine on the test class path: add a backend"
                    + " (runtime-rhino, runtime-graal, runtime-v8 or your own JsEngineProvider) as a test dependency");
        }
        String wanted = System.getProperty(ENGINES_PROPERTY);
        if (wanted == null || wanted.isBlank()) return found;
        Set<String> ids = new LinkedHashSet<>();
        for (String id : wanted.split(",")) {
            if (id.isBlank()) continue;
            if (!found.contains(id.trim())) {
                throw new IllegalStateException(ENGINES_PROPERTY + " names engine '" + id.trim()
                        + "', which is not on the class path; engines found: " + String.join(", ", found));
            }
            ids.add(id.trim());
        }
        if (ids.isEmpty()) throw new IllegalStateException(ENGINES_PROPERTY + " is set but names no engine: '" + wanted + "'");
        return new ArrayList<>(ids);
    }

    /** The display name of one invocation: {@code [engine] test}. */
    static String displayName(String engineId, String testName) {
        return "[" + engineId + "] " + testName;
    }

    /** The engine id of an invocation's display name, if it is one. */
    static Optional<String> engineOf(String displayName) {
        Matcher m = DISPLAY_NAME.matcher(displayName);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** One engine's run of a test: its name, the runtime's lifetime, the feature check. */
    private record Invocation(String engineId, String testName) implements TestTemplateInvocationContext {
        @Override
        public String getDisplayName(int invocationIndex) {
            return displayName(engineId, testName);
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(new EngineResources(engineId));
        }
    }

    /**
     * Checks {@link Area} and {@link RequiresFeature}, resolves parameters, closes the runtime, and
     * holds a test listed in {@link KnownDeviations} to its listed failure.
     */
    private static final class EngineResources
            implements BeforeEachCallback, AfterEachCallback, ParameterResolver, InvocationInterceptor {
        private final String engineId;
        private JsRuntime runtime;
        /** Whether the test runs on a transpiling runtime ({@link RequiresFeature#transpilable()}). */
        private boolean transpile;

        EngineResources(String engineId) {
            this.engineId = engineId;
        }

        private JsRuntimeFactory factory() {
            return JsEngines.factory(engineId);
        }

        @Override
        public void beforeEach(ExtensionContext context) {
            Class<?> testClass = context.getRequiredTestClass();
            if (AnnotationSupport.findAnnotation(testClass, Area.class).isEmpty()) {
                throw new IllegalStateException(testClass.getName() + " has @EngineTest methods but no @Area;"
                        + " annotate it with the matrix area it belongs to, e.g. @Area(\"values\")");
            }
            Capabilities caps = factory().capabilities();
            List<RequiresFeature> needs = new ArrayList<>();
            AnnotationSupport.findAnnotation(testClass, RequiresFeature.class).ifPresent(needs::add);
            AnnotationSupport.findAnnotation(context.getRequiredTestMethod(), RequiresFeature.class).ifPresent(needs::add);
            transpile = false;
            for (RequiresFeature need : needs) {
                for (EsFeature feature : need.value()) {
                    if (!caps.has(feature) && need.transpilable()) {
                        transpile = true;
                        continue;
                    }
                    Assumptions.assumeTrue(caps.has(feature), () -> "engine '" + engineId
                            + "' declares no support for ES feature " + feature + " in its capabilities()");
                }
            }
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            Class<?> type = parameter.getParameter().getType();
            return type == JsRuntime.class || type == JsRuntimeFactory.class || type == EngineInfo.class
                    || type == Capabilities.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            Class<?> type = parameter.getParameter().getType();
            if (type == JsRuntimeFactory.class) return factory();
            if (type == EngineInfo.class) return factory().engine();
            if (type == Capabilities.class) return factory().capabilities();
            if (type == JsRuntime.class) {
                if (runtime == null) runtime = factory().create(RuntimeOptions.defaults().withTranspile(transpile));
                return runtime;
            }
            throw new ParameterResolutionException("cannot resolve " + parameter.getParameter());
        }

        @Override
        public void interceptTestTemplateMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                                                ExtensionContext context) throws Throwable {
            Area area = context.getRequiredTestClass().getAnnotation(Area.class);
            String test = context.getRequiredTestMethod().getName();
            Optional<String> known = area == null ? Optional.empty() : KnownDeviations.reason(engineId, area.value(), test);
            if (known.isEmpty()) {
                invocation.proceed();
                return;
            }
            try {
                invocation.proceed();
            } catch (TestAbortedException skipped) {
                throw skipped;
            } catch (Throwable failure) {
                throw new KnownDeviations.ExpectedFailure(known.get(), failure);
            }
            throw new AssertionFailedError("[" + engineId + "] " + area.value() + "/" + test + " passes now but is listed in "
                    + KnownDeviations.RESOURCE + " as a known deviation: remove its line");
        }

        @Override
        public void afterEach(ExtensionContext context) {
            JsRuntime rt = runtime;
            runtime = null;
            if (rt != null && !rt.isClosed()) rt.close();
        }
    }
}
