package org.jsi4j.host;

import java.util.ArrayList;
import java.util.List;

/**
 * Node's {@code groupArrayElements}: the entries of an array of more than six short items laid out
 * in aligned columns (numbers right-aligned), as {@code util.inspect} does, so that a long array of
 * numbers takes a few lines instead of one per item.
 */
final class ArrayGrouping {
    private static final int SEPARATOR = 2;

    private ArrayGrouping() {
    }

    /**
     * The rows of {@code output}, or {@code output} itself when it should not be grouped.
     *
     * @param cut whether the last entry is the {@code ... n more items} note (not grouped)
     * @param numbers whether every item is a number or BigInt (right-aligned)
     * @param indentation the columns of indentation at this level
     */
    static List<String> group(List<String> output, boolean cut, boolean numbers, int indentation) {
        if (output.size() <= 6) return output;
        int outputLength = cut ? output.size() - 1 : output.size();
        int totalLength = 0;
        int maxLength = 0;
        int[] dataLen = new int[outputLength];
        for (int i = 0; i < outputLength; i++) {
            int len = Inspector.visibleLength(output.get(i));
            dataLen[i] = len;
            totalLength += len + SEPARATOR;
            maxLength = Math.max(maxLength, len);
        }
        int actualMax = maxLength + SEPARATOR;
        if (!(actualMax * 3 + indentation < Inspector.BREAK_LENGTH && ((double) totalLength / actualMax > 5 || maxLength <= 6))) {
            return output;
        }
        double averageBias = Math.sqrt(actualMax - (double) totalLength / output.size());
        double biasedMax = Math.max(actualMax - 3 - averageBias, 1);
        int columns = (int) Math.min(Math.min(Math.round(Math.sqrt(2.5 * biasedMax * outputLength) / biasedMax),
                Math.floor((Inspector.BREAK_LENGTH - indentation) / (double) actualMax)), Math.min(3 * 4, 15));
        if (columns <= 1) return output;
        int[] maxLineLength = new int[columns];
        for (int i = 0; i < columns; i++) {
            int lineLength = 0;
            for (int j = i; j < outputLength; j += columns) lineLength = Math.max(lineLength, dataLen[j]);
            maxLineLength[i] = lineLength + SEPARATOR;
        }
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < outputLength; i += columns) {
            int max = Math.min(i + columns, outputLength);
            StringBuilder row = new StringBuilder();
            int j = i;
            for (; j < max - 1; j++) {
                String cell = output.get(j) + ", ";
                row.append(pad(cell, maxLineLength[j - i] + output.get(j).length() - dataLen[j], numbers));
            }
            if (numbers) {
                row.append(pad(output.get(j), maxLineLength[j - i] + output.get(j).length() - dataLen[j] - SEPARATOR, true));
            } else {
                row.append(output.get(j));
            }
            rows.add(row.toString());
        }
        if (cut) rows.add(output.get(outputLength));
        return rows;
    }

    private static String pad(String text, int width, boolean start) {
        if (text.length() >= width) return text;
        String spaces = " ".repeat(width - text.length());
        return start ? spaces + text : text + spaces;
    }

}
