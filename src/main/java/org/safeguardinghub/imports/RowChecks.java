package org.safeguardinghub.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Small helpers for the common checks in {@link ImportKind#validate}: required values, lengths, choices from a
 * list. Each check records a problem against the row and column and returns the cleaned value (or null), so a
 * kind reads its row once:
 *
 * <pre>{@code
 * var check = new RowChecks(row);
 * String name = check.required("name", "the agency's name", 200);
 * AgencyType type = check.choice("type", "the agency type", AgencyType.values(), AgencyType::label, true);
 * // missing name: "Enter the agency's name"; too long: "The agency's name must be 200 characters or fewer"
 * // unknown type: "\"Polise\" is not one of the choices for the agency type. Use one of: Local authority, ..."
 * return check.problems();
 * }</pre>
 */
public final class RowChecks {

    private final ImportRow row;
    private final List<ImportProblem> problems = new ArrayList<>();

    public RowChecks(ImportRow row) {
        this.row = row;
    }

    /** A value that must be present and at most {@code maxLength} characters; null (with a problem) otherwise. */
    public @Nullable String required(String column, String what, int maxLength) {
        String v = row.optional(column);
        if (v == null) {
            add(column, "Enter " + what);
            return null;
        }
        return length(column, what, v, maxLength);
    }

    /** A value that may be empty (null) but, if given, is at most {@code maxLength} characters. */
    public @Nullable String optional(String column, String what, int maxLength) {
        String v = row.optional(column);
        return v == null ? null : length(column, what, v, maxLength);
    }

    /**
     * One of {@code choices}, matched ignoring case by its constant name (spaces for underscores allowed) or by its
     * label. {@code what} names the value with its article, as in "Enter the agency type". Null when missing or not recognised (with a problem listing the choices), or when empty and not
     * required.
     */
    public <E extends Enum<E>> @Nullable E choice(
            String column, String what, E[] choices, Function<E, String> label, boolean required) {
        String v = row.optional(column);
        if (v == null) {
            if (required) {
                add(column, "Enter " + what);
            }
            return null;
        }
        String wanted = normalise(v);
        for (E e : choices) {
            if (normalise(e.name()).equals(wanted) || normalise(label.apply(e)).equals(wanted)) {
                return e;
            }
        }
        List<String> labels = new ArrayList<>();
        for (E e : choices) {
            labels.add(label.apply(e));
        }
        add(
                column,
                "\"" + v + "\" is not one of the choices for " + what + ". Use one of: " + String.join(", ", labels));
        return null;
    }

    /** Records a problem of the kind's own making against this row. */
    public void add(@Nullable String column, String message) {
        problems.add(ImportProblem.at(row, column, message));
    }

    public List<ImportProblem> problems() {
        return List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    private @Nullable String length(String column, String what, String v, int maxLength) {
        if (v.length() > maxLength) {
            add(
                    column,
                    capitalise(what) + " must be " + maxLength + " characters or fewer (it has " + v.length() + ")");
            return null;
        }
        return v;
    }

    static String normalise(String s) {
        return s.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", " ");
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
