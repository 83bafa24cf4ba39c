package org.safeguardinghub.platform.web;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How often one network address may post a public form, held in memory only (the address is never stored). Every
 * post counts, refused or not; tokens come back one at a time over the window, so a person correcting mistakes is
 * slowed down rather than locked out. Per instance: two instances each allow the full rate.
 */
public final class PerAddressLimit {

    private final int perWindow;
    private final Duration window;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public PerAddressLimit(int perWindow, Duration window) {
        this.perWindow = perWindow;
        this.window = window;
    }

    /** True when this address may post now (and counts the post). */
    public boolean tryAcquire(String address) {
        if (buckets.size() > 100_000) {
            buckets.clear(); // bounded memory under a spray of addresses
        }
        return buckets.computeIfAbsent(
                        address,
                        a -> Bucket.builder()
                                .addLimit(Bandwidth.builder()
                                        .capacity(perWindow)
                                        .refillGreedy(perWindow, window)
                                        .build())
                                .build())
                .tryConsume(1);
    }
}
