package org.jsi4j.rhino;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.OutputStream;
import java.lang.invoke.SerializedLambda;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jsi4j.HostObject;
import org.jsi4j.JsSnapshotException;
import org.mozilla.javascript.AccessorSlot;
import org.mozilla.javascript.Callable;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.Hashtable;
import org.mozilla.javascript.LazilyLoadedCtor;
import org.mozilla.javascript.NativeArray;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.Symbol;
import org.mozilla.javascript.SymbolKey;
import org.mozilla.javascript.serialize.ScriptableInputStream;
import org.mozilla.javascript.serialize.ScriptableOutputStream;

/**
 * Rhino's native snapshot image: the user's global scope written with Java serialization
 * ({@link ScriptableOutputStream}), on top of a standard scope that is not written. Every standard
 * object the user state refers to (a prototype, a built-in function) is written as its path from
 * the standard scope, every named external as its name, and every shared symbol key by name; a
 * restore finds them again in the new runtime.
 *
 * <p>The bytes are {@code "JSI4JRHI"}, a SHA-256 of the payload, then the serialized payload.
 * Reading checks the digest, then deserializes behind an {@link ObjectInputFilter} that admits
 * only the classes a scope is made of ({@link RhinoImageFilter}), so that a crafted image cannot
 * make the JVM instantiate anything else. Every failure is a {@link JsSnapshotException}.
 */
final class RhinoImage {
    private static final byte[] MAGIC = "JSI4JRHI".getBytes(StandardCharsets.US_ASCII);
    private static final int DIGEST_LENGTH = 32;

    /** Pairs each standard object with its path, comparing the live standard scope with a pristine one. */
    private static final String WALK = """
            function walk(live, fresh) {
              var found = [], changed = [], seen = new Set([live]), queue = [[live, fresh, []]];
              function wellKnown(k) { var m = /^Symbol\\(Symbol\\.(\\w+)\\)$/.exec(String(k)); return m && m[1]; }
              function key(k) { var w = wellKnown(k); return w ? '@@' + w : String(k); }
              function ownKeys(o) { try { return Reflect.ownKeys(o); } catch (e) { return []; } } // a few Rhino internals refuse
              function isObject(v) { return v !== null && (typeof v === 'object' || typeof v === 'function'); }
              function visit(l, f, path) {
                if (!isObject(l)) { if (!Object.is(l, f)) changed.push(path.join('.')); return; }
                if (!isObject(f)) { changed.push(path.join('.')); return; }
                if (seen.has(l)) return;
                seen.add(l); found.push(l, path); queue.push([l, f, path]);
              }
              for (var i = 0; i < queue.length; i++) {
                var l = queue[i][0], f = queue[i][1], path = queue[i][2];
                visit(Object.getPrototypeOf(l), Object.getPrototypeOf(f), path.concat('proto'));
                var keys = ownKeys(l);
                if (keys.length !== ownKeys(f).length) changed.push((path.join('.') || 'the global object') + ' (its properties)');
                for (var j = 0; j < keys.length; j++) {
                  var k = wellKnown(keys[j]) ? Symbol[wellKnown(keys[j])] : keys[j]; // Rhino lists some as strings
                  try { void l[k]; void f[k]; } catch (e) { } // makes Rhino load a lazily made constructor
                  var ld = Object.getOwnPropertyDescriptor(l, k), fd = Object.getOwnPropertyDescriptor(f, k);
                  if (!fd || ('value' in ld) !== ('value' in fd)) { changed.push(path.concat(key(k)).join('.')); continue; }
                  if ('value' in ld) visit(ld.value, fd.value, path.concat('p:' + key(k)));
                  else { visit(ld.get, fd.get, path.concat('g:' + key(k))); visit(ld.set, fd.set, path.concat('s:' + key(k))); }
                }
              }
              return [found, changed];
            }""";

    /** Finds a standard object by its path, or {@code undefined}. */
    private static final String RESOLVE = """
            function resolve(root, path) {
              var o = root;
              for (var i = 0; i < path.length; i++) {
                var s = path[i];
                if (s === 'proto') o = Object.getPrototypeOf(o);
                else {
                  var k = s.slice(2);
                  if (k.startsWith('@@')) k = Symbol[k.slice(2)];
                  try { void o[k]; } catch (e) { } // makes Rhino load a lazily made constructor
                  var d = Object.getOwnPropertyDescriptor(o, k);
                  if (!d) return undefined;
                  o = s[0] === 'p' ? d.value : s[0] === 'g' ? d.get : s[0] === 's' ? d.set : undefined;
                }
                if (o === null || (typeof o !== 'object' && typeof o !== 'function')) return undefined;
              }
              return o;
            }""";

    /** The well-known symbol keys, which Rhino shares between all runtimes of a JVM. */
    private static final Map<String, SymbolKey> WELL_KNOWN = Map.ofEntries(
            Map.entry("iterator", SymbolKey.ITERATOR), Map.entry("toStringTag", SymbolKey.TO_STRING_TAG),
            Map.entry("species", SymbolKey.SPECIES), Map.entry("hasInstance", SymbolKey.HAS_INSTANCE),
            Map.entry("isConcatSpreadable", SymbolKey.IS_CONCAT_SPREADABLE), Map.entry("isRegExp", SymbolKey.IS_REGEXP),
            Map.entry("toPrimitive", SymbolKey.TO_PRIMITIVE), Map.entry("match", SymbolKey.MATCH),
            Map.entry("matchAll", SymbolKey.MATCH_ALL), Map.entry("replace", SymbolKey.REPLACE),
            Map.entry("search", SymbolKey.SEARCH), Map.entry("split", SymbolKey.SPLIT),
            Map.entry("unscopables", SymbolKey.UNSCOPABLES));

    private RhinoImage() {
    }

    /** Thrown while writing when the state holds something an image cannot: the snapshot then has no image. */
    static final class Unrepresentable extends IOException {
        Unrepresentable(String what) {
            super(what);
        }
    }

    /**
     * The image of {@code user}, a scope whose prototype is {@code standard}.
     *
     * @param externals each named external's implementation, by name
     * @throws Unrepresentable when the state cannot be imaged faithfully (the message says why): the
     *     setup changed the standard objects, defined a getter or setter, keyed a Map or Set by an
     *     object, or a host function or host object that is not a named external is reachable
     * @throws IOException when serialization fails
     */
    static byte[] write(Context cx, ScriptableObject standard, Scriptable user, Map<String, Object> externals)
            throws IOException {
        Map<Object, String[]> builtins = builtinPaths(cx, standard);
        Map<Object, String> names = new IdentityHashMap<>();
        externals.forEach((name, impl) -> names.putIfAbsent(impl, name));
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        try (Writer out = new Writer(payload, standard, builtins, names)) {
            out.writeObject(user);
        }
        return seal(payload.toByteArray());
    }

    /** An image around a serialized payload: the magic, the payload's digest, the payload. */
    static byte[] seal(byte[] body) {
        ByteArrayOutputStream image = new ByteArrayOutputStream(MAGIC.length + DIGEST_LENGTH + body.length);
        image.writeBytes(MAGIC);
        image.writeBytes(sha256(body));
        image.writeBytes(body);
        return image.toByteArray();
    }

    /** The serialized payload of an image (unchecked). */
    static byte[] payloadOf(byte[] image) {
        return Arrays.copyOfRange(image, MAGIC.length + DIGEST_LENGTH, image.length);
    }

    /**
     * The user scope in {@code image}, on top of {@code standard}; externals become new faces made
     * by {@code faces}.
     *
     * @throws JsSnapshotException when the image is damaged, holds a class a scope cannot contain,
     *     or refers to an external or standard object that is missing
     */
    static ScriptableObject read(Context cx, ScriptableObject standard, byte[] image, Faces faces) {
        if (image.length < MAGIC.length + DIGEST_LENGTH || !Arrays.equals(image, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw bad("it is not a jsi4j Rhino image", null);
        }
        byte[] body = Arrays.copyOfRange(image, MAGIC.length + DIGEST_LENGTH, image.length);
        if (!Arrays.equals(sha256(body), 0, DIGEST_LENGTH, image, MAGIC.length, MAGIC.length + DIGEST_LENGTH)) {
            throw bad("it is corrupt (its SHA-256 digest does not match)", null);
        }
        Callable resolve = cx.compileFunction(standard, RESOLVE, "jsi4j-image-resolve.js", 1, null);
        RhinoImageFilter admission = new RhinoImageFilter(body.length);
        try (Reader in = new Reader(new ByteArrayInputStream(body), cx, standard, resolve, faces, admission)) {
            in.setObjectInputFilter(admission);
            Object user = in.readObject();
            if (!(user instanceof ScriptableObject scope)) {
                throw bad("it holds a " + (user == null ? "null" : user.getClass().getName()) + ", not a scope", null);
            }
            if (in.read() != -1) throw bad("it has bytes after the scope", null);
            return scope;
        } catch (JsSnapshotException e) {
            throw e;
        } catch (InvalidClassException e) {
            throw bad("it holds a class a scope cannot contain (" + admission.rejected + ")", e);
        } catch (IOException | ClassNotFoundException | RuntimeException | StackOverflowError e) {
            throw bad("it could not be read (" + e + ")", e);
        }
    }

    /** Makes the faces of named externals during a restore. */
    interface Faces {
        /** The function or host-object face for the external {@code token} names, or a {@link JsSnapshotException}. */
        Scriptable face(ImageToken.External token);
    }

    private static Map<Object, String[]> builtinPaths(Context cx, ScriptableObject standard) throws Unrepresentable {
        ScriptableObject pristine = cx.initSafeStandardObjects();
        Callable walk = cx.compileFunction(standard, WALK, "jsi4j-image-walk.js", 1, null);
        NativeArray result = (NativeArray) walk.call(cx, standard, standard, new Object[] {standard, pristine});
        NativeArray changed = (NativeArray) result.get(1);
        if (changed.getLength() > 0) {
            List<Object> first = Arrays.asList(changed.toArray()).subList(0, (int) Math.min(5, changed.getLength()));
            throw new Unrepresentable("the setup changed Rhino's standard objects (" + first + "), which an image does not hold");
        }
        Object[] found = ((NativeArray) result.get(0)).toArray();
        Map<Object, String[]> paths = new IdentityHashMap<>();
        paths.put(standard, new String[0]);
        for (int i = 0; i < found.length; i += 2) {
            Object[] steps = ((NativeArray) found[i + 1]).toArray();
            paths.put(found[i], Arrays.stream(steps).map(String::valueOf).toArray(String[]::new));
        }
        return paths;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static JsSnapshotException bad(String what, Throwable cause) {
        return new JsSnapshotException("Cannot restore the Rhino image in this snapshot: " + what
                + ". Take the snapshot again, or restore it from its journal on another engine.", cause);
    }

    /** Writes standard objects, externals and shared symbols as tokens. */
    private static final class Writer extends ScriptableOutputStream {
        private final Map<Object, String[]> builtins;
        private final Map<Object, String> externalNames;

        Writer(OutputStream out, ScriptableObject standard, Map<Object, String[]> builtins, Map<Object, String> externalNames)
                throws IOException {
            super(out, standard);
            this.builtins = builtins;
            this.externalNames = externalNames;
        }

        @Override
        protected Object replaceObject(Object obj) throws IOException {
            if (obj instanceof SymbolKey key) return sharedSymbol(key);
            if (obj instanceof SerializedLambda l && !RhinoImageFilter.slotLambda(l.getFunctionalInterfaceClass().replace('/', '.'))) {
                throw new Unrepresentable("the state holds a Java lambda (" + l.getFunctionalInterfaceClass() + "), which a restore refuses");
            }
            if (obj instanceof LazilyLoadedCtor) {
                throw new Unrepresentable("the state holds a lazily loaded constructor, which a restore refuses");
            }
            if (obj instanceof AccessorSlot) {
                // Rhino 1.9.2 marks an accessor's getter and setter transient: written, the property would come
                // back as a read-only undefined, so the journal restores such a setup instead
                throw new Unrepresentable("the setup defined a getter or setter, which Rhino's serialization drops");
            }
            if (obj instanceof Hashtable.Entry e && e.key() instanceof Scriptable) {
                // Rhino keeps the key's old hash code in the entry, so a restored Map or Set would not find it
                throw new Unrepresentable("a Map or Set has an object key, which Rhino's serialization cannot restore");
            }
            if (obj instanceof RhinoHostFunction f) {
                String name = externalNames.get(f.function());
                if (name == null) throw new Unrepresentable("host function '" + f.getFunctionName() + "' is not a named external");
                return new ImageToken.External(name, true, f.getLength());
            }
            if (obj instanceof RhinoHostObject face) {
                HostObject h = face.host();
                String name = externalNames.get(h);
                if (name == null) throw new Unrepresentable("a host object of " + h.getClass().getName() + " is not a named external");
                return new ImageToken.External(name, false, 0);
            }
            String[] path = builtins.get(obj);
            if (path != null) return new ImageToken.Builtin(path);
            return super.replaceObject(obj);
        }

        private static Object sharedSymbol(SymbolKey key) {
            if (key.getKind() == Symbol.Kind.REGISTERED) return new ImageToken.SharedSymbol(key.getName(), true);
            for (var e : WELL_KNOWN.entrySet()) {
                if (e.getValue() == key) return new ImageToken.SharedSymbol(e.getKey(), false);
            }
            return key;
        }
    }

    /** Reads the tokens back as the restoring runtime's own objects. */
    private static final class Reader extends ScriptableInputStream {
        private final Context cx;
        private final ScriptableObject standard;
        private final Callable resolve;
        private final Faces faces;
        private final RhinoImageFilter admission;

        Reader(InputStream in, Context cx, ScriptableObject standard, Callable resolve, Faces faces, RhinoImageFilter admission)
                throws IOException {
            super(in, standard);
            this.admission = admission;
            this.cx = cx;
            this.standard = standard;
            this.resolve = resolve;
            this.faces = faces;
        }

        @Override
        protected Object resolveObject(Object obj) throws IOException {
            if (obj != null && obj.getClass().isHidden() && !isSlotLambda(obj.getClass())) {
                throw bad("it holds a Java lambda (" + Arrays.toString(obj.getClass().getInterfaces())
                        + ") where a scope holds only the accessors of built-in slots", null);
            }
            Object resolved = resolve(obj);
            if (resolved != obj) admission.resolved = resolved;
            return resolved;
        }

        private Object resolve(Object obj) throws IOException {
            return switch (obj) {
                case ImageToken.External x -> faces.face(x);
                case ImageToken.Builtin b -> {
                    Object found = resolve.call(cx, standard, standard, new Object[] {standard, cx.newArray(standard, Arrays.copyOf(b.path(), b.path().length, Object[].class))});
                    if (!(found instanceof Scriptable)) {
                        throw bad("it refers to a standard object at '" + String.join(".", b.path())
                                + "', which this Rhino does not have", null);
                    }
                    yield found;
                }
                case ImageToken.SharedSymbol s -> s.registered() ? registeredKey(s.name()) : wellKnown(s.name());
                default -> super.resolveObject(obj);
            };
        }

        private static boolean isSlotLambda(Class<?> type) {
            Class<?>[] interfaces = type.getInterfaces();
            return interfaces.length == 1 && RhinoImageFilter.slotLambda(interfaces[0].getName());
        }

        private static SymbolKey wellKnown(String name) {
            SymbolKey key = WELL_KNOWN.get(name);
            if (key == null) throw bad("it refers to an unknown well-known symbol '" + name + "'", null);
            return key;
        }

        private SymbolKey registeredKey(String name) {
            return RegisteredSymbols.key(cx, standard, name);
        }
    }
}
