package org.jsi4j.host;

import java.util.List;
import org.jsi4j.JsEngines;
import org.jsi4j.JsRuntime;

/** A real Rhino runtime with the builtins installed, writing to a recording sink. */
final class RhinoRuntime implements AutoCloseable {
    final JsRuntime runtime = JsEngines.factory("rhino").create();
    final RecordingSink sink = new RecordingSink();

    RhinoRuntime(String... scriptArgs) {
        Builtins.install(runtime, sink, List.of(scriptArgs));
    }

    /** Runs {@code script} and returns the last line it logged. */
    String log(String script) {
        runtime.evaluate(script, "test.js");
        return sink.last();
    }

    @Override
    public void close() {
        runtime.close();
    }
}
