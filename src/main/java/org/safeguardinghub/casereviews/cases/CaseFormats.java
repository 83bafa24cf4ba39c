package org.safeguardinghub.casereviews.cases;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Dates as GOV.UK writes them ("24 December 2026"), for messages written in Java. */
final class CaseFormats {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private CaseFormats() {}

    static String date(@Nullable LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }
}
