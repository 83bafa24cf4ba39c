package org.safeguardinghub.identity.users;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.identity.Role;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.web.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * People's accounts. Every read that serves a user passes that user's scope into the SQL: someone whose role is
 * limited to their own agency never receives another agency's rows, and an id from another agency finds nothing.
 */
@Repository
public class UserRecords {

    private static final String SELECT = """
            select u.id, u.email, u.display_name, u.job_title, u.agency_id, a.name as agency_name, u.status,
                   u.locked_until, u.last_sign_in_at, u.version,
                   coalesce((select array_agg(distinct r.role) from user_role r
                             where r.user_id = u.id and r.partnership_id = :partnership), '{}') as roles
            from app_user u join agency_view a on a.id = u.agency_id
            """;
    /**
     * Who a person may see: people of agencies that serve their current partnership (or who hold a role in it),
     * and, unless their role reaches across agencies, only their own agency's.
     */
    private static final String SCOPE = """
             ((:all or u.agency_id = :agency)
              and (exists (select 1 from agency_partnership_view ap
                           where ap.agency_id = u.agency_id and ap.partnership_id = :partnership)
                   or exists (select 1 from user_role pr where pr.user_id = u.id and pr.partnership_id = :partnership)))
            """;

    private final JdbcClient jdbc;

    UserRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Sign-in record by email, unscoped (sign-in happens before anyone is known). */
    public record Credentials(
            long id,
            String email,
            String displayName,
            long agencyId,
            @Nullable String passwordHash,
            boolean mustChangePassword,
            String status,
            int failedSignIns,
            @Nullable Instant lockedUntil) {

        public boolean locked(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    public Optional<Credentials> credentials(String email) {
        return jdbc.sql("""
                        select id, email, display_name, agency_id, password_hash, must_change_password, status,
                               failed_sign_ins, locked_until
                        from app_user where lower(email) = lower(:email)""")
                .param("email", email.trim())
                .query((rs, n) -> new Credentials(
                        rs.getLong("id"),
                        rs.getString("email"),
                        rs.getString("display_name"),
                        rs.getLong("agency_id"),
                        rs.getString("password_hash"),
                        rs.getBoolean("must_change_password"),
                        rs.getString("status"),
                        rs.getInt("failed_sign_ins"),
                        instant(rs, "locked_until")))
                .optional();
    }

    /** The user's roles, by partnership id, for building the signed-in principal. */
    public List<PartnershipRole> rolesOf(long userId) {
        return jdbc.sql("""
                        select r.partnership_id, p.short_name, r.role from user_role r
                        join partnership_view p on p.id = r.partnership_id
                        where r.user_id = :id and p.archived_at is null order by r.partnership_id""")
                .param("id", userId)
                .query((rs, n) -> new PartnershipRole(
                        rs.getLong("partnership_id"), rs.getString("short_name"), Role.valueOf(rs.getString("role"))))
                .list();
    }

    public record PartnershipRole(long partnershipId, String partnershipName, Role role) {}

    /** Counts a failed sign-in and locks the account once {@code max} failures are reached; returns true if it locked now. */
    public boolean recordFailedSignIn(long id, int max, Duration lockout) {
        return Boolean.TRUE.equals(jdbc.sql("""
                        update app_user set failed_sign_ins = failed_sign_ins + 1,
                               locked_until = case when failed_sign_ins + 1 >= :max
                                                   then now() + cast(:lockout as interval) else locked_until end
                        where id = :id returning failed_sign_ins >= :max""")
                .param("id", id)
                .param("max", max)
                .param("lockout", lockout.toSeconds() + " seconds")
                .query(Boolean.class)
                .optional()
                .orElse(false));
    }

    public void recordSuccessfulSignIn(long id) {
        jdbc.sql("update app_user set failed_sign_ins = 0, locked_until = null, last_sign_in_at = now() where id = :id")
                .param("id", id)
                .update();
    }

    /** Locked accounts whose lock has expired get a fresh count, so one more mistake does not relock at once. */
    public void clearExpiredLock(long id) {
        jdbc.sql(
                        "update app_user set failed_sign_ins = 0, locked_until = null where id = :id and locked_until <= now()")
                .param("id", id)
                .update();
    }

    public PageResult<UserAccount> search(
            Actor actor, @Nullable String text, @Nullable Long agencyId, int page, int size) {
        String where = " where" + SCOPE + """
                  and (cast(:text as text) is null or u.display_name ilike :like or u.email ilike :like)
                  and (cast(:agencyFilter as bigint) is null or u.agency_id = :agencyFilter)
                """;
        String like = text == null
                ? null
                : "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        Map<String, @Nullable Object> params = scope(actor);
        params.put("text", text);
        params.put("like", like);
        params.put("agencyFilter", agencyId);
        long total = jdbc.sql("select count(*) from app_user u" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<UserAccount> items = jdbc.sql(SELECT + where + " order by u.display_name limit :limit offset :offset")
                .params(params)
                .param("limit", size)
                .param("offset", PageResult.offset(page, size))
                .query(UserRecords::map)
                .list();
        return new PageResult<>(items, Math.max(page, 1), size, total);
    }

    public Optional<UserAccount> byId(Actor actor, long id) {
        return jdbc.sql(SELECT + " where u.id = :id and" + SCOPE)
                .param("id", id)
                .params(scope(actor))
                .query(UserRecords::map)
                .optional();
    }

    public boolean emailTaken(String email) {
        return jdbc.sql("select count(*) from app_user where lower(email) = lower(:email)")
                        .param("email", email.trim())
                        .query(Long.class)
                        .single()
                > 0;
    }

    public long insert(
            String email,
            String displayName,
            @Nullable String jobTitle,
            long agencyId,
            @Nullable String passwordHash,
            boolean mustChange,
            String status,
            @Nullable String invitationHash,
            @Nullable Instant invitationExpires) {
        return jdbc.sql("""
                        insert into app_user (email, display_name, job_title, agency_id, password_hash,
                                              must_change_password, status, invitation_token_hash, invitation_expires_at)
                        values (:email, :name, :title, :agency, :hash, :mustChange, :status, :inv, :invExp)
                        returning id""")
                .param("email", email.trim())
                .param("name", displayName.trim())
                .param("title", jobTitle)
                .param("agency", agencyId)
                .param("hash", passwordHash)
                .param("mustChange", mustChange)
                .param("status", status)
                .param("inv", invitationHash)
                .param("invExp", invitationExpires == null ? null : java.sql.Timestamp.from(invitationExpires))
                .query(Long.class)
                .single();
    }

    public void grant(long userId, long partnershipId, Set<Role> roles) {
        jdbc.sql("delete from user_role where user_id = :u and partnership_id = :p")
                .param("u", userId)
                .param("p", partnershipId)
                .update();
        for (Role r : roles) {
            jdbc.sql("insert into user_role (user_id, partnership_id, role) values (:u, :p, :r)")
                    .param("u", userId)
                    .param("p", partnershipId)
                    .param("r", r.name())
                    .update();
        }
    }

    /** Sets status (and optionally a new invitation) only if nobody changed the account since {@code version}. */
    public boolean setStatus(
            long id,
            int version,
            String status,
            @Nullable String invitationHash,
            @Nullable Instant expires,
            boolean clearPassword) {
        return jdbc.sql("""
                        update app_user set status = :status, version = version + 1, failed_sign_ins = 0,
                               locked_until = null,
                               invitation_token_hash = :inv, invitation_expires_at = :exp,
                               password_hash = case when :clear then null else password_hash end
                        where id = :id and version = :version""")
                        .param("id", id)
                        .param("version", version)
                        .param("status", status)
                        .param("inv", invitationHash)
                        .param("exp", expires == null ? null : java.sql.Timestamp.from(expires))
                        .param("clear", clearPassword)
                        .update()
                == 1;
    }

    /** Finds an unexpired invitation by the hash of its token. */
    public Optional<Long> byInvitation(String tokenHash) {
        return jdbc.sql("""
                        select id from app_user where invitation_token_hash = :h and invitation_expires_at > now()
                          and status <> 'DEACTIVATED'""").param("h", tokenHash).query(Long.class).optional();
    }

    public Optional<String> emailOf(long id) {
        return jdbc.sql("select email from app_user where id = :id")
                .param("id", id)
                .query(String.class)
                .optional();
    }

    public void setPassword(long id, String hash) {
        jdbc.sql("""
                        update app_user set password_hash = :hash, must_change_password = false, status = 'ACTIVE',
                               invitation_token_hash = null, invitation_expires_at = null, failed_sign_ins = 0,
                               locked_until = null, version = version + 1
                        where id = :id""").param("id", id).param("hash", hash).update();
    }

    /** Serialises one-off set-up work across Hub instances, until the surrounding transaction ends. */
    public void lockForSetUp() {
        jdbc.sql("select pg_advisory_xact_lock(7301)").query().singleValue();
    }

    public boolean anyAdministrator() {
        return jdbc.sql("select count(*) from user_role where role = 'PARTNERSHIP_ADMIN'")
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Ends every session of a user, on every Hub instance (sessions live in PostgreSQL). */
    public void endSessions(String email) {
        jdbc.sql("delete from spring_session where principal_name = :email")
                .param("email", email)
                .update();
    }

    /** The parameters of {@link #SCOPE} for this person; callers add their own. */
    private static Map<String, @Nullable Object> scope(Actor actor) {
        Map<String, @Nullable Object> params = new HashMap<>();
        params.put("partnership", actor.partnershipId());
        params.put("all", actor.seesAllAgencies());
        params.put("agency", actor.agencyId());
        return params;
    }

    static UserAccount map(ResultSet rs, int row) throws SQLException {
        String[] roles = (String[]) rs.getArray("roles").getArray();
        Set<Role> set = roles.length == 0
                ? EnumSet.noneOf(Role.class)
                : Arrays.stream(roles)
                        .map(Role::valueOf)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        return new UserAccount(
                rs.getLong("id"),
                rs.getString("email"),
                rs.getString("display_name"),
                rs.getString("job_title"),
                rs.getLong("agency_id"),
                rs.getString("agency_name"),
                rs.getString("status"),
                set,
                instant(rs, "locked_until"),
                instant(rs, "last_sign_in_at"),
                rs.getInt("version"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
