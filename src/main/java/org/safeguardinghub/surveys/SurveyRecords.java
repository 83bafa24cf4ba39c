package org.safeguardinghub.surveys;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of anonymous surveys: surveys with their questions, public links, responses and the counts the results are
 * made from. {@link Surveys} checks answers, keeps the audit trail and applies the small-number rule.
 */
@Repository
class SurveyRecords {

    private final JdbcClient jdbc;

    SurveyRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the survey with its questions in order; returns its id. */
    long insert(NewSurvey survey) {
        long id = jdbc.sql("""
                        insert into survey (partnership_id, title, introduction, owner_type, owner_id, opens_on,
                                            closes_on, created_by_name)
                        values (:p, :title, :intro, :ot, :oid, :opens, :closes, :by) returning id""")
                .param("p", survey.partnershipId())
                .param("title", survey.title())
                .param("intro", survey.introduction())
                .param("ot", survey.ownerType())
                .param("oid", survey.ownerId())
                .param("opens", survey.opensOn())
                .param("closes", survey.closesOn())
                .param("by", survey.createdByName())
                .query(Long.class)
                .single();
        int position = 0;
        for (NewSurvey.Question q : survey.questions()) {
            jdbc.sql("""
                            insert into survey_question (survey_id, position, code, text, hint, kind, tag, required)
                            values (:s, :pos, :code, :text, :hint, :kind, :tag, :req)""")
                    .param("s", id)
                    .param("pos", ++position)
                    .param("code", q.code())
                    .param("text", q.text())
                    .param("hint", q.hint())
                    .param("kind", q.kind().name())
                    .param("tag", q.tag())
                    .param("req", q.required())
                    .update();
        }
        return id;
    }

    /** Adds a public link; returns its id. */
    long insertLink(long surveyId, String token, String audienceLabel, @Nullable Long agencyId) {
        return jdbc.sql("""
                        insert into survey_link (survey_id, token, audience_label, agency_id)
                        values (:s, :t, :label, :a) returning id""")
                .param("s", surveyId)
                .param("t", token)
                .param("label", audienceLabel)
                .param("a", agencyId)
                .query(Long.class)
                .single();
    }

    Optional<SurveySummary> find(long surveyId) {
        return jdbc.sql("select * from survey where id = :id")
                .param("id", surveyId)
                .query(SurveyRecords::summary)
                .optional();
    }

    /** The survey belonging to a record, e.g. {@code ("s11-cycle", 12)}; the first one if there are several. */
    Optional<SurveySummary> findByOwner(String ownerType, long ownerId) {
        return jdbc.sql("select * from survey where owner_type = :t and owner_id = :id order by id limit 1")
                .param("t", ownerType)
                .param("id", ownerId)
                .query(SurveyRecords::summary)
                .optional();
    }

    List<SurveyQuestion> questions(long surveyId) {
        return jdbc.sql("select * from survey_question where survey_id = :s order by position")
                .param("s", surveyId)
                .query((rs, n) -> new SurveyQuestion(
                        rs.getLong("id"),
                        rs.getInt("position"),
                        rs.getString("code"),
                        rs.getString("text"),
                        rs.getString("hint"),
                        QuestionKind.valueOf(rs.getString("kind")),
                        rs.getString("tag"),
                        rs.getBoolean("required")))
                .list();
    }

    /** The survey's links in the order they were made, each with its number of responses. */
    List<SurveyLink> links(long surveyId) {
        return jdbc.sql("""
                        select l.*, (select count(*) from survey_response r where r.link_id = l.id) as responses
                        from survey_link l where l.survey_id = :s order by l.audience_label, l.id""").param("s", surveyId).query((rs, n) -> link(rs)).list();
    }

    /** The link with this token, if any (its responses are not counted). */
    Optional<SurveyLink> linkByToken(String token) {
        return jdbc.sql("select l.*, 0 as responses from survey_link l where l.token = :t")
                .param("t", token)
                .query((rs, n) -> link(rs))
                .optional();
    }

    /** The survey a link belongs to. */
    Optional<Long> surveyOfLink(long linkId) {
        return jdbc.sql("select survey_id from survey_link where id = :l")
                .param("l", linkId)
                .query(Long.class)
                .optional();
    }

    /** Stores one response with its answers by question id; returns the response's id. */
    long insertResponse(long surveyId, long linkId, Map<Long, String> answers, LocalDate submittedOn) {
        long response = jdbc.sql("""
                        insert into survey_response (survey_id, link_id, submitted_on) values (:s, :l, :d)
                        returning id""")
                .param("s", surveyId)
                .param("l", linkId)
                .param("d", submittedOn)
                .query(Long.class)
                .single();
        for (Map.Entry<Long, String> a : answers.entrySet()) {
            jdbc.sql("insert into survey_answer (response_id, question_id, value) values (:r, :q, :v)")
                    .param("r", response)
                    .param("q", a.getKey())
                    .param("v", a.getValue())
                    .update();
        }
        return response;
    }

    /** Answers counted per link, question and value (free-text answers counted under "TEXT"). */
    Map<Long, Map<Long, Map<String, Long>>> answerCounts(long surveyId) {
        // counts[link][question][value]
        Map<Long, Map<Long, Map<String, Long>>> counts = new HashMap<>();
        jdbc.sql("""
                        select r.link_id, a.question_id, a.value, count(*) as n
                        from survey_answer a join survey_response r on r.id = a.response_id
                        join survey_question q on q.id = a.question_id
                        where r.survey_id = :s and q.kind <> 'FREE_TEXT'
                        group by r.link_id, a.question_id, a.value
                        union all
                        select r.link_id, a.question_id, 'TEXT', count(*)
                        from survey_answer a join survey_response r on r.id = a.response_id
                        join survey_question q on q.id = a.question_id
                        where r.survey_id = :s and q.kind = 'FREE_TEXT'
                        group by r.link_id, a.question_id""")
                .param("s", surveyId)
                .query((rs, n) -> {
                    counts.computeIfAbsent(rs.getLong("link_id"), k -> new HashMap<>())
                            .computeIfAbsent(rs.getLong("question_id"), k -> new LinkedHashMap<>())
                            .merge(rs.getString("value"), rs.getLong("n"), Long::sum);
                    return 0;
                })
                .list();
        return counts;
    }

    /** Per tag and link: respondents, answers that apply, positive answers. */
    Map<String, Map<Long, long[]>> tagCounts(long surveyId) {
        // per link and tag: respondents, answers that apply, positive answers; links with none count 0
        Map<String, Map<Long, long[]>> tagCounts = new LinkedHashMap<>();
        jdbc.sql("""
                        select r.link_id, q.tag, count(distinct r.id) as respondents, count(*) as answers,
                               count(*) filter (where a.value in ('STRONGLY_AGREE', 'AGREE', 'YES')) as positive
                        from survey_answer a join survey_response r on r.id = a.response_id
                        join survey_question q on q.id = a.question_id
                        where r.survey_id = :s and q.tag is not null and q.kind <> 'FREE_TEXT'
                          and a.value <> 'NOT_APPLICABLE'
                        group by r.link_id, q.tag""")
                .param("s", surveyId)
                .query((rs, row) -> {
                    tagCounts
                            .computeIfAbsent(rs.getString("tag"), k -> new HashMap<>())
                            .put(rs.getLong("link_id"), new long[] {
                                rs.getLong("respondents"), rs.getLong("answers"), rs.getLong("positive")
                            });
                    return 0;
                })
                .list();
        return tagCounts;
    }

    static SurveySummary summary(ResultSet rs, int n) throws SQLException {
        long owner = rs.getLong("owner_id");
        Long ownerId = rs.wasNull() ? null : owner;
        return new SurveySummary(
                rs.getLong("id"),
                rs.getLong("partnership_id"),
                rs.getString("title"),
                rs.getString("introduction"),
                rs.getString("owner_type"),
                ownerId,
                rs.getObject("opens_on", LocalDate.class),
                rs.getObject("closes_on", LocalDate.class),
                rs.getString("created_by_name"));
    }

    private static SurveyLink link(ResultSet rs) throws SQLException {
        long agency = rs.getLong("agency_id");
        Long agencyId = rs.wasNull() ? null : agency;
        Timestamp closed = rs.getTimestamp("closed_at");
        return new SurveyLink(
                rs.getLong("id"),
                rs.getLong("survey_id"),
                rs.getString("token"),
                rs.getString("audience_label"),
                agencyId,
                closed == null ? null : closed.toInstant(),
                rs.getLong("responses"));
    }
}
