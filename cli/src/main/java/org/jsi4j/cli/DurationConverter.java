package org.jsi4j.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a duration: {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}, a number of seconds, or ISO-8601 {@code PT5S}. */
final class DurationConverter implements ITypeConverter<Duration> {
    /** The longest duration accepted. */
    static final Duration MAX = Duration.ofDays(365);
    private static final Pattern SIMPLE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

    @Override
    public Duration convert(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        Duration d;
        Matcher m = SIMPLE.matcher(t);
        if (m.matches()) {
            double amount = Double.parseDouble(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            double millis = amount * switch (unit) {
                case "ms" -> 1;
                case "s" -> 1_000;
                case "m" -> 60_000;
                default -> 3_600_000;
            };
            if (millis > MAX.toMillis()) throw tooLong(text);
            d = Duration.ofNanos(Math.round(millis * 1_000_000));
        } else {
            try {
                d = Duration.parse(text.trim());
            } catch (DateTimeParseException e) {
                throw notADuration(text);
            }
        }
        if (d.compareTo(MAX) > 0) throw tooLong(text);
        if (d.isZero() || d.isNegative()) {
            throw new TypeConversionException("'" + text + "' is not a positive duration; use e.g. 500ms, 5s, 2m or PT5S");
        }
        return d;
    }

    private static TypeConversionException tooLong(String text) {
        return new TypeConversionException("'" + text + "' is longer than the most allowed, " + MAX.toDays() + " days");
    }

    private static TypeConversionException notADuration(String text) {
        return new TypeConversionException("'" + text + "' is not a duration; use e.g. 500ms, 5s, 2m or PT5S");
    }
}
