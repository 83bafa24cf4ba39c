package org.safeguardinghub.organisation.partnerships;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.organisation.PartnershipSummary;
import org.safeguardinghub.organisation.support.Like;
import org.safeguardinghub.organisation.support.ReferenceRecords;
import org.safeguardinghub.platform.web.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Partnerships hosted by this deployment. */
@Repository
public class PartnershipRecords {

    private static final String SELECT = """
            select p.id, p.name, p.short_name, p.description, p.archived_at, p.version,
                   (select count(*) from agency_partnership ap join agency a on a.id = ap.agency_id
                     where ap.partnership_id = p.id and a.archived_at is null) as agencies,
                   (select count(*) from district d where d.partnership_id = p.id and d.archived_at is null) as districts,
                   (select count(*) from partnership_group g where g.partnership_id = p.id and g.archived_at is null) as groups
            from partnership p
            """;

    private final JdbcClient jdbc;
    private final ReferenceRecords<Partnership> table;

    PartnershipRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.table = new ReferenceRecords<>(jdbc, "partnership", "p", false, SELECT, PartnershipRecords::map);
    }

    public List<PartnershipSummary> all(boolean includeArchived) {
        return jdbc.sql("""
                        select id, name, short_name, archived_at is not null as archived from partnership
                        where :archived or archived_at is null order by name""")
                .param("archived", includeArchived)
                .query(PartnershipSummary.class)
                .list();
    }

    public Optional<PartnershipSummary> byId(long id) {
        return jdbc.sql(
                        "select id, name, short_name, archived_at is not null as archived from partnership where id = :id")
                .param("id", id)
                .query(PartnershipSummary.class)
                .optional();
    }

    /** The partnerships with these ids, by name. */
    public List<PartnershipSummary> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select id, name, short_name, archived_at is not null as archived from partnership
                        where id in (:ids) order by name""").param("ids", ids).query(PartnershipSummary.class).list();
    }

    /** A partnership with its counts. */
    public Optional<Partnership> find(long id) {
        return table.one(null, id);
    }

    /** Every partnership matching a search, paged. Archived partnerships only when asked for. */
    public PageResult<Partnership> search(@Nullable String text, boolean includeArchived, int page, int size) {
        String where = """
                 where (cast(:text as text) is null or p.name ilike :like or p.short_name ilike :like)
                   and (:archived or p.archived_at is null)
                """;
        var params = ReferenceRecords.params("text", text, "like", Like.contains(text), "archived", includeArchived);
        return table.page(where, " order by p.name, p.id", params, page, size);
    }

    public boolean nameTaken(String name, @Nullable Long exceptId) {
        return taken("name", name, exceptId);
    }

    public boolean shortNameTaken(String shortName, @Nullable Long exceptId) {
        return taken("short_name", shortName, exceptId);
    }

    private boolean taken(String column, String value, @Nullable Long exceptId) {
        return table.taken(null, column, value, exceptId);
    }

    long insert(String name, String shortName, @Nullable String description) {
        return jdbc.sql("""
                        insert into partnership (name, short_name, description)
                        values (:name, :short, :description) returning id""")
                .param("name", name)
                .param("short", shortName)
                .param("description", description)
                .query(Long.class)
                .single();
    }

    /** Updates only if nobody saved since {@code version}; returns false when someone did. */
    boolean update(long id, int version, String name, String shortName, @Nullable String description) {
        return jdbc.sql("""
                        update partnership set name = :name, short_name = :short, description = :description,
                                               version = version + 1
                        where id = :id and version = :version""")
                        .param("id", id)
                        .param("version", version)
                        .param("name", name)
                        .param("short", shortName)
                        .param("description", description)
                        .update()
                == 1;
    }

    boolean setArchived(long id, int version, boolean archived) {
        return table.setArchived(null, id, version, archived);
    }

    static Partnership map(ResultSet rs, int row) throws SQLException {
        var archived = rs.getTimestamp("archived_at");
        return new Partnership(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("short_name"),
                rs.getString("description"),
                archived == null ? null : archived.toInstant(),
                rs.getInt("version"),
                rs.getLong("agencies"),
                rs.getLong("districts"),
                rs.getLong("groups"));
    }
}
