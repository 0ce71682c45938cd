package org.jsi4j.hostile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsi4j.hostile.cases.BombCases;
import org.jsi4j.hostile.cases.BuiltinCases;
import org.jsi4j.hostile.cases.ForeignHandleCases;
import org.jsi4j.hostile.cases.LifetimeCases;
import org.jsi4j.hostile.cases.LoopCases;
import org.jsi4j.hostile.cases.StackCases;
import org.jsi4j.hostile.cases.TextAndSyntaxCases;
import org.jsi4j.hostile.cases.ThreadCases;
import org.jsi4j.hostile.cases.ThrownValueCases;

/** Every hostile case, by id, in the order they run. */
public final class Catalogue {
    private static final Map<String, HostileCase> CASES = load();

    private Catalogue() {
    }

    private static Map<String, HostileCase> load() {
        List<HostileCase> all = new ArrayList<>();
        all.addAll(ThrownValueCases.cases());
        all.addAll(StackCases.cases());
        all.addAll(LoopCases.cases());
        all.addAll(BombCases.cases());
        all.addAll(TextAndSyntaxCases.cases());
        all.addAll(TextAndSyntaxCases.syntaxCases());
        all.addAll(BuiltinCases.cases());
        all.addAll(ForeignHandleCases.cases());
        all.addAll(LifetimeCases.cases());
        all.addAll(ThreadCases.cases());
        Map<String, HostileCase> byId = new LinkedHashMap<>();
        for (HostileCase c : all) {
            if (byId.put(c.id(), c) != null) throw new IllegalStateException("two hostile cases named " + c.id());
        }
        return byId;
    }

    /** Every case, in run order. */
    public static List<HostileCase> all() {
        return List.copyOf(CASES.values());
    }

    /**
     * The case named {@code id}.
     *
     * @throws IllegalArgumentException when there is none
     */
    public static HostileCase get(String id) {
        if (id.startsWith(SnapshotFuzz.GROUP + "/")) return SnapshotFuzz.get(id);
        HostileCase c = CASES.containsKey(id) ? CASES.get(id) : SelfTestCases.BY_ID.get(id);
        if (c == null) throw new IllegalArgumentException("no hostile case named '" + id + "'");
        return c;
    }
}
