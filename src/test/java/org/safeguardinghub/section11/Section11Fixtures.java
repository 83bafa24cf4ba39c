package org.safeguardinghub.section11;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.safeguardinghub.identity.signin.Principals;
import org.safeguardinghub.platform.security.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Section 11 test data with unique names, so tests never depend on (or disturb) the demo cycles: a small template,
 * cycles, expected returns, answers, submission and assignments, written straight to the tables.
 */
public final class Section11Fixtures {

    /** The standard codes of {@link #template()}, in order: two sections of two standards. */
    public static final List<String> STANDARDS = List.of("S1", "S2", "S5", "S7");

    private final JdbcClient jdbc;
    private final Principals principals;

    public Section11Fixtures(JdbcClient jdbc, Principals principals) {
        this.jdbc = jdbc;
        this.principals = principals;
    }

    public static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    public Actor actor(String email) {
        return (Actor) principals.loadUserByUsername(email);
    }

    public long partnership(String shortName) {
        return jdbc.sql("select id from partnership where short_name = :s")
                .param("s", shortName)
                .query(Long.class)
                .single();
    }

    public long kent() {
        return partnership("KSCMP");
    }

    public long medway() {
        return partnership("MSCP");
    }

    public long agency(String name) {
        return jdbc.sql("select id from agency where name = :n")
                .param("n", name)
                .query(Long.class)
                .single();
    }

    public long userId(String email) {
        return jdbc.sql("select id from app_user where lower(email) = lower(:e)")
                .param("e", email)
                .query(Long.class)
                .single();
    }

    /** A new agency serving the given partnerships. */
    public long newAgency(long... partnerships) {
        long id = jdbc.sql("insert into agency (name, agency_type, sector) values (:n, 'VOLUNTARY_SECTOR',"
                        + " 'VOLUNTARY_AND_COMMUNITY') returning id")
                .param("n", unique("S11 Test Agency"))
                .query(Long.class)
                .single();
        for (long p : partnerships) {
            jdbc.sql("insert into agency_partnership (agency_id, partnership_id) values (:a, :p)")
                    .param("a", id)
                    .param("p", p)
                    .update();
        }
        return id;
    }

    /**
     * A small CORE template with a 0 to 3 scale and not applicable: section A (S1 with a yes/no question, S2) and
     * section B (S5, S7 with a free-text question).
     */
    public long template() {
        long t = jdbc.sql("""
                        insert into s11_template (code, version, name, variant, description, scale, source)
                        values (:code, 1, :name, 'CORE', 'Test template',
                                '[{"score":0,"label":"Not met"},{"score":1,"label":"Partly met"},
                                  {"score":2,"label":"Largely met"},{"score":3,"label":"Fully met"}]'::jsonb,
                                'test')
                        returning id""")
                .param("code", unique("test").replace(' ', '-'))
                .param("name", unique("Test template"))
                .query(Long.class)
                .single();
        long a = section(t, 1, "A", "Leadership and accountability");
        long b = section(t, 2, "B", "Working with children and other agencies");
        long s1 = standard(t, a, 1, "S1", "Senior management commitment");
        standard(t, a, 2, "S2", "Clear statement of responsibilities");
        standard(t, b, 1, "S5", "Safeguarding training");
        long s7 = standard(t, b, 2, "S7", "Effective inter-agency working");
        question(s1, 1, "S1.1", "Is there a named senior lead for safeguarding?", "YES_NO");
        question(s7, 1, "S7.1", "How do staff escalate professional disagreements?", "FREE_TEXT");
        return t;
    }

    private long section(long template, int position, String code, String title) {
        return jdbc.sql("insert into s11_section (template_id, position, code, title) values (:t, :p, :c, :title)"
                        + " returning id")
                .param("t", template)
                .param("p", position)
                .param("c", code)
                .param("title", title)
                .query(Long.class)
                .single();
    }

    private long standard(long template, long section, int position, String code, String title) {
        return jdbc.sql("""
                        insert into s11_standard (template_id, section_id, position, code, title, statement, guidance,
                                                  guidance_links)
                        values (:t, :s, :p, :c, :title, :statement, 'Guidance for ' || :c,
                                '[{"text":"Working Together to Safeguard Children 2023",
                                   "url":"https://www.gov.uk/government/publications/working-together-to-safeguard-children--2"}]'::jsonb)
                        returning id""")
                .param("t", template)
                .param("s", section)
                .param("p", position)
                .param("c", code)
                .param("title", title)
                .param("statement", "The agency shows " + title.toLowerCase())
                .query(Long.class)
                .single();
    }

    private void question(long standard, int position, String code, String text, String kind) {
        jdbc.sql("insert into s11_question (standard_id, position, code, text, kind) values (:s, :p, :c, :t, :k)")
                .param("s", standard)
                .param("p", position)
                .param("c", code)
                .param("t", text)
                .param("k", kind)
                .update();
    }

    /** A cycle open from 30 days ago to 30 days ahead, run by the given partnerships. */
    public long cycle(String name, Long previousCycle, long... partnerships) {
        LocalDate today = LocalDate.now();
        long c = jdbc.sql("""
                        insert into s11_cycle (name, opens_on, closes_on, moderation_from, moderation_to,
                                               previous_cycle_id, created_by_name)
                        values (:n, :o, :c, :mf, :mt, :prev, 'Test') returning id""")
                .param("n", name)
                .param("o", today.minusDays(30))
                .param("c", today.plusDays(30))
                .param("mf", today.minusDays(30))
                .param("mt", today.plusDays(60))
                .param("prev", previousCycle)
                .query(Long.class)
                .single();
        for (long p : partnerships) {
            jdbc.sql("insert into s11_cycle_partnership (cycle_id, partnership_id) values (:c, :p)")
                    .param("c", c)
                    .param("p", p)
                    .update();
        }
        return c;
    }

    /** The agency is expected to return in the cycle with the template: a NOT_STARTED return. */
    public long expect(long cycle, long agency, long template) {
        return jdbc.sql("insert into s11_return (cycle_id, agency_id, template_id) values (:c, :a, :t) returning id")
                .param("c", cycle)
                .param("a", agency)
                .param("t", template)
                .query(Long.class)
                .single();
    }

    /** Scores every standard of the return with {@code score} and evidence, marks each section completed. */
    public void answerAll(long returnId, int score) {
        jdbc.sql("""
                        insert into s11_response (return_id, standard_id, agency_id, self_score, evidence, updated_by_name)
                        select r.id, s.id, r.agency_id, :score, 'Evidence for ' || s.code, 'Test'
                        from s11_return r join s11_standard s on s.template_id = r.template_id
                        where r.id = :r
                        on conflict (return_id, standard_id) do update set self_score = excluded.self_score""").param("r", returnId).param("score", score).update();
        jdbc.sql("""
                        insert into s11_section_progress (return_id, section_id, agency_id, completed)
                        select r.id, s.id, r.agency_id, true
                        from s11_return r join s11_section s on s.template_id = r.template_id where r.id = :r
                        on conflict (return_id, section_id) do update set completed = true""").param("r", returnId).update();
        jdbc.sql("update s11_return set status = 'IN_PROGRESS', started_at = coalesce(started_at, now())"
                        + " where id = :r and status = 'NOT_STARTED'")
                .param("r", returnId)
                .update();
    }

    /** Submits the return with a declaration, as if the agency had. */
    public void submit(long returnId) {
        jdbc.sql("""
                        update s11_return set status = 'SUBMITTED', submitted_at = now(), submitted_by_name = 'Test',
                               declaration_name = 'Test Officer', declaration_role = 'Chief Executive',
                               version = version + 1
                        where id = :r""").param("r", returnId).update();
    }

    /** Assigns a panel member (by email) to moderate the return for a partnership. */
    public void assign(long returnId, long partnership, String panelEmail) {
        jdbc.sql("""
                        insert into s11_assignment (return_id, partnership_id, panel_member_id, panel_member_agency,
                                                    return_agency_id, assigned_by_name)
                        select r.id, :p, u.id, u.agency_id, r.agency_id, 'Test'
                        from s11_return r, app_user u where r.id = :r and lower(u.email) = lower(:e)""")
                .param("r", returnId)
                .param("p", partnership)
                .param("e", panelEmail)
                .update();
    }

    public String status(long returnId) {
        return jdbc.sql("select status from s11_return where id = :r")
                .param("r", returnId)
                .query(String.class)
                .single();
    }
}
