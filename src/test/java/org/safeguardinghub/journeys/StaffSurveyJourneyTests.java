package org.safeguardinghub.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.identity.signin.Principals;
import org.safeguardinghub.section11.Section11Fixtures;
import org.safeguardinghub.support.DemoAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The business team sets up the staff survey for a cycle and copies an agency's link; a member of that agency's
 * staff, in a browser that has never signed in, answers it (after one validation error) and is thanked; the business
 * team sees the agency's response count go up. Every page, the public ones included, is scanned with axe.
 */
class StaffSurveyJourneyTests extends BrowserJourney {

    @Autowired
    Principals principals;

    @Autowired
    JdbcClient jdbc;

    @Test
    void businessTeamSetsUpTheSurveyAndAStaffMemberAnswersItWithoutSigningIn() {
        Section11Fixtures fx = new Section11Fixtures(jdbc, principals);
        long template = fx.template();
        long cycle = fx.cycle(Section11Fixtures.unique("Journey staff survey cycle"), null, fx.kent());
        long agency = fx.newAgency(fx.kent());
        long other = fx.newAgency(fx.kent());
        fx.expect(cycle, agency, template);
        fx.expect(cycle, other, template);

        signIn(DemoAccounts.BUSINESS, DemoAccounts.PASSWORD);
        visit("/section11/cycles/" + cycle + "/survey");
        assertThat(page.content()).contains("Set up the staff survey").contains("2 agencies are expected");
        page.locator("#set-up-survey").click();
        page.waitForLoadState();
        assertAccessible();
        assertThat(page.content()).contains("Staff survey set up with 2 agency links");
        Locator row = page.locator("tr[data-agency='" + agency + "']");
        String link = row.locator(".survey-link").textContent().strip();
        assertThat(link).startsWith("http://localhost:" + port + "/survey/");
        assertThat(row.locator(".survey-responses").textContent().strip()).isEqualTo("0");

        // a member of staff, in a browser of their own that has never signed in
        Page businessPage = page;
        BrowserContext staff = browser.newContext(new Browser.NewContextOptions());
        try {
            page = staff.newPage();
            visit(link);
            assertThat(page.content()).contains("This survey is anonymous");
            assertThat(page.locator(".hub-header__account").count()).isZero();
            Locator questions = page.locator("#survey-answers fieldset");
            assertThat(questions.count()).isGreaterThanOrEqualTo(8);

            // only the first question answered: refused, with that answer kept
            questions
                    .nth(0)
                    .getByLabel("Agree", new Locator.GetByLabelOptions().setExact(true))
                    .check();
            page.locator("#send-answers").click();
            page.waitForLoadState();
            assertAccessible();
            assertThat(page.locator(".govuk-error-summary").textContent()).contains("There is a problem");
            assertThat(questions
                            .nth(0)
                            .getByLabel("Agree", new Locator.GetByLabelOptions().setExact(true))
                            .isChecked())
                    .isTrue();

            // the error summary links to the question; answer every one
            for (int i = 1; i < questions.count(); i++) {
                questions.nth(i).locator("input[type=radio]").first().check();
            }
            page.locator("textarea").first().fill("More joint training would help");
            page.locator("#send-answers").click();
            page.waitForLoadState();
            assertAccessible();
            assertThat(page.locator("h1").textContent()).contains("Thank you for your answers");
        } finally {
            page = businessPage;
            staff.close();
        }

        visit("/section11/cycles/" + cycle + "/survey");
        row = page.locator("tr[data-agency='" + agency + "']");
        assertThat(row.locator(".survey-responses").textContent().strip()).isEqualTo("1");
        assertThat(page.locator("tr[data-agency='" + other + "'] .survey-responses")
                        .textContent()
                        .strip())
                .isEqualTo("0");
        assertThat(page.locator("#total-responses").textContent().strip()).isEqualTo("1");

        page.locator("#survey-results").click();
        page.waitForLoadState();
        assertAccessible();
        // one answer is below the threshold, so the agency's results are suppressed
        assertThat(page.locator("#results-by-standard tr[data-agency='" + agency + "']")
                        .textContent())
                .contains("fewer than");
    }
}
