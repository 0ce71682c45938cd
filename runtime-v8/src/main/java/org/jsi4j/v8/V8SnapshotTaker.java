package org.jsi4j.v8;

import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.interop.V8Runtime;
import com.caoccao.javet.values.reference.IV8ValueReference;
import com.caoccao.javet.values.reference.V8Script;
import com.caoccao.javet.values.reference.V8ValueArray;
import com.caoccao.javet.values.reference.V8ValueGlobalObject;
import com.caoccao.javet.values.reference.V8ValueObject;
import com.caoccao.javet.values.reference.V8ValueReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsi4j.HostFunction;
import org.jsi4j.JsSnapshotException;

/**
 * Takes V8's native startup snapshot of a runtime that Java code keeps using. V8 serializes only
 * a heap without global handles and Java callbacks, so for the moment of the snapshot:
 * <ol>
 *   <li>the bridge is detached: every host function's and host object's closure cell is emptied
 *       and V8 collects the native functions (V8 aborts the process on a reachable one);</li>
 *   <li>every live Javet handle is parked: its value is put in a hidden global array and the
 *       handle closed; a prepared script is closed and remembered by its source. The bridge's
 *       helpers object, which no script can reach, is always the array's first element;</li>
 *   <li>after the snapshot, each handle is {@link V8Handles#transplant transplanted} back onto its
 *       value (or its recompiled script), the array is deleted and the bridge reattached.</li>
 * </ol>
 * The array is in the image too; a restore takes the helpers from it and deletes it before any
 * script runs ({@link #unparkHelpers}). V8 takes one snapshot per isolate: later snapshots of the
 * same runtime carry only the journal.
 */
final class V8SnapshotTaker {
    /** The hidden global holding the parked values while the snapshot is taken. */
    static final String PARKED = "__jsi4j$v8$parked";

    private final V8Runtime rt;
    private final V8Bridge bridge;
    private final Map<V8Script, Source> sources;

    /** Where a compiled script came from, to compile it again. */
    record Source(String source, String name) {
    }

    V8SnapshotTaker(V8Runtime rt, V8Bridge bridge, Map<V8Script, Source> sources) {
        this.rt = rt;
        this.bridge = bridge;
        this.sources = sources;
    }

    /**
     * The image, or {@code null} when only a journal replay can restore this runtime: host
     * functions or objects that are not named externals are still alive (made by a host callback
     * during the setup; a replay makes them again), or this Javet version cannot move handles.
     */
    V8Image take(Map<String, Object> externals) throws JavetException {
        if (!V8Handles.available()) return null;
        rt.lowMemoryNotification();
        Map<String, Integer> functions = new HashMap<>();
        Map<String, Integer> hosts = new HashMap<>();
        externals.forEach((name, impl) -> (impl instanceof HostFunction ? functions : hosts).put(name, bridge.idOf(impl)));
        if (!functions.values().containsAll(bridge.aliveIds("fn")) || !hosts.values().containsAll(bridge.aliveIds("host"))) {
            return null;
        }
        int functionCount = bridge.functionCount();
        int hostCount = bridge.hostCount();
        bridge.detach();
        try {
            byte[] v8 = parkedSnapshot();
            return v8 == null ? null : new V8Image(functionCount, hostCount, functions, hosts, v8);
        } finally {
            bridge.reattach();
        }
    }

    /**
     * In a runtime just restored from a native image, before any script runs: the bridge's
     * helpers from the parked array, and the array deleted with everything else it held.
     */
    static V8ValueObject unparkHelpers(V8Runtime rt) throws JavetException {
        try (V8ValueGlobalObject global = rt.getGlobalObject(); V8ValueArray parked = global.get(PARKED)) {
            V8ValueObject helpers = parked.get(0);
            global.delete(PARKED);
            return helpers;
        }
    }

    private byte[] parkedSnapshot() throws JavetException {
        List<V8ValueReference> values = new ArrayList<>();
        values.add(bridge.helpers());
        List<V8Script> scripts = new ArrayList<>();
        try {
            for (IV8ValueReference r : V8Handles.live(rt)) {
                if (r instanceof V8Script s && sources.containsKey(s)) scripts.add(s);
                else if (r == bridge.helpers()) continue;
                else if (r instanceof V8ValueReference v && !(r instanceof V8Script)) values.add(v);
                else throw refused("it holds a " + r.getClass().getSimpleName() + " that cannot be parked");
            }
        } catch (ReflectiveOperationException e) {
            return null;
        }
        boolean[] weak = new boolean[values.size()];
        try (V8ValueArray parked = rt.createV8ValueArray(); V8ValueGlobalObject global = rt.getGlobalObject()) {
            for (V8ValueReference v : values) parked.push(v);
            global.set(PARKED, parked);
        }
        for (int i = 0; i < weak.length; i++) {
            weak[i] = values.get(i).isWeak();
            values.get(i).close(true);
        }
        for (V8Script s : scripts) s.close(true);
        try {
            return rt.createSnapshot();
        } catch (JavetException e) {
            throw refused("V8 refused: " + e.getMessage());
        } finally {
            unpark(values, weak, scripts);
        }
    }

    private void unpark(List<V8ValueReference> values, boolean[] weak, List<V8Script> scripts) throws JavetException {
        try (V8ValueGlobalObject global = rt.getGlobalObject(); V8ValueArray parked = global.get(PARKED)) {
            for (int i = 0; i < weak.length; i++) V8Handles.transplant(rt, values.get(i), parked.get(i), weak[i]);
            global.delete(PARKED);
            for (V8Script s : scripts) {
                Source src = sources.get(s);
                V8Handles.transplant(rt, s, rt.getExecutor(src.source()).setResourceName(src.name()).compileV8Script(), false);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("jsi4j could not give back the V8 handles it parked for the snapshot", e);
        }
    }

    private static JsSnapshotException refused(String why) {
        return new JsSnapshotException("V8 could not take its native snapshot of this runtime: " + why, null);
    }
}
