package org.jsi4j.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worker JVM's protocol, with a real {@link WorkerMain} child on Rhino. */
class WorkerMainTest {
    @TempDir
    Path dir;

    @Test
    void twoLanesRunTwoRequestsAtOnceAndAnswerEachByItsNumberAsItEnds() throws Exception {
        Path endless = Files.writeString(dir.resolve("endless.js"), "while (true) {}");
        Path quick = Files.writeString(dir.resolve("quick.js"), "console.log(6 * 7);");
        List<String> command = WorkerProcess.javaCommand(List.of("-XX:TieredStopAtLevel=1"), WorkerMain.class.getName(),
                List.of("rhino", "-", "2"));
        ObjectMapper json = new ObjectMapper();
        List<WorkerMain.Reply> replies = new ArrayList<>();
        try (WorkerProcess child = WorkerProcess.start(command, WorkerMain.PREFIX, Duration.ofSeconds(60))) {
            child.send(WorkerMain.line(new WorkerMain.Request(7, "rhino", "endless.js", endless.toString(), false, 1500)));
            child.send(WorkerMain.line(new WorkerMain.Request(8, "rhino", "quick.js", quick.toString(), false, 1500)));
            while (replies.stream().filter(r -> r.result() != null).count() < 2) {
                WorkerProcess.Answer.Reply line = assertInstanceOf(WorkerProcess.Answer.Reply.class, child.await(Duration.ofSeconds(30)));
                replies.add(json.readValue(line.line(), WorkerMain.Reply.class));
            }
        }
        // each request is said to start before its result; the quick one, sent second, ends first on the other lane
        assertEquals(List.of(7L, 8L), replies.subList(0, 2).stream().map(WorkerMain.Reply::seq).sorted().toList(), replies.toString());
        assertNull(replies.get(0).result());
        assertNull(replies.get(1).result());
        TestResult first = replies.get(2).result();
        TestResult second = replies.get(3).result();
        assertEquals(8L, replies.get(2).seq());
        assertEquals("quick.js", first.test());
        assertEquals(Verdict.PASS, first.verdict(), first.toString());
        assertEquals("outcome: ok\nconsole:\n  42", first.outcome().replace("value: undefined\n", ""));
        assertEquals(7L, replies.get(3).seq());
        assertEquals("endless.js", second.test());
        assertEquals(Verdict.TIMEOUT, second.verdict(), second.toString());
    }
}
