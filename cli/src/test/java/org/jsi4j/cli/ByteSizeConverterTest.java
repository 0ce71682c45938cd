package org.jsi4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class ByteSizeConverterTest {
    private final ByteSizeConverter converter = new ByteSizeConverter();

    @Test
    void readsSizesAsTheJvmDoes() {
        assertEquals(512L << 20, converter.convert("512m"));
        assertEquals(2L << 30, converter.convert("2G"));
        assertEquals(64L << 20, converter.convert("64MB"));
        assertEquals(8L << 10, converter.convert(" 8k "));
        assertEquals(1_048_577L, converter.convert("1048577"));
        assertEquals(1L << 40, converter.convert("1t"));
    }

    @Test
    void refusesWhatIsNoSize() {
        assertEquals("'1.5g' is not a size; use e.g. 512m, 2g or 64MB",
                assertThrows(TypeConversionException.class, () -> converter.convert("1.5g")).getMessage());
        assertThrows(TypeConversionException.class, () -> converter.convert("-1m"));
        assertThrows(TypeConversionException.class, () -> converter.convert("0"));
        assertThrows(TypeConversionException.class, () -> converter.convert("2t"));
        assertThrows(TypeConversionException.class, () -> converter.convert("99999999999999999999"));
    }

    @Test
    void describesSizesInTheirLargestWholeUnit() {
        assertEquals("64 MB", ByteSizeConverter.describe(64L << 20));
        assertEquals("2 GB", ByteSizeConverter.describe(2L << 30));
        assertEquals("3 KB", ByteSizeConverter.describe(3L << 10));
        assertEquals("1000 bytes", ByteSizeConverter.describe(1000));
    }
}
