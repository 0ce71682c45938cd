package org.jsi4j.rhino;

import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.Symbol;
import org.mozilla.javascript.SymbolScriptable;

/**
 * An object as a Rhino {@code Array} built-in sees it when its length is huge (see
 * {@link StoppableArrayBuiltins}): every property the built-in reads, tests, writes or deletes goes
 * to the object, after a check for a stop of the runtime. Getters and setters see the object, not
 * this receiver.
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
        return target.get(name, target);
    }

    @Override
    public Object get(int index, Scriptable start) {
        check();
        return target.get(index, target);
    }

    @Override
    public Object get(Symbol key, Scriptable start) {
        check();
        return target instanceof SymbolScriptable s ? s.get(key, target) : NOT_FOUND;
    }

    @Override
    public boolean has(String name, Scriptable start) {
        check();
        return target.has(name, target);
    }

    @Override
    public boolean has(int index, Scriptable start) {
        check();
        return target.has(index, target);
    }

    @Override
    public boolean has(Symbol key, Scriptable start) {
        check();
        return target instanceof SymbolScriptable s && s.has(key, target);
    }

    @Override
    public void put(String name, Scriptable start, Object value) {
        check();
        target.put(name, target, value);
    }

    @Override
    public void put(int index, Scriptable start, Object value) {
        check();
        target.put(index, target, value);
    }

    @Override
    public void put(Symbol key, Scriptable start, Object value) {
        check();
        if (target instanceof SymbolScriptable s) s.put(key, target, value);
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
