package dev.auditsdk.examples.spring;

import org.jspecify.annotations.Nullable;

/**
 * RFC 4180 cells that a spreadsheet will not run: a cell starting with {@code = + - @}, TAB or CR
 * could be taken for a formula (CSV injection), so it gets a leading apostrophe, which spreadsheets
 * show as text. Cells with a comma, quote or line break are quoted, quotes doubled.
 */
final class CsvCells {
    private CsvCells() {}

    /** One cell; null becomes the empty cell. */
    static String cell(@Nullable String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = isFormulaStart(value.charAt(0)) ? "'" + value : value;
        boolean quote = false;
        for (int i = 0; i < text.length() && !quote; i++) {
            char c = text.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    private static boolean isFormulaStart(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }
}
