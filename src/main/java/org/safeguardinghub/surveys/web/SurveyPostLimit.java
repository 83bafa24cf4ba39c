package org.safeguardinghub.surveys.web;

import com.github.benmanes.caffeine.cache.Cache;
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
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.platform.web.PerAddressLimit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps a survey link from being flooded with made-up responses, without identifying anyone: nothing here is stored
 * in the database, and no address or cookie value is kept in the clear.
 *
 * <ul>
 *   <li>Per network address: at most {@code public-posts-per-10-minutes} posts (generous, because an agency's
 *       whole staff often reaches the internet through one address) and {@code public-posts-per-minute} in any one
 *       minute, so a script cannot send dozens in a second.
 *   <li>Per browser: the form gives the browser a random cookie; a second answer to the same link from the same
 *       browser within {@link #ANSWERED_WINDOW} is refused (held only as a hash of cookie and link). A post without
 *       the cookie (a script, or cookies switched off) falls under a stricter per-address limit instead.
 * </ul>
 *
 * <p>Both are bounded in memory: {@link PerAddressLimit} holds at most its maximum of addresses, and the answered
 * hashes expire after {@link #ANSWERED_WINDOW} with the same maximum.
 */
@Component
class SurveyPostLimit {

    static final Duration WINDOW = Duration.ofMinutes(10);
    static final Duration ANSWERED_WINDOW = Duration.ofHours(1);
    static final String COOKIE = "HUB_SURVEY";
    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{22}");

    /** Why a post is refused. */
    enum Refusal {
        TOO_MANY,
        ALREADY_ANSWERED
    }

    private final PerAddressLimit limit;
    private final PerAddressLimit burst;
    private final PerAddressLimit withoutCookie;
    private final Cache<String, Instant> answered = Caffeine.newBuilder()
            .maximumSize(PerAddressLimit.MAX_ADDRESSES)
            .expireAfterWrite(ANSWERED_WINDOW)
            .executor(Runnable::run)
            .build();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();

    SurveyPostLimit(
            @Value("${hub.surveys.public-posts-per-10-minutes:60}") int perWindow,
            @Value("${hub.surveys.public-posts-per-minute:10}") int perMinute,
            @Value("${hub.surveys.posts-without-cookie-per-10-minutes:5}") int withoutCookie) {
        this.limit = new PerAddressLimit(perWindow, WINDOW);
        this.burst = new PerAddressLimit(perMinute, Duration.ofMinutes(1));
        this.withoutCookie = new PerAddressLimit(withoutCookie, WINDOW);
    }

    /** Gives the browser its random survey cookie when it has none (the form page). */
    void issue(HttpServletRequest request, HttpServletResponse response) {
        if (nonce(request) != null) {
            return;
        }
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        Cookie cookie =
                new Cookie(COOKIE, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        cookie.setPath("/survey");
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setMaxAge((int) Duration.ofDays(1).toSeconds());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }

    /** Whether this post may be taken (every post counts towards the limits), or why not. */
    @Nullable
    Refusal check(HttpServletRequest request, String linkToken) {
        String address = request.getRemoteAddr();
        boolean within = limit.tryAcquire(address) & burst.tryAcquire(address);
        String nonce = nonce(request);
        if (nonce == null) {
            within &= withoutCookie.tryAcquire(address);
        }
        if (!within) {
            return Refusal.TOO_MANY;
        }
        if (nonce != null) {
            Instant at = answered.getIfPresent(key(nonce, linkToken));
            if (at != null && at.plus(ANSWERED_WINDOW).isAfter(clock.instant())) {
                return Refusal.ALREADY_ANSWERED;
            }
        }
        return null;
    }

    /** Remembers (as a hash, for {@link #ANSWERED_WINDOW}) that this browser has answered this link. */
    void answered(HttpServletRequest request, String linkToken) {
        String nonce = nonce(request);
        if (nonce == null) {
            return;
        }
        answered.put(key(nonce, linkToken), clock.instant());
    }

    private static @Nullable String nonce(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie c : cookies) {
            if (COOKIE.equals(c.getName())
                    && c.getValue() != null
                    && NONCE.matcher(c.getValue()).matches()) {
                return c.getValue();
            }
        }
        return null;
    }

    private static String key(String nonce, String linkToken) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest((nonce + "|" + linkToken).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
