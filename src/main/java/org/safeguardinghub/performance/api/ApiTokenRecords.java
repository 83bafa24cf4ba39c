package org.safeguardinghub.performance.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.performance.api.ApiTokens.TokenRow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code api_token} table: the token list of an agency, creating, revoking and finding a token, and checking a
 * presented token by its hash (stamping its last use). Only the hash of a token is ever stored.
 */
@Repository
class ApiTokenRecords {

    /** Token columns for {@link TokenRow}; the creator is live while their account is not deactivated. */
    private static final String ROW_COLUMNS = " " + """
            t.id, t.agency_id, a.name as agency_name, t.name, t.token_prefix, t.created_by_name, t.created_at,
            t.last_used_at, t.revoked_at, t.revoked_by_name, t.expires_at,
            (t.created_by is null or exists (select 1 from app_user_view u
                                             where u.id = t.created_by and u.status <> 'DEACTIVATED')) as creator_active
            """;

    private final JdbcClient jdbc;

    ApiTokenRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<TokenRow> tokensOf(long partnershipId, long agencyId) {
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

    /** One creation at a time per agency, until the transaction ends. */
    void lockAgency(long agencyId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('api_token'), :a::int)")
                .param("a", agencyId)
                .query((rs, i) -> 1)
                .list();
    }

    long insert(
            long partnershipId,
            long agencyId,
            String name,
            String prefix,
            String hash,
            long createdBy,
            String createdByName,
            int days) {
        return jdbc.sql("""
                        insert into api_token (partnership_id, agency_id, name, token_prefix, token_hash, created_by,
                                               created_by_name, expires_at)
                        values (:p, :a, :name, :prefix, :hash, :by, :byName, now() + make_interval(days => :days))
                        returning id
                        """)
                .param("p", partnershipId)
                .param("a", agencyId)
                .param("name", name)
                .param("prefix", prefix)
                .param("hash", hash)
                .param("by", createdBy)
                .param("byName", createdByName)
                .param("days", days)
                .query(Long.class)
                .single();
    }

    void revoke(long id, String byName) {
        jdbc.sql("update api_token set revoked_at = now(), revoked_by_name = :by where id = :id")
                .param("by", byName)
                .param("id", id)
                .update();
    }

    /** A token of the partnership, of any agency when {@code all}, else of {@code agencyId}. */
    Optional<TokenRow> find(long id, long partnershipId, boolean all, long agencyId) {
        return jdbc.sql("""
                        select """ + ROW_COLUMNS + """
                        from api_token t join agency_view a on a.id = t.agency_id
                        where t.id = :id and t.partnership_id = :p and (:all or t.agency_id = :a)
                        """)
                .param("id", id)
                .param("p", partnershipId)
                .param("all", all)
                .param("a", agencyId)
                .query((rs, i) -> tokenRow(rs))
                .optional();
    }

    /** The identity of the live token with this hash, stamping its last use. */
    Optional<ApiTokens.TokenIdentity> authenticate(String hash) {
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
                .param("hash", hash)
                .query((rs, i) -> new ApiTokens.TokenIdentity(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getLong("partnership_id"),
                        rs.getString("short_name"),
                        rs.getLong("agency_id"),
                        rs.getString("agency_name"),
                        rs.getLong("created_by")))
                .optional();
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
