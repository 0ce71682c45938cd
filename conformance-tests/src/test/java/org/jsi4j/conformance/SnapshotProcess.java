package org.jsi4j.conformance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsi4j.JsEngines;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsValue;
import org.jsi4j.RuntimeOptions;

/**
 * The other JVM of the snapshot tests: {@code SnapshotProcess ENGINE BLOB EXPRESSION} restores the
 * blob on the engine with a {@code log} external that collects its argument, evaluates the
 * expression and prints its string value, then {@code logged:} and what {@code log} received.
 */
public final class SnapshotProcess {
    private SnapshotProcess() {
    }

    /** Restores, evaluates, prints; exits 2 with the error on failure. */
    public static void main(String[] args) throws Exception {
        List<String> logged = new ArrayList<>();
        try (JsRuntime rt = JsEngines.factory(args[0]).create(
                RuntimeOptions.fromSnapshot(Files.readAllBytes(Path.of(args[1])))
                        .externals(Map.of("log", SnapshotsTest.collector(logged))))) {
            JsValue result = rt.evaluate(args[2], "check.js");
            System.out.println(result.asString());
            System.out.println("logged:" + String.join("|", logged));
        } catch (RuntimeException e) {
            System.out.println("failed: " + e);
            System.exit(2);
        }
    }
}
