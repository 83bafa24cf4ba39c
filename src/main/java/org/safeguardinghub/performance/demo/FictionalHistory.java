package org.safeguardinghub.performance.demo;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.calendar.WorkingDayCalendar;
import org.safeguardinghub.performance.catalogue.Breakdown;
import org.safeguardinghub.performance.catalogue.Catalogue;
import org.safeguardinghub.performance.catalogue.DataItem;
import org.safeguardinghub.performance.catalogue.Frequency;
import org.safeguardinghub.performance.compute.IndicatorCalculator;
import org.safeguardinghub.performance.earlywarning.EarlyWarning;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fictional monthly history for the Kent demo, so the scorecard, charts and early warning have years of figures to
 * show. Demo mode only, once (skipped when KSCMP already has a fictional value), after the catalogue (200) and
 * Kent's published figures (300).
 *
 * <p>For each monthly item that Kent County Council, Kent Police or NELFT supplies: a value for every month from
 * April 2021 to September 2026, and October 2026 for Kent County Council, drawn around a level that follows Kent's
 * published figures where they exist (children on a plan 1,336 in March 2023 and 1,212 in March 2024; missing
 * episodes about 470 a month, 5,644 and 5,684 a year; NELFT referrals about 1,660 a month) with seeded random noise
 * (seed {@value #SEED}: the same history on every machine). Items returned by district are split across the
 * partnership's districts so the districts add up to the total; the under-18 population is added for each financial
 * year end. A published figure is never overwritten (insert ... on conflict do nothing) and where one exists the
 * districts are split from it. One shift is built in on purpose: missing episodes rise steadily for the last six
 * months, the latest two well above the upper control limit, so early warning has something real to show.
 *
 * <p>Each agency's months become data returns, accepted by "Demo data" through the DEMO channel, except Kent County
 * Council's October 2026 return, which is submitted and waiting for the business team, and Kent Police's October
 * 2026 return, which does not exist (the chasing job raises it as due). Values are fictional, source DEMO, with
 * {@link #PROVENANCE}; the under-18 population comes in Kent County Council's accepted annual returns. Only accepted
 * figures become indicator values, so the submitted October 2026 figures show nowhere until the business team
 * accepts them. Then indicator values are recomputed and early warning scans them, so the signals and the business
 * team's tasks exist on first start.
 */
@Component
@ConditionalOnProperty(name = "hub.demo", havingValue = "true")
@Order(310)
class FictionalHistory implements ApplicationRunner {

    static final long SEED = 2026;
    static final String PROVENANCE = "Fictional demo history (generated, seed 2026)";
    static final YearMonth FIRST = YearMonth.of(2021, 4);
    static final YearMonth LAST = YearMonth.of(2026, 9);
    static final YearMonth LAST_KCC = YearMonth.of(2026, 10);
    static final String KCC = "Kent County Council";
    static final String POLICE = "Kent Police";
    static final String NELFT = "North East London NHS Foundation Trust";
    static final String DEMO = "Demo data";

    private static final Logger log = LoggerFactory.getLogger(FictionalHistory.class);

    /** A level that moves linearly between anchors (month, level), and the noise around it as a share of it. */
    record Profile(List<Anchor> anchors, double noise) {
        static Profile flat(double level, double noise) {
            return new Profile(List.of(new Anchor(FIRST, level)), noise);
        }

        static Profile of(double noise, Object... monthLevel) {
            List<Anchor> anchors = new ArrayList<>();
            for (int i = 0; i < monthLevel.length; i += 2) {
                anchors.add(new Anchor(
                        YearMonth.parse((String) monthLevel[i]), ((Number) monthLevel[i + 1]).doubleValue()));
            }
            return new Profile(anchors, noise);
        }

        double level(YearMonth month) {
            if (anchors.size() == 1 || !month.isAfter(anchors.get(0).month())) {
                return anchors.get(0).level();
            }
            for (int i = 1; i < anchors.size(); i++) {
                Anchor a = anchors.get(i - 1);
                Anchor b = anchors.get(i);
                if (!month.isAfter(b.month())) {
                    double span = a.month().until(b.month(), java.time.temporal.ChronoUnit.MONTHS);
                    double at = a.month().until(month, java.time.temporal.ChronoUnit.MONTHS);
                    return a.level() + (b.level() - a.level()) * at / span;
                }
            }
            return anchors.get(anchors.size() - 1).level();
        }
    }

    record Anchor(YearMonth month, double level) {}

    /** Levels near Kent's published figures (catalogue section 3 and the published figures file). */
    static final Map<String, Profile> PROFILES = Map.ofEntries(
            Map.entry("cin_count", Profile.of(0.015, "2021-04", 9600, "2026-10", 9900)),
            Map.entry("cin_plans", Profile.flat(2350, 0.02)),
            Map.entry(
                    "cp_plans", Profile.of(0.012, "2021-04", 1290, "2023-03", 1336, "2024-03", 1212, "2026-10", 1225)),
            Map.entry("cp_plans_second_time", Profile.of(0.04, "2021-04", 320, "2024-03", 290, "2026-10", 285)),
            Map.entry(
                    "cp_plans_disability",
                    Profile.of(0.06, "2021-04", 90, "2023-03", 98, "2024-03", 114, "2026-10", 110)),
            Map.entry(
                    "cla_total", Profile.of(0.008, "2021-04", 1880, "2023-03", 1941, "2024-03", 1963, "2026-10", 1990)),
            Map.entry("cla_uasc", Profile.of(0.03, "2021-04", 400, "2023-03", 438, "2024-03", 500, "2026-10", 520)),
            Map.entry("ola_placements", Profile.flat(1300, 0.02)),
            Map.entry("csws_referrals", Profile.flat(1850, 0.05)),
            Map.entry("csws_re_referrals", Profile.flat(560, 0.06)),
            Map.entry("s47_enquiries", Profile.flat(450, 0.06)),
            Map.entry("front_door_contacts", Profile.flat(4100, 0.04)),
            Map.entry("early_help_children", Profile.flat(5200, 0.02)),
            Map.entry("early_help_families", Profile.flat(2500, 0.02)),
            Map.entry(
                    "missing_episodes",
                    Profile.of(0.05, "2021-04", 470, "2023-03", 470, "2024-03", 474, "2026-04", 474)),
            Map.entry(
                    "private_fostering", Profile.of(0.08, "2021-04", 30, "2023-03", 30, "2024-03", 26, "2026-10", 27)),
            Map.entry(
                    "elective_home_education",
                    Profile.of(0.01, "2021-04", 2900, "2023-03", 3423, "2024-03", 4073, "2026-10", 4400)),
            Map.entry("children_in_custody", Profile.flat(150, 0.07)),
            Map.entry("police_protections", Profile.flat(45, 0.12)),
            Map.entry("da_notifications_child", Profile.flat(70, 0.1)),
            Map.entry(
                    "nelft_referrals",
                    Profile.of(0.04, "2021-04", 1650, "2023-03", 1663, "2024-03", 1666, "2026-10", 1670)));

    /** The deliberate shift: missing episodes in the last six months (May to October 2026), rising each month. */
    static final Map<YearMonth, Integer> MISSING_SHIFT = Map.of(
            YearMonth.of(2026, 5), 492,
            YearMonth.of(2026, 6), 508,
            YearMonth.of(2026, 7), 527,
            YearMonth.of(2026, 8), 548,
            YearMonth.of(2026, 9), 583,
            YearMonth.of(2026, 10), 612);

    /** Under-18 population at each financial year end (mid-year estimates; 2023 and 2024 are published). */
    static final Map<LocalDate, Integer> POPULATION = Map.of(
            LocalDate.of(2021, 3, 31), 339_500,
            LocalDate.of(2022, 3, 31), 337_800,
            LocalDate.of(2023, 3, 31), 336_209,
            LocalDate.of(2024, 3, 31), 342_400,
            LocalDate.of(2025, 3, 31), 345_100,
            LocalDate.of(2026, 3, 31), 347_300);

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate transaction;
    private final Catalogue catalogue;
    private final IndicatorCalculator calculator;
    private final EarlyWarning earlyWarning;

    FictionalHistory(
            JdbcClient jdbc,
            JdbcTemplate batch,
            TransactionTemplate transaction,
            Catalogue catalogue,
            IndicatorCalculator calculator,
            EarlyWarning earlyWarning) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.transaction = transaction;
        this.catalogue = catalogue;
        this.calculator = calculator;
        this.earlyWarning = earlyWarning;
    }

    @Override
    public void run(ApplicationArguments args) {
        Optional<Long> kent = jdbc.sql("select id from partnership_view where short_name = 'KSCMP'")
                .query(Long.class)
                .optional();
        if (kent.isEmpty()) {
            return;
        }
        long p = kent.get();
        boolean done = jdbc.sql("select exists (select 1 from data_value where partnership_id = :p and fictional)")
                .param("p", p)
                .query(Boolean.class)
                .single();
        if (done) {
            return;
        }
        long started = System.currentTimeMillis();
        Integer written = transaction.execute(status -> load(p));
        if (written == null || written == 0) {
            return;
        }
        calculator.recomputeAll(p);
        EarlyWarning.ScanResult scan = earlyWarning.scan(p);
        log.info(
                "Demo: {} fictional monthly values for KSCMP, {} current early-warning episodes, in {} ms",
                written,
                scan.current(),
                System.currentTimeMillis() - started);
    }

    /** Writes the history and its returns; the number of values written (0 when the catalogue is not loaded). */
    int load(long p) {
        Map<String, Long> agencies = new HashMap<>();
        jdbc.sql("select id, name from agency_view where name in (:names)")
                .param("names", List.of(KCC, POLICE, NELFT))
                .query((rs, n) -> agencies.put(rs.getString("name"), rs.getLong("id")))
                .list();
        List<DataItem> items = catalogue.items(p).stream()
                .filter(i -> i.sourceAgencyId() != null && agencies.containsValue(i.sourceAgencyId()))
                .filter(i -> i.frequency() == Frequency.MONTHLY || i.code().equals("population_u18"))
                .toList();
        if (items.isEmpty() || !agencies.containsKey(KCC)) {
            log.warn("Demo: no monthly catalogue items for KSCMP yet, fictional history skipped");
            return 0;
        }
        List<String> districts = jdbc.sql("""
                        select name from district_view where partnership_id = :p and archived_at is null order by name""").param("p", p).query(String.class).list();
        // published totals already there: the history passes through them and districts are split from them
        Map<String, BigDecimal> published = published(p);

        Random random = new Random(SEED);
        double[] weights = new double[districts.size()];
        for (int d = 0; d < weights.length; d++) {
            weights[d] = 0.6 + random.nextDouble();
        }
        long kcc = agencies.get(KCC);
        Map<String, Long> returns = returns(p, agencies);

        List<Object[]> values = new ArrayList<>();
        for (DataItem item : items) {
            long agency = item.sourceAgencyId();
            boolean byDistrict = item.breakdowns().contains(Breakdown.DISTRICT) && !districts.isEmpty();
            if (item.frequency() != Frequency.MONTHLY) {
                for (Map.Entry<LocalDate, Integer> e : new java.util.TreeMap<>(POPULATION).entrySet()) {
                    long total = total(published, item, e.getKey(), e.getValue());
                    Long returnId = returns.get(agency + "|" + item.frequency() + "|" + e.getKey());
                    add(values, p, item, agency, returnId, e.getKey(), "", "", total, true);
                    if (byDistrict) {
                        addDistricts(values, p, item, agency, returnId, e.getKey(), districts, weights, total, true);
                    }
                }
                continue;
            }
            Profile profile = PROFILES.getOrDefault(item.code(), Profile.flat(100, 0.08));
            YearMonth last = agency == kcc ? LAST_KCC : LAST;
            for (YearMonth m = FIRST; !m.isAfter(last); m = m.plusMonths(1)) {
                LocalDate end = m.atEndOfMonth();
                double level = profile.level(m);
                long generated = Math.max(0, Math.round(level * (1 + profile.noise() * random.nextGaussian())));
                if (item.code().equals("missing_episodes") && MISSING_SHIFT.containsKey(m)) {
                    generated = MISSING_SHIFT.get(m);
                }
                long total = total(published, item, end, generated);
                boolean accepted = !(agency == kcc && m.equals(LAST_KCC));
                Long returnId = returns.get(agency + "|MONTHLY|" + end);
                add(values, p, item, agency, returnId, end, "", "", total, accepted);
                if (byDistrict) {
                    addDistricts(values, p, item, agency, returnId, end, districts, weights, total, accepted);
                }
            }
        }
        int written = insertValues(values);
        linkPublishedToReturns(p);
        return written;
    }

    /** Published totals by "data item id|period end". */
    private Map<String, BigDecimal> published(long p) {
        Map<String, BigDecimal> published = new HashMap<>();
        jdbc.sql("""
                        select data_item_id, period_end, value from data_value
                        where partnership_id = :p and breakdown_kind = '' and breakdown_value = ''""")
                .param("p", p)
                .query((rs, n) -> published.put(
                        rs.getLong("data_item_id") + "|" + rs.getObject("period_end", LocalDate.class),
                        rs.getBigDecimal("value")))
                .list();
        return published;
    }

    /** Inserts the values (skipping any already there); the number written. */
    private int insertValues(List<Object[]> values) {
        int[][] counts = batch.batchUpdate("""
                insert into data_value (partnership_id, data_item_id, agency_id, return_id, period_end, breakdown_kind,
                                        breakdown_value, value, first_value, source, provenance, fictional,
                                        updated_by_name)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'DEMO', ?, true, ?)
                on conflict (data_item_id, agency_id, period_end, breakdown_kind, breakdown_value) do nothing""", values, 500, (ps, row) -> {
            for (int i = 0; i < row.length; i++) {
                ps.setObject(i + 1, row[i]);
            }
        });
        int written = 0;
        for (int[] chunk : counts) {
            for (int c : chunk) {
                written += Math.max(c, 0);
            }
        }
        return written;
    }

    /** Puts the published monthly figures into the same returns. */
    private void linkPublishedToReturns(long p) {
        jdbc.sql("""
                        update data_value v set return_id = r.id
                        from data_return r
                        where v.partnership_id = :p and v.return_id is null and r.partnership_id = v.partnership_id
                          and r.agency_id = v.agency_id and r.frequency = 'MONTHLY' and r.period_end = v.period_end
                          and v.data_item_id in (select id from data_item where partnership_id = :p
                                                 and frequency = 'MONTHLY')""").param("p", p).update();
    }

    /**
     * One return per agency and month: accepted, except Kent County Council's last (submitted); and Kent County
     * Council's accepted annual returns of the under-18 population. Keyed "agency|frequency|period end".
     */
    private Map<String, Long> returns(long p, Map<String, Long> agencies) {
        WorkingDayCalendar calendar = WorkingDayCalendar.england();
        List<Object[]> rows = new ArrayList<>();
        for (Map.Entry<String, Long> agency : agencies.entrySet()) {
            boolean kcc = agency.getKey().equals(KCC);
            YearMonth last = kcc ? LAST_KCC : LAST;
            for (YearMonth m = FIRST; !m.isAfter(last); m = m.plusMonths(1)) {
                LocalDate end = m.atEndOfMonth();
                LocalDate due = calendar.addWorkingDays(end, 15);
                LocalDateTime submitted = calendar.addWorkingDays(end, 9).atTime(10, 30);
                boolean accepted = !(kcc && m.equals(LAST_KCC));
                rows.add(new Object[] {
                    p,
                    agency.getValue(),
                    "MONTHLY",
                    m.atDay(1),
                    end,
                    due,
                    accepted ? "ACCEPTED" : "SUBMITTED",
                    Timestamp.valueOf(submitted),
                    DEMO,
                    accepted
                            ? Timestamp.valueOf(calendar.addWorkingDays(end, 14).atTime(15, 0))
                            : null,
                    accepted ? DEMO : null
                });
            }
            if (kcc) {
                // the under-18 population is an annual return of Kent County Council's, accepted each year
                for (LocalDate end : POPULATION.keySet()) {
                    rows.add(new Object[] {
                        p,
                        agency.getValue(),
                        "ANNUAL",
                        end.minusYears(1).plusDays(1),
                        end,
                        calendar.addWorkingDays(end, 15),
                        "ACCEPTED",
                        Timestamp.valueOf(calendar.addWorkingDays(end, 9).atTime(10, 30)),
                        DEMO,
                        Timestamp.valueOf(calendar.addWorkingDays(end, 14).atTime(15, 0)),
                        DEMO
                    });
                }
            }
        }
        batch.batchUpdate("""
                insert into data_return (partnership_id, agency_id, frequency, period_start, period_end, due_on,
                                         status, submitted_at, submitted_by_name, accepted_at, accepted_by_name,
                                         last_channel)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DEMO')
                on conflict (partnership_id, agency_id, frequency, period_end) do nothing""", rows, 500, (ps, row) -> {
            for (int i = 0; i < row.length; i++) {
                ps.setObject(i + 1, row[i]);
            }
        });
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("""
                        select id, agency_id, frequency, period_end from data_return
                        where partnership_id = :p and agency_id in (:agencies)""")
                .param("p", p)
                .param("agencies", List.copyOf(agencies.values()))
                .query((rs, n) -> ids.put(
                        rs.getLong("agency_id") + "|" + rs.getString("frequency") + "|"
                                + rs.getObject("period_end", LocalDate.class),
                        rs.getLong("id")))
                .list();
        return ids;
    }

    private static long total(Map<String, BigDecimal> published, DataItem item, LocalDate end, long generated) {
        BigDecimal value = published.get(item.id() + "|" + end);
        return value == null ? generated : value.longValue();
    }

    private static void add(
            List<Object[]> values,
            long p,
            DataItem item,
            long agency,
            @Nullable Long returnId,
            LocalDate end,
            String kind,
            String breakdown,
            long value,
            boolean accepted) {
        BigDecimal v = BigDecimal.valueOf(value);
        values.add(new Object[] {
            p, item.id(), agency, returnId, end, kind, breakdown, v, accepted ? v : null, PROVENANCE, DEMO
        });
    }

    /** Splits a total across the districts by fixed weights, largest remainders first, so they add up to it. */
    static long[] split(long total, double[] weights) {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        long[] parts = new long[weights.length];
        double[] remainders = new double[weights.length];
        long given = 0;
        for (int d = 0; d < weights.length; d++) {
            double exact = total * weights[d] / sum;
            parts[d] = (long) Math.floor(exact);
            remainders[d] = exact - parts[d];
            given += parts[d];
        }
        for (long left = total - given; left > 0; left--) {
            int best = 0;
            for (int d = 1; d < remainders.length; d++) {
                if (remainders[d] > remainders[best]) {
                    best = d;
                }
            }
            parts[best]++;
            remainders[best] = -1;
        }
        return parts;
    }

    private static void addDistricts(
            List<Object[]> values,
            long p,
            DataItem item,
            long agency,
            @Nullable Long returnId,
            LocalDate end,
            List<String> districts,
            double[] weights,
            long total,
            boolean accepted) {
        long[] parts = split(total, weights);
        for (int d = 0; d < parts.length; d++) {
            add(
                    values,
                    p,
                    item,
                    agency,
                    returnId,
                    end,
                    Breakdown.DISTRICT.name(),
                    districts.get(d),
                    parts[d],
                    accepted);
        }
    }
}
