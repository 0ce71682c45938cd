package org.jsi4j.conformance;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/** Runs test code on a new, named thread and waits for it. */
final class OtherThread {
    private OtherThread() {
    }

    /** What {@code body} threw on a thread named {@code name}, or null when it returned. */
    static Throwable failureOf(String name, Runnable body) {
        try {
            call(name, () -> {
                body.run();
                return null;
            });
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    /** The result of {@code body} run on a thread named {@code name}. */
    static <T> T call(String name, Supplier<T> body) throws ExecutionException {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                result.complete(body.get());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, name);
        t.setDaemon(true);
        t.start();
        try {
            return result.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for thread " + name, e);
        } catch (TimeoutException e) {
            throw new AssertionError("thread " + name + " did not finish within 30 s", e);
        }
    }

    /** Starts {@code body} on a daemon thread named {@code name} after {@code delayMillis}. */
    static Thread later(String name, long delayMillis, Runnable body) {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                return;
            }
            body.run();
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
