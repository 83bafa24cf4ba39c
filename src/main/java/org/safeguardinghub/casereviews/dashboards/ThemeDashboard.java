package org.safeguardinghub.casereviews.dashboards;

import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The learning themes dashboard's figures: cases per theme and themes repeated across reviews, both at once
 * ({@link #charts}) or one at a time. Themes roll up from referrals, rapid reviews and practice reviews to the case;
 * how, and the SQL, are in {@link ThemeDashboardRecords}. Scoped to one partnership by its filters.
 */
@Component
@Transactional(readOnly = true)
public class ThemeDashboard {

    /** Both charts of the page, as {@link #casesByTheme} and {@link #repeatedThemes} give them. */
    public record Charts(List<ThemeCount> casesByTheme, List<ThemeCount> repeatedThemes) {}

    private final ThemeDashboardRecords records;

    ThemeDashboard(ThemeDashboardRecords records) {
        this.records = records;
    }

    /** Cases per theme, most frequent first: a theme found in a referral and in its review counts once. */
    public List<ThemeCount> casesByTheme(ThemeFilters f) {
        return records.casesByTheme(f);
    }

    /**
     * Themes found in two or more reviews, most repeated first; with the reviews they came from when
     * {@code withSources} (internal view only: the names are case references).
     */
    public List<ThemeCount> repeatedThemes(ThemeFilters f, boolean withSources) {
        return records.repeatedThemes(f, withSources);
    }

    /** Both charts in one statement, "repeated" meaning found in two or more reviews. */
    public Charts charts(ThemeFilters f, boolean withSources) {
        return records.charts(f, withSources, 2);
    }

    /**
     * Both charts, with the themes found in at least {@code minimumReviews} reviews in the second (0 for every theme
     * found in any review, as the published view needs so that being listed says nothing).
     */
    public Charts charts(ThemeFilters f, boolean withSources, int minimumReviews) {
        return records.charts(f, withSources, minimumReviews);
    }

    /** Every learning theme's name, in alphabetical order: the rows of the published view. */
    public List<String> themeNames() {
        return records.themeNames();
    }
}
