package org.safeguardinghub.performance.earlywarning;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.performance.catalogue.Frequency;
import org.safeguardinghub.performance.catalogue.Period;
import org.safeguardinghub.performance.earlywarning.SeriesAnalysis.IndicatorRow;
import org.safeguardinghub.performance.earlywarning.SeriesAnalysis.StoredPoint;
import org.safeguardinghub.platform.web.PageResult;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the early-warning page shows: the partnership's current episodes (those reaching the latest periods), newest
 * first (paged), and the control chart the last scan drew for every indicator with one or with a recorded change
 * (so a re-based chart stays in view after its episode ended), with its recorded changes.
 * Partnership-level figures only (no agency data), a few queries whatever the number of indicators.
 */
@Component
@Transactional(readOnly = true)
public class EarlyWarningPage {

    static final int PAGE_SIZE = 25;

    /** A current episode as listed. */
    public record EpisodeRow(
            long id,
            int version,
            String code,
            String indicatorName,
            String since,
            String latest,
            Variation variation,
            Direction direction,
            String rules,
            String explanation,
            @Nullable String acknowledgedBy,
            @Nullable OffsetDateTime acknowledgedAt,
            @Nullable String cause,
            @Nullable String actionTaken,
            boolean charted) {

        public String variationLabel() {
            return variation.label(direction);
        }

        public boolean acknowledged() {
            return acknowledgedAt != null;
        }
    }

    public record View(PageResult<EpisodeRow> episodes, List<SpcFigure> figures) {}

    private final SpcViewRecords records;
    private final EarlyWarning earlyWarning;

    EarlyWarningPage(SpcViewRecords records, EarlyWarning earlyWarning) {
        this.records = records;
        this.earlyWarning = earlyWarning;
    }

    public View view(long partnershipId, int page) {
        Map<Long, IndicatorRow> indicators = records.chartedIndicators(partnershipId);
        Map<Long, Map<LocalDate, String>> changes = earlyWarning.changes(partnershipId);
        Map<Long, List<StoredPoint>> points = records.points(partnershipId, indicators.keySet());
        List<SpcFigure> figures = new ArrayList<>();
        Map<Long, Frequency> frequencies = new HashMap<>();
        for (IndicatorRow i : indicators.values()) {
            Map<LocalDate, String> changed = changes.getOrDefault(i.id(), Map.of());
            SeriesAnalysis.stored(i, points.getOrDefault(i.id(), List.of()), changed)
                    .ifPresent(a -> {
                        figures.add(SpcFigure.of(a));
                        frequencies.put(i.id(), a.frequency());
                    });
        }
        long total = records.currentEpisodeCount(partnershipId);
        int size = PAGE_SIZE;
        int current = Math.max(1, Math.min(page, (int) Math.max(1, (total + size - 1) / size)));
        List<EpisodeRow> rows =
                records.currentEpisodes(partnershipId, size, PageResult.offset(current, size), frequencies);
        return new View(new PageResult<>(rows, current, size, total), figures);
    }

    /** One current episode of the partnership (for the acknowledgement form), or empty. */
    public Optional<EpisodeRow> episode(long partnershipId, long episodeId) {
        return records.currentEpisode(partnershipId, episodeId, records.episodeFrequencies(partnershipId, episodeId));
    }

    /** An indicator's charted periods (newest first), for recording a change. */
    public record Charted(
            long indicatorId, String code, String name, List<org.safeguardinghub.platform.web.Option> periods) {}

    public Optional<Charted> charted(long partnershipId, String code) {
        List<SpcViewRecords.ChartedPeriod> rows = records.chartedPeriods(partnershipId, code);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<org.safeguardinghub.platform.web.Option> periods = rows.stream()
                .map(r -> new org.safeguardinghub.platform.web.Option(
                        r.periodEnd().toString(),
                        Period.containing(r.frequency(), r.periodEnd()).label()))
                .toList();
        return Optional.of(
                new Charted(rows.get(0).indicatorId(), code, rows.get(0).name(), periods));
    }
}
