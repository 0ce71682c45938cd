package org.jsi4j.conformance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * A few popular pure-JavaScript npm packages at pinned versions, fetched from the npm registry on
 * first use, checked against their published sha512 integrity, cached under
 * {@code ~/.cache/jsi4j/npm} (or {@code -Djsi.npm.cache=DIR}) and unpacked into
 * {@code target/npm-corpus/node_modules}, which is the module root the tests import from.
 */
final class NpmCorpus {
    /** One pinned package. */
    record Package(String name, String version, String integrity) {
        String tarball() {
            String base = name.contains("/") ? name.substring(name.indexOf('/') + 1) : name;
            return "https://registry.npmjs.org/" + name + "/-/" + base + "-" + version + ".tgz";
        }
    }

    static final List<Package> PACKAGES = List.of(
            new Package("lodash-es", "4.17.21",
                    "sha512-mKnC+QJ9pWVzv+C4/U3rRsHapFfHvQFoFB92e52xeyGMcX6/OlIl78je1u8vePzYZSkkogMPJ2yjxxsb89cxyw=="),
            new Package("uuid", "9.0.1",
                    "sha512-b+1eJOlsR9K8HJpow9Ok3fiWOWSIcIzXodvv0rQjVoOVNpWMpxf1wZNpt4y9h10odCNrqnYp1OBzRktckBe3sA=="),
            new Package("date-fns", "3.6.0",
                    "sha512-fRHTG8g/Gif+kSh50gaGEdToemgfj74aRX3swtiouboip5JDLAyDE9F11nHMIcvOaXeOC6D7SpNhi7uFyB7Uww=="),
            new Package("zod", "3.22.4",
                    "sha512-iC+8Io04lddc+mVqQ9AZ7OQ2MrUKGN+oIQyq1vemgt46jwCwLfhq7/pwnBnNXXXZb8VTVLKwp9EDkx+ryxIWmg=="));

    private static Path root;

    private NpmCorpus() {
    }

    /** The module root holding {@code node_modules} with every package, fetched and unpacked once per JVM. */
    static synchronized Path root() throws IOException, InterruptedException {
        if (root != null) return root;
        Path dir = Path.of("target", "npm-corpus").toAbsolutePath();
        Path cache = Path.of(System.getProperty("jsi.npm.cache",
                Path.of(System.getProperty("user.home"), ".cache", "jsi4j", "npm").toString()));
        Files.createDirectories(cache);
        for (Package p : PACKAGES) {
            Path target = dir.resolve("node_modules").resolve(p.name());
            Path stamp = target.resolve(".jsi4j-" + p.version());
            if (Files.exists(stamp)) continue;
            byte[] tgz = fetch(p, cache.resolve(p.name().replace('/', '+') + "-" + p.version() + ".tgz"));
            unpack(tgz, target);
            Files.writeString(stamp, p.integrity());
        }
        root = dir;
        return dir;
    }

    private static byte[] fetch(Package p, Path cached) throws IOException, InterruptedException {
        if (Files.exists(cached)) {
            byte[] bytes = Files.readAllBytes(cached);
            if (integrity(bytes).equals(p.integrity())) return bytes;
            Files.delete(cached);
        }
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(20)).build();
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(p.tarball()))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("npm registry answered " + response.statusCode() + " for " + p.tarball());
        }
        byte[] bytes = response.body();
        String actual = integrity(bytes);
        if (!actual.equals(p.integrity())) {
            throw new IOException(p.name() + "@" + p.version() + " does not match its pinned integrity: expected "
                    + p.integrity() + ", got " + actual);
        }
        Path partial = Files.createTempFile(cached.getParent(), "fetch", ".part");
        Files.write(partial, bytes);
        Files.move(partial, cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return bytes;
    }

    static String integrity(byte[] bytes) {
        try {
            return "sha512-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-512").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Unpacks an npm tarball (entries under {@code package/}) into {@code target}, refusing paths that leave it. */
    private static void unpack(byte[] tgz, Path target) throws IOException {
        Files.createDirectories(target);
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(tgz))) {
            byte[] header = new byte[512];
            String longName = null;
            while (in.readNBytes(header, 0, 512) == 512) {
                if (header[0] == 0) break;
                String name = longName != null ? longName : field(header, 345, 155).isEmpty() ? field(header, 0, 100)
                        : field(header, 345, 155) + "/" + field(header, 0, 100);
                longName = null;
                long size = Long.parseLong(field(header, 124, 12).trim().isEmpty() ? "0" : field(header, 124, 12).trim(), 8);
                byte type = header[156];
                byte[] body = in.readNBytes((int) size);
                in.skipNBytes((512 - size % 512) % 512);
                if (type == 'L') {
                    longName = new String(body, StandardCharsets.UTF_8).replace("\0", "");
                    continue;
                }
                if (type != '0' && type != 0) continue;           // files only: no links, no devices
                int slash = name.indexOf('/');
                Path out = target.resolve(slash < 0 ? name : name.substring(slash + 1)).normalize();
                if (!out.startsWith(target)) throw new IOException("tarball entry " + name + " leaves the package");
                Files.createDirectories(out.getParent());
                Files.write(out, body);
            }
        }
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) end++;
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }
}
