package org.jsi4j.v8;

import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.interop.IV8InspectorListener;
import com.caoccao.javet.interop.V8Inspector;
import com.caoccao.javet.interop.V8Runtime;
import java.io.PrintStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * V8's own inspector (one Javet {@link V8Inspector} session per runtime) served to Chrome DevTools
 * by a {@link V8DevToolsServer}: the debugger's messages go into the session, V8's replies and
 * events go back out.
 *
 * <p>Threads. V8 runs a message loop on the runtime's owner thread while it is paused (and while
 * it waits for the debugger), draining the messages Javet queues from other threads; then, and
 * only then, a message goes into the session from a sender thread of its own (not Netty's, which
 * must stay free to write V8's replies). Otherwise it is handed to the owner thread through the
 * runtime's executor (it runs once the script gives the thread back, as in Node where the
 * inspector answers between tasks), so that JavaScript the debugger evaluates runs on the owner
 * thread, whose host functions it may call. Whether V8 is in its loop is read off its own
 * {@code Debugger.paused} and {@code Debugger.resumed} events and the commands that end a pause;
 * a message sent while V8 is outside the loop would wait for V8's lock until the script ends.
 *
 * <p>A debugger that goes away is detached as Node does it: its breakpoints are dropped and a
 * paused script goes on ({@code Debugger.disable}); a run waiting for a debugger to attach keeps
 * waiting for the next one.
 */
final class V8Debugger implements IV8InspectorListener, V8DevToolsServer.Session, AutoCloseable {
    /** What {@code v8.inspect*} ask for: where to listen, and whether to pause on start and wait for a debugger. */
    record Settings(String host, int port, boolean suspend, boolean waitAttached) {
    }

    /** The id of the messages this class sends itself; their replies go to no debugger. */
    private static final int OWN_ID = 2_147_000_000;
    private static final String OWN_REPLY = "{\"id\":" + OWN_ID + ",";
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d{1,9})\\s*[,}]");
    private static final Pattern METHOD = Pattern.compile("\"method\"\\s*:\\s*\"[A-Za-z]+\\.[A-Za-z]+\"");
    /** Commands after which V8 leaves its pause loop. */
    private static final Pattern ENDS_PAUSE = Pattern.compile("\"method\"\\s*:\\s*\"Debugger\\.(resume|stepOver|stepInto|stepOut|disable)\"");
    /** The command after which V8 leaves its wait for the debugger. */
    private static final Pattern ENDS_WAIT = Pattern.compile("\"method\"\\s*:\\s*\"Runtime\\.runIfWaitingForDebugger\"");
    private static final long STILL_PAUSED_MS = 300;
    private static final long SETTLE_NANOS = 20_000_000;
    private static final Pattern BREAKPOINT_ID = Pattern.compile("\"breakpointId\":\"([^\"\\\\]+)\"");

    private final V8Inspector inspector;
    private final PrintStream err;
    private final Settings settings;
    private final Executor owner;
    private final ConcurrentLinkedQueue<String> pending = new ConcurrentLinkedQueue<>();
    /** Threads sending a command that ends V8's loop (see {@link #sendNow}). */
    private final Set<Thread> leavers = ConcurrentHashMap.newKeySet();
    /** Sends into V8 off the owner thread, and looks again, once per message, whether a loop still runs ({@link #deliver}). */
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "jsi4j-v8-inspector");
        t.setDaemon(true);
        return t;
    });
    private volatile V8DevToolsServer server;
    /** Between V8's {@code Debugger.paused} and {@code Debugger.resumed}: its pause loop runs. */
    private volatile boolean paused;
    /** The owner thread runs V8's loop that waits for the debugger. */
    private volatile boolean waiting;
    /** A command that ends the pause or the wait went in, and V8 may have left its loop already. */
    private volatile boolean leaving;
    /** When V8 announced its loop ({@link System#nanoTime()}). */
    private volatile long loopSince;
    /** The instrumentation breakpoint that pauses before the first script, until it has. */
    private volatile String startBreakpoint;
    /** The pause of that breakpoint, hidden from the debugger (DevTools resumes such a pause by itself). */
    private volatile boolean hiddenPause;
    /** Whether the first script that is not jsi4j's own has started (owner thread only). */
    private boolean started;

    private V8Debugger(V8Inspector inspector, Settings settings, Executor owner, PrintStream err) {
        this.err = err;
        this.inspector = inspector;
        this.settings = settings;
        this.owner = owner;
    }

    /**
     * Opens the inspector session of {@code rt}, listens for a debugger and prints where, as Node
     * does, on {@code err}. On the owner thread.
     *
     * @throws IllegalArgumentException when the address cannot be listened on
     */
    static V8Debugger start(V8Runtime rt, Settings settings, String version, Executor owner, PrintStream err) {
        V8Inspector inspector = rt.createV8Inspector("jsi4j", settings.waitAttached());
        V8Debugger debugger = new V8Debugger(inspector, settings, owner, err);
        inspector.addListeners(debugger);
        try {
            debugger.server = V8DevToolsServer.start(settings.host(), settings.port(), "jsi4j", version, debugger);
        } catch (RuntimeException e) {
            debugger.closeSession();
            throw e;
        }
        err.println("Debugger listening on " + debugger.server.webSocketUrl());
        err.println("For help, see: https://nodejs.org/en/docs/inspector");
        err.println("E.g. in Chrome open: " + debugger.server.devToolsUrl());
        err.flush();
        return debugger;
    }

    /**
     * Before a script runs, on the owner thread: for the first that is not jsi4j's own, waits for
     * the debugger's {@code Runtime.runIfWaitingForDebugger} and pauses on its first statement, as
     * the settings ask.
     */
    void beforeScript(String sourceName) {
        if (started || sourceName.startsWith("jsi4j:")) return;
        started = true;
        if (settings.waitAttached()) {
            loopSince = System.nanoTime();
            waiting = true;
            try {
                flush(); // what came before the owner could listen
                loopSince = System.nanoTime();
                inspector.waitForDebugger();
            } finally {
                waiting = false;
                leaving = false;
            }
        }
        // With no JavaScript on the stack V8 ignores schedulePauseOnNextStatement and Debugger.pause.
        // An instrumentation breakpoint pauses before the next script runs; at that (hidden) pause a
        // Debugger.pause and a resume make V8 pause again on the script's first statement, as Node
        // does. It needs the debugger's Debugger.enable, which DevTools sends before runIfWaitingForDebugger.
        if (settings.suspend()) {
            sendOwn("{\"id\":" + OWN_ID + ",\"method\":\"Debugger.setInstrumentationBreakpoint\","
                    + "\"params\":{\"instrumentation\":\"beforeScriptExecution\"}}");
        }
    }

    // ------------------------------------------------------------ from the debugger (Netty's thread)

    @Override
    public void attached() {
        err.println("Debugger attached.");
        err.flush();
    }

    @Override
    public void message(String text) {
        String body = text.strip();
        Matcher id = ID.matcher(body);
        if (!body.startsWith("{") || !body.endsWith("}") || !id.find() || !METHOD.matcher(body).find()) {
            // V8 drops such a message without a word; the debugger gets the protocol's parse error
            server.send("{\"id\":" + (id.find(0) ? id.group(1) : "0") + ",\"error\":{\"code\":-32700,\"message\":"
                    + "\"not a protocol message: a JSON object with an integer id and a method is expected\"}}");
            return;
        }
        deliver(text);
    }

    @Override
    public void detached() {
        deliver("{\"id\":" + OWN_ID + ",\"method\":\"Debugger.disable\"}");
    }

    /**
     * Into the session: at once while V8 runs a loop that drains Javet's queue (a message sent
     * then never waits for V8's lock, which the owner thread holds), else on the owner thread.
     * After a command that ends the loop, later messages take the owner thread's way: V8 may have
     * left the loop before it says so.
     */
    private void deliver(String text) {
        trace("deliver paused=" + paused + " waiting=" + waiting + " leaving=" + leaving + " " + text);
        if ((paused || waiting) && !leaving) {
            boolean leaves = (waiting ? ENDS_WAIT : ENDS_PAUSE).matcher(text).find();
            if (leaves) leaving = true;
            else pending.add(text);
            sendNow(leaves ? text : null);
            return;
        }
        pending.add(text);
        try {
            owner.execute(this::flush);
        } catch (RuntimeException closing) {
            return; // the runtime is closing: nobody is left to answer
        }
        // a command that did not end the pause after all (bad parameters): the loop still runs
        try {
            sender.schedule(() -> {
                if ((paused || waiting) && !pending.isEmpty()) {
                    leaving = false;
                    sendNow(null);
                }
            }, STILL_PAUSED_MS, TimeUnit.MILLISECONDS);
        } catch (RuntimeException closing) {
            // the runtime is closing
        }
    }

    /**
     * Sends what is pending from the sender thread, once V8 has surely entered the loop it
     * announced (it does within microseconds): a message sent before would wait for V8's lock,
     * held by the owner thread until the script ends. Never from Netty's thread, which must stay
     * free to write V8's replies. {@code last}, a command that ends the loop (or null), goes in
     * from a thread of its own: V8 may leave the loop before Javet looks whether it runs, and
     * then the sending thread waits for V8's lock, maybe until the script ends.
     */
    private void sendNow(String last) {
        try {
            sender.execute(() -> {
                long left = loopSince + SETTLE_NANOS - System.nanoTime();
                if (left > 0) LockSupport.parkNanos(left);
                flush();
                if (last != null) leavers.add(Thread.ofPlatform().daemon().name("jsi4j-v8-inspector-leave").start(() -> {
                    try {
                        trace("send leaving " + last);
                        inspector.sendRequest(last);
                        trace("sent leaving " + last);
                    } catch (JavetException | RuntimeException closed) {
                        // the runtime is closed
                    } finally {
                        leavers.remove(Thread.currentThread());
                    }
                }));
            });
        } catch (RuntimeException closed) {
            // the runtime is closing
        }
    }

    private static final boolean TRACE = Boolean.getBoolean("jsi.v8.inspector.trace");

    private static void trace(String what) {
        if (TRACE) System.err.println("[v8 inspector " + System.nanoTime() / 1_000_000 % 100_000 + "] " + what);
    }

    /** Sends one of this class's own messages on the owner thread, ahead of those waiting. */
    private void sendOwn(String message) {
        try {
            inspector.sendRequest(message);
        } catch (JavetException | RuntimeException e) {
            // the runtime is closed
        }
    }

    private void flush() {
        for (String m; (m = pending.poll()) != null; ) {
            try {
                trace("send on " + Thread.currentThread().getName() + ": " + m);
                inspector.sendRequest(m);
                trace("sent " + m);
            } catch (JavetException | RuntimeException e) {
                return; // the runtime is closed
            }
        }
    }

    // ------------------------------------------------------------ from V8 (the owner thread)

    @Override
    public void receiveResponse(String message) {
        if (message.startsWith(OWN_REPLY)) {
            Matcher m = BREAKPOINT_ID.matcher(message);
            if (m.find()) startBreakpoint = m.group(1);
        } else if (server != null) {
            server.send(message);
        }
    }

    @Override
    public void receiveNotification(String message) {
        trace("event " + message.substring(0, Math.min(60, message.length())));
        // Debugger.paused comes before V8 enters its pause loop, Debugger.resumed after it left it
        if (message.startsWith("{\"method\":\"Debugger.paused\"")) {
            loopSince = System.nanoTime();
            paused = true;
            leaving = false;
            String start = startBreakpoint;
            if (start != null && message.contains("\"reason\":\"instrumentation\"")) {
                startBreakpoint = null;
                hiddenPause = true;
                // queued from another thread (not inside V8's callback); the pause loop runs them
                Thread.ofVirtual().start(() -> {
                    deliver("{\"id\":" + OWN_ID + ",\"method\":\"Debugger.removeBreakpoint\",\"params\":{\"breakpointId\":\""
                            + start + "\"}}");
                    deliver("{\"id\":" + OWN_ID + ",\"method\":\"Debugger.pause\"}");
                    deliver("{\"id\":" + OWN_ID + ",\"method\":\"Debugger.resume\"}");
                });
                return;
            }
        } else if (message.startsWith("{\"method\":\"Debugger.resumed\"")) {
            paused = false;
            leaving = false;
            if (hiddenPause) {
                hiddenPause = false;
                return;
            }
        }
        if (server != null) server.send(message);
    }

    @Override
    public void flushProtocolNotifications() {
        // each message is sent as it comes
    }

    @Override
    public void runIfWaitingForDebugger(int contextGroupId) {
        // V8 leaves its wait loop by itself
    }

    @Override
    public void sendRequest(String message) {
        // Javet's echo of what was sent into the session
    }

    /** Stops listening and closes the session; on the owner thread, before the runtime closes. */
    @Override
    public void close() {
        if (server != null) server.close();
        sender.shutdownNow();
        // a command still on its way into V8 must not reach a closed isolate; the owner thread holds no lock of V8's now
        for (Thread t : leavers) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        closeSession();
    }

    private void closeSession() {
        try {
            inspector.close();
        } catch (JavetException ignored) {
            // the runtime below closes anyway
        }
    }
}
