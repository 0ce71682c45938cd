package org.jsi4j.snapshot;

import org.jsi4j.JsObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The portable record of how a runtime made for snapshotting was set up: the scripts it ran, in
 * order, and the named externals it bound. Replaying it on a fresh runtime of any engine rebuilds
 * the same state, as long as the setup is deterministic (no {@code Math.random()}, clock or
 * external input whose answer changes) and nothing changed the runtime behind the journal's back:
 * changes made directly through the Java API ({@link JsObject#set}, a call from Java) are listed
 * in {@code unjournaled()} and make a replay refuse.
 */
public final class Journal {
    /** One step of a setup. */
    public sealed interface Entry permits Script, Bind, Module {
    }

    /** A script evaluated (or a prepared script run) from Java; {@code threw} when it threw. */
    public record Script(String sourceName, String source, boolean threw) implements Entry {
        public Script {
            Objects.requireNonNull(sourceName, "sourceName");
            Objects.requireNonNull(source, "source");
        }
    }

    /**
     * A module imported ({@code JsRuntime.importModule}) or required ({@code rt.modules().require}) from Java;
     * {@code threw} when it failed. A replay imports it again through the restored runtime's module loader.
     */
    public record Module(String specifier, boolean require, boolean threw) implements Entry {
        public Module {
            Objects.requireNonNull(specifier, "specifier");
        }
    }

    /** A named external bound as the global of the same name. */
    public record Bind(String name) implements Entry {
        public Bind {
            Objects.requireNonNull(name, "name");
        }
    }

    /** What a named external is, as recorded in a snapshot. */
    public enum Kind {
        FUNCTION,
        OBJECT
    }

    /** A named external: its name, kind, and (for a function) the {@code length} JavaScript sees. */
    public record External(String name, Kind kind, int length) {
        public External {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
            if (name.isEmpty()) throw new IllegalArgumentException("an external needs a non-empty name");
            if (length < 0) throw new IllegalArgumentException("length must be >= 0, was " + length);
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private final List<External> externals = new ArrayList<>();
    private final Set<String> unjournaled = new LinkedHashSet<>();

    /** Appends a script step. */
    public void script(String sourceName, String source, boolean threw) {
        entries.add(new Script(sourceName, source, threw));
    }

    /** Appends a module step. */
    public void module(String specifier, boolean require, boolean threw) {
        entries.add(new Module(specifier, require, threw));
    }

    /** Appends the binding of a new named external. */
    public void bind(External external) {
        externals.add(external);
        entries.add(new Bind(external.name()));
    }

    /** Notes a change the journal cannot reproduce, described for an error message. */
    public void unjournaled(String what) {
        unjournaled.add(what);
    }

    /** Whether an external of that name was bound. */
    public boolean hasExternal(String name) {
        return externals.stream().anyMatch(x -> x.name().equals(name));
    }

    /** Copies everything from a restored snapshot, so that a snapshot of it chains. */
    public void addAll(SnapshotBlob blob) {
        entries.addAll(blob.journal());
        externals.addAll(blob.externals());
        unjournaled.addAll(blob.unjournaled());
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    public List<External> externals() {
        return List.copyOf(externals);
    }

    public List<String> unjournaledChanges() {
        return List.copyOf(unjournaled);
    }
}
