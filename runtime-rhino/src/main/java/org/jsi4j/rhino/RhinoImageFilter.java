package org.jsi4j.rhino;

import java.io.ObjectInputFilter;
import java.lang.invoke.SerializedLambda;
import java.math.BigInteger;
import java.util.List;
import java.util.Set;

/**
 * The class filter of a Rhino image restore ({@link RhinoImage#read}): admits the classes of
 * {@link #admitted}, the object a token was just resolved to (which the JDK checks too), and no
 * array longer than the payload could fill; remembers what it refused. A crafted image (even one
 * with a valid tag) can make the JVM instantiate nothing else.
 */
final class RhinoImageFilter implements ObjectInputFilter {
    /** JDK classes a scope may contain. */
    private static final Set<Class<?>> JDK_ADMITTED = Set.of(Object.class, String.class, Boolean.class, Integer.class,
            Long.class, Double.class, Float.class, Short.class, Byte.class, Character.class, Number.class, Enum.class,
            BigInteger.class, SerializedLambda.class, java.util.ArrayList.class,
            java.util.HashMap.class, java.util.Map.Entry.class);

    /**
     * The only kinds of lambda a scope holds: the accessors of Rhino's built-in slots (a function's
     * {@code length} and {@code name}, an array's {@code length}). A serialized lambda is admitted
     * by the filter (its capturing class must pass it too), but once read it must be one of these
     * (RhinoImage's reader): an {@code Initializable} or any other lambda a crafted image
     * asks a Rhino class to make is refused.
     */
    private static final Set<String> SLOT_LAMBDAS = Set.of("org.mozilla.javascript.BuiltInSlot$Getter",
            "org.mozilla.javascript.BuiltInSlot$Setter", "org.mozilla.javascript.BuiltInSlot$AttributeSetter",
            "org.mozilla.javascript.BuiltInSlot$PropDescriptionSetter");

    /** JDK list wrappers Rhino's compiled functions hold, by name (their classes are private). */
    private static final Set<String> JDK_LISTS = Set.of("java.util.Collections$UnmodifiableList",
            "java.util.Collections$UnmodifiableRandomAccessList", "java.util.Collections$UnmodifiableCollection",
            "java.util.Collections$EmptyList", "java.util.ImmutableCollections$ListN", "java.util.ImmutableCollections$List12",
            "java.util.CollSer");

    /**
     * Rhino classes that reach into Java (reflection, adapters, class loading) and never belong in a
     * sandboxed scope, and the lazily loaded constructors of standard scopes: their initializer (a
     * serialized lambda, itself refused) loads any class by name when the property is first read,
     * {@code Packages} and {@code JavaImporter} among them, so a crafted image could bring Java back.
     */
    private static final List<String> RHINO_REFUSED = List.of("org.mozilla.javascript.NativeJava",
            "org.mozilla.javascript.LazilyLoadedCtor", "org.mozilla.javascript.LazyLoadSlot",
            "org.mozilla.javascript.JavaAdapter", "org.mozilla.javascript.JavaMembers", "org.mozilla.javascript.MemberBox",
            "org.mozilla.javascript.FieldAndMethods", "org.mozilla.javascript.ImporterTopLevel",
            "org.mozilla.javascript.ClassCache", "org.mozilla.javascript.DefiningClassLoader",
            "org.mozilla.javascript.lc.", "org.mozilla.javascript.optimizer.", "org.mozilla.javascript.gen.",
            "org.mozilla.javascript.tools.", "org.mozilla.javascript.xml", "org.mozilla.javascript.commonjs.",
            "org.mozilla.javascript.engine.", "org.mozilla.javascript.jdk");

    private final int payloadLength;
    /** The object the last image token was resolved to, admitted as well. */
    Object resolved;
    /** What was refused, for the message. */
    String rejected;

    RhinoImageFilter(int payloadLength) {
        this.payloadLength = payloadLength;
    }

    @Override
    public Status checkInput(FilterInfo info) {
        if (info.arrayLength() > payloadLength) {
            rejected = "an array of " + info.arrayLength() + " elements in a payload of " + payloadLength + " bytes";
            return Status.REJECTED;
        }
        Class<?> type = info.serialClass();
        if (type == null) return Status.UNDECIDED;
        if (admitted(type) || resolved != null && type == resolved.getClass()) return Status.ALLOWED;
        rejected = type.getName();
        return Status.REJECTED;
    }

    /** Whether {@code functionalInterface} (a class name) is the type of a built-in slot's accessor lambda. */
    static boolean slotLambda(String functionalInterface) {
        return SLOT_LAMBDAS.contains(functionalInterface);
    }

    /**
     * Whether a scope may contain an instance of {@code type}: Rhino's own object classes (not its
     * bridges to Java), the JDK's boxed primitives, {@code String} and {@code BigInteger}, the
     * {@code ArrayList}, {@code HashMap} (inside Rhino's {@code Map}, {@code Set} and
     * {@code RegExp}; their contents pass this filter too), list wrappers Rhino's own objects hold,
     * the serialized lambdas of built-in slots ({@link #SLOT_LAMBDAS}, checked once read), arrays of
     * those, and the {@link ImageToken}s; never the lazily loaded constructors of a standard scope.
     * Nothing else of the JDK (no comparator-driven collections, no reflection or I/O classes) is admitted.
     */
    static boolean admitted(Class<?> type) {
        while (type.isArray()) type = type.getComponentType();
        if (type.isPrimitive() || JDK_ADMITTED.contains(type) || JDK_LISTS.contains(type.getName())) return true;
        if (ImageToken.class.isAssignableFrom(type)) return type.getName().startsWith(ImageToken.class.getName());
        String name = type.getName();
        if (!name.startsWith("org.mozilla.javascript.")) return false;
        for (String refused : RHINO_REFUSED) if (name.startsWith(refused)) return false;
        return true;
    }
}
