package org.safeguardinghub.performance.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.performance.catalogue.Frequency;
import org.safeguardinghub.performance.catalogue.Period;

/** When a return is due: 15 working days after its period, and never an error for a period past the bank holidays. */
class DueDateTests {

    @Test
    void withinTheKnownBankHolidaysTheyAreSkipped() {
        // December 2025 ends on a Wednesday; Christmas Day, Boxing Day and New Year's Day are not working days
        LocalDate due = DataReturns.dueOn(Period.endingOn(Frequency.MONTHLY, LocalDate.of(2025, 12, 31)));
        assertThat(due).isEqualTo(LocalDate.of(2026, 1, 22));
    }

    @Test
    void pastTheKnownBankHolidaysWeekdaysAreCountedInsteadOfFailing() {
        // January 2031 ends on a Friday: 15 weekdays later is Friday 21 February
        LocalDate due = DataReturns.dueOn(Period.endingOn(Frequency.MONTHLY, LocalDate.of(2031, 1, 31)));
        assertThat(due).isEqualTo(LocalDate.of(2031, 2, 21));
    }

    @Test
    void beforeTheKnownBankHolidaysWeekdaysAreCounted() {
        // March 2013 ends on a Sunday: 15 weekdays later is Friday 19 April
        LocalDate due = DataReturns.dueOn(Period.endingOn(Frequency.MONTHLY, LocalDate.of(2013, 3, 31)));
        assertThat(due).isEqualTo(LocalDate.of(2013, 4, 19));
    }
}
