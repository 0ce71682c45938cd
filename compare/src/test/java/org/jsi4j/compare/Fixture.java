package org.jsi4j.compare;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.jsi4j.JsEngines;

/** The test262-shaped fixture under src/test/resources/test262-mini, and the engines on the class path. */
final class Fixture {
    private Fixture() {
    }

    static Path root() {
        try {
            return Path.of(Fixture.class.getResource("/test262-mini/harness/assert.js").toURI()).getParent().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> engines() {
        return JsEngines.ids();
    }
}
