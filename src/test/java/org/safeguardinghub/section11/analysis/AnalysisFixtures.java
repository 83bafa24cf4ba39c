package org.safeguardinghub.section11.analysis;

import org.safeguardinghub.identity.signin.Principals;
import org.safeguardinghub.section11.Section11Fixtures;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A small analysed cycle for the analysis tests: a previous cycle and a current one in Kent, with one agency
 * moderated in both, one submitted but not moderated, and one not received. Unique names, so it never touches the
 * demo's cycles.
 */
public final class AnalysisFixtures {

    public final Section11Fixtures fx;
    private final JdbcClient jdbc;

    public long previousCycle;
    public long cycle;
    public long moderatedAgency;
    public long submittedAgency;
    public long missingAgency;
    public String moderatedName;
    public String submittedName;
    public String cycleName;
    public String themeText;

    public AnalysisFixtures(JdbcClient jdbc, Principals principals) {
        this.jdbc = jdbc;
        this.fx = new Section11Fixtures(jdbc, principals);
    }

    /** Builds the cycles in the given partnership. */
    public AnalysisFixtures build(long partnership) {
        long template = fx.template();
        moderatedAgency = fx.newAgency(partnership);
        submittedAgency = fx.newAgency(partnership);
        missingAgency = fx.newAgency(partnership);
        moderatedName = name(moderatedAgency);
        submittedName = name(submittedAgency);
        previousCycle = fx.cycle(Section11Fixtures.unique("S11 analysis 2024"), null, partnership);
        long before = fx.expect(previousCycle, moderatedAgency, template);
        fx.answerAll(before, 1);
        fx.submit(before);
        moderate(before, partnership, 1, null, null);

        cycleName = Section11Fixtures.unique("S11 analysis 2026");
        cycle = fx.cycle(cycleName, previousCycle, partnership);
        long moderated = fx.expect(cycle, moderatedAgency, template);
        fx.answerAll(moderated, 3);
        fx.submit(moderated);
        themeText = Section11Fixtures.unique("Escalation policy is not known to staff");
        moderate(moderated, partnership, 2, "S1", themeText);
        long submitted = fx.expect(cycle, submittedAgency, template);
        fx.answerAll(submitted, 2);
        fx.submit(submitted);
        fx.expect(cycle, missingAgency, template);
        return this;
    }

    private String name(long agency) {
        return jdbc.sql("select name from agency where id = :a")
                .param("a", agency)
                .query(String.class)
                .single();
    }

    /** Moderated score on every standard, a themed note on one, and the panel's agreed final position. */
    public void moderate(long returnId, long partnership, int score, String noteStandard, String note) {
        jdbc.sql("""
                        insert into s11_moderated_score (return_id, partnership_id, standard_id, agency_id,
                                                         moderated_score, note, note_kind, updated_by_name)
                        select r.id, :p, s.id, r.agency_id, :score,
                               case when s.code = :code then :note else '' end,
                               case when s.code = :code then 'EMERGING_THEME' end, 'Test'
                        from s11_return r join s11_standard s on s.template_id = r.template_id where r.id = :r""")
                .param("r", returnId)
                .param("p", partnership)
                .param("score", score)
                .param("code", noteStandard == null ? "" : noteStandard)
                .param("note", note == null ? "" : note)
                .update();
        jdbc.sql("""
                        insert into s11_moderation (return_id, partnership_id, agency_id, final_position, feedback,
                                                    agreed_by_name)
                        select id, :p, agency_id, 'PARTLY_ASSURED', 'Test feedback', 'Test' from s11_return
                        where id = :r""").param("r", returnId).param("p", partnership).update();
        jdbc.sql("update s11_return set status = 'MODERATED' where id = :r")
                .param("r", returnId)
                .update();
    }
}
