package org.jsi4j.compare.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsi4j.compare.Comparison;
import org.jsi4j.compare.TestResult;
import org.jsi4j.compare.Verdict;

/**
 * JUnit XML for CI dashboards: one file {@code TEST-jsi-compare-ENGINE.xml} per engine, holding one
 * {@code <testsuite>} whose test cases are the tests (class name: its directory, {@link Comparison#groups()}). A fail
 * is a {@code <failure>}, a timeout or crash an {@code <error>}, an unsupported test {@code <skipped>}.
 */
public final class JunitReport {
    private JunitReport() {
    }

    /** Writes the files into {@code dir} (made if missing); returns them. */
    public static List<Path> write(Comparison run, Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, String> groups = run.groups();
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, Comparison.Tally> e : run.byEngine().entrySet()) {
            String engine = e.getKey();
            Comparison.Tally t = e.getValue();
            StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            xml.append(String.format(Locale.ROOT, "<testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" errors=\"%d\" skipped=\"%d\" time=\"%.3f\">%n",
                    attr(engine), run.of(engine).size(), t.count(Verdict.FAIL), t.count(Verdict.TIMEOUT) + t.count(Verdict.CRASH),
                    t.count(Verdict.UNSUPPORTED), t.millis() / 1000));
            for (TestResult r : run.of(engine)) {
                xml.append(String.format(Locale.ROOT, "  <testcase classname=\"%s\" name=\"%s\" time=\"%.3f\"",
                        attr(groups.getOrDefault(r.test(), ".")), attr(r.test()), r.millis() / 1000));
                String body = switch (r.verdict()) {
                    case PASS -> null;
                    case FAIL -> element("failure", r);
                    case TIMEOUT, CRASH -> element("error", r);
                    case UNSUPPORTED -> "<skipped message=\"" + attr(r.message()) + "\"/>";
                };
                xml.append(body == null ? "/>\n" : ">\n    " + body + "\n  </testcase>\n");
            }
            xml.append("</testsuite>\n");
            Path file = dir.resolve("TEST-jsi-compare-" + engine + ".xml");
            Files.writeString(file, xml);
            files.add(file);
        }
        return files;
    }

    private static String element(String name, TestResult r) {
        return "<" + name + " type=\"" + r.verdict().label() + "\" message=\"" + attr(TextReport.oneLine(r.outcome(), 300)) + "\">"
                + text(r.message()) + "</" + name + ">";
    }

    /** {@code s} escaped for an XML attribute, without characters XML 1.0 forbids. */
    static String attr(String s) {
        return text(s).replace("\"", "&quot;").replace("\n", "&#10;");
    }

    static String text(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r' || c == 0xFFFE || c == 0xFFFF) b.append("\\u").append(String.format("%04x", (int) c));
                    else if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)))
                            && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1)))) b.append("\\u").append(String.format("%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.toString();
    }
}
