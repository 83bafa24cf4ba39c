package org.safeguardinghub.performance.scorecard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.performance.catalogue.Frequency;
import org.safeguardinghub.performance.catalogue.IndicatorDefinition;
import org.safeguardinghub.performance.catalogue.IndicatorMaths;
import org.safeguardinghub.performance.catalogue.Period;
import org.safeguardinghub.performance.scorecard.PerformanceData.Indicator;
import org.safeguardinghub.performance.scorecard.PerformanceData.Point;
import org.safeguardinghub.platform.web.Option;
import org.safeguardinghub.shared.SafeCounts;
import org.springframework.stereotype.Service;

/**
 * Builds "Context in numbers": every indicator's total at a year end (31 March) beside the year before, grouped by
 * the size of the change. It reads only the two year ends it compares. In the published view a suppressed figure is
 * neither compared nor grouped.
 */
@Service
public class ContextInNumbers {

    private final PerformanceData data;
    private final SafeCounts suppression;

    ContextInNumbers(PerformanceData data, SafeCounts suppression) {
        this.data = data;
        this.suppression = suppression;
    }

    public record ContextRow(
            IndicatorDefinition definition,
            String value,
            String lastYear,
            String change,
            @Nullable ChangeGroup group) {

        public String groupLabel() {
            return group == null ? "Not compared" : group.label();
        }
    }

    public record Context(
            @Nullable LocalDate yearEnd,
            String yearLabel,
            List<Option> yearOptions,
            List<ContextRow> rows,
            Map<ChangeGroup, List<ContextRow>> groups,
            boolean published) {

        public String yearValue() {
            return yearEnd == null ? "" : yearEnd.toString();
        }
    }

    public Context context(long partnershipId, @Nullable String year, boolean published) {
        List<LocalDate> yearEnds = data.periodEnds(partnershipId).stream()
                .filter(e -> e.getMonthValue() == 3 && e.getDayOfMonth() == 31)
                .toList();
        LocalDate yearEnd = null;
        if (year != null && !year.isBlank()) {
            yearEnd = yearEnds.stream()
                    .filter(e -> e.toString().equals(year.trim()))
                    .findFirst()
                    .orElse(null);
        }
        if (yearEnd == null && !yearEnds.isEmpty()) {
            yearEnd = yearEnds.get(0);
        }
        List<Option> options = yearEnds.stream()
                .map(e -> new Option(e.toString(), "Year to " + PerformancePages.DAY.format(e)))
                .toList();
        Map<ChangeGroup, List<ContextRow>> groups = new LinkedHashMap<>();
        for (ChangeGroup g : ChangeGroup.values()) {
            groups.put(g, new ArrayList<>());
        }
        List<ContextRow> rows = new ArrayList<>();
        if (yearEnd != null) {
            LocalDate lastYearEnd = yearEnd.minusYears(1);
            Map<Long, List<Point>> values = data.totalsAt(partnershipId, List.of(lastYearEnd, yearEnd));
            for (Indicator indicator : data.indicators(partnershipId)) {
                IndicatorDefinition d = indicator.current();
                Point now = null;
                Point before = null;
                for (Point p : values.getOrDefault(indicator.id(), List.of())) {
                    if (p.periodEnd().equals(yearEnd)) {
                        now = p;
                    } else if (p.periodEnd().equals(lastYearEnd)) {
                        before = p;
                    }
                }
                if (now == null || now.value() == null) {
                    continue;
                }
                Figures f = new Figures(d.factor(), d.decimals(), published ? suppression : null);
                boolean hiddenNow = f.hidden(now.value(), now.numerator(), now.denominator());
                boolean hiddenBefore =
                        before != null && f.hidden(before.value(), before.numerator(), before.denominator());
                BigDecimal percent = before == null || before.value() == null
                        ? null
                        : IndicatorMaths.percentChange(now.value(), before.value())
                                .orElse(null);
                // a suppressed figure is neither compared nor grouped: the direction would hint at it
                ChangeGroup group = hiddenNow || hiddenBefore ? null : ChangeGroup.of(percent);
                ContextRow row = new ContextRow(
                        d,
                        f.value(now.value(), now.numerator(), now.denominator()),
                        before == null ? "No data" : f.value(before.value(), before.numerator(), before.denominator()),
                        hiddenNow || hiddenBefore
                                ? Figures.SUPPRESSED
                                : percent == null ? "" : Figures.percent(percent),
                        group);
                rows.add(row);
                if (group != null) {
                    groups.get(group).add(row);
                }
            }
        }
        String label = yearEnd == null
                ? "No year-end figures yet"
                : Period.containing(Frequency.ANNUAL, yearEnd).label() + " compared with "
                        + Period.containing(Frequency.ANNUAL, yearEnd.minusYears(1))
                                .label();
        return new Context(yearEnd, label, options, rows, groups, published);
    }
}
