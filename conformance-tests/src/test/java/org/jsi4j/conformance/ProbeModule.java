package org.jsi4j.conformance;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.jsi4j.host.JsMethod;
import org.jsi4j.host.JsModule;
import org.jsi4j.host.JsProperty;
import org.jsi4j.host.ModuleProvider;

/** A native module exercising each mapped type, for {@link ModulesTest}; one instance per test. */
@JsModule("probe")
public final class ProbeModule implements ModuleProvider {
    /** A constant. */
    @JsProperty public static final String VERSION = "1.2";

    /** A record, seen in JavaScript as a plain object. */
    public record Point(int x, int y) {
    }

    final CompletableFuture<List<Point>> pending = new CompletableFuture<>();
    Function<Integer, Integer> kept;
    private double level = 1;

    @JsMethod public String describe(boolean b, int i, long l, double d, String s) {
        return b + " " + i + " " + l + " " + d + " " + s;
    }

    @JsMethod public int sum(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).sum();
    }

    @JsMethod public Point mirror(Point p) {
        return new Point(p.y(), p.x());
    }

    @JsMethod public Map<String, Object> echo(Map<String, Object> data) {
        return data;
    }

    @JsMethod public byte[] reverse(byte[] bytes) {
        byte[] out = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) out[i] = bytes[bytes.length - 1 - i];
        return out;
    }

    @JsMethod public Optional<String> find(String key, Optional<String> fallback) {
        return key.equals("known") ? Optional.of("found") : fallback;
    }

    @JsMethod public int apply(Function<Integer, Integer> f, int times) {
        int v = 0;
        for (int i = 0; i < times; i++) v = f.apply(v);
        return v;
    }

    @JsMethod public void keep(Function<Integer, Integer> f) {
        kept = f;
    }

    @JsMethod public CompletableFuture<List<Point>> later() {
        return pending;
    }

    @JsMethod public CompletableFuture<String> fails() {
        return CompletableFuture.failedFuture(new IllegalStateException("backend down"));
    }

    @JsMethod public void boom() {
        throw new UnsupportedOperationException("not today");
    }

    @JsProperty public double getLevel() {
        return level;
    }

    @JsProperty public void setLevel(double level) {
        this.level = level;
    }
}
