package org.jsi4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jsi4j.EsFeature;
import org.jsi4j.JsRuntime;
import org.jsi4j.JsValue;

/**
 * Internationalisation in the manner of test262's {@code built-ins/RegExp/property-escapes} and
 * {@code intl402} directories: RegExp {@code \p{…}}, {@code Intl.NumberFormat}, locale-aware
 * {@code toLocaleString}. An engine declaring {@link EsFeature#INTL} or
 * {@link EsFeature#REGEXP_UNICODE_PROPERTIES} absent skips those tests, and
 * {@link #declaredAbsenceIsTrue} checks that such a declaration is not a convenience. V8 has them
 * with Javet's i18n native ({@code -Djavet.i18n}, runtime-v8/README.md).
 */
@Area("intl")
class IntlTest {
    private static JsValue eval(JsRuntime rt, String script) {
        return rt.evaluate(script, "intl.js");
    }

    @EngineTest
    @RequiresFeature(EsFeature.REGEXP_UNICODE_PROPERTIES)
    void regExpUnicodePropertyEscapes(JsRuntime rt) {
        assertEquals(JsValue.of("héllo"), eval(rt, "/\\p{L}+/u.exec('héllo1')[0]"));
        assertEquals(JsValue.of("1"), eval(rt, "/\\P{L}/u.exec('ab1')[0]"));
        assertEquals(JsValue.of(true), eval(rt, "/^\\p{Lu}$/u.test('É') && !/^\\p{Lu}$/u.test('é')"));
        assertEquals(JsValue.of(true), eval(rt, "/^\\p{Script=Greek}+$/u.test('αβγ') && !/\\p{Script=Greek}/u.test('abc')"));
        assertEquals(JsValue.of(true), eval(rt, "/^\\p{General_Category=Decimal_Number}$/u.test('\\u0663')"));
        assertEquals(JsValue.of("SyntaxError"), eval(rt, "try { new RegExp('\\\\p{NoSuchProperty}', 'u'); 'none' } catch (e) { e.name }"));
    }

    @EngineTest
    @RequiresFeature(EsFeature.INTL)
    void numberFormat(JsRuntime rt) {
        assertEquals(JsValue.of("1.234,5"), eval(rt, "new Intl.NumberFormat('de-DE').format(1234.5)"));
        assertEquals(JsValue.of("12,34,567.891"), eval(rt, "new Intl.NumberFormat('en-IN').format(1234567.891)"));
        assertEquals(JsValue.of("€3.50"), eval(rt, "new Intl.NumberFormat('en-US', {style: 'currency', currency: 'EUR'}).format(3.5)"));
        // ECMA-402: a currency style without a currency is a TypeError, a malformed currency code a RangeError
        assertEquals(JsValue.of("TypeError"), eval(rt, "try { new Intl.NumberFormat('en', {style: 'currency'}); 'none' } catch (e) { e.name }"));
        assertEquals(JsValue.of("RangeError"), eval(rt, "try { new Intl.NumberFormat('en', {style: 'currency', currency: 'EU'}); 'none' } catch (e) { e.name }"));
    }

    @EngineTest
    @RequiresFeature(EsFeature.INTL)
    void toLocaleStringAndFriends(JsRuntime rt) {
        assertEquals(JsValue.of("1.234,5"), eval(rt, "(1234.5).toLocaleString('de-DE')"));
        assertEquals(JsValue.of("1/2/2020"), eval(rt, "new Date(Date.UTC(2020, 0, 2)).toLocaleDateString('en-US', {timeZone: 'UTC'})"));
        assertEquals(JsValue.of("i"), eval(rt, "'\\u0130'.toLocaleLowerCase('tr')"));
        assertEquals(JsValue.of("aäz"), eval(rt, "['z', 'ä', 'a'].sort(new Intl.Collator('de').compare).join('')"));
        assertEquals(JsValue.of("few"), eval(rt, "new Intl.PluralRules('ar').select(3)"));
    }

    @EngineTest
    void declaredAbsenceIsTrue(JsRuntime rt) {
        if (!rt.capabilities().has(EsFeature.INTL)) {
            assertEquals(JsValue.of(false), eval(rt, "typeof Intl === 'object' && typeof Intl.NumberFormat === 'function'"
                    + " && new Intl.NumberFormat('de-DE').format(1234.5) === '1.234,5'"), "declares Intl absent but has it");
        }
        if (!rt.capabilities().has(EsFeature.REGEXP_UNICODE_PROPERTIES)) {
            assertEquals(JsValue.of(false), eval(rt, "try { new RegExp('^\\\\p{L}$', 'u').test('é') } catch (e) { false }"),
                    "declares RegExp \\p{…} absent but has it");
        }
    }
}
