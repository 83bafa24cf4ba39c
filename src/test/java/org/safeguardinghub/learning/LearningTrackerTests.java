package org.safeguardinghub.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.support.DemoAccounts;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import testsupport.Await;

/**
 * The learning and improvement tracker on the Kent demo data: recommendations and actions by the business team, a
 * task for the owning agency's lead, progress and evidence from that lead only, sign-off by the group only once the
 * action is completed, and the headline figures. Every test makes its own uniquely named records.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LearningTrackerTests extends LearningSteps {

    static final byte[] PDF =
            "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void anActionAsksTheOwningAgencysLeadToUpdateItByItsDueDate() throws Exception {
        String tag = unique();
        long rec = recommendation("National review " + tag);
        LocalDate due = LocalDate.now(ZoneId.of("Europe/London")).plusDays(20);
        long action = action(rec, police(), "Refresh training on " + tag, due);
        String reference = reference(action);
        assertThat(reference).matches("A-\\d{4}-\\d{3,}");

        Await.until(() -> jdbc.sql("""
                                select count(*) from task where source_type = 'learning-action' and source_id = :id
                                  and assignee_role = 'AGENCY_LEAD' and agency_id = :agency and due_on = :due
                                  and status = 'OPEN'""")
                        .param("id", String.valueOf(action))
                        .param("agency", police())
                        .param("due", due)
                        .query(Long.class)
                        .single()
                == 1);
        assertThat(page(DemoAccounts.POLICE_LEAD, "/")).contains("Update action " + reference);
        assertThat(page(DemoAccounts.SCHOOL_LEAD, "/")).doesNotContain("Update action " + reference);
    }

    @Test
    void anAgencyLeadUpdatesTheirOwnActionsButCannotSeeAnotherAgencys() throws Exception {
        String tag = unique();
        long rec = recommendation("Practice review " + tag);
        long own = action(rec, police(), "Police action " + tag, LocalDate.now().plusMonths(1));
        long other =
                action(rec, school(), "School action " + tag, LocalDate.now().plusMonths(1));
        String otherRef = reference(other);
        String ownRef = reference(own);

        var updated = as(
                DemoAccounts.POLICE_LEAD,
                post("/learning/actions/" + own + "/update")
                        .param("progress", "Training plan drafted " + tag)
                        .param("newStatus", "UNDERWAY")
                        .param("version", String.valueOf(version(own))));
        assertThat(updated.getStatus()).isEqualTo(302);
        assertThat(status(own)).isEqualTo("UNDERWAY");
        assertThat(page(DemoAccounts.POLICE_LEAD, "/learning/actions/" + own))
                .contains("Training plan drafted " + tag)
                .contains("status changed from not started to underway");

        // another agency's action: not found by id, not updatable, not listed, not exported
        assertThat(as(DemoAccounts.POLICE_LEAD, get("/learning/actions/" + other))
                        .getStatus())
                .isEqualTo(404);
        assertThat(as(
                                DemoAccounts.POLICE_LEAD,
                                post("/learning/actions/" + other + "/update")
                                        .param("progress", "Sneaky")
                                        .param("version", "0"))
                        .getStatus())
                .isEqualTo(404);
        assertThat(status(other)).isEqualTo("NOT_STARTED");
        String list = page(DemoAccounts.POLICE_LEAD, "/learning?q=" + tag);
        assertThat(list).contains(ownRef).doesNotContain(otherRef);
        String csv = page(DemoAccounts.POLICE_LEAD, "/learning/export/csv?q=" + tag);
        assertThat(csv).contains(ownRef).contains("Police action " + tag).doesNotContain(otherRef);
        // while the business team sees both
        assertThat(page(DemoAccounts.BUSINESS, "/learning/export/csv?q=" + tag))
                .contains(ownRef)
                .contains(otherRef);
        assertThat(jdbc.sql(
                                "select count(*) from audit_event where action = 'EXPORT' and record_type = 'learning-action'"
                                        + " and changes::text like :q")
                        .param("q", "%" + tag + "%")
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        // and the recommendation page shows the lead only their own action
        assertThat(page(DemoAccounts.POLICE_LEAD, "/learning/recommendations/" + rec))
                .contains(ownRef)
                .doesNotContain(otherRef);
    }

    @Test
    void evidenceIsKeptForTheOwningAgencyAndHiddenFromOthers() throws Exception {
        String tag = unique();
        long rec = recommendation("Evidence review " + tag);
        long own =
                action(rec, police(), "Evidence action " + tag, LocalDate.now().plusMonths(1));

        var uploaded = as(
                DemoAccounts.POLICE_LEAD,
                multipart("/learning/actions/" + own + "/evidence")
                        .file(new MockMultipartFile("evidence", "briefing-" + tag + ".pdf", "application/pdf", PDF))
                        .param("evidenceDescription", "Briefing slides"));
        assertThat(uploaded.getStatus()).isEqualTo(302);
        long document = jdbc.sql("select id from document where owner_type = 'learning-action' and owner_id = :id")
                .param("id", own)
                .query(Long.class)
                .single();
        assertThat(page(DemoAccounts.POLICE_LEAD, "/learning/actions/" + own)).contains("briefing-" + tag + ".pdf");

        var download = as(DemoAccounts.POLICE_LEAD, get("/learning/actions/" + own + "/evidence/" + document));
        assertThat(download.getStatus()).isEqualTo(200);
        assertThat(download.getContentAsByteArray()).isEqualTo(PDF);
        assertThat(download.getHeader("Content-Disposition")).startsWith("attachment");

        assertThat(as(DemoAccounts.SCHOOL_LEAD, get("/learning/actions/" + own + "/evidence/" + document))
                        .getStatus())
                .isEqualTo(404);

        // the panel signs the action off on this evidence; the scrutineer reads the tracker but not the files
        assertThat(as(DemoAccounts.PANEL, get("/learning/actions/" + own + "/evidence/" + document))
                        .getStatus())
                .isEqualTo(200);
        assertThat(as(DemoAccounts.SCRUTINEER, get("/learning/actions/" + own + "/evidence/" + document))
                        .getStatus())
                .isEqualTo(403);
        assertThat(page(DemoAccounts.SCRUTINEER, "/learning/actions/" + own))
                .contains("briefing-" + tag + ".pdf")
                .doesNotContain("/evidence/" + document);

        var notPdf = as(
                DemoAccounts.POLICE_LEAD,
                multipart("/learning/actions/" + own + "/evidence")
                        .file(new MockMultipartFile("evidence", "fake.pdf", "application/pdf", "hello".getBytes())));
        assertThat(notPdf.getStatus()).isEqualTo(422);
        assertThat(notPdf.getContentAsString()).contains("There is a problem").contains("is not a real PDF");
    }

    @Test
    void theGroupSignsOffOnlyACompletedAction() throws Exception {
        String tag = unique();
        long rec = recommendation("Sign-off review " + tag);
        long action =
                action(rec, police(), "Sign-off action " + tag, LocalDate.now().plusMonths(1));
        String today = LocalDate.now(ZoneId.of("Europe/London")).toString();

        var early = signOff(action, today);
        assertThat(early.getStatus()).isEqualTo(422);
        assertThat(early.getContentAsString())
                .contains("There is a problem")
                .contains("cannot be signed off until its owner has marked it as completed");
        assertThat(status(action)).isEqualTo("NOT_STARTED");

        as(
                DemoAccounts.POLICE_LEAD,
                post("/learning/actions/" + action + "/update")
                        .param("progress", "All staff trained")
                        .param("newStatus", "COMPLETED")
                        .param("version", String.valueOf(version(action))));
        assertThat(status(action)).isEqualTo("COMPLETED");
        // completing asks the group's members to sign it off
        Await.until(() -> jdbc.sql("""
                                select count(*) from task where source_type = 'learning-action-sign-off'
                                  and source_id = :id and assignee_role = 'PANEL_MEMBER' and status = 'OPEN'""")
                        .param("id", String.valueOf(action))
                        .query(Long.class)
                        .single()
                == 1);
        // the agency lead cannot sign off their own action
        assertThat(as(
                                DemoAccounts.POLICE_LEAD,
                                post("/learning/actions/" + action + "/sign-off")
                                        .param("signedOffOn.day", today.substring(8))
                                        .param("signedOffOn.month", today.substring(5, 7))
                                        .param("signedOffOn.year", today.substring(0, 4))
                                        .param("version", String.valueOf(version(action))))
                        .getStatus())
                .isEqualTo(403);

        var done = signOff(action, today);
        assertThat(done.getStatus()).isEqualTo(302);
        var row = jdbc.sql("select status, signed_off_by_name, signed_off_on from learning_action where id = :id")
                .param("id", action)
                .query()
                .singleRow();
        assertThat(row.get("status")).isEqualTo("SIGNED_OFF");
        assertThat(row.get("signed_off_by_name")).isNotNull();
        assertThat(String.valueOf(row.get("signed_off_on"))).isEqualTo(today);
        Await.until(() -> jdbc.sql("""
                                select count(*) from task where source_type like 'learning-action%' and source_id = :id
                                  and status = 'OPEN'""")
                        .param("id", String.valueOf(action))
                        .query(Long.class)
                        .single()
                == 0);

        // signed off is final
        var after = as(
                DemoAccounts.POLICE_LEAD,
                post("/learning/actions/" + action + "/update")
                        .param("progress", "One more thing")
                        .param("newStatus", "UNDERWAY")
                        .param("version", String.valueOf(version(action))));
        assertThat(after.getStatus()).isEqualTo(422);
        assertThat(status(action)).isEqualTo("SIGNED_OFF");
    }

    @Test
    void aStaleFormIsRefusedWithAClearMessage() throws Exception {
        String tag = unique();
        long rec = recommendation("Conflict review " + tag);
        long action =
                action(rec, police(), "Conflict action " + tag, LocalDate.now().plusMonths(1));
        int stale = version(action);
        as(
                DemoAccounts.POLICE_LEAD,
                post("/learning/actions/" + action + "/update")
                        .param("progress", "First")
                        .param("newStatus", "UNDERWAY")
                        .param("version", String.valueOf(stale)));

        var second = as(
                DemoAccounts.BUSINESS,
                post("/learning/actions/" + action + "/update")
                        .param("progress", "Second from an old page " + tag)
                        .param("newStatus", "AWAITING_NATIONAL")
                        .param("version", String.valueOf(stale)));
        assertThat(second.getStatus()).isEqualTo(409);
        assertThat(second.getContentAsString())
                .contains("was changed by someone else after you opened it")
                .contains("Second from an old page " + tag); // what they typed is kept
        assertThat(status(action)).isEqualTo("UNDERWAY");

        // the business team changes the agreed details; an old form is refused the same way
        int current = version(action);
        LocalDate later = LocalDate.now().plusMonths(3);
        var edited = as(
                DemoAccounts.BUSINESS,
                post("/learning/actions/" + action + "/edit")
                        .param("text", "Conflict action " + tag + " (extended)")
                        .param("ownerAgencyId", String.valueOf(police()))
                        .param("dueOn.day", String.valueOf(later.getDayOfMonth()))
                        .param("dueOn.month", String.valueOf(later.getMonthValue()))
                        .param("dueOn.year", String.valueOf(later.getYear()))
                        .param("version", String.valueOf(current)));
        assertThat(edited.getStatus()).isEqualTo(302);
        assertThat(jdbc.sql("select due_on from learning_action where id = :id")
                        .param("id", action)
                        .query(LocalDate.class)
                        .single())
                .isEqualTo(later);
        var staleEdit = as(
                DemoAccounts.BUSINESS,
                post("/learning/actions/" + action + "/edit")
                        .param("text", "Old text")
                        .param("ownerAgencyId", String.valueOf(police()))
                        .param("dueOn.day", "1")
                        .param("dueOn.month", "1")
                        .param("dueOn.year", "2030")
                        .param("version", String.valueOf(current)));
        assertThat(staleEdit.getStatus()).isEqualTo(409);
        assertThat(staleEdit.getContentAsString()).contains("(extended)"); // the other person's values
        // an agency lead cannot change the agreed details, even of their own action
        assertThat(as(DemoAccounts.POLICE_LEAD, get("/learning/actions/" + action + "/edit"))
                        .getStatus())
                .isEqualTo(403);
    }

    @Test
    void theHeadlineFiguresCountANewRecommendationAndItsActions() throws Exception {
        String tag = unique();
        Figures before = figures(DemoAccounts.BUSINESS);
        Figures policeBefore = figures(DemoAccounts.POLICE_LEAD);

        long rec = recommendation("Figures review " + tag);
        action(rec, police(), "Overdue action " + tag, LocalDate.now().minusDays(3));
        long done = action(rec, school(), "Done action " + tag, LocalDate.now().plusMonths(1));
        as(
                DemoAccounts.BUSINESS,
                post("/learning/actions/" + done + "/update")
                        .param("progress", "Finished")
                        .param("newStatus", "COMPLETED")
                        .param("version", String.valueOf(version(done))));
        assertThat(signOff(done, LocalDate.now(ZoneId.of("Europe/London")).toString())
                        .getStatus())
                .isEqualTo(302);

        Figures after = figures(DemoAccounts.BUSINESS);
        assertThat(after.reviews - before.reviews).isEqualTo(1);
        assertThat(after.recommendations - before.recommendations).isEqualTo(1);
        assertThat(after.actions - before.actions).isEqualTo(2);
        assertThat(after.signedOff - before.signedOff).isEqualTo(1);
        assertThat(after.overdue - before.overdue).isEqualTo(1);

        Figures policeAfter = figures(DemoAccounts.POLICE_LEAD);
        assertThat(policeAfter.actions - policeBefore.actions)
                .as("only the police action")
                .isEqualTo(1);
        assertThat(policeAfter.signedOff - policeBefore.signedOff).isZero();
        assertThat(policeAfter.overdue - policeBefore.overdue).isEqualTo(1);

        String overdueOnly = page(DemoAccounts.BUSINESS, "/learning?overdue=true&q=" + tag);
        assertThat(overdueOnly).contains("Overdue action " + tag).doesNotContain("Done action " + tag);
        assertThat(overdueOnly).contains("govuk-tag--red");
    }

    @Test
    void onlyPeopleWithTheLearningPermissionsGetIn() throws Exception {
        assertThat(as(DemoAccounts.PRACTITIONER, get("/learning")).getStatus()).isEqualTo(403);
        assertThat(as(DemoAccounts.PRACTITIONER, get("/learning/export/csv")).getStatus())
                .isEqualTo(403);
        assertThat(as(DemoAccounts.POLICE_LEAD, get("/learning/recommendations/new"))
                        .getStatus())
                .isEqualTo(403);
        assertThat(as(
                                DemoAccounts.POLICE_LEAD,
                                post("/learning/recommendations/new")
                                        .param("source", "OTHER")
                                        .param("sourceTitle", "x")
                                        .param("text", "x"))
                        .getStatus())
                .isEqualTo(403);
        assertThat(as(DemoAccounts.PANEL, get("/learning")).getStatus()).isEqualTo(200);
        assertThat(as(DemoAccounts.SCRUTINEER, get("/learning")).getStatus()).isEqualTo(200);
    }

    @Test
    void aRecommendationMustSayWhereItCameFrom() throws Exception {
        var response =
                as(DemoAccounts.BUSINESS, post("/learning/recommendations/new").param("text", ""));
        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.getContentAsString())
                .contains("Select where the recommendation came from")
                .contains("Enter the recommendation");
    }

    @Test
    void themesAreAddedRenamedRetiredAndRestoredButNeverDeleted() throws Exception {
        String name = "Test theme " + unique();
        assertThat(as(
                                DemoAccounts.BUSINESS,
                                post("/learning/themes/new").param("name", name).param("description", "For a test"))
                        .getStatus())
                .isEqualTo(302);
        long id = jdbc.sql("select id from learning_theme where name = :n")
                .param("n", name)
                .query(Long.class)
                .single();
        var duplicate = as(DemoAccounts.BUSINESS, post("/learning/themes/new").param("name", name.toUpperCase()));
        assertThat(duplicate.getStatus()).isEqualTo(422);
        assertThat(duplicate.getContentAsString()).contains("There is already a theme called");

        long rec = recommendation("Theme review " + name, id);
        assertThat(as(
                                DemoAccounts.BUSINESS,
                                post("/learning/themes/" + id + "/edit")
                                        .param("name", name + " renamed")
                                        .param("version", "0"))
                        .getStatus())
                .isEqualTo(302);
        assertThat(as(
                                DemoAccounts.BUSINESS,
                                post("/learning/themes/" + id + "/retire").param("version", "1"))
                        .getStatus())
                .isEqualTo(302);
        assertThat(page(DemoAccounts.BUSINESS, "/learning/themes"))
                .contains(name + " renamed")
                .contains("Retired");
        assertThat(page(DemoAccounts.BUSINESS, "/learning/recommendations/new")).doesNotContain(name);
        assertThat(page(DemoAccounts.BUSINESS, "/learning/recommendations/" + rec))
                .contains(name + " renamed (retired)");

        var stale = as(
                DemoAccounts.BUSINESS,
                post("/learning/themes/" + id + "/edit")
                        .param("name", name + " again")
                        .param("version", "0"));
        assertThat(stale.getStatus()).isEqualTo(409);
        assertThat(as(
                                DemoAccounts.POLICE_LEAD,
                                post("/learning/themes/" + id + "/restore").param("version", "2"))
                        .getStatus())
                .isEqualTo(403);
        assertThat(as(
                                DemoAccounts.BUSINESS,
                                post("/learning/themes/" + id + "/restore").param("version", "2"))
                        .getStatus())
                .isEqualTo(302);
        assertThat(page(DemoAccounts.BUSINESS, "/learning/recommendations/new")).contains(name + " renamed");
    }

    @Test
    void aRecommendationFromAPracticeReviewTakesTheReviewsTitleAndLinksBackToIt() throws Exception {
        String title = "Child LT " + unique();
        long kent = jdbc.sql("select id from partnership where short_name = 'KSCMP'")
                .query(Long.class)
                .single();
        long review = jdbc.sql("""
                        insert into practice_review (partnership_id, title, review_type, commissioned_on)
                        values (:p, :title, 'LCSPR', current_date) returning id""")
                .param("p", kent)
                .param("title", title)
                .query(Long.class)
                .single();
        String form =
                page(DemoAccounts.BUSINESS, "/learning/recommendations/new?source=PRACTICE_REVIEW&sourceId=" + review);
        assertThat(form).contains(title).contains("Practice review");

        var created = as(
                DemoAccounts.BUSINESS,
                post("/learning/recommendations/new")
                        .param("source", "PRACTICE_REVIEW")
                        .param("sourceId", String.valueOf(review))
                        .param("sourceTitle", "A title typed over the review's")
                        .param("text", "Health visitors should ask about fathers"));
        assertThat(created.getStatus()).isEqualTo(302);
        long rec = Long.parseLong(created.getRedirectedUrl().replaceAll("\\D+", ""));
        var row = jdbc.sql("select source_type, source_id, source_title, reference from recommendation where id = :id")
                .param("id", rec)
                .query()
                .singleRow();
        assertThat(row.get("source_type")).isEqualTo("PRACTICE_REVIEW");
        assertThat(((Number) row.get("source_id")).longValue()).isEqualTo(review);
        assertThat(row.get("source_title")).isEqualTo(title);
        assertThat((String) row.get("reference")).matches("R-\\d{4}-\\d{3,}");
        assertThat(page(DemoAccounts.BUSINESS, "/learning/recommendations/" + rec))
                .contains("href=\"/reviews/" + review + "\"");
        // the reviews page lists it through the module's public API
        assertThat(as(DemoAccounts.BUSINESS, get("/learning/recommendations/new?source=PRACTICE_REVIEW&sourceId=-1"))
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void theFilteredListDownloadsAsExcel() throws Exception {
        String tag = unique();
        long rec = recommendation("Excel review " + tag);
        action(rec, police(), "Excel action " + tag, LocalDate.now().plusMonths(1));
        var xlsx = as(DemoAccounts.BUSINESS, get("/learning/export/xlsx?q=" + tag));
        assertThat(xlsx.getStatus()).isEqualTo(200);
        assertThat(xlsx.getContentType()).contains("spreadsheetml");
        assertThat(xlsx.getHeader("Content-Disposition")).contains("learning-actions-");
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("Excel action " + tag);
            assertThat(sheet.getRow(1).getCell(4).getStringCellValue()).isEqualTo("Kent Police");
        }
        assertThat(as(DemoAccounts.BUSINESS, get("/learning/export/pdf")).getStatus())
                .isEqualTo(404);
    }

    // ---- helpers

    record Figures(long reviews, long recommendations, long actions, long signedOff, long overdue) {}

    Figures figures(String who) throws Exception {
        String html = page(who, "/learning");
        return new Figures(
                figure(html, "reviews"),
                figure(html, "recommendations"),
                figure(html, "actions"),
                figure(html, "signed-off"),
                figure(html, "overdue"));
    }

    static long figure(String html, String id) {
        Matcher m = Pattern.compile("id=\"figure-" + id + "\">(\\d+)<").matcher(html);
        assertThat(m.find()).as("figure " + id).isTrue();
        return Long.parseLong(m.group(1));
    }

    MockHttpServletResponse signOff(long action, String isoDate) throws Exception {
        return as(
                DemoAccounts.PANEL,
                post("/learning/actions/" + action + "/sign-off")
                        .param("signedOffOn.day", isoDate.substring(8))
                        .param("signedOffOn.month", isoDate.substring(5, 7))
                        .param("signedOffOn.year", isoDate.substring(0, 4))
                        .param("signOffNote", "Agreed at the Learning and Improvement Group")
                        .param("version", String.valueOf(version(action))));
    }

    long police() {
        return agency("Kent Police");
    }

    long school() {
        return agency("Hollowbrook Academy (fictional demo school)");
    }

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
