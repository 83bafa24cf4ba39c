package org.safeguardinghub.imports.parsing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.imports.ImportColumn;

/**
 * Matches a file's header row to an import kind's columns. Headers match ignoring case, and spaces or hyphens
 * count as underscores, so {@code Short name}, {@code SHORT-NAME} and {@code short_name} are the same column.
 * Unknown, repeated and missing required columns reject the file, naming each one.
 */
public final class HeaderMapping {

    /** For each position in the file's header, the kind's column name there (null for an empty header cell). */
    private final List<@Nullable String> columnAt;

    private HeaderMapping(List<@Nullable String> columnAt) {
        this.columnAt = columnAt;
    }

    public static HeaderMapping match(List<String> headers, List<ImportColumn> columns) {
        Map<String, ImportColumn> byKey = new HashMap<>();
        for (ImportColumn c : columns) {
            byKey.put(key(c.name()), c);
        }
        List<@Nullable String> columnAt = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        List<String> repeated = new ArrayList<>();
        for (String header : headers) {
            if (header.isBlank()) {
                columnAt.add(null);
                continue;
            }
            ImportColumn c = byKey.get(key(header));
            if (c == null) {
                unknown.add(header);
                columnAt.add(null);
            } else if (seen.merge(c.name(), 1, Integer::sum) == 2) {
                repeated.add(c.name());
                columnAt.add(null);
            } else {
                columnAt.add(c.name());
            }
        }
        List<String> missing = columns.stream()
                .filter(ImportColumn::required)
                .map(ImportColumn::name)
                .filter(n -> !seen.containsKey(n))
                .toList();
        List<String> messages = new ArrayList<>();
        if (!missing.isEmpty()) {
            messages.add((missing.size() == 1
                            ? "The header row is missing the required column "
                            : "The header row is" + " missing the required columns ")
                    + quoted(missing) + ". The first row must name the columns, as in the template");
        }
        if (!unknown.isEmpty()) {
            messages.add((unknown.size() == 1 ? "The column " : "The columns ") + quoted(unknown)
                    + (unknown.size() == 1 ? " is" : " are") + " not recognised. Use only these columns: "
                    + quoted(columns.stream().map(ImportColumn::name).toList()));
        }
        if (!repeated.isEmpty()) {
            messages.add((repeated.size() == 1 ? "The column " : "The columns ") + quoted(repeated)
                    + " appear more than once in the header row. Keep one of each");
        }
        if (!messages.isEmpty()) {
            throw new FileRejected(messages);
        }
        return new HeaderMapping(columnAt);
    }

    /** The matched columns' names, in the file's order. */
    public List<String> columns() {
        List<String> names = new ArrayList<>();
        for (String c : columnAt) {
            if (c != null) {
                names.add(c);
            }
        }
        return names;
    }

    /** A data row's cells by column name. Cells under empty header cells are ignored if empty. */
    public Map<String, String> values(List<String> cells) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < cells.size() && i < columnAt.size(); i++) {
            String column = columnAt.get(i);
            if (column != null) {
                values.put(column, cells.get(i));
            }
        }
        return values;
    }

    /**
     * Non-empty cells beyond the header's columns or under an empty header cell: values the import would silently
     * drop, so the row is reported instead. Zero when there are none.
     */
    public int strayValues(List<String> cells) {
        int stray = 0;
        for (int i = 0; i < cells.size(); i++) {
            if (!cells.get(i).isEmpty() && (i >= columnAt.size() || columnAt.get(i) == null)) {
                stray++;
            }
        }
        return stray;
    }

    static String key(String header) {
        return header.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
    }

    private static String quoted(List<String> names) {
        return String.join(", ", names.stream().map(n -> "\"" + n + "\"").toList());
    }
}
