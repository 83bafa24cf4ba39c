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

/** Districts of a partnership. Every query is scoped to one partnership. */
@Repository
public class DistrictRecords {

    private static final String SELECT = """
            select d.id, d.partnership_id, d.area_id, ar.name as area_name, d.name, d.former_names, d.ons_code,
                   d.archived_at, d.version
            from district d
            left join area ar on ar.id = d.area_id
            """;

    private final JdbcClient jdbc;
    private final ReferenceRecords<District> table;

    DistrictRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.table = new ReferenceRecords<>(jdbc, "district", "d", true, SELECT, DistrictRecords::map);
    }

    public Optional<District> inPartnership(long partnershipId, long id) {
        return table.one(partnershipId, id);
    }

    /**
     * Districts of a partnership matching a search (name, former name or ONS code), optionally in one area, paged.
     */
    public PageResult<District> search(
            long partnershipId,
            @Nullable String text,
            @Nullable Long areaId,
            boolean includeArchived,
            int page,
            int size) {
        String where = """
                 where d.partnership_id = :partnership
                   and (cast(:text as text) is null
                        or d.name ilike :like or d.former_names ilike :like or d.ons_code ilike :like)
                   and (cast(:area as bigint) is null or d.area_id = :area)
                   and (:archived or d.archived_at is null)
                """;
        var params = ReferenceRecords.params(
                "partnership", partnershipId,
                "text", text,
                "like", Like.contains(text),
                "area", areaId,
                "archived", includeArchived);
        return table.page(where, " order by d.name, d.id", params, page, size);
    }

    /** Current districts of a partnership, by name, for pick lists in other modules. */
    public List<District> current(long partnershipId) {
        return table.current(partnershipId);
    }

    public boolean nameTaken(long partnershipId, String name, @Nullable Long exceptId) {
        return table.taken(partnershipId, "name", name, exceptId);
    }

    long insert(
            long partnershipId,
            @Nullable Long areaId,
            String name,
            @Nullable String formerNames,
            @Nullable String onsCode) {
        return jdbc.sql("""
                        insert into district (partnership_id, area_id, name, former_names, ons_code)
                        values (:partnership, :area, :name, :former, :ons) returning id""")
                .param("partnership", partnershipId)
                .param("area", areaId)
                .param("name", name)
                .param("former", formerNames)
                .param("ons", onsCode)
                .query(Long.class)
                .single();
    }

    boolean update(
            long partnershipId,
            long id,
            int version,
            @Nullable Long areaId,
            String name,
            @Nullable String formerNames,
            @Nullable String onsCode) {
        return jdbc.sql("""
                        update district set area_id = :area, name = :name, former_names = :former, ons_code = :ons,
                                            version = version + 1
                        where id = :id and partnership_id = :partnership and version = :version""")
                        .param("id", id)
                        .param("partnership", partnershipId)
                        .param("version", version)
                        .param("area", areaId)
                        .param("name", name)
                        .param("former", formerNames)
                        .param("ons", onsCode)
                        .update()
                == 1;
    }

    boolean setArchived(long partnershipId, long id, int version, boolean archived) {
        return table.setArchived(partnershipId, id, version, archived);
    }

    static District map(ResultSet rs, int row) throws SQLException {
        var archived = rs.getTimestamp("archived_at");
        long area = rs.getLong("area_id");
        return new District(
                rs.getLong("id"),
                rs.getLong("partnership_id"),
                rs.wasNull() ? null : area,
                rs.getString("area_name"),
                rs.getString("name"),
                rs.getString("former_names"),
                rs.getString("ons_code"),
                archived == null ? null : archived.toInstant(),
                rs.getInt("version"));
    }
}
