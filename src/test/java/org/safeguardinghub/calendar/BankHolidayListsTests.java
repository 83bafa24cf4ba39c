package org.safeguardinghub.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.identity.signin.Principals;
import org.safeguardinghub.support.DemoAccounts;
import org.safeguardinghub.support.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An administrator loads GOV.UK's bank-holidays.json: the official days replace the projected ones for every clock at
 * once, the load is audited, and a file that is not a complete England and Wales list is refused with a message.
 */
@SpringBootTest
@AutoConfigureMockMvc
class BankHolidayListsTests {

    private static final LocalDate ONE_OFF = LocalDate.of(2031, 5, 9); // a Friday no rule can know

    @Autowired
    MockMvc mvc;

    @Autowired
    Principals principals;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BankHolidayLists lists;

    @AfterEach
    void backToTheBundledList() {
        jdbc.sql("delete from bank_holiday_list").update();
        lists.refresh();
    }

    @Test
    void theOfficialListReplacesTheProjectedHolidaysForEveryClock() throws Exception {
        StatutoryClock before =
                StatutoryClock.workingDays("Rapid review", ONE_OFF.minusDays(1), 15, WorkingDayCalendar.england());
        assertThat(before.usesProjectedHolidays()).isTrue();
        // Thu 8 May 2031: the Spring bank holiday on 26 May is projected; 15 working days end on Friday 30 May
        assertThat(before.targetDate()).isEqualTo(LocalDate.of(2031, 5, 30));
        assertThat(WorkingDayCalendar.england().isBankHoliday(ONE_OFF)).isFalse();

        List<String> events = new ArrayList<>();
        for (int year = 2029; year <= 2031; year++) {
            for (BankHoliday h : EnglandAndWalesRules.holidays(year)) {
                events.add(event(h.date(), h.title().replace("'", "\u2019")));
            }
        }
        events.add(event(ONE_OFF, "A proclaimed holiday"));
        var loaded = upload(DemoAccounts.ADMIN, govUk(events));
        assertThat(loaded.getStatus()).isEqualTo(302);

        WorkingDayCalendar now = WorkingDayCalendar.england();
        assertThat(now.knownUntil()).isEqualTo(LocalDate.of(2031, 12, 31));
        assertThat(now.isBankHoliday(ONE_OFF)).isTrue();
        assertThat(now.bankHolidaysBetween(LocalDate.of(2031, 1, 1), LocalDate.of(2031, 12, 31)))
                .hasSize(9)
                .noneMatch(BankHoliday::projected);
        StatutoryClock after = StatutoryClock.workingDays("Rapid review", ONE_OFF.minusDays(1), 15, now);
        assertThat(after.usesProjectedHolidays()).isFalse();
        assertThat(after.targetDate()).isEqualTo(LocalDate.of(2031, 6, 2)); // one more day off
        // the years before the file are still the bundled list, with its one-offs
        assertThat(now.isBankHoliday(LocalDate.of(2022, 9, 19))).isTrue();

        String page = as(DemoAccounts.ADMIN, get("/bank-holidays")).getContentAsString();
        assertThat(page).contains("31 December 2031", "A proclaimed holiday", "2029 to 2031", "bank-holidays.json");
        assertThat(jdbc.sql("""
                        select count(*) from audit_event where record_type = 'bank_holiday_list' and action = 'CREATE'
                          and changes::text like '%2029 to 2031%'""").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aFileThatIsNotACompleteEnglandAndWalesListIsRefusedWithAMessage() throws Exception {
        assertRefused("{not json", "The file is not valid JSON");
        assertRefused(
                "{\"scotland\": {\"division\": \"scotland\", \"events\": []}}",
                "england-and-wales&quot; list of events");
        List<String> partial = new ArrayList<>();
        for (BankHoliday h : EnglandAndWalesRules.holidays(2031).subList(0, 3)) {
            partial.add(event(h.date(), h.title()));
        }
        assertRefused(govUk(partial), "3 bank holidays in 2031");
        List<String> gap = new ArrayList<>();
        for (BankHoliday h : EnglandAndWalesRules.holidays(2033)) {
            gap.add(event(h.date(), h.title()));
        }
        assertRefused(govUk(gap), "must start between 2014 and 2031");
        List<String> badDate = List.of("{\"title\": \"New Year's Day\", \"date\": \"01/01/2031\"}");
        assertRefused(govUk(badDate), "dates must be written like 2031-12-25");

        assertThat(jdbc.sql("select count(*) from bank_holiday_list")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(WorkingDayCalendar.england().knownUntil()).isEqualTo(LocalDate.of(2030, 12, 31));
    }

    @Test
    void onlyAnAdministratorLoadsBankHolidays() throws Exception {
        String file = govUk(List.of());
        assertThat(upload(DemoAccounts.BUSINESS, file).getStatus()).isEqualTo(403);
        assertThat(upload(DemoAccounts.PANEL, file).getStatus()).isEqualTo(403);
        assertThat(as(DemoAccounts.BUSINESS, get("/bank-holidays")).getStatus()).isEqualTo(403);
    }

    @Test
    void theWarningStartsTwelveMonthsBeforeTheKnownListRunsOut() {
        assertThat(lists.warning(LocalDate.of(2029, 12, 31))).isEmpty();
        assertThat(lists.warning(LocalDate.of(2030, 1, 1)))
                .hasValueSatisfying(w -> assertThat(w).contains("ends on 31 December 2030"));
        assertThat(lists.warning(LocalDate.of(2031, 1, 1)))
                .hasValueSatisfying(w -> assertThat(w).contains("ended on 31 December 2030", "projected"));
    }

    @Test
    void readinessWarnsButStaysUpTwelveMonthsBeforeTheListRunsOut() throws Exception {
        java.time.ZoneId uk = java.time.ZoneId.of("Europe/London");
        var early = new BankHolidaysHealth(
                lists, java.time.Clock.fixed(java.time.Instant.parse("2029-06-01T12:00:00Z"), uk));
        var late = new BankHolidaysHealth(
                lists, java.time.Clock.fixed(java.time.Instant.parse("2030-06-01T12:00:00Z"), uk));
        assertThat(early.health().getStatus().getCode()).isEqualTo("UP");
        assertThat(late.health().getStatus().getCode()).isEqualTo("WARNING");
        assertThat(late.health().getDetails()).containsEntry("knownUntil", "2030-12-31");
        // readiness includes the check, and today (2026) it is simply up
        var readiness =
                mvc.perform(get("/actuator/health/readiness")).andReturn().getResponse();
        assertThat(readiness.getStatus()).isEqualTo(200);
        assertThat(readiness.getContentAsString()).contains("\"UP\"");
    }

    private void assertRefused(String json, String message) throws Exception {
        MockHttpServletResponse response = upload(DemoAccounts.ADMIN, json);
        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.getContentAsString()).contains("There is a problem", message);
    }

    private static String event(LocalDate date, String title) {
        return "{\"title\": \"" + title + "\", \"date\": \"" + date + "\", \"notes\": \"\", \"bunting\": true}";
    }

    private static String govUk(List<String> englandAndWales) {
        return "{\"england-and-wales\": {\"division\": \"england-and-wales\", \"events\": ["
                + String.join(",", englandAndWales) + "]},"
                + " \"scotland\": {\"division\": \"scotland\", \"events\": [{\"title\": \"2nd January\","
                + " \"date\": \"2031-01-02\", \"notes\": \"\", \"bunting\": true}]}}";
    }

    private MockHttpServletResponse upload(String who, String json) throws Exception {
        return mvc.perform(multipart("/bank-holidays")
                        .file(new MockMultipartFile(
                                "file",
                                "bank-holidays.json",
                                "application/json",
                                json.getBytes(StandardCharsets.UTF_8)))
                        .with(SignedIn.as(principals, who))
                        .with(csrf()))
                .andReturn()
                .getResponse();
    }

    private MockHttpServletResponse as(
            String who, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
            throws Exception {
        return mvc.perform(request.with(SignedIn.as(principals, who)).with(csrf()))
                .andReturn()
                .getResponse();
    }
}
