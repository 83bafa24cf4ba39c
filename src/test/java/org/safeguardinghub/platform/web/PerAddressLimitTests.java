package org.safeguardinghub.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PerAddressLimitTests {

    @Test
    void anAddressIsRefusedOnceItHasUsedItsWindowAndOthersAreNot() {
        PerAddressLimit limit = new PerAddressLimit(3, Duration.ofMinutes(10));

        assertThat(limit.tryAcquire("10.0.0.1")).isTrue();
        assertThat(limit.tryAcquire("10.0.0.1")).isTrue();
        assertThat(limit.tryAcquire("10.0.0.1")).isTrue();
        assertThat(limit.tryAcquire("10.0.0.1")).isFalse();
        assertThat(limit.tryAcquire("10.0.0.2")).isTrue();
    }

    @Test
    void aSprayOfAddressesCannotGrowMemoryBeyondTheBound() {
        PerAddressLimit limit = new PerAddressLimit(5, Duration.ofMinutes(10), false, 100, Runnable::run);

        for (int i = 0; i < 20_000; i++) {
            limit.tryAcquire("198.51." + (i / 256) + "." + (i % 256));
        }

        assertThat(limit.addressesHeld()).isLessThanOrEqualTo(100);
    }

    @Test
    void theDefaultLimitIsBoundedToo() {
        PerAddressLimit limit = new PerAddressLimit(5, Duration.ofMinutes(10));

        for (int i = 0; i < PerAddressLimit.MAX_ADDRESSES + 5_000; i++) {
            limit.tryAcquire("a" + i);
        }

        assertThat(limit.addressesHeld()).isLessThanOrEqualTo(PerAddressLimit.MAX_ADDRESSES);
    }
}
