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
import org.springframework.jdbc.core.simple.JdbcClient;
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

    /** Token columns for {@link TokenRow}; the creator is live while their account is not deactivated. */
    private static final String ROW_COLUMNS = " " + """
            t.id, t.agency_id, a.name as agency_name, t.name, t.token_prefix, t.created_by_name, t.created_at,
            t.last_used_at, t.revoked_at, t.revoked_by_name, t.expires_at,
            (t.created_by is null or exists (select 1 from app_user_view u
                                             where u.id = t.created_by and u.status <> 'DEACTIVATED')) as creator_active
            """;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    ApiTokens(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
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
        return jdbc.sql("""
                        select """ + ROW_COLUMNS + """
                        from api_token t join agency_view a on a.id = t.agency_id
                        where t.partnership_id = :p and t.agency_id = :a
                        order by t.revoked_at nulls first, t.created_at desc
                        """)
                .param("p", partnershipId)
                .param("a", agencyId)
                .query((rs, i) -> tokenRow(rs))
                .list();
    }

    /**
     * Creates a token for the agency, live for {@link #LIFETIME}.
     *
     * @throws TooManyTokens when the agency already holds {@link #MAX_LIVE_PER_AGENCY} live tokens
     */
    @Transactional
    public CreatedToken create(Actor actor, long agencyId, String name) {
        // one creation at a time per agency, so concurrent requests cannot pass the cap together
        jdbc.sql("select pg_advisory_xact_lock(hashtext('api_token'), :a::int)")
                .param("a", agencyId)
                .query((rs, i) -> 1)
                .list();
        long live = tokensOf(actor.partnershipId(), agencyId).stream()
                .filter(TokenRow::live)
                .count();
        if (live >= MAX_LIVE_PER_AGENCY) {
            throw new TooManyTokens();
        }
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
        String prefix = token.substring(0, PREFIX.length() + 6);
        long id = jdbc.sql("""
                        insert into api_token (partnership_id, agency_id, name, token_prefix, token_hash, created_by,
                                               created_by_name, expires_at)
                        values (:p, :a, :name, :prefix, :hash, :by, :byName, now() + make_interval(days => :days))
                        returning id
                        """)
                .param("p", actor.partnershipId())
                .param("a", agencyId)
                .param("name", name)
                .param("prefix", prefix)
                .param("hash", sha256(token))
                .param("by", actor.userId())
                .param("byName", actor.displayName())
                .param("days", (int) LIFETIME.toDays())
                .query(Long.class)
                .single();
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
        jdbc.sql("update api_token set revoked_at = now(), revoked_by_name = :by where id = :id")
                .param("by", actor.displayName())
                .param("id", id)
                .update();
        audit.changed(AuditAction.UPDATE, "api_token", id, Map.of("revoked", "no"), Map.of("revoked", "yes"));
        return row;
    }

    public TokenRow find(Actor actor, long id) {
        return jdbc.sql("""
                        select """ + ROW_COLUMNS + """
                        from api_token t join agency_view a on a.id = t.agency_id
                        where t.id = :id and t.partnership_id = :p and (:all or t.agency_id = :a)
                        """)
                .param("id", id)
                .param("p", actor.partnershipId())
                .param("all", actor.seesAllAgencies())
                .param("a", actor.agencyId() == null ? -1L : actor.agencyId())
                .query((rs, i) -> tokenRow(rs))
                .optional()
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
        return jdbc.sql("""
                        update api_token t set last_used_at = now()
                        from agency_view a, partnership_view p
                        where t.token_hash = :hash and t.revoked_at is null and t.expires_at > now()
                          and a.id = t.agency_id and p.id = t.partnership_id
                          and (t.created_by is null or exists (select 1 from app_user_view u
                                                               where u.id = t.created_by
                                                                 and u.status <> 'DEACTIVATED'))
                        returning t.id, t.name, t.partnership_id, p.short_name, t.agency_id, a.name as agency_name,
                                  coalesce(t.created_by, 0) as created_by
                        """)
                .param("hash", sha256(token))
                .query((rs, i) -> new TokenIdentity(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getLong("partnership_id"),
                        rs.getString("short_name"),
                        rs.getLong("agency_id"),
                        rs.getString("agency_name"),
                        rs.getLong("created_by")))
                .optional();
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

    private static TokenRow tokenRow(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new TokenRow(
                rs.getLong("id"),
                rs.getLong("agency_id"),
                rs.getString("agency_name"),
                rs.getString("name"),
                rs.getString("token_prefix"),
                rs.getString("created_by_name"),
                rs.getTimestamp("created_at").toInstant(),
                instant(rs.getTimestamp("last_used_at")),
                instant(rs.getTimestamp("revoked_at")),
                rs.getString("revoked_by_name"),
                rs.getTimestamp("expires_at").toInstant(),
                rs.getBoolean("creator_active"));
    }

    private static @Nullable Instant instant(java.sql.@Nullable Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
