package org.jsi4j.rhino;

import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.Symbol;
import org.mozilla.javascript.SymbolScriptable;

/**
 * An object as a Rhino {@code Array} built-in sees it when its length is huge or not plain data
 * (see {@link StoppableArrayBuiltins}): every property the built-in reads, tests, writes or deletes
 * goes to the object (along its prototype chain, so that getters and setters see the object, not
 * this receiver), after a check for a stop of the runtime.
 */
final class StoppingReceiver implements Scriptable, SymbolScriptable {
    private final Scriptable target;
    /** The runtime's limits, or null outside a jsi4j runtime (then nothing is checked). */
    private final RhinoLimits limits;

    StoppingReceiver(Scriptable target, RhinoLimits limits) {
        this.target = target;
        this.limits = limits;
    }

    private void check() {
        if (limits != null) limits.checkpoint();
    }

    @Override
    public String getClassName() {
        return target.getClassName();
    }

    @Override
    public Object get(String name, Scriptable start) {
        check();
        return ScriptableObject.getProperty(target, name);
    }

    @Override
    public Object get(int index, Scriptable start) {
        check();
        return ScriptableObject.getProperty(target, index);
    }

    @Override
    public Object get(Symbol key, Scriptable start) {
        check();
        return ScriptableObject.getProperty(target, key);
    }

    @Override
    public boolean has(String name, Scriptable start) {
        check();
        return ScriptableObject.hasProperty(target, name);
    }

    @Override
    public boolean has(int index, Scriptable start) {
        check();
        return ScriptableObject.hasProperty(target, index);
    }

    @Override
    public boolean has(Symbol key, Scriptable start) {
        check();
        return ScriptableObject.hasProperty(target, key);
    }

    @Override
    public void put(String name, Scriptable start, Object value) {
        check();
        ScriptableObject.putProperty(target, name, value);
    }

    @Override
    public void put(int index, Scriptable start, Object value) {
        check();
        ScriptableObject.putProperty(target, index, value);
    }

    @Override
    public void put(Symbol key, Scriptable start, Object value) {
        check();
        ScriptableObject.putProperty(target, key, value);
    }

    @Override
    public void delete(String name) {
        check();
        target.delete(name);
    }

    @Override
    public void delete(int index) {
        check();
        target.delete(index);
    }

    @Override
    public void delete(Symbol key) {
        check();
        if (target instanceof SymbolScriptable s) s.delete(key);
    }

    /**
     * The object's: every lookup above walks the object's chain itself (so that getters and setters
     * there see the object), and Rhino walks on from here only for a property found nowhere.
     */
    @Override
    public Scriptable getPrototype() {
        return target.getPrototype();
    }

    @Override
    public void setPrototype(Scriptable prototype) {
        target.setPrototype(prototype);
    }

    @Override
    public Scriptable getParentScope() {
        return target.getParentScope();
    }

    @Override
    public void setParentScope(Scriptable parent) {
        target.setParentScope(parent);
    }

    @Override
    public Object[] getIds() {
        return target.getIds();
    }

    @Override
    public Object getDefaultValue(Class<?> hint) {
        return target.getDefaultValue(hint);
    }

    @Override
    public boolean hasInstance(Scriptable instance) {
        return target.hasInstance(instance);
    }
}
