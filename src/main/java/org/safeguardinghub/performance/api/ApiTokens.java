package org.safeguardinghub.performance.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tokens an agency's own system uses to send its data returns through the API.
 *
 * <p>A token is created by the agency lead (or by the business team for an agency), shown once, and from then on
 * only its SHA-256 hash and a short prefix (so people can tell tokens apart) are kept. A token is live until it is
 * revoked; revoking is permanent. Each use stamps {@code last_used_at}. A token acts for exactly one agency in one
 * partnership, with no permission beyond submitting returns.
 */
@Service
class ApiTokens {

    static final String PREFIX = "shub_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    ApiTokens(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** One token as the list shows it (never the token itself). */
    record TokenRow(
            long id,
            long agencyId,
            String agencyName,
            String name,
            String prefix,
            String createdByName,
            Instant createdAt,
            @Nullable Instant lastUsedAt,
            @Nullable Instant revokedAt,
            @Nullable String revokedByName) {

        public boolean revoked() {
            return revokedAt != null;
        }
    }

    /** A freshly created token: the only moment the secret exists outside the caller's system. */
    record CreatedToken(long id, String name, String token) {}

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
    List<TokenRow> tokensOf(long partnershipId, long agencyId) {
        return jdbc.sql("""
                        select t.id, t.agency_id, a.name as agency_name, t.name, t.token_prefix, t.created_by_name,
                               t.created_at, t.last_used_at, t.revoked_at, t.revoked_by_name
                        from api_token t join agency a on a.id = t.agency_id
                        where t.partnership_id = :p and t.agency_id = :a
                        order by t.revoked_at nulls first, t.created_at desc
                        """)
                .param("p", partnershipId)
                .param("a", agencyId)
                .query((rs, i) -> new TokenRow(
                        rs.getLong("id"),
                        rs.getLong("agency_id"),
                        rs.getString("agency_name"),
                        rs.getString("name"),
                        rs.getString("token_prefix"),
                        rs.getString("created_by_name"),
                        rs.getTimestamp("created_at").toInstant(),
                        instant(rs.getTimestamp("last_used_at")),
                        instant(rs.getTimestamp("revoked_at")),
                        rs.getString("revoked_by_name")))
                .list();
    }

    @Transactional
    CreatedToken create(Actor actor, long agencyId, String name) {
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
        String prefix = token.substring(0, PREFIX.length() + 6);
        long id = jdbc.sql("""
                        insert into api_token (partnership_id, agency_id, name, token_prefix, token_hash, created_by,
                                               created_by_name)
                        values (:p, :a, :name, :prefix, :hash, :by, :byName)
                        returning id
                        """)
                .param("p", actor.partnershipId())
                .param("a", agencyId)
                .param("name", name)
                .param("prefix", prefix)
                .param("hash", sha256(token))
                .param("by", actor.userId())
                .param("byName", actor.displayName())
                .query(Long.class)
                .single();
        audit.created("api_token", id, Map.of("name", name, "agency", agencyId, "prefix", prefix));
        return new CreatedToken(id, name, token);
    }

    /** Revokes a token of the actor's partnership (and agency, for an agency-scoped actor); 404 otherwise. */
    @Transactional
    TokenRow revoke(Actor actor, long id) {
        TokenRow row = find(actor, id);
        if (row.revoked()) {
            throw new IllegalStateException("This token was already revoked");
        }
        jdbc.sql("update api_token set revoked_at = now(), revoked_by_name = :by where id = :id")
                .param("by", actor.displayName())
                .param("id", id)
                .update();
        audit.changed(AuditAction.UPDATE, "api_token", id, Map.of("revoked", "no"), Map.of("revoked", "yes"));
        return row;
    }

    TokenRow find(Actor actor, long id) {
        return jdbc.sql("""
                        select t.id, t.agency_id, a.name as agency_name, t.name, t.token_prefix, t.created_by_name,
                               t.created_at, t.last_used_at, t.revoked_at, t.revoked_by_name
                        from api_token t join agency a on a.id = t.agency_id
                        where t.id = :id and t.partnership_id = :p and (:all or t.agency_id = :a)
                        """)
                .param("id", id)
                .param("p", actor.partnershipId())
                .param("all", actor.seesAllAgencies())
                .param("a", actor.agencyId() == null ? -1L : actor.agencyId())
                .query((rs, i) -> new TokenRow(
                        rs.getLong("id"),
                        rs.getLong("agency_id"),
                        rs.getString("agency_name"),
                        rs.getString("name"),
                        rs.getString("token_prefix"),
                        rs.getString("created_by_name"),
                        rs.getTimestamp("created_at").toInstant(),
                        instant(rs.getTimestamp("last_used_at")),
                        instant(rs.getTimestamp("revoked_at")),
                        rs.getString("revoked_by_name")))
                .optional()
                .orElseThrow(() -> new NotFoundException("Token"));
    }

    /** The identity of a live token, stamping its last use; empty when unknown or revoked. */
    @Transactional
    Optional<TokenIdentity> authenticate(String token) {
        if (!token.startsWith(PREFIX) || token.length() > 200) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        update api_token t set last_used_at = now()
                        from agency a, partnership p
                        where t.token_hash = :hash and t.revoked_at is null
                          and a.id = t.agency_id and p.id = t.partnership_id
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

    private static @Nullable Instant instant(java.sql.@Nullable Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
