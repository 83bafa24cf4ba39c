package org.safeguardinghub.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.safeguardinghub.support.DemoAccounts;
import org.safeguardinghub.support.SignedIn;
import org.safeguardinghub.support.SignedInPages;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The menu on the Kent demo data: the modules' entries grouped into a few sections (service navigation), the
 * entries of the page's section beside it (side navigation), and no link, in the menu or on the pages it leads to,
 * that refuses the person who sees it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class NavigationTests extends SignedInPages {

    static final Pattern SECTION_LINK = Pattern.compile(
            "<a class=\"govuk-service-navigation__link\" href=\"([^\"]+)\"[^>]*>\\s*(?:<strong[^>]*>)?([^<]+)");
    static final Pattern SIDE_LINK = Pattern.compile(
            "class=\"govuk-link govuk-link--no-visited-state hub-side-navigation__link\" href=\"([^\"]+)\"");
    static final Pattern HREF = Pattern.compile("href=\"(/[^\"#]*)\"");

    @Test
    void anAdministratorSeesSixSectionsAndTheAdministrationEntriesBesideAnAdministrationPage() throws Exception {
        String home = page(DemoAccounts.ADMIN, "/");
        assertThat(labels(home))
                .containsExactly(
                        "Home", "Cases and reviews", "Learning", "Data and performance", "Assurance", "Administration");

        String agencies = page(DemoAccounts.ADMIN, "/agencies");
        assertThat(matches(SIDE_LINK, agencies))
                .containsExactly(
                        "/agencies",
                        "/groups",
                        "/districts",
                        "/partnerships",
                        "/people",
                        "/imports",
                        "/bank-holidays",
                        "/audit");
        assertThat(agencies)
                .contains("govuk-service-navigation__item--active")
                .containsPattern("href=\"/agencies\"\\s+aria-current=\"page\">Agencies</a>");
    }

    @Test
    void anAgencyLeadSeesOnlyTheSectionsAndEntriesTheirRoleOpens() throws Exception {
        assertThat(labels(page(DemoAccounts.PRACTITIONER, "/")))
                .containsExactly("Home", "Cases and reviews", "Assurance", "Administration");
        String home = page(DemoAccounts.POLICE_LEAD, "/");
        assertThat(matches(SIDE_LINK, home))
                .contains("/", "/contributions", "/referrals", "/learning", "/returns", "/section11", "/agencies")
                .doesNotContain("/cases", "/reviews", "/dashboards", "/performance", "/imports", "/audit");
        String groups = page(DemoAccounts.POLICE_LEAD, "/groups");
        assertThat(matches(SIDE_LINK, groups)).containsExactly("/agencies", "/groups", "/districts", "/people");
    }

    /**
     * On a phone the columns stack in page order, so the home page's long list of everything a person can open comes
     * after the home page's own content; a section's short list still comes first, as GOV.UK sub-navigation does.
     */
    @Test
    void theHomePagesFullListFollowsTheContentWhileASectionsListLeadsIt() throws Exception {
        String home = page(DemoAccounts.ADMIN, "/");
        assertThat(home.indexOf("id=\"main-content\""))
                .isPositive()
                .isLessThan(home.indexOf("aria-label=\"Everything you can open\""));
        String agencies = page(DemoAccounts.ADMIN, "/agencies");
        assertThat(agencies.indexOf("aria-label=\"In this section\""))
                .isPositive()
                .isLessThan(agencies.indexOf("id=\"main-content\""));
    }

    /** A recommendation from a practice review names the review; only those who may open the review get a link. */
    @Test
    void anAgencyLeadsRecommendationPageHasNoLinkToTheReviewThatRefusesThem() throws Exception {
        Long id = jdbc.sql("""
                        select r.id from recommendation r
                        join learning_action a on a.recommendation_id = r.id
                        join app_user u on u.agency_id = a.owner_agency_id and u.email = :lead
                        where r.source_type = 'PRACTICE_REVIEW' and r.source_id is not null
                        order by r.id limit 1""")
                .param("lead", DemoAccounts.POLICE_LEAD)
                .query(Long.class)
                .optional()
                .orElse(null);
        assertThat(id)
                .as("the demo has a practice review recommendation with a police action")
                .isNotNull();
        String path = "/learning/recommendations/" + id;

        String lead = page(DemoAccounts.POLICE_LEAD, path);
        assertThat(matches(HREF, lead)).noneMatch(href -> href.startsWith("/reviews"));

        String business = page(DemoAccounts.BUSINESS, path);
        assertThat(matches(HREF, business)).anyMatch(href -> href.startsWith("/reviews/"));
    }

    /**
     * Every link a person sees, from the home page, the pages of their menu and the pages those link to, opens for
     * them: no page offers a link that answers "You do not have access to this page".
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                DemoAccounts.ADMIN,
                DemoAccounts.BUSINESS,
                DemoAccounts.POLICE_LEAD,
                DemoAccounts.PANEL,
                DemoAccounts.PRACTITIONER,
                DemoAccounts.SCRUTINEER
            })
    void noLinkLeadsAnyoneToARefusal(String account) throws Exception {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String[]> queue = new ArrayDeque<>();
        queue.add(new String[] {"/", "(start)", "0"});
        List<String> refused = new ArrayList<>();
        while (!queue.isEmpty() && seen.size() < 250) {
            String[] next = queue.poll();
            String href = next[0];
            if (!seen.add(href)) {
                continue;
            }
            MockHttpServletResponse response = mvc.perform(get(href).with(SignedIn.as(principals, account)))
                    .andReturn()
                    .getResponse();
            if (response.getStatus() == 403) {
                refused.add(href + " (linked from " + next[1] + ")");
                continue;
            }
            int depth = Integer.parseInt(next[2]);
            String type = response.getContentType();
            if (depth >= 2 || type == null || !type.startsWith("text/html")) {
                continue;
            }
            for (String link : matches(HREF, response.getContentAsString())) {
                if (followable(link) && !seen.contains(link)) {
                    queue.add(new String[] {link, href, String.valueOf(depth + 1)});
                }
            }
        }
        assertThat(seen).hasSizeGreaterThan(10);
        assertThat(refused).isEmpty();
    }

    private static boolean followable(String href) {
        return !href.startsWith("/assets")
                && !href.startsWith("/webjars")
                && !href.startsWith("/sign-")
                && !href.matches(".*\\.(pdf|xlsx|csv|json|yaml|svg|ico)(\\?.*)?$")
                && !href.contains("/export");
    }

    private static List<String> labels(String html) {
        List<String> labels = new ArrayList<>();
        Matcher m = SECTION_LINK.matcher(html);
        while (m.find()) {
            labels.add(m.group(2).trim());
        }
        return labels;
    }

    private static List<String> matches(Pattern pattern, String html) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(html);
        while (m.find()) {
            found.add(m.group(1).replace("&amp;", "&"));
        }
        return found;
    }
}
