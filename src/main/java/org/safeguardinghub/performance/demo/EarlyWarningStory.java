package org.safeguardinghub.performance.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.performance.IndicatorValuesChanged;
import org.safeguardinghub.performance.PerformanceAccess;
import org.safeguardinghub.performance.earlywarning.EarlyWarning;
import org.safeguardinghub.performance.earlywarning.EpisodeRecords;
import org.safeguardinghub.platform.events.PendingEvents;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.platform.security.Audience;
import org.safeguardinghub.platform.security.Permission;
import org.safeguardinghub.platform.web.ConcurrentEditException;
import org.safeguardinghub.tasks.TaskRequested;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * What a partnership that has used the Hub for a while has already recorded about early warning in the Kent demo,
 * so a new user does not open a home page full of drifts whose causes the partnership knows. Demo mode only, once
 * (skipped when KSCMP has recorded any change or acknowledged any episode), after the fictional history (310): on a
 * fresh demo database and on an existing one from an earlier version (whose episodes are first found by a scan).
 *
 * <p>The business officer (the demo account Priya Shah) records through {@link EpisodeRecords}, the service behind
 * the "record a change" and "acknowledge" forms, so each record has its audit row. The real figures quoted come from
 * Kent's published figures (KSCMP annual report 2023-24, "Kent Safeguarding Context in Numbers"); every other cause
 * and action is fictional and says so. The rise in missing children episodes is left open: it is the demo's genuine
 * current early warning and its task stays on the business team's home page.
 */
@Component
@ConditionalOnProperty(name = "hub.demo", havingValue = "true")
@Order(320)
class EarlyWarningStory implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(EarlyWarningStory.class);
    static final String OFFICER_EMAIL = "business@example.org";

    /** A change in the process an indicator measures: control limits re-based from {@code from} on. */
    record Change(String indicator, LocalDate from, String reason) {}

    /** An acknowledgement of the indicator's current episode going {@code direction}: cause known, action taken. */
    record Note(String indicator, String cause, String action) {}

    static final List<Change> CHANGES = List.of(
            new Change(
                    "cp_plans",
                    LocalDate.of(2024, 4, 30),
                    "Fictional (demo): from April 2024 plans step down to child in need support at the first review"
                            + " conference where safe to do so. Children on a plan fell from 1,336 (31 March 2023) to"
                            + " 1,212 (31 March 2024), Kent's published figures, and have held near that level."),
            new Change(
                    "cp_rate",
                    LocalDate.of(2024, 4, 30),
                    "Fictional (demo): as for children on a plan, the step-down at first review from April 2024."
                            + " The count fell from 1,336 to 1,212 between March 2023 and March 2024 (published)."));

    static final List<Note> NOTES = List.of(
            new Note(
                    "elective_home_education",
                    "Children educated at home rose from 3,423 to 4,073 in 2023-24 (+19.0%, Kent's published"
                            + " figures) and have kept rising. The demo months after March 2024 are fictional.",
                    "The EHE task and finish group reported on the rise; EHE guidance and a factsheet were published in"
                            + " December 2023 (published). Fictional (demo): the Education Safeguarding Group now"
                            + " reviews this figure each quarter."),
            new Note(
                    "cla_uasc",
                    "Unaccompanied asylum-seeking children in care rose from 438 to 500 in 2023-24 (+14.2%, Kent's"
                            + " published figures). The demo months after March 2024 are fictional.",
                    "Fictional (demo): reported to the UASC Partnership Board; placement sufficiency is on its"
                            + " action plan and the board reports back to the Executive Board each quarter."),
            new Note(
                    "cla_rate",
                    "Children in care per 10,000 rose with the number of unaccompanied asylum-seeking children in care"
                            + " (438 to 500 in 2023-24, published); Kent children in care fell from 1,503 to 1,463.",
                    "Fictional (demo): followed through the UASC Partnership Board with the UASC figure; no separate"
                            + " action."),
            new Note(
                    "cp_disability",
                    "Children on a child protection plan who have a disability rose from 98 to 114 in 2023-24 (+16.3%,"
                            + " Kent's published figures).",
                    "Fictional (demo): a multi-agency audit of plans for disabled children is on the Learning and"
                            + " Improvement Group's programme; the figure is reviewed again at its next meeting."),
            new Note(
                    "cp_plans",
                    "Fictional (demo): the step-down to child in need support at first review from April 2024 (recorded"
                            + " as a change).",
                    "Fictional (demo): the Scrutiny and Challenge Group sampled plans ended at first review; no"
                            + " concerns about children stepped down too early."),
            new Note(
                    "cp_rate",
                    "Fictional (demo): the step-down to child in need support at first review from April 2024 (recorded"
                            + " as a change).",
                    "Fictional (demo): followed with the count of children on a plan; no separate action."));

    private final JdbcClient jdbc;
    private final EarlyWarning earlyWarning;
    private final EpisodeRecords records;
    private final PendingEvents pendingEvents;

    EarlyWarningStory(JdbcClient jdbc, EarlyWarning earlyWarning, EpisodeRecords records, PendingEvents pendingEvents) {
        this.jdbc = jdbc;
        this.earlyWarning = earlyWarning;
        this.records = records;
        this.pendingEvents = pendingEvents;
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
        boolean pending = jdbc.sql("""
                        select exists (select 1 from data_value where partnership_id = :p and fictional)
                           and not exists (select 1 from spc_change where partnership_id = :p)
                           and not exists (select 1 from spc_episode where partnership_id = :p
                                                                       and acknowledged_at is not null)""").param("p", p).query(Boolean.class).single();
        Optional<Officer> officer = officer(p);
        if (!pending || officer.isEmpty()) {
            return;
        }
        // an existing demo database finds its episodes here; a fresh one refreshes those the history's scan found
        earlyWarning.scan(p);
        awaitTaskEvents();
        SecurityContextHolder.getContext()
                .setAuthentication(new UsernamePasswordAuthenticationToken(officer.get(), null, List.of()));
        int changes = 0;
        int notes = 0;
        try {
            for (Change c : CHANGES) {
                Optional<Long> indicator = indicator(p, c.indicator());
                if (indicator.isPresent()) {
                    records.recordChange(officer.get(), indicator.get(), c.from(), c.reason());
                    changes++;
                }
            }
            awaitTaskEvents(); // the changes' re-scans raise and close tasks too
            for (Note n : NOTES) {
                for (Episode e : currentEpisodes(p, n.indicator())) {
                    try {
                        records.acknowledge(officer.get(), e.id(), e.version(), n.cause(), n.action());
                        notes++;
                    } catch (ConcurrentEditException alreadyDone) {
                        // another node starting at the same moment acknowledged it first
                    }
                }
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
        awaitTaskEvents();
        records.resolveTasksOfAcknowledged(p);
        log.info("Demo: {} early-warning changes recorded and {} episodes acknowledged for KSCMP", changes, notes);
    }

    private record Episode(long id, int version) {}

    private List<Episode> currentEpisodes(long p, String code) {
        return jdbc.sql("""
                        select s.id, s.version from spc_episode s join indicator i on i.id = s.indicator_id
                        where s.partnership_id = :p and i.code = :code and s.ended_at is null
                          and s.acknowledged_at is null""")
                .param("p", p)
                .param("code", code)
                .query((rs, n) -> new Episode(rs.getLong("id"), rs.getInt("version")))
                .list();
    }

    private Optional<Long> indicator(long p, String code) {
        return jdbc.sql("select id from indicator where partnership_id = :p and code = :code and archived_at is null")
                .param("p", p)
                .param("code", code)
                .query(Long.class)
                .optional();
    }

    /**
     * Waits (up to 30 s) until the tasks raised by earlier scans exist, so an acknowledgement's "task resolved" is
     * not handled before the task it closes has been raised (both are handled after commit, on other threads).
     */
    private void awaitTaskEvents() {
        long until = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < until) {
            long incomplete = pendingEvents.count(TaskRequested.class, IndicatorValuesChanged.class);
            if (incomplete == 0) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        log.warn("Demo: early-warning tasks still being raised after 30 s; acknowledging anyway");
    }

    private Optional<Officer> officer(long p) {
        return jdbc.sql("select id, display_name, agency_id from app_user_view where email = :e")
                .param("e", OFFICER_EMAIL)
                .query((rs, n) -> new Officer(
                        rs.getLong("id"), rs.getString("display_name"), rs.getObject("agency_id", Long.class), p))
                .optional();
    }

    /** The demo's business officer, acting in KSCMP as the business team does on the early-warning forms. */
    record Officer(
            long userId, String displayName, @Nullable Long agencyId, long partnershipId) implements Actor {

        @Override
        public boolean seesAllAgencies() {
            return true;
        }

        @Override
        public String partnershipName() {
            return "KSCMP";
        }

        @Override
        public boolean can(Permission permission) {
            return PerformanceAccess.RETURNS_REVIEW.equals(permission);
        }

        @Override
        public Set<String> roleNames() {
            return Set.of(Audience.BUSINESS_TEAM.roleName());
        }
    }
}
