package org.safeguardinghub.casereviews.referrals;

import java.time.Duration;
import org.safeguardinghub.platform.web.PerAddressLimit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Limits how often one network address may post the public referral form (in memory, no third-party service), so
 * the form cannot be used to flood the business team.
 */
@Component
public class PublicSubmissionLimit {

    static final Duration WINDOW = Duration.ofMinutes(10);

    private final PerAddressLimit limit;

    PublicSubmissionLimit(@Value("${hub.referrals.public-posts-per-10-minutes:5}") int perWindow) {
        this.limit = new PerAddressLimit(perWindow, WINDOW);
    }

    /** True when this address may post now (and counts the post). */
    public boolean tryAcquire(String address) {
        return limit.tryAcquire(address);
    }
}
