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
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final List<Route> ROUTES = List.of(
            new Route("GET", "/", Set.copyOf(EVERYONE)),
            new Route("GET", "/account", Set.copyOf(EVERYONE)),
            new Route("GET", "/agencies", Set.copyOf(EVERYONE)),
            new Route("GET", "/agencies/1", Set.copyOf(EVERYONE)),
            new Route("GET", "/groups", Set.copyOf(EVERYONE)),
            new Route("GET", "/districts", Set.copyOf(EVERYONE)),
            new Route("GET", "/agencies/new", Set.of(ADMIN, BUSINESS)),
            new Route("POST", "/agencies/new", Set.of(ADMIN, BUSINESS)),
            new Route("GET", "/agencies/1/edit", Set.of(ADMIN, BUSINESS)),
            new Route("POST", "/agencies/999999/archive", Set.of(ADMIN, BUSINESS)),
            new Route("GET", "/groups/new", Set.of(ADMIN, BUSINESS)),
            new Route("GET", "/districts/new", Set.of(ADMIN, BUSINESS)),
            new Route("GET", "/partnerships", Set.of(ADMIN, BUSINESS)),
            new Route("GET", "/partnerships/new", Set.of(ADMIN)),
            new Route("POST", "/partnerships/new", Set.of(ADMIN)),
            new Route("GET", "/groups/1/members/1/edit", Set.of(ADMIN, BUSINESS)),
            new Route("GET", "/partnerships/1/edit", Set.of(ADMIN)),
            new Route("GET", "/areas", Set.of(ADMIN, BUSINESS)),
            new Route("POST", "/tasks/999999/done", Set.copyOf(EVERYONE)),
            new Route("POST", "/account/partnership", Set.copyOf(EVERYONE)),
            new Route("POST", "/imports/999999/commit", Set.of(ADMIN, BUSINESS)),
            new Route("POST", "/people/999999/reactivate", Set.of(ADMIN)),
            new Route("GET", "/people", Set.of(ADMIN, BUSINESS, LEAD)),
            new Route("GET", "/people/1", Set.of(ADMIN, BUSINESS, LEAD)),
            new Route("GET", "/people/invite", Set.of(ADMIN)),
            new Route("POST", "/people/invite", Set.of(ADMIN)),
            new Route("POST", "/people/999999/deactivate", Set.of(ADMIN)),
            new Route("POST", "/people/999999/reset", Set.of(ADMIN)),
            new Route("GET", "/imports", Set.of(ADMIN, BUSINESS)),
            new Route("GET", "/imports/new", Set.of(ADMIN, BUSINESS)),
            new Route("POST", "/imports/new", Set.of(ADMIN, BUSINESS)),
            new Route("GET", "/imports/export.csv", Set.of(ADMIN, BUSINESS)),
            new Route("GET", "/audit", Set.of(ADMIN)),
            new Route("GET", "/audit/export.csv", Set.of(ADMIN)),
            // case reviews: case detail for the business team, and for panel members only the reviews they are members
            // of (a 404 otherwise: CaseMembershipTests); actions and settings for the business team
            new Route("GET", "/cases", Set.of(ADMIN, BUSINESS, PANEL)),
            new Route("GET", "/cases/settings", Set.of(ADMIN, BUSINESS)),
            new Route("POST", "/cases/settings", Set.of(ADMIN, BUSINESS)),
            new Route("GET", "/cases/overdue", Set.of(ADMIN, BUSINESS, PANEL)),
            new Route("GET", "/cases/999999", Set.of(ADMIN, BUSINESS, PANEL)),
            new Route("POST", "/cases/999999/triage", Set.of(ADMIN, BUSINESS)),
            new Route("GET", "/reviews", Set.of(ADMIN, BUSINESS, PANEL)),
            new Route("GET", "/reviews/999999", Set.of(ADMIN, BUSINESS, PANEL)),
            new Route("GET", "/reviews/new", Set.of(ADMIN, BUSINESS)),
            new Route("POST", "/reviews/new", Set.of(ADMIN, BUSINESS)),
            // requests addressed to an agency are answered by its lead (administrators hold every permission)
            new Route("GET", "/contributions", Set.of(ADMIN, LEAD)),
            new Route("GET", "/contributions/999999", Set.of(ADMIN, LEAD)),
            new Route("POST", "/contributions/999999", Set.of(ADMIN, LEAD)),
            // anyone working with children may refer an incident, except the read-only scrutineer
            new Route("GET", "/referrals", Set.of(ADMIN, BUSINESS, LEAD, PANEL, PRACTITIONER)),
            new Route("GET", "/referrals/999999", Set.of(ADMIN, BUSINESS, LEAD, PANEL, PRACTITIONER)),
            // learning tracker: read widely, change by the business team, progress by agencies, sign-off by panels
            new Route("GET", "/learning", Set.of(ADMIN, BUSINESS, LEAD, PANEL, SCRUTINEER)),
            new Route("GET", "/learning/themes", Set.of(ADMIN, BUSINESS, LEAD, PANEL, SCRUTINEER)),
            new Route("GET", "/learning/recommendations/new", Set.of(ADMIN, BUSINESS)),
            new Route("POST", "/learning/recommendations/new", Set.of(ADMIN, BUSINESS)),
            new Route("POST", "/learning/actions/999999/update", Set.of(ADMIN, BUSINESS, LEAD)),
            new Route("POST", "/learning/actions/999999/sign-off", Set.of(ADMIN, BUSINESS, PANEL)),
            // evidence files may hold case detail: the owning agency, the business team and the signing-off panel
            new Route("GET", "/learning/actions/999999/evidence/1", Set.of(ADMIN, BUSINESS, LEAD, PANEL)),
            new Route("GET", "/dashboards", Set.of(ADMIN, BUSINESS, PANEL, SCRUTINEER)),
            new Route("GET", "/dashboards/referrals", Set.of(ADMIN, BUSINESS, PANEL, SCRUTINEER)),
            new Route("GET", "/dashboards/themes", Set.of(ADMIN, BUSINESS, PANEL, SCRUTINEER)),
            // multi-agency dataset: agencies submit their own returns, the business team reviews them and keeps
            // the catalogue; the scorecard and dashboards are for those who read reports (not agency leads)
            new Route("GET", "/returns", Set.of(ADMIN, BUSINESS, LEAD)),
            new Route("GET", "/returns/999999", Set.of(ADMIN, BUSINESS, LEAD)),
            new Route("POST", "/returns/999999/submit", Set.of(ADMIN, BUSINESS, LEAD)),
            new Route("POST", "/returns/999999/send-back", Set.of(ADMIN, BUSINESS)),
            new Route("POST", "/returns/999999/accept", Set.of(ADMIN, BUSINESS)),
            new Route("GET", "/returns/tokens", Set.of(ADMIN, BUSINESS, LEAD)),
            new Route("GET", "/performance/extracts", Set.of(ADMIN, BUSINESS, LEAD)),
            new Route("GET", "/performance/catalogue", Set.of(ADMIN, BUSINESS, LEAD, PANEL, SCRUTINEER)),
            new Route("GET", "/performance/catalogue/new-indicator", Set.of(ADMIN, BUSINESS)),
            new Route("GET", "/performance/catalogue/export.yaml", Set.of(ADMIN, BUSINESS, LEAD, PANEL, SCRUTINEER)),
            new Route("POST", "/performance/catalogue/import", Set.of(ADMIN, BUSINESS)),
            new Route("GET", "/performance", Set.of(ADMIN, BUSINESS, PANEL, SCRUTINEER)),
            new Route("GET", "/performance/indicators/cp_rate", Set.of(ADMIN, BUSINESS, PANEL, SCRUTINEER)),
            new Route("GET", "/performance/context", Set.of(ADMIN, BUSINESS, PANEL, SCRUTINEER)),
            new Route("GET", "/performance/priorities", Set.of(ADMIN, BUSINESS, PANEL, SCRUTINEER)),
            new Route("GET", "/performance/early-warning", Set.of(ADMIN, BUSINESS, PANEL, SCRUTINEER)),
            // acknowledging an early warning and recording a change are the business team's (returns:review)
            new Route("POST", "/performance/early-warning/episodes/0/acknowledge", Set.of(ADMIN, BUSINESS)),
            new Route("POST", "/performance/early-warning/cp_rate/changes", Set.of(ADMIN, BUSINESS)),
            new Route("POST", "/performance/indicators/cp_rate/commentary", Set.of(ADMIN, BUSINESS)),
            // Section 11: agencies answer, panel members moderate, the business team runs cycles; reading a
            // particular return or an unpublished analysis is decided per record (404), not per route
            new Route("GET", "/section11", Set.copyOf(EVERYONE)),
            new Route("GET", "/section11/templates", Set.copyOf(EVERYONE)),
            new Route("GET", "/section11/templates/import", Set.of(ADMIN, BUSINESS)),
            new Route("POST", "/section11/templates/import", Set.of(ADMIN, BUSINESS)),
            new Route("GET", "/section11/cycles", Set.of(ADMIN, BUSINESS)),
            new Route("GET", "/section11/cycles/new", Set.of(ADMIN, BUSINESS)),
            new Route("GET", "/section11/cycles/999999", Set.of(ADMIN, BUSINESS)),
            new Route("POST", "/section11/cycles/999999/agencies", Set.of(ADMIN, BUSINESS)),
            new Route("GET", "/section11/cycles/999999/assignments", Set.of(ADMIN, BUSINESS)),
            new Route("GET", "/section11/cycles/999999/meetings", Set.of(ADMIN, BUSINESS)),
            new Route("GET", "/section11/cycles/999999/survey", Set.of(ADMIN, BUSINESS)),
            new Route("POST", "/section11/cycles/999999/publish", Set.of(ADMIN, BUSINESS)),
            new Route("GET", "/section11/cycles/999999/analysis", Set.copyOf(EVERYONE)),
            new Route("GET", "/section11/cycles/999999/analysis/data.csv", Set.copyOf(EVERYONE)),
            new Route("GET", "/section11/cycles/999999/survey/results", Set.of(ADMIN, BUSINESS)),
            new Route("GET", "/section11/cycles/999999/publish", Set.of(ADMIN, BUSINESS)),
            new Route("GET", "/section11/returns/999999", Set.copyOf(EVERYONE)),
            new Route("GET", "/section11/returns/999999/history", Set.copyOf(EVERYONE)),
            new Route("GET", "/section11/returns/999999/challenges", Set.copyOf(EVERYONE)),
            new Route("GET", "/section11/returns/999999/survey", Set.copyOf(EVERYONE)),
            new Route("POST", "/section11/returns/999999/start", Set.of(ADMIN, LEAD, PRACTITIONER)),
            new Route("POST", "/section11/returns/999999/contributors", Set.of(ADMIN, LEAD, PRACTITIONER)),
            new Route("GET", "/section11/returns/999999/moderation", Set.copyOf(EVERYONE)),
            new Route("POST", "/section11/returns/999999/submit", Set.of(ADMIN, LEAD, PRACTITIONER)),
            new Route("POST", "/section11/returns/999999/sections/1", Set.of(ADMIN, LEAD, PRACTITIONER)),
            new Route("POST", "/section11/returns/999999/challenges/1/response", Set.of(ADMIN, LEAD, PRACTITIONER)),
            new Route("POST", "/section11/returns/999999/moderation/final", Set.of(ADMIN, BUSINESS, PANEL)),
            // the official bank holiday list every statutory clock counts with: administrators only
            new Route("GET", "/bank-holidays", Set.of(ADMIN)),
            new Route("POST", "/bank-holidays", Set.of(ADMIN)),
            new Route("POST", "/section11/returns/999999/moderation/standards/1", Set.of(ADMIN, BUSINESS, PANEL)),
            new Route(
                    "POST",
                    "/section11/returns/999999/moderation/standards/1/autosave",
                    Set.of(ADMIN, BUSINESS, PANEL)),
            new Route("GET", "/an-unlisted-route", Set.of()));

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
