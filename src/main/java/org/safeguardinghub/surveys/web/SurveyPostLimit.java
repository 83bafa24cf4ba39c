package org.safeguardinghub.surveys.web;

import java.time.Duration;
import org.safeguardinghub.platform.web.PerAddressLimit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Limits how often one network address may post survey answers, so a link cannot be used to flood a survey with
 * made-up responses. The default is generous because the whole staff of an agency often reaches the internet
 * through one address; it still stops a script posting thousands.
 */
@Component
class SurveyPostLimit {

    static final Duration WINDOW = Duration.ofMinutes(10);

    private final PerAddressLimit limit;

    SurveyPostLimit(@Value("${hub.surveys.public-posts-per-10-minutes:60}") int perWindow) {
        this.limit = new PerAddressLimit(perWindow, WINDOW);
    }

    /** True when this address may post now (and counts the post). */
    boolean tryAcquire(String address) {
        return limit.tryAcquire(address);
    }
}
