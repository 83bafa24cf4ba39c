package org.safeguardinghub.performance.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.performance.catalogue.Period;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the returns API reads of an agency's return: its head row and its values, one query per table. The API
 * shapes them into its JSON; this store only reads them, scoped to the token's partnership and agency.
 */
@Repository
public class ApiReturnRecords {

    private final JdbcClient jdbc;

    ApiReturnRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A return's head row. */
    public record Head(
            long id,
            String status,
            LocalDate dueOn,
            @Nullable Instant submittedAt,
            @Nullable String comment) {}

    /** One value of a return; the value as plain text without trailing zeros. */
    public record Value(
            String item,
            @Nullable String breakdown,
            @Nullable String breakdownValue,
            @Nullable String value,
            @Nullable String comment) {}

    /** The agency's return for the period, if there is one. */
    public Optional<Head> head(long partnershipId, long agencyId, Period period) {
        return jdbc.sql("""
                        select id, status, due_on, submitted_at, returned_comment from data_return
                        where partnership_id = :p and agency_id = :a and frequency = :f and period_end = :end
                        """)
                .param("p", partnershipId)
                .param("a", agencyId)
                .param("f", period.frequency().name())
                .param("end", period.end())
                .query((rs, i) -> new Head(
                        rs.getLong("id"),
                        rs.getString("status"),
                        rs.getObject("due_on", LocalDate.class),
                        rs.getTimestamp("submitted_at") == null
                                ? null
                                : rs.getTimestamp("submitted_at").toInstant(),
                        rs.getString("returned_comment")))
                .optional();
    }

    /** The return's values, by item code then breakdown. */
    public List<Value> values(long returnId, long partnershipId, long agencyId) {
        return jdbc.sql("""
                        select i.code, v.breakdown_kind, v.breakdown_value, v.value, v.comment
                        from data_value v join data_item i on i.id = v.data_item_id
                        where v.return_id = :r and v.partnership_id = :p and v.agency_id = :a
                        order by i.code, v.breakdown_kind, v.breakdown_value
                        """)
                .param("r", returnId)
                .param("p", partnershipId)
                .param("a", agencyId)
                .query((rs, i) -> {
                    BigDecimal value = rs.getBigDecimal("value");
                    return new Value(
                            rs.getString("code"),
                            rs.getString("breakdown_kind"),
                            rs.getString("breakdown_value"),
                            value == null ? null : value.stripTrailingZeros().toPlainString(),
                            rs.getString("comment"));
                })
                .list();
    }
}
