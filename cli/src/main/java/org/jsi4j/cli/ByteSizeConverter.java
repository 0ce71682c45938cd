package org.jsi4j.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a size in bytes as the JVM's {@code -Xmx} does: {@code 512m}, {@code 2g}, {@code 64MB}, {@code 1048576}. */
final class ByteSizeConverter implements ITypeConverter<Long> {
    /** The largest size accepted: 1 TB. */
    static final long MAX = 1L << 40;
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([kmgt]?)b?");

    @Override
    public Long convert(String text) {
        Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) throw new TypeConversionException("'" + text + "' is not a size; use e.g. 512m, 2g or 64MB");
        int shift = switch (m.group(2)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            case "t" -> 40;
            default -> 0;
        };
        long amount;
        try {
            amount = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + text + "' is larger than the most allowed, 1t");
        }
        if (amount == 0) throw new TypeConversionException("'" + text + "' is not a positive size; use e.g. 512m or 2g");
        if (amount > MAX >> shift) throw new TypeConversionException("'" + text + "' is larger than the most allowed, 1t");
        return amount << shift;
    }

    /** {@code bytes} for a message: {@code 512 MB}, {@code 2 GB}, or bytes. */
    static String describe(long bytes) {
        if (bytes % (1L << 30) == 0) return (bytes >> 30) + " GB";
        if (bytes % (1L << 20) == 0) return (bytes >> 20) + " MB";
        if (bytes % (1L << 10) == 0) return (bytes >> 10) + " KB";
        return bytes + " bytes";
    }
}
