package org.safeguardinghub.casereviews.referrals;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Limits how often one network address may post the public referral form (in memory, no third-party service), so
 * the form cannot be used to flood the business team. Every post counts, refused or not; tokens come back one at a
 * time over the window, so a person correcting mistakes is slowed down rather than locked out.
 */
@Component
class PublicSubmissionLimit {

    static final Duration WINDOW = Duration.ofMinutes(10);

    private final int perWindow;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    PublicSubmissionLimit(@Value("${hub.referrals.public-posts-per-10-minutes:5}") int perWindow) {
        this.perWindow = perWindow;
    }

    /** True when this address may post now (and counts the post). */
    boolean tryAcquire(String address) {
        if (buckets.size() > 100_000) {
            buckets.clear(); // bounded memory under a spray of addresses
        }
        return buckets.computeIfAbsent(
                        address,
                        a -> Bucket.builder()
                                .addLimit(Bandwidth.builder()
                                        .capacity(perWindow)
                                        .refillGreedy(perWindow, WINDOW)
                                        .build())
                                .build())
                .tryConsume(1);
    }
}
