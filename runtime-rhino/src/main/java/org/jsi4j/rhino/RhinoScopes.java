package org.jsi4j.rhino;

import java.io.IOException;
import java.io.NotSerializableException;
import java.util.HashMap;
import java.util.Map;
import org.jsi4j.HostFunction;
import org.jsi4j.HostObject;
import org.jsi4j.JsSnapshotException;
import org.jsi4j.Snapshot;
import org.mozilla.javascript.Callable;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.NativeObject;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.Undefined;

/**
 * The scopes of one Rhino runtime: the standard objects made by {@code initSafeStandardObjects},
 * and the global scope scripts see.
 *
 * <p>Each runtime has its own standard objects rather than sharing one sealed scope: making them
 * costs about 0.45 ms (measured warm, create and close), against about 3 ms to compile even a
 * one-line script, and a sealed shared scope would forbid scripts to extend built-in prototypes.
 *
 * <p>A runtime that records its setup for snapshots ({@link org.jsi4j.RuntimeOptions#journaling()})
 * runs in the interpreter, because only interpreted functions can be serialized, and keeps two
 * scopes: the standard objects, and on top of them (as its prototype) the global scope that
 * scripts see and that holds all user state. {@link RhinoImage} serializes that user scope; a
 * restore from an image of the same Rhino version deserializes it instead of replaying the setup.
 * When the state cannot be imaged faithfully (the setup changed the standard objects, a host
 * function made by a host callback is reachable, a {@code Map} or {@code Set} has an object key, a
 * generator or an object literal with a computed key is reachable, or the object graph is too deep
 * to serialize), the snapshot holds no image and a restore replays the journal.
 */
final class RhinoScopes {
    private final RhinoBackend backend;
    private final ScriptableObject standard;
    private final ScriptableObject global;
    private final Map<String, Scriptable> restoredFaces = new HashMap<>();
    private boolean restoredFromImage;
    private Callable strictSet;

    RhinoScopes(RhinoBackend backend, Context cx, String engineVersion) {
        this.backend = backend;
        boolean imaging = backend.imaging();
        if (imaging) cx.setInterpretedMode(true);
        this.standard = cx.initSafeStandardObjects();
        TypedArrayLengths.install(standard);
        StoppableArrayBuiltins.install(standard);
        this.global = imaging ? userScope(cx, engineVersion) : standard;
    }

    ScriptableObject standard() {
        return standard;
    }

    ScriptableObject global() {
        return global;
    }

    boolean restoredFromImage() {
        return restoredFromImage;
    }

    /** The user scope of a snapshotting runtime: from the snapshot's image when it has one for this Rhino, else empty. */
    private ScriptableObject userScope(Context cx, String engineVersion) {
        Snapshot restore = backend.services().options().restore();
        byte[] image = restore != null && RhinoRuntimeFactory.ID.equals(restore.engineId())
                && engineVersion.equals(restore.engineVersion()) ? restore.nativeImage().orElse(null) : null;
        if (image != null) {
            backend.limits().unobserved(true);
            try {
                ScriptableObject user = RhinoImage.read(cx, standard, image, this::restoredFace);
                restoredFromImage = true;
                return user;
            } finally {
                backend.limits().unobserved(false);
            }
        }
        NativeObject user = new NativeObject();
        user.setPrototype(standard);
        user.setParentScope(null);
        user.defineProperty("globalThis", user, ScriptableObject.DONTENUM);
        return user;
    }

    /** The new face of a named external found in an image, one per name. */
    private Scriptable restoredFace(ImageToken.External token) {
        return restoredFaces.computeIfAbsent(token.name(), name -> {
            Object impl = backend.services().options().externals().get(name);
            if (token.function() && impl instanceof HostFunction || !token.function() && impl instanceof HostObject) {
                return backend.newFace(impl, token.function(), name, token.length(), standard);
            }
            throw new JsSnapshotException("Cannot restore the snapshot: its Rhino image refers to the named external '" + name
                    + "' as a " + (token.function() ? "HostFunction" : "HostObject") + ", and "
                    + (impl == null ? "none was given" : "a " + impl.getClass().getName() + " was given")
                    + "; pass it with RuntimeOptions.fromSnapshot(blob).externals(Map.of(name, ...))", null);
        });
    }

    /** The image of the user scope for a snapshot, or null when it cannot be imaged faithfully (the journal then restores it). */
    byte[] image(Context cx, Map<String, Object> externals) {
        backend.limits().unobserved(true);
        try {
            return RhinoImage.write(cx, standard, global, externals);
        } catch (RhinoImage.Unrepresentable | NotSerializableException | StackOverflowError e) {
            return null;
        } catch (IOException e) {
            throw new JsSnapshotException("Rhino could not serialize the global scope for the snapshot: " + e, e);
        } finally {
            backend.limits().unobserved(false);
        }
    }

    /** {@code target[key] = value} in strict mode, through a function held here (no script can reach or replace it). */
    void strictSet(Context cx, Scriptable target, Object key, Object value) {
        if (strictSet == null) {
            strictSet = cx.compileFunction(standard, "function jsi4jStrictSet(o, k, v) { 'use strict'; o[k] = v; }",
                    "jsi4j-set.js", 1, null);
        }
        strictSet.call(cx, standard, standard, new Object[] {target, key, value});
    }

    /**
     * Whether {@code target.put(name, target, value)} is exactly a strict-mode write that
     * succeeds: a host object (whose {@code set} throws by itself when it refuses), a writable own
     * data property, or a new property of an extensible ordinary object none of whose prototypes
     * has the name (so no inherited setter or read-only property is involved).
     */
    static boolean canPutDirectly(Scriptable target, String name) {
        if (target instanceof RhinoHostObject) return true;
        if (!(target instanceof ScriptableObject so) || RhinoErrors.isProxy(target)) return false;
        try {
            return canPutDirectly(so, name);
        } catch (RuntimeException e) {
            return false; // the strict-mode write will say what is wrong
        }
    }

    private static boolean canPutDirectly(ScriptableObject so, String name) {
        if (so.has(name, so)) {
            return (so.getAttributes(name) & ScriptableObject.READONLY) == 0
                    && so.getGetterOrSetter(name, 0, so, false) == Undefined.instance
                    && so.getGetterOrSetter(name, 0, so, true) == Undefined.instance;
        }
        if (!so.isExtensible()) return false;
        for (Scriptable p = so.getPrototype(); p != null; p = p.getPrototype()) {
            if (p instanceof RhinoHostObject || p.has(name, p)) return false;
        }
        return true;
    }
}
