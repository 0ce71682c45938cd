package org.jsi4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {
    private final DurationConverter converter = new DurationConverter();

    @Test
    void readsUnitsAndIso() {
        assertEquals(Duration.ofMillis(500), converter.convert("500ms"));
        assertEquals(Duration.ofSeconds(5), converter.convert("5s"));
        assertEquals(Duration.ofMillis(1500), converter.convert("1.5s"));
        assertEquals(Duration.ofMinutes(2), converter.convert("2m"));
        assertEquals(Duration.ofHours(1), converter.convert("1H"));
        assertEquals(Duration.ofSeconds(3), converter.convert("3"));
        assertEquals(Duration.ofSeconds(7), converter.convert("PT7S"));
    }

    @Test
    void refusesWhatIsNotAPositiveDuration() {
        assertTrue(assertThrows(TypeConversionException.class, () -> converter.convert("soon")).getMessage().contains("not a duration"));
        assertTrue(assertThrows(TypeConversionException.class, () -> converter.convert("0s")).getMessage().contains("not a positive duration"));
        assertTrue(assertThrows(TypeConversionException.class, () -> converter.convert("PT-5S")).getMessage().contains("not a positive duration"));
        assertTrue(assertThrows(TypeConversionException.class, () -> converter.convert("9999999h")).getMessage().contains("longer than"));
    }
}
