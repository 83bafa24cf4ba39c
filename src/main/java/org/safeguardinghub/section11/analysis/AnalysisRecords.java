package org.safeguardinghub.section11.analysis;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.section11.ReturnStatus;
import org.safeguardinghub.section11.analysis.S11Maths.Expected;
import org.safeguardinghub.section11.analysis.S11Maths.Score;
import org.safeguardinghub.section11.templates.TemplateReader;
import org.safeguardinghub.section11.templates.TemplateStructure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads what a cycle's analysis needs, for one partnership: the agencies expected that serve it, their received
 * self-scores, the moderated scores its panel has agreed, the panel's themed notes and meeting notes.
 *
 * <p>The analysis compares agencies with each other, so it reads across agencies: callers check access first
 * (business team, or anyone of the partnership once the cycle is published), then {@link #acrossAgencies} runs the
 * reads with the system's database scope rather than the person's row-level agency scope, which would otherwise
 * leave an agency lead a heat map of one row.
 */
@Repository
public class AnalysisRecords {

    private final JdbcClient jdbc;
    private final TemplateReader templates;
    private final TransactionTemplate readOnly;

    AnalysisRecords(JdbcClient jdbc, TemplateReader templates, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.templates = templates;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.readOnly.setReadOnly(true);
    }

    public record Cycle(
            long id,
            String name,
            LocalDate opensOn,
            LocalDate closesOn,
            LocalDate moderationFrom,
            LocalDate moderationTo,
            @Nullable Long previousCycleId,
            @Nullable String previousName,
            @Nullable Instant publishedAt,
            @Nullable String publishedByName,
            int version,
            List<String> partnerships) {

        public boolean published() {
            return publishedAt != null;
        }

        /** The day it was published, in UK time. */
        public @Nullable LocalDate publishedOn() {
            return publishedAt == null ? null : LocalDate.ofInstant(publishedAt, java.time.ZoneId.of("Europe/London"));
        }
    }

    record ExpectedReturn(long returnId, long agencyId, String agencyName, String sector, ReturnStatus status) {

        Expected expected() {
            return new Expected(sector, status.received());
        }
    }

    record StandardHead(String code, String title) {}

    record ScaleLevel(int score, String label) {}

    record ThemeNote(String standardCode, String standardTitle, String kind, String agencyName, String note) {}

    record Meeting(LocalDate heldOn, String attendees, String notes, String returnsDiscussed) {}

    /** Everything one partnership's analysis of one cycle reads, loaded together. */
    record Loaded(
            List<ExpectedReturn> expected,
            List<Score> scores,
            List<Score> previousScores,
            List<StandardHead> standards,
            List<ScaleLevel> scale,
            List<ThemeNote> notes,
            List<Meeting> meetings) {}

    public Optional<Cycle> cycle(long cycleId) {
        List<String> partnerships =
                jdbc.sql("""
                        select p.short_name from s11_cycle_partnership cp join partnership_view p on p.id = cp.partnership_id
                        where cp.cycle_id = :c order by p.short_name""").param("c", cycleId).query(String.class).list();
        return jdbc.sql("""
                        select c.id, c.name, c.opens_on, c.closes_on, c.moderation_from, c.moderation_to,
                               c.previous_cycle_id, prev.name as previous_name, c.published_at, c.published_by_name,
                               c.version
                        from s11_cycle c left join s11_cycle prev on prev.id = c.previous_cycle_id
                        where c.id = :c""")
                .param("c", cycleId)
                .query((rs, n) -> {
                    Timestamp published = rs.getTimestamp("published_at");
                    long previous = rs.getLong("previous_cycle_id");
                    return new Cycle(
                            rs.getLong("id"),
                            rs.getString("name"),
                            rs.getObject("opens_on", LocalDate.class),
                            rs.getObject("closes_on", LocalDate.class),
                            rs.getObject("moderation_from", LocalDate.class),
                            rs.getObject("moderation_to", LocalDate.class),
                            rs.wasNull() ? null : previous,
                            rs.getString("previous_name"),
                            published == null ? null : published.toInstant(),
                            rs.getString("published_by_name"),
                            rs.getInt("version"),
                            partnerships);
                })
                .optional();
    }

    /** Loads the analysis of a cycle for a partnership; the caller has already checked the person may see it. */
    Loaded load(Cycle cycle, long partnershipId) {
        return acrossAgencies(() -> new Loaded(
                expected(cycle.id(), partnershipId),
                scores(cycle.id(), partnershipId),
                cycle.previousCycleId() == null ? List.of() : scores(cycle.previousCycleId(), partnershipId),
                standards(cycle.id()),
                scale(cycle.id()),
                notes(cycle.id(), partnershipId),
                meetings(cycle.id(), partnershipId)));
    }

    /**
     * Runs {@code reads} in a new read-only transaction whose connection carries the system's scope: the person's
     * security context is set aside while the connection is checked out (the scoped data source reads it then) and
     * put back afterwards, whatever happens.
     */
    <T> T acrossAgencies(Supplier<T> reads) {
        SecurityContext person = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(SecurityContextHolder.createEmptyContext());
        try {
            return readOnly.execute(status -> reads.get());
        } finally {
            SecurityContextHolder.setContext(person);
        }
    }

    private static final String SERVES = " " + """
            exists (select 1 from agency_partnership_view ap where ap.agency_id = r.agency_id and ap.partnership_id = :p)""";

    private List<ExpectedReturn> expected(long cycleId, long partnershipId) {
        return jdbc.sql("""
                        select r.id, r.agency_id, a.name, a.sector, r.status
                        from s11_return r join agency_view a on a.id = r.agency_id
                        where r.cycle_id = :c and """ + SERVES + " order by a.name")
                .param("c", cycleId)
                .param("p", partnershipId)
                .query((rs, n) -> new ExpectedReturn(
                        rs.getLong("id"),
                        rs.getLong("agency_id"),
                        rs.getString("name"),
                        rs.getString("sector"),
                        ReturnStatus.valueOf(rs.getString("status"))))
                .list();
    }

    /**
     * One row per expected agency and standard of its template. Self-scores count only once the return is
     * received (a draft is not the agency's assessment yet); moderated scores only once the partnership's panel
     * has agreed its final position on the return.
     */
    private List<Score> scores(long cycleId, long partnershipId) {
        return jdbc.sql("""
                        select r.agency_id, a.name, a.sector, s.code,
                               case when r.status in ('SUBMITTED', 'MODERATED') then resp.self_score end as self_score,
                               case when m.return_id is not null then ms.moderated_score end as moderated_score,
                               (select max((e ->> 'score')::int) from jsonb_array_elements(t.scale) e) as max_score
                        from s11_return r
                        join agency_view a on a.id = r.agency_id
                        join s11_template t on t.id = r.template_id
                        join s11_standard s on s.template_id = r.template_id
                        left join s11_response resp on resp.return_id = r.id and resp.standard_id = s.id
                        left join s11_moderation m on m.return_id = r.id and m.partnership_id = :p
                        left join s11_moderated_score ms on ms.return_id = r.id and ms.partnership_id = :p
                                                        and ms.standard_id = s.id
                        where r.cycle_id = :c and """ + SERVES + " order by a.name, r.agency_id, s.code")
                .param("c", cycleId)
                .param("p", partnershipId)
                .query((rs, n) -> new Score(
                        rs.getLong("agency_id"),
                        rs.getString("name"),
                        rs.getString("sector"),
                        rs.getString("code"),
                        rs.getObject("self_score", Integer.class),
                        rs.getObject("moderated_score", Integer.class),
                        rs.getInt("max_score")))
                .list();
    }

    /** Every standard code used by the cycle's templates, titled as in a core template where there is one. */
    private List<StandardHead> standards(long cycleId) {
        List<StandardHead> heads = new ArrayList<>(jdbc.sql("""
                        select distinct on (s.code) s.code, s.title
                        from s11_standard s join s11_template t on t.id = s.template_id
                        where s.template_id in (select template_id from s11_return where cycle_id = :c)
                        order by s.code, (t.variant = 'CORE') desc, t.version desc, t.id""")
                .param("c", cycleId)
                .query((rs, n) -> new StandardHead(rs.getString("code"), rs.getString("title")))
                .list());
        heads.sort((a, b) -> S11Maths.STANDARD_ORDER.compare(a.code(), b.code()));
        return heads;
    }

    /** The scale of the cycle's core template (or any of its templates), lowest first. */
    private List<ScaleLevel> scale(long cycleId) {
        Optional<Long> templateId =
                jdbc.sql("""
                        select t.id from s11_template t
                        where t.id in (select template_id from s11_return where cycle_id = :c)
                        order by (t.variant = 'CORE') desc, t.version desc, t.id limit 1""").param("c", cycleId).query(Long.class).optional();
        if (templateId.isEmpty()) {
            return List.of();
        }
        TemplateStructure template = templates.get(templateId.get());
        return template.scale().stream()
                .map(l -> new ScaleLevel(l.score(), l.label()))
                .toList();
    }

    private List<ThemeNote> notes(long cycleId, long partnershipId) {
        return jdbc.sql("""
                        select s.code, s.title, ms.note_kind, a.name, ms.note
                        from s11_moderated_score ms
                        join s11_return r on r.id = ms.return_id
                        join s11_standard s on s.id = ms.standard_id
                        join agency_view a on a.id = r.agency_id
                        where r.cycle_id = :c and ms.partnership_id = :p and ms.note_kind is not null
                          and btrim(ms.note) <> ''
                        order by s.code, ms.note_kind, a.name""")
                .param("c", cycleId)
                .param("p", partnershipId)
                .query((rs, n) -> new ThemeNote(
                        rs.getString("code"),
                        rs.getString("title"),
                        rs.getString("note_kind"),
                        rs.getString("name"),
                        rs.getString("note")))
                .list();
    }

    private List<Meeting> meetings(long cycleId, long partnershipId) {
        return jdbc.sql("""
                        select m.held_on, m.attendees, m.notes,
                               coalesce((select string_agg(a.name, ', ' order by a.name)
                                         from s11_panel_meeting_return mr
                                         join s11_return r on r.id = mr.return_id
                                         join agency_view a on a.id = r.agency_id
                                         where mr.meeting_id = m.id), '') as discussed
                        from s11_panel_meeting m
                        where m.cycle_id = :c and m.partnership_id = :p
                        order by m.held_on, m.id""")
                .param("c", cycleId)
                .param("p", partnershipId)
                .query((rs, n) -> new Meeting(
                        rs.getObject("held_on", LocalDate.class),
                        rs.getString("attendees"),
                        rs.getString("notes"),
                        rs.getString("discussed")))
                .list();
    }

    /** Records publication once; false when someone had already published it. */
    boolean publish(long cycleId, String byName) {
        return jdbc.sql("""
                        update s11_cycle set published_at = now(), published_by_name = :n, version = version + 1
                        where id = :c and published_at is null""").param("c", cycleId).param("n", byName).update() == 1;
    }

    static Map<String, String> titles(List<StandardHead> standards) {
        Map<String, String> titles = new LinkedHashMap<>();
        standards.forEach(s -> titles.put(s.code(), s.title()));
        return titles;
    }
}
