package org.safeguardinghub.platform;

import org.safeguardinghub.shared.SafeCounts;
import org.safeguardinghub.shared.SmallNumberSuppression;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The partnership's disclosure-control rule for published figures, from {@code HUB_SUPPRESSION_MINIMUM}: modules
 * that publish counts (dashboards, the annual report) take this bean rather than choosing their own threshold.
 */
@Configuration(proxyBeanMethods = false)
class SuppressionConfiguration {

    @Bean
    SmallNumberSuppression smallNumberSuppression(@Value("${hub.suppression.minimum-shown}") int minimumShown) {
        return SmallNumberSuppression.of(minimumShown);
    }

    /** The rule every published figure goes through: the same threshold, with rounding (see {@link SafeCounts}). */
    @Bean
    SafeCounts safeCounts(SmallNumberSuppression threshold) {
        return SafeCounts.of(threshold);
    }
}
