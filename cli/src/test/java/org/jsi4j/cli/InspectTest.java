package org.jsi4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsi4j.EngineOptions;
import org.jsi4j.JsEngines;
import org.jsi4j.JsRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code jsi run --inspect-brk} on GraalJS and V8 driven by a real Chrome DevTools Protocol client
 * over WebSocket: the printed DevTools URL, the pause on start, a breakpoint by URL and line, a
 * local variable read on the paused frame, and the script's output once resumed; on V8 also the
 * HTTP discovery documents, a second client, a malformed message and a client gone mid-pause.
 */
@Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class InspectTest {
    private static final Pattern DEVTOOLS = Pattern.compile("devtools://devtools/bundled/js_app\\.html\\?ws=(\\S+)");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"graal", "v8"})
    void inspectBrkPausesOnStartStopsAtABreakpointAndReadsLocals(String engine) throws Exception {
        Path script = dir.resolve("app.js");
        Files.writeString(script, """
                function add(a, b) {
                  const sum = a + b;
                  return sum;
                }
                console.log('result ' + add(2, 3));
                """);
        int port = freePort();
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(CliProcess.command("run", "--engine", engine, "--inspect-brk=" + port, script.toString()))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            String ws = awaitDevToolsUrl(p, err);
            assertTrue(ws.startsWith("127.0.0.1:" + port + "/"), ws);
            Thread.sleep(300);
            assertEquals("", Files.readString(out), "--inspect-brk must hold the script until a debugger attaches");
            try (DevToolsClient devtools = DevToolsClient.connect("ws://" + ws)) {
                devtools.call("Runtime.enable", null);
                devtools.call("Debugger.enable", null);
                JsonNode set = devtools.call("Debugger.setBreakpointByUrl",
                        DevToolsClient.params().put("url", script.toString()).put("lineNumber", 2)); // 0-based: return sum;
                assertTrue(set.path("breakpointId").isTextual(), set.toString());
                devtools.call("Runtime.runIfWaitingForDebugger", null);

                JsonNode start = devtools.event("Debugger.paused");
                assertEquals(4, start.path("callFrames").get(0).path("location").path("lineNumber").asInt(), start.toString());
                assertFalse(start.path("reason").asText().equals("instrumentation"), "DevTools resumes such a pause by itself");
                String startUrl = scriptUrl(devtools, start.path("callFrames").get(0).path("location").path("scriptId").asText());
                assertTrue(startUrl.endsWith("app.js"), "paused on start in " + startUrl + ", not in the user's script");
                assertEquals("", Files.readString(out), "paused on start: nothing has run yet");
                devtools.call("Debugger.resume", null);

                JsonNode hit = devtools.event("Debugger.paused");
                JsonNode frame = hit.path("callFrames").get(0);
                assertEquals(2, frame.path("location").path("lineNumber").asInt(), hit.toString());
                assertEquals("add", frame.path("functionName").asText(), hit.toString());
                assertFalse(hit.path("hitBreakpoints").isEmpty(), hit.toString());
                JsonNode sum = devtools.call("Debugger.evaluateOnCallFrame", DevToolsClient.params()
                        .put("callFrameId", frame.path("callFrameId").asText()).put("expression", "sum * 10 + a"));
                assertEquals(52, sum.path("result").path("value").asInt(), sum.toString());
                JsonNode local = localScope(devtools, frame);
                assertEquals(5, local(local, "sum").path("value").asInt(-1), local.toString());
                assertEquals(3, local(local, "b").path("value").asInt(-1), local.toString());
                devtools.call("Debugger.resume", null);
                assertTrue(p.waitFor(20, TimeUnit.SECONDS), "the script did not end once resumed");
            }
            assertEquals(0, p.exitValue(), Files.readString(err));
            assertEquals("result 5", Files.readString(out).strip());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(e.getMessage() + "; the run's standard error: " + Files.readString(err), e);
        } finally {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void v8ServesDiscoveryWaitsForTheNextClientRefusesASecondSurvivesGarbageAndRunsOnWhenTheClientLeavesMidPause() throws Exception {
        Path script = dir.resolve("app.js");
        Files.writeString(script, "let n = 6;\nconsole.log('done ' + n * 7);\n");
        int port = freePort();
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(CliProcess.command("run", "--engine", "v8", "--inspect-brk=" + port, script.toString()))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            String ws = awaitDevToolsUrl(p, err);
            assertTrue(Files.readString(err).contains("Debugger listening on ws://" + ws), Files.readString(err));
            HttpClient http = HttpClient.newHttpClient();
            JsonNode list = new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body());
            assertEquals("ws://" + ws, list.get(0).path("webSocketDebuggerUrl").asText(), list.toString());
            HttpResponse<String> version = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/version"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(version.body().contains("\"Protocol-Version\""), version.body());
            try (Socket rebinding = new Socket("127.0.0.1", port)) { // a Host that is not an IP address or localhost (DNS rebinding)
                rebinding.getOutputStream().write(("GET /json/list HTTP/1.1\r\nHost: evil.example:" + port + "\r\n\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                String status = new String(rebinding.getInputStream().readNBytes(12), java.nio.charset.StandardCharsets.US_ASCII);
                assertEquals("HTTP/1.1 400", status);
            }

            try (DevToolsClient early = DevToolsClient.connect("ws://" + ws)) { // gone before runIfWaitingForDebugger
                early.call("Debugger.enable", null);
            }
            Thread.sleep(200);
            DevToolsClient first = DevToolsClient.connect("ws://" + ws); // the run still waits, for the next debugger
            Exception second = assertThrows(Exception.class, () -> DevToolsClient.connect("ws://" + ws).close());
            assertEquals(409, ((WebSocketHandshakeException) second.getCause()).getResponse().statusCode(),
                    "a second debugger is refused while one is attached");
            JsonNode garbage = first.raw("{this is not json");
            assertTrue(garbage.has("error"), garbage.toString());
            first.call("Runtime.enable", null);
            first.call("Debugger.enable", null);
            first.call("Runtime.runIfWaitingForDebugger", null);
            JsonNode start = first.event("Debugger.paused");
            assertEquals(0, start.path("callFrames").get(0).path("location").path("lineNumber").asInt(), start.toString());
            assertEquals("", Files.readString(out), "paused on start: nothing has run yet");
            first.close(); // gone mid-pause: the script runs on, as in Node
            assertTrue(p.waitFor(20, TimeUnit.SECONDS), "the run hung after its debugger left mid-pause; " + Files.readString(err));
            assertEquals(0, p.exitValue(), Files.readString(err));
            assertEquals("done 42", Files.readString(out).strip());
        } finally {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void otherEnginesAndBadAddressesAreUsageErrors() {
        StringWriter rhino = new StringWriter();
        int refused = Jsi.commandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(rhino, true))
                .execute("run", "--engine", "rhino", "--inspect", "--eval", "1");
        assertEquals(2, refused, rhino.toString());
        assertEquals("jsi: --inspect is not supported on the rhino engine; use --engine graal or --engine v8", rhino.toString().strip());
        StringWriter err = new StringWriter();
        int code = Jsi.commandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true))
                .execute("run", "--engine", "graal", "--inspect-brk=70000", "--eval", "1");
        assertEquals(2, code, err.toString());
        assertTrue(err.toString().startsWith("jsi: --inspect-brk takes [HOST:]PORT"), err.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"graal", "v8"})
    void aPortInUseIsAUsageErrorNotAHang(String engine) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            StringWriter err = new StringWriter();
            int code = Jsi.commandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true))
                    .execute("run", "--engine", engine, "--inspect=" + taken.getLocalPort(), "--eval", "1");
            assertEquals(2, code, err.toString());
            assertTrue(err.toString().startsWith("jsi: --inspect: cannot listen on 127.0.0.1:" + taken.getLocalPort()), err.toString());
            // from Java: an IllegalArgumentException, not a runtime waiting for good
            var factory = JsEngines.configured(engine, EngineOptions.of(
                    Map.of(engine + ".inspect", Integer.toString(taken.getLocalPort()))));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, factory::create);
            assertTrue(e.getMessage().contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()), e.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"graal", "v8"})
    void anInspectedRuntimeListensUntilItCloses(String engine) throws Exception {
        int port = freePort();
        var factory = JsEngines.configured(engine, EngineOptions.of(Map.of(
                engine + ".inspect", Integer.toString(port), engine + ".inspect.Suspend", "false", engine + ".inspect.WaitAttached", "false")));
        try (JsRuntime rt = factory.create()) {
            assertEquals(42, rt.evaluate("6 * 7", "x.js").asNumber());
            try (Socket s = new Socket("127.0.0.1", port)) {
                assertTrue(s.isConnected());
            }
        }
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        boolean closed = false;
        while (!closed && System.nanoTime() < giveUp) {
            try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                closed = true;
            } catch (IOException stillOpen) {
                Thread.sleep(100);
            }
        }
        assertTrue(closed, "the inspector still listens on " + port + " after its runtime closed");
        try (JsRuntime plain = JsEngines.factory(engine).create()) { // GraalJS: the factory's shared engine is unharmed
            assertEquals(7, plain.evaluate("3 + 4", "y.js").asNumber());
        }
    }

    /** The {@code ws=} part of the DevTools URL the command prints, within three times the client's timeout. */
    private static String awaitDevToolsUrl(Process p, Path err) throws Exception {
        long giveUp = System.nanoTime() + DevToolsClient.TIMEOUT.toNanos() * 3; // a JVM starting on a busy machine
        while (System.nanoTime() < giveUp) {
            Matcher m = DEVTOOLS.matcher(Files.readString(err));
            if (m.find()) return m.group(1);
            if (!p.isAlive()) break;
            Thread.sleep(50);
        }
        throw new AssertionError("no DevTools URL printed; standard error: " + Files.readString(err));
    }

    /** The URL of a parsed script, from the Debugger.scriptParsed events seen. */
    private static String scriptUrl(DevToolsClient devtools, String scriptId) {
        return devtools.seen("Debugger.scriptParsed").stream().filter(s -> s.path("scriptId").asText().equals(scriptId))
                .map(s -> s.path("url").asText()).findFirst().orElse("(script " + scriptId + " never parsed)");
    }

    /** The properties of the frame's local scope object (Runtime.getProperties). */
    private static JsonNode localScope(DevToolsClient devtools, JsonNode frame) throws Exception {
        for (JsonNode scope : frame.path("scopeChain")) {
            if (scope.path("type").asText().equals("local")) {
                return devtools.call("Runtime.getProperties", DevToolsClient.params()
                        .put("objectId", scope.path("object").path("objectId").asText()).put("ownProperties", true));
            }
        }
        throw new AssertionError("no local scope in " + frame);
    }

    /** The value of the property {@code name} in a Runtime.getProperties result. */
    private static JsonNode local(JsonNode properties, String name) {
        for (JsonNode p : properties.path("result")) {
            if (p.path("name").asText().equals(name)) return p.path("value");
        }
        throw new AssertionError("no local " + name + " in " + properties);
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
