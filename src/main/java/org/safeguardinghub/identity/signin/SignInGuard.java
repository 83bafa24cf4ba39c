package org.safeguardinghub.identity.signin;

import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.platform.web.PerAddressLimit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing without telling anyone which email addresses have accounts and without letting a stranger
 * lock the owner out. Every rule is keyed by the email address as typed (normalised and hashed), so an address with
 * no account meets exactly the same answers as one with an account.
 *
 * <ul>
 *   <li><b>Per address and email</b>: after {@code max-failed-sign-ins} failures from one network address for one
 *       email address, that pair is refused for {@code lockout}. The owner signing in from elsewhere is not affected.
 *   <li><b>Per email, from anywhere</b>: after {@code account-slow-down-after} failures within {@code lockout}, the
 *       email address takes one attempt per {@code account-slow-down-interval}, so a guesser spread over many
 *       addresses is slowed to a crawl. A browser that has signed in to that account before (a "known browser"
 *       cookie, an HMAC of the email address) is not slowed, so the owner gets in.
 *   <li><b>Unlock</b>: an administrator's "reset access" (the one-time link) clears both counts for the person.
 * </ul>
 *
 * <p>Held in memory (no addresses stored), per instance, like the other throttles; the cookie key is made at start,
 * so after a restart a browser is known again from its next sign-in.
 */
@Component
public class SignInGuard {

    static final String KNOWN_BROWSER = "HUB_KNOWN";

    /** Why an attempt is refused before the password is checked. */
    enum Refusal {
        PAIR_BLOCKED,
        SLOWED
    }

    private final int pairLimit;
    private final Duration window;
    private final int accountLimit;
    private final Duration interval;
    private final boolean secureCookies;
    private final byte[] key = new byte[32];
    private final Map<String, Counter> pairs = bounded();
    private final Map<String, Counter> accounts = bounded();
    private Clock clock = Clock.systemUTC();

    SignInGuard(
            @Value("${hub.security.max-failed-sign-ins}") int pairLimit,
            @Value("${hub.security.lockout}") Duration window,
            @Value("${hub.security.account-slow-down-after:20}") int accountLimit,
            @Value("${hub.security.account-slow-down-interval:30s}") Duration interval,
            @Value("${server.servlet.session.cookie.secure:false}") boolean secureCookies) {
        this.pairLimit = pairLimit;
        this.window = window;
        this.accountLimit = accountLimit;
        this.interval = interval;
        this.secureCookies = secureCookies;
        new SecureRandom().nextBytes(key);
    }

    void useClock(Clock clock) {
        this.clock = clock;
    }

    /** Whether this attempt may go on to the password check; if so, it counts towards the slow-down interval. */
    @Nullable
    Refusal check(HttpServletRequest request, String email) {
        Instant now = clock.instant();
        Counter pair = pairs.get(pairKey(request.getRemoteAddr(), email));
        if (pair != null && pair.active(now, window) && pair.failures >= pairLimit) {
            return Refusal.PAIR_BLOCKED;
        }
        Counter account = accounts.get(hash(email));
        if (account != null
                && account.active(now, window)
                && account.failures >= accountLimit
                && !knownBrowser(request, email)) {
            synchronized (account) {
                if (account.lastAttempt != null
                        && account.lastAttempt.plus(interval).isAfter(now)) {
                    return Refusal.SLOWED;
                }
                account.lastAttempt = now;
            }
        }
        return null;
    }

    /** Counts a failed attempt; true when this failure started the slow-down of the email address. */
    boolean failed(HttpServletRequest request, String email) {
        Instant now = clock.instant();
        count(pairs, pairKey(request.getRemoteAddr(), email), now);
        return count(accounts, hash(email), now) == accountLimit;
    }

    /** A successful sign-in: this address's count for the email is cleared and the browser becomes known. */
    void succeeded(HttpServletRequest request, HttpServletResponse response, String email) {
        pairs.remove(pairKey(request.getRemoteAddr(), email));
        Cookie cookie = new Cookie(KNOWN_BROWSER, mac(email));
        cookie.setHttpOnly(true);
        cookie.setSecure(secureCookies);
        cookie.setPath("/sign-in");
        cookie.setMaxAge((int) Duration.ofDays(90).toSeconds());
        cookie.setAttribute("SameSite", "Strict");
        response.addCookie(cookie);
    }

    /** Clears every count for an email address: an administrator has reset the person's access. */
    public void forget(String email) {
        String account = hash(email);
        accounts.remove(account);
        String suffix = "|" + account;
        pairs.keySet().removeIf(k -> k.endsWith(suffix));
    }

    private boolean knownBrowser(HttpServletRequest request, String email) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return false;
        }
        byte[] expected = mac(email).getBytes(StandardCharsets.US_ASCII);
        for (Cookie c : cookies) {
            if (KNOWN_BROWSER.equals(c.getName())
                    && MessageDigest.isEqual(expected, c.getValue().getBytes(StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }

    private int count(Map<String, Counter> counters, String key, Instant now) {
        Counter c = counters.compute(key, (k, old) -> old == null || !old.active(now, window) ? new Counter(now) : old);
        synchronized (c) {
            c.lastAttempt = now; // a failure is an attempt: the slow-down interval runs from it
            return ++c.failures;
        }
    }

    /** A map of counts that holds at most as many keys as the per-address limits (the least used go first). */
    private static Map<String, Counter> bounded() {
        return Caffeine.newBuilder()
                .maximumSize(PerAddressLimit.MAX_ADDRESSES)
                .executor(Runnable::run)
                .<String, Counter>build()
                .asMap();
    }

    private String pairKey(String address, String email) {
        return hash("address:" + address) + "|" + hash(email);
    }

    static String normalise(@Nullable String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    private static String hash(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(normalise(value).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String mac(String email) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal(normalise(email).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Failures since {@code first}; forgotten once {@code window} has passed since the first. */
    private static final class Counter {
        final Instant first;
        int failures;

        @Nullable
        Instant lastAttempt;

        Counter(Instant first) {
            this.first = first;
        }

        boolean active(Instant now, Duration window) {
            return first.plus(window).isAfter(now);
        }
    }
}
