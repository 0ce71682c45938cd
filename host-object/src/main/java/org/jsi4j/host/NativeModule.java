package org.jsi4j.host;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jsi4j.HostFunction;
import org.jsi4j.JsObject;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsValue;

/**
 * A native module, written once in Java and loaded into any engine: its functions, properties and
 * constants, bound to their Java implementation. Make one from a {@link JsModule}-annotated object
 * with {@link #of(Object)} (the class is read once and cached), or with {@link #builder(String)}.
 * {@link #load(JsRuntime)} gives its JavaScript object in a runtime (a {@link org.jsi4j.HostObject}),
 * and {@link ModuleRegistry} makes it available to {@code require}.
 * <pre>{@code
 * NativeModule math = NativeModule.builder("math")
 *         .function("twice", Integer.class, x -> 2 * x)
 *         .constant("PI", Math.PI)
 *         .build();
 * }</pre>
 * The Java objects behind a module are shared by every runtime it is loaded into; make them safe
 * to use from the threads of those runtimes.
 */
public final class NativeModule implements ModuleProvider {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_$@./:-]+");

    private final String name;
    private final Map<String, Member> members;

    NativeModule(String name, List<Member> members) {
        this.name = checkName(name);
        Map<String, Member> byName = new LinkedHashMap<>();
        for (Member m : members) {
            if (byName.putIfAbsent(m.name(), m) != null) {
                throw new IllegalArgumentException("module '" + name + "' has two members named '" + m.name() + "'");
            }
        }
        this.members = byName;
    }

    /**
     * The module an annotated object defines ({@link JsModule}, {@link JsMethod}, {@link JsProperty}).
     * A {@code NativeModule} is returned as it is. The class needs {@link JsModule} only to be found
     * by {@code require}: any object with public {@link JsMethod}/{@link JsProperty} members can be
     * exposed to script with {@code NativeModule.of(object).load(runtime)} (named after its class).
     *
     * @throws IllegalArgumentException when the class is not annotated, or a member cannot be bound
     *     (a parameter type with no JavaScript form, a setter without a getter, a non-final field)
     */
    public static NativeModule of(Object module) {
        Objects.requireNonNull(module, "module");
        if (module instanceof NativeModule m) return m;
        return ModuleBinder.module(module);
    }

    /** A builder for a module named {@code name}, for those who prefer code to annotations. */
    public static Builder builder(String name) {
        return new Builder(checkName(name));
    }

    @Override
    public String name() {
        return name;
    }

    /** The members' names, in the order {@code Object.keys} lists them (values first, then functions). */
    public List<String> memberNames() {
        List<String> names = new ArrayList<>();
        members.values().stream().filter(m -> !(m instanceof Member.Function)).forEach(m -> names.add(m.name()));
        members.values().stream().filter(m -> m instanceof Member.Function).forEach(m -> names.add(m.name()));
        return names;
    }

    /** A new JavaScript object for this module in {@code runtime}. */
    @Override
    public JsObject load(JsRuntime runtime) {
        return runtime.hostObject(new ModuleObject(this));
    }

    Map<String, Member> members() {
        return members;
    }

    @Override
    public String toString() {
        return "NativeModule[" + name + ": " + String.join(", ", members.keySet()) + "]";
    }

    static String checkName(String name) {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a module name: use letters, digits and _ $ @ . / : -");
        }
        return name;
    }

    /** Throws {@code t} as it is, checked or not, so a host call reports the original exception. */
    @SuppressWarnings("unchecked")
    static <T extends Throwable> RuntimeException sneaky(Throwable t) throws T {
        throw (T) t;
    }

    /** Builds a {@link NativeModule} from functions, properties and constants; arguments are converted by {@link TypeMapping}. */
    public static final class Builder {
        private final String name;
        private final List<Member> members = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        /** A function taking no argument. */
        public Builder function(String fn, Supplier<?> body) {
            Objects.requireNonNull(body, "body");
            return typed(fn, List.of(), a -> body.get());
        }

        /** A function taking one argument of type {@code a}. */
        public <A> Builder function(String fn, Class<A> a, Function<? super A, ?> body) {
            Objects.requireNonNull(body, "body");
            return typed(fn, List.of(a), args -> body.apply(cast(a, args[0])));
        }

        /** A function taking two arguments of types {@code a} and {@code b}. */
        public <A, B> Builder function(String fn, Class<A> a, Class<B> b, BiFunction<? super A, ? super B, ?> body) {
            Objects.requireNonNull(body, "body");
            return typed(fn, List.of(a, b), args -> body.apply(cast(a, args[0]), cast(b, args[1])));
        }

        /** A function working on JavaScript values directly, with {@code length} as its {@code length}. */
        public Builder function(String fn, int length, HostFunction body) {
            members.add(new Member.Function(fn, length, body));
            return this;
        }

        /** A read-only property whose value {@code getter} gives on each read. */
        public Builder property(String property, Supplier<?> getter) {
            Objects.requireNonNull(getter, "getter");
            members.add(new Member.Property(property, (rt, self, args) -> TypeMapping.toJs(rt, getter.get()), null));
            return this;
        }

        /** A read-write property of type {@code type}. */
        public <T> Builder property(String property, Class<T> type, Supplier<? extends T> getter, Consumer<? super T> setter) {
            Objects.requireNonNull(getter, "getter");
            Objects.requireNonNull(setter, "setter");
            Signature signature = new Signature(name + "." + property, List.of(new Signature.Parameter("value", type)));
            members.add(new Member.Property(property, (rt, self, args) -> TypeMapping.toJs(rt, getter.get()),
                    (rt, self, args) -> {
                        setter.accept(cast(type, signature.convert(rt, args)[0]));
                        return JsValue.undefined();
                    }));
            return this;
        }

        /** A constant; objects are converted once per runtime, so reads give the same object. */
        public Builder constant(String constant, Object value) {
            members.add(new Member.Constant(constant, value));
            return this;
        }

        /**
         * The module.
         *
         * @throws IllegalArgumentException when two members share a name or none was added
         */
        public NativeModule build() {
            if (members.isEmpty()) throw new IllegalArgumentException("module '" + name + "' has no member");
            return new NativeModule(name, members);
        }

        private Builder typed(String fn, List<Type> types, Function<Object[], Object> body) {
            List<Signature.Parameter> params = new ArrayList<>();
            for (int i = 0; i < types.size(); i++) params.add(new Signature.Parameter("arg" + (i + 1), types.get(i)));
            Signature signature = new Signature(name + "." + fn, params);
            members.add(new Member.Function(fn, signature.length(),
                    (rt, self, args) -> TypeMapping.toJs(rt, body.apply(signature.convert(rt, args)))));
            return this;
        }

        @SuppressWarnings("unchecked")
        private static <T> T cast(Class<T> type, Object value) {
            return (T) value;
        }
    }
}
