package org.safeguardinghub.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.identity.signin.Principals;
import org.safeguardinghub.section11.Section11Fixtures;
import org.safeguardinghub.support.DemoAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The police lead completes a Section 11 return: starts blank (though the previous cycle's answers are offered),
 * fills a standard that saves itself, reloads mid-way and finds it kept, uploads a PDF as evidence, gets a
 * validation error and fixes it, completes both sections, checks the answers and submits with the declaration.
 */
class Section11ReturnJourneyTests extends BrowserJourney {

    private static final byte[] PDF =
            "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    Principals principals;

    @Autowired
    JdbcClient jdbc;

    @Test
    void policeLeadCompletesAndSubmitsAReturn() {
        Section11Fixtures fx = new Section11Fixtures(jdbc, principals);
        long template = fx.template();
        long police = fx.agency("Kent Police");
        long earlier = fx.cycle(Section11Fixtures.unique("Journey earlier cycle"), null, fx.kent(), fx.medway());
        fx.answerAll(fx.expect(earlier, police, template), 1);
        long cycle = fx.cycle(Section11Fixtures.unique("Journey cycle"), earlier, fx.kent(), fx.medway());
        long id = fx.expect(cycle, police, template);
        long s1 = standard(template, "S1");
        long s2 = standard(template, "S2");
        long s5 = standard(template, "S5");
        long s7 = standard(template, "S7");

        signIn(DemoAccounts.POLICE_LEAD, DemoAccounts.PASSWORD);
        visit("/section11/returns/" + id);
        assertThat(page.locator("#return-status").textContent()).isEqualTo("Not started");
        page.getByLabel("Start with a blank return").check();
        page.locator("#start-return").click();
        page.waitForLoadState();
        assertThat(page.locator("#return-status").textContent()).isEqualTo("In progress");
        assertAccessible();

        page.locator("#section-link-A").click();
        page.waitForLoadState();
        assertAccessible();
        page.locator("#score-" + s1 + "-3").check(); // 2 – Largely met
        page.locator("#answer-" + s1 + "-" + question(s1)).check();
        // the evidence saves itself shortly after typing stops
        Response saved = page.waitForResponse(
                r -> r.url().endsWith("/standards/" + s1 + "/autosave")
                        && r.request().postData() != null
                        && r.request().postData().contains("quarterly"),
                () -> page.locator("#evidence-" + s1).fill("The chief officer group reviews safeguarding quarterly."));
        assertThat(saved.headers()).containsEntry("x-autosave", "saved");
        PlaywrightAssertions.assertThat(page.locator("#autosave-" + s1)).containsText("Saved at");

        // reload mid-way: everything autosaved is still there
        page.reload();
        page.waitForLoadState();
        assertThat(page.locator("#evidence-" + s1).inputValue())
                .isEqualTo("The chief officer group reviews safeguarding quarterly.");
        assertThat(page.locator("#score-" + s1 + "-3").isChecked()).isTrue();
        assertThat(page.locator("#answer-" + s1 + "-" + question(s1)).isChecked())
                .isTrue();
        assertAccessible();

        page.locator("#file-" + s1).setInputFiles(new FilePayload("safeguarding-policy.pdf", "application/pdf", PDF));
        page.locator("#upload-button-" + s1).click();
        page.waitForLoadState();
        assertThat(page.content()).contains("safeguarding-policy.pdf uploaded as evidence for S1");
        assertAccessible();

        // completing the section with S2 unanswered is refused, keeping what was typed
        page.locator("#evidence-" + s2).fill("Job descriptions name safeguarding duties.");
        page.locator("#completed").check();
        page.locator("#save-continue").click();
        page.waitForLoadState();
        assertThat(page.content()).contains("There is a problem").contains("Select a score for S2, or not applicable");
        assertThat(page.locator("#evidence-" + s2).inputValue())
                .isEqualTo("Job descriptions name safeguarding duties.");
        assertAccessible();
        page.locator("#score-" + s2 + "-4").check(); // 3 – Fully met
        page.locator("#completed").check();
        page.locator("#save-continue").click();
        page.waitForLoadState();
        assertThat(page.content()).contains("Section A saved");
        assertAccessible();

        page.locator("#section-link-B").click();
        page.waitForLoadState();
        page.locator("#score-" + s5 + "-4").check();
        page.locator("#evidence-" + s5).fill("Every officer completes safeguarding training every year.");
        page.locator("#score-" + s7 + "-na").check();
        page.locator("#completed").check();
        page.locator("#save-continue").click();
        page.waitForLoadState();
        assertThat(page.content()).contains("You have completed 2 of 2 sections");
        assertAccessible();

        page.locator("#check-link").click();
        page.waitForLoadState();
        assertThat(page.content())
                .contains("The chief officer group reviews safeguarding quarterly.")
                .contains("safeguarding-policy.pdf")
                .contains("Not applicable");
        assertAccessible();
        page.locator("#declaration-name").fill("Alex Morgan");
        page.locator("#declaration-role").fill("Chief Constable");
        page.locator("#declaration-confirmed").check();
        page.locator("#submit-return").click();
        page.waitForLoadState();
        assertThat(page.locator("#return-status").textContent()).isEqualTo("Submitted");
        assertThat(page.locator("#submitted-note").textContent())
                .contains("Submitted on")
                .contains("Alex Morgan");
        assertAccessible();

        visit("/section11/returns/" + id + "/history");
        assertThat(page.content()).contains("Answer to S1").contains("Submitted");
        visit("/section11/returns/" + id + "/contributors");
    }

    private long standard(long template, String code) {
        return jdbc.sql("select id from s11_standard where template_id = :t and code = :c")
                .param("t", template)
                .param("c", code)
                .query(Long.class)
                .single();
    }

    private long question(long standard) {
        return jdbc.sql("select id from s11_question where standard_id = :s order by position limit 1")
                .param("s", standard)
                .query(Long.class)
                .single();
    }
}
