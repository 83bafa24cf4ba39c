package org.safeguardinghub.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A bank holiday in England and Wales, as published on GOV.UK.
 *
 * @param date the day of the holiday (for a substitute day, the day actually taken off)
 * @param title the GOV.UK title, for example {@code "Boxing Day (substitute day)"}
 */
public record BankHoliday(LocalDate date, String title) {

    public BankHoliday {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(title, "title");
        if (title.isBlank()) {
            throw new IllegalArgumentException("Bank holiday on " + date + " needs a title");
        }
    }
}
