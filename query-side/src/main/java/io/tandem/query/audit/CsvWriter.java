package io.tandem.query.audit;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes CSV as RFC 4180 defines it: records end with CRLF; a field that contains a comma, a double quote, CR or LF
 * is enclosed in double quotes, and a double quote inside it is doubled. Null is an empty field.
 *
 * <p>Safe to open in a spreadsheet (OWASP "CSV injection"): a field that starts with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return, or with one of {@code = + - @} after leading whitespace, would be
 * read as a formula by Excel, LibreOffice or Google Sheets; it is written with a single quote ({@code '}) in front,
 * which spreadsheets show as text. The quote is part of the value to a CSV parser, so a negative number such as
 * {@code -2} in a free-text column reads back as {@code '-2}. Fields are never trimmed or otherwise changed.
 */
final class CsvWriter {

    private static final String FORMULA_STARTS = "=+-@";
    private static final String CRLF = "\r\n";

    private final Writer out;

    CsvWriter(Writer out) {
        this.out = out;
    }

    /** Writes one record: the fields, separated by commas, then CRLF. */
    void record(String... fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(field(fields[i]));
        }
        out.write(CRLF);
    }

    /** One field as it appears in the file: neutralized against formula injection, then quoted if needed. */
    static String field(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = startsLikeAFormula(value) ? "'" + value : value;
        if (needsQuotes(safe)) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }

    static boolean startsLikeAFormula(String value) {
        char first = value.charAt(0);
        if (first == '\t' || first == '\r' || FORMULA_STARTS.indexOf(first) >= 0) {
            return true;
        }
        int i = 0;
        while (i < value.length() && Character.isWhitespace(value.charAt(i))) {
            i++;
        }
        return i < value.length() && FORMULA_STARTS.indexOf(value.charAt(i)) >= 0;
    }

    private static boolean needsQuotes(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }
}
