package org.jsi4j.hostile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jsi4j.RuntimeOptions;

/** A builder of the cases of one group, so each catalogue class reads as a table. */
public final class CaseList {
    /** The time limit that ends the endless and the bomb cases. */
    public static final Duration LIMIT = Duration.ofSeconds(2);

    private final String group;
    private final List<HostileCase> cases = new ArrayList<>();

    /** Cases of {@code group} (the part of each id before the slash). */
    public CaseList(String group) {
        this.group = group;
    }

    /** A script evaluated in a new runtime with default options. */
    public CaseList script(String name, String source, Expectation expected) {
        return script(name, RuntimeOptions.defaults(), source, expected);
    }

    /** A script evaluated in a new runtime with {@link #LIMIT} as its time limit. */
    public CaseList limited(String name, String source, Expectation expected) {
        return script(name, RuntimeOptions.defaults().withTimeLimit(LIMIT), source, expected);
    }

    /** A script evaluated in a new runtime with {@code options}. */
    public CaseList script(String name, RuntimeOptions options, String source, Expectation expected) {
        return add(name, HostileCase.Kind.SCRIPT, expected, 0, ctx -> ctx.runtime(options).evaluate(source, name + ".js"));
    }

    /** A case that sets up through Java and attacks through a script. */
    public CaseList scripted(String name, Expectation expected, HostileCase.Body body) {
        return add(name, HostileCase.Kind.SCRIPT, expected, 0, body);
    }

    /** A Java misuse scenario. */
    public CaseList misuse(String name, Expectation expected, HostileCase.Body body) {
        return add(name, HostileCase.Kind.MISUSE, expected, 0, body);
    }

    /** A Java misuse scenario run on a thread with a {@code stackKb} KiB stack. */
    public CaseList misuseOnStack(String name, int stackKb, Expectation expected, HostileCase.Body body) {
        return add(name, HostileCase.Kind.MISUSE, expected, stackKb, body);
    }

    /** Notes what the last case added proves (when it is less than it seems). */
    public CaseList proves(String what) {
        HostileCase last = cases.remove(cases.size() - 1);
        cases.add(new HostileCase(last.id(), last.kind(), last.expected(), what, last.stackKb(), last.body(),
                last.budgetMillis()));
        return this;
    }

    /**
     * Gives the last case added {@code seconds} before it counts as a hang, instead of the suite's
     * budget: for a case whose stop waits, by design, for work no JVM or engine API can interrupt.
     */
    public CaseList within(int seconds) {
        HostileCase last = cases.remove(cases.size() - 1);
        cases.add(new HostileCase(last.id(), last.kind(), last.expected(), last.proves(), last.stackKb(), last.body(),
                seconds * 1000L));
        return this;
    }

    private CaseList add(String name, HostileCase.Kind kind, Expectation expected, int stackKb, HostileCase.Body body) {
        cases.add(new HostileCase(group + "/" + name, kind, expected, null, stackKb, body));
        return this;
    }

    /** The cases, in the order added. */
    public List<HostileCase> build() {
        return List.copyOf(cases);
    }
}
