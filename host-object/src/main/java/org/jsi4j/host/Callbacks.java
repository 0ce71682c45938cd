package org.jsi4j.host;

import java.lang.ref.Cleaner;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.jsi4j.JsFunction;
import org.jsi4j.JsRef;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsScope;
import org.jsi4j.JsValue;

/**
 * JavaScript functions seen through Java functional interfaces ({@code Consumer<String>},
 * {@code Function<Integer, Integer>}, {@code Runnable}, your own). The function is kept alive
 * while the Java proxy is reachable; once the proxy is collected its reference is released on the
 * JS thread. Call the proxy on the runtime's thread (from elsewhere, go through
 * {@link JsRuntime#executor()}); a call from another thread throws
 * {@link WrongThreadException}.
 */
final class Callbacks {
    private static final Cleaner CLEANER = Cleaner.create();

    private Callbacks() {
    }

    /** True for an interface with exactly one abstract method that is not a collection type. */
    static boolean isFunctionalInterface(Class<?> type) {
        return type.isInterface() && !Collection.class.isAssignableFrom(type) && !Map.class.isAssignableFrom(type)
                && !type.isAnnotation() && samOf(type) != null;
    }

    /** {@code function} as an instance of {@code type}, a functional interface. */
    static Object proxy(JsRuntime runtime, JsFunction function, Class<?> type, Type declared, String where) {
        Method sam = samOf(type);
        JsRef<JsFunction> ref = runtime.persist(function);
        Type result = resolve(sam.getGenericReturnType(), type, declared);
        InvocationHandler handler = new Handler(runtime, ref, sam, result, where);
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
        CLEANER.register(proxy, new Release(runtime.executor(), ref));
        return proxy;
    }

    private static Method samOf(Class<?> type) {
        Method found = null;
        for (Method m : type.getMethods()) {
            if (!Modifier.isAbstract(m.getModifiers()) || isObjectMethod(m)) continue;
            if (found != null && !sameSignature(found, m)) return null;
            found = m;
        }
        return found;
    }

    private static boolean sameSignature(Method a, Method b) {
        return a.getName().equals(b.getName()) && java.util.Arrays.equals(a.getParameterTypes(), b.getParameterTypes());
    }

    private static boolean isObjectMethod(Method m) {
        try {
            Object.class.getMethod(m.getName(), m.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** A type variable of {@code owner} (e.g. {@code R} of {@code Function}) resolved against the declared type. */
    private static Type resolve(Type type, Class<?> owner, Type declared) {
        if (type instanceof TypeVariable<?> v && v.getGenericDeclaration() == owner) {
            TypeVariable<?>[] vars = owner.getTypeParameters();
            for (int i = 0; i < vars.length; i++) {
                if (vars[i].getName().equals(v.getName())) return org.jsi4j.interop.Types.argument(declared, i);
            }
        }
        return type;
    }

    /** Calls the JavaScript function for the interface's method. */
    private record Handler(JsRuntime runtime, JsRef<JsFunction> ref, Method sam, Type result, String where)
            implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "JavaScript function for " + sam.getDeclaringClass().getSimpleName() + " (" + where + ")";
                };
            }
            if (method.isDefault()) return InvocationHandler.invokeDefault(proxy, method, args);
            try (JsScope scope = runtime.openScope()) {
                List<JsValue> jsArgs = new ArrayList<>();
                if (args != null) for (Object a : args) jsArgs.add(TypeMapping.toJs(runtime, a));
                JsValue value = ref.get().call(jsArgs);
                Class<?> raw = org.jsi4j.interop.Types.raw(result);
                if (raw == void.class) return null;
                if (value.isNullish() && !raw.isPrimitive() && raw != java.util.Optional.class) return null;
                Object converted = TypeMapping.toJava(runtime, value, result, "the result of the callback for " + where);
                if (converted instanceof JsValue v && v instanceof org.jsi4j.JsObject && raw != Object.class) {
                    throw new IllegalStateException("the callback for " + where + " returned a JavaScript object handle,"
                            + " which is released when the call returns; declare a Java type for the result instead");
                }
                return converted;
            }
        }
    }

    /** Releases the function's reference on the JS thread once the proxy is unreachable. */
    private record Release(Executor jsThread, JsRef<JsFunction> ref) implements Runnable {
        @Override
        public void run() {
            jsThread.execute(ref::close);
        }
    }
}
