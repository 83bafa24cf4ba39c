package org.safeguardinghub.performance.extracts;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A declarative description of a record-level extract (one row per child, episode or event): its columns and how
 * its rows become monthly data item values. Adding a layout needs no code beyond declaring one.
 *
 * @param code stable identifier, stored on each load
 * @param monthColumn the DATE column whose month places a row in a period
 * @param breakdownColumn the column holding each row's district, if the layout has one (optional in the file)
 * @param measures the data items the layout feeds: a count of the rows matching a filter
 */
public record ExtractLayout(
        String code,
        String name,
        String description,
        List<Column> columns,
        String monthColumn,
        @Nullable String breakdownColumn,
        List<Measure> measures) {

    enum Type {
        TEXT,
        /** dd/mm/yyyy or yyyy-mm-dd */
        DATE,
        /** one of the column's allowed values */
        CODE,
        /** a district of the partnership, by name */
        DISTRICT
    }

    record Column(String name, Type type, boolean required, Set<String> allowed, String description) {

        static Column text(String name, boolean required, String description) {
            return new Column(name, Type.TEXT, required, Set.of(), description);
        }

        static Column date(String name, boolean required, String description) {
            return new Column(name, Type.DATE, required, Set.of(), description);
        }

        static Column code(String name, boolean required, Set<String> allowed, String description) {
            return new Column(name, Type.CODE, required, allowed, description);
        }

        static Column district(String name, String description) {
            return new Column(name, Type.DISTRICT, false, Set.of(), description);
        }
    }

    /**
     * A data item the layout feeds: the number of rows whose {@code filterColumn} equals {@code filterValue} (all rows
     * when the filter column is null), by month of the layout's month column, in total and by district.
     */
    record Measure(
            String itemCode,
            @Nullable String filterColumn,
            @Nullable String filterValue,
            String description) {}

    Optional<Column> column(String name) {
        return columns.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
    }

    /** SSDA903 "Missing" (reference.md 3.4), with an optional DISTRICT column added locally. */
    static final ExtractLayout SSDA903_MISSING = new ExtractLayout(
            "SSDA903_MISSING",
            "SSDA903 Missing episodes",
            "The children looked after return's Missing file: one row per episode of a child missing from care or"
                    + " away from placement without authorisation. Missing episodes (MISSING = M) are counted by the"
                    + " month they started.",
            List.of(
                    Column.text("CHILD", true, "The child's identifier in the local authority's system"),
                    Column.code("MISSING", true, Set.of("M", "A"), "M missing, A away without authorisation"),
                    Column.date("MIS_START", true, "When the episode started"),
                    Column.date("MIS_END", false, "When it ended (blank while ongoing)"),
                    Column.district("DISTRICT", "The district the child was placed in (optional, a local addition)")),
            "MIS_START",
            "DISTRICT",
            List.of(new Measure("missing_episodes", "MISSING", "M", "Missing episodes (MISSING = M)")));

    /** A local layout: Kent Police custody records of children, one row per detention, counted by month detained. */
    static final ExtractLayout POLICE_CUSTODY = new ExtractLayout(
            "POLICE_CUSTODY",
            "Police custody detentions of children",
            "One row per detention of a child in police custody, from the custody system. Every detention is"
                    + " counted in the month it began.",
            List.of(
                    Column.text("CUSTODY_REF", true, "The custody record number"),
                    Column.date("DETAINED_AT", true, "The date the child was detained"),
                    Column.code("OVERNIGHT", false, Set.of("Y", "N"), "Y when held overnight, N otherwise"),
                    Column.district("DISTRICT", "The district of the custody suite (optional)")),
            "DETAINED_AT",
            "DISTRICT",
            List.of(new Measure("children_in_custody", null, null, "Children detained in custody")));

    public static final List<ExtractLayout> ALL = List.of(SSDA903_MISSING, POLICE_CUSTODY);

    public static Optional<ExtractLayout> byCode(String code) {
        return ALL.stream().filter(l -> l.code().equals(code)).findFirst();
    }
}
