package org.safeguardinghub.performance.scorecard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.audit.AuditTrail;
import org.safeguardinghub.performance.catalogue.Frequency;
import org.safeguardinghub.performance.catalogue.IndicatorDefinition;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the scorecard and dashboards show, one query per table for a whole page: indicator definitions with all
 * their versions, computed indicator values, commentary, open early-warning signals and the data items' sources.
 * The queries are in {@link ScorecardRecords}; this class groups an indicator's versions and audits new commentary.
 */
@Service
public class PerformanceData {

    private final ScorecardRecords records;
    private final AuditTrail audit;

    PerformanceData(ScorecardRecords records, AuditTrail audit) {
        this.records = records;
        this.audit = audit;
    }

    /** An indicator: its current definition and every version, oldest first. */
    record Indicator(IndicatorDefinition current, List<IndicatorDefinition> versions) {
        long id() {
            return current.indicatorId();
        }
    }

    /** One computed value of an indicator for a period. */
    record Point(
            LocalDate periodEnd,
            int versionNo,
            @Nullable BigDecimal numerator,
            @Nullable BigDecimal denominator,
            @Nullable BigDecimal value,
            @Nullable BigDecimal firstValue,
            boolean fictional) {}

    /** A value of one breakdown (e.g. district "Ashford"). */
    record BreakdownPoint(String kind, String category, Point point) {}

    public record Commentary(
            long id,
            long indicatorId,
            LocalDate periodEnd,
            @Nullable String agencyName,
            String body,
            String writtenBy,
            OffsetDateTime writtenAt) {}

    public record Signal(long indicatorId, LocalDate periodEnd, String rule, String direction, String explanation) {}

    record ItemSource(
            String code, Frequency frequency, @Nullable Long agencyId) {}

    /** The partnership's active indicators in catalogue order, each with all its versions. */
    List<Indicator> indicators(long partnershipId) {
        return group(records.definitions(partnershipId));
    }

    Optional<Indicator> indicator(long partnershipId, String code) {
        return group(records.definitions(partnershipId, code)).stream().findFirst();
    }

    private static List<Indicator> group(List<ScorecardRecords.DefinitionRow> rows) {
        Map<Long, List<ScorecardRecords.DefinitionRow>> byId = new LinkedHashMap<>();
        for (ScorecardRecords.DefinitionRow r : rows) {
            byId.computeIfAbsent(r.definition().indicatorId(), k -> new ArrayList<>())
                    .add(r);
        }
        List<Indicator> indicators = new ArrayList<>();
        for (List<ScorecardRecords.DefinitionRow> versions : byId.values()) {
            int currentNo = versions.get(0).currentVersion();
            IndicatorDefinition current = versions.stream()
                    .map(ScorecardRecords.DefinitionRow::definition)
                    .filter(d -> d.versionNo() == currentNo)
                    .findFirst()
                    .orElse(versions.get(versions.size() - 1).definition());
            indicators.add(new Indicator(
                    current,
                    versions.stream()
                            .map(ScorecardRecords.DefinitionRow::definition)
                            .toList()));
        }
        return indicators;
    }

    /**
     * The newest {@code limit} values at or before {@code upTo} (any date when null) of each active indicator of the
     * partnership for one breakdown value ('' and '' for the totals), oldest first, by indicator id.
     */
    Map<Long, List<Point>> recentValues(
            long partnershipId, String kind, String category, @Nullable LocalDate upTo, int limit) {
        return records.recentValues(partnershipId, kind, category, upTo, limit);
    }

    /** The totals of every indicator of the partnership at the given period ends, oldest first, by indicator id. */
    Map<Long, List<Point>> totalsAt(long partnershipId, List<LocalDate> periodEnds) {
        return records.totalsAt(partnershipId, periodEnds);
    }

    /** One indicator's totals, oldest first. */
    List<Point> series(long partnershipId, long indicatorId) {
        return series(partnershipId, indicatorId, "", "");
    }

    /** One indicator's values for one breakdown value ('' and '' for the totals), oldest first. */
    List<Point> series(long partnershipId, long indicatorId, String kind, String category) {
        return records.series(partnershipId, indicatorId, kind, category);
    }

    /** One indicator's breakdown values at each breakdown's latest period. */
    List<BreakdownPoint> latestBreakdowns(long partnershipId, long indicatorId) {
        return records.latestBreakdowns(partnershipId, indicatorId);
    }

    /** Indicators that have any value by district. */
    List<Long> indicatorsWithDistricts(long partnershipId) {
        return records.indicatorsWithDistricts(partnershipId);
    }

    /** Period ends that have any indicator total, newest first (at most 120). */
    List<LocalDate> periodEnds(long partnershipId) {
        return records.periodEnds(partnershipId);
    }

    /** The latest commentary of each indicator and period. */
    Map<Long, Map<LocalDate, Commentary>> latestCommentary(long partnershipId) {
        return records.latestCommentary(partnershipId);
    }

    /** Every commentary on one indicator, newest first. */
    List<Commentary> commentaryHistory(long partnershipId, long indicatorId) {
        return records.commentaryHistory(partnershipId, indicatorId);
    }

    /** The newest current early-warning episode of each indicator (see {@link ScorecardRecords#openSignals}). */
    Map<Long, Signal> openSignals(long partnershipId) {
        return records.openSignals(partnershipId);
    }

    /** Every data item of the partnership (archived ones too: old formulas may read them), by code. */
    Map<String, ItemSource> items(long partnershipId) {
        return records.items(partnershipId);
    }

    /** Adds a commentary for one period of an indicator, audited in the same transaction. */
    @Transactional
    public long addCommentary(
            long partnershipId,
            long indicatorId,
            @Nullable Long agencyId,
            LocalDate periodEnd,
            String body,
            String writtenBy) {
        long id = records.insertCommentary(partnershipId, indicatorId, agencyId, periodEnd, body, writtenBy);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("indicatorId", indicatorId);
        values.put("periodEnd", periodEnd.toString());
        values.put("body", body);
        audit.created("indicator_commentary", id, values);
        return id;
    }
}
