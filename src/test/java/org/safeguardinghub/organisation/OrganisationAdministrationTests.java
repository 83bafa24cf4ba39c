package org.safeguardinghub.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.identity.signin.Principals;
import org.safeguardinghub.support.DemoAccounts;
import org.safeguardinghub.support.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Administration of the organisation model as the business team uses it: forms refuse mistakes with the GOV.UK
 * error summary, a stale edit never overwrites someone else's change, archiving hides without deleting, every
 * change is in the audit trail, and another partnership's records are simply not there.
 *
 * <p>Names carry a random suffix: these tests also run against a shared database.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OrganisationAdministrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Principals principals;

    @Autowired
    JdbcClient jdbc;

    // ---- agencies -----------------------------------------------------------------------------------------------

    @Test
    void anAgencyWithMistakesIsRefusedWithTheErrorSummary() throws Exception {
        MvcResult result = send(
                DemoAccounts.BUSINESS,
                post("/agencies/new")
                        .param("name", "  ")
                        .param("shortName", "x".repeat(51))
                        .param("type", "NOT_A_TYPE")
                        .param("sector", "")
                        .param("partnershipIds", String.valueOf(kent())));

        assertThat(result.getResponse().getStatus()).isEqualTo(422);
        String page = result.getResponse().getContentAsString();
        assertThat(page).contains("There is a problem");
        assertThat(page).contains("Enter the agency&#39;s name", "Short name must be 50 characters or fewer");
        assertThat(page).contains("Select the type of agency", "Select the agency&#39;s sector");
        assertThat(page).contains("href=\"#name\"", "id=\"name-error\"", "govuk-input--error");
    }

    @Test
    void anAgencyIsAddedOnceAndADuplicateNameIsRefused() throws Exception {
        String name = unique("Test Youth Trust");
        long id = createAgency(name);

        assertThat(jdbc.sql("select name from agency where id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo(name);
        String shown = send(DemoAccounts.BUSINESS, get("/agencies/" + id))
                .getResponse()
                .getContentAsString();
        assertThat(shown)
                .contains(
                        name,
                        "Voluntary sector",
                        "Relevant agency",
                        "Kent Safeguarding Children Multi-Agency Partnership");

        MvcResult again = send(DemoAccounts.BUSINESS, agencyForm(post("/agencies/new"), name.toUpperCase(), 0));
        assertThat(again.getResponse().getStatus()).isEqualTo(422);
        assertThat(again.getResponse().getContentAsString())
                .contains("There is a problem", "There is already an agency called");
        assertThat(jdbc.sql("select count(*) from agency where lower(name) = lower(:n)")
                        .param("n", name)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aStaleEditIsRefusedAndShowsTheOtherPersonsValues() throws Exception {
        String name = unique("Test Family Hub");
        long id = createAgency(name);
        String theirs = name + " (renamed)";
        MvcResult first = send(DemoAccounts.ADMIN, agencyForm(post("/agencies/" + id + "/edit"), theirs, 0));
        assertThat(first.getResponse().getStatus()).isEqualTo(302);

        MvcResult stale =
                send(DemoAccounts.BUSINESS, agencyForm(post("/agencies/" + id + "/edit"), name + " (mine)", 0));

        assertThat(stale.getResponse().getStatus()).isEqualTo(409);
        String page = stale.getResponse().getContentAsString();
        assertThat(page).contains("There is a problem", "was changed by someone else after you opened it");
        assertThat(page).contains("value=\"" + theirs + "\"");
        assertThat(page).contains("name=\"version\" value=\"1\"");
        assertThat(jdbc.sql("select name from agency where id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo(theirs);
    }

    @Test
    void archivingHidesAnAgencyFromTheListUntilArchivedAreIncluded() throws Exception {
        String name = unique("Test Archived Agency");
        long id = createAgency(name);
        assertThat(list("/agencies?q=" + name)).contains(link(name));

        MvcResult archived =
                send(DemoAccounts.BUSINESS, post("/agencies/" + id + "/archive").param("version", "0"));
        assertThat(archived.getResponse().getStatus()).isEqualTo(302);

        assertThat(list("/agencies?q=" + name)).doesNotContain(link(name)).contains("No agencies match");
        assertThat(list("/agencies?archived=true&q=" + name)).contains(link(name), ">Archived<");
        assertThat(jdbc.sql("select archived_at is not null from agency where id = :id")
                        .param("id", id)
                        .query(Boolean.class)
                        .single())
                .isTrue();

        MvcResult staleRestore =
                send(DemoAccounts.BUSINESS, post("/agencies/" + id + "/restore").param("version", "0"));
        assertThat(staleRestore.getFlashMap().get("conflict")).asString().contains("changed by someone else");
        send(DemoAccounts.BUSINESS, post("/agencies/" + id + "/restore").param("version", "1"));
        assertThat(list("/agencies?q=" + name)).contains(link(name));
    }

    @Test
    void everyChangeIsInTheAuditTrailWithBeforeAndAfter() throws Exception {
        String name = unique("Test Audited Agency");
        long id = createAgency(name);
        send(DemoAccounts.BUSINESS, agencyForm(post("/agencies/" + id + "/edit"), name + " Ltd", 0));
        send(DemoAccounts.BUSINESS, post("/agencies/" + id + "/archive").param("version", "1"));

        List<Map<String, Object>> rows =
                jdbc.sql("""
                        select action, record_type, actor_name, changes::text as changes from audit_event
                        where record_type = 'agency' and record_id = :id order by id""").param("id", String.valueOf(id)).query().listOfRows();

        assertThat(rows).extracting(r -> r.get("action")).containsExactly("CREATE", "UPDATE", "ARCHIVE");
        assertThat(rows).allSatisfy(r -> assertThat(r.get("actor_name")).isEqualTo("Priya Shah"));
        assertThat((String) rows.get(0).get("changes")).contains("\"name\"", "\"after\": \"" + name + "\"");
        String update = (String) rows.get(1).get("changes");
        assertThat(update).contains("\"before\": \"" + name + "\"", "\"after\": \"" + name + " Ltd\"");
        assertThat(update).doesNotContain("sector"); // only what changed
    }

    // ---- groups and members -------------------------------------------------------------------------------------

    @Test
    void aMemberCannotLeaveBeforeTheyJoined() throws Exception {
        long group = createGroup(unique("Test Task and Finish Group"));

        MvcResult refused = send(
                DemoAccounts.BUSINESS,
                memberForm(post("/groups/" + group + "/members/new"), "Jo Test")
                        .param("joinedOn.day", "10")
                        .param("joinedOn.month", "5")
                        .param("joinedOn.year", "2024")
                        .param("leftOn.day", "1")
                        .param("leftOn.month", "5")
                        .param("leftOn.year", "2024"));

        assertThat(refused.getResponse().getStatus()).isEqualTo(422);
        assertThat(refused.getResponse().getContentAsString())
                .contains(
                        "There is a problem",
                        "Date left must be the same as or after the date joined",
                        "href=\"#leftOn\"");
        assertThat(memberCount(group)).isZero();

        MvcResult added = send(
                DemoAccounts.BUSINESS,
                memberForm(post("/groups/" + group + "/members/new"), "Jo Test")
                        .param("joinedOn.day", "10")
                        .param("joinedOn.month", "5")
                        .param("joinedOn.year", "2024"));
        assertThat(added.getResponse().getStatus()).isEqualTo(302);
        long member = jdbc.sql("select id from group_member where group_id = :g")
                .param("g", group)
                .query(Long.class)
                .single();

        MvcResult early = send(
                DemoAccounts.BUSINESS,
                post("/groups/" + group + "/members/" + member + "/leave")
                        .param("version", "0")
                        .param("leftOn.day", "9")
                        .param("leftOn.month", "5")
                        .param("leftOn.year", "2024"));
        assertThat(early.getResponse().getStatus()).isEqualTo(422);
        assertThat(early.getResponse().getContentAsString())
                .contains("Date left must be the same as or after the date joined");

        MvcResult left = send(
                DemoAccounts.BUSINESS,
                post("/groups/" + group + "/members/" + member + "/leave")
                        .param("version", "0")
                        .param("leftOn.day", "1")
                        .param("leftOn.month", "6")
                        .param("leftOn.year", "2024"));
        assertThat(left.getResponse().getStatus()).isEqualTo(302);
        assertThat(jdbc.sql("select left_on::text from group_member where id = :id")
                        .param("id", member)
                        .query(String.class)
                        .single())
                .isEqualTo("2024-06-01");
        assertThat(memberCount(group)).as("members are never deleted").isEqualTo(1);
        assertThat(list("/groups/" + group)).contains("No members are recorded");
        assertThat(list("/groups/" + group + "?former=true")).contains("Jo Test", "1 June 2024");
    }

    @Test
    void aGroupCannotBeItsOwnParent() throws Exception {
        String name = unique("Test Sub-group");
        long group = createGroup(name);

        MvcResult refused = send(
                DemoAccounts.BUSINESS,
                post("/groups/" + group + "/edit")
                        .param("name", name)
                        .param("parentGroupId", String.valueOf(group))
                        .param("version", "0"));

        assertThat(refused.getResponse().getStatus()).isEqualTo(422);
        assertThat(refused.getResponse().getContentAsString()).contains("A group cannot be its own parent group");
    }

    // ---- scope and permissions ------------------------------------------------------------------------------------

    @Test
    void anotherPartnershipsRecordsAreNotFound() throws Exception {
        long medwayAgency = id("select id from agency where name = 'Medway Council'");
        long medwayDistrict = id(
                "select d.id from district d join partnership p on p.id = d.partnership_id where p.short_name = 'MSCP' and d.name = 'Medway'");
        long medwayGroup = id(
                "select g.id from partnership_group g join partnership p on p.id = g.partnership_id where p.short_name = 'MSCP' and g.name = 'Joint Exploitation Group'");

        for (String path : List.of(
                "/agencies/" + medwayAgency,
                "/agencies/" + medwayAgency + "/edit",
                "/districts/" + medwayDistrict,
                "/districts/" + medwayDistrict + "/edit",
                "/groups/" + medwayGroup,
                "/groups/" + medwayGroup + "/edit",
                "/groups/" + medwayGroup + "/members/new")) {
            assertThat(send(DemoAccounts.BUSINESS, get(path)).getResponse().getStatus())
                    .as(path)
                    .isEqualTo(404);
        }
        assertThat(send(
                                DemoAccounts.BUSINESS,
                                agencyForm(post("/agencies/" + medwayAgency + "/edit"), "Medway Council", 0))
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(send(
                                DemoAccounts.BUSINESS,
                                post("/groups/" + medwayGroup + "/archive").param("version", "0"))
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(list("/agencies?q=Medway")).doesNotContain(link("Medway Council"));
    }

    @Test
    void aPractitionerCannotChangeTheDirectory() throws Exception {
        MvcResult result =
                send(DemoAccounts.PRACTITIONER, agencyForm(post("/agencies/new"), unique("Test Refused"), 0));
        assertThat(result.getResponse().getStatus()).isEqualTo(403);

        long group = id(
                "select g.id from partnership_group g join partnership p on p.id = g.partnership_id where p.short_name = 'KSCMP' and g.name = 'Executive Board'");
        assertThat(send(DemoAccounts.PRACTITIONER, get("/groups/" + group))
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        assertThat(send(DemoAccounts.PRACTITIONER, get("/groups/" + group))
                        .getResponse()
                        .getContentAsString())
                .doesNotContain("Add a member", "Change group details");
        assertThat(send(DemoAccounts.PRACTITIONER, get("/groups/" + group + "/members/1/edit"))
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        assertThat(send(DemoAccounts.PRACTITIONER, get("/groups/" + group + "/members/1/leave"))
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
    }

    @Test
    void everyAdministrationPageRenders() throws Exception {
        long agency = createAgency(unique("Test Rendered Agency"));
        long group = createGroup(unique("Test Rendered Group"));
        send(DemoAccounts.ADMIN, memberForm(post("/groups/" + group + "/members/new"), "Sam Render"));
        long member = jdbc.sql("select id from group_member where group_id = :g")
                .param("g", group)
                .query(Long.class)
                .single();
        long district = id(
                "select d.id from district d join partnership p on p.id = d.partnership_id where p.short_name = 'KSCMP' and d.name = 'Dover'");
        long area = id(
                "select a.id from area a join partnership p on p.id = a.partnership_id where p.short_name = 'KSCMP' and a.name = 'East Kent'");

        for (String path : List.of(
                "/agencies",
                "/agencies?type=POLICE&archived=true",
                "/agencies/new",
                "/agencies/" + agency,
                "/agencies/" + agency + "/edit",
                "/partnerships",
                "/partnerships/new",
                "/partnerships/" + kent(),
                "/partnerships/" + kent() + "/edit",
                "/districts",
                "/districts?area=" + area,
                "/districts/new",
                "/districts/" + district,
                "/districts/" + district + "/edit",
                "/areas",
                "/areas/new",
                "/areas/" + area,
                "/areas/" + area + "/edit",
                "/groups",
                "/groups/new",
                "/groups/" + group,
                "/groups/" + group + "/edit",
                "/groups/" + group + "/members/new",
                "/groups/" + group + "/members/" + member + "/edit",
                "/groups/" + group + "/members/" + member + "/leave")) {
            MvcResult result = send(DemoAccounts.ADMIN, get(path));
            assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
            assertThat(result.getResponse().getContentAsString()).as(path).containsOnlyOnce("<h1");
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private MvcResult send(String account, MockHttpServletRequestBuilder request) throws Exception {
        // a CSRF token on every request: harmless on GET, needed on POST
        return mvc.perform(request.with(csrf()).with(SignedIn.as(principals, account)))
                .andReturn();
    }

    private String list(String path) throws Exception {
        MvcResult result = send(DemoAccounts.BUSINESS, get(path));
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        return result.getResponse().getContentAsString();
    }

    private MockHttpServletRequestBuilder agencyForm(MockHttpServletRequestBuilder request, String name, int version) {
        return request.param("name", name)
                .param("shortName", "")
                .param("type", "VOLUNTARY_SECTOR")
                .param("sector", "VOLUNTARY_AND_COMMUNITY")
                .param("partnershipIds", String.valueOf(kent()))
                .param("version", String.valueOf(version));
    }

    private MockHttpServletRequestBuilder memberForm(MockHttpServletRequestBuilder request, String person) {
        return request.param("personName", person)
                .param("jobTitle", "Head of Service")
                .param("agencyId", String.valueOf(id("select id from agency where name = 'Kent Police'")))
                .param("role", "MEMBER")
                .param("version", "0");
    }

    private long createAgency(String name) throws Exception {
        MvcResult result = send(DemoAccounts.BUSINESS, agencyForm(post("/agencies/new"), name, 0));
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        return id("select id from agency where name = '" + name.replace("'", "''") + "'");
    }

    private long createGroup(String name) throws Exception {
        MvcResult result = send(
                DemoAccounts.BUSINESS,
                post("/groups/new")
                        .param("name", name)
                        .param("purpose", "Testing")
                        .param("meetingFrequency", "Monthly")
                        .param("version", "0"));
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        return jdbc.sql("select id from partnership_group where name = :n and partnership_id = :p")
                .param("n", name)
                .param("p", kent())
                .query(Long.class)
                .single();
    }

    private long memberCount(long group) {
        return jdbc.sql("select count(*) from group_member where group_id = :g")
                .param("g", group)
                .query(Long.class)
                .single();
    }

    private long kent() {
        return id("select id from partnership where short_name = 'KSCMP'");
    }

    private long id(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /** How a record's name appears as the link in a list (the search box also holds what was searched for). */
    private static String link(String name) {
        return ">" + name + "</a>";
    }

    private static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }
}
