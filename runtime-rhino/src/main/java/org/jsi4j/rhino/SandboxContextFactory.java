package org.jsi4j.rhino;

import org.mozilla.javascript.Context;
import org.mozilla.javascript.ContextFactory;

/**
 * Makes the Contexts of one {@link RhinoRuntimeFactory}: newest language version, compiled mode,
 * no Java access (a class shutter that denies every class and a wrap factory that refuses Java
 * objects), and the instruction observer that enforces interrupts and limits. Java serialization
 * of Rhino objects is enabled only for the Contexts of runtimes that take snapshot images.
 */
final class SandboxContextFactory extends ContextFactory {
    /** The Context thread-local key under which a Context's backend is found. */
    static final Object BACKEND_KEY = new Object();

    @Override
    protected Context makeContext() {
        Context cx = new SandboxContext(this);
        cx.setLanguageVersion(Context.VERSION_ECMASCRIPT);
        cx.setInterpretedMode(false);
        cx.setClassShutter(className -> false);
        cx.setWrapFactory(new NoJavaWrapFactory());
        return cx;
    }

    @Override
    protected boolean hasFeature(Context cx, int featureIndex) {
        if (featureIndex == Context.FEATURE_ENHANCED_JAVA_ACCESS) return false;
        if (featureIndex == Context.FEATURE_JAVA_SERIALIZATION) {
            return cx.getThreadLocal(BACKEND_KEY) instanceof RhinoBackend backend && backend.imaging();
        }
        return super.hasFeature(cx, featureIndex);
    }

    @Override
    protected void observeInstructionCount(Context cx, int instructionCount) {
        if (cx instanceof SandboxContext s && s.backend != null) s.backend.observe(instructionCount);
    }
}
