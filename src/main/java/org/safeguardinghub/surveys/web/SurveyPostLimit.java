package org.safeguardinghub.surveys.web;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Limits how often one network address may post survey answers (in memory, nothing written anywhere), so a link
 * cannot be used to flood a survey with made-up responses. The default is generous because the whole staff of an
 * agency often reaches the internet through one address; it still stops a script posting thousands. The address is
 * held only in this map, never stored with the answers.
 */
@Component
class SurveyPostLimit {

    static final Duration WINDOW = Duration.ofMinutes(10);

    private final int perWindow;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    SurveyPostLimit(@Value("${hub.surveys.public-posts-per-10-minutes:60}") int perWindow) {
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
