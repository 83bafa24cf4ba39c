package org.safeguardinghub.audit;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Minimal JSON writing for the audit changes column: a flat map of field to before/after strings. */
final class Json {

    private Json() {}

    static String of(Map<String, AuditTrail.FieldChange> changes) {
        StringBuilder sb = new StringBuilder("{");
        boolean first = true;
        for (var e : changes.entrySet()) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            sb.append(quote(e.getKey()))
                    .append(":{\"before\":")
                    .append(quote(e.getValue().before()))
                    .append(",\"after\":")
                    .append(quote(e.getValue().after()))
                    .append('}');
        }
        return sb.append('}').toString();
    }

    static String quote(@Nullable String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
