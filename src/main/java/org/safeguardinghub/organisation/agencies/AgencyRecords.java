package org.safeguardinghub.organisation.agencies;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.organisation.AgencyType;
import org.safeguardinghub.organisation.Sector;
import org.safeguardinghub.organisation.support.Like;
import org.safeguardinghub.organisation.support.ReferenceRecords;
import org.safeguardinghub.platform.web.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The agency store: agencies and the partnerships they serve, read and written with plain SQL. */
@Repository
public class AgencyRecords {

    private static final String SELECT = """
            select a.id, a.name, a.short_name, a.agency_type, a.sector, a.archived_at, a.version,
                   coalesce((select array_agg(ap.partnership_id order by ap.partnership_id)
                             from agency_partnership ap where ap.agency_id = a.id), '{}') as partnerships
            from agency a
            """;

    private final JdbcClient jdbc;
    private final ReferenceRecords<Agency> table;

    AgencyRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.table = new ReferenceRecords<>(jdbc, "agency", "a", false, SELECT, AgencyRecords::map);
    }

    public Optional<Agency> byId(long id) {
        return table.one(null, id);
    }

    /** An agency, only if it serves the given partnership: an agency of another partnership is not found. */
    public Optional<Agency> inPartnership(long partnershipId, long id) {
        return jdbc.sql(SELECT + """
                         where a.id = :id
                           and exists (select 1 from agency_partnership ap
                                       where ap.agency_id = a.id and ap.partnership_id = :partnership)""")
                .param("id", id)
                .param("partnership", partnershipId)
                .query(AgencyRecords::map)
                .optional();
    }

    /**
     * Agencies in a partnership matching a search, paged. Archived agencies are included only when asked for.
     *
     * @param partnershipId null for every partnership
     */
    public PageResult<Agency> search(
            @Nullable Long partnershipId,
            @Nullable String text,
            @Nullable AgencyType type,
            boolean includeArchived,
            int page,
            int size) {
        String where = """
                 where (cast(:partnership as bigint) is null
                        or exists (select 1 from agency_partnership ap
                                   where ap.agency_id = a.id and ap.partnership_id = :partnership))
                   and (cast(:text as text) is null or a.name ilike :like or a.short_name ilike :like)
                   and (cast(:type as text) is null or a.agency_type = :type)
                   and (:archived or a.archived_at is null)
                """;
        var params = ReferenceRecords.params(
                "partnership", partnershipId,
                "text", text,
                "like", Like.contains(text),
                "type", type == null ? null : type.name(),
                "archived", includeArchived);
        return table.page(where, " order by a.name", params, page, size);
    }

    public boolean nameTaken(String name, @Nullable Long exceptId) {
        return table.taken(null, "name", name, exceptId);
    }

    /** Every agency name in lower case, for checking a whole import file against the Hub with one query. */
    public java.util.Set<String> lowerCaseNames() {
        return new java.util.HashSet<>(
                jdbc.sql("select lower(name) from agency").query(String.class).list());
    }

    long insert(String name, @Nullable String shortName, AgencyType type, Sector sector, List<Long> partnershipIds) {
        long id = jdbc.sql("""
                        insert into agency (name, short_name, agency_type, sector)
                        values (:name, :short, :type, :sector) returning id""")
                .param("name", name)
                .param("short", shortName)
                .param("type", type.name())
                .param("sector", sector.name())
                .query(Long.class)
                .single();
        setPartnerships(id, partnershipIds);
        return id;
    }

    /** Updates only if nobody saved since {@code version}; returns false when someone did. */
    boolean update(
            long id,
            int version,
            String name,
            @Nullable String shortName,
            AgencyType type,
            Sector sector,
            List<Long> partnershipIds) {
        int rows = jdbc.sql("""
                        update agency set name = :name, short_name = :short, agency_type = :type, sector = :sector,
                                          version = version + 1
                        where id = :id and version = :version""")
                .param("id", id)
                .param("version", version)
                .param("name", name)
                .param("short", shortName)
                .param("type", type.name())
                .param("sector", sector.name())
                .update();
        if (rows == 1) {
            setPartnerships(id, partnershipIds);
        }
        return rows == 1;
    }

    boolean setArchived(long id, int version, boolean archived) {
        return table.setArchived(null, id, version, archived);
    }

    private void setPartnerships(long agencyId, List<Long> partnershipIds) {
        jdbc.sql("delete from agency_partnership where agency_id = :id")
                .param("id", agencyId)
                .update();
        for (Long p : partnershipIds) {
            jdbc.sql("insert into agency_partnership (agency_id, partnership_id) values (:a, :p)")
                    .param("a", agencyId)
                    .param("p", p)
                    .update();
        }
    }

    static Agency map(ResultSet rs, int row) throws SQLException {
        Array arr = rs.getArray("partnerships");
        List<Long> partnerships = Arrays.stream((Long[]) arr.getArray()).toList();
        var archived = rs.getTimestamp("archived_at");
        return new Agency(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("short_name"),
                AgencyType.valueOf(rs.getString("agency_type")),
                Sector.valueOf(rs.getString("sector")),
                partnerships,
                archived == null ? null : archived.toInstant(),
                rs.getInt("version"));
    }
}
