package org.safeguardinghub.section11.survey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.section11.survey.StaffSurveys.Cycle;
import org.safeguardinghub.section11.survey.StaffSurveys.ExpectedAgency;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of the Section 11 staff survey: the cycle and the agencies expected in it, for {@link StaffSurveys}, and what
 * the survey pages show beside the staff's answers: an agency's self-scores and the standards' titles.
 */
@Repository
public class StaffSurveyRecords {

    /** The agency's answer to a standard: its self-score (none if not scored) or not applicable. */
    public record SelfScore(String code, @Nullable Integer score, boolean notApplicable) {}

    private final JdbcClient jdbc;

    StaffSurveyRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Cycle> cycle(long cycleId) {
        return jdbc.sql("select id, name, opens_on, closes_on from s11_cycle where id = :id")
                .param("id", cycleId)
                .query(StaffSurveyRecords::cycle)
                .optional();
    }

    /** The cycle, holding its row lock until the transaction ends. */
    Cycle lockCycle(long cycleId) {
        return jdbc.sql("select id, name, opens_on, closes_on from s11_cycle where id = :id for update")
                .param("id", cycleId)
                .query(StaffSurveyRecords::cycle)
                .single();
    }

    private static Cycle cycle(ResultSet rs, int n) throws SQLException {
        return new Cycle(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getObject("opens_on", LocalDate.class),
                rs.getObject("closes_on", LocalDate.class));
    }

    List<ExpectedAgency> expected(long cycleId) {
        return jdbc.sql("""
                        select r.agency_id, a.name, r.id from s11_return r join agency_view a on a.id = r.agency_id
                        where r.cycle_id = :c order by a.name""")
                .param("c", cycleId)
                .query((rs, n) -> new ExpectedAgency(rs.getLong(1), rs.getString(2), rs.getLong(3)))
                .list();
    }

    /** The return's answers, by standard code. */
    public List<SelfScore> selfScores(long returnId) {
        return jdbc.sql("""
                        select s.code, r.self_score, r.not_applicable from s11_response r
                        join s11_standard s on s.id = r.standard_id where r.return_id = :r""")
                .param("r", returnId)
                .query((rs, n) -> new SelfScore(
                        rs.getString("code"),
                        rs.getObject("self_score", Integer.class),
                        rs.getBoolean("not_applicable")))
                .list();
    }

    /** Standard titles by code, from the templates the cycle's returns use (the newest template's title wins). */
    public Map<String, String> standardTitles(long cycleId) {
        Map<String, String> titles = new HashMap<>();
        jdbc.sql("""
                        select distinct on (s.code) s.code, s.title from s11_standard s
                        where s.template_id in (select template_id from s11_return where cycle_id = :c)
                        order by s.code, s.template_id desc""")
                .param("c", cycleId)
                .query((rs, n) -> titles.put(rs.getString(1), rs.getString(2)))
                .list();
        return titles;
    }
}
