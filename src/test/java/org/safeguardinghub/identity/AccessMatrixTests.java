package org.safeguardinghub.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.safeguardinghub.identity.signin.Principals;
import org.safeguardinghub.support.DemoAccounts;
import org.safeguardinghub.support.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every role against every route of the foundation: allowed or refused, as a partnership would write it down.
 * The expectations are written out by hand here (not derived from {@code Role}), so a change to the permission
 * model that opens or closes a route shows up as a failing row.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AccessMatrixTests {

    static final String ADMIN = DemoAccounts.ADMIN;
    static final String BUSINESS = DemoAccounts.BUSINESS;
    static final String LEAD = DemoAccounts.POLICE_LEAD;
    static final String PANEL = DemoAccounts.PANEL;
    static final String PRACTITIONER = DemoAccounts.PRACTITIONER;
    static final String SCRUTINEER = DemoAccounts.SCRUTINEER;
    static final List<String> EVERYONE = List.of(ADMIN, BUSINESS, LEAD, PANEL, PRACTITIONER, SCRUTINEER);

    /** A route and the accounts that may use it; every other account must get 403. */
    record Route(String method, String path, Set<String> allowed) {

        static final Map<String, String> ACCOUNTS = Map.of(
                "ADMIN", ADMIN,
                "BUSINESS", BUSINESS,
                "LEAD", LEAD,
                "PANEL", PANEL,
                "PRACTITIONER", PRACTITIONER,
                "SCRUTINEER", SCRUTINEER);

        /** The routes of a table: one a line, as method, path and who may use it; blank and {@code #} lines skipped. */
        static List<Route> table(String rows) {
            return rows.lines()
                    .map(String::strip)
                    .filter(row -> !row.isEmpty() && !row.startsWith("#"))
                    .map(Route::row)
                    .toList();
        }

        private static Route row(String row) {
            String[] cells = row.split("\\s+");
            List<String> who = List.of(cells).subList(2, cells.length);
            Set<String> allowed = switch (who.get(0)) {
                case "everyone" -> Set.copyOf(EVERYONE);
                case "nobody" -> Set.of();
                default -> who.stream().map(ACCOUNTS::get).collect(java.util.stream.Collectors.toUnmodifiableSet());
            };
            return new Route(cells[0], cells[1], allowed);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /**
     * The matrix, one route a row: the method, the path and who may use it (the accounts by role, {@code everyone}
     * or {@code nobody}); {@code #} starts a note.
     */
    static final List<Route> ROUTES = Route.table("""
            GET  /                                                               everyone
            GET  /account                                                        everyone
            GET  /agencies                                                       everyone
            GET  /agencies/1                                                     everyone
            GET  /groups                                                         everyone
            GET  /districts                                                      everyone
            GET  /agencies/new                                                   ADMIN BUSINESS
            POST /agencies/new                                                   ADMIN BUSINESS
            GET  /agencies/1/edit                                                ADMIN BUSINESS
            POST /agencies/999999/archive                                        ADMIN BUSINESS
            GET  /groups/new                                                     ADMIN BUSINESS
            GET  /districts/new                                                  ADMIN BUSINESS
            GET  /partnerships                                                   ADMIN BUSINESS
            GET  /partnerships/new                                               ADMIN
            POST /partnerships/new                                               ADMIN
            GET  /groups/1/members/1/edit                                        ADMIN BUSINESS
            GET  /partnerships/1/edit                                            ADMIN
            GET  /areas                                                          ADMIN BUSINESS
            POST /tasks/999999/done                                              everyone
            POST /account/partnership                                            everyone
            POST /imports/999999/commit                                          ADMIN BUSINESS
            POST /people/999999/reactivate                                       ADMIN
            GET  /people                                                         ADMIN BUSINESS LEAD
            GET  /people/1                                                       ADMIN BUSINESS LEAD
            GET  /people/invite                                                  ADMIN
            POST /people/invite                                                  ADMIN
            POST /people/999999/deactivate                                       ADMIN
            POST /people/999999/reset                                            ADMIN
            GET  /imports                                                        ADMIN BUSINESS
            GET  /imports/new                                                    ADMIN BUSINESS
            POST /imports/new                                                    ADMIN BUSINESS
            GET  /imports/export.csv                                             ADMIN BUSINESS
            GET  /audit                                                          ADMIN
            GET  /audit/export.csv                                               ADMIN
            # case reviews: case detail for the business team, and for panel members only the reviews they are members
            # of (a 404 otherwise: CaseMembershipTests); actions and settings for the business team
            GET  /cases                                                          ADMIN BUSINESS PANEL
            GET  /cases/settings                                                 ADMIN BUSINESS
            POST /cases/settings                                                 ADMIN BUSINESS
            GET  /cases/overdue                                                  ADMIN BUSINESS PANEL
            GET  /cases/999999                                                   ADMIN BUSINESS PANEL
            POST /cases/999999/triage                                            ADMIN BUSINESS
            GET  /reviews                                                        ADMIN BUSINESS PANEL
            GET  /reviews/999999                                                 ADMIN BUSINESS PANEL
            GET  /reviews/new                                                    ADMIN BUSINESS
            POST /reviews/new                                                    ADMIN BUSINESS
            # requests addressed to an agency are answered by its lead (administrators hold every permission)
            GET  /contributions                                                  ADMIN LEAD
            GET  /contributions/999999                                           ADMIN LEAD
            POST /contributions/999999                                           ADMIN LEAD
            # anyone working with children may refer an incident, except the read-only scrutineer
            GET  /referrals                                                      ADMIN BUSINESS LEAD PANEL PRACTITIONER
            GET  /referrals/999999                                               ADMIN BUSINESS LEAD PANEL PRACTITIONER
            # learning tracker: read widely, change by the business team, progress by agencies, sign-off by panels
            GET  /learning                                                       ADMIN BUSINESS LEAD PANEL SCRUTINEER
            GET  /learning/themes                                                ADMIN BUSINESS LEAD PANEL SCRUTINEER
            GET  /learning/recommendations/new                                   ADMIN BUSINESS
            POST /learning/recommendations/new                                   ADMIN BUSINESS
            POST /learning/actions/999999/update                                 ADMIN BUSINESS LEAD
            POST /learning/actions/999999/sign-off                               ADMIN BUSINESS PANEL
            # evidence files may hold case detail: the owning agency, the business team and the signing-off panel
            GET  /learning/actions/999999/evidence/1                             ADMIN BUSINESS LEAD PANEL
            GET  /dashboards                                                     ADMIN BUSINESS PANEL SCRUTINEER
            GET  /dashboards/referrals                                           ADMIN BUSINESS PANEL SCRUTINEER
            GET  /dashboards/themes                                              ADMIN BUSINESS PANEL SCRUTINEER
            # multi-agency dataset: agencies submit their own returns, the business team reviews them and keeps
            # the catalogue; the scorecard and dashboards are for those who read reports (not agency leads)
            GET  /returns                                                        ADMIN BUSINESS LEAD
            GET  /returns/999999                                                 ADMIN BUSINESS LEAD
            POST /returns/999999/submit                                          ADMIN BUSINESS LEAD
            POST /returns/999999/send-back                                       ADMIN BUSINESS
            POST /returns/999999/accept                                          ADMIN BUSINESS
            GET  /returns/tokens                                                 ADMIN BUSINESS LEAD
            GET  /performance/extracts                                           ADMIN BUSINESS LEAD
            GET  /performance/catalogue                                          ADMIN BUSINESS LEAD PANEL SCRUTINEER
            GET  /performance/catalogue/new-indicator                            ADMIN BUSINESS
            GET  /performance/catalogue/export.yaml                              ADMIN BUSINESS LEAD PANEL SCRUTINEER
            POST /performance/catalogue/import                                   ADMIN BUSINESS
            GET  /performance                                                    ADMIN BUSINESS PANEL SCRUTINEER
            GET  /performance/indicators/cp_rate                                 ADMIN BUSINESS PANEL SCRUTINEER
            GET  /performance/context                                            ADMIN BUSINESS PANEL SCRUTINEER
            GET  /performance/priorities                                         ADMIN BUSINESS PANEL SCRUTINEER
            GET  /performance/early-warning                                      ADMIN BUSINESS PANEL SCRUTINEER
            # acknowledging an early warning and recording a change are the business team's (returns:review)
            POST /performance/early-warning/episodes/0/acknowledge               ADMIN BUSINESS
            POST /performance/early-warning/cp_rate/changes                      ADMIN BUSINESS
            POST /performance/indicators/cp_rate/commentary                      ADMIN BUSINESS
            # Section 11: agencies answer, panel members moderate, the business team runs cycles; reading a
            # particular return or an unpublished analysis is decided per record (404), not per route
            GET  /section11                                                      everyone
            GET  /section11/templates                                            everyone
            GET  /section11/templates/import                                     ADMIN BUSINESS
            POST /section11/templates/import                                     ADMIN BUSINESS
            GET  /section11/cycles                                               ADMIN BUSINESS
            GET  /section11/cycles/new                                           ADMIN BUSINESS
            GET  /section11/cycles/999999                                        ADMIN BUSINESS
            POST /section11/cycles/999999/agencies                               ADMIN BUSINESS
            GET  /section11/cycles/999999/assignments                            ADMIN BUSINESS
            GET  /section11/cycles/999999/meetings                               ADMIN BUSINESS
            GET  /section11/cycles/999999/survey                                 ADMIN BUSINESS
            POST /section11/cycles/999999/publish                                ADMIN BUSINESS
            GET  /section11/cycles/999999/analysis                               everyone
            GET  /section11/cycles/999999/analysis/data.csv                      everyone
            GET  /section11/cycles/999999/survey/results                         ADMIN BUSINESS
            GET  /section11/cycles/999999/publish                                ADMIN BUSINESS
            GET  /section11/returns/999999                                       everyone
            GET  /section11/returns/999999/history                               everyone
            GET  /section11/returns/999999/challenges                            everyone
            GET  /section11/returns/999999/survey                                everyone
            POST /section11/returns/999999/start                                 ADMIN LEAD PRACTITIONER
            POST /section11/returns/999999/contributors                          ADMIN LEAD PRACTITIONER
            GET  /section11/returns/999999/moderation                            everyone
            POST /section11/returns/999999/submit                                ADMIN LEAD PRACTITIONER
            POST /section11/returns/999999/sections/1                            ADMIN LEAD PRACTITIONER
            POST /section11/returns/999999/challenges/1/response                 ADMIN LEAD PRACTITIONER
            POST /section11/returns/999999/moderation/final                      ADMIN BUSINESS PANEL
            # the official bank holiday list every statutory clock counts with: administrators only
            GET  /bank-holidays                                                  ADMIN
            POST /bank-holidays                                                  ADMIN
            POST /section11/returns/999999/moderation/standards/1                ADMIN BUSINESS PANEL
            POST /section11/returns/999999/moderation/standards/1/autosave       ADMIN BUSINESS PANEL
            GET  /an-unlisted-route                                              nobody
            """);

    @Autowired
    MockMvc mvc;

    @Autowired
    Principals principals;

    static Stream<Arguments> matrix() {
        List<Arguments> cells = new ArrayList<>();
        for (Route r : ROUTES) {
            for (String who : EVERYONE) {
                cells.add(Arguments.of(r, who, r.allowed().contains(who)));
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} as {1}: allowed={2}")
    @MethodSource("matrix")
    void eachRoleGetsExactlyTheRoutesItShould(Route route, String who, boolean allowed) throws Exception {
        int status = mvc.perform(
                        request(route).with(SignedIn.as(principals, who)).with(csrf()))
                .andReturn()
                .getResponse()
                .getStatus();
        if (allowed) {
            // allowed routes may still answer 404 (a record out of scope) or 422 (an empty form), never 403
            assertThat(status).as("%s as %s", route, who).isNotEqualTo(403).isLessThan(500);
        } else {
            assertThat(status).as("%s as %s", route, who).isEqualTo(403);
        }
    }

    @ParameterizedTest(name = "{0} without signing in")
    @MethodSource("routes")
    void everyProtectedRouteSendsStrangersToSignIn(Route route) throws Exception {
        var response = mvc.perform(request(route).with(csrf())).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(response.getRedirectedUrl()).endsWith("/sign-in");
    }

    static Stream<Route> routes() {
        return ROUTES.stream();
    }

    @Test
    void postWithoutCsrfTokenIsRefusedEvenForAnAdministrator() throws Exception {
        int status = mvc.perform(post("/people/invite").with(SignedIn.as(principals, ADMIN)))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(status).isEqualTo(403);
    }

    @Test
    void publicPagesNeedNoSignIn() throws Exception {
        for (String path : List.of("/sign-in", "/accessibility", "/privacy", "/actuator/health/readiness")) {
            assertThat(mvc.perform(get(path)).andReturn().getResponse().getStatus())
                    .as(path)
                    .isEqualTo(200);
        }
    }

    @Test
    void theStaffSurveyIsAnsweredWithoutSigningInAndAnUnknownLinkIsNotFound() throws Exception {
        assertThat(mvc.perform(get("/survey/no-such-link"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    private static MockHttpServletRequestBuilder request(Route r) {
        return r.method().equals("GET")
                ? get(r.path())
                : post(r.path())
                        .params(new org.springframework.util.LinkedMultiValueMap<>(Map.of("version", List.of("0"))));
    }
}
