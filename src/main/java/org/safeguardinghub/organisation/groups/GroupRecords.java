package org.safeguardinghub.organisation.groups;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.organisation.support.Like;
import org.safeguardinghub.organisation.support.ReferenceRecords;
import org.safeguardinghub.platform.web.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Groups of a partnership. Every query is scoped to one partnership. */
@Repository
public class GroupRecords {

    private static final String SELECT = """
            select g.id, g.partnership_id, g.parent_group_id, pg.name as parent_name, g.name, g.purpose,
                   g.terms_of_reference, g.meeting_frequency, g.archived_at, g.version,
                   (select string_agg(m.person_name, ', ' order by m.person_name) from group_member m
                     where m.group_id = g.id and m.member_role = 'CHAIR' and m.left_on is null) as chairs,
                   (select count(*) from group_member m where m.group_id = g.id and m.left_on is null) as current_members
            from partnership_group g
            left join partnership_group pg on pg.id = g.parent_group_id
            """;

    private final JdbcClient jdbc;
    private final ReferenceRecords<Group> table;

    GroupRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.table = new ReferenceRecords<>(jdbc, "partnership_group", "g", true, SELECT, GroupRecords::map);
    }

    public Optional<Group> inPartnership(long partnershipId, long id) {
        return table.one(partnershipId, id);
    }

    /** Groups of a partnership whose name or purpose matches, paged. */
    public PageResult<Group> search(
            long partnershipId, @Nullable String text, boolean includeArchived, int page, int size) {
        String where = """
                 where g.partnership_id = :partnership
                   and (cast(:text as text) is null or g.name ilike :like or g.purpose ilike :like)
                   and (:archived or g.archived_at is null)
                """;
        var params = ReferenceRecords.params(
                "partnership", partnershipId, "text", text, "like", Like.contains(text), "archived", includeArchived);
        return table.page(where, " order by g.name, g.id", params, page, size);
    }

    /** The groups directly under a group, archived ones included (they are marked), by name. */
    public List<Group> subGroups(long partnershipId, long id) {
        return jdbc.sql(SELECT + " where g.partnership_id = :partnership and g.parent_group_id = :id order by g.name")
                .param("partnership", partnershipId)
                .param("id", id)
                .query(GroupRecords::map)
                .list();
    }

    /** Current groups of a partnership, by name, for pick lists in other modules. */
    public List<Group> current(long partnershipId) {
        return table.current(partnershipId);
    }

    /**
     * Groups that may be chosen as the parent of group {@code selfId} (null for a new group): current groups of the
     * partnership, never the group itself or one below it (that would make a loop), plus {@code alsoId} (the parent
     * already chosen) even if it has since been archived.
     */
    public List<Group> parentChoices(long partnershipId, @Nullable Long selfId, @Nullable Long alsoId) {
        Set<Long> excluded = selfId == null ? Set.of() : selfAndBelow(selfId);
        return table.choices(partnershipId, alsoId).stream()
                .filter(g -> !excluded.contains(g.id()))
                .toList();
    }

    /** The group and every group below it, however deep. */
    public Set<Long> selfAndBelow(long id) {
        Set<Long> ids =
                new HashSet<>(jdbc.sql("""
                        with recursive below(id) as (
                            select id from partnership_group where parent_group_id = :id
                            union
                            select g.id from partnership_group g join below b on g.parent_group_id = b.id)
                        select id from below""").param("id", id).query(Long.class).list());
        ids.add(id);
        return ids;
    }

    public boolean nameTaken(long partnershipId, String name, @Nullable Long exceptId) {
        return table.taken(partnershipId, "name", name, exceptId);
    }

    long insert(
            long partnershipId,
            @Nullable Long parentId,
            String name,
            @Nullable String purpose,
            @Nullable String termsOfReference,
            @Nullable String meetingFrequency) {
        return jdbc.sql("""
                        insert into partnership_group
                            (partnership_id, parent_group_id, name, purpose, terms_of_reference, meeting_frequency)
                        values (:partnership, :parent, :name, :purpose, :tor, :frequency) returning id""")
                .param("partnership", partnershipId)
                .param("parent", parentId)
                .param("name", name)
                .param("purpose", purpose)
                .param("tor", termsOfReference)
                .param("frequency", meetingFrequency)
                .query(Long.class)
                .single();
    }

    boolean update(
            long partnershipId,
            long id,
            int version,
            @Nullable Long parentId,
            String name,
            @Nullable String purpose,
            @Nullable String termsOfReference,
            @Nullable String meetingFrequency) {
        return jdbc.sql("""
                        update partnership_group
                        set parent_group_id = :parent, name = :name, purpose = :purpose, terms_of_reference = :tor,
                            meeting_frequency = :frequency, version = version + 1
                        where id = :id and partnership_id = :partnership and version = :version""")
                        .param("id", id)
                        .param("partnership", partnershipId)
                        .param("version", version)
                        .param("parent", parentId)
                        .param("name", name)
                        .param("purpose", purpose)
                        .param("tor", termsOfReference)
                        .param("frequency", meetingFrequency)
                        .update()
                == 1;
    }

    boolean setArchived(long partnershipId, long id, int version, boolean archived) {
        return table.setArchived(partnershipId, id, version, archived);
    }

    static Group map(ResultSet rs, int row) throws SQLException {
        var archived = rs.getTimestamp("archived_at");
        long parent = rs.getLong("parent_group_id");
        Long parentId = rs.wasNull() ? null : parent;
        return new Group(
                rs.getLong("id"),
                rs.getLong("partnership_id"),
                parentId,
                rs.getString("parent_name"),
                rs.getString("name"),
                rs.getString("purpose"),
                rs.getString("terms_of_reference"),
                rs.getString("meeting_frequency"),
                archived == null ? null : archived.toInstant(),
                rs.getInt("version"),
                rs.getString("chairs"),
                rs.getLong("current_members"));
    }
}
