package org.jsi4j.modules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small JSON reader for package.json files (jsi-api depends on nothing but the JDK). */
final class MiniJson {
    private final String text;
    private int at;

    private MiniJson(String text) {
        this.text = text;
    }

    /** Maps, lists, strings, doubles, booleans and {@code null}; throws IllegalArgumentException on bad JSON. */
    static Object parse(String text) {
        MiniJson p = new MiniJson(text);
        Object v = p.value();
        p.space();
        if (p.at != text.length()) throw p.bad("unexpected text after the value");
        return v;
    }

    private Object value() {
        space();
        if (at >= text.length()) throw bad("unexpected end");
        char c = text.charAt(at);
        switch (c) {
            case '{': return object();
            case '[': return array();
            case '"': return string();
            case 't': return word("true", Boolean.TRUE);
            case 'f': return word("false", Boolean.FALSE);
            case 'n': return word("null", null);
            default:
                int start = at;
                while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) at++;
                if (start == at) throw bad("unexpected '" + c + "'");
                try {
                    return Double.parseDouble(text.substring(start, at));
                } catch (NumberFormatException e) {
                    throw bad("bad number");
                }
        }
    }

    private Map<String, Object> object() {
        Map<String, Object> map = new LinkedHashMap<>();
        at++;
        space();
        if (peek() == '}') { at++; return map; }
        while (true) {
            space();
            if (peek() != '"') throw bad("expected a property name");
            String key = string();
            space();
            if (peek() != ':') throw bad("expected ':'");
            at++;
            map.put(key, value());
            space();
            char c = peek();
            at++;
            if (c == '}') return map;
            if (c != ',') throw bad("expected ',' or '}'");
        }
    }

    private List<Object> array() {
        List<Object> list = new ArrayList<>();
        at++;
        space();
        if (peek() == ']') { at++; return list; }
        while (true) {
            list.add(value());
            space();
            char c = peek();
            at++;
            if (c == ']') return list;
            if (c != ',') throw bad("expected ',' or ']'");
        }
    }

    private String string() {
        StringBuilder sb = new StringBuilder();
        at++;
        while (true) {
            if (at >= text.length()) throw bad("unterminated string");
            char c = text.charAt(at++);
            if (c == '"') return sb.toString();
            if (c != '\\') { sb.append(c); continue; }
            if (at >= text.length()) throw bad("unterminated string");
            char e = text.charAt(at++);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'u' -> {
                    if (at + 4 > text.length()) throw bad("bad \\u escape");
                    sb.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    at += 4;
                }
                default -> sb.append(e);
            }
        }
    }

    private Object word(String word, Object value) {
        if (!text.startsWith(word, at)) throw bad("unexpected text");
        at += word.length();
        return value;
    }

    private char peek() {
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private void space() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) at++;
    }

    private IllegalArgumentException bad(String what) {
        return new IllegalArgumentException(what + " at offset " + at);
    }
}
