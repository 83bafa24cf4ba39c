package org.safeguardinghub.section11.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.identity.signin.Principals;
import org.safeguardinghub.support.DemoAccounts;
import org.safeguardinghub.support.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import testsupport.Await;

/**
 * Moderation on the demo's own rows, as a panel member meets them: a return assigned to them, part-way through
 * moderation with scores loaded by the demo. Saving over a loaded score works with the version the page gives, in
 * the background (autosave) and with the button; only a real edit by someone else in between is refused, naming
 * them and showing their values. Each test puts the demo row back as it was.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DemoModerationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Principals principals;

    @Autowired
    JdbcClient jdbc;

    record Loaded(long returnId, long standardId, int score, String note, String kind, int version, String by) {}

    /** A demo score on a Kent return assigned to the panel member and not agreed yet. */
    Loaded demoScore() {
        return jdbc.sql("""
                        select ms.return_id, ms.standard_id, ms.moderated_score, ms.note, coalesce(ms.note_kind, '') k,
                               ms.version, ms.updated_by_name
                        from s11_moderated_score ms
                        join s11_assignment a on a.return_id = ms.return_id and a.partnership_id = ms.partnership_id
                        join app_user u on u.id = a.panel_member_id
                        join partnership p on p.id = ms.partnership_id
                        where lower(u.email) = :panel and p.short_name = 'KSCMP' and ms.moderated_score is not null
                          and not exists (select 1 from s11_moderation m where m.return_id = ms.return_id
                                          and m.partnership_id = ms.partnership_id)
                        order by ms.return_id, ms.standard_id limit 1""")
                .param("panel", DemoAccounts.PANEL)
                .query((rs, n) -> new Loaded(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getInt(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getInt(6),
                        rs.getString(7)))
                .single();
    }

    void restore(Loaded l) {
        jdbc.sql("""
                        update s11_moderated_score set moderated_score = :m, note = :n, note_kind = nullif(:k, ''),
                               version = :v, updated_by_name = :by
                        where return_id = :r and standard_id = :s""")
                .param("m", l.score())
                .param("n", l.note())
                .param("k", l.kind())
                .param("v", l.version())
                .param("by", l.by())
                .param("r", l.returnId())
                .param("s", l.standardId())
                .update();
    }

    MockHttpServletResponse send(RequestPostProcessor who, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(who).with(csrf())).andReturn().getResponse();
    }

    RequestPostProcessor as(String email) {
        return SignedIn.as(principals, email);
    }

    /** The version the moderation page puts in the standard's form, as a browser would send it. */
    int versionOnPage(RequestPostProcessor who, Loaded l) throws Exception {
        String page = send(who, get("/section11/returns/" + l.returnId() + "/moderation"))
                .getContentAsString();
        Matcher m = Pattern.compile("name=\"version\" id=\"version-" + l.standardId() + "\" value=\"(\\d+)\"")
                .matcher(page);
        assertThat(m.find()).as("version field of standard " + l.standardId()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    MockHttpServletRequestBuilder save(Loaded l, String path, String score, String note, int version) {
        return save(l, path, score, note, "", version);
    }

    MockHttpServletRequestBuilder save(Loaded l, String path, String score, String note, String kind, int version) {
        return post("/section11/returns/" + l.returnId() + "/moderation/standards/" + l.standardId() + path)
                .param("score", score)
                .param("note", note)
                .param("kind", kind)
                .param("version", String.valueOf(version));
    }

    int stored(Loaded l, String column) {
        return jdbc.sql("select " + column + " from s11_moderated_score where return_id = :r and standard_id = :s")
                .param("r", l.returnId())
                .param("s", l.standardId())
                .query(Integer.class)
                .single();
    }

    @Test
    void theAssignedPanelMemberSavesOverADemoScoreWithTheButtonAndInTheBackground() throws Exception {
        Loaded l = demoScore();
        assertThat(l.version())
                .as("a loaded score is never version 0 ('not scored yet')")
                .isPositive();
        RequestPostProcessor panel = as(DemoAccounts.PANEL);
        String other = l.score() == 1 ? "2" : "1";
        try {
            int version = versionOnPage(panel, l);
            MockHttpServletResponse saved = send(panel, save(l, "", other, "Checked against the evidence", version));
            assertThat(saved.getStatus()).as(saved.getContentAsString()).isEqualTo(302);
            assertThat(stored(l, "moderated_score")).isEqualTo(Integer.parseInt(other));

            // the background save answers with a status line and the next version, and a save with it works
            int next = versionOnPage(panel, l);
            assertThat(next).isEqualTo(version + 1);
            MockHttpServletResponse auto = send(panel, save(l, "/autosave", "3", "Typed and saved as I go", next));
            assertThat(auto.getStatus()).isEqualTo(200);
            assertThat(auto.getHeader("X-Autosave")).isEqualTo("saved");
            assertThat(auto.getContentAsString())
                    .contains("saved at")
                    .contains("id=\"version-" + l.standardId() + "\"")
                    .contains("value=\"" + (next + 1) + "\"");
            assertThat(stored(l, "moderated_score")).isEqualTo(3);
            // the button pressed before the background save's answer arrived (the page still has the old version):
            // the same values are saved already, so it is not someone else's edit
            MockHttpServletResponse button = send(panel, save(l, "", "3", "Typed and saved as I go", next));
            assertThat(button.getStatus()).as(button.getContentAsString()).isEqualTo(302);
            assertThat(stored(l, "version")).isEqualTo(next + 1);
            MockHttpServletResponse again =
                    send(panel, save(l, "/autosave", "2", "Typed and saved as I go, more", next + 1));
            assertThat(again.getHeader("X-Autosave")).isEqualTo("saved");
            assertThat(stored(l, "version")).isEqualTo(next + 2);

            // an unfinished choice is not saved, and says why
            MockHttpServletResponse unfinished = send(panel, save(l, "/autosave", "2", "", "EMERGING_THEME", next + 2));
            assertThat(unfinished.getHeader("X-Autosave")).isEqualTo("invalid");
            assertThat(unfinished.getContentAsString()).contains("Not saved yet: Enter the note");
            assertThat(stored(l, "version")).isEqualTo(next + 2);
        } finally {
            restore(l);
        }
    }

    @Test
    void aRealEditInBetweenStillConflictsNamingTheOtherPersonAndShowingTheirValues() throws Exception {
        Loaded l = demoScore();
        RequestPostProcessor panel = as(DemoAccounts.PANEL);
        RequestPostProcessor business = as(DemoAccounts.BUSINESS);
        try {
            int version = versionOnPage(panel, l);
            assertThat(versionOnPage(business, l)).isEqualTo(version);
            assertThat(send(business, save(l, "", "0", "The business team's reading of the evidence", version))
                            .getStatus())
                    .isEqualTo(302);

            MockHttpServletResponse stale = send(panel, save(l, "", "3", "My view", version));
            assertThat(stale.getStatus()).isEqualTo(409);
            assertThat(stale.getContentAsString())
                    .contains("Priya Shah saved the moderated score")
                    .contains("The business team&#39;s reading of the evidence");
            MockHttpServletResponse staleAuto = send(panel, save(l, "/autosave", "3", "My view", version));
            assertThat(staleAuto.getHeader("X-Autosave")).isEqualTo("conflict");
            assertThat(staleAuto.getContentAsString()).contains("Not saved: Priya Shah saved the moderated score");
            assertThat(stored(l, "moderated_score")).isZero();

            // the page now gives the current version, and saving with it works
            assertThat(send(panel, save(l, "", "3", "My view", versionOnPage(panel, l)))
                            .getStatus())
                    .isEqualTo(302);
            assertThat(stored(l, "moderated_score")).isEqualTo(3);
        } finally {
            restore(l);
        }
    }

    @Test
    void thePanelMemberHasAHomeTaskForEachReturnTheyAreStillToModerate() throws Exception {
        List<Long> toModerate = jdbc.sql("""
                        select a.return_id from s11_assignment a
                        join app_user u on u.id = a.panel_member_id
                        join s11_return r on r.id = a.return_id
                        join s11_cycle c on c.id = r.cycle_id
                        where lower(u.email) = :panel and c.created_by_name <> 'Test'
                          and not exists (select 1 from s11_moderation m where m.return_id = a.return_id
                                          and m.partnership_id = a.partnership_id)""")
                .param("panel", DemoAccounts.PANEL)
                .query(Long.class)
                .list();
        assertThat(toModerate).isNotEmpty();
        // the page once it shows what the async task feed raises (tasks arrive after the demo's commit)
        String home = Await.nonNull(() -> {
            String page = send(as(DemoAccounts.PANEL), get("/")).getContentAsString();
            return toModerate.stream().allMatch(r -> page.contains("/section11/returns/" + r + "/moderation"))
                    ? page
                    : null;
        });
        assertThat(home).doesNotContain("Nothing needs your attention");
        for (long r : toModerate) {
            assertThat(home).contains("href=\"/section11/returns/" + r + "/moderation\"");
        }
    }
}
