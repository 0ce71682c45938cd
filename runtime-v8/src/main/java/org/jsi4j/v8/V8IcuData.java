package org.jsi4j.v8;

import com.caoccao.javet.enums.JSRuntimeType;
import com.caoccao.javet.exceptions.JavetException;
import com.caoccao.javet.interop.loader.JavetLibLoader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsi4j.JsEngineException;

/**
 * The i18n flavour of Javet's V8 natives and the ICU data file it needs. Javet's i18n library
 * reads ICU's data (locales, collation, Unicode properties) from a file it is given once per
 * process; without one it crashes the JVM while loading, so jsi4j checks the file before the library
 * is loaded. {@code scripts/make-icu-data.sh} makes the file from ICU4J's data on Maven Central.
 */
final class V8IcuData {
    /** The system property naming the ICU data file. */
    static final String PROPERTY = "jsi.v8.icuDataFile";
    /** The environment variable naming it when the property is not set. */
    static final String ENV = "JSI_V8_ICU_DATA_FILE";
    /** The ICU data package Javet 5.0.6's V8 was built with (ICU 77, little-endian). */
    static final String PACKAGE = "icudt77l";

    private static final boolean I18N = findI18nLibrary();

    private V8IcuData() {
    }

    /** Whether the i18n native library (javet-v8-*-i18n) is on the class path. */
    static boolean nativeIsI18n() {
        return I18N;
    }

    private static boolean findI18nLibrary() {
        try {
            String resource = new JavetLibLoader(JSRuntimeType.V8I18n).getResourceFileName();
            return V8IcuData.class.getResource(resource) != null;
        } catch (JavetException | RuntimeException e) {
            return false; // a platform Javet does not support: the plain library's error says so
        }
    }

    /**
     * The ICU data file, checked: it exists and is an ICU data package named {@value #PACKAGE}.
     *
     * @throws JsEngineException when none is named, or the one named is missing or not one
     */
    static Path file() {
        String named = System.getProperty(PROPERTY);
        if (named == null || named.isBlank()) named = System.getenv(ENV);
        if (named == null || named.isBlank()) {
            throw new JsEngineException("The i18n V8 native library (javet-v8-*-i18n) is on the class path, but no ICU"
                    + " data file was named: run with -D" + PROPERTY + "=PATH/" + PACKAGE + ".dat (or " + ENV
                    + "); scripts/make-icu-data.sh makes one. Or use the plain javet-v8 native (no Intl).", null);
        }
        Path path = Path.of(named.trim()).toAbsolutePath();
        String problem = check(path);
        if (problem != null) {
            throw new JsEngineException("The ICU data file " + path + " (-D" + PROPERTY + ") " + problem
                    + "; scripts/make-icu-data.sh makes one.", null);
        }
        return path;
    }

    /** What is wrong with {@code path} as the ICU data file, or null when nothing is. */
    static String check(Path path) {
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) return "is not a readable file";
        try (SeekableByteChannel in = Files.newByteChannel(path)) {
            // an ICU data header: its size, magic 0xda27, little-endian flag at 8, format "CmnD" at 12
            ByteBuffer head = read(in, 0, 32);
            if (head == null || (head.get(2) & 0xff) != 0xda || (head.get(3) & 0xff) != 0x27 || head.get(8) != 0
                    || head.getInt(12) != ('C' | 'm' << 8 | 'n' << 16 | 'D' << 24)) {
                return "is not a little-endian ICU data package";
            }
            int headerSize = head.getShort(0) & 0xffff;
            ByteBuffer toc = read(in, headerSize, 8); // item count, then the first item's name offset
            if (toc == null || toc.getInt(0) <= 0) return "has no items";
            ByteBuffer first = read(in, headerSize + (toc.getInt(4) & 0xffffffffL), PACKAGE.length() + 1);
            if (first == null) return "is cut short (its table of contents points past its end)";
            String name = StandardCharsets.US_ASCII.decode(first).toString();
            if (!name.equals(PACKAGE + "/")) {
                return "holds ICU data of another version (items named " + name + "…, not " + PACKAGE + "/…)";
            }
            return null;
        } catch (IOException e) {
            return "could not be read (" + e.getMessage() + ")";
        }
    }

    /** {@code length} bytes at {@code position}, little-endian, or null past the end of the file. */
    private static ByteBuffer read(SeekableByteChannel in, long position, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        in.position(position);
        while (b.hasRemaining()) if (in.read(b) < 0) return null;
        return b.flip();
    }
}
