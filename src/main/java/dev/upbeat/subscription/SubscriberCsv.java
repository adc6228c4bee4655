package dev.upbeat.subscription;

import dev.upbeat.problem.Problem;
import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV, just enough of it: quoted fields with doubled quotes, CRLF or LF line ends. */
final class SubscriberCsv {
    private SubscriberCsv() {
    }

    static List<String[]> parse(String text) {
        List<String[]> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                endRow(rows, fields, field);
            } else {
                field.append(c);
            }
        }
        endRow(rows, fields, field);
        if (rows.isEmpty() || !rows.get(0)[0].strip().equalsIgnoreCase("channel")) {
            throw Problem.badRequest(null, "The CSV must start with a header line: " + SubscriberDirectory.CSV_HEADER
                    + " (only channel and address are required)");
        }
        return rows;
    }

    private static void endRow(List<String[]> rows, List<String> fields, StringBuilder field) {
        fields.add(field.toString());
        field.setLength(0);
        if (!(fields.size() == 1 && fields.get(0).isBlank())) {
            rows.add(fields.toArray(String[]::new));
        }
        fields.clear();
    }

    /**
     * Quotes a field when needed, and defuses one a spreadsheet would run as a formula (a leading
     * =, +, - or @) with an apostrophe, which {@link #unprotect} removes again on import.
     */
    static String quote(String value) {
        String safe = value.matches("[=+\\-@].*") ? "'" + value : value;
        return safe.matches("[^,\"\\r\\n]*") ? safe : "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    /** The fields of an imported row without the apostrophe {@link #quote} put before formula-like values. */
    static String[] unprotect(String[] row) {
        String[] clean = row.clone();
        for (int i = 0; i < clean.length; i++) {
            if (clean[i].matches("'[=+\\-@].*")) {
                clean[i] = clean[i].substring(1);
            }
        }
        return clean;
    }
}
