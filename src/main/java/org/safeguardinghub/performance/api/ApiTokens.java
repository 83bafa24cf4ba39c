package org.safeguardinghub.performance.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.audit.AuditAction;
import org.safeguardinghub.audit.AuditTrail;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.web.NotFoundException;
import org.safeguardinghub.platform.web.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tokens an agency's own system uses to send its data returns through the API.
 *
 * <p>A token is created by the agency lead (or by the business team for an agency), shown once, and from then on
 * only its SHA-256 hash and a short prefix (so people can tell tokens apart) are kept. A token is live until the
 * first of: it is revoked (permanent), it reaches its expiry date ({@link #LIFETIME} after it was created), or the
 * person who created it is deactivated (a token never outlives its creator's access; another person creates a new
 * one). An agency may hold at most {@link #MAX_LIVE_PER_AGENCY} live tokens. Each use stamps {@code last_used_at}.
 * A token acts for exactly one agency in one partnership, with no permission beyond submitting returns.
 */
@Service
public class ApiTokens {

    static final String PREFIX = "shub_";
    static final Duration LIFETIME = Duration.ofDays(365);
    static final int MAX_LIVE_PER_AGENCY = 10;

    /** The agency already holds as many live tokens as it may. */
    public static final class TooManyTokens extends RuntimeException {
        TooManyTokens() {
            super("This agency already has " + MAX_LIVE_PER_AGENCY + " live tokens, the most it may have. Revoke a"
                    + " token that is no longer used, then create the new one");
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiTokenRecords records;
    private final AuditTrail audit;

    ApiTokens(ApiTokenRecords records, AuditTrail audit) {
        this.records = records;
        this.audit = audit;
    }

    /** One token as the list shows it (never the token itself). */
    public record TokenRow(
            long id,
            long agencyId,
            String agencyName,
            String name,
            String prefix,
            String createdByName,
            Instant createdAt,
            @Nullable Instant lastUsedAt,
            @Nullable Instant revokedAt,
            @Nullable String revokedByName,
            Instant expiresAt,
            boolean creatorActive) {

        public boolean revoked() {
            return revokedAt != null;
        }

        public boolean expired() {
            return !expiresAt.isAfter(Instant.now());
        }

        /** Whether the token still opens the API. */
        public boolean live() {
            return !revoked() && !expired() && creatorActive;
        }
    }

    /** A freshly created token: the only moment the secret exists outside the caller's system. */
    public record CreatedToken(long id, String name, String token) {}

    /** What an API request acts as, once its token checks out. */
    record TokenIdentity(
            long tokenId,
            String name,
            long partnershipId,
            String partnershipName,
            long agencyId,
            String agencyName,
            long createdBy) {}

    @Transactional(readOnly = true)
    public List<TokenRow> tokensOf(long partnershipId, long agencyId) {
        return records.tokensOf(partnershipId, agencyId);
    }

    /**
     * Creates a token for the agency, live for {@link #LIFETIME}.
     *
     * @throws TooManyTokens when the agency already holds {@link #MAX_LIVE_PER_AGENCY} live tokens
     */
    @Transactional
    public CreatedToken create(Actor actor, long agencyId, String name) {
        // one creation at a time per agency, so concurrent requests cannot pass the cap together
        records.lockAgency(agencyId);
        long live = tokensOf(actor.partnershipId(), agencyId).stream()
                .filter(TokenRow::live)
                .count();
        if (live >= MAX_LIVE_PER_AGENCY) {
            throw new TooManyTokens();
        }
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
        String prefix = token.substring(0, PREFIX.length() + 6);
        long id = records.insert(
                actor.partnershipId(), agencyId, name, prefix, sha256(token), actor.userId(), actor.displayName(), (int)
                        LIFETIME.toDays());
        audit.created("api_token", id, Map.of("name", name, "agency", agencyId, "prefix", prefix));
        return new CreatedToken(id, name, token);
    }

    /** Revokes a token of the actor's partnership (and agency, for an agency-scoped actor); 404 otherwise. */
    @Transactional
    public TokenRow revoke(Actor actor, long id) {
        TokenRow row = find(actor, id);
        if (row.revoked()) {
            throw Refusal.conflict("This token was already revoked");
        }
        records.revoke(id, actor.displayName());
        audit.changed(AuditAction.UPDATE, "api_token", id, Map.of("revoked", "no"), Map.of("revoked", "yes"));
        return row;
    }

    public TokenRow find(Actor actor, long id) {
        return records.find(
                        id,
                        actor.partnershipId(),
                        actor.seesAllAgencies(),
                        actor.agencyId() == null ? -1L : actor.agencyId())
                .orElseThrow(() -> new NotFoundException("Token"));
    }

    /**
     * The identity of a live token, stamping its last use; empty when unknown, revoked, expired, or created by a
     * person whose account has since been deactivated.
     */
    @Transactional
    Optional<TokenIdentity> authenticate(String token) {
        if (!token.startsWith(PREFIX) || token.length() > 200) {
            return Optional.empty();
        }
        return records.authenticate(sha256(token));
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
