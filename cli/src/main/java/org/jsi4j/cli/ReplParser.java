package org.jsi4j.cli;

import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.DefaultParser;

/**
 * The REPL's line parser: input that {@link InputBalance} finds unfinished asks JLine for another
 * line (shown with the {@code ...} prompt). No escape characters, so backslashes in JavaScript
 * strings reach the engine as typed.
 */
final class ReplParser extends DefaultParser {
    ReplParser() {
        setEscapeChars(null);
        setQuoteChars(new char[0]);
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE && InputBalance.incomplete(line)) {
            throw new EOFError(-1, -1, "more input needed", "continue");
        }
        return super.parse(line, cursor, context);
    }
}
