package org.jsi4j.spi;

/** For backends whose objects live on the Java heap: asks the JVM's collector to run, as fully as it will. */
public final class JvmGarbage {
    private JvmGarbage() {
    }

    /** Runs {@link System#gc()} a few times with short pauses, so that weak references get cleared. */
    public static void collect() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
