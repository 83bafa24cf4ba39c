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
import org.safeguardinghub.tasks.PersonTaskRequested;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
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

    private static final List<String> THEMES = List.of(
            "Several agencies could not show that staff know the multi-agency professional challenge and escalation"
                    + " policy; the panel asks for it to be covered in induction.",
            "Training records are held locally and agencies cannot say what share of staff are up to date.",
            "The voice of the child is described in policy but rarely evidenced in service changes.",
            "Information sharing with schools at weekends and in holidays depends on individual contacts.",
            "Safer recruitment checks are in place but allegations against staff are not always referred to the"
                    + " LADO within one working day.");
    private static final List<String> PRACTICE = List.of(
            "A children's reference group reviews new leaflets and website pages before they are published.",
            "Every team has a named escalation champion and escalations are logged and reviewed quarterly.",
            "Designated safeguarding leads meet monthly with the police schools officer to share concerns early.",
            "The board receives a safeguarding dashboard every quarter with training, supervision and audit figures.",
            "New starters shadow the safeguarding team for a day as part of induction.");

    record NewAgency(String name, String type, String sector, boolean kent, boolean medway) {}

    record Agency(long id, String name, String type, boolean kent, boolean medway) {}

    record Template(long id, List<Standard> standards, List<Long> sections) {}

    record Standard(long id, String code) {}

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    Section11Demo(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
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

        long cycle2024 = cycle(
                CYCLE_2024,
                LocalDate.of(2024, 3, 4),
                LocalDate.of(2024, 6, 28),
                LocalDate.of(2024, 7, 1),
                LocalDate.of(2024, 10, 31),
                null,
                kent,
                medway);
        jdbc.sql("update s11_cycle set published_at = :at, published_by_name = 'Priya Shah' where id = :c")
                .param("at", OffsetDateTime.of(2024, 11, 20, 10, 0, 0, 0, ZoneOffset.UTC))
                .param("c", cycle2024)
                .update();
        long cycle2026 = cycle(
                CYCLE_2026,
                LocalDate.of(2026, 9, 14),
                LocalDate.of(2026, 12, 11),
                LocalDate.of(2026, 10, 1),
                LocalDate.of(2027, 1, 29),
                cycle2024,
                kent,
                medway);

        Map<Long, Double> strength = new LinkedHashMap<>();
        Map<Long, Long> returns2024 = new LinkedHashMap<>();
        Map<Long, Map<String, Integer>> scores2024 = new LinkedHashMap<>();
        List<Long> kentReturns2024 = new ArrayList<>();
        List<Long> medwayReturns2024 = new ArrayList<>();
        int day = 0;
        for (Agency a : agencies) {
            strength.put(a.id(), 1.5 + random.nextDouble() * 1.2);
            Template t = templateFor(a, core2024.get(), district.get(), schools.get());
            long r = expect(cycle2024, a, t);
            returns2024.put(a.id(), r);
            if (MISSED_2024.contains(a.name())) {
                if (a.name().equals("Dover Harbour Board")) {
                    Map<String, Integer> partial = selfScores(t, strength.get(a.id()), random, 3);
                    respond(r, a, t, partial, false, "IN_PROGRESS");
                    started(r, OffsetDateTime.of(2024, 5, 20, 9, 0, 0, 0, ZoneOffset.UTC));
                }
                continue;
            }
            Map<String, Integer> self =
                    selfScores(t, strength.get(a.id()), random, t.standards().size());
            scores2024.put(a.id(), self);
            respond(r, a, t, self, true, "MODERATED");
            submit(r, OffsetDateTime.of(2024, 5, 1, 9, 0, 0, 0, ZoneOffset.UTC).plusDays(day++ % 58), "MODERATED");
            for (long p : served(a, kent, medway)) {
                moderate(r, a, t, p, self, random, true, null);
                (p == kent ? kentReturns2024 : medwayReturns2024).add(r);
            }
        }
        meeting(
                cycle2024,
                kent,
                LocalDate.of(2024, 9, 12),
                first(kentReturns2024, 0, 10),
                "Chris Evans (chair, designated nurse), Priya Shah (business officer), three peer reviewers from the"
                        + " police, education and district councils",
                "The panel moderated the first ten returns. Common theme: escalation policy awareness is low across"
                        + " agencies; the business team will add escalation questions to the 2026 tool.");
        meeting(
                cycle2024,
                kent,
                LocalDate.of(2024, 10, 17),
                first(kentReturns2024, 10, 22),
                "Chris Evans (chair), Priya Shah, two lay members, peer reviewers from health and the voluntary sector",
                "Returns were stronger on safer recruitment than in 2022. The panel agreed to publish a themes"
                        + " document alongside the analysis.");
        if (!medwayReturns2024.isEmpty()) {
            meeting(
                    cycle2024,
                    medway,
                    LocalDate.of(2024, 9, 26),
                    first(medwayReturns2024, 0, 8),
                    "Medway business manager, Chris Evans, peer reviewers from Medway Council and the police",
                    "Medway's panel moderated the returns of agencies serving Medway. Information sharing out of"
                            + " hours was a common gap.");
        }

        List<Long> kentReturns2026 = new ArrayList<>();
        int assigned = 0;
        int challenged = 0;
        int index = 0;
        for (Agency a : agencies) {
            String status = STATUS_2026.getOrDefault(a.name(), "NOT_STARTED");
            Template t = templateFor(a, core2026.get(), district.get(), schools.get());
            long r = expect(cycle2026, a, t);
            double improved = strength.get(a.id()) + 0.25 + random.nextDouble() * 0.3;
            index++;
            switch (status) {
                case "IN_PROGRESS" -> {
                    Long previous = returns2024.get(a.id());
                    boolean carry = scores2024.containsKey(a.id()) && index % 2 == 0
                            || a.name().equals("Kent Police");
                    started(
                            r,
                            OffsetDateTime.of(2026, 9, 20, 9, 0, 0, 0, ZoneOffset.UTC)
                                    .plusDays(index));
                    if (carry && previous != null) {
                        carryForward(r, previous, a, t, scores2024.get(a.id()), random);
                    } else {
                        respond(r, a, t, selfScores(t, improved, random, 3 + random.nextInt(3)), false, "IN_PROGRESS");
                    }
                    if (index % 3 == 0) {
                        improvement(r, a, t, "S5", LocalDate.of(2027, 3, 31));
                    }
                }
                case "SUBMITTED", "MODERATED" -> {
                    Map<String, Integer> self =
                            selfScores(t, improved, random, t.standards().size());
                    respond(r, a, t, self, true, status);
                    submit(
                            r,
                            OffsetDateTime.of(2026, 10, 5, 9, 0, 0, 0, ZoneOffset.UTC)
                                    .plusDays(index % 40),
                            status);
                    improvement(r, a, t, "S7", LocalDate.of(2027, 4, 30));
                    if (index % 2 == 0) {
                        improvement(r, a, t, "S4", LocalDate.of(2027, 6, 30));
                    }
                    for (long p : served(a, kent, medway)) {
                        boolean ownAgency = a.id() == panel.agencyId();
                        if (status.equals("MODERATED")) {
                            moderate(r, a, t, p, self, random, true, panel);
                            if (p == kent) {
                                kentReturns2026.add(r);
                            }
                        } else if (!ownAgency && p == kent && assigned < 6) {
                            assign(r, a, p, panel);
                            moderationTask(r, a, p, panel, cycle2026);
                            assigned++;
                            if (assigned % 2 == 1) {
                                // part-way through moderation: draft scores, not agreed yet
                                moderate(r, a, t, p, self, random, false, panel);
                            }
                            if (challenged < 4) {
                                challenge(r, a, t, p, panel, challenged % 2 == 0);
                                challenged++;
                            }
                        }
                    }
                }
                default -> {
                    // not started; Hollowbrook's 2024 return is there to carry forward
                }
            }
        }
        meeting(
                cycle2026,
                kent,
                LocalDate.of(2026, 11, 5),
                first(kentReturns2026, 0, 6),
                "Chris Evans (chair, designated nurse), Priya Shah (business officer), peer reviewers from the"
                        + " police and district councils, one lay member",
                "First moderation meeting of the 2026 cycle. Escalation questions in S7 show better awareness than in"
                        + " 2024, but evidence of use is thin.");
        log.info(
                "Section 11 demo loaded: {} and {} with {} agencies expected", CYCLE_2024, CYCLE_2026, agencies.size());
    }

    private static List<Long> first(List<Long> list, int from, int to) {
        return list.subList(Math.min(from, list.size()), Math.min(to, list.size()));
    }

    private Optional<Long> partnership(String shortName) {
        return jdbc.sql("select id from partnership where short_name = :s")
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
            long id = jdbc.sql("select id from agency where lower(name) = lower(:n)")
                    .param("n", a.name())
                    .query(Long.class)
                    .optional()
                    .orElseGet(() -> jdbc.sql("insert into agency (name, agency_type, sector) values (:n, :t, :s)"
                                    + " returning id")
                            .param("n", a.name())
                            .param("t", a.type())
                            .param("s", a.sector())
                            .query(Long.class)
                            .single());
            if (a.kent()) {
                serves(id, kent);
            }
            if (a.medway()) {
                serves(id, medway);
            }
        }
    }

    private void serves(long agency, long partnership) {
        jdbc.sql("insert into agency_partnership (agency_id, partnership_id) values (:a, :p) on conflict do nothing")
                .param("a", agency)
                .param("p", partnership)
                .update();
    }

    /** The 40 agencies of the demo that exist, in a fixed order, with the partnerships they serve. */
    private List<Agency> agencies(long kent, long medway) {
        List<Agency> list = new ArrayList<>();
        for (String name : STATUS_2026.keySet()) {
            jdbc.sql("""
                            select a.id, a.name, a.agency_type,
                                   exists (select 1 from agency_partnership where agency_id = a.id and partnership_id = :k) as kent,
                                   exists (select 1 from agency_partnership where agency_id = a.id and partnership_id = :m) as medway
                            from agency a where a.name = :n and a.archived_at is null""")
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

    private static List<Long> served(Agency a, long kent, long medway) {
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

    record Panel(long userId, long agencyId) {}

    private Panel panel() {
        return jdbc.sql("select id, agency_id from app_user where lower(email) = :e")
                .param("e", PANEL_EMAIL)
                .query((rs, n) -> new Panel(rs.getLong("id"), rs.getLong("agency_id")))
                .optional()
                .orElse(new Panel(-1, -1));
    }

    private long cycle(
            String name,
            LocalDate opens,
            LocalDate closes,
            LocalDate modFrom,
            LocalDate modTo,
            Long previous,
            long kent,
            long medway) {
        long id = jdbc.sql("""
                        insert into s11_cycle (name, opens_on, closes_on, moderation_from, moderation_to,
                                               previous_cycle_id, created_by_name)
                        values (:n, :o, :c, :mf, :mt, :prev, 'Priya Shah') returning id""")
                .param("n", name)
                .param("o", opens)
                .param("c", closes)
                .param("mf", modFrom)
                .param("mt", modTo)
                .param("prev", previous)
                .query(Long.class)
                .single();
        for (long p : List.of(kent, medway)) {
            jdbc.sql("insert into s11_cycle_partnership (cycle_id, partnership_id) values (:c, :p)")
                    .param("c", id)
                    .param("p", p)
                    .update();
        }
        return id;
    }

    private long expect(long cycle, Agency a, Template t) {
        return jdbc.sql("insert into s11_return (cycle_id, agency_id, template_id) values (:c, :a, :t) returning id")
                .param("c", cycle)
                .param("a", a.id())
                .param("t", t.id())
                .query(Long.class)
                .single();
    }

    /** Self-scores for the first {@code count} standards: the agency's strength plus a standard's own noise. */
    private static Map<String, Integer> selfScores(Template t, double strength, Random random, int count) {
        Map<String, Integer> scores = new LinkedHashMap<>();
        for (Standard s : t.standards().subList(0, Math.min(count, t.standards().size()))) {
            // S4 (children's views) and S7 (escalation) are the weaker standards in Kent's reports
            double bias = s.code().equals("S4") || s.code().equals("S7") ? -0.6 : 0.2;
            int score = (int) Math.round(strength + bias + random.nextGaussian() * 0.5);
            scores.put(s.code(), Math.max(0, Math.min(3, score)));
        }
        return scores;
    }

    private void respond(long r, Agency a, Template t, Map<String, Integer> scores, boolean complete, String status) {
        for (Standard s : t.standards()) {
            Integer score = scores.get(s.code());
            if (score == null) {
                continue;
            }
            jdbc.sql("""
                            insert into s11_response (return_id, standard_id, agency_id, self_score, evidence,
                                                      updated_by_name)
                            values (:r, :s, :a, :score, :evidence, 'Agency safeguarding lead')""")
                    .param("r", r)
                    .param("s", s.id())
                    .param("a", a.id())
                    .param("score", score)
                    .param("evidence", evidence(a, s.code(), score))
                    .update();
        }
        answers(r, a, scores.keySet());
        if (complete) {
            for (long section : t.sections()) {
                jdbc.sql("insert into s11_section_progress (return_id, section_id, agency_id, completed)"
                                + " values (:r, :s, :a, true)")
                        .param("r", r)
                        .param("s", section)
                        .param("a", a.id())
                        .update();
            }
        }
        if (status.equals("IN_PROGRESS")) {
            // received states are set by submit(), with the submission and declaration the schema requires
            jdbc.sql("update s11_return set status = 'IN_PROGRESS' where id = :r")
                    .param("r", r)
                    .update();
        }
    }

    private void answers(long r, Agency a, Set<String> codes) {
        jdbc.sql("""
                        insert into s11_answer (response_id, question_id, agency_id, value)
                        select resp.id, q.id, :a,
                               case q.kind when 'YES_NO' then 'YES'
                                           when 'EVIDENCE' then 'Policy and audit summary uploaded to the Hub.'
                                           else 'Described in the evidence for this standard.' end || :fictional
                        from s11_response resp
                        join s11_standard s on s.id = resp.standard_id
                        join s11_question q on q.standard_id = s.id
                        where resp.return_id = :r and s.code in (:codes)
                        on conflict do nothing""")
                .param("a", a.id())
                .param("r", r)
                .param("codes", List.copyOf(codes))
                .param("fictional", FICTIONAL)
                .update();
    }

    private static String evidence(Agency a, String code, int score) {
        String level = switch (score) {
            case 3 -> "The arrangements are embedded and tested by audit.";
            case 2 -> "The arrangements are in place; an audit found minor gaps we are closing.";
            case 1 -> "Some arrangements are in place; our action plan addresses the gaps.";
            default -> "We do not yet have these arrangements in place.";
        };
        return a.name() + ", " + code + ": " + level + FICTIONAL;
    }

    private void started(long r, OffsetDateTime at) {
        jdbc.sql("update s11_return set started_at = :at where id = :r")
                .param("at", at)
                .param("r", r)
                .update();
    }

    private void submit(long r, OffsetDateTime at, String status) {
        jdbc.sql("""
                        update s11_return set status = :st, started_at = :started, submitted_at = :at,
                               submitted_by_name = 'Agency safeguarding lead', declaration_name = 'Accountable officer',
                               declaration_role = 'Chief executive (fictional)', updated_at = :at
                        where id = :r""")
                .param("st", status)
                .param("started", at.minusDays(21))
                .param("at", at)
                .param("r", r)
                .update();
    }

    /** Moderated scores (the panel marks some down a point), themed notes, and if agreed a final position. */
    private void moderate(
            long r,
            Agency a,
            Template t,
            long partnership,
            Map<String, Integer> self,
            Random random,
            boolean agreed,
            @org.jspecify.annotations.Nullable Panel assignTo) {
        List<Integer> moderated = new ArrayList<>();
        for (Standard s : t.standards()) {
            Integer score = self.get(s.code());
            if (score == null) {
                continue;
            }
            int m = random.nextDouble() < 0.35 ? Math.max(0, score - 1) : score;
            moderated.add(m);
            String note = "";
            String kind = null;
            double roll = random.nextDouble();
            if (roll < 0.12) {
                kind = "EMERGING_THEME";
                note = THEMES.get(random.nextInt(THEMES.size())) + FICTIONAL;
            } else if (roll < 0.2 && m >= 2) {
                kind = "PROMISING_PRACTICE";
                note = PRACTICE.get(random.nextInt(PRACTICE.size())) + FICTIONAL;
            } else if (m < score) {
                note = "The evidence does not yet show the arrangements working in practice." + FICTIONAL;
            }
            jdbc.sql("""
                            insert into s11_moderated_score (return_id, partnership_id, standard_id, agency_id,
                                                             moderated_score, note, note_kind, updated_by_name,
                                                             version)
                            values (:r, :p, :s, :a, :m, :note, :kind, 'Chris Evans', 1)""")
                    .param("r", r)
                    .param("p", partnership)
                    .param("s", s.id())
                    .param("a", a.id())
                    .param("m", m)
                    .param("note", note)
                    .param("kind", kind)
                    .update();
        }
        if (!agreed) {
            return;
        }
        double mean = moderated.stream().mapToInt(Integer::intValue).average().orElse(0);
        String position = mean >= 2.5 ? "FULLY_ASSURED" : mean >= 1.5 ? "PARTLY_ASSURED" : "NOT_ASSURED";
        jdbc.sql("""
                        insert into s11_moderation (return_id, partnership_id, agency_id, final_position, feedback,
                                                    follow_up, agreed_by_name)
                        values (:r, :p, :a, :pos, :feedback, :follow, 'Chris Evans')""")
                .param("r", r)
                .param("p", partnership)
                .param("a", a.id())
                .param("pos", position)
                .param(
                        "feedback",
                        "The panel thanks " + a.name() + " for a clear return. Mean moderated score "
                                + String.format(java.util.Locale.UK, "%.1f", mean) + "." + FICTIONAL)
                .param(
                        "follow",
                        position.equals("FULLY_ASSURED")
                                ? ""
                                : "Send evidence of the escalation policy in use within three months." + FICTIONAL)
                .update();
        if (assignTo != null && partnership == kentOf(r)) {
            assign(r, a, partnership, assignTo);
        }
    }

    /** The Kent partnership's id: the demo's panel member is assigned Kent's moderation only. */
    private long kentOf(long returnId) {
        return partnership("KSCMP").orElse(-1L);
    }

    private void assign(long r, Agency a, long partnership, Panel panel) {
        if (panel.userId() <= 0 || panel.agencyId() == a.id()) {
            return; // never the panel member's own agency
        }
        jdbc.sql("""
                        insert into s11_assignment (return_id, partnership_id, panel_member_id, panel_member_agency,
                                                    return_agency_id, assigned_by_name)
                        values (:r, :p, :u, :ua, :a, 'Priya Shah') on conflict do nothing""")
                .param("r", r)
                .param("p", partnership)
                .param("u", panel.userId())
                .param("ua", panel.agencyId())
                .param("a", a.id())
                .update();
    }

    /** The assigned panel member's home task, as assigning on the page raises it (closed when agreed). */
    private void moderationTask(long r, Agency a, long partnership, Panel panel, long cycle) {
        if (panel.userId() <= 0 || panel.agencyId() == a.id()) {
            return;
        }
        events.publishEvent(new PersonTaskRequested(
                partnership,
                panel.userId(),
                "Moderate " + a.name() + "'s Section 11 return",
                "/section11/returns/" + r + "/moderation",
                jdbc.sql("select moderation_to from s11_cycle where id = :c")
                        .param("c", cycle)
                        .query(LocalDate.class)
                        .optional()
                        .orElse(null),
                "s11-moderate",
                r + "-" + panel.userId()));
    }

    private void challenge(long r, Agency a, Template t, long partnership, Panel panel, boolean answered) {
        Standard s7 = t.standards().stream()
                .filter(s -> s.code().equals("S7"))
                .findFirst()
                .orElse(t.standards().get(0));
        jdbc.sql("""
                        insert into s11_challenge (return_id, partnership_id, standard_id, agency_id, question,
                                                   asked_by, asked_by_name, asked_at, response, responded_by_name,
                                                   responded_at)
                        values (:r, :p, :s, :a, :q, :u, 'Chris Evans', :asked, :resp, :by, :at)""")
                .param("r", r)
                .param("p", partnership)
                .param("s", s7.id())
                .param("a", a.id())
                .param(
                        "q",
                        "How do you know front-line staff use the escalation policy? Please give an example from"
                                + " the last year." + FICTIONAL)
                .param("u", panel.userId())
                .param("asked", OffsetDateTime.of(2026, 11, 10, 14, 0, 0, 0, ZoneOffset.UTC))
                .param(
                        "resp",
                        answered
                                ? "Our escalation log shows twelve escalations since April, two to head of service level."
                                        + FICTIONAL
                                : null)
                .param("by", answered ? "Agency safeguarding lead" : null)
                .param("at", answered ? OffsetDateTime.of(2026, 11, 14, 11, 0, 0, 0, ZoneOffset.UTC) : null)
                .update();
    }

    /** Starts from the 2024 answers, matched by standard code, each marked for review; some already reviewed. */
    private void carryForward(long r, long previous, Agency a, Template t, Map<String, Integer> before, Random random) {
        jdbc.sql("update s11_return set carried_forward_from = :p where id = :r")
                .param("p", previous)
                .param("r", r)
                .update();
        int reviewed = 0;
        for (Standard s : t.standards()) {
            Integer score = before.get(s.code());
            if (score == null) {
                continue;
            }
            boolean done = reviewed < 3 && random.nextBoolean();
            if (done) {
                reviewed++;
            }
            jdbc.sql("""
                            insert into s11_response (return_id, standard_id, agency_id, self_score, evidence,
                                                      needs_review, updated_by_name)
                            values (:r, :s, :a, :score, :evidence, :review, 'Agency safeguarding lead')""")
                    .param("r", r)
                    .param("s", s.id())
                    .param("a", a.id())
                    .param("score", done ? Math.min(3, score + 1) : score)
                    .param("evidence", "Carried forward from 2024: " + evidence(a, s.code(), score))
                    .param("review", !done)
                    .update();
        }
        jdbc.sql("update s11_return set status = 'IN_PROGRESS' where id = :r")
                .param("r", r)
                .update();
    }

    private void improvement(long r, Agency a, Template t, String code, LocalDate due) {
        t.standards().stream()
                .filter(s -> s.code().equals(code))
                .findFirst()
                .ifPresent(s -> jdbc.sql("""
                        insert into s11_improvement (return_id, standard_id, agency_id, text, owner_name, due_on,
                                                     created_by_name)
                        values (:r, :s, :a, :text, :owner, :due, 'Agency safeguarding lead')""")
                        .param("r", r)
                        .param("s", s.id())
                        .param("a", a.id())
                        .param(
                                "text",
                                switch (code) {
                                    case "S7" ->
                                        "Brief every team on the Kent and Medway professional challenge and escalation"
                                                + " policy and log escalations." + FICTIONAL;
                                    case "S4" ->
                                        "Set up a young people's reference group to review service changes."
                                                + FICTIONAL;
                                    default ->
                                        "Bring safeguarding training records into one system and report completion to the"
                                                + " board quarterly." + FICTIONAL;
                                })
                        .param("owner", "Head of safeguarding, " + a.name())
                        .param("due", due)
                        .update());
    }

    private void meeting(
            long cycle,
            long partnership,
            LocalDate heldOn,
            List<Long> returnsDiscussed,
            String attendees,
            String notes) {
        long id = jdbc.sql("""
                        insert into s11_panel_meeting (cycle_id, partnership_id, held_on, attendees, notes,
                                                       created_by_name)
                        values (:c, :p, :d, :att, :notes, 'Priya Shah') returning id""")
                .param("c", cycle)
                .param("p", partnership)
                .param("d", heldOn)
                .param("att", attendees + FICTIONAL)
                .param("notes", notes + FICTIONAL)
                .query(Long.class)
                .single();
        for (long r : returnsDiscussed) {
            jdbc.sql("insert into s11_panel_meeting_return (meeting_id, return_id) values (:m, :r)")
                    .param("m", id)
                    .param("r", r)
                    .update();
        }
    }
}
