package org.safeguardinghub.organisation.districts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.organisation.support.Like;
import org.safeguardinghub.organisation.support.ReferenceRecords;
import org.safeguardinghub.platform.web.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Areas of a partnership. Every query is scoped to one partnership. */
@Repository
public class AreaRecords {

    private static final String SELECT = """
            select ar.id, ar.partnership_id, ar.name, ar.archived_at, ar.version,
                   (select count(*) from district d where d.area_id = ar.id and d.archived_at is null) as districts
            from area ar
            """;

    private final JdbcClient jdbc;
    private final ReferenceRecords<Area> table;

    AreaRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.table = new ReferenceRecords<>(jdbc, "area", "ar", true, SELECT, AreaRecords::map);
    }

    public Optional<Area> inPartnership(long partnershipId, long id) {
        return table.one(partnershipId, id);
    }

    public PageResult<Area> search(
            long partnershipId, @Nullable String text, boolean includeArchived, int page, int size) {
        String where = """
                 where ar.partnership_id = :partnership
                   and (cast(:text as text) is null or ar.name ilike :like)
                   and (:archived or ar.archived_at is null)
                """;
        var params = ReferenceRecords.params(
                "partnership", partnershipId, "text", text, "like", Like.contains(text), "archived", includeArchived);
        return table.page(where, " order by ar.name, ar.id", params, page, size);
    }

    /** Current areas of a partnership for a pick list, plus {@code alsoId} (the area already chosen) even if archived. */
    public List<Area> choices(long partnershipId, @Nullable Long alsoId) {
        return table.choices(partnershipId, alsoId);
    }

    public boolean nameTaken(long partnershipId, String name, @Nullable Long exceptId) {
        return table.taken(partnershipId, "name", name, exceptId);
    }

    long insert(long partnershipId, String name) {
        return jdbc.sql("insert into area (partnership_id, name) values (:partnership, :name) returning id")
                .param("partnership", partnershipId)
                .param("name", name)
                .query(Long.class)
                .single();
    }

    boolean update(long partnershipId, long id, int version, String name) {
        return jdbc.sql("""
                        update area set name = :name, version = version + 1
                        where id = :id and partnership_id = :partnership and version = :version""")
                        .param("id", id)
                        .param("partnership", partnershipId)
                        .param("version", version)
                        .param("name", name)
                        .update()
                == 1;
    }

    boolean setArchived(long partnershipId, long id, int version, boolean archived) {
        return table.setArchived(partnershipId, id, version, archived);
    }

    static Area map(ResultSet rs, int row) throws SQLException {
        var archived = rs.getTimestamp("archived_at");
        return new Area(
                rs.getLong("id"),
                rs.getLong("partnership_id"),
                rs.getString("name"),
                archived == null ? null : archived.toInstant(),
                rs.getInt("version"),
                rs.getLong("districts"));
    }
}
