package org.safeguardinghub.platform.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * How often one network address may do something (post a public form, try to sign in), held in memory only (the
 * address is never stored). Every attempt counts, refused or not; tokens come back one at a time over the window, so
 * a person correcting mistakes is slowed down rather than locked out. Per instance: two instances each allow the full
 * rate.
 *
 * <p>Bounded: an address's bucket is forgotten once it has been idle for a whole window (by then it is full again,
 * so forgetting it changes nothing), and at most {@link #MAX_ADDRESSES} addresses are held; beyond that the least
 * recently seen are forgotten first, so a spray of made-up addresses cannot grow memory without limit.
 */
public final class PerAddressLimit {

    /** The most addresses held at once. */
    public static final int MAX_ADDRESSES = 100_000;

    private final int perWindow;
    private final Duration window;
    private final boolean refillWhole;
    private final Cache<String, Bucket> buckets;

    public PerAddressLimit(int perWindow, Duration window) {
        this(perWindow, window, false, MAX_ADDRESSES, Runnable::run);
    }

    /** A fixed allowance per address each window, refilled whole at the end of it (not a token at a time). */
    public static PerAddressLimit refilledWhole(int perWindow, Duration window) {
        return new PerAddressLimit(perWindow, window, true, MAX_ADDRESSES, Runnable::run);
    }

    /** With a chosen bound, and the executor that evicts (the caller's thread by default). */
    PerAddressLimit(int perWindow, Duration window, boolean refillWhole, long maxAddresses, Executor evictions) {
        this.perWindow = perWindow;
        this.window = window;
        this.refillWhole = refillWhole;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxAddresses)
                .expireAfterAccess(window)
                .executor(evictions)
                .build();
    }

    /** True when this address may act now (and counts the attempt). */
    public boolean tryAcquire(String address) {
        return buckets.get(address, a -> newBucket()).tryConsume(1);
    }

    /** How many addresses are held now (after pending evictions). */
    long addressesHeld() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private Bucket newBucket() {
        var capacity = Bandwidth.builder().capacity(perWindow);
        return Bucket.builder()
                .addLimit(
                        refillWhole
                                ? capacity.refillIntervally(perWindow, window).build()
                                : capacity.refillGreedy(perWindow, window).build())
                .build();
    }
}
