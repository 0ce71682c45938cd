package org.jsi4j.rhino;

import org.mozilla.javascript.Context;

/**
 * Keeps one runtime's Rhino {@link Context} current on its owner thread, so that an operation
 * costs one field read instead of a {@code Context.enter}/{@code exit} pair.
 *
 * <p>The Context is entered when the runtime is made and stays the thread's current Context
 * (<em>resident</em>) until the runtime closes or another Rhino Context needs the thread. Rhino
 * allows one current Context per thread, so when a second runtime (or code using Rhino directly)
 * runs on the same thread, the Contexts are swapped: the current one is exited completely (however
 * many times it was entered) and its entry count remembered, the other entered. Two rules keep
 * this correct:
 * <ul>
 *   <li>a Context whose runtime is idle is simply displaced, and its runtime swaps it back in on
 *       its next operation ({@link #resident} is false);
 *   <li>a Context whose runtime is in the middle of an operation (a runtime made or used inside
 *       another runtime's host callback), or that is not a jsi4j Context at all, is restored as
 *       soon as the operation that displaced it ends ({@link #enter()} returns it and
 *       {@link #leave(Suspended)} puts it back), so that the script below on the stack continues
 *       with its own Context.
 * </ul>
 *
 * <p>A consequence worth knowing: between calls, code on the owner thread that asks Rhino for the
 * current Context ({@code Context.getCurrentContext()}, {@code ContextFactory.enterContext()})
 * gets this runtime's sandboxed Context. Such code should use its own thread, or run while no
 * jsi4j Rhino runtime is open on that thread.
 */
final class RhinoThreadContext {
    private final Context cx;
    private final RhinoBackend backend;
    /** True while {@link #cx} is the owner thread's current Context. Owner thread only. */
    private boolean resident;
    /** How many times {@link #cx} was entered when another Context displaced it; 0 when it is not displaced. */
    private int displacedEntries;

    /** A Context that was current before an operation and is made current again when it ends. */
    record Suspended(Context context, int entries) {
    }

    /** Displaced by the Context of a runtime being built, until {@link #created()} or {@link #failed()}. */
    private Suspended beforeCreation;

    /**
     * Makes a new Context of {@code factory} current on this thread for {@code backend}, which is
     * being built; the Context that was current (if any) is displaced until {@link #created()}.
     */
    RhinoThreadContext(SandboxContextFactory factory, RhinoBackend backend) {
        Context current = Context.getCurrentContext();
        this.beforeCreation = current == null ? null : displace(current);
        this.cx = factory.enterContext();
        this.backend = backend;
        this.resident = true;
    }

    /** The runtime is built: puts back the Context that was current before, unless its runtime was idle. */
    void created() {
        Suspended previous = beforeCreation;
        beforeCreation = null;
        if (previous != null && mustRestore(previous.context())) leaveFor(previous);
    }

    /** Building the runtime failed: exits its Context and puts back the one that was current before. */
    void failed() {
        close();
        Suspended previous = beforeCreation;
        beforeCreation = null;
        if (previous != null) {
            enterAgain(previous.context(), previous.entries());
            RhinoThreadContext owner = of(previous.context());
            if (owner != null) {
                owner.resident = true;
                owner.displacedEntries = 0;
            }
        }
    }

    /** The runtime's Context. */
    Context context() {
        return cx;
    }

    /**
     * Makes the runtime's Context current; returns the Context to restore when the operation
     * ends, or null (the common case: the Context is resident, one field read).
     */
    Suspended enter() {
        return resident ? null : swapIn();
    }

    /** Ends an operation begun with {@link #enter()}. */
    void leave(Suspended restore) {
        if (restore != null) leaveFor(restore);
    }

    private Suspended swapIn() {
        Context current = Context.getCurrentContext();
        if (current == cx) {
            resident = true;
            return null;
        }
        Suspended previous = current == null ? null : displace(current);
        enterAgain(cx, Math.max(displacedEntries, 1));
        displacedEntries = 0;
        resident = true;
        return previous != null && mustRestore(previous.context()) ? previous : null;
    }

    /** Exits {@link #cx} completely and makes {@code restore} current again. */
    private void leaveFor(Suspended restore) {
        if (Context.getCurrentContext() == cx) {
            displacedEntries = exitCompletely(cx);
            resident = false;
        }
        enterAgain(restore.context(), restore.entries());
        RhinoThreadContext owner = of(restore.context());
        if (owner != null) {
            owner.resident = true;
            owner.displacedEntries = 0;
        }
    }

    /** Exits the runtime's Context for good (the runtime closes). */
    void close() {
        if (Context.getCurrentContext() == cx) exitCompletely(cx);
        resident = false;
        displacedEntries = 0;
    }

    /** Exits {@code current} completely, noting on its runtime (if it has one) that it is displaced. */
    private static Suspended displace(Context current) {
        RhinoThreadContext owner = of(current);
        int entries = exitCompletely(current);
        if (owner != null) {
            owner.resident = false;
            owner.displacedEntries = entries;
        }
        return new Suspended(current, entries);
    }

    /** A displaced Context must come back when it is not a jsi4j runtime's, or its runtime is mid-operation. */
    private static boolean mustRestore(Context context) {
        RhinoThreadContext owner = of(context);
        return owner == null || owner.backend.busy();
    }

    private static RhinoThreadContext of(Context context) {
        return context.getThreadLocal(SandboxContextFactory.BACKEND_KEY) instanceof RhinoBackend b ? b.threadContext() : null;
    }

    private static int exitCompletely(Context context) {
        int entries = 0;
        while (Context.getCurrentContext() == context) {
            Context.exit();
            entries++;
        }
        return entries;
    }

    private static void enterAgain(Context context, int entries) {
        for (int i = 0; i < entries; i++) context.getFactory().enterContext(context);
    }
}
