package nl.classbridge.privacy;

import java.util.List;

/**
 * Rows as a CSV file (RFC 4180) that a spreadsheet opens safely: UTF-8 with a byte order mark so
 * Excel reads Arabic, Turkish and Ukrainian right; each cell with a comma, a double quote, a
 * carriage return or a line feed between double quotes, with its double quotes doubled; lines ended
 * by CR LF. A cell that begins with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage
 * return gets a single quote in front, so a family's words are never run as a formula (OWASP, CSV
 * injection).
 */
public final class Csv {
    /** The byte order mark every file starts with. */
    public static final String BOM = "\uFEFF";

    private Csv() {}

    /** The whole file: the byte order mark, then each row on its own line. */
    public static String write(List<List<String>> rows) {
        StringBuilder out = new StringBuilder(BOM);
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(cell(row.get(i)));
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    /** One cell, neutralised against formulas and quoted when it must be. */
    static String cell(String raw) {
        String value = raw == null ? "" : raw;
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            value = "'" + value;
        }
        if (value.indexOf(',') >= 0
                || value.indexOf('"') >= 0
                || value.indexOf('\r') >= 0
                || value.indexOf('\n') >= 0) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
