package org.jsi4j.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link WorkerProcess} with a real child JVM. */
class WorkerProcessTest {
    /** Child: answers {@code ok}; on {@code crash} prints a V8-like failed check on stderr and dies as V8 does. */
    public static void main(String[] args) throws Exception {
        System.out.println("@@ready");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            if (line.equals("ok")) {
                System.err.println("noise while answering ok");
                System.out.println("@@done");
            } else if (line.equals("crash")) {
                System.err.println("# Fatal error in , line 0");
                System.err.println("# Check failed: the child crashed.");
                System.err.flush();
                Runtime.getRuntime().halt(134);
            } else {
                return;
            }
        }
    }

    /**
     * Requests are pipelined: the next one runs in the child before the parent awaits its answer.
     * What the child printed while it ran (here, why it died) must still be there when the parent
     * awaits it.
     */
    @Test
    void theCluesOfAPipelinedRequestThatKillsTheChildAreKept() throws Exception {
        List<String> command = WorkerProcess.javaCommand(List.of(), WorkerProcessTest.class.getName(), List.of());
        try (WorkerProcess child = WorkerProcess.start(command, "@@", Duration.ofSeconds(60))) {
            child.send("ok");
            child.send("crash");
            assertEquals(new WorkerProcess.Answer.Reply("done"), child.await(Duration.ofSeconds(30)));
            // the crash happens, and its output is read, before anyone awaits its answer
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!child.tail().contains("Check failed") && System.nanoTime() < deadline) Thread.sleep(20);
            assertTrue(child.tail().contains("Check failed"), child.tail());
            WorkerProcess.Answer.Died died = assertInstanceOf(WorkerProcess.Answer.Died.class, child.await(Duration.ofSeconds(30)));
            assertEquals("exit 134 (SIGABRT): Check failed: the child crashed.", died.what());
            assertFalse(child.tail().contains("noise while answering ok"), "the first request's output is not the second's: " + child.tail());
        }
    }
}
