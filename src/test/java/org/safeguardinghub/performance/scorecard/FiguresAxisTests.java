package org.safeguardinghub.performance.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A chart's axis never fails the indicator page or its exports, whatever figures were stored in the past. */
class FiguresAxisTests {

    @Test
    void aValueTooLargeForChartArithmeticGivesNoTickTextInsteadOfAnError() {
        // a 400-digit figure stored before items had a declared range is infinite as a double
        double huge = new java.math.BigDecimal("9".repeat(400)).doubleValue();
        assertThat(Figures.axis(huge)).isEmpty();
        assertThat(Figures.axis(Double.NaN)).isEmpty();
        assertThat(Figures.axis(1234.5)).isEqualTo("1,234.5");
    }
}
