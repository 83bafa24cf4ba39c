package org.safeguardinghub.section11.overview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.identity.signin.Principals;
import org.safeguardinghub.section11.Section11Fixtures;
import org.safeguardinghub.support.DemoAccounts;
import org.safeguardinghub.support.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** The Section 11 landing page: each role sees its own sections, and an agency only its own returns. */
@SpringBootTest
@AutoConfigureMockMvc
class OverviewTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Principals principals;

    @Autowired
    JdbcClient jdbc;

    Section11Fixtures fx;

    @BeforeEach
    void setUp() {
        fx = new Section11Fixtures(jdbc, principals);
    }

    @Test
    void eachRoleSeesTheSectionsForWhatItMayDo() throws Exception {
        long police = fx.agency(agencyName(DemoAccounts.POLICE_LEAD));
        long template = fx.template();
        String cycleName = Section11Fixtures.unique("Overview cycle");
        long cycle = fx.cycle(cycleName, null, fx.kent());
        long policeReturn = fx.expect(cycle, police, template);
        long otherReturn = fx.expect(cycle, fx.newAgency(fx.kent()), template);
        fx.answerAll(otherReturn, 2);
        fx.submit(otherReturn);
        fx.assign(otherReturn, fx.kent(), DemoAccounts.PANEL);
        String publishedName = Section11Fixtures.unique("Published cycle");
        long published = fx.cycle(publishedName, null, fx.kent());
        jdbc.sql("update s11_cycle set published_at = now(), published_by_name = 'Test' where id = :c")
                .param("c", published)
                .update();

        String business = page(DemoAccounts.BUSINESS);
        assertThat(business)
                .contains("id=\"cycles\"")
                .contains("/section11/cycles/" + cycle + "\"")
                .contains("/section11/cycles/new")
                .contains("/section11/templates\"")
                .contains("/section11/cycles/" + published + "/analysis")
                .doesNotContain("id=\"agency-returns\"")
                .doesNotContain("id=\"assigned-returns\"");

        String lead = page(DemoAccounts.POLICE_LEAD);
        assertThat(lead)
                .contains("id=\"agency-returns\"")
                .contains("/section11/returns/" + policeReturn + "\"")
                .contains(cycleName)
                .doesNotContain("/section11/returns/" + otherReturn + "\"")
                .doesNotContain("id=\"cycles\"")
                .doesNotContain("id=\"assigned-returns\"")
                .doesNotContain("/section11/cycles/new");

        String panel = page(DemoAccounts.PANEL);
        assertThat(panel)
                .contains("Returns assigned to you")
                .contains("/section11/returns/" + otherReturn + "/moderation")
                .doesNotContain("/section11/returns/" + policeReturn)
                .contains("/section11/cycles/" + published + "/analysis")
                .doesNotContain("id=\"cycles\"");

        String scrutineer = page(DemoAccounts.SCRUTINEER);
        assertThat(scrutineer)
                .contains("/section11/cycles/" + published + "/analysis")
                .doesNotContain("/section11/cycles/" + cycle + "/analysis")
                .doesNotContain("id=\"agency-returns\"")
                .doesNotContain("id=\"assigned-returns\"");
    }

    @Test
    void aPractitionerSeesOnlyReturnsTheyWereInvitedTo() throws Exception {
        String teacher = DemoAccounts.SCHOOL_TEACHER;
        long school = fx.agency(agencyName(teacher));
        long template = fx.template();
        long cycle = fx.cycle(Section11Fixtures.unique("Invitation cycle"), null, fx.kent());
        long schoolReturn = fx.expect(cycle, school, template);

        String before = page(teacher);
        assertThat(before)
                .contains("Returns you are helping with")
                .doesNotContain("/section11/returns/" + schoolReturn + "\"");

        jdbc.sql("""
                        insert into s11_contributor (return_id, user_id, agency_id, invited_by_name)
                        values (:r, :u, :a, 'Test')""")
                .param("r", schoolReturn)
                .param("u", fx.userId(teacher))
                .param("a", school)
                .update();
        assertThat(page(teacher)).contains("/section11/returns/" + schoolReturn + "\"");
        // the agency lead of the same school sees it as their agency's return
        assertThat(page(DemoAccounts.SCHOOL_LEAD)).contains("/section11/returns/" + schoolReturn + "\"");
    }

    @Test
    void aPractitionerInvitedToNothingIsToldSo() throws Exception {
        assertThat(page(DemoAccounts.PRACTITIONER)).contains("You have not been invited to help with any");
    }

    private String agencyName(String email) {
        return jdbc.sql(
                        "select a.name from app_user u join agency a on a.id = u.agency_id where lower(u.email) = lower(:e)")
                .param("e", email)
                .query(String.class)
                .single();
    }

    private String page(String who) throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/section11").with(SignedIn.as(principals, who)))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus())
                .as(who + ": " + response.getContentAsString())
                .isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}
