package org.jsi4j.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;
import org.jsi4j.SnapshotKey;

/**
 * Binds the application's {@link SnapshotKey}, the key snapshot blobs are authenticated with
 * ({@code Snapshot.bytes(key)}, {@code RuntimeOptions.fromSnapshot(blob, key)}):
 * <pre>{@code
 * Injector injector = Guice.createInjector(EnginesModule.selected(),
 *         SnapshotKeyModule.fromFile(Path.of("/etc/myapp/snapshot.key")));   // made on first use, owner-only
 * SnapshotKey key = injector.getInstance(SnapshotKey.class);
 * }</pre>
 * The key is read (or the file made) when it is first injected, not when the module is built.
 */
public final class SnapshotKeyModule extends AbstractModule {
    private final Object identity;
    private final Supplier<SnapshotKey> key;

    private SnapshotKeyModule(Object identity, Supplier<SnapshotKey> key) {
        this.identity = identity;
        this.key = key;
    }

    /** The key given. */
    public static SnapshotKeyModule of(SnapshotKey key) {
        Objects.requireNonNull(key, "key");
        return new SnapshotKeyModule(key, () -> key);
    }

    /**
     * The key in {@code file}, which is made with a new random key and owner-only permissions when
     * it does not exist ({@link SnapshotKey#fromFileOrCreate}); a file others can read is refused.
     */
    public static SnapshotKeyModule fromFile(Path file) {
        Objects.requireNonNull(file, "file");
        return new SnapshotKeyModule(file, () -> SnapshotKey.fromFileOrCreate(file));
    }

    /**
     * The process's default key ({@link SnapshotKey#defaultKey()}: the file named by
     * {@code jsi.snapshot.keyFile} or {@code JSI_SNAPSHOT_KEY_FILE}, else {@code ~/.jsi4j/snapshot.key}).
     */
    public static SnapshotKeyModule defaults() {
        return new SnapshotKeyModule(SnapshotKeyModule.class, SnapshotKey::defaultKey);
    }

    @Override
    protected void configure() {
        // the key is provided by snapshotKey()
    }

    @Provides
    @Singleton
    SnapshotKey snapshotKey() {
        return key.get();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SnapshotKeyModule m && m.identity.equals(identity);
    }

    @Override
    public int hashCode() {
        return identity.hashCode();
    }
}
