package org.jsi4j;

/**
 * A place in a script. Lines and columns count from 1; {@code 0} means unknown.
 *
 * @param sourceName the name the script was given when evaluated or prepared
 * @param line the line, from 1
 * @param column the column, from 1
 */
public record SourceLocation(String sourceName, int line, int column) {
    /** {@code name:line:column}, omitting what is unknown. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(sourceName == null ? "<unknown>" : sourceName);
        if (line > 0) {
            s.append(':').append(line);
            if (column > 0) s.append(':').append(column);
        }
        return s.toString();
    }
}
