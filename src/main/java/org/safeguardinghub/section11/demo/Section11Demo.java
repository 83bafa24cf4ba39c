package org.safeguardinghub.section11.demo;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.safeguardinghub.organisation.demo.DemoAgencies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Section 11 demo: a joint Kent and Medway cycle in 2024 (closed, moderated by both partnerships, published)
 * and its successor in 2026 (open, returns in every state), about 40 agencies expected in each.
 *
 * <p>Grounded in Kent's published history: the KSCMP annual report 2019-20 records 45 Section 11 audits received in
 * 2018-19 and "nearly 30 out of an expected return of 40" in 2020, returned every two years by the agencies serving
 * Kent and Medway; the KSCMP annual report 2023-24 describes the 2024 redesign (a shortened tool, fewer questions,
 * more time, moving to an online platform and a report comparing cycles). Agencies are real public bodies serving
 * Kent and/or Medway; the school, every score, every piece of evidence, every panel note and every person are
 * fictional, and the texts say so.
 *
 * <p>Runs after the template library is loaded (450) and before the staff survey demo (510) and the reminders
 * (520). Idempotent: does nothing if the 2024 cycle exists. One transaction, fixed random seed.
 */
@Component
@ConditionalOnProperty(name = "hub.demo", havingValue = "true")
@Order(500)
class Section11Demo implements ApplicationRunner {

    static final String CYCLE_2024 = "Kent and Medway Section 11 audit 2024";
    static final String CYCLE_2026 = "Kent and Medway Section 11 audit 2026";
    static final String FICTIONAL = " (Fictional demo text.)";

    private static final Logger log = LoggerFactory.getLogger(Section11Demo.class);

    /** Real public bodies added so about 40 are expected; which partnerships each serves. */
    private static final List<NewAgency> MORE_AGENCIES = List.of(
            new NewAgency("Medway NHS Foundation Trust", "HEALTH_PROVIDER", "HEALTH", true, true),
            new NewAgency("Medway Community Healthcare", "HEALTH_PROVIDER", "HEALTH", false, true),
            new NewAgency("British Transport Police", "OTHER", "POLICING", true, true),
            new NewAgency("Office of the Kent Police and Crime Commissioner", "OTHER", "POLICING", true, true),
            new NewAgency("EKC Group", "COLLEGE", "EDUCATION", true, false),
            new NewAgency("MidKent College", "COLLEGE", "EDUCATION", true, true),
            new NewAgency("University of Kent", "OTHER", "EDUCATION", true, false),
            new NewAgency("Canterbury Christ Church University", "OTHER", "EDUCATION", true, false),
            new NewAgency("Kent Housing Group", "OTHER", "LOCAL_GOVERNMENT", true, false),
            new NewAgency("Dover Harbour Board", "OTHER", "OTHER", true, false),
            new NewAgency("Diocese of Canterbury", "OTHER", "VOLUNTARY_AND_COMMUNITY", true, false));

    /** The state of each agency's 2026 return (names as in the demo's agency list). */
    private static final Map<String, String> STATUS_2026 = new LinkedHashMap<>();

    static {
        for (String a : List.of(
                "Kent County Council",
                "Kent Community Health NHS Foundation Trust",
                "Kent and Medway NHS and Social Care Partnership Trust",
                "East Kent Hospitals University NHS Foundation Trust",
                "Kent Fire and Rescue Service",
                "Kent, Surrey and Sussex Probation Service",
                "Ashford Borough Council",
                "Canterbury City Council",
                "Medway Council",
                "Young Lives Foundation")) {
            STATUS_2026.put(a, "MODERATED");
        }
        for (String a : List.of(
                "NHS Kent and Medway Integrated Care Board",
                "Maidstone and Tunbridge Wells NHS Trust",
                "Dartford and Gravesham NHS Trust",
                "South East Coast Ambulance Service NHS Foundation Trust",
                "Kent Youth Justice Service",
                "Children and Family Court Advisory and Support Service",
                "Dartford Borough Council",
                "Dover District Council",
                "Medway NHS Foundation Trust",
                "British Transport Police")) {
            STATUS_2026.put(a, "SUBMITTED");
        }
        for (String a : List.of(
                "Kent Police",
                "North East London NHS Foundation Trust",
                "Folkestone and Hythe District Council",
                "Gravesham Borough Council",
                "Maidstone Borough Council",
                "EKC Group",
                "MidKent College",
                "Medway Community Healthcare",
                "Office of the Kent Police and Crime Commissioner",
                "University of Kent")) {
            STATUS_2026.put(a, "IN_PROGRESS");
        }
        for (String a : List.of(
                "Hollowbrook Academy (fictional demo school)",
                "Sevenoaks District Council",
                "Swale Borough Council",
                "Thanet District Council",
                "Tonbridge and Malling Borough Council",
                "Tunbridge Wells Borough Council",
                "Canterbury Christ Church University",
                "Kent Housing Group",
                "Dover Harbour Board",
                "Diocese of Canterbury")) {
            STATUS_2026.put(a, "NOT_STARTED");
        }
    }

    /** The two agencies whose 2024 returns never arrived (38 of 40 received). */
    private static final Set<String> MISSED_2024 = Set.of("Dover Harbour Board", "Diocese of Canterbury");

    private static final String PANEL_EMAIL = "panel@example.org";

    record NewAgency(String name, String type, String sector, boolean kent, boolean medway) {}

    record Agency(long id, String name, String type, boolean kent, boolean medway) {}

    record Template(long id, List<Standard> standards, List<Long> sections) {}

    record Standard(long id, String code) {}

    record Panel(long userId, long agencyId) {}

    /** What one run works with, and the 2024 results the 2026 cycle builds on. */
    private static final class Story {
        final long kent;
        final long medway;
        final List<Agency> agencies;
        final Random random;
        final Panel panel;
        final Template core2024;
        final Template core2026;
        final Template district;
        final Template schools;
        final Map<Long, Double> strength = new LinkedHashMap<>();
        final Map<Long, Long> returns2024 = new LinkedHashMap<>();
        final Map<Long, Map<String, Integer>> scores2024 = new LinkedHashMap<>();
        int assigned;
        int challenged;

        Story(
                long kent,
                long medway,
                List<Agency> agencies,
                Random random,
                Panel panel,
                Template core2024,
                Template core2026,
                Template district,
                Template schools) {
            this.kent = kent;
            this.medway = medway;
            this.agencies = agencies;
            this.random = random;
            this.panel = panel;
            this.core2024 = core2024;
            this.core2026 = core2026;
            this.district = district;
            this.schools = schools;
        }
    }

    private final JdbcClient jdbc;
    private final DemoReturns returns;
    private final DemoAgencies demoAgencies;

    Section11Demo(JdbcClient jdbc, DemoReturns returns, DemoAgencies demoAgencies) {
        this.jdbc = jdbc;
        this.returns = returns;
        this.demoAgencies = demoAgencies;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        jdbc.sql("select pg_advisory_xact_lock(7311)").query().singleValue();
        if (jdbc.sql("select count(*) from s11_cycle where name = :n")
                        .param("n", CYCLE_2024)
                        .query(Long.class)
                        .single()
                > 0) {
            return;
        }
        Optional<Long> kentId = partnership("KSCMP");
        Optional<Long> medwayId = partnership("MSCP");
        Optional<Template> core2024 = template("km-s11", 1);
        Optional<Template> core2026 = template("km-s11", 2);
        Optional<Template> district = template("km-s11-district", 1);
        Optional<Template> schools = template("km-s175", 1);
        if (kentId.isEmpty()
                || medwayId.isEmpty()
                || core2024.isEmpty()
                || core2026.isEmpty()
                || district.isEmpty()
                || schools.isEmpty()) {
            log.warn("Section 11 demo skipped: the Kent and Medway partnerships or the template library are missing");
            return;
        }
        long kent = kentId.get();
        long medway = medwayId.get();
        addAgencies(kent, medway);
        List<Agency> agencies = agencies(kent, medway);
        Random random = new Random(2026);
        Panel panel = panel();
        Story s = new Story(
                kent, medway, agencies, random, panel, core2024.get(), core2026.get(), district.get(), schools.get());
        long cycle2024 = cycle2024(s);
        cycle2026(s, cycle2024);
        log.info(
                "Section 11 demo loaded: {} and {} with {} agencies expected", CYCLE_2024, CYCLE_2026, agencies.size());
    }

    /** The 2024 cycle: closed, 38 of 40 returns received and moderated by both partnerships, published. */
    private long cycle2024(Story s) {
        long cycle2024 = returns.cycle(
                CYCLE_2024,
                LocalDate.of(2024, 3, 4),
                LocalDate.of(2024, 6, 28),
                LocalDate.of(2024, 7, 1),
                LocalDate.of(2024, 10, 31),
                null,
                s.kent,
                s.medway);
        jdbc.sql("update s11_cycle set published_at = :at, published_by_name = 'Priya Shah' where id = :c")
                .param("at", OffsetDateTime.of(2024, 11, 20, 10, 0, 0, 0, ZoneOffset.UTC))
                .param("c", cycle2024)
                .update();
        List<Long> kentReturns2024 = new ArrayList<>();
        List<Long> medwayReturns2024 = new ArrayList<>();
        returns2024(s, cycle2024, kentReturns2024, medwayReturns2024);
        meetings2024(s, cycle2024, kentReturns2024, medwayReturns2024);
        return cycle2024;
    }

    private void returns2024(Story s, long cycle2024, List<Long> kentReturns2024, List<Long> medwayReturns2024) {
        int day = 0;
        for (Agency a : s.agencies) {
            s.strength.put(a.id(), 1.5 + s.random.nextDouble() * 1.2);
            Template t = templateFor(a, s.core2024, s.district, s.schools);
            long r = returns.expect(cycle2024, a, t);
            s.returns2024.put(a.id(), r);
            if (MISSED_2024.contains(a.name())) {
                if (a.name().equals("Dover Harbour Board")) {
                    Map<String, Integer> partial = DemoReturns.selfScores(t, s.strength.get(a.id()), s.random, 3);
                    returns.respond(r, a, t, partial, false, "IN_PROGRESS");
                    returns.started(r, OffsetDateTime.of(2024, 5, 20, 9, 0, 0, 0, ZoneOffset.UTC));
                }
                continue;
            }
            Map<String, Integer> self = DemoReturns.selfScores(
                    t, s.strength.get(a.id()), s.random, t.standards().size());
            s.scores2024.put(a.id(), self);
            returns.respond(r, a, t, self, true, "MODERATED");
            returns.submit(
                    r, OffsetDateTime.of(2024, 5, 1, 9, 0, 0, 0, ZoneOffset.UTC).plusDays(day++ % 58), "MODERATED");
            for (long p : served(a, s.kent, s.medway)) {
                returns.moderate(r, a, t, p, self, s.random, true, null);
                (p == s.kent ? kentReturns2024 : medwayReturns2024).add(r);
            }
        }
    }

    private void meetings2024(Story s, long cycle2024, List<Long> kentReturns2024, List<Long> medwayReturns2024) {
        returns.meeting(
                cycle2024,
                s.kent,
                LocalDate.of(2024, 9, 12),
                first(kentReturns2024, 0, 10),
                "Chris Evans (chair, designated nurse), Priya Shah (business officer), three peer reviewers from the"
                        + " police, education and district councils",
                "The panel moderated the first ten returns. Common theme: escalation policy awareness is low across"
                        + " agencies; the business team will add escalation questions to the 2026 tool.");
        returns.meeting(
                cycle2024,
                s.kent,
                LocalDate.of(2024, 10, 17),
                first(kentReturns2024, 10, 22),
                "Chris Evans (chair), Priya Shah, two lay members, peer reviewers from health and the voluntary sector",
                "Returns were stronger on safer recruitment than in 2022. The panel agreed to publish a themes"
                        + " document alongside the analysis.");
        if (!medwayReturns2024.isEmpty()) {
            returns.meeting(
                    cycle2024,
                    s.medway,
                    LocalDate.of(2024, 9, 26),
                    first(medwayReturns2024, 0, 8),
                    "Medway business manager, Chris Evans, peer reviewers from Medway Council and the police",
                    "Medway's panel moderated the returns of agencies serving Medway. Information sharing out of"
                            + " hours was a common gap.");
        }
    }

    /** The 2026 cycle: open, returns in every state, moderation under way. */
    private void cycle2026(Story s, long cycle2024) {
        long cycle2026 = returns.cycle(
                CYCLE_2026,
                LocalDate.of(2026, 9, 14),
                LocalDate.of(2026, 12, 11),
                LocalDate.of(2026, 10, 1),
                LocalDate.of(2027, 1, 29),
                cycle2024,
                s.kent,
                s.medway);

        List<Long> kentReturns2026 = new ArrayList<>();
        int index = 0;
        for (Agency a : s.agencies) {
            String status = STATUS_2026.getOrDefault(a.name(), "NOT_STARTED");
            Template t = templateFor(a, s.core2026, s.district, s.schools);
            long r = returns.expect(cycle2026, a, t);
            double improved = s.strength.get(a.id()) + 0.25 + s.random.nextDouble() * 0.3;
            index++;
            switch (status) {
                case "IN_PROGRESS" -> inProgress2026(s, r, a, t, improved, index);
                case "SUBMITTED", "MODERATED" ->
                    submitted2026(s, r, a, t, improved, index, status, cycle2026, kentReturns2026);
                default -> {
                    // not started; Hollowbrook's 2024 return is there to carry forward
                }
            }
        }
        returns.meeting(
                cycle2026,
                s.kent,
                LocalDate.of(2026, 11, 5),
                first(kentReturns2026, 0, 6),
                "Chris Evans (chair, designated nurse), Priya Shah (business officer), peer reviewers from the"
                        + " police and district councils, one lay member",
                "First moderation meeting of the 2026 cycle. Escalation questions in S7 show better awareness than in"
                        + " 2024, but evidence of use is thin.");
    }

    private void inProgress2026(Story s, long r, Agency a, Template t, double improved, int index) {
        Long previous = s.returns2024.get(a.id());
        boolean carry =
                s.scores2024.containsKey(a.id()) && index % 2 == 0 || a.name().equals("Kent Police");
        returns.started(
                r, OffsetDateTime.of(2026, 9, 20, 9, 0, 0, 0, ZoneOffset.UTC).plusDays(index));
        if (carry && previous != null) {
            returns.carryForward(r, previous, a, t, s.scores2024.get(a.id()), s.random);
        } else {
            returns.respond(
                    r,
                    a,
                    t,
                    DemoReturns.selfScores(t, improved, s.random, 3 + s.random.nextInt(3)),
                    false,
                    "IN_PROGRESS");
        }
        if (index % 3 == 0) {
            returns.improvement(r, a, t, "S5", LocalDate.of(2027, 3, 31));
        }
    }

    private void submitted2026(
            Story s,
            long r,
            Agency a,
            Template t,
            double improved,
            int index,
            String status,
            long cycle2026,
            List<Long> kentReturns2026) {
        Map<String, Integer> self =
                DemoReturns.selfScores(t, improved, s.random, t.standards().size());
        returns.respond(r, a, t, self, true, status);
        returns.submit(
                r, OffsetDateTime.of(2026, 10, 5, 9, 0, 0, 0, ZoneOffset.UTC).plusDays(index % 40), status);
        returns.improvement(r, a, t, "S7", LocalDate.of(2027, 4, 30));
        if (index % 2 == 0) {
            returns.improvement(r, a, t, "S4", LocalDate.of(2027, 6, 30));
        }
        for (long p : served(a, s.kent, s.medway)) {
            boolean ownAgency = a.id() == s.panel.agencyId();
            if (status.equals("MODERATED")) {
                returns.moderate(r, a, t, p, self, s.random, true, s.panel);
                if (p == s.kent) {
                    kentReturns2026.add(r);
                }
            } else if (!ownAgency && p == s.kent && s.assigned < 6) {
                returns.assign(r, a, p, s.panel);
                returns.moderationTask(r, a, p, s.panel, cycle2026);
                s.assigned++;
                if (s.assigned % 2 == 1) {
                    // part-way through moderation: draft scores, not agreed yet
                    returns.moderate(r, a, t, p, self, s.random, false, s.panel);
                }
                if (s.challenged < 4) {
                    returns.challenge(r, a, t, p, s.panel, s.challenged % 2 == 0);
                    s.challenged++;
                }
            }
        }
    }

    private static List<Long> first(List<Long> list, int from, int to) {
        return list.subList(Math.min(from, list.size()), Math.min(to, list.size()));
    }

    private Optional<Long> partnership(String shortName) {
        return jdbc.sql("select id from partnership_view where short_name = :s")
                .param("s", shortName)
                .query(Long.class)
                .optional();
    }

    private Optional<Template> template(String code, int version) {
        Optional<Long> id = jdbc.sql("select id from s11_template where code = :c and version = :v")
                .param("c", code)
                .param("v", version)
                .query(Long.class)
                .optional();
        return id.map(t -> new Template(
                t,
                jdbc.sql("select id, code from s11_standard where template_id = :t order by code")
                        .param("t", t)
                        .query((rs, n) -> new Standard(rs.getLong("id"), rs.getString("code")))
                        .list(),
                jdbc.sql("select id from s11_section where template_id = :t order by position")
                        .param("t", t)
                        .query(Long.class)
                        .list()));
    }

    private void addAgencies(long kent, long medway) {
        for (NewAgency a : MORE_AGENCIES) {
            long id = demoAgencies.ensure(a.name(), a.type(), a.sector());
            if (a.kent()) {
                demoAgencies.serves(id, kent);
            }
            if (a.medway()) {
                demoAgencies.serves(id, medway);
            }
        }
    }

    /** The 40 agencies of the demo that exist, in a fixed order, with the partnerships they serve. */
    private List<Agency> agencies(long kent, long medway) {
        List<Agency> list = new ArrayList<>();
        for (String name : STATUS_2026.keySet()) {
            jdbc.sql("""
                            select a.id, a.name, a.agency_type,
                                   exists (select 1 from agency_partnership_view where agency_id = a.id and partnership_id = :k) as kent,
                                   exists (select 1 from agency_partnership_view where agency_id = a.id and partnership_id = :m) as medway
                            from agency_view a where a.name = :n and a.archived_at is null""")
                    .param("n", name)
                    .param("k", kent)
                    .param("m", medway)
                    .query((rs, n) -> new Agency(
                            rs.getLong("id"),
                            rs.getString("name"),
                            rs.getString("agency_type"),
                            rs.getBoolean("kent"),
                            rs.getBoolean("medway")))
                    .optional()
                    .filter(a -> a.kent() || a.medway())
                    .ifPresent(list::add);
        }
        return list;
    }

    static List<Long> served(Agency a, long kent, long medway) {
        List<Long> served = new ArrayList<>();
        if (a.kent()) {
            served.add(kent);
        }
        if (a.medway()) {
            served.add(medway);
        }
        return served;
    }

    private static Template templateFor(Agency a, Template core, Template district, Template schools) {
        return switch (a.type()) {
            case "DISTRICT_COUNCIL" -> district;
            case "SCHOOL", "COLLEGE", "EARLY_YEARS" -> schools;
            default -> core;
        };
    }

    private Panel panel() {
        return jdbc.sql("select id, agency_id from app_user_view where lower(email) = :e")
                .param("e", PANEL_EMAIL)
                .query((rs, n) -> new Panel(rs.getLong("id"), rs.getLong("agency_id")))
                .optional()
                .orElse(new Panel(-1, -1));
    }
}
