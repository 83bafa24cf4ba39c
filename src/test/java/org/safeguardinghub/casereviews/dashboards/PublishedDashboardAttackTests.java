package org.safeguardinghub.casereviews.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguardinghub.casereviews.CaseVocabulary.AGE_BAND;
import static org.safeguardinghub.casereviews.CaseVocabulary.ETHNICITY;
import static org.safeguardinghub.casereviews.CaseVocabulary.GENDER;
import static org.safeguardinghub.casereviews.CaseVocabulary.RAPID_REVIEW_OUTCOME;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.web.Option;
import org.safeguardinghub.shared.ReportingPeriod.FinancialYear;
import org.safeguardinghub.shared.disclosure.Attack;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The referral dashboard attacked as the independent scrutineer could: every published view of the demo data (every
 * period, both counts, no filter, every single filter value and every pairing of age band with gender), through the
 * same service the page and its downloads use. Each cell is identified by the referrals it counts (years, count,
 * characteristics), so the same cell seen in two views is one unknown; the constraints are the tables' own meaning
 * (every chart but the agencies' is a partition of the view's total, a three-year window is its three years,
 * notifications are some of the referrals, an agency's referrals are some of the total). {@link Attack} solves them;
 * no hidden count may come out exact or narrowed to fewer than three values.
 */
@SpringBootTest
class PublishedDashboardAttackTests extends PublishedViewsAttack {

    @Test
    void noHiddenReferralCountCanBeRecoveredFromThePublishedViews() {
        Actor scrutineer = scrutineer();
        long partnership = scrutineer.partnershipId();
        Map<String, String> agencyByLabel = new HashMap<>();
        jdbc.sql("select id, coalesce(short_name, name) as label from agency")
                .query((rs, n) -> agencyByLabel.put(rs.getString("label"), rs.getString("id")))
                .list();
        Map<String, String> districtByLabel = new HashMap<>();
        pages.districtOptions(partnership).forEach(o -> districtByLabel.put(o.label(), o.value()));
        Map<String, Map<String, String>> codes = Map.of(
                "age", inverse(AGE_BAND),
                "gender", inverse(GENDER),
                "ethnicity", inverse(ETHNICITY),
                "district", districtByLabel,
                "outcome", inverse(RAPID_REVIEW_OUTCOME));

        List<DashboardRequest> filters = new ArrayList<>();
        filters.add(request(null, null, null, null, null));
        AGE_BAND.keySet().forEach(a -> filters.add(request(a, null, null, null, null)));
        GENDER.keySet().forEach(g -> filters.add(request(null, g, null, null, null)));
        ETHNICITY.keySet().forEach(e -> filters.add(request(null, null, e, null, null)));
        pages.districtOptions(partnership).forEach(d -> filters.add(request(null, null, null, d.value(), null)));
        pages.agencyOptions(partnership).forEach(a -> filters.add(request(null, null, null, null, a.value())));
        AGE_BAND.keySet().forEach(a -> GENDER.keySet().forEach(g -> filters.add(request(a, g, null, null, null))));

        Attack attack = new Attack();
        int views = 0;
        for (Option period : pages.periodOptions()) {
            for (String show : new String[] {null, "notifications"}) {
                for (DashboardRequest f : filters) {
                    DashboardRequest r = new DashboardRequest(
                            period.value(),
                            show,
                            f.ageBand(),
                            f.gender(),
                            f.ethnicity(),
                            f.district(),
                            f.agency(),
                            null,
                            null,
                            null,
                            null);
                    read(attack, pages.referralPage(r, scrutineer), codes, agencyByLabel);
                    views++;
                }
            }
        }
        Attack.Result result = attack.run();
        System.out.printf("Referral dashboard: %d published views, %s%n", views, result.summary());
        assertThat(result.hiddenCells())
                .as("the demo data has hidden cells to protect")
                .isPositive();
        assertThat(result.narrowed())
                .as(
                        "hidden referral counts recovered exactly or narrowed to fewer than 3 values, e.g. %s",
                        result.examples())
                .isZero();
    }

    private static void read(
            Attack attack,
            DashboardPages.ReferralPage page,
            Map<String, Map<String, String>> codes,
            Map<String, String> agencyByLabel) {
        DashboardFilters f = page.filters();
        TreeMap<String, String> conds = new TreeMap<>();
        if (f.ageBand() != null) conds.put("age", f.ageBand());
        if (f.gender() != null) conds.put("gender", f.gender());
        if (f.ethnicity() != null) conds.put("ethnicity", f.ethnicity());
        if (f.districtId() != null) conds.put("district", String.valueOf(f.districtId()));
        if (f.agencyId() != null) conds.put("agency", String.valueOf(f.agencyId()));
        String mode = f.notificationsOnly() ? "N" : "R";
        String total = key(mode, f.firstYear(), f.lastYear(), conds);
        attack.published(total, page.total());
        for (String m : new String[] {"R", "N"}) {
            List<String> years = new ArrayList<>();
            for (int y = f.firstYear(); y <= f.lastYear(); y++) {
                years.add(key(m, y, y, conds));
                attack.atMost(key("R", y, y, conds), List.of(key("N", y, y, conds)));
            }
            attack.partition(key(m, f.firstYear(), f.lastYear(), conds), years);
        }
        attack.atMost(
                key("R", f.firstYear(), f.lastYear(), conds), List.of(key("N", f.firstYear(), f.lastYear(), conds)));
        Map<String, Integer> yearByLabel = new HashMap<>();
        for (int y = f.firstYear(); y <= f.lastYear(); y++) {
            yearByLabel.put(new FinancialYear(y).label(), y);
        }
        for (Figure figure : page.figures()) {
            String dim = figure.id();
            List<String> parts = new ArrayList<>();
            for (Figure.Row row : figure.rows()) {
                if (dim.equals("year")) {
                    int y = yearByLabel.get(row.label());
                    attack.published(key(mode, y, y, conds), row.cells().get(0).text());
                    if (row.cells().size() > 1) {
                        attack.published(
                                key("N", y, y, conds), row.cells().get(1).text());
                    }
                    continue;
                }
                String text = row.cells().get(0).text();
                if (dim.equals("agency")) {
                    String id = agencyByLabel.get(row.label());
                    TreeSet<String> involved = new TreeSet<>();
                    if (conds.containsKey("agency"))
                        involved.addAll(List.of(conds.get("agency").split("\\+")));
                    involved.add(String.valueOf(id));
                    TreeMap<String, String> c = new TreeMap<>(conds);
                    c.put("agency", String.join("+", involved));
                    String cell = key(mode, f.firstYear(), f.lastYear(), c);
                    attack.published(cell, text);
                    attack.atMost(total, List.of(cell));
                    continue;
                }
                String value = codes.get(dim).getOrDefault(row.label(), "none:" + row.label());
                if (conds.containsKey(dim)) {
                    if (conds.get(dim).equals(value)) {
                        parts.add(total);
                        attack.published(total, text);
                    } else {
                        attack.structural(text); // a child cannot be in two age bands: known to be 0
                    }
                    continue;
                }
                TreeMap<String, String> c = new TreeMap<>(conds);
                c.put(dim, value);
                String cell = key(mode, f.firstYear(), f.lastYear(), c);
                attack.published(cell, text);
                parts.add(cell);
            }
            if (!dim.equals("year") && !dim.equals("agency")) {
                attack.partition(total, parts);
            }
        }
    }

    private static String key(String mode, int first, int last, Map<String, String> conds) {
        return mode + "|" + first + "-" + last + "|" + conds;
    }

    private static DashboardRequest request(
            String ageBand, String gender, String ethnicity, String district, String agency) {
        return new DashboardRequest(null, null, ageBand, gender, ethnicity, district, agency, null, null, null, null);
    }

    private static Map<String, String> inverse(Map<String, String> vocabulary) {
        Map<String, String> inverse = new LinkedHashMap<>();
        vocabulary.forEach((code, label) -> inverse.put(label, code));
        return inverse;
    }
}
