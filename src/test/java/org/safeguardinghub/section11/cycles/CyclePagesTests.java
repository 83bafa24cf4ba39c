package org.safeguardinghub.section11.cycles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The business team's cycle pages through the web: set up, validation, joint cycles, expected agencies, access. */
@SpringBootTest
@AutoConfigureMockMvc
class CyclePagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Principals principals;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Cycles cycles;

    Section11Fixtures fx;
    CycleTestData data;

    @BeforeEach
    void setUp() {
        fx = new Section11Fixtures(jdbc, principals);
        data = new CycleTestData(jdbc);
    }

    @Test
    void datesOutOfOrderAreRefusedWith422AndEverythingTypedIsKept() throws Exception {
        String name = Section11Fixtures.unique("Bad dates cycle");
        MockHttpServletResponse response = perform(
                dates(post("/section11/cycles/new").param("name", name), "1-3-2026", "1-2-2026", "1-1-2026", "")
                        .param("moderationTo.day", "31")
                        .param("moderationTo.month", "2")
                        .param("moderationTo.year", "2026"),
                DemoAccounts.BUSINESS);
        assertThat(response.getStatus()).isEqualTo(422);
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(body)
                .contains("There is a problem")
                .contains("Close date must be the same as or after the open date")
                .contains("Moderation start date must be the same as or after the open date")
                .contains("Moderation end date must be a real date")
                .contains("value=\"" + name + "\"");
        assertThat(jdbc.sql("select count(*) from s11_cycle where name = :n")
                        .param("n", name)
                        .query(Integer.class)
                        .single())
                .isZero();

        MockHttpServletResponse blank = perform(post("/section11/cycles/new"), DemoAccounts.BUSINESS);
        assertThat(blank.getStatus()).isEqualTo(422);
        assertThat(blank.getContentAsString(StandardCharsets.UTF_8))
                .contains("Enter a name for the cycle")
                .contains("Enter the open date")
                .contains("Enter the close date");
    }

    @Test
    void aJointCycleRunsInBothPartnershipsAndIsAudited() throws Exception {
        String name = Section11Fixtures.unique("Joint cycle");
        MockHttpServletResponse response = perform(
                dates(
                        post("/section11/cycles/new")
                                .param("name", name)
                                .param("partnershipIds", String.valueOf(fx.medway())),
                        "1-1-2026",
                        "31-3-2026",
                        "1-4-2026",
                        "30-6-2026"),
                DemoAccounts.ADMIN);
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(302);
        long id = jdbc.sql("select id from s11_cycle where name = :n")
                .param("n", name)
                .query(Long.class)
                .single();
        assertThat(response.getRedirectedUrl()).isEqualTo("/section11/cycles/" + id);
        assertThat(jdbc.sql("select partnership_id from s11_cycle_partnership where cycle_id = :c")
                        .param("c", id)
                        .query(Long.class)
                        .list())
                .containsExactlyInAnyOrder(fx.kent(), fx.medway());
        assertThat(audits("s11-cycle", id)).isEqualTo(1);
        String page = page(get("/section11/cycles/" + id), DemoAccounts.BUSINESS);
        assertThat(page).contains(name).contains("KSCMP and MSCP").contains("1 January 2026 to 31 March 2026");
        // the cycle also appears in the list
        assertThat(page(get("/section11/cycles"), DemoAccounts.BUSINESS)).contains(name);

        // Kent's business team holds no role in Medway, so it cannot pull Medway (and Medway's agencies) into a
        // cycle of its own, nor take Medway out of this one
        String other = Section11Fixtures.unique("Kent only cycle");
        MockHttpServletResponse refused = perform(
                dates(
                        post("/section11/cycles/new")
                                .param("name", other)
                                .param("partnershipIds", String.valueOf(fx.medway())),
                        "1-1-2026",
                        "31-3-2026",
                        "1-4-2026",
                        "30-6-2026"),
                DemoAccounts.BUSINESS);
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("Choose partnerships from the list");
        int version = jdbc.sql("select version from s11_cycle where id = :c")
                .param("c", id)
                .query(Integer.class)
                .single();
        MockHttpServletResponse edited = perform(
                dates(
                        post("/section11/cycles/" + id + "/edit")
                                .param("name", name)
                                .param("version", String.valueOf(version)),
                        "1-1-2026",
                        "31-3-2026",
                        "1-4-2026",
                        "30-6-2026"),
                DemoAccounts.BUSINESS);
        assertThat(edited.getStatus()).as(edited.getContentAsString()).isEqualTo(302);
        assertThat(jdbc.sql("select partnership_id from s11_cycle_partnership where cycle_id = :c")
                        .param("c", id)
                        .query(Long.class)
                        .list())
                .containsExactlyInAnyOrder(fx.kent(), fx.medway());
    }

    @Test
    void addedAgenciesGetTheTemplateOfTheirTypeAndCanBeRemovedUntilStarted() throws Exception {
        long cycle = fx.cycle(Section11Fixtures.unique("Agencies cycle"), null, fx.kent());
        long district = data.agency("DISTRICT_COUNCIL", fx.kent());
        long school = data.agency("SCHOOL", fx.kent());
        long charity = data.agency("VOLUNTARY_SECTOR", fx.kent());
        long medwayOnly = data.agency("VOLUNTARY_SECTOR", fx.medway());

        String before = page(get("/section11/cycles/" + cycle), DemoAccounts.BUSINESS);
        assertThat(before).contains("value=\"" + district + "\"").doesNotContain("value=\"" + medwayOnly + "\"");

        MockHttpServletResponse none = perform(post("/section11/cycles/" + cycle + "/agencies"), DemoAccounts.BUSINESS);
        assertThat(none.getStatus()).isEqualTo(422);
        assertThat(none.getContentAsString()).contains("Select the agencies expected to return");

        MockHttpServletResponse added = perform(
                post("/section11/cycles/" + cycle + "/agencies")
                        .param("agencyIds", String.valueOf(district), String.valueOf(school), String.valueOf(charity))
                        .param("agencyIds", String.valueOf(medwayOnly)),
                DemoAccounts.BUSINESS);
        assertThat(added.getStatus()).isEqualTo(302);
        assertThat(templateCode(cycle, district)).isEqualTo("km-s11-district");
        assertThat(templateCode(cycle, school)).isEqualTo("km-s175");
        assertThat(templateCode(cycle, charity)).isEqualTo("km-s11");
        assertThat(templateVersion(cycle, charity)).isGreaterThanOrEqualTo(2); // the newest core version
        assertThat(expectedCount(cycle, medwayOnly))
                .as("an agency not serving the cycle's partnership")
                .isZero();

        long charityReturn = returnOf(cycle, charity);
        assertThat(audits("s11-return", charityReturn)).isEqualTo(1);

        // the template can change while nobody has started
        long v1 = jdbc.sql("select id from s11_template where code = 'km-s11' and version = 1")
                .query(Long.class)
                .single();
        assertThat(perform(
                                post("/section11/cycles/" + cycle + "/agencies/" + charityReturn + "/template")
                                        .param("templateId", String.valueOf(v1)),
                                DemoAccounts.BUSINESS)
                        .getStatus())
                .isEqualTo(302);
        assertThat(templateVersion(cycle, charity)).isEqualTo(1);

        // a started return keeps its template and cannot be removed
        long schoolReturn = returnOf(cycle, school);
        fx.answerAll(schoolReturn, 2);
        MockHttpServletResponse refused = perform(
                post("/section11/cycles/" + cycle + "/agencies/" + schoolReturn + "/remove"), DemoAccounts.BUSINESS);
        assertThat(refused.getStatus()).isEqualTo(409);
        assertThat(refused.getContentAsString()).contains("has started its return");
        assertThat(expectedCount(cycle, school)).isEqualTo(1);

        assertThat(perform(
                                post("/section11/cycles/" + cycle + "/agencies/" + charityReturn + "/remove"),
                                DemoAccounts.BUSINESS)
                        .getStatus())
                .isEqualTo(302);
        assertThat(expectedCount(cycle, charity)).isZero();

        // "add every agency" adds every remaining candidate, the removed one included
        perform(post("/section11/cycles/" + cycle + "/agencies").param("all", "true"), DemoAccounts.BUSINESS);
        assertThat(expectedCount(cycle, charity)).isEqualTo(1);
        assertThat(cycles.candidates(cycle)).isEmpty();
    }

    @Test
    void theCyclePageShowsExpectedAgainstReceived() throws Exception {
        long cycle = fx.cycle(Section11Fixtures.unique("Counts cycle"), null, fx.kent());
        long template = fx.template();
        long a = fx.expect(cycle, fx.newAgency(fx.kent()), template);
        fx.expect(cycle, fx.newAgency(fx.kent()), template);
        fx.expect(cycle, fx.newAgency(fx.kent()), template);
        fx.answerAll(a, 3);
        fx.submit(a);
        String page = page(get("/section11/cycles/" + cycle), DemoAccounts.BUSINESS);
        assertThat(page.replaceAll("\\s+", " "))
                .contains("<strong>1</strong> of <strong>3</strong> returns received (33%)")
                .contains("/section11/returns/" + a)
                .contains("Submitted")
                .contains("/section11/cycles/" + cycle + "/assignments")
                .contains("/section11/cycles/" + cycle + "/analysis");
        Cycle read = cycles.get(cycle);
        assertThat(read.expected()).isEqualTo(3);
        assertThat(read.received()).isEqualTo(1);
        assertThat(read.receivedPercent()).isEqualTo(33);
    }

    @Test
    void aStaleEditIsRefusedWithTheOtherPersonsValues() throws Exception {
        long cycle = fx.cycle(Section11Fixtures.unique("Edit cycle"), null, fx.kent());
        String editForm = page(get("/section11/cycles/" + cycle + "/edit"), DemoAccounts.BUSINESS);
        assertThat(editForm).contains("name=\"version\" value=\"0\"");

        String theirs = Section11Fixtures.unique("Renamed by a colleague");
        Cycle current = cycles.get(cycle);
        cycles.update(
                fx.actor(DemoAccounts.ADMIN),
                cycle,
                0,
                new CycleInput(
                        theirs,
                        java.util.Set.of(fx.kent()),
                        current.opensOn(),
                        current.closesOn(),
                        current.moderationFrom(),
                        current.moderationTo(),
                        null));

        String mine = Section11Fixtures.unique("My name");
        MockHttpServletResponse stale = perform(
                dates(
                        post("/section11/cycles/" + cycle + "/edit")
                                .param("name", mine)
                                .param("version", "0"),
                        "1-1-2026",
                        "31-3-2026",
                        "1-4-2026",
                        "30-6-2026"),
                DemoAccounts.BUSINESS);
        assertThat(stale.getStatus()).isEqualTo(409);
        assertThat(stale.getContentAsString(StandardCharsets.UTF_8))
                .contains("was changed by someone else")
                .contains("value=\"" + theirs + "\"")
                .contains("name=\"version\" value=\"1\"");
        assertThat(cycles.get(cycle).name()).isEqualTo(theirs);

        MockHttpServletResponse fresh = perform(
                dates(
                        post("/section11/cycles/" + cycle + "/edit")
                                .param("name", mine)
                                .param("version", "1"),
                        "1-1-2026",
                        "31-3-2026",
                        "1-4-2026",
                        "30-6-2026"),
                DemoAccounts.BUSINESS);
        assertThat(fresh.getStatus()).isEqualTo(302);
        assertThat(cycles.get(cycle).name()).isEqualTo(mine);
        assertThat(audits("s11-cycle", cycle)).isEqualTo(2);
    }

    @Test
    void onlyTheBusinessTeamOfAPartnershipInTheCycleMayUseTheCyclePages() throws Exception {
        long kentCycle = fx.cycle(Section11Fixtures.unique("Kent only"), null, fx.kent());
        long medwayCycle = fx.cycle(Section11Fixtures.unique("Medway only"), null, fx.medway());
        for (String who : List.of(DemoAccounts.POLICE_LEAD, DemoAccounts.SCHOOL_TEACHER, DemoAccounts.PANEL)) {
            assertThat(perform(get("/section11/cycles"), who).getStatus())
                    .as(who)
                    .isEqualTo(403);
            assertThat(perform(get("/section11/cycles/" + kentCycle), who).getStatus())
                    .as(who)
                    .isEqualTo(403);
            assertThat(perform(get("/section11/cycles/new"), who).getStatus())
                    .as(who)
                    .isEqualTo(403);
            assertThat(perform(
                                    post("/section11/cycles/" + kentCycle + "/agencies")
                                            .param("all", "true"),
                                    who)
                            .getStatus())
                    .as(who)
                    .isEqualTo(403);
        }
        assertThat(perform(get("/section11/cycles/" + medwayCycle), DemoAccounts.BUSINESS)
                        .getStatus())
                .isEqualTo(404);
        assertThat(perform(get("/section11/cycles/" + medwayCycle + "/edit"), DemoAccounts.BUSINESS)
                        .getStatus())
                .isEqualTo(404);
        assertThat(perform(
                                post("/section11/cycles/" + medwayCycle + "/agencies")
                                        .param("all", "true"),
                                DemoAccounts.BUSINESS)
                        .getStatus())
                .isEqualTo(404);
        assertThat(page(get("/section11/cycles"), DemoAccounts.BUSINESS))
                .contains("/section11/cycles/" + kentCycle + "\"")
                .doesNotContain("/section11/cycles/" + medwayCycle + "\"");
    }

    private static MockHttpServletRequestBuilder dates(
            MockHttpServletRequestBuilder request, String opens, String closes, String modFrom, String modTo) {
        put(request, "opensOn", opens);
        put(request, "closesOn", closes);
        put(request, "moderationFrom", modFrom);
        put(request, "moderationTo", modTo);
        return request;
    }

    private static void put(MockHttpServletRequestBuilder request, String field, String dmy) {
        if (dmy.isEmpty()) {
            return;
        }
        String[] p = dmy.split("-");
        request.param(field + ".day", p[0]).param(field + ".month", p[1]).param(field + ".year", p[2]);
    }

    private String templateCode(long cycle, long agency) {
        return jdbc.sql("""
                        select t.code from s11_return r join s11_template t on t.id = r.template_id
                        where r.cycle_id = :c and r.agency_id = :a""")
                .param("c", cycle)
                .param("a", agency)
                .query(String.class)
                .single();
    }

    private int templateVersion(long cycle, long agency) {
        return jdbc.sql("""
                        select t.version from s11_return r join s11_template t on t.id = r.template_id
                        where r.cycle_id = :c and r.agency_id = :a""")
                .param("c", cycle)
                .param("a", agency)
                .query(Integer.class)
                .single();
    }

    private long returnOf(long cycle, long agency) {
        return jdbc.sql("select id from s11_return where cycle_id = :c and agency_id = :a")
                .param("c", cycle)
                .param("a", agency)
                .query(Long.class)
                .single();
    }

    private int expectedCount(long cycle, long agency) {
        return jdbc.sql("select count(*) from s11_return where cycle_id = :c and agency_id = :a")
                .param("c", cycle)
                .param("a", agency)
                .query(Integer.class)
                .single();
    }

    private int audits(String type, long id) {
        return jdbc.sql("select count(*) from audit_event where record_type = :t and record_id = :id")
                .param("t", type)
                .param("id", String.valueOf(id))
                .query(Integer.class)
                .single();
    }

    @Test
    void aReturnSubmittedByMistakeIsReopenedUntilThePanelHasAgreedItsPosition() throws Exception {
        long cycle = fx.cycle(Section11Fixtures.unique("Reopen cycle"), null, fx.kent());
        long template = fx.template();
        long submitted = fx.expect(cycle, fx.newAgency(fx.kent()), template);
        fx.answerAll(submitted, 2);
        fx.submit(submitted);
        long agreed = fx.expect(cycle, fx.newAgency(fx.kent()), template);
        fx.answerAll(agreed, 2);
        fx.submit(agreed);
        jdbc.sql("""
                        insert into s11_moderation (return_id, partnership_id, agency_id, final_position, feedback,
                                                    agreed_by_name)
                        select id, :p, agency_id, 'FULLY_ASSURED', 'Agreed', 'Test' from s11_return where id = :r""").param("p", fx.kent()).param("r", agreed).update();

        var reopened = perform(
                post("/section11/cycles/" + cycle + "/agencies/" + submitted + "/reopen"), DemoAccounts.BUSINESS);
        assertThat(reopened.getStatus()).isEqualTo(302);
        assertThat(fx.status(submitted)).isEqualTo("IN_PROGRESS");
        assertThat(jdbc.sql("select declaration_name from s11_return where id = :r")
                        .param("r", submitted)
                        .query(String.class)
                        .optional())
                .as("a new declaration is needed when it is submitted again")
                .isEmpty();
        assertThat(jdbc.sql("select count(*) from audit_event where record_type = 's11-return' and record_id = :r"
                                + " and changes::text like '%Reopened by the business team%'")
                        .param("r", String.valueOf(submitted))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        var refused =
                perform(post("/section11/cycles/" + cycle + "/agencies/" + agreed + "/reopen"), DemoAccounts.BUSINESS);
        assertThat(refused.getStatus()).isEqualTo(409);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("can no longer be reopened");
        assertThat(fx.status(agreed)).isEqualTo("SUBMITTED");
        assertThat(perform(
                                post("/section11/cycles/" + cycle + "/agencies/" + agreed + "/reopen"),
                                DemoAccounts.POLICE_LEAD)
                        .getStatus())
                .isEqualTo(403);
    }

    private String page(MockHttpServletRequestBuilder request, String who) throws Exception {
        MockHttpServletResponse response = perform(request, who);
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpServletResponse perform(MockHttpServletRequestBuilder request, String who) throws Exception {
        return mvc.perform(request.with(SignedIn.as(principals, who)).with(csrf()))
                .andReturn()
                .getResponse();
    }
}
