package org.jsi4j.rhino;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsRuntimeFactory;
import org.jsi4j.JsSnapshotException;
import org.jsi4j.JsValue;
import org.jsi4j.RuntimeOptions;
import org.jsi4j.SnapshotKey;
import org.jsi4j.guice.EnginesModule;
import org.jsi4j.guice.SnapshotKeyModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snapshot key through Guice ({@link SnapshotKeyModule}), with a real engine. */
class SnapshotKeyModuleTest {
    @TempDir
    Path dir;

    @Test
    void aKeyFileIsMadeOwnerOnlyOnFirstInjectionAndAuthenticatesBlobs() throws Exception {
        Path file = dir.resolve("app").resolve("snapshot.key");
        Injector injector = Guice.createInjector(EnginesModule.named("rhino"), SnapshotKeyModule.fromFile(file));
        assertFalse(Files.exists(file), "nothing is made before the key is needed");
        SnapshotKey key = injector.getInstance(SnapshotKey.class);
        assertSame(key, injector.getInstance(SnapshotKey.class));
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE), Files.getPosixFilePermissions(file));
        assertEquals(key, Guice.createInjector(SnapshotKeyModule.fromFile(file)).getInstance(SnapshotKey.class),
                "the file keeps the key for the next injector");

        JsRuntimeFactory factory = injector.getInstance(JsRuntimeFactory.class);
        byte[] blob;
        try (JsRuntime rt = factory.create(RuntimeOptions.forSnapshotting())) {
            rt.evaluate("var answer = 42", "setup.js");
            blob = rt.snapshot().bytes(key);
        }
        try (JsRuntime rt = factory.create(RuntimeOptions.fromSnapshot(blob, key))) {
            assertEquals(JsValue.of(42), rt.evaluate("answer", "check.js"));
        }
        SnapshotKey other = Guice.createInjector(SnapshotKeyModule.of(SnapshotKey.generate())).getInstance(SnapshotKey.class);
        JsSnapshotException e = assertThrows(JsSnapshotException.class, () -> RuntimeOptions.fromSnapshot(blob, other));
        assertTrue(e.getMessage().contains("does not match the key"), e.getMessage());
    }

    @Test
    void aKeyFileOthersCanReadIsRefusedWhenInjected() throws Exception {
        Path file = dir.resolve("shared.key");
        SnapshotKey.fromFileOrCreate(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        ProvisionException e = assertThrows(ProvisionException.class,
                () -> Guice.createInjector(SnapshotKeyModule.fromFile(file)).getInstance(SnapshotKey.class));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }
}
