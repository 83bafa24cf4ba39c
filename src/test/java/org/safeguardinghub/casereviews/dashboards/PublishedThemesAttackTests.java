package org.safeguardinghub.casereviews.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguardinghub.casereviews.CaseVocabulary.AGE_BAND;
import static org.safeguardinghub.casereviews.CaseVocabulary.GENDER;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.web.Option;
import org.safeguardinghub.shared.disclosure.Attack;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The learning themes dashboard attacked as the scrutineer could: every published period (and any "since" date the
 * page would take, one each quarter from 2018), with no filter and with every single age band, gender and district.
 * A cell is (dates, characteristic, theme, cases or reviews); periods are split at every date any view starts or ends
 * so that overlapping views are sums of the same pieces; the cases of one age band (or gender, or district) are some
 * of all the cases; a theme not listed has no cases, and one not listed as repeated was found in fewer than two
 * reviews. No hidden count may be narrowed to fewer than three values.
 */
@SpringBootTest
class PublishedThemesAttackTests extends PublishedViewsAttack {

    private static final LocalDate OPEN = LocalDate.of(9999, 1, 1);

    @Test
    void noHiddenThemeCountCanBeRecoveredFromThePublishedViews() {
        Actor scrutineer = scrutineer();
        List<String> themes =
                jdbc.sql("select name from learning_theme").query(String.class).list();
        List<TreeMap<String, String>> filters = new ArrayList<>();
        filters.add(new TreeMap<>());
        AGE_BAND.keySet().forEach(a -> filters.add(new TreeMap<>(Map.of("age", a))));
        GENDER.keySet().forEach(g -> filters.add(new TreeMap<>(Map.of("gender", g))));
        pages.districtOptions(scrutineer.partnershipId())
                .forEach(d -> filters.add(new TreeMap<>(Map.of("district", d.value()))));
        List<DashboardRequest> times = new ArrayList<>();
        for (Option period : pages.periodOptions()) {
            times.add(new DashboardRequest(period.value(), null, null, null, null, null, null, null, null, null, null));
        }
        for (LocalDate d = LocalDate.of(2018, 4, 1); d.isBefore(LocalDate.of(2027, 1, 1)); d = d.plusMonths(3)) {
            times.add(new DashboardRequest(
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    String.valueOf(d.getDayOfMonth()),
                    String.valueOf(d.getMonthValue()),
                    String.valueOf(d.getYear())));
        }

        Attack attack = new Attack();
        Set<LocalDate> boundaries = new TreeSet<>();
        Set<String> intervals = new LinkedHashSet<>();
        Set<String> condsSeen = new LinkedHashSet<>();
        int views = 0;
        for (DashboardRequest t : times) {
            for (TreeMap<String, String> f : filters) {
                DashboardRequest r = new DashboardRequest(
                        t.period(),
                        null,
                        f.get("age"),
                        f.get("gender"),
                        null,
                        f.get("district"),
                        null,
                        null,
                        t.sinceDay(),
                        t.sinceMonth(),
                        t.sinceYear());
                DashboardPages.ThemePage page = pages.themePage(r, scrutineer);
                ThemeFilters tf = page.filters();
                TreeMap<String, String> conds = new TreeMap<>();
                if (tf.ageBand() != null) conds.put("age", tf.ageBand());
                if (tf.gender() != null) conds.put("gender", tf.gender());
                if (tf.districtId() != null) conds.put("district", String.valueOf(tf.districtId()));
                LocalDate from = tf.since();
                LocalDate to = until(tf);
                boundaries.add(from);
                boundaries.add(to);
                String interval = from + "/" + to;
                intervals.add(interval);
                condsSeen.add(conds.toString());
                for (Figure figure : page.figures()) {
                    String chart = figure.id().equals("cases") ? "C" : "V";
                    Set<String> listed = new LinkedHashSet<>();
                    for (Figure.Row row : figure.rows()) {
                        String cell = key(chart, interval, conds.toString(), row.label());
                        attack.published(cell, row.cells().get(0).text());
                        if (figure.rows().size() < themes.size()) { // only themes found are listed
                            attack.knows(cell, chart.equals("C") ? 1 : 2, Long.MAX_VALUE / 4);
                        }
                        listed.add(row.label());
                    }
                    for (String theme : themes) {
                        if (listed.size() < themes.size() && !listed.contains(theme)) {
                            attack.knows(key(chart, interval, conds.toString(), theme), 0, chart.equals("C") ? 0 : 1);
                        }
                    }
                }
                views++;
            }
        }
        List<LocalDate> cuts = new ArrayList<>(boundaries);
        for (String chart : List.of("C", "V")) {
            for (String theme : themes) {
                for (String conds : condsSeen) {
                    for (String interval : intervals) { // a period is the sum of the pieces between every cut
                        LocalDate from = LocalDate.parse(interval.substring(0, 10));
                        LocalDate to = LocalDate.parse(interval.substring(11));
                        List<String> pieces = new ArrayList<>();
                        for (int i = 0; i + 1 < cuts.size(); i++) {
                            if (!cuts.get(i).isBefore(from) && !cuts.get(i + 1).isAfter(to)) {
                                pieces.add(key(chart, cuts.get(i) + "/" + cuts.get(i + 1), conds, theme));
                            }
                        }
                        attack.partition(key(chart, interval, conds, theme), pieces);
                    }
                }
                for (int i = 0; i + 1 < cuts.size(); i++) { // the cases of one age band are some of all the cases
                    String piece = cuts.get(i) + "/" + cuts.get(i + 1);
                    String all = key(chart, piece, "{}", theme);
                    for (String dim : List.of("age", "gender", "district")) {
                        List<String> parts = condsSeen.stream()
                                .filter(c -> c.startsWith("{" + dim + "="))
                                .map(c -> key(chart, piece, c, theme))
                                .toList();
                        attack.atMost(all, parts);
                    }
                }
            }
        }
        Attack.Result result = attack.run();
        System.out.printf("Learning themes dashboard: %d published views, %s%n", views, result.summary());
        assertThat(result.hiddenCells())
                .as("the demo data has hidden cells to protect")
                .isPositive();
        assertThat(result.narrowed())
                .as(
                        "hidden theme counts recovered exactly or narrowed to fewer than 3 values, e.g. %s",
                        result.examples())
                .isZero();
    }

    private static LocalDate until(ThemeFilters f) {
        return f.until() == null ? OPEN : f.until();
    }

    private static String key(String chart, String interval, String conds, String theme) {
        return chart + "|" + interval + "|" + conds + "|" + theme;
    }
}
