package org.jsi4j.benchmarks;

/**
 * The JavaScript every flavor of a benchmark runs, the same text on every engine (ES5, so that
 * Rhino runs it too). Each flavor installs the Java side under the same global names:
 * {@code hostFn} (a host function returning its argument plus one) and {@code host} (a host
 * object with one numeric property, {@code value}, initially {@link #HOST_INITIAL_VALUE}).
 */
public final class Scripts {
    /** How many crossings one invocation of a looping benchmark makes. */
    public static final int LOOP = 1000;
    /** The value of {@code host.value} before any write. */
    public static final double HOST_INITIAL_VALUE = 7;
    /** How many records the object graph holds: about 100 KB as JSON. */
    public static final int GRAPH_ITEMS = 1050;

    /** The functions the benchmarks call from Java, and the global {@code graph}. */
    public static final String FUNCTIONS = """
            function hostLoop(n) { var s = 0; for (var i = 0; i < n; i++) s += hostFn(i); return s; }
            function add3(a, b, c) { return a + b + c; }
            function getLoop(n) { var o = host, s = 0; for (var i = 0; i < n; i++) s += o.value; return s; }
            function setLoop(n) { var o = host; for (var i = 0; i < n; i++) o.value = i; return n; }
            function checkGraph(g) { return g.items.length + g.items[g.items.length - 1].size.w; }
            var graph = (function () {
              var items = [];
              for (var i = 0; i < %d; i++) {
                items.push({id: i, name: 'item-' + i, active: i %% 2 === 0, price: i * 1.25,
                            tags: ['t' + (i %% 7), 't' + (i %% 11)], size: {w: i %% 100, h: 50}});
              }
              return {kind: 'catalog', version: 3, items: items};
            })();
            """.formatted(GRAPH_ITEMS);

    /**
     * The same functions for JSR-223, where Java objects are reached the way that API offers:
     * {@code counter.inc(x)} for the host call and a public field {@code bean.value} for the
     * host object.
     */
    public static final String JSR223_FUNCTIONS = """
            function hostLoop(n) { var s = 0; for (var i = 0; i < n; i++) s += counter.inc(i); return s; }
            function add3(a, b, c) { return a + b + c; }
            function getLoop(n) { var o = bean, s = 0; for (var i = 0; i < n; i++) s += o.value; return s; }
            function setLoop(n) { var o = bean; for (var i = 0; i < n; i++) o.value = i; return n; }
            """;

    /** The prepared script: a little work of its own, so that it is more than an entry and exit. */
    public static final String PREPARED = """
            (function () {
              var a = [];
              for (var i = 0; i < 100; i++) a.push(i * 2);
              var s = 0;
              for (var j = 0; j < a.length; j++) s += a[j];
              return s;
            })()
            """;

    /** What {@link #PREPARED} returns. */
    public static final double PREPARED_RESULT = 9900;
    /** What {@code hostLoop(LOOP)} returns: the sum of i + 1 for i below LOOP. */
    public static final double HOST_LOOP_RESULT = LOOP * (LOOP + 1) / 2.0;
    /** What {@code checkGraph} returns for the graph, or a faithful copy of it. */
    public static final double CHECK_GRAPH_RESULT = GRAPH_ITEMS + (GRAPH_ITEMS - 1) % 100;

    /** The script each created runtime evaluates, so that engines that set up lazily do so. */
    public static final String TRIVIAL = "1";

    /** The source name scripts are given. */
    public static final String SOURCE_NAME = "bench.js";

    private Scripts() {
    }
}
