package org.jsi4j.v8;

import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.interop.IV8InspectorListener;
import com.caoccao.javet.interop.V8Inspector;
import com.caoccao.javet.interop.V8Runtime;
import java.io.PrintStream;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * V8's own inspector (one Javet {@link V8Inspector} session per runtime) served to Chrome DevTools
 * by a {@link V8DevToolsServer}: the debugger's messages go into the session, V8's replies and
 * events go back out.
 *
 * <p>Threads. V8 runs a message loop on the runtime's owner thread while it is paused (and while
 * it waits for the debugger), draining the messages Javet queues from other threads; then, and
 * only then, a message goes into the session from Netty's thread. Otherwise it is handed to the
 * owner thread through the runtime's executor (it runs once the script gives the thread back, as
 * in Node where the inspector answers between tasks), so that JavaScript the debugger evaluates
 * runs on the owner thread, whose host functions it may call. Whether V8 is paused is read off
 * its own {@code Debugger.paused} and {@code Debugger.resumed} events.
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
    private static final Pattern BREAKPOINT_ID = Pattern.compile("\"breakpointId\":\"([^\"\\\\]+)\"");

    private final V8Inspector inspector;
    private final Settings settings;
    private final Executor owner;
    private final ConcurrentLinkedQueue<String> pending = new ConcurrentLinkedQueue<>();
    private volatile V8DevToolsServer server;
    /** V8 runs its message loop on the owner thread: paused, or waiting for the debugger. */
    private volatile boolean looping;
    /** The breakpoint that pauses before the first script, until it has. */
    private volatile String startBreakpoint;
    /** Whether the first script that is not jsi4j's own has started (owner thread only). */
    private boolean started;

    private V8Debugger(V8Inspector inspector, Settings settings, Executor owner) {
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
        V8Debugger debugger = new V8Debugger(inspector, settings, owner);
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
            looping = true;
            try {
                flush(); // what came before the owner could listen
                inspector.waitForDebugger();
            } finally {
                looping = false;
            }
        }
        // with no JavaScript on the stack V8 ignores schedulePauseOnNextStatement and Debugger.pause;
        // an instrumentation breakpoint pauses before the next script runs, and is removed at that pause
        // (it needs the debugger's Debugger.enable, which DevTools sends before runIfWaitingForDebugger)
        if (settings.suspend()) {
            flushOwn("{\"id\":" + OWN_ID + ",\"method\":\"Debugger.setInstrumentationBreakpoint\","
                    + "\"params\":{\"instrumentation\":\"beforeScriptExecution\"}}");
        }
    }

    // ------------------------------------------------------------ from the debugger (Netty's thread)

    @Override
    public void attached() {
        System.err.println("Debugger attached.");
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

    /** Into the session: now when V8 runs its message loop, else on the owner thread. */
    private void deliver(String text) {
        pending.add(text);
        if (looping) {
            flush();
        } else {
            try {
                owner.execute(this::flush);
            } catch (RuntimeException closing) {
                // the runtime is closing: nobody is left to answer
            }
        }
    }

    @Override
    public void detached() {
        deliver("{\"id\":" + OWN_ID + ",\"method\":\"Debugger.disable\"}");
    }

    /** Sends one of this class's own messages ahead of those waiting; on the owner thread. */
    private void flushOwn(String message) {
        try {
            inspector.sendRequest(message);
        } catch (JavetException | RuntimeException e) {
            // the runtime is closed
        }
    }

    private void flush() {
        for (String m; (m = pending.poll()) != null; ) {
            try {
                inspector.sendRequest(m); // V8 answers a malformed message with a protocol error
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
        // sent before V8 enters its pause loop, and after it left it
        if (message.startsWith("{\"method\":\"Debugger.paused\"")) {
            looping = true;
            String start = startBreakpoint;
            if (start != null && message.contains("\"reason\":\"instrumentation\"")) {
                startBreakpoint = null;
                // not from within V8's callback: queued from another thread, the pause loop runs it
                Thread.ofVirtual().start(() -> deliver("{\"id\":" + OWN_ID + ",\"method\":\"Debugger.removeBreakpoint\","
                        + "\"params\":{\"breakpointId\":\"" + start + "\"}}"));
            }
        } else if (message.startsWith("{\"method\":\"Debugger.resumed\"")) {
            looping = false;
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
