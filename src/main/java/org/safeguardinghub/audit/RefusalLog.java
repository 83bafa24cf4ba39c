package org.safeguardinghub.audit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.platform.security.Actors;
import org.safeguardinghub.platform.web.PerAddressLimit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Puts refusals in the audit trail (requests answered 403 or 404, sign-ins with an address that has no account)
 * without letting a scanner flood it: at most {@code hub.audit.refusals-per-minute-per-address} entries a minute
 * from one network address. Refusals over the limit are counted, and the next entry recorded for that address says
 * how many were left out, so the trail shows the volume without a row each.
 */
@Service
public class RefusalLog {

    private final AuditTrail audit;
    private final PerAddressLimit limit;
    private final Cache<String, AtomicInteger> leftOut = Caffeine.newBuilder()
            .maximumSize(PerAddressLimit.MAX_ADDRESSES)
            .executor(Runnable::run)
            .build();

    RefusalLog(AuditTrail audit, @Value("${hub.audit.refusals-per-minute-per-address:10}") int perMinute) {
        this.audit = audit;
        this.limit = PerAddressLimit.refilledWhole(perMinute, Duration.ofMinutes(1));
    }

    /** Records one refusal, unless this address has had its share this minute (then it is only counted). */
    public void record(AuditAction action, String recordType, @Nullable Object recordId, String detail) {
        String address = sourceAddress();
        if (!limit.tryAcquire(address)) {
            leftOut.get(address, a -> new AtomicInteger()).incrementAndGet();
            return;
        }
        AtomicInteger skipped = leftOut.asMap().remove(address);
        String text = skipped == null
                ? detail
                : detail + " (" + skipped.get() + " more refusals from this address since the last entry were"
                        + " counted but not recorded one by one)";
        var actor = Actors.current();
        audit.eventBy(
                actor.map(a -> a.userId()).orElse(null),
                actor.map(a -> a.displayName()).orElse("anonymous"),
                action,
                recordType,
                recordId,
                text);
    }

    private static String sourceAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest request = attrs.getRequest();
            return request.getRemoteAddr();
        }
        return "-";
    }
}
