package org.safeguardinghub.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.identity.signin.Principals;
import org.safeguardinghub.section11.Section11Fixtures;
import org.safeguardinghub.support.DemoAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Moderation of a submitted Section 11 return as the people involved would click it, each in their own browser: the
 * business team assigns a panel member and records a panel meeting; the panel member scores every standard and asks
 * a challenge; Kent Police's safeguarding lead answers it; the panel member then agrees the final position, sending
 * the agency's improvement action to the learning tracker. Every page is checked with axe.
 */
class Section11ModerationJourneyTests extends BrowserJourney {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Principals principals;

    @Test
    void panelModeratesAndChallengesTheAgencyAnswersAndThePanelAgrees() throws Exception {
        Section11Fixtures fx = new Section11Fixtures(jdbc, principals);
        String cycleName = Section11Fixtures.unique("Journey Section 11 cycle");
        long cycle = fx.cycle(cycleName, null, fx.kent());
        long ret = fx.expect(cycle, fx.agency("Kent Police"), fx.template());
        fx.answerAll(ret, 2);
        fx.submit(ret);
        List<Long> standards = jdbc.sql("""
                        select s.id from s11_standard s join s11_return r on r.template_id = s.template_id
                        where r.id = :r order by s.section_id, s.position""").param("r", ret).query(Long.class).list();
        String improvement = Section11Fixtures.unique("Relaunch the escalation policy");
        jdbc.sql("""
                        insert into s11_improvement (return_id, standard_id, agency_id, text, owner_name, due_on,
                                                     created_by_name)
                        select r.id, :s, r.agency_id, :t, 'Head of public protection', :due, 'Test'
                        from s11_return r where r.id = :r""")
                .param("r", ret)
                .param("s", standards.get(3))
                .param("t", improvement)
                .param("due", LocalDate.now().plusMonths(3))
                .update();
        String moderation = "/section11/returns/" + ret + "/moderation";

        // the business team assigns the panel member; their own agency's returns are never offered to them
        signIn(DemoAccounts.BUSINESS, DemoAccounts.PASSWORD);
        visit("/section11/cycles/" + cycle + "/assignments");
        Locator row = page.locator("#return-" + ret);
        assertThat(row.textContent()).contains("Kent Police").contains("Submitted");
        row.getByLabel("Panel member for Kent Police")
                .selectOption(new SelectOption().setLabel("Chris Evans (NHS Kent and Medway Integrated Care Board)"));
        row.getByRole(AriaRole.BUTTON).click();
        page.waitForLoadState();
        assertAccessible();
        assertThat(page.locator(".govuk-notification-banner").textContent()).contains("Panel member assigned");
        assertThat(page.locator("#return-" + ret).textContent()).contains("Chris Evans");

        // and records the panel meeting that will discuss it
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Panel meetings"))
                .click();
        page.waitForLoadState();
        assertAccessible();
        button("Add meeting").click();
        page.waitForLoadState();
        assertAccessible();
        assertThat(page.locator(".govuk-error-summary").textContent()).contains("Enter who attended");
        page.locator("#heldOn-day").fill("10");
        page.locator("#heldOn-month").fill("12");
        page.locator("#heldOn-year").fill("2026");
        page.getByLabel("Attendees").fill("Priya Shah (KCC), Chris Evans (ICB)");
        page.getByLabel("Kent Police (submitted)").check();
        button("Add meeting").click();
        page.waitForLoadState();
        assertAccessible();
        assertThat(page.locator("h1").textContent()).contains("Panel meeting on 10 December 2026");
        assertThat(page.locator("#meeting").textContent()).contains("Kent Police");

        // the panel member, in their own browser, scores each standard and challenges one
        BrowserContext panel = newContext();
        try {
            page = panel.newPage();
            signIn(DemoAccounts.PANEL, DemoAccounts.PASSWORD);
            visit(moderation);
            assertThat(page.locator("h1").textContent()).contains("Moderate Kent Police");
            button("Save moderated score for S1").click();
            page.waitForLoadState();
            assertAccessible();
            assertThat(page.locator(".govuk-error-summary").textContent())
                    .contains("Select the moderated score for S1");
            for (long s : standards) {
                page.locator("#score-" + s + "-3").check(); // the third choice: 2, largely met
                String code =
                        page.locator("#standard-" + s).textContent().trim().split(" ")[0];
                button("Save moderated score for " + code).click();
                page.waitForLoadState();
                assertAccessible();
                assertThat(page.locator(".govuk-notification-banner").textContent())
                        .contains("Moderated score for " + code + " saved");
            }
            page.getByLabel("Standard", new Page.GetByLabelOptions().setExact(true))
                    .selectOption(new SelectOption().setLabel("S7 Effective inter-agency working"));
            page.getByLabel("Challenge question").fill("How many escalations were raised by officers last year?");
            button("Send challenge").click();
            page.waitForLoadState();
            assertAccessible();
            assertThat(page.locator(".govuk-notification-banner").textContent()).contains("Challenge on S7 sent");
            button("Agree final position").click();
            page.waitForLoadState();
            assertAccessible();
            assertThat(page.locator(".govuk-error-summary").textContent())
                    .contains("Kent Police has not answered the challenge on S7 yet");
        } finally {
            panel.close();
        }

        // Kent Police's safeguarding lead answers the challenge
        BrowserContext police = newContext();
        try {
            page = police.newPage();
            signIn(DemoAccounts.POLICE_LEAD, DemoAccounts.PASSWORD);
            visit("/section11/returns/" + ret + "/challenges");
            assertThat(page.locator("main").textContent())
                    .contains("How many escalations were raised by officers last year?")
                    .contains("Awaiting answer");
            button("Send answer to challenge 1 on S7").click();
            page.waitForLoadState();
            assertAccessible();
            assertThat(page.locator(".govuk-error-summary").textContent()).contains("Enter your answer");
            page.getByLabel("Your answer to challenge 1 on S7")
                    .fill("Forty-two escalations, all resolved at the first stage; log attached to S7.");
            button("Send answer to challenge 1 on S7").click();
            page.waitForLoadState();
            assertAccessible();
            assertThat(page.locator(".govuk-notification-banner").textContent()).contains("answer was sent");
            assertThat(page.locator("main").textContent())
                    .contains("Forty-two escalations")
                    .contains("Answered");
        } finally {
            police.close();
        }

        // the panel member agrees the final position; the improvement action goes to the learning tracker
        BrowserContext panelAgain = newContext();
        try {
            page = panelAgain.newPage();
            signIn(DemoAccounts.PANEL, DemoAccounts.PASSWORD);
            visit(moderation);
            assertThat(page.locator("main").textContent()).contains("Forty-two escalations");
            page.getByLabel("Partly assured", new Page.GetByLabelOptions().setExact(false))
                    .check();
            page.getByLabel("Feedback for the agency").fill("Strong leadership; escalation evidence now clear.");
            page.getByLabel(improvement, new Page.GetByLabelOptions().setExact(false))
                    .check();
            button("Agree final position").click();
            page.waitForLoadState();
            assertAccessible();
            assertThat(page.locator(".govuk-notification-banner").textContent()).contains("Final position agreed");
            assertThat(page.locator("#agreed").textContent())
                    .contains("Partly assured")
                    .contains(improvement);
            assertThat(page.locator("#return-status").textContent()).contains("Moderated");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(improvement))
                    .click();
            page.waitForLoadState();
            assertAccessible();
            assertThat(page.locator("main").textContent())
                    .contains("Section 11 " + cycleName + ": Kent Police")
                    .contains("Kent Police");
        } finally {
            panelAgain.close();
        }
        assertThat(fx.status(ret)).isEqualTo("MODERATED");
    }

    private BrowserContext newContext() {
        return browser.newContext(new Browser.NewContextOptions().setBaseURL("http://localhost:" + port));
    }

    private Locator button(String name) {
        return page.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }
}
