package org.jsi4j.rhino;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.ScriptRuntime;
import org.mozilla.javascript.debug.DebugFrame;
import org.mozilla.javascript.debug.DebuggableScript;
import org.mozilla.javascript.debug.Debugger;

/**
 * Counts every interpreted JavaScript frame on a runtime's thread against
 * {@link org.jsi4j.RuntimeOptions#maxStackDepth()}, across nested interpreter loops.
 *
 * <p>Rhino 1.9.2's interpreter numbers the frames of one interpreter loop ({@code CallFrame.frameIndex})
 * and enforces {@link Context#setMaximumInterpreterStackDepth} within that loop only. Code that
 * a built-in or a host function runs ({@code eval}, {@code new Function}, callbacks of
 * {@code Array.prototype.map}, getters, Proxy traps, calls from Java) starts a new loop whose
 * frames are numbered from zero, so a recursion through {@code eval} was bounded only by the Java
 * stack. Every frame of a loop points at the top frame of the loop it was entered from
 * ({@code CallFrame.previousInterpreterFrame}) and the Context holds the frame running now
 * ({@code Context.lastInterpreterFrame}): the depth of the whole stack is the sum over the loops of
 * their top frame's index plus one; the loops below the running one are summed once per loop and
 * remembered, so each frame costs O(1) ({@link #depth}). Those fields are package-private and read
 * here through {@link VarHandle}s.
 *
 * <p>The check runs where Rhino makes every frame: the interpreter asks the Context's
 * {@link Debugger} for a {@link org.mozilla.javascript.debug.DebugFrame} in each frame's constructor,
 * the place where it also checks its own per-loop limit. This debugger answers {@code null} (no
 * debugging hooks, so the interpreter runs as without a debugger) or, when the frame would be one too
 * many, throws the {@code RangeError} that Rhino's own limit raises, which JavaScript can catch.
 * Where the fields cannot be read (Rhino on the module path, whose module does not open its
 * package, or another Rhino version) {@link #of} answers {@code null} and only the per-loop limit applies.
 */
final class InterpreterDepth implements Debugger {
    /** Loops walked at most (a guard against a cycle; far above any real nesting). */
    private static final int MAX_LOOPS = 1 << 16;
    private static final VarHandle LAST_FRAME;
    private static final VarHandle FRAME_INDEX;
    private static final VarHandle PREVIOUS_LOOP;

    static {
        VarHandle last = null;
        VarHandle index = null;
        VarHandle previous = null;
        try {
            Class<?> frame = Class.forName("org.mozilla.javascript.Interpreter$CallFrame");
            MethodHandles.Lookup rhino = MethodHandles.privateLookupIn(Context.class, MethodHandles.lookup());
            last = rhino.findVarHandle(Context.class, "lastInterpreterFrame", Object.class);
            index = rhino.findVarHandle(frame, "frameIndex", short.class);
            previous = rhino.findVarHandle(frame, "previousInterpreterFrame", frame);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            last = null; // not readable here: Rhino's per-loop limit only
        }
        LAST_FRAME = last;
        FRAME_INDEX = index;
        PREVIOUS_LOOP = previous;
    }

    private final int max;
    /** The top frame of the loop the running loop was entered from, as last seen (identity), or null. */
    private Object outerLoop;
    /** {@link #walk} of {@link #outerLoop}. */
    private int outerDepth;

    private InterpreterDepth(int max) {
        this.max = max;
    }

    /** Whether Rhino's frames can be read here. */
    static boolean available() {
        return LAST_FRAME != null;
    }

    /**
     * A check of a Context's stack against {@code max} frames, to install with
     * {@link Context#setDebugger}, or {@code null} where the stack cannot be read.
     */
    static InterpreterDepth of(int max) {
        return LAST_FRAME == null ? null : new InterpreterDepth(max);
    }

    /** A new frame starts ({@code cx} is the current Context): refused past the limit. */
    @Override
    public DebugFrame getFrame(Context cx, DebuggableScript script) {
        if (depth(cx) >= max) throw ScriptRuntime.rangeError(StackDepthReporter.MESSAGE);
        return null;
    }

    /**
     * The interpreted frames on {@code cx}'s thread now, in every loop: the running loop's top
     * frame index plus one, plus the frames of the loops it was entered from. Those are the same for
     * every frame of the running loop (frames never change their index or their link), so they are
     * counted once per loop, when a frame first links to that outer loop, and remembered: each frame
     * then costs O(1). The remembered outer frame is dropped when a frame of the base loop starts.
     */
    int depth(Context cx) {
        Object frame = LAST_FRAME.get(cx);
        if (frame == null) return 0;
        int own = (short) FRAME_INDEX.get(frame) + 1;
        Object outer = PREVIOUS_LOOP.get(frame);
        if (outer != outerLoop) {
            outerLoop = outer;
            outerDepth = outer == null ? 0 : walk(outer);
        }
        return own + outerDepth;
    }

    /** The frames of the loop whose top frame is {@code frame} and of every loop below it. */
    static int walk(Object frame) {
        int depth = 0;
        for (int loops = 0; frame != null && loops < MAX_LOOPS; loops++) {
            depth += (short) FRAME_INDEX.get(frame) + 1;
            frame = PREVIOUS_LOOP.get(frame);
        }
        return depth;
    }
}
