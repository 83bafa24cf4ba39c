package org.safeguardinghub.casereviews.demo;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.casereviews.demo.DemoCase.Child;
import org.safeguardinghub.casereviews.demo.DemoCase.Context;
import org.safeguardinghub.casereviews.demo.DemoCase.Member;
import org.safeguardinghub.casereviews.demo.DemoCase.RapidReview;
import org.safeguardinghub.casereviews.demo.DemoCase.Referral;
import org.safeguardinghub.casereviews.demo.DemoCase.Request;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the partnership's ids by name and writes generated cases, in batches, into the case review tables. */
@Component
class CaseWriter {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    CaseWriter(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    Context context(long partnershipId) {
        String shortName = jdbc.sql("select short_name from partnership_view where id = :p")
                .param("p", partnershipId)
                .query(String.class)
                .single();
        Map<String, Long> districts = new LinkedHashMap<>();
        jdbc.sql("select id, name from district_view where partnership_id = :p and archived_at is null order by name")
                .param("p", partnershipId)
                .query(rs -> {
                    districts.put(rs.getString("name"), rs.getLong("id"));
                });
        Map<String, Long> agencies = new LinkedHashMap<>();
        jdbc.sql("""
                        select a.id, a.name from agency_view a join agency_partnership_view ap on ap.agency_id = a.id
                        where ap.partnership_id = :p order by a.name
                        """).param("p", partnershipId).query(rs -> {
            agencies.put(rs.getString("name"), rs.getLong("id"));
        });
        Map<String, Long> themes = new LinkedHashMap<>();
        jdbc.sql("select id, name from learning_theme_view").query(rs -> {
            themes.put(rs.getString("name"), rs.getLong("id"));
        });
        Long learning = group(partnershipId, "Learning and Improvement Group");
        Long rapid = group(partnershipId, "Rapid Review Group");
        return new Context(partnershipId, shortName, districts, agencies, themes, learning, rapid);
    }

    private @Nullable Long group(long partnershipId, String name) {
        return jdbc.sql("select id from partnership_group_view where partnership_id = :p and name = :n")
                .param("p", partnershipId)
                .param("n", name)
                .query(Long.class)
                .optional()
                .orElse(null);
    }

    static OffsetDateTime at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(LONDON).toOffsetDateTime();
    }

    /** Writes the referrals with their children, agencies, themes, rapid reviews and agency requests. */
    void write(Context ctx, List<Referral> referrals) {
        writeReferrals(ctx, referrals);
        List<SqlParameterSource> themes = new ArrayList<>();
        writeDetails(ctx, referrals, themes);
        writeRapidReviews(ctx, referrals, themes);
    }

    private void writeReferrals(Context ctx, List<Referral> referrals) {
        List<SqlParameterSource> rows = new ArrayList<>();
        for (Referral r : referrals) {
            rows.add(new MapSqlParameterSource()
                    .addValue("p", ctx.partnershipId())
                    .addValue("ref", r.reference)
                    .addValue("status", r.status)
                    .addValue("source", r.source)
                    .addValue("incident", r.incident)
                    .addValue("aware", r.laAware)
                    .addValue("harm", r.harm)
                    .addValue("abuse", r.abuse)
                    .addValue("inCare", r.children.stream().anyMatch(c -> "CHILD_IN_CARE".equals(c.statutoryStatus())))
                    .addValue("summary", r.summary)
                    .addValue("notifier", r.notifierName)
                    .addValue("role", r.notifierRole)
                    .addValue("agency", r.notifierAgency)
                    .addValue("submitted", at(r.submitted, 10))
                    .addValue("nd", r.nationalDecision)
                    .addValue("ndBy", r.nationalDecision == null ? null : "Priya Shah")
                    .addValue(
                            "ndReason",
                            r.nationalDecision == null
                                    ? null
                                    : "NOTIFY".equals(r.nationalDecision)
                                            ? "Serious harm with abuse or neglect suspected: the criteria are met."
                                            : "Criteria not met; referred to the practice review group.")
                    .addValue("ldBy", r.localDecision == null ? null : "Practice Review Group")
                    .addValue(
                            "ldReason",
                            r.localDecision == null
                                    ? null
                                    : "LOCAL_REVIEW".equals(r.localDecision)
                                            ? "Multi-agency learning worth a local review."
                                            : "Learning captured through single-agency actions.")
                    .addValue("ndOn", r.nationalDecisionOn)
                    .addValue("notified", r.notifiedOn)
                    .addValue("ld", r.localDecision)
                    .addValue("ldOn", r.localDecisionOn)
                    .addValue("closed", r.closedOn));
        }
        batch("""
                insert into referral (partnership_id, reference, status, source, incident_date, la_aware_date, harm,
                    abuse_or_neglect, child_in_care, incident_summary, notifier_name, notifier_role,
                    notifier_organisation, notifier_agency_id, rationale, created_at, updated_at, submitted_at,
                    national_decision, national_decision_on, national_decision_by, national_decision_reason,
                    notified_on, local_decision, local_decision_on, local_decision_by, local_decision_reason,
                    closed_on)
                values (:p, :ref, :status, :source, :incident, :aware, :harm, :abuse, :inCare, :summary, :notifier,
                    :role, (select name from agency_view where id = :agency), :agency,
                    'The criteria for a serious incident notification may be met.', :submitted, :submitted,
                    :submitted, :nd, :ndOn, :ndBy, :ndReason, :notified, :ld, :ldOn, :ldBy, :ldReason,
                    :closed)
                """, rows);
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("select id, reference from referral where reference = any(:refs)")
                .param("refs", referrals.stream().map(r -> r.reference).toArray(String[]::new))
                .query(rs -> {
                    ids.put(rs.getString("reference"), rs.getLong("id"));
                });
        referrals.forEach(r -> r.id = ids.get(r.reference));
    }

    private void writeDetails(Context ctx, List<Referral> referrals, List<SqlParameterSource> themes) {
        List<SqlParameterSource> children = new ArrayList<>();
        List<SqlParameterSource> agencies = new ArrayList<>();
        List<SqlParameterSource> rapid = new ArrayList<>();
        for (Referral r : referrals) {
            for (int i = 0; i < r.children.size(); i++) {
                Child c = r.children.get(i);
                children.add(new MapSqlParameterSource()
                        .addValue("r", r.id)
                        .addValue("pos", i + 1)
                        .addValue("age", c.ageYears())
                        .addValue("band", c.ageBand())
                        .addValue("gender", c.gender())
                        .addValue("eth", c.ethnicity())
                        .addValue("dis", c.disability())
                        .addValue("status", c.statutoryStatus())
                        .addValue("district", c.districtId()));
            }
            for (long a : r.agencies) {
                agencies.add(new MapSqlParameterSource().addValue("r", r.id).addValue("a", a));
            }
            for (String t : r.themes) {
                themes.add(theme(ctx, "REFERRAL", r.id, t, r.submitted));
            }
            if (r.rapid != null) {
                RapidReview rr = r.rapid;
                rapid.add(new MapSqlParameterSource()
                        .addValue("p", ctx.partnershipId())
                        .addValue("r", r.id)
                        .addValue("meeting", rr.meetingOn())
                        .addValue("outcome", rr.outcome())
                        .addValue("other", rr.otherType())
                        .addValue("reason", rr.reason())
                        .addValue("completed", rr.completedOn()));
            }
        }
        batch("""
                insert into referral_child (referral_id, position, age_years, age_band, gender, ethnicity, disability,
                    statutory_status, district_id)
                values (:r, :pos, :age, :band, :gender, :eth, :dis, :status, :district)
                """, children);
        batch("insert into referral_agency (referral_id, agency_id) values (:r, :a)", agencies);
        batch("""
                insert into rapid_review (partnership_id, referral_id, meeting_on, outcome, other_review_type,
                    outcome_reason, completed_on, sent_to_panel_on)
                values (:p, :r, :meeting, :outcome, :other, :reason, :completed, :completed)
                """, rapid);
    }

    private void writeRapidReviews(Context ctx, List<Referral> referrals, List<SqlParameterSource> themes) {
        Map<Long, Long> rapidIds = new HashMap<>();
        jdbc.sql("select id, referral_id from rapid_review where referral_id = any(:ids)")
                .param("ids", referrals.stream().map(r -> r.id).toArray(Long[]::new))
                .query(rs -> {
                    rapidIds.put(rs.getLong("referral_id"), rs.getLong("id"));
                });
        List<SqlParameterSource> members = new ArrayList<>();
        List<SqlParameterSource> requests = new ArrayList<>();
        for (Referral r : referrals) {
            if (r.rapid == null) {
                continue;
            }
            long rapidId = rapidIds.get(r.id);
            for (String t : r.rapid.themes()) {
                themes.add(theme(ctx, "RAPID_REVIEW", rapidId, t, r.rapid.meetingOn()));
            }
            for (Member m : r.rapid.members()) {
                members.add(new MapSqlParameterSource()
                        .addValue("rr", rapidId)
                        .addValue("name", m.name())
                        .addValue("role", m.role())
                        .addValue("a", m.agencyId()));
            }
            for (Request q : r.rapid.requests()) {
                requests.add(request(ctx, r.id, null, q));
            }
        }
        batch(
                "insert into rapid_review_member (rapid_review_id, person_name, role, agency_id)"
                        + " values (:rr, :name, :role, :a)",
                members);
        requests(requests);
        batch("""
                insert into case_theme (partnership_id, owner_type, owner_id, theme_id, tagged_on)
                values (:p, :type, :owner, :theme, :on) on conflict do nothing
                """, themes);
    }

    static MapSqlParameterSource theme(Context ctx, String type, long owner, String theme, LocalDate on) {
        Long id = ctx.themes().get(theme);
        if (id == null) {
            throw new IllegalStateException("Demo learning theme missing: " + theme);
        }
        return new MapSqlParameterSource()
                .addValue("p", ctx.partnershipId())
                .addValue("type", type)
                .addValue("owner", owner)
                .addValue("theme", id)
                .addValue("on", on);
    }

    static MapSqlParameterSource request(Context ctx, @Nullable Long referralId, @Nullable Long reviewId, Request q) {
        boolean answered = q.answeredOn() != null;
        return new MapSqlParameterSource()
                .addValue("p", ctx.partnershipId())
                .addValue("r", referralId)
                .addValue("pr", reviewId)
                .addValue("a", q.agencyId())
                .addValue("kind", q.kind())
                .addValue(
                        "question",
                        switch (q.kind()) {
                            case "CHRONOLOGY" ->
                                "Please send your agency's chronology of involvement with the child and"
                                        + " family for the last 12 months.";
                            case "AGENCY_REPORT" ->
                                "Please provide your agency report for the review panel, using the"
                                        + " partnership's template.";
                            default ->
                                "Please summarise your agency's involvement with the child and family, and any"
                                        + " early learning.";
                        })
                .addValue("requested", q.requestedOn())
                .addValue("due", q.dueOn())
                .addValue("status", answered ? "ANSWERED" : "REQUESTED")
                .addValue(
                        "response",
                        answered
                                ? "Summary provided: contacts, decisions and the information we held are set out, with"
                                        + " early reflections on what could have been done differently."
                                : null)
                .addValue("answered", q.answeredOn())
                .addValue("by", answered ? "Agency safeguarding lead" : null);
    }

    void requests(List<SqlParameterSource> requests) {
        batch("""
                insert into agency_request (partnership_id, referral_id, practice_review_id, agency_id, kind,
                    question, requested_on, due_on, requested_by_name, status, response, answered_on,
                    answered_by_name)
                values (:p, :r, :pr, :a, :kind, :question, :requested, :due, 'Priya Shah', :status, :response,
                    :answered, :by)
                """, requests);
    }

    void batch(String sql, List<SqlParameterSource> rows) {
        if (!rows.isEmpty()) {
            named.batchUpdate(sql, rows.toArray(SqlParameterSource[]::new));
        }
    }
}
