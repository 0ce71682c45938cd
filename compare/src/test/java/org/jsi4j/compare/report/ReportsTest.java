package org.jsi4j.compare.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsi4j.EsFeature;
import org.jsi4j.JsEngines;
import org.jsi4j.compare.Comparison;
import org.jsi4j.compare.Test262Harness;
import org.jsi4j.compare.TestCase;
import org.jsi4j.compare.TestDiscovery;
import org.jsi4j.compare.TestResult;
import org.jsi4j.compare.TestRunner;
import org.jsi4j.compare.Verdict;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Each output's content, from a real run of part of the fixture (and one plain script) on every engine. */
class ReportsTest {
    private static final List<String> IDS = List.of("built-ins/Array/map-doubles.js", "built-ins/Array/wrong-expectation.js",
            "language/class/class-declaration.js", "language/strict/this-undefined.js");
    private static Comparison run;
    private static boolean rhinoDiffers;

    @TempDir
    Path dir;

    @BeforeAll
    static void runOnEveryEngine(@TempDir Path scripts) throws IOException, URISyntaxException {
        Path root = Path.of(ReportsTest.class.getResource("/test262-mini/harness/assert.js").toURI()).getParent().getParent();
        List<TestCase> tests = new ArrayList<>(TestDiscovery.discover(List.of(), root, false).tests().stream()
                .filter(t -> IDS.contains(t.id())).toList());
        Path plain = Files.writeString(scripts.resolve("markup.js"),
                "(function () { 'use strict'; console.log('<script>' + typeof this + '</script> & \"q\"'); })();");
        tests.add(new TestCase("plain/markup.js", plain, false));
        List<String> engines = JsEngines.ids();
        List<TestResult> results = new ArrayList<>();
        TestRunner runner = new TestRunner(new Test262Harness(root));
        for (TestCase t : tests) {
            for (String e : engines) results.add(runner.run(e, JsEngines.factory(e), t, Duration.ofSeconds(5)));
        }
        run = new Comparison(engines, tests, results, 1, 1234);
        rhinoDiffers = engines.contains("rhino") && !JsEngines.factory("rhino").capabilities().has(EsFeature.STRICT_MODE_THIS);
    }

    private static Comparison.Tally tally(String engine) {
        return run.byEngine().get(engine);
    }

    @Test
    void theTerminalSummaryShowsRatesDirectoriesAndHowEnginesGroup() {
        StringWriter text = new StringWriter();
        TextReport.summary(new PrintWriter(text, true), run, 20);
        String out = text.toString();
        for (String e : run.engines()) {
            Comparison.Tally t = tally(e);
            assertTrue(out.lines().anyMatch(l -> l.startsWith(e + " ") && l.contains(TextReport.percent(t.passRate()))
                    && l.matches(".*\\b" + t.count(Verdict.PASS) + "\\s+" + t.count(Verdict.FAIL) + "\\b.*")), out);
        }
        assertTrue(out.contains("built-ins/Array"), out);
        assertTrue(out.contains("language/strict"), out);
        assertTrue(out.contains("5 tests on " + String.join(", ", run.engines()) + " with 1 worker in 1.2 s"), out);
        if (rhinoDiffers) {
            assertTrue(out.contains("where engines differ"), out);
            String others = String.join(", ", run.engines().stream().filter(e -> !e.equals("rhino")).toList());
            assertTrue(out.contains(others + " | rhino"), out);
            assertTrue(out.contains("  language/strict/this-undefined.js\n    " + others + ": pass\n    rhino: fail: Test262Error"), out);
        }
    }

    @Test
    void jsonCarriesTheSummaryAndEveryResult() throws IOException {
        JsonNode json = new ObjectMapper().readTree(JsonReport.of(run, null));
        for (String e : run.engines()) {
            assertEquals(tally(e).count(Verdict.PASS), json.get("summary").get(e).get("pass").asInt());
            assertEquals(tally(e).count(Verdict.UNSUPPORTED), json.get("summary").get(e).get("unsupported").asInt());
        }
        JsonNode tests = json.get("tests");
        assertEquals(5, tests.size());
        JsonNode wrong = tests.get(1);
        assertEquals("built-ins/Array/wrong-expectation.js", wrong.get("id").asText());
        assertTrue(wrong.get("agree").asBoolean());
        for (String e : run.engines()) {
            assertEquals("fail", wrong.get("results").get(e).get("verdict").asText());
            assertTrue(wrong.get("results").get(e).get("message").asText().startsWith("Test262Error: length"));
        }
        assertEquals(run.allAgree(), json.get("agree").asBoolean());
        assertEquals(run.agreementPatterns().size(), json.get("patterns").size());
    }

    @Test
    void junitXmlHasOneSuitePerEngineWithFailuresAndSkips() throws Exception {
        List<Path> files = JunitReport.write(run, dir.resolve("junit"));
        assertEquals(run.engines().size(), files.size());
        for (String e : run.engines()) {
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(dir.resolve("junit/TEST-jsi-compare-" + e + ".xml").toFile());
            Element suite = doc.getDocumentElement();
            assertEquals("testsuite", suite.getTagName());
            assertEquals(e, suite.getAttribute("name"));
            assertEquals("5", suite.getAttribute("tests"));
            assertEquals(Integer.toString(tally(e).count(Verdict.FAIL)), suite.getAttribute("failures"));
            assertEquals(Integer.toString(tally(e).count(Verdict.UNSUPPORTED)), suite.getAttribute("skipped"));
            NodeList cases = doc.getElementsByTagName("testcase");
            assertEquals(5, cases.getLength());
            Element wrong = (Element) cases.item(1);
            assertEquals("built-ins/Array", wrong.getAttribute("classname"));
            Element failure = (Element) wrong.getElementsByTagName("failure").item(0);
            assertTrue(failure.getAttribute("message").contains("Test262Error: length"), failure.getAttribute("message"));
            assertEquals(tally(e).count(Verdict.UNSUPPORTED), doc.getElementsByTagName("skipped").getLength());
        }
    }

    @Test
    void theHtmlPageIsSelfContainedWithChartsAndTheDisagreementsSideBySide() {
        String html = HtmlReport.of(run, null);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertFalse(html.toLowerCase().contains("<script"), "no script (the markup of a test's output is escaped)");
        assertFalse(html.contains("<link") || html.contains("@import") || html.contains("src="), "nothing loaded");
        Matcher urls = Pattern.compile("https?://[^\"' ]+").matcher(html);
        while (urls.find()) assertEquals("http://www.w3.org/2000/svg", urls.group(), "the only URL is the SVG namespace");
        assertEquals(3, count(html, "<svg"), "verdicts, directories, time distribution");
        for (String e : run.engines()) {
            assertTrue(html.contains("<tr><td>" + e + "</td>"), e);
            assertTrue(html.contains(TextReport.percent(tally(e).passRate())), e);
        }
        assertTrue(html.contains("built-ins/Array"));
        if (rhinoDiffers) {
            int row = html.indexOf("<tr><td>plain/markup.js</td>");
            assertTrue(row > 0, "the disagreement is listed");
            String line = html.substring(row, html.indexOf("</tr>", row));
            assertTrue(line.contains("&lt;script&gt;object&lt;/script&gt; &amp; &quot;q&quot;"), line);
            assertTrue(line.contains("&lt;script&gt;undefined&lt;/script&gt;"), line);
            assertEquals(run.engines().size(), count(line, "<td><span class="), "one cell per engine: " + line);
        }
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) n++;
        return n;
    }
}
