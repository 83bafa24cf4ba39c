package org.safeguardinghub.casereviews.dashboards;

import static org.safeguardinghub.casereviews.CaseVocabulary.AGE_BAND;
import static org.safeguardinghub.casereviews.CaseVocabulary.ETHNICITY;
import static org.safeguardinghub.casereviews.CaseVocabulary.GENDER;
import static org.safeguardinghub.casereviews.CaseVocabulary.RAPID_REVIEW_OUTCOME;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.casereviews.CaseVocabulary;
import org.safeguardinghub.casereviews.dashboards.Figure.Category;
import org.safeguardinghub.organisation.DistrictSummary;
import org.safeguardinghub.organisation.Organisation;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.security.Permission;
import org.safeguardinghub.platform.web.Option;
import org.safeguardinghub.shared.ReportingPeriod.FinancialYear;
import org.safeguardinghub.shared.SmallNumberSuppression;
import org.springframework.stereotype.Component;

/**
 * Turns a {@link DashboardRequest} into the figures of a dashboard, for the page and for its downloads alike: it
 * resolves the period, the filters and the view the actor may have, runs one query per chart and builds each
 * {@link Figure}.
 */
@Component
class DashboardPages {

    static final String NOT_RECORDED = "Not recorded";
    /** Kent's learning themes dashboard covers cases since August 2022 (KSCMP annual report 2023-24). */
    static final LocalDate DEFAULT_SINCE = LocalDate.of(2022, 8, 1);
    /** How far back the period list goes. */
    static final int YEARS_OFFERED = 8;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy");

    private final ReferralDashboard referrals;
    private final ThemeDashboard themes;
    private final Organisation organisation;
    private final SmallNumberSuppression suppression;
    private final Clock clock;

    DashboardPages(
            ReferralDashboard referrals,
            ThemeDashboard themes,
            Organisation organisation,
            SmallNumberSuppression suppression,
            Clock clock) {
        this.referrals = referrals;
        this.themes = themes;
        this.organisation = organisation;
        this.suppression = suppression;
        this.clock = clock;
    }

    /** Published (suppressed) for everyone by default; internal (exact) only if asked for and allowed case detail. */
    static boolean internal(DashboardRequest request, Actor actor) {
        return "internal".equals(request.view()) && actor.can(Permission.CASES_VIEW);
    }

    // ----------------------------------------------------------------------------------------------------------
    // Referrals and notifications

    /** The resolved filters and the seven figures of the referral dashboard. */
    record ReferralPage(
            DashboardFilters filters,
            String period,
            String periodLabel,
            boolean notificationsOnly,
            boolean internal,
            String total,
            List<Figure> figures) {}

    ReferralPage referralPage(DashboardRequest request, Actor actor) {
        boolean internal = internal(request, actor);
        @Nullable SmallNumberSuppression rule = internal ? null : suppression;
        int current = currentYear();
        String period = validPeriod(request.period(), current);
        int last = Integer.parseInt(period.substring(2));
        int first = period.startsWith("3Y") ? last - 2 : last;
        boolean notificationsOnly = "notifications".equals(request.show());
        DashboardFilters f = new DashboardFilters(
                actor.partnershipId(),
                first,
                last,
                notificationsOnly,
                DashboardRequest.code(request.ageBand(), AGE_BAND),
                DashboardRequest.code(request.gender(), GENDER),
                DashboardRequest.code(request.ethnicity(), ETHNICITY),
                DashboardRequest.id(request.district()),
                DashboardRequest.id(request.agency()));
        String counted = notificationsOnly ? "Notifications" : "Referrals";

        List<Figure> figures = new ArrayList<>();
        ReferralDashboard.Charts charts = referrals.charts(f);
        Map<Integer, YearCount> years = new HashMap<>();
        charts.byYear().forEach(y -> years.put(y.startYear(), y));
        List<Category> yearRows = new ArrayList<>();
        long total = 0;
        for (int y = first; y <= last; y++) {
            YearCount c = years.getOrDefault(y, new YearCount(y, 0, 0));
            total += c.referrals();
            String label = new FinancialYear(y).label();
            yearRows.add(
                    notificationsOnly
                            ? Category.of(label, c.notifications())
                            : Category.of(label, c.referrals(), c.notifications()));
        }
        figures.add(Figure.of(
                "year",
                notificationsOnly
                        ? "Notifications to the national panel by financial year"
                        : "Referrals to the partnership and notifications to the national panel by financial year",
                "Financial year",
                notificationsOnly
                        ? List.of("Notifications to the national panel")
                        : List.of("Referrals to the partnership", "Of which notified to the national panel"),
                yearRows,
                rule,
                "Counted in the financial year (April to March) the referral was submitted."));
        figures.add(
                Figure.of(
                        "age",
                        counted + " by age band of the youngest child",
                        "Age band",
                        List.of(counted),
                        vocabulary(charts.byAgeBand(), AGE_BAND, true),
                        rule,
                        "Where a referral covers more than one child, the youngest child is counted, so each referral counts once."));
        figures.add(Figure.of(
                "gender",
                counted + " by gender of the youngest child",
                "Gender",
                List.of(counted),
                vocabulary(charts.byGender(), GENDER, true),
                rule,
                null));
        figures.add(Figure.of(
                "ethnicity",
                counted + " by ethnicity of the youngest child",
                "Ethnicity",
                List.of(counted),
                vocabulary(charts.byEthnicity(), ETHNICITY, false),
                rule,
                "Ethnic groups with no referrals are not listed."));
        figures.add(Figure.of(
                "district",
                counted + " by district",
                "District",
                List.of(counted),
                districts(charts.byDistrict(), actor.partnershipId()),
                rule,
                "The district of the youngest child."));
        figures.add(Figure.of(
                "outcome",
                counted + " by outcome of the rapid review",
                "Rapid review outcome",
                List.of(counted),
                outcomes(charts.byRapidReviewOutcome()),
                rule,
                "Referrals not notified nationally have no rapid review; their local route is shown on each case."));
        figures.add(Figure.of(
                "agency",
                counted + " by agency involved",
                "Agency",
                List.of(counted),
                charts.byAgencyInvolved().stream()
                        .map(c -> Category.of(Objects.requireNonNullElse(c.key(), NOT_RECORDED), c.count()))
                        .toList(),
                rule,
                "A referral involving several agencies counts once for each of them."));
        String label = first == last
                ? new FinancialYear(last).label()
                : new FinancialYear(first).label() + " to " + new FinancialYear(last).label();
        String totalText = rule == null ? String.format("%,d", total) : rule.display(total);
        return new ReferralPage(f, period, label, notificationsOnly, internal, totalText, figures);
    }

    /** Year and three-year window choices, newest first: codes FY2023 (one year) and 3Y2023 (2021-22 to 2023-24). */
    List<Option> periodOptions() {
        int current = currentYear();
        List<Option> options = new ArrayList<>();
        for (int y = current; y > current - YEARS_OFFERED; y--) {
            options.add(new Option(
                    "3Y" + y, "3 years, " + new FinancialYear(y - 2).label() + " to " + new FinancialYear(y).label()));
        }
        for (int y = current; y > current - YEARS_OFFERED; y--) {
            options.add(new Option("FY" + y, new FinancialYear(y).label()));
        }
        return options;
    }

    private String validPeriod(@Nullable String period, int current) {
        if (period != null && period.matches("(FY|3Y)\\d{4}")) {
            int year = Integer.parseInt(period.substring(2));
            if (year <= current && year > current - YEARS_OFFERED) {
                return period;
            }
        }
        return "3Y" + current;
    }

    private int currentYear() {
        LocalDate today = LocalDate.now(clock);
        return today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1;
    }

    // ----------------------------------------------------------------------------------------------------------
    // Learning themes

    record ThemePage(
            ThemeFilters filters,
            String sinceLabel,
            @Nullable String sinceError,
            boolean internal,
            List<Figure> figures) {}

    ThemePage themePage(DashboardRequest request, Actor actor) {
        boolean internal = internal(request, actor);
        @Nullable SmallNumberSuppression rule = internal ? null : suppression;
        LocalDate since = DEFAULT_SINCE;
        String error = null;
        boolean anyPart =
                notBlank(request.sinceDay()) || notBlank(request.sinceMonth()) || notBlank(request.sinceYear());
        if (anyPart) {
            Integer d = DashboardRequest.number(request.sinceDay());
            Integer m = DashboardRequest.number(request.sinceMonth());
            Integer y = DashboardRequest.number(request.sinceYear());
            try {
                if (d == null || m == null || y == null || y < 1990 || y > 2100) {
                    throw new DateTimeException("incomplete");
                }
                since = LocalDate.of(y, m, d);
            } catch (DateTimeException e) {
                error = "Enter a real date, for example 1 8 2022";
            }
        }
        ThemeFilters f = new ThemeFilters(
                actor.partnershipId(),
                since,
                DashboardRequest.code(request.ageBand(), AGE_BAND),
                DashboardRequest.code(request.gender(), GENDER),
                DashboardRequest.id(request.district()));
        ThemeDashboard.Charts themeCharts = themes.charts(f, internal);
        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.of(
                "cases",
                "Cases by learning theme",
                "Learning theme",
                List.of("Cases"),
                themeCharts.casesByTheme().stream()
                        .map(t -> Category.of(t.theme(), t.count()))
                        .toList(),
                rule,
                "A case is a referral with its rapid review and any practice review, or a practice review with no"
                        + " referral. A theme found at more than one stage of a case counts once."));
        figures.add(Figure.of(
                "repeated",
                "Repeated learning themes: found in two or more reviews",
                "Learning theme",
                List.of("Reviews"),
                themeCharts.repeatedThemes().stream()
                        .map(t -> new Category(
                                t.theme(), new long[] {t.count()}, internal ? String.join("; ", t.sources()) : null))
                        .toList(),
                rule,
                "Rapid reviews and practice reviews tagged with the theme.",
                internal ? "Reviews it came from" : null));
        return new ThemePage(f, since.format(DAY), error, internal, figures);
    }

    // ----------------------------------------------------------------------------------------------------------
    // Filter choices

    String suppressedText() {
        return suppression.suppressedText();
    }

    List<Option> ageBands() {
        return CaseVocabulary.options(AGE_BAND);
    }

    List<Option> genders() {
        return CaseVocabulary.options(GENDER);
    }

    List<Option> ethnicities() {
        return CaseVocabulary.options(ETHNICITY);
    }

    List<Option> districtOptions(long partnershipId) {
        return organisation.districtsOf(partnershipId).stream()
                .map(d -> Option.of(d.id(), d.name()))
                .toList();
    }

    List<Option> agencyOptions(long partnershipId) {
        return organisation.agenciesOf(partnershipId).stream()
                .map(a -> Option.of(a.id(), a.name()))
                .toList();
    }

    // ----------------------------------------------------------------------------------------------------------

    /** Every code of the vocabulary in order (or only those counted), then "Not recorded" if any. */
    private static List<Category> vocabulary(List<Count> counts, Map<String, String> vocabulary, boolean all) {
        Map<@Nullable String, Long> byKey = new HashMap<>();
        counts.forEach(c -> byKey.merge(c.key(), c.count(), Long::sum));
        List<Category> rows = new ArrayList<>();
        vocabulary.forEach((code, label) -> {
            long n = byKey.getOrDefault(code, 0L);
            if (all || n > 0) {
                rows.add(Category.of(label, n));
            }
        });
        long unknown = counts.stream()
                .filter(c -> c.key() == null || !vocabulary.containsKey(c.key()))
                .mapToLong(Count::count)
                .sum();
        if (unknown > 0) {
            rows.add(Category.of(NOT_RECORDED, unknown));
        }
        return rows;
    }

    private List<Category> districts(List<Count> counts, long partnershipId) {
        Map<@Nullable String, Long> byName = new HashMap<>();
        counts.forEach(c -> byName.merge(c.key(), c.count(), Long::sum));
        List<Category> rows = new ArrayList<>();
        for (DistrictSummary d : organisation.districtsOf(partnershipId)) {
            Long n = byName.remove(d.name());
            rows.add(Category.of(d.name(), n == null ? 0L : n));
        }
        byName.forEach((name, n) -> { // archived districts that still have referrals
            if (name != null) {
                rows.add(Category.of(name, n));
            }
        });
        long unknown = byName.getOrDefault(null, 0L);
        if (unknown > 0) {
            rows.add(Category.of(NOT_RECORDED, unknown));
        }
        return rows;
    }

    private static List<Category> outcomes(List<Count> counts) {
        Map<@Nullable String, Long> byKey = new HashMap<>();
        counts.forEach(c -> byKey.merge(c.key(), c.count(), Long::sum));
        List<Category> rows = new ArrayList<>();
        RAPID_REVIEW_OUTCOME.forEach((code, label) -> rows.add(Category.of(label, byKey.getOrDefault(code, 0L))));
        rows.add(Category.of("No rapid review, or outcome not yet decided", byKey.getOrDefault(null, 0L)));
        return rows;
    }

    private static boolean notBlank(@Nullable String s) {
        return s != null && !s.isBlank();
    }
}
