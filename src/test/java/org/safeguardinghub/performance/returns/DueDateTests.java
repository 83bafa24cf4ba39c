package org.safeguardinghub.performance.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.performance.catalogue.Frequency;
import org.safeguardinghub.performance.catalogue.Period;

/** When a return is due: 15 working days after its period, and never an error for a period before or after the published bank holidays. */
class DueDateTests {

    @Test
    void withinTheKnownBankHolidaysTheyAreSkipped() {
        // December 2025 ends on a Wednesday; Christmas Day, Boxing Day and New Year's Day are not working days
        LocalDate due = DataReturns.dueOn(Period.endingOn(Frequency.MONTHLY, LocalDate.of(2025, 12, 31)));
        assertThat(due).isEqualTo(LocalDate.of(2026, 1, 22));
    }

    @Test
    void pastThePublishedBankHolidaysTheProjectedOnesAreSkipped() {
        // December 2030 ends on a Tuesday; New Year's Day 2031 (projected) is not a working day
        LocalDate due = DataReturns.dueOn(Period.endingOn(Frequency.MONTHLY, LocalDate.of(2030, 12, 31)));
        assertThat(due).isEqualTo(LocalDate.of(2031, 1, 22));
        // March 2031 ends on a Monday; Good Friday 11 April and Easter Monday 14 April 2031 are skipped
        LocalDate easter = DataReturns.dueOn(Period.endingOn(Frequency.MONTHLY, LocalDate.of(2031, 3, 31)));
        assertThat(easter).isEqualTo(LocalDate.of(2031, 4, 23));
    }

    @Test
    void beforeTheKnownBankHolidaysWeekdaysAreCounted() {
        // March 2013 ends on a Sunday: 15 weekdays later is Friday 19 April
        LocalDate due = DataReturns.dueOn(Period.endingOn(Frequency.MONTHLY, LocalDate.of(2013, 3, 31)));
        assertThat(due).isEqualTo(LocalDate.of(2013, 4, 19));
    }
}
