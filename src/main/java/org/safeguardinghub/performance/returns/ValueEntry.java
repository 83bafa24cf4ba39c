package org.safeguardinghub.performance.returns;

import org.jspecify.annotations.Nullable;

/**
 * One cell as the agency gave it, before checking.
 *
 * @param breakdownKind empty for the item's total, otherwise a {@code Breakdown} name such as {@code DISTRICT}
 * @param breakdownValue empty for the total, otherwise e.g. the district's name
 * @param rawValue the text typed or sent; blank means no figure
 * @param comment the agency's explanation (required to submit a figure flagged as an outlier)
 */
public record ValueEntry(
        String itemCode,
        String breakdownKind,
        String breakdownValue,
        String rawValue,
        @Nullable String comment) {

    public static ValueEntry total(String itemCode, String rawValue) {
        return new ValueEntry(itemCode, "", "", rawValue, null);
    }
}
