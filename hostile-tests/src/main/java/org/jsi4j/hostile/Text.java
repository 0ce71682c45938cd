package org.jsi4j.hostile;

/** Escaping and shortening of the strings a case reports. */
public final class Text {
    private Text() {
    }

    /**
     * {@code s} with every character outside printable ASCII written as {@code \}{@code uXXXX}
     * (lone surrogates included), so it survives JSON and terminals unchanged; {@code null} stays null.
     */
    public static String escape(String s) {
        if (s == null) return null;
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7f && c != '\\') b.append(c);
            else if (c == '\\') b.append("\\\\");
            else if (c == '\n') b.append("\\n");
            else b.append(String.format("\\u%04x", (int) c));
        }
        return b.toString();
    }

    /** At most {@code max} characters of {@code s}, with an ellipsis when cut. */
    public static String shorten(String s, int max) {
        if (s == null || s.length() <= max) return s;
        return s.substring(0, max - 1) + "…";
    }

    /** The first line of {@code s}, escaped and at most 400 characters long. */
    public static String firstLine(String s) {
        if (s == null) return null;
        int nl = s.indexOf('\n');
        return escape(shorten(nl < 0 ? s : s.substring(0, nl), 400));
    }
}
