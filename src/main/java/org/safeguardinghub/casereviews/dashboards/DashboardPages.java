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
import org.safeguardinghub.casereviews.CaseReviewsAccess;
import org.safeguardinghub.casereviews.CaseVocabulary;
import org.safeguardinghub.casereviews.dashboards.Figure.Category;
import org.safeguardinghub.organisation.DistrictSummary;
import org.safeguardinghub.organisation.Organisation;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.web.Option;
import org.safeguardinghub.shared.ReportingPeriod.FinancialYear;
import org.safeguardinghub.shared.SafeCounts;
import org.springframework.stereotype.Component;

/**
 * Turns a {@link DashboardRequest} into the figures of a dashboard, for the page and for its downloads alike: it
 * resolves the period, the filters and the view the actor may have, runs one query per chart and builds each
 * {@link Figure}.
 *
 * <p>The published view (everyone without case detail, and the default for everyone) is built to resist an attacker
 * who asks for every combination of its filters (docs/architecture.md, "Published figures"): every count goes
 * through {@link SafeCounts} (rounded to 5, 0 to 5 hidden) with secondary suppression per table; periods are fixed
 * financial years or three-year windows, never any day; one characteristic filter applies at a time; every category
 * is listed, in a fixed order, whether or not it has a count (being listed, or first, says nothing). The internal
 * view keeps exact counts and every filter.
 */
@Component
public class DashboardPages {

    static final String NOT_RECORDED = "Not recorded";
    /** Kent's learning themes dashboard covers cases since August 2022 (KSCMP annual report 2023-24). */
    static final LocalDate DEFAULT_SINCE = LocalDate.of(2022, 8, 1);
    /** How far back the period list goes. */
    static final int YEARS_OFFERED = 8;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy");

    private final ReferralDashboard referrals;
    private final ThemeDashboard themes;
    private final Organisation organisation;
    private final SafeCounts suppression;
    private final Clock clock;

    DashboardPages(
            ReferralDashboard referrals,
            ThemeDashboard themes,
            Organisation organisation,
            SafeCounts suppression,
            Clock clock) {
        this.referrals = referrals;
        this.themes = themes;
        this.organisation = organisation;
        this.suppression = suppression;
        this.clock = clock;
    }

    /** Published (suppressed) for everyone by default; internal (exact) only if asked for and allowed case detail. */
    static boolean internal(DashboardRequest request, Actor actor) {
        return "internal".equals(request.view()) && actor.can(CaseReviewsAccess.CASES_VIEW);
    }

    // ----------------------------------------------------------------------------------------------------------
    // Referrals and notifications

    /** The resolved filters and the seven figures of the referral dashboard. */
    public record ReferralPage(
            DashboardFilters filters,
            String period,
            String periodLabel,
            boolean notificationsOnly,
            boolean internal,
            String total,
            List<Figure> figures,
            @Nullable String filterNote) {}

    /** The notice when the published referral view was asked for a filter. */
    static final String NO_FILTER = "The published view breaks the whole down by one characteristic at a time, so"
            + " filters by characteristic apply only in the internal view.";

    /** The filter notice when a published view was asked for more than one breakdown. */
    static final String ONE_FILTER =
            "The published view applies one filter at a time, so only the first one chosen is applied.";

    public ReferralPage referralPage(DashboardRequest request, Actor actor) {
        boolean internal = internal(request, actor);
        @Nullable SafeCounts rule = internal ? null : suppression;
        DashboardRequest asked = request;
        if (!internal) {
            request = noFilter(request);
        }
        String filterNote = asked.equals(request) ? null : NO_FILTER;
        int current = currentYear();
        String period = validPeriod(request.period(), current, internal);
        int last = Integer.parseInt(period.substring(2));
        int first = period.startsWith("3Y") ? last - 2 : last;
        boolean notificationsOnly = "notifications".equals(request.show());
        DashboardFilters f = referralFilters(request, actor, first, last, notificationsOnly);
        String counted = notificationsOnly ? "Notifications" : "Referrals";

        List<Figure> figures = new ArrayList<>();
        ReferralDashboard.Charts charts = referrals.charts(f);
        Map<Integer, YearCount> years = new HashMap<>();
        charts.byYear().forEach(y -> years.put(y.startYear(), y));
        List<Category> yearRows = new ArrayList<>();
        long total = 0;
        long notified = 0;
        for (int y = first; y <= last; y++) {
            YearCount c = years.getOrDefault(y, new YearCount(y, 0, 0));
            total += c.referrals();
            notified += c.notifications();
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
                notificationsOnly ? new long[] {total} : new long[] {total, notified},
                "Counted in the financial year (April to March) the referral was submitted."));
        figures.addAll(breakdownFigures(charts, counted, rule, total, actor.partnershipId()));
        String label = first == last
                ? new FinancialYear(last).label()
                : new FinancialYear(first).label() + " to " + new FinancialYear(last).label();
        String totalText = rule == null ? String.format("%,d", total) : rule.display(total);
        return new ReferralPage(f, period, label, notificationsOnly, internal, totalText, figures, filterNote);
    }

    private static DashboardFilters referralFilters(
            DashboardRequest request, Actor actor, int first, int last, boolean notificationsOnly) {
        return new DashboardFilters(
                actor.partnershipId(),
                first,
                last,
                notificationsOnly,
                DashboardRequest.code(request.ageBand(), AGE_BAND),
                DashboardRequest.code(request.gender(), GENDER),
                DashboardRequest.code(request.ethnicity(), ETHNICITY),
                DashboardRequest.id(request.district()),
                DashboardRequest.id(request.agency()));
    }

    /** The six breakdowns of the referral dashboard, each but the agencies' a partition of the total. */
    private List<Figure> breakdownFigures(
            ReferralDashboard.Charts charts,
            String counted,
            @Nullable SafeCounts rule,
            long total,
            long partnershipId) {
        List<Figure> figures = new ArrayList<>();
        long[] partition = {total};
        figures.add(
                Figure.of(
                        "age",
                        counted + " by age band of the youngest child",
                        "Age band",
                        List.of(counted),
                        vocabulary(charts.byAgeBand(), AGE_BAND, true, rule != null),
                        rule,
                        partition,
                        "Where a referral covers more than one child, the youngest child is counted, so each referral counts once."));
        figures.add(Figure.of(
                "gender",
                counted + " by gender of the youngest child",
                "Gender",
                List.of(counted),
                vocabulary(charts.byGender(), GENDER, true, rule != null),
                rule,
                partition,
                null));
        figures.add(Figure.of(
                "ethnicity",
                counted + " by ethnicity of the youngest child",
                "Ethnicity",
                List.of(counted),
                vocabulary(charts.byEthnicity(), ETHNICITY, rule != null, rule != null),
                rule,
                partition,
                rule != null ? null : "Ethnic groups with no referrals are not listed."));
        figures.add(Figure.of(
                "district",
                counted + " by district",
                "District",
                List.of(counted),
                districts(charts.byDistrict(), partnershipId, rule != null),
                rule,
                partition,
                "The district of the youngest child."));
        figures.add(Figure.of(
                "outcome",
                counted + " by outcome of the rapid review",
                "Rapid review outcome",
                List.of(counted),
                outcomes(charts.byRapidReviewOutcome()),
                rule,
                partition,
                "Referrals not notified nationally have no rapid review; their local route is shown on each case."));
        figures.add(Figure.of(
                "agency",
                counted + " by agency involved",
                "Agency",
                List.of(counted),
                agencies(charts.byAgencyInvolved(), partnershipId, rule != null),
                rule,
                null,
                "A referral involving several agencies counts once for each of them."));
        return figures;
    }

    /**
     * Period choices, newest first: in the internal view, three-year windows (3Y2023 is 2021-22 to 2023-24) and
     * single financial years (FY2023); in the published view single financial years only, since overlapping
     * windows published side by side could be subtracted from each other.
     */
    public List<Option> periodOptions(boolean internal) {
        int current = currentYear();
        List<Option> options = new ArrayList<>();
        for (int y = current; internal && y > current - YEARS_OFFERED; y--) {
            options.add(new Option(
                    "3Y" + y, "3 years, " + new FinancialYear(y - 2).label() + " to " + new FinancialYear(y).label()));
        }
        for (int y = current; y > current - YEARS_OFFERED; y--) {
            options.add(new Option("FY" + y, new FinancialYear(y).label()));
        }
        return options;
    }

    /** Every period choice, as the internal view offers them. */
    List<Option> periodOptions() {
        return periodOptions(true);
    }

    private String validPeriod(@Nullable String period, int current, boolean internal) {
        if (period != null && period.matches("(FY|3Y)\\d{4}")) {
            int year = Integer.parseInt(period.substring(2));
            if (year <= current && year > current - YEARS_OFFERED) {
                return internal ? period : "FY" + year;
            }
        }
        return (internal ? "3Y" : "FY") + current;
    }

    private int currentYear() {
        LocalDate today = LocalDate.now(clock);
        return today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1;
    }

    // ----------------------------------------------------------------------------------------------------------
    // Learning themes

    /**
     * The learning themes page: in the internal view, cases since any date; in the published view, a fixed period
     * ({@code period}, {@code periodLabel}) and one characteristic filter at a time.
     */
    public record ThemePage(
            ThemeFilters filters,
            String sinceLabel,
            @Nullable String sinceError,
            boolean internal,
            List<Figure> figures,
            String period,
            String periodLabel,
            @Nullable String filterNote) {}

    public ThemePage themePage(DashboardRequest request, Actor actor) {
        boolean internal = internal(request, actor);
        @Nullable SafeCounts rule = internal ? null : suppression;
        DashboardRequest asked = request;
        if (!internal) {
            request = oneFilter(request);
        }
        String filterNote = asked.equals(request) ? null : ONE_FILTER;
        LocalDate since = DEFAULT_SINCE;
        LocalDate until = null;
        String error = null;
        int current = currentYear();
        String period = validPeriod(request.period(), current, internal);
        String periodLabel = "";
        if (!internal) {
            int last = Integer.parseInt(period.substring(2));
            int first = period.startsWith("3Y") ? last - 2 : last;
            since = LocalDate.of(first, 4, 1);
            until = LocalDate.of(last + 1, 4, 1);
            periodLabel = first == last
                    ? new FinancialYear(last).label()
                    : new FinancialYear(first).label() + " to " + new FinancialYear(last).label();
        } else if (notBlank(request.sinceDay()) || notBlank(request.sinceMonth()) || notBlank(request.sinceYear())) {
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
                DashboardRequest.id(request.district()),
                until);
        ThemeDashboard.Charts themeCharts = themes.charts(f, internal, internal ? 2 : 0);
        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.of(
                "cases",
                "Cases by learning theme",
                "Learning theme",
                List.of("Cases"),
                internal ? byCount(themeCharts.casesByTheme(), false) : everyTheme(themeCharts.casesByTheme()),
                rule,
                null,
                "A case is a referral with its rapid review and any practice review, or a practice review with no"
                        + " referral. A theme found at more than one stage of a case counts once."
                        + (internal ? "" : " Every theme is listed, in alphabetical order.")));
        figures.add(Figure.of(
                "repeated",
                internal
                        ? "Repeated learning themes: found in two or more reviews"
                        : "Learning themes by the number of reviews that found them",
                "Learning theme",
                List.of("Reviews"),
                internal ? byCount(themeCharts.repeatedThemes(), true) : everyTheme(themeCharts.repeatedThemes()),
                rule,
                null,
                internal
                        ? "Rapid reviews and practice reviews tagged with the theme."
                        : "Rapid reviews and practice reviews tagged with the theme. A theme found in two or more"
                                + " reviews is a repeated theme. Every theme is listed, in alphabetical order.",
                internal ? "Reviews it came from" : null));
        return new ThemePage(f, since.format(DAY), error, internal, figures, period, periodLabel, filterNote);
    }

    private static List<Category> byCount(List<ThemeCount> counts, boolean withSources) {
        return counts.stream()
                .map(t -> new Category(
                        t.theme(), new long[] {t.count()}, withSources ? String.join("; ", t.sources()) : null))
                .toList();
    }

    /** Every theme by name, with its count or 0: the published rows, whose presence and order say nothing. */
    private List<Category> everyTheme(List<ThemeCount> counts) {
        Map<String, Long> byName = new HashMap<>();
        counts.forEach(t -> byName.put(t.theme(), t.count()));
        return themes.themeNames().stream()
                .map(name -> Category.of(name, byName.getOrDefault(name, 0L)))
                .toList();
    }

    // ----------------------------------------------------------------------------------------------------------
    // Filter choices

    public String suppressedText() {
        return suppression.hiddenText();
    }

    /** The published method in one sentence, for the banner of the published view. */
    String publishedMethod() {
        return suppression.description();
    }

    public List<Option> ageBands() {
        return CaseVocabulary.options(AGE_BAND);
    }

    public List<Option> genders() {
        return CaseVocabulary.options(GENDER);
    }

    public List<Option> ethnicities() {
        return CaseVocabulary.options(ETHNICITY);
    }

    public List<Option> districtOptions(long partnershipId) {
        return organisation.districtsOf(partnershipId).stream()
                .map(d -> Option.of(d.id(), d.name()))
                .toList();
    }

    public List<Option> agencyOptions(long partnershipId) {
        return organisation.agenciesOf(partnershipId).stream()
                .map(a -> Option.of(a.id(), a.name()))
                .toList();
    }

    // ----------------------------------------------------------------------------------------------------------

    /**
     * The published referral view's breakdowns of the whole: every chart is one characteristic of all the referrals
     * (or notifications) of the year, never of a filtered group, since a filtered group's chart is a cross-tabulation
     * whose cells, set against the other charts, could be narrowed down.
     */
    public static DashboardRequest noFilter(DashboardRequest r) {
        return new DashboardRequest(
                r.period(),
                r.show(),
                null,
                null,
                null,
                null,
                null,
                r.view(),
                r.sinceDay(),
                r.sinceMonth(),
                r.sinceYear());
    }

    /**
     * The published view's one breakdown at a time: the first characteristic filter given (age band, gender,
     * ethnicity, district, agency), the others dropped.
     */
    public static DashboardRequest oneFilter(DashboardRequest r) {
        String[] values = {r.ageBand(), r.gender(), r.ethnicity(), r.district(), r.agency()};
        int first = -1;
        for (int i = 0; i < values.length; i++) {
            if (notBlank(values[i])) {
                first = i;
                break;
            }
        }
        if (first < 0) {
            return r;
        }
        boolean[] keep = new boolean[values.length];
        keep[first] = true;
        return new DashboardRequest(
                r.period(),
                r.show(),
                keep[0] ? r.ageBand() : null,
                keep[1] ? r.gender() : null,
                keep[2] ? r.ethnicity() : null,
                keep[3] ? r.district() : null,
                keep[4] ? r.agency() : null,
                r.view(),
                r.sinceDay(),
                r.sinceMonth(),
                r.sinceYear());
    }

    /**
     * Every code of the vocabulary in order (or only those counted), then "Not recorded" if any (or always, in the
     * published view, where a row's presence must not say "at least one").
     */
    private static List<Category> vocabulary(
            List<Count> counts, Map<String, String> vocabulary, boolean all, boolean published) {
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
        if (unknown > 0 || published) {
            rows.add(Category.of(NOT_RECORDED, unknown));
        }
        return rows;
    }

    private List<Category> districts(List<Count> counts, long partnershipId, boolean published) {
        Map<@Nullable String, Long> byName = new HashMap<>();
        counts.forEach(c -> byName.merge(c.key(), c.count(), Long::sum));
        List<Category> rows = new ArrayList<>();
        for (DistrictSummary d : organisation.districtsOf(partnershipId)) {
            Long n = byName.remove(d.name());
            rows.add(Category.of(d.name(), n == null ? 0L : n));
        }
        long unknown = byName.getOrDefault(null, 0L);
        long archived = 0;
        for (Map.Entry<@Nullable String, Long> e : byName.entrySet()) { // archived districts that still have referrals
            if (e.getKey() != null) {
                if (published) {
                    archived += e.getValue();
                } else {
                    rows.add(Category.of(e.getKey(), e.getValue()));
                }
            }
        }
        if (published) {
            rows.add(Category.of("Former districts", archived));
        }
        if (unknown > 0 || published) {
            rows.add(Category.of(NOT_RECORDED, unknown));
        }
        return rows;
    }

    /**
     * Agencies involved: the internal view lists those involved, most first; the published view lists every agency
     * of the partnership by name, so neither the list nor its order says anything about the hidden counts.
     */
    private List<Category> agencies(List<Count> counts, long partnershipId, boolean published) {
        if (!published) {
            return counts.stream()
                    .map(c -> Category.of(Objects.requireNonNullElse(c.key(), NOT_RECORDED), c.count()))
                    .toList();
        }
        Map<@Nullable String, Long> byName = new HashMap<>();
        counts.forEach(c -> byName.merge(c.key(), c.count(), Long::sum));
        List<Category> rows = new ArrayList<>();
        List<String> names = new ArrayList<>(referrals.agencyLabels(
                organisation.agenciesOf(partnershipId).stream().map(a -> a.id()).toList()));
        names.sort(String.CASE_INSENSITIVE_ORDER);
        names.forEach(name -> rows.add(Category.of(name, byName.getOrDefault(name, 0L))));
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
