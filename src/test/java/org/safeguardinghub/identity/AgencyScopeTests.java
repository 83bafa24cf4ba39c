package org.safeguardinghub.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.sql.Connection;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.identity.signin.Principals;
import org.safeguardinghub.support.DemoAccounts;
import org.safeguardinghub.support.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Agency A's lead cannot read agency B's rows: not by id, not in a list, and not even through raw SQL on the
 * application's connection, where PostgreSQL row-level security is the second line.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AgencyScopeTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Principals principals;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    long idOf(String email) {
        return jdbc.sql("select id from app_user where email = :e")
                .param("e", email)
                .query(Long.class)
                .single();
    }

    long agencyOf(String email) {
        return jdbc.sql("select agency_id from app_user where email = :e")
                .param("e", email)
                .query(Long.class)
                .single();
    }

    @Test
    void aSchoolLeadGets404ForAPoliceOfficerById() throws Exception {
        long officer = idOf(DemoAccounts.POLICE_OFFICER);
        var response = mvc.perform(get("/people/" + officer).with(SignedIn.as(principals, DemoAccounts.SCHOOL_LEAD)))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getContentAsString()).doesNotContain("Casey Brown");
    }

    @Test
    void theSameIdIsVisibleToThePoliceLead() throws Exception {
        long officer = idOf(DemoAccounts.POLICE_OFFICER);
        var response = mvc.perform(get("/people/" + officer).with(SignedIn.as(principals, DemoAccounts.POLICE_LEAD)))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).contains("Casey Brown");
    }

    @Test
    void aSchoolLeadsListHoldsOnlyTheirOwnAgency() throws Exception {
        String page = mvc.perform(get("/people").with(SignedIn.as(principals, DemoAccounts.SCHOOL_LEAD)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("Jordan Lee").contains("Dana White");
        assertThat(page)
                .doesNotContain("Casey Brown")
                .doesNotContain("Sam Taylor")
                .doesNotContain("Alex Morgan");
    }

    @Test
    void searchingByAnotherAgencysNameFindsNothing() throws Exception {
        String page = mvc.perform(
                        get("/people").param("q", "Casey").with(SignedIn.as(principals, DemoAccounts.SCHOOL_LEAD)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).doesNotContain("Casey Brown").contains("No people match");
    }

    @Autowired
    AccountProvisioning accounts;

    @Test
    void peopleOfAnotherPartnershipAreInvisibleEvenToPartnershipWideRoles() throws Exception {
        long medwayCouncil = jdbc.sql("select id from agency where name = 'Medway Council'")
                .query(Long.class)
                .single();
        long medway = jdbc.sql("select id from partnership where short_name = 'MSCP'")
                .query(Long.class)
                .single();
        String email = "medway-" + java.util.UUID.randomUUID() + "@example.org";
        long id = accounts.createActive(
                email,
                "Medway Only Person",
                "Social worker",
                medwayCouncil,
                "{bcrypt}!unused",
                java.util.Map.of(medway, java.util.Set.of(Role.PRACTITIONER)));
        for (String kentRole : List.of(DemoAccounts.BUSINESS, DemoAccounts.ADMIN, DemoAccounts.SCRUTINEER)) {
            var byId = mvc.perform(get("/people/" + id).with(SignedIn.as(principals, kentRole)))
                    .andReturn()
                    .getResponse();
            assertThat(byId.getStatus()).as(kentRole).isIn(403, 404);
            if (!kentRole.equals(DemoAccounts.SCRUTINEER)) {
                String list = mvc.perform(
                                get("/people").param("q", "Medway Only").with(SignedIn.as(principals, kentRole)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString();
                assertThat(list).as(kentRole).doesNotContain("Medway Only Person");
            }
        }
        // and a reset (which would hand over the account) is refused as not found
        var reset = mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                        "/people/" + id + "/reset")
                                .param("version", "0")
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                                .with(SignedIn.as(principals, DemoAccounts.ADMIN)))
                .andReturn()
                .getResponse();
        assertThat(reset.getStatus()).isEqualTo(404);
    }

    @Test
    void rowLevelSecurityHidesOtherAgenciesFromRawSqlOnTheApplicationsConnection() throws Exception {
        long police = agencyOf(DemoAccounts.POLICE_LEAD);
        long school = agencyOf(DemoAccounts.SCHOOL_LEAD);
        var lead = principals.loadUserByUsername(DemoAccounts.SCHOOL_LEAD);
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(lead, null, lead.getAuthorities()));
        try (Connection c = dataSource.getConnection();
                var st = c.createStatement()) {
            // a query that forgets its scope entirely: RLS still returns only the school's people
            List<Long> agencies = new java.util.ArrayList<>();
            try (var rs = st.executeQuery("select distinct agency_id from app_user")) {
                while (rs.next()) {
                    agencies.add(rs.getLong(1));
                }
            }
            assertThat(agencies).containsExactly(school);
            try (var rs = st.executeQuery("select count(*) from app_user where agency_id = " + police)) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
            }
            // and it cannot touch another agency's rows either
            assertThat(st.executeUpdate("update app_user set display_name = display_name where agency_id = " + police))
                    .isZero();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void theApplicationsRoleOwnsNoTableAndCannotRewriteTheAuditTrail() throws Exception {
        long owned = jdbc.sql(
                        "select count(*) from pg_tables where schemaname = 'public' and tableowner = current_user")
                .query(Long.class)
                .single();
        assertThat(owned).as("tables owned by the application role").isZero();
        assertThatThrownBy(() -> jdbc.sql("update audit_event set actor_name = 'someone else'")
                        .update())
                .rootCause()
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_event").update())
                .rootCause()
                .hasMessageContaining("permission denied");
        boolean bypass = jdbc.sql("select rolbypassrls or rolsuper from pg_roles where rolname = current_user")
                .query(Boolean.class)
                .single();
        assertThat(bypass).as("application role bypasses RLS").isFalse();
    }
}
