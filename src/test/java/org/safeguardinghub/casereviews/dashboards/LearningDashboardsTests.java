package org.safeguardinghub.casereviews.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.casereviews.CaseReviewPages;
import org.safeguardinghub.support.DemoAccounts;
import org.safeguardinghub.support.SignedIn;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The two learning dashboards over MockMvc, on the shared demo database. Each test adds its own referrals in a
 * district of its own (a new, uniquely named Kent district), so filtering by that district counts exactly this
 * test's referrals whatever else the database holds.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LearningDashboardsTests extends CaseReviewPages {

    long kent;
    long district;
    String tag;
    int year;

    @BeforeEach
    void ownDistrict() {
        kent = jdbc.sql("select id from partnership where short_name = 'KSCMP'")
                .query(Long.class)
                .single();
        tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        district = jdbc.sql("insert into district (partnership_id, name) values (:p, :n) returning id")
                .param("p", kent)
                .param("n", "Dashboard test district " + tag)
                .query(Long.class)
                .single();
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/London"));
        year = today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1;
    }

    @AfterEach
    void archiveDistrict() {
        jdbc.sql("update district set archived_at = now() where id = :id")
                .param("id", district)
                .update();
    }

    @Test
    void aReferralWithABabyAndATwelveYearOldCountsOnceAsUnderOne() throws Exception {
        referral(false, List.of(child(0, "UNDER_1", "2"), child(12, "11_TO_15", "1")), List.of());

        String csv = csv("/dashboards/referrals/export", "age", DemoAccounts.BUSINESS, "view", "internal");
        assertThat(csv).contains("Age band,Referrals").contains("Under 1,1").contains("11 to 15,0");
        assertThat(csv("/dashboards/referrals/export", "year", DemoAccounts.BUSINESS, "view", "internal"))
                .as("one referral, not two children")
                .contains(label(year) + ",1,0");
        assertThat(csv("/dashboards/referrals/export", "gender", DemoAccounts.BUSINESS, "view", "internal"))
                .as("the youngest child's gender represents the referral")
                .contains("Female,1")
                .contains("Male,0");
    }

    @Test
    void filtersCombine() throws Exception {
        long police = agency("Kent Police");
        referral(true, List.of(child(0, "UNDER_1", "2")), List.of());
        referral(false, List.of(child(0, "UNDER_1", "1")), List.of(police));
        referral(true, List.of(child(16, "16_PLUS", "2")), List.of(police));

        assertThat(csv("/dashboards/referrals/export", "year", DemoAccounts.BUSINESS, "view", "internal"))
                .contains(label(year) + ",3,2");
        assertThat(csv(
                        "/dashboards/referrals/export",
                        "year",
                        DemoAccounts.BUSINESS,
                        "view",
                        "internal",
                        "ageBand",
                        "UNDER_1",
                        "gender",
                        "2"))
                .contains(label(year) + ",1,1");
        assertThat(csv(
                        "/dashboards/referrals/export",
                        "year",
                        DemoAccounts.BUSINESS,
                        "view",
                        "internal",
                        "agency",
                        String.valueOf(police),
                        "show",
                        "notifications"))
                .contains("Financial year,Notifications to the national panel")
                .contains(label(year) + ",1");
        assertThat(csv(
                        "/dashboards/referrals/export",
                        "age",
                        DemoAccounts.BUSINESS,
                        "view",
                        "internal",
                        "agency",
                        String.valueOf(police)))
                .contains("Under 1,1")
                .contains("16 and over,1");
        assertThat(csv(
                        "/dashboards/referrals/export",
                        "agency",
                        DemoAccounts.BUSINESS,
                        "view",
                        "internal",
                        "ageBand",
                        "16_PLUS"))
                .as("agencies involved, filtered to the one 16-year-old's referral")
                .contains("Kent Police,1");

        String page = page(
                "/dashboards/referrals",
                DemoAccounts.BUSINESS,
                "view",
                "internal",
                "ageBand",
                "UNDER_1",
                "gender",
                "2");
        assertThat(page).contains("<strong>1</strong>");
    }

    @Test
    void publishedViewSuppressesSmallNumbersAndNeverListsReferences() throws Exception {
        String[] refs = new String[2];
        long theme = jdbc.sql("select id from learning_theme where name = 'Professional curiosity'")
                .query(Long.class)
                .single();
        for (int i = 0; i < 2; i++) {
            long id = referral(true, List.of(child(0, "UNDER_1", "1")), List.of());
            refs[i] = jdbc.sql("select reference from referral where id = :id")
                    .param("id", id)
                    .query(String.class)
                    .single();
            long rapid = jdbc.sql("insert into rapid_review (partnership_id, referral_id, meeting_on, outcome)"
                            + " values (:p, :r, current_date, 'NO_FURTHER_REVIEW') returning id")
                    .param("p", kent)
                    .param("r", id)
                    .query(Long.class)
                    .single();
            jdbc.sql(
                            "insert into case_theme (partnership_id, owner_type, owner_id, theme_id) values (:p, 'RAPID_REVIEW', :o, :t)")
                    .param("p", kent)
                    .param("o", rapid)
                    .param("t", theme)
                    .update();
        }

        String published = page("/dashboards/referrals", DemoAccounts.BUSINESS);
        assertThat(published).contains("Published view").contains("fewer than 6");
        // the published year row is the whole partnership's year: hidden, or rounded to 5 (docs: published figures)
        assertThat(csv("/dashboards/referrals/export", "year", DemoAccounts.BUSINESS))
                .containsPattern(label(year) + ",(fewer than 6|[0-9,]*[05]),(fewer than 6|[0-9,]*[05])\\R");
        assertThat(csv("/dashboards/referrals/export", "outcome", DemoAccounts.BUSINESS, "view", "internal"))
                .contains("No further review, learning action plan,2");

        String since = "sinceDay=1&sinceMonth=1&sinceYear=" + (year - 1);
        String themesPublished = mvc.perform(get("/dashboards/themes?district=" + district + "&" + since)
                        .with(SignedIn.as(principals, DemoAccounts.BUSINESS)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(themesPublished)
                .contains("Professional curiosity")
                .contains("fewer than 6")
                .doesNotContain(refs[0])
                .doesNotContain(refs[1])
                .doesNotContain("Reviews it came from");

        String themesInternal = mvc.perform(get("/dashboards/themes?view=internal&district=" + district + "&" + since)
                        .with(SignedIn.as(principals, DemoAccounts.BUSINESS)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(themesInternal)
                .contains("Reviews it came from")
                .contains(refs[0])
                .contains(refs[1]);
        assertThat(csv(
                        "/dashboards/themes/export",
                        "repeated",
                        DemoAccounts.BUSINESS,
                        "view",
                        "internal",
                        "sinceDay",
                        "1",
                        "sinceMonth",
                        "1",
                        "sinceYear",
                        String.valueOf(year - 1)))
                .contains("Professional curiosity,2,");
        assertThat(csv(
                        "/dashboards/themes/export",
                        "repeated",
                        DemoAccounts.BUSINESS,
                        "sinceDay",
                        "1",
                        "sinceMonth",
                        "1",
                        "sinceYear",
                        String.valueOf(year - 1)))
                .contains("Professional curiosity,fewer than 6")
                .doesNotContain(refs[0]);
    }

    @Test
    void theScrutineerSeesOnlyThePublishedView() throws Exception {
        referral(true, List.of(child(3, "1_TO_4", "1")), List.of());
        String page = page("/dashboards/referrals", DemoAccounts.SCRUTINEER, "view", "internal");
        assertThat(page)
                .contains("Published view")
                .doesNotContain("Internal (exact counts)")
                .contains("fewer than 6");
        assertThat(csv("/dashboards/referrals/export", "age", DemoAccounts.SCRUTINEER, "view", "internal"))
                .contains("1 to 4,fewer than 6")
                .doesNotContain("1 to 4,1");
        assertThat(page("/dashboards/themes", DemoAccounts.SCRUTINEER, "view", "internal"))
                .contains("Published view")
                .doesNotContain("Reviews it came from");
        // those allowed case detail are offered the switch
        assertThat(page("/dashboards/referrals", DemoAccounts.PANEL)).contains("Internal (exact counts)");
    }

    @Test
    void practitionersAndAgencyLeadsCannotOpenTheDashboards() throws Exception {
        for (String who : List.of(DemoAccounts.PRACTITIONER, DemoAccounts.POLICE_LEAD)) {
            for (String path : List.of(
                    "/dashboards",
                    "/dashboards/referrals",
                    "/dashboards/themes",
                    "/dashboards/referrals/export?figure=age&format=csv")) {
                assertThat(mvc.perform(get(path).with(SignedIn.as(principals, who)))
                                .andReturn()
                                .getResponse()
                                .getStatus())
                        .as(who + " " + path)
                        .isEqualTo(403);
            }
        }
    }

    @Test
    void exportsAreCsvAndExcelAndAudited() throws Exception {
        referral(false, List.of(child(14, "11_TO_15", "1")), List.of());
        MockHttpServletResponse csv = mvc.perform(
                        get("/dashboards/referrals/export?figure=district&format=csv&view=internal&period=FY" + year)
                                .with(SignedIn.as(principals, DemoAccounts.BUSINESS)))
                .andReturn()
                .getResponse();
        assertThat(csv.getContentType()).startsWith("text/csv");
        assertThat(csv.getHeader("Content-Disposition")).contains("attachment").contains(".csv");
        assertThat(csv.getContentAsString(StandardCharsets.UTF_8))
                .contains("District,Referrals")
                .contains("Dashboard test district " + tag + ",1");

        MockHttpServletResponse xlsx = mvc.perform(get("/dashboards/referrals/export?figure=district&format=xlsx")
                        .with(SignedIn.as(principals, DemoAccounts.BUSINESS)))
                .andReturn()
                .getResponse();
        assertThat(xlsx.getContentType()).contains("spreadsheetml");
        assertThat(xlsx.getContentAsByteArray()).startsWith((byte) 'P', (byte) 'K');

        assertThat(mvc.perform(get("/dashboards/referrals/export?figure=nothing&format=csv")
                                .with(SignedIn.as(principals, DemoAccounts.BUSINESS)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);

        Integer audited = jdbc.sql("""
                        select count(*) from audit_event
                        where action = 'EXPORT' and record_type = 'dashboard' and occurred_at > now() - interval '1 minute'
                          and changes::text like '%by district%'
                        """).query(Integer.class).single();
        assertThat(audited).isGreaterThanOrEqualTo(2);
    }

    @Test
    void anImpossibleSinceDateIsExplained() throws Exception {
        // a "since" date is offered only in the internal view; the published view counts fixed financial years
        var response = mvc.perform(get("/dashboards/themes?view=internal&sinceDay=31&sinceMonth=2&sinceYear=2024")
                        .with(SignedIn.as(principals, DemoAccounts.BUSINESS)))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.getContentAsString(StandardCharsets.UTF_8))
                .contains("There is a problem")
                .contains("Enter a real date");
    }

    // ----------------------------------------------------------------------------------------------------------

    record Kid(int age, String band, String gender) {}

    static Kid child(int age, String band, String gender) {
        return new Kid(age, band, gender);
    }

    private long referral(boolean notified, List<Kid> children, List<Long> agencies) {
        long id = jdbc.sql("""
                        insert into referral (partnership_id, reference, status, source, submitted_at, national_decision,
                            notified_on)
                        values (:p, :ref, :status, 'SIGNED_IN', now(), :nd, case when :nd = 'NOTIFY' then current_date end)
                        returning id
                        """)
                .param("p", kent)
                .param(
                        "ref",
                        "DASH-" + tag + "-"
                                + UUID.randomUUID().toString().substring(0, 6).toUpperCase())
                .param("status", notified ? "RAPID_REVIEW" : "LOCAL_CONSIDERATION")
                .param("nd", notified ? "NOTIFY" : "DO_NOT_NOTIFY")
                .query(Long.class)
                .single();
        int position = 1;
        for (Kid k : children) {
            jdbc.sql("""
                            insert into referral_child (referral_id, position, age_years, age_band, gender, ethnicity,
                                district_id)
                            values (:r, :pos, :age, :band, :gender, 'WBRI', :d)
                            """)
                    .param("r", id)
                    .param("pos", position++)
                    .param("age", k.age())
                    .param("band", k.band())
                    .param("gender", k.gender())
                    .param("d", district)
                    .update();
        }
        for (long a : agencies) {
            jdbc.sql("insert into referral_agency (referral_id, agency_id) values (:r, :a)")
                    .params(Map.of("r", id, "a", a))
                    .update();
        }
        return id;
    }

    private long agency(String name) {
        return jdbc.sql("select id from agency where name = :n")
                .param("n", name)
                .query(Long.class)
                .single();
    }

    private static String label(int startYear) {
        return startYear + "-" + String.format("%02d", (startYear + 1) % 100);
    }

    /** A figure's CSV for this test's district in the current financial year, plus the given parameters. */
    private String csv(String path, String figure, String who, String... params) throws Exception {
        var request = get(path)
                .param("figure", figure)
                .param("format", "csv")
                .param("period", "FY" + year)
                .param("district", String.valueOf(district));
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        MockHttpServletResponse response = mvc.perform(request.with(SignedIn.as(principals, who)))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8)
                .replace("\r\n", "\n")
                .replace("\"", "");
    }

    private String page(String path, String who, String... params) throws Exception {
        var request = get(path).param("period", "FY" + year).param("district", String.valueOf(district));
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        MockHttpServletResponse response = mvc.perform(request.with(SignedIn.as(principals, who)))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}
