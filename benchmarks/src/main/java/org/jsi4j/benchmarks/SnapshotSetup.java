package org.jsi4j.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.jsi4j.HostFunction;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsValue;

/**
 * The application setup the snapshot benchmark restores: a library (a real npm bundle such as
 * lodash, or a small inline stand-in) and the initialisation work an application does on top of
 * it: {@value #RECORDS} records (their count read from the named external {@code recordCount}),
 * indexed with {@code _.keyBy}, {@code _.groupBy} and {@code _.countBy}, a per-department
 * payroll table and two application functions. {@code check()} asks the ready runtime one
 * question that touches all of it.
 *
 * @param name the bundle's name ({@code lodash}, {@code underscore}, or {@code inline})
 * @param library the library's source
 */
public record SnapshotSetup(String name, String library) {
    /** How many records the initialisation builds. */
    public static final int RECORDS = 3000;
    /** The system property naming the directory of the bundles ({@code <name>.js} each). */
    public static final String BUNDLE_DIR = "jsi.bench.bundles";
    /** The name of the external host function the setup calls. */
    public static final String EXTERNAL = "recordCount";
    /** The externals a runtime of this setup binds and a restore passes back. */
    public static final Map<String, HostFunction> EXTERNALS = Map.of(EXTERNAL, (rt, self, args) -> JsValue.of(RECORDS));

    /** The initialisation work, the same for every library (works with lodash's and underscore's API). */
    static final String INIT = """
            var keyBy = _.keyBy || _.indexBy;
            var records = [];
            for (var i = 0, n = recordCount(); i < n; i++) {
              records.push({ id: 'r' + i, dept: 'd' + (i % 37), city: 'c' + (i % 101),
                             salary: 1000 + (i * 7919) % 5000, active: i % 3 !== 0 });
            }
            var byId = keyBy(records, 'id');
            var byDept = _.groupBy(records, 'dept');
            var byCity = _.groupBy(records, function (r) { return r.city; });
            var activeCount = _.countBy(records, function (r) { return r.active ? 'yes' : 'no'; });
            var payroll = _.reduce(_.keys(byDept), function (acc, d) {
              acc[d] = _.reduce(byDept[d], function (s, r) { return s + r.salary; }, 0);
              return acc;
            }, {});
            function payrollOf(dept) { return payroll[dept]; }
            function topEarners(dept, k) {
              return _.map(_.sortBy(byDept[dept], function (r) { return -r.salary; }).slice(0, k),
                           function (r) { return r.id; });
            }
            function check() {
              return byId.r42.salary + payrollOf('d5') + topEarners('d3', 3).length + _.size(byCity) + activeCount.yes;
            }
            """;

    /** A few lines that give {@link #INIT} the part of lodash's API it uses: the setup when no bundle is at hand. */
    static final String INLINE_LIBRARY = """
            var _ = (function () {
              function it(f) { return typeof f === 'function' ? f : function (o) { return o[f]; }; }
              function keys(o) { var k = []; for (var p in o) if (Object.prototype.hasOwnProperty.call(o, p)) k.push(p); return k; }
              function reduce(a, f, acc) { for (var i = 0; i < a.length; i++) acc = f(acc, a[i], i); return acc; }
              function map(a, f) { return reduce(a, function (out, x, i) { out.push(f(x, i)); return out; }, []); }
              function groupBy(a, f) { f = it(f); return reduce(a, function (g, x) { var k = f(x); (g[k] = g[k] || []).push(x); return g; }, {}); }
              function keyBy(a, f) { f = it(f); return reduce(a, function (g, x) { g[f(x)] = x; return g; }, {}); }
              function countBy(a, f) { f = it(f); return reduce(a, function (g, x) { var k = f(x); g[k] = (g[k] || 0) + 1; return g; }, {}); }
              function sortBy(a, f) { f = it(f); return a.slice().sort(function (x, y) { return f(x) - f(y); }); }
              function size(o) { return keys(o).length; }
              return { keys: keys, reduce: reduce, map: map, groupBy: groupBy, keyBy: keyBy, countBy: countBy,
                       sortBy: sortBy, size: size };
            })();
            """;

    /** Checks the values. */
    public SnapshotSetup {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(library, "library");
    }

    /** The inline stand-in for a library: no download needed. */
    public static SnapshotSetup inline() {
        return new SnapshotSetup("inline", INLINE_LIBRARY);
    }

    /**
     * The setup on the bundle {@code name} ({@code inline} for {@link #inline()}), read from
     * {@link #bundleDir()}.
     *
     * @throws IllegalStateException when the bundle is not there; the message says how to fetch it
     */
    public static SnapshotSetup load(String name) {
        if (name.equals("inline")) return inline();
        Path file = bundleDir().resolve(name + ".js");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("The library bundle " + file + " is missing: the snapshot benchmark does not"
                    + " download anything itself. Run benchmarks/fetch-bundle.sh (it needs npm and the npm registry),"
                    + " or set -D" + BUNDLE_DIR + "=<directory holding " + name + ".js>");
        }
        try {
            return new SnapshotSetup(name, Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the library bundle " + file, e);
        }
    }

    /** Whether the bundle {@code name} is at hand. */
    public static boolean available(String name) {
        return name.equals("inline") || Files.isRegularFile(bundleDir().resolve(name + ".js"));
    }

    /**
     * Where the bundles are: the {@value #BUNDLE_DIR} system property, else {@code bundles} beside
     * the benchmarks' jar or classes ({@code benchmarks/target/bundles}, where
     * {@code fetch-bundle.sh} puts them).
     */
    public static Path bundleDir() {
        String property = System.getProperty(BUNDLE_DIR);
        if (property != null && !property.isBlank()) return Path.of(property).toAbsolutePath();
        try {
            Path here = Path.of(SnapshotSetup.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return here.getParent().resolve("bundles");
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of("benchmarks", "target", "bundles").toAbsolutePath();
        }
    }

    /** Binds the externals and runs the library and the initialisation in {@code rt}. */
    public void run(JsRuntime rt) {
        EXTERNALS.forEach(rt::external);
        rt.evaluate(library, name + ".js");
        rt.evaluate(INIT, "init.js");
    }

    /** Calls {@code check()} in a ready runtime. */
    public static double check(JsRuntime rt) {
        return rt.global().get("check").asFunction().call().asNumber();
    }

    /** What {@code check()} returns when the setup ran as it should, computed in Java. */
    public static double expectedCheck() {
        double payrollD5 = 0;
        int active = 0;
        for (int i = 0; i < RECORDS; i++) {
            if (i % 37 == 5) payrollD5 += salary(i);
            if (i % 3 != 0) active++;
        }
        return salary(42) + payrollD5 + 3 + 101 + active;
    }

    private static int salary(int i) {
        return 1000 + (i * 7919) % 5000;
    }
}
