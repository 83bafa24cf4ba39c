package org.safeguardinghub.performance.returns;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.performance.catalogue.Frequency;
import org.safeguardinghub.performance.catalogue.Period;
import org.safeguardinghub.platform.web.PageResult;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for data returns (the {@link DataReturn} lifecycle), their values and revisions. Callers scope by partnership and, for agency staff, agency. */
@Repository
public class ReturnRecords {

    private static final String COLUMNS = "id, partnership_id, agency_id, frequency, period_start, period_end, due_on,"
            + " status, submitted_at, submitted_by_name, returned_comment, returned_at, returned_by_name, accepted_at,"
            + " accepted_by_name, revision, last_channel, version";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    ReturnRecords(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** A stored figure. */
    public record ValueRow(
            long id,
            long itemId,
            String kind,
            String breakdownValue,
            BigDecimal value,
            @Nullable BigDecimal firstValue,
            @Nullable String comment) {}

    record RevisionRow(
            String itemCode,
            String itemName,
            String kind,
            String breakdownValue,
            @Nullable BigDecimal oldValue,
            BigDecimal newValue,
            String reason,
            String changedByName,
            Instant changedAt) {}

    /** Expected versus received for one period and frequency. */
    record PeriodCounts(
            Frequency frequency, LocalDate periodEnd, int due, int submitted, int returned, int accepted, int overdue) {

        public String label() {
            return Period.endingOn(frequency, periodEnd).label();
        }
    }

    Optional<ReturnRow> find(long partnershipId, long id, @Nullable Long agencyId) {
        return jdbc.sql("select " + COLUMNS + " from data_return where id = :id and partnership_id = :p"
                        + " and (cast(:a as bigint) is null or agency_id = :a)")
                .param("id", id)
                .param("p", partnershipId)
                .param("a", agencyId)
                .query(ReturnRecords::row)
                .optional();
    }

    Optional<ReturnRow> findForUpdate(long partnershipId, long id) {
        return jdbc.sql("select " + COLUMNS + " from data_return where id = :id and partnership_id = :p for update")
                .param("id", id)
                .param("p", partnershipId)
                .query(ReturnRecords::row)
                .optional();
    }

    /** The return of an agency for a period, created as a draft if there is none. */
    ReturnRow ensure(long partnershipId, long agencyId, Period period, LocalDate dueOn) {
        jdbc.sql("insert into data_return (partnership_id, agency_id, frequency, period_start, period_end, due_on)"
                        + " values (:p, :a, :f, :s, :e, :d) on conflict (partnership_id, agency_id, frequency,"
                        + " period_end) do nothing")
                .param("p", partnershipId)
                .param("a", agencyId)
                .param("f", period.frequency().name())
                .param("s", period.start())
                .param("e", period.end())
                .param("d", dueOn)
                .update();
        return jdbc.sql("select " + COLUMNS + " from data_return where partnership_id = :p and agency_id = :a"
                        + " and frequency = :f and period_end = :e for update")
                .param("p", partnershipId)
                .param("a", agencyId)
                .param("f", period.frequency().name())
                .param("e", period.end())
                .query(ReturnRecords::row)
                .single();
    }

    /**
     * As {@link #ensure} for many periods of one frequency at once (a record-level extract covering years): the
     * returns by period end, locked in period order.
     */
    Map<LocalDate, ReturnRow> ensureAll(
            long partnershipId,
            long agencyId,
            List<Period> periods,
            java.util.function.Function<Period, LocalDate> due) {
        Map<LocalDate, ReturnRow> result = new java.util.TreeMap<>();
        if (periods.isEmpty()) {
            return result;
        }
        MapSqlParameterSource[] rows = periods.stream()
                .map(period -> new MapSqlParameterSource()
                        .addValue("p", partnershipId)
                        .addValue("a", agencyId)
                        .addValue("f", period.frequency().name())
                        .addValue("s", period.start())
                        .addValue("e", period.end())
                        .addValue("d", due.apply(period)))
                .toArray(MapSqlParameterSource[]::new);
        batch.batchUpdate(
                "insert into data_return (partnership_id, agency_id, frequency, period_start, period_end, due_on)"
                        + " values (:p, :a, :f, :s, :e, :d) on conflict (partnership_id, agency_id, frequency,"
                        + " period_end) do nothing",
                rows);
        jdbc.sql("select " + COLUMNS + " from data_return where partnership_id = :p and agency_id = :a"
                        + " and frequency = :f and period_end in (:e) order by period_end for update")
                .param("p", partnershipId)
                .param("a", agencyId)
                .param("f", periods.get(0).frequency().name())
                .param("e", periods.stream().map(Period::end).toList())
                .query(ReturnRecords::row)
                .list()
                .forEach(r -> result.put(r.periodEnd(), r));
        return result;
    }

    public PageResult<ReturnRow> search(
            long partnershipId,
            @Nullable Long agencyId,
            @Nullable ReturnStatus status,
            @Nullable LocalDate periodEnd,
            int page,
            int size) {
        String where = " from data_return where partnership_id = :p and (cast(:a as bigint) is null or agency_id = :a)"
                + " and (cast(:s as text) is null or status = :s) and (cast(:e as date) is null or period_end = :e)";
        long total = jdbc.sql("select count(*)" + where)
                .param("p", partnershipId)
                .param("a", agencyId)
                .param("s", status == null ? null : status.name())
                .param("e", periodEnd)
                .query(Long.class)
                .single();
        List<ReturnRow> rows = jdbc.sql("select " + COLUMNS + where
                        + " order by period_end desc, frequency, agency_id limit :limit offset :offset")
                .param("p", partnershipId)
                .param("a", agencyId)
                .param("s", status == null ? null : status.name())
                .param("e", periodEnd)
                .param("limit", size)
                .param("offset", PageResult.offset(page, size))
                .query(ReturnRecords::row)
                .list();
        return new PageResult<>(rows, page, size, total);
    }

    /** Expected versus received for the most recent periods with returns. */
    public List<PeriodCounts> counts(long partnershipId, @Nullable Long agencyId, LocalDate today) {
        return jdbc.sql("select frequency, period_end, count(*) due,"
                        + " count(*) filter (where status = 'SUBMITTED') submitted,"
                        + " count(*) filter (where status = 'RETURNED') returned,"
                        + " count(*) filter (where status = 'ACCEPTED') accepted,"
                        + " count(*) filter (where status in ('DRAFT', 'RETURNED') and due_on < :t) overdue"
                        + " from data_return where partnership_id = :p and (cast(:a as bigint) is null or agency_id = :a)"
                        + " group by frequency, period_end order by period_end desc, frequency limit 8")
                .param("p", partnershipId)
                .param("a", agencyId)
                .param("t", today)
                .query((rs, n) -> new PeriodCounts(
                        Frequency.valueOf(rs.getString("frequency")),
                        rs.getObject("period_end", LocalDate.class),
                        rs.getInt("due"),
                        rs.getInt("submitted"),
                        rs.getInt("returned"),
                        rs.getInt("accepted"),
                        rs.getInt("overdue")))
                .list();
    }

    public List<LocalDate> periodEnds(long partnershipId) {
        return jdbc.sql("select distinct period_end from data_return where partnership_id = :p"
                        + " order by period_end desc limit 36")
                .param("p", partnershipId)
                .query(LocalDate.class)
                .list();
    }

    /** A figure taken from a published report, which a return must not replace. */
    record PublishedValue(long itemId, String kind, String breakdownValue, BigDecimal value, String provenance) {}

    List<PublishedValue> published(long partnershipId, long agencyId, Collection<Long> itemIds, LocalDate periodEnd) {
        return publishedAll(partnershipId, agencyId, itemIds, List.of(periodEnd))
                .getOrDefault(periodEnd, List.of());
    }

    /** As {@link #published} for many periods at once, by period end. */
    Map<LocalDate, List<PublishedValue>> publishedAll(
            long partnershipId, long agencyId, Collection<Long> itemIds, Collection<LocalDate> periodEnds) {
        return byPeriodEnd(
                "data_item_id, breakdown_kind, breakdown_value, value, coalesce(provenance, '') as prov",
                " and source = 'PUBLISHED'",
                partnershipId,
                agencyId,
                itemIds,
                periodEnds,
                (rs, n) -> new PublishedValue(
                        rs.getLong("data_item_id"),
                        rs.getString("breakdown_kind"),
                        rs.getString("breakdown_value"),
                        rs.getBigDecimal("value"),
                        rs.getString("prov")));
    }

    /** As {@link #values} for many periods at once, by period end. */
    Map<LocalDate, List<ValueRow>> valuesAll(
            long partnershipId, long agencyId, Collection<Long> itemIds, Collection<LocalDate> periodEnds) {
        return byPeriodEnd(
                "id, data_item_id, breakdown_kind, breakdown_value, value, first_value, comment",
                "",
                partnershipId,
                agencyId,
                itemIds,
                periodEnds,
                (rs, n) -> new ValueRow(
                        rs.getLong("id"),
                        rs.getLong("data_item_id"),
                        rs.getString("breakdown_kind"),
                        rs.getString("breakdown_value"),
                        rs.getBigDecimal("value"),
                        rs.getBigDecimal("first_value"),
                        rs.getString("comment")));
    }

    /**
     * The agency's {@code data_value} rows of the items in the periods, grouped by period end: {@code columns} are
     * selected besides the period end and {@code filter} narrows the rows further.
     */
    private <T> Map<LocalDate, List<T>> byPeriodEnd(
            String columns,
            String filter,
            long partnershipId,
            long agencyId,
            Collection<Long> itemIds,
            Collection<LocalDate> periodEnds,
            RowMapper<T> row) {
        Map<LocalDate, List<T>> result = new HashMap<>();
        if (itemIds.isEmpty() || periodEnds.isEmpty()) {
            return result;
        }
        jdbc.sql("select period_end, " + columns + " from data_value where partnership_id = :p and agency_id = :a"
                        + " and period_end in (:e) and data_item_id in (:items)" + filter)
                .param("p", partnershipId)
                .param("a", agencyId)
                .param("e", periodEnds)
                .param("items", itemIds)
                .query((rs, n) -> result.computeIfAbsent(
                                rs.getObject("period_end", LocalDate.class), k -> new ArrayList<>())
                        .add(row.mapRow(rs, n)))
                .list();
        return result;
    }

    /** The agency's figures for these items for the period (whichever return or channel wrote them). */
    public List<ValueRow> values(long partnershipId, long agencyId, Collection<Long> itemIds, LocalDate periodEnd) {
        return valuesAll(partnershipId, agencyId, itemIds, List.of(periodEnd)).getOrDefault(periodEnd, List.of());
    }

    /**
     * Earlier totals of these items for the agency that count as accepted: values of accepted returns, and values
     * loaded without a return (published figures), newest first, by item id.
     */
    Map<Long, List<BigDecimal>> history(long partnershipId, long agencyId, Collection<Long> itemIds, LocalDate before) {
        Map<Long, List<BigDecimal>> history = new HashMap<>();
        if (itemIds.isEmpty()) {
            return history;
        }
        jdbc.sql("select v.data_item_id, v.value from data_value v left join data_return r on r.id = v.return_id"
                        + " where v.partnership_id = :p and v.agency_id = :a and v.data_item_id in (:items)"
                        + " and v.breakdown_kind = '' and v.period_end < :e and (r.id is null or r.status = 'ACCEPTED')"
                        + " order by v.period_end desc")
                .param("p", partnershipId)
                .param("a", agencyId)
                .param("items", itemIds)
                .param("e", before)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getBigDecimal(2)))
                .list()
                .forEach(e -> {
                    List<BigDecimal> list = history.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
                    if (list.size() < 36) {
                        list.add(e.getValue());
                    }
                });
        return history;
    }

    /** Totals of the previous period by item id (to show next to each input). */
    public Map<Long, BigDecimal> totals(
            long partnershipId, long agencyId, Collection<Long> itemIds, LocalDate periodEnd) {
        Map<Long, BigDecimal> totals = new HashMap<>();
        if (itemIds.isEmpty()) {
            return totals;
        }
        jdbc.sql("select data_item_id, value from data_value where partnership_id = :p and agency_id = :a"
                        + " and data_item_id in (:items) and period_end = :e and breakdown_kind = ''")
                .param("p", partnershipId)
                .param("a", agencyId)
                .param("items", itemIds)
                .param("e", periodEnd)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getBigDecimal(2)))
                .list()
                .forEach(e -> totals.put(e.getKey(), e.getValue()));
        return totals;
    }

    private static final String UPSERT_VALUE = "insert into data_value (partnership_id, data_item_id, agency_id,"
            + " return_id, period_end, breakdown_kind, breakdown_value, value, comment, source, updated_by_name)"
            + " values (:p, :i, :a, :r, :e, :k, :bv, :v, :c, :s, :by)"
            + " on conflict (data_item_id, agency_id, period_end, breakdown_kind, breakdown_value) do update"
            + " set value = excluded.value, comment = excluded.comment, source = excluded.source,"
            + " return_id = excluded.return_id, updated_by_name = excluded.updated_by_name, updated_at = now()"
            // a figure from a published report keeps its value and provenance (checked before this)
            + " where data_value.source <> 'PUBLISHED'";

    /** A figure to write with {@link #upsertValues}. */
    record ValueWrite(
            long partnershipId,
            long itemId,
            long agencyId,
            long returnId,
            LocalDate periodEnd,
            String kind,
            String breakdownValue,
            BigDecimal value,
            @Nullable String comment,
            String source,
            String byName) {}

    /** Writes figures in one JDBC batch; a figure from a published report is never replaced. */
    void upsertValues(List<ValueWrite> writes) {
        if (writes.isEmpty()) {
            return;
        }
        MapSqlParameterSource[] rows = writes.stream()
                .map(w -> new MapSqlParameterSource()
                        .addValue("p", w.partnershipId())
                        .addValue("i", w.itemId())
                        .addValue("a", w.agencyId())
                        .addValue("r", w.returnId())
                        .addValue("e", w.periodEnd())
                        .addValue("k", w.kind())
                        .addValue("bv", w.breakdownValue())
                        .addValue("v", w.value())
                        .addValue("c", w.comment(), java.sql.Types.VARCHAR)
                        .addValue("s", w.source())
                        .addValue("by", w.byName()))
                .toArray(MapSqlParameterSource[]::new);
        batch.batchUpdate(UPSERT_VALUE, rows);
    }

    void deleteValue(long valueId) {
        jdbc.sql("delete from data_value where id = :id").param("id", valueId).update();
    }

    void updateValue(long valueId, BigDecimal value, String byName) {
        jdbc.sql("update data_value set value = :v, updated_by_name = :by, updated_at = now() where id = :id")
                .param("v", value)
                .param("by", byName)
                .param("id", valueId)
                .update();
    }

    long insertCorrectionValue(
            long partnershipId,
            long itemId,
            long agencyId,
            long returnId,
            LocalDate periodEnd,
            String kind,
            String breakdownValue,
            BigDecimal value,
            String byName) {
        return jdbc.sql("insert into data_value (partnership_id, data_item_id, agency_id, return_id, period_end,"
                        + " breakdown_kind, breakdown_value, value, source, updated_by_name)"
                        + " values (:p, :i, :a, :r, :e, :k, :bv, :v, 'FORM', :by) returning id")
                .param("p", partnershipId)
                .param("i", itemId)
                .param("a", agencyId)
                .param("r", returnId)
                .param("e", periodEnd)
                .param("k", kind)
                .param("bv", breakdownValue)
                .param("v", value)
                .param("by", byName)
                .query(Long.class)
                .single();
    }

    void insertRevision(
            long valueId,
            long returnId,
            long agencyId,
            @Nullable BigDecimal oldValue,
            BigDecimal newValue,
            String reason,
            String byName) {
        jdbc.sql("insert into data_value_revision (data_value_id, return_id, agency_id, old_value, new_value, reason,"
                        + " changed_by_name) values (:v, :r, :a, :o, :n, :reason, :by)")
                .param("v", valueId)
                .param("r", returnId)
                .param("a", agencyId)
                .param("o", oldValue)
                .param("n", newValue)
                .param("reason", reason)
                .param("by", byName)
                .update();
    }

    public List<RevisionRow> revisions(long returnId) {
        return jdbc.sql("select i.code, i.name, v.breakdown_kind, v.breakdown_value, r.old_value, r.new_value,"
                        + " r.reason, r.changed_by_name, r.changed_at from data_value_revision r"
                        + " join data_value v on v.id = r.data_value_id join data_item i on i.id = v.data_item_id"
                        + " where r.return_id = :r order by r.changed_at desc, r.id desc")
                .param("r", returnId)
                .query((rs, n) -> new RevisionRow(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getBigDecimal(5),
                        rs.getBigDecimal(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getTimestamp(9).toInstant()))
                .list();
    }

    /** Sets first_value (as first published) on every figure of the return that has none yet. */
    void publishFirstValues(long returnId) {
        jdbc.sql("update data_value set first_value = value where return_id = :r and first_value is null")
                .param("r", returnId)
                .update();
    }

    void insertCommentary(
            long partnershipId, long indicatorId, long agencyId, LocalDate periodEnd, String body, String byName) {
        jdbc.sql("insert into indicator_commentary (partnership_id, indicator_id, agency_id, period_end, body,"
                        + " written_by_name) values (:p, :i, :a, :e, :b, :by)")
                .param("p", partnershipId)
                .param("i", indicatorId)
                .param("a", agencyId)
                .param("e", periodEnd)
                .param("b", body)
                .param("by", byName)
                .update();
    }

    /**
     * Records a draft save on returns this transaction holds locked: version up, the channel, updated now; the
     * status is kept. False when a return was not updated.
     */
    boolean touchAll(Collection<Long> ids, String channel) {
        if (ids.isEmpty()) {
            return true;
        }
        return jdbc.sql("update data_return set version = version + 1, updated_at = now(), last_channel = :channel"
                                + " where id in (:ids)")
                        .param("channel", channel)
                        .param("ids", ids)
                        .update()
                == ids.size();
    }

    /**
     * Saves the return's lifecycle state (status, who and when, revision, channel), checking nobody else changed it
     * since the version it was loaded at; false when they did.
     */
    boolean save(DataReturn ret) {
        ReturnRow r = ret.row();
        return jdbc.sql("""
                        update data_return set status = :status, submitted_at = :submittedAt,
                               submitted_by_name = :submittedBy, returned_comment = :returnedComment,
                               returned_at = :returnedAt, returned_by_name = :returnedBy, accepted_at = :acceptedAt,
                               accepted_by_name = :acceptedBy, revision = :revision, last_channel = :channel,
                               version = version + 1, updated_at = now()
                        where id = :id and version = :version""")
                        .param("status", r.status().name())
                        .param("submittedAt", timestamp(r.submittedAt()))
                        .param("submittedBy", r.submittedByName())
                        .param("returnedComment", r.returnedComment())
                        .param("returnedAt", timestamp(r.returnedAt()))
                        .param("returnedBy", r.returnedByName())
                        .param("acceptedAt", timestamp(r.acceptedAt()))
                        .param("acceptedBy", r.acceptedByName())
                        .param("revision", r.revision())
                        .param("channel", r.lastChannel())
                        .param("id", r.id())
                        .param("version", r.version())
                        .update()
                == 1;
    }

    /** The partnership's returns waiting for the business team's review, oldest submission first. */
    List<ReturnRow> submitted(long partnershipId) {
        return jdbc.sql("select " + COLUMNS + " from data_return where partnership_id = :p and status = 'SUBMITTED'"
                        + " order by submitted_at, id")
                .param("p", partnershipId)
                .query(ReturnRecords::row)
                .list();
    }

    private static ReturnRow row(ResultSet rs, int n) throws SQLException {
        return new ReturnRow(
                rs.getLong("id"),
                rs.getLong("partnership_id"),
                rs.getLong("agency_id"),
                Frequency.valueOf(rs.getString("frequency")),
                rs.getObject("period_start", LocalDate.class),
                rs.getObject("period_end", LocalDate.class),
                rs.getObject("due_on", LocalDate.class),
                ReturnStatus.valueOf(rs.getString("status")),
                instant(rs.getTimestamp("submitted_at")),
                rs.getString("submitted_by_name"),
                rs.getString("returned_comment"),
                instant(rs.getTimestamp("returned_at")),
                rs.getString("returned_by_name"),
                instant(rs.getTimestamp("accepted_at")),
                rs.getString("accepted_by_name"),
                rs.getInt("revision"),
                rs.getString("last_channel"),
                rs.getInt("version"));
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
