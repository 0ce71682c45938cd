package org.jsi4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A Chrome DevTools Protocol client over {@link WebSocket}: commands with their replies, and the
 * events the debuggee sends, every wait bounded by {@link #TIMEOUT}.
 */
final class DevToolsClient implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LinkedBlockingQueue<JsonNode> incoming = new LinkedBlockingQueue<>();
    /** Events received while waiting for something else, oldest first. */
    private final List<JsonNode> events = new ArrayList<>();
    private final WebSocket socket;
    private int lastId;

    private DevToolsClient(URI uri) throws Exception {
        socket = HttpClient.newBuilder().connectTimeout(TIMEOUT).build().newWebSocketBuilder()
                .connectTimeout(TIMEOUT).buildAsync(uri, new Listener())
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Connects to the inspector's WebSocket, e.g. {@code ws://127.0.0.1:9229/abc}. */
    static DevToolsClient connect(String uri) throws Exception {
        return new DevToolsClient(URI.create(uri));
    }

    /** Sends {@code method} with {@code params} (may be null) and returns its {@code result}. */
    JsonNode call(String method, ObjectNode params) throws Exception {
        int id = ++lastId;
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        if (params != null) message.set("params", params);
        socket.sendText(JSON.writeValueAsString(message), true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        while (true) {
            JsonNode m = next(method + " reply");
            if (m.path("id").asInt(-1) == id) {
                if (m.has("error")) throw new AssertionError(method + " failed: " + m.get("error"));
                return m.path("result");
            }
            if (m.has("method")) events.add(m);
        }
    }

    /** Sends {@code text} as it is (not necessarily a protocol message) and returns the next reply (a message with an id). */
    JsonNode raw(String text) throws Exception {
        socket.sendText(text, true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        while (true) {
            JsonNode m = next("reply to " + text);
            if (m.has("id")) return m;
            if (m.has("method")) events.add(m);
        }
    }

    /** The params of the next event named {@code method}, received already or within the timeout. */
    JsonNode event(String method) throws Exception {
        for (Iterator<JsonNode> it = events.iterator(); it.hasNext(); ) {
            JsonNode m = it.next();
            if (m.path("method").asText().equals(method)) {
                it.remove();
                return m.path("params");
            }
        }
        while (true) {
            JsonNode m = next(method);
            if (m.path("method").asText().equals(method)) return m.path("params");
            if (m.has("method")) events.add(m);
        }
    }

    /** Every event of {@code method} received so far (not consumed). */
    List<JsonNode> seen(String method) {
        return events.stream().filter(m -> m.path("method").asText().equals(method)).map(m -> m.path("params")).toList();
    }

    static ObjectNode params() {
        return JSON.createObjectNode();
    }

    private JsonNode next(String awaited) throws Exception {
        JsonNode m = incoming.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (m == null) throw new TimeoutException("no " + awaited + " from the inspector within " + TIMEOUT.toSeconds() + " s; events: "
                + events.stream().map(e -> e.path("method").asText() + " " + e.path("params").path("url").asText("")).toList());
        return m;
    }

    @Override
    public void close() {
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    incoming.add(JSON.readTree(partial.toString()));
                } catch (Exception e) {
                    incoming.add(JSON.createObjectNode().put("method", "bad message: " + partial));
                }
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }
    }
}
