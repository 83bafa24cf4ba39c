package org.safeguardinghub.imports;

import org.jspecify.annotations.Nullable;

/**
 * A reason a row cannot be imported, shown in the validation report.
 *
 * @param rowNumber as in {@link ImportRow#number()}
 * @param column the column at fault, or null when the problem is with the row as a whole
 * @param message what is wrong and how to put it right, in plain English: "Enter the agency's name"
 */
public record ImportProblem(int rowNumber, @Nullable String column, String message) {

    public static ImportProblem at(ImportRow row, @Nullable String column, String message) {
        return new ImportProblem(row.number(), column, message);
    }
}
