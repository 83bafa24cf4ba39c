package org.safeguardinghub.performance.scorecard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.organisation.AgencySummary;
import org.safeguardinghub.organisation.DistrictSummary;
import org.safeguardinghub.organisation.Organisation;
import org.safeguardinghub.performance.catalogue.Frequency;
import org.safeguardinghub.performance.catalogue.IndicatorDefinition;
import org.safeguardinghub.performance.catalogue.Rag;
import org.safeguardinghub.performance.scorecard.PerformanceData.Commentary;
import org.safeguardinghub.performance.scorecard.PerformanceData.Indicator;
import org.safeguardinghub.performance.scorecard.PerformanceData.ItemSource;
import org.safeguardinghub.performance.scorecard.PerformanceData.Point;
import org.safeguardinghub.performance.scorecard.PerformanceData.Signal;
import org.safeguardinghub.performance.scorecard.PerformancePages.Summary;
import org.safeguardinghub.platform.web.Option;
import org.springframework.stereotype.Service;

/**
 * Builds the scorecard: one row per indicator (its summary, target and benchmarks, latest commentary and open
 * signal), filtered by priority, agency and district, at a chosen period end, with the filter's options. Each
 * table is read once for all indicators; the summaries come from {@link PerformancePages}.
 */
@Service
public class ScorecardPage {

    private final PerformancePages pages;
    private final PerformanceData data;
    private final Organisation organisation;

    ScorecardPage(PerformancePages pages, PerformanceData data, Organisation organisation) {
        this.pages = pages;
        this.data = data;
        this.organisation = organisation;
    }

    /** A scorecard row. */
    public record ScorecardRow(
            Summary summary,
            String target,
            String england,
            String region,
            String neighbours,
            @Nullable Commentary commentary,
            boolean commentaryRequired,
            @Nullable Signal signal,
            boolean notByDistrict) {}

    public record Scorecard(
            List<ScorecardRow> rows,
            boolean published,
            boolean firstPublished,
            @Nullable LocalDate periodEnd,
            @Nullable String priority,
            @Nullable Long agencyId,
            @Nullable String district,
            String query,
            List<Option> periodOptions,
            List<Option> priorityOptions,
            List<Option> agencyOptions,
            List<Option> districtOptions) {

        public String periodValue() {
            return periodEnd == null ? "" : periodEnd.toString();
        }

        public String agencyValue() {
            return agencyId == null ? "" : String.valueOf(agencyId);
        }

        public String description() {
            List<String> parts = new ArrayList<>();
            parts.add(
                    periodEnd == null
                            ? "latest figures"
                            : "figures at or before " + PerformancePages.DAY.format(periodEnd));
            if (priority != null) {
                parts.add("priority: " + priority);
            }
            if (district != null) {
                parts.add("district: " + district);
            }
            parts.add(firstPublished ? "as first published" : "latest revisions");
            parts.add(published ? "published view" : "internal view");
            return String.join("; ", parts);
        }
    }

    public Scorecard scorecard(long partnershipId, ScorecardRequest request, boolean published) {
        List<Indicator> indicators = data.indicators(partnershipId);
        Map<String, ItemSource> items = data.items(partnershipId);
        String district = request.districtName();
        String kind = district == null ? "" : "DISTRICT";
        String category = district == null ? "" : district;
        Map<Long, List<Point>> values =
                data.recentValues(partnershipId, kind, category, request.periodEnd(), PerformancePages.SUMMARY_WINDOW);
        Set<Long> byDistrict = district == null ? Set.of() : new HashSet<>(data.indicatorsWithDistricts(partnershipId));
        Map<Long, Map<LocalDate, Commentary>> commentary = data.latestCommentary(partnershipId);
        Map<Long, Signal> signals = data.openSignals(partnershipId);
        String priority = request.priorityName();
        Long agencyId = request.agencyId();
        List<ScorecardRow> rows = new ArrayList<>();
        for (Indicator indicator : indicators) {
            IndicatorDefinition d = indicator.current();
            if (priority != null && d.priorities().stream().noneMatch(priority::equalsIgnoreCase)) {
                continue;
            }
            if (agencyId != null
                    && PerformancePages.codes(d).stream().noneMatch(code -> {
                        ItemSource item = items.get(code);
                        return item != null && agencyId.equals(item.agencyId());
                    })) {
                continue;
            }
            List<Point> points = pages.summaryPoints(
                    partnershipId,
                    indicator,
                    kind,
                    category,
                    values.getOrDefault(indicator.id(), List.of()),
                    items,
                    request.periodEnd(),
                    request.firstPublished());
            Frequency frequency = PerformancePages.frequency(d, items, points);
            Summary s = pages.summary(
                    indicator, points, frequency, request.periodEnd(), request.firstPublished(), published);
            Commentary c = s.latest() == null
                    ? null
                    : commentary
                            .getOrDefault(indicator.id(), Map.of())
                            .get(s.latest().periodEnd());
            rows.add(new ScorecardRow(
                    s,
                    reference(s.figures(), d.target(), d),
                    reference(s.figures(), d.benchmarkEngland(), d),
                    reference(s.figures(), d.benchmarkRegion(), d),
                    reference(s.figures(), d.benchmarkNeighbours(), d),
                    c,
                    s.rag() == Rag.RED && c == null,
                    signals.get(indicator.id()),
                    district != null && !byDistrict.contains(indicator.id())));
        }
        return new Scorecard(
                rows,
                published,
                request.firstPublished(),
                request.periodEnd(),
                priority,
                agencyId,
                district,
                request.query(published),
                periodOptions(partnershipId),
                PerformancePages.priorityOptions(indicators),
                agencyOptions(partnershipId),
                districtOptions(partnershipId));
    }

    private static String reference(Figures f, @Nullable BigDecimal value, IndicatorDefinition d) {
        return value == null ? "" : Figures.plain(value) + d.factor().unit();
    }

    List<Option> periodOptions(long partnershipId) {
        return data.periodEnds(partnershipId).stream()
                .map(e -> new Option(e.toString(), PerformancePages.DAY.format(e)))
                .toList();
    }

    private List<Option> agencyOptions(long partnershipId) {
        return organisation.agenciesOf(partnershipId).stream()
                .filter(a -> !a.archived())
                .map((AgencySummary a) -> Option.of(a.id(), a.name()))
                .toList();
    }

    private List<Option> districtOptions(long partnershipId) {
        return organisation.districtsOf(partnershipId).stream()
                .map((DistrictSummary d) -> new Option(d.name(), d.name()))
                .toList();
    }
}
