package org.safeguardinghub.organisation.groups;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.organisation.support.ReferenceRecords;
import org.safeguardinghub.platform.web.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Members of groups. Every query is scoped to one group of one partnership. */
@Repository
public class GroupMemberRecords {

    private static final String SELECT = """
            select m.id, m.group_id, m.person_name, m.job_title, m.agency_id, a.name as agency_name, m.member_role,
                   m.joined_on, m.left_on, m.version
            from group_member m
            join partnership_group g on g.id = m.group_id
            left join agency a on a.id = m.agency_id
            """;

    private static final String ORDER = """
             order by (m.left_on is not null),
                      case m.member_role when 'CHAIR' then 0 when 'VICE_CHAIR' then 1 when 'MEMBER' then 2 else 3 end,
                      m.person_name, m.id
            """;

    private final JdbcClient jdbc;
    private final ReferenceRecords<GroupMember> table;

    GroupMemberRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.table = new ReferenceRecords<>(jdbc, "group_member", "m", false, SELECT, GroupMemberRecords::map);
    }

    public Optional<GroupMember> inGroup(long partnershipId, long groupId, long memberId) {
        return jdbc.sql(SELECT + " where m.id = :id and m.group_id = :group and g.partnership_id = :partnership")
                .param("id", memberId)
                .param("group", groupId)
                .param("partnership", partnershipId)
                .query(GroupMemberRecords::map)
                .optional();
    }

    /** A group's members, chairs first; those who have left only when asked for. Paged. */
    public PageResult<GroupMember> ofGroup(
            long partnershipId, long groupId, boolean includeFormer, int page, int size) {
        String where = """
                 where m.group_id = :group and g.partnership_id = :partnership
                   and (:former or m.left_on is null)
                """;
        var params = ReferenceRecords.params("group", groupId, "partnership", partnershipId, "former", includeFormer);
        return table.page(
                "group_member m join partnership_group g on g.id = m.group_id", where, ORDER, params, page, size);
    }

    /** How many people have left the group. */
    public long formerCount(long groupId) {
        return jdbc.sql("select count(*) from group_member where group_id = :group and left_on is not null")
                .param("group", groupId)
                .query(Long.class)
                .single();
    }

    /** Whether someone of this name is already a current member of the group. */
    public boolean currentMember(long groupId, String personName, @Nullable Long exceptId) {
        return jdbc.sql("""
                        select count(*) from group_member
                        where group_id = :group and left_on is null and lower(person_name) = lower(:name)
                          and id <> coalesce(cast(:except as bigint), -1)""")
                        .param("group", groupId)
                        .param("name", personName.trim())
                        .param("except", exceptId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    long insert(
            long groupId,
            String personName,
            @Nullable String jobTitle,
            @Nullable Long agencyId,
            MemberRole role,
            @Nullable LocalDate joinedOn,
            @Nullable LocalDate leftOn) {
        return jdbc.sql("""
                        insert into group_member (group_id, person_name, job_title, agency_id, member_role, joined_on, left_on)
                        values (:group, :name, :title, :agency, :role, :joined, :left) returning id""")
                .param("group", groupId)
                .param("name", personName)
                .param("title", jobTitle)
                .param("agency", agencyId)
                .param("role", role.name())
                .param("joined", joinedOn)
                .param("left", leftOn)
                .query(Long.class)
                .single();
    }

    boolean update(
            long groupId,
            long id,
            int version,
            String personName,
            @Nullable String jobTitle,
            @Nullable Long agencyId,
            MemberRole role,
            @Nullable LocalDate joinedOn,
            @Nullable LocalDate leftOn) {
        return jdbc.sql("""
                        update group_member
                        set person_name = :name, job_title = :title, agency_id = :agency, member_role = :role,
                            joined_on = :joined, left_on = :left, version = version + 1
                        where id = :id and group_id = :group and version = :version""")
                        .param("id", id)
                        .param("group", groupId)
                        .param("version", version)
                        .param("name", personName)
                        .param("title", jobTitle)
                        .param("agency", agencyId)
                        .param("role", role.name())
                        .param("joined", joinedOn)
                        .param("left", leftOn)
                        .update()
                == 1;
    }

    boolean markLeft(long groupId, long id, int version, LocalDate leftOn) {
        return jdbc.sql("""
                        update group_member set left_on = :left, version = version + 1
                        where id = :id and group_id = :group and version = :version""")
                        .param("id", id)
                        .param("group", groupId)
                        .param("version", version)
                        .param("left", leftOn)
                        .update()
                == 1;
    }

    static GroupMember map(ResultSet rs, int row) throws SQLException {
        long agency = rs.getLong("agency_id");
        Long agencyId = rs.wasNull() ? null : agency;
        return new GroupMember(
                rs.getLong("id"),
                rs.getLong("group_id"),
                rs.getString("person_name"),
                rs.getString("job_title"),
                agencyId,
                rs.getString("agency_name"),
                MemberRole.valueOf(rs.getString("member_role")),
                rs.getObject("joined_on", LocalDate.class),
                rs.getObject("left_on", LocalDate.class),
                rs.getInt("version"));
    }
}
