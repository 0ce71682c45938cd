package org.jsi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsNumberTest {
    /** The expected texts are what String(n) gives in V8, SpiderMonkey and Rhino. */
    @ParameterizedTest
    @CsvSource({
        "1, 1", "-42, -42", "1.5, 1.5", "-0.25, -0.25", "0.1, 0.1", "100, 100",
        "1e20, 100000000000000000000", "123456789012345680000, 123456789012345680000",
        "1e21, 1e+21", "1.5e300, 1.5e+300", "0.000001, 0.000001", "1e-7, 1e-7", "-1.25e-8, -1.25e-8",
        "9007199254740993, 9007199254740992", "0.30000000000000004, 0.30000000000000004"
    })
    void printsAsJavaScriptDoes(double value, String expected) {
        assertEquals(expected, new JsNumber(value).toString());
    }

    @ParameterizedTest
    @CsvSource({"NaN, NaN", "Infinity, Infinity", "-Infinity, -Infinity", "0, 0", "-0.0, 0"})
    void printsSpecialValues(String input, String expected) {
        assertEquals(expected, new JsNumber(Double.parseDouble(input)).toString());
    }
}
