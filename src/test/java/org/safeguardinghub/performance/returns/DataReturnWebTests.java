package org.safeguardinghub.performance.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.identity.signin.Principals;
import org.safeguardinghub.performance.catalogue.Frequency;
import org.safeguardinghub.performance.catalogue.Period;
import org.safeguardinghub.support.DemoAccounts;
import org.safeguardinghub.support.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import testsupport.Await;

/** Data returns through the web: scoping, template upload, the review workflow, corrections and chasing tasks. */
@SpringBootTest
@AutoConfigureMockMvc
class DataReturnWebTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Principals principals;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataReturns returns;

    ReturnFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new ReturnFixtures(jdbc, principals);
    }

    @Test
    void aReturnRepeatsButNeverReplacesAFigureFromAPublishedReport() {
        record Published(String code, String frequency, LocalDate period, BigDecimal value, String provenance) {}
        Published p = jdbc.sql("""
                        select di.code, di.frequency, dv.period_end, dv.value, dv.provenance
                        from data_value dv join data_item di on di.id = dv.data_item_id
                        where dv.source = 'PUBLISHED' and dv.agency_id = :a and dv.breakdown_kind = ''
                          and not exists (select 1 from data_return r where r.agency_id = dv.agency_id
                                          and r.period_end = dv.period_end and r.status = 'ACCEPTED')
                        order by dv.period_end limit 1""")
                .param("a", fx.kentPolice())
                .query((rs, n) -> new Published(
                        rs.getString("code"),
                        rs.getString("frequency"),
                        rs.getObject("period_end", LocalDate.class),
                        rs.getBigDecimal("value"),
                        rs.getString("provenance")))
                .single();

        SaveResult replaced = returns.save(
                fx.actor(DemoAccounts.POLICE_LEAD),
                fx.kentPolice(),
                Frequency.valueOf(p.frequency()),
                p.period(),
                List.of(ValueEntry.total(
                        p.code(), p.value().add(BigDecimal.valueOf(5)).toPlainString())),
                Map.of(),
                Channel.FORM,
                false);
        assertThat(replaced.problems())
                .anySatisfy(problem -> assertThat(problem.message()).contains("is kept as published"));

        SaveResult repeated = returns.save(
                fx.actor(DemoAccounts.POLICE_LEAD),
                fx.kentPolice(),
                Frequency.valueOf(p.frequency()),
                p.period(),
                List.of(ValueEntry.total(p.code(), p.value().toPlainString())),
                Map.of(),
                Channel.FORM,
                false);
        assertThat(repeated.problems())
                .noneSatisfy(problem -> assertThat(problem.itemCode()).isEqualTo(p.code()));
        assertThat(jdbc.sql("""
                        select dv.source || ' ' || dv.value::text || ' ' || coalesce(dv.provenance, '')
                        from data_value dv join data_item di on di.id = dv.data_item_id
                        where di.code = :c and dv.agency_id = :a and dv.period_end = :e and dv.breakdown_kind = ''
                          and di.partnership_id = dv.partnership_id""")
                        .param("c", p.code())
                        .param("a", fx.kentPolice())
                        .param("e", p.period())
                        .query(String.class)
                        .single())
                .isEqualTo("PUBLISHED " + p.value().toPlainString() + " " + p.provenance());
    }

    @Test
    void agencyLeadSeesAndChangesOnlyTheirOwnAgencysReturns() throws Exception {
        long other = fx.newAgency();
        String otherItem = fx.item(other, true, null);
        long otherReturn = returns.save(
                        fx.actor(DemoAccounts.BUSINESS),
                        other,
                        Frequency.MONTHLY,
                        LocalDate.of(2025, 6, 30),
                        List.of(ValueEntry.total(otherItem, "4")),
                        Map.of(),
                        Channel.FORM,
                        false)
                .returnId();
        long police = fx.kentPolice();
        String policeItem = fx.item(police, false, null);
        LocalDate month = fx.freshMonth(police);
        SaveResult saved = returns.save(
                fx.actor(DemoAccounts.POLICE_LEAD),
                police,
                Frequency.MONTHLY,
                month,
                List.of(ValueEntry.total(policeItem, "7")),
                Map.of(),
                Channel.FORM,
                false);
        assertThat(saved.saved()).isTrue();
        long policeReturn = saved.returnId();

        String list = page(get("/returns?period=" + month), DemoAccounts.POLICE_LEAD);
        assertThat(list).contains("/returns/" + policeReturn + "\"");
        String allOfTheirs = page(get("/returns"), DemoAccounts.POLICE_LEAD);
        assertThat(allOfTheirs).doesNotContain("/returns/" + otherReturn + "\"");
        assertThat(page(get("/returns?agency=" + other), DemoAccounts.BUSINESS))
                .contains("/returns/" + otherReturn + "\"");

        for (MockHttpServletRequestBuilder request : List.of(
                get("/returns/" + otherReturn),
                get("/returns/" + otherReturn + "/template.csv"),
                post("/returns/" + otherReturn + "/submit").param("version", "0"),
                post("/returns/" + otherReturn).param("version", "0"))) {
            assertThat(status(request, DemoAccounts.POLICE_LEAD)).isEqualTo(404);
        }
        // and the service refuses another agency for an agency-scoped actor
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> returns.save(
                        fx.actor(DemoAccounts.POLICE_LEAD),
                        other,
                        Frequency.MONTHLY,
                        LocalDate.of(2025, 6, 30),
                        List.of(ValueEntry.total(otherItem, "5")),
                        Map.of(),
                        Channel.API,
                        false))
                .isInstanceOf(org.safeguardinghub.platform.web.NotFoundException.class);

        String own = page(get("/returns/" + policeReturn), DemoAccounts.POLICE_LEAD);
        assertThat(own)
                .contains("Kent Police")
                .contains(Period.endingOn(Frequency.MONTHLY, month).label())
                .contains("Test item " + policeItem)
                .contains("value=\"7\"");
    }

    @Test
    void uploadWithSeveralBadCellsReportsEachAndWritesNothing() throws Exception {
        long agency = fx.newAgency();
        String a = fx.item(agency, true, 100, "DISTRICT");
        String b = fx.item(agency, false, null);
        long id = draft(agency, LocalDate.of(2025, 5, 31), b, "3");
        String csv = "item_code,item_name,breakdown,breakdown_value,value,comment\n"
                + a + ",x,,,abc,\n"
                + b + ",x,,,-2,\n"
                + "no_such_item,x,,,1,\n"
                + a + ",x,DISTRICT,Atlantis,1,\n"
                + a + ",x,,,,\n";
        MockHttpServletResponse response = upload(id, "return.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(response.getStatus()).isEqualTo(422);
        String body = response.getContentAsString();
        assertThat(body)
                .contains("Row 2, column value")
                .contains("Row 3, column value")
                .contains("Row 4, column item_code: There is no item with the code &quot;no_such_item&quot;")
                .contains("Row 5, column breakdown_value")
                .contains("Row 6, column item_code: This cell is also on row 2");
        assertThat(values(id)).containsExactly(Map.entry(b, new BigDecimal("3")));
    }

    @Test
    void goodUploadSavesAndTheSameFileTwiceDoesNotDoubleCount() throws Exception {
        long agency = fx.newAgency();
        String a = fx.item(agency, true, null);
        String b = fx.item(agency, false, null);
        long id = draft(agency, LocalDate.of(2025, 4, 30), b, "1");

        // the template the Hub generates, filled in
        String template = page(get("/returns/" + id + "/template.csv"), DemoAccounts.BUSINESS);
        assertThat(template).contains("item_code,item_name,breakdown,breakdown_value,value,comment");
        assertThat(template).contains(b + ",Test item " + b + ",,,1,");
        String filled = template.replace(a + ",Test item " + a + ",,,,", a + ",Test item " + a + ",,,12,Checked")
                .replace(b + ",Test item " + b + ",,,1,", b + ",Test item " + b + ",,,5,");
        for (int i = 0; i < 2; i++) {
            MockHttpServletResponse response = upload(id, "return.csv", filled.getBytes(StandardCharsets.UTF_8));
            assertThat(response.getStatus()).isEqualTo(302);
            assertThat(values(id)).containsOnly(Map.entry(a, new BigDecimal("12")), Map.entry(b, new BigDecimal("5")));
        }
        assertThat(jdbc.sql("select source || ':' || coalesce(comment, '') from data_value where return_id = :r"
                                + " order by id")
                        .param("r", id)
                        .query(String.class)
                        .list())
                .containsExactly("UPLOAD:", "UPLOAD:Checked");

        // the Excel template reads back too
        MockHttpServletResponse xlsx = mvc.perform(
                        get("/returns/" + id + "/template.xlsx").with(SignedIn.as(principals, DemoAccounts.BUSINESS)))
                .andReturn()
                .getResponse();
        assertThat(xlsx.getStatus()).isEqualTo(200);
        assertThat(upload(id, "return.xlsx", xlsx.getContentAsByteArray()).getStatus())
                .isEqualTo(302);
        assertThat(values(id)).containsOnly(Map.entry(a, new BigDecimal("12")), Map.entry(b, new BigDecimal("5")));
    }

    @Test
    void largeUploadsAreRefusedWithAClearMessage() throws Exception {
        long agency = fx.newAgency();
        String a = fx.item(agency, false, null);
        long id = draft(agency, LocalDate.of(2025, 3, 31), a, "2");

        byte[] big = new byte[(int) ReturnTemplate.MAX_BYTES + 10];
        java.util.Arrays.fill(big, (byte) 'x');
        MockHttpServletResponse tooBig = upload(id, "big.csv", big);
        assertThat(tooBig.getStatus()).isEqualTo(422);
        assertThat(tooBig.getContentAsString()).contains("The selected file must be smaller than 2 MB");

        StringBuilder many = new StringBuilder("item_code,item_name,breakdown,breakdown_value,value,comment\n");
        for (int i = 0; i < 5_001; i++) {
            many.append(a).append(",,,,1,\n");
        }
        MockHttpServletResponse tooLong = upload(id, "many.csv", many.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(tooLong.getStatus()).isEqualTo(422);
        assertThat(tooLong.getContentAsString())
                .contains("The file has more than 5,000 rows of data. Split it into smaller files");
        assertThat(values(id)).containsOnly(Map.entry(a, new BigDecimal("2")));
    }

    @Test
    void submitSendBackResubmitAcceptLockAndCorrect() throws Exception {
        long agency = fx.newAgency();
        String agencyName = fx.agencyName(agency);
        String a = fx.item(agency, true, 1000, "DISTRICT");
        String b = fx.item(agency, false, null);
        jdbc.sql("insert into data_rule (partnership_id, code, left_item, operator, right_item, message)"
                        + " values (:p, :c, :l, '<=', :r, 'B cannot be more than A')")
                .param("p", fx.kent())
                .param("c", ReturnFixtures.unique("rule_"))
                .param("l", b)
                .param("r", a)
                .update();
        long id = draft(agency, LocalDate.of(2025, 2, 28), b, "");
        String period =
                Period.endingOn(Frequency.MONTHLY, LocalDate.of(2025, 2, 28)).label();

        // submitting without the required total, with a bad figure and a broken rule: all reported, typed kept
        MockHttpServletResponse invalid = perform(
                post("/returns/" + id + "/submit")
                        .param("version", String.valueOf(fx.version(id)))
                        .param("value|" + b + "||", "x1")
                        .param("comment|" + b + "||", "typed comment"),
                DemoAccounts.BUSINESS);
        assertThat(invalid.getStatus()).isEqualTo(422);
        assertThat(invalid.getContentAsString())
                .contains("Enter the total for Test item " + a)
                .contains("enter a number, like 12")
                .contains("value=\"x1\"")
                .contains("value=\"typed comment\"")
                .contains("Validation report");
        assertThat(fx.status(id)).isEqualTo("DRAFT");

        MockHttpServletResponse rule = perform(
                post("/returns/" + id + "/submit")
                        .param("version", String.valueOf(fx.version(id)))
                        .param("value|" + a + "||", "10")
                        .param("value|" + b + "||", "11"),
                DemoAccounts.BUSINESS);
        assertThat(rule.getStatus()).isEqualTo(422);
        assertThat(rule.getContentAsString()).contains("B cannot be more than A");

        // a stale version is refused
        assertThat(perform(
                                post("/returns/" + id).param("version", "99").param("value|" + a + "||", "1"),
                                DemoAccounts.BUSINESS)
                        .getStatus())
                .isEqualTo(409);

        submit(id, a, "10", b, "4");
        assertThat(fx.status(id)).isEqualTo("SUBMITTED");
        Await.nonNull(() -> "OPEN".equals(fx.taskStatus(id, DataReturns.REVIEW_TASK)) ? true : null);
        String submitted = page(get("/returns/" + id), DemoAccounts.BUSINESS);
        assertThat(submitted).contains("waiting for the business team").contains("Accept return");

        // sending back needs a comment
        MockHttpServletResponse noComment = perform(
                post("/returns/" + id + "/send-back").param("version", String.valueOf(fx.version(id))),
                DemoAccounts.BUSINESS);
        assertThat(noComment.getStatus()).isEqualTo(422);
        assertThat(noComment.getContentAsString()).contains("Enter a comment saying what the agency needs to change");
        assertThat(perform(
                                post("/returns/" + id + "/send-back")
                                        .param("version", String.valueOf(fx.version(id)))
                                        .param("comment", "Please check the district split"),
                                DemoAccounts.BUSINESS)
                        .getStatus())
                .isEqualTo(302);
        assertThat(fx.status(id)).isEqualTo("RETURNED");
        Await.nonNull(() -> "DONE".equals(fx.taskStatus(id, DataReturns.REVIEW_TASK)) ? true : null);
        Await.nonNull(() -> "OPEN".equals(fx.taskStatus(id, DataReturns.TASK)) ? true : null);
        assertThat(jdbc.sql("select title || '|' || due_on || '|' || agency_id || '|' || assignee_role from task"
                                + " where source_type = 'data-return' and source_id = :s")
                        .param("s", String.valueOf(id))
                        .query(String.class)
                        .single())
                .isEqualTo("Send " + DataReturns.possessive(agencyName) + " data return for " + period + "|"
                        + jdbc.sql("select due_on from data_return where id = :id")
                                .param("id", id)
                                .query(LocalDate.class)
                                .single()
                        + "|" + agency + "|AGENCY_LEAD");
        assertThat(page(get("/returns/" + id), DemoAccounts.BUSINESS)).contains("Please check the district split");

        submit(id, a, "12", b, "4");
        assertThat(fx.status(id)).isEqualTo("SUBMITTED");
        assertThat(perform(
                                post("/returns/" + id + "/accept").param("version", String.valueOf(fx.version(id))),
                                DemoAccounts.BUSINESS)
                        .getStatus())
                .isEqualTo(302);
        assertThat(fx.status(id)).isEqualTo("ACCEPTED");
        Await.nonNull(() -> "DONE".equals(fx.taskStatus(id, DataReturns.REVIEW_TASK))
                        && "DONE".equals(fx.taskStatus(id, DataReturns.TASK))
                ? true
                : null);
        assertThat(firstValues(id)).containsOnly(Map.entry(a, new BigDecimal("12")), Map.entry(b, new BigDecimal("4")));

        // locked: a save is refused with who accepted it and when
        MockHttpServletResponse locked = perform(
                post("/returns/" + id)
                        .param("version", String.valueOf(fx.version(id)))
                        .param("value|" + a + "||", "13"),
                DemoAccounts.BUSINESS);
        assertThat(locked.getStatus()).isEqualTo(422);
        assertThat(locked.getContentAsString())
                .contains("This return was accepted on ")
                .contains("and is locked. To change a figure, ask the business team for a correction.");
        assertThat(values(id)).containsEntry(a, new BigDecimal("12"));

        // a correction needs a reason, then records a revision and keeps the first published value
        assertThat(page(get("/returns/" + id + "/correct"), DemoAccounts.BUSINESS))
                .contains("Correct figures");
        MockHttpServletResponse noReason = perform(
                post("/returns/" + id + "/correct")
                        .param("version", String.valueOf(fx.version(id)))
                        .param("value|" + a + "||", "15"),
                DemoAccounts.BUSINESS);
        assertThat(noReason.getStatus()).isEqualTo(422);
        assertThat(noReason.getContentAsString()).contains("Enter the reason for the correction");
        assertThat(perform(
                                post("/returns/" + id + "/correct")
                                        .param("version", String.valueOf(fx.version(id)))
                                        .param("value|" + a + "||", "15")
                                        .param("value|" + b + "||", "4")
                                        .param("reason", "Late records found"),
                                DemoAccounts.BUSINESS)
                        .getStatus())
                .isEqualTo(302);
        assertThat(values(id)).containsOnly(Map.entry(a, new BigDecimal("15")), Map.entry(b, new BigDecimal("4")));
        assertThat(firstValues(id)).containsOnly(Map.entry(a, new BigDecimal("12")), Map.entry(b, new BigDecimal("4")));
        assertThat(jdbc.sql("select old_value || '>' || new_value || '|' || reason from data_value_revision"
                                + " where return_id = :r")
                        .param("r", id)
                        .query(String.class)
                        .list())
                .containsExactly("12>15|Late records found");
        assertThat(jdbc.sql("select revision from data_return where id = :id")
                        .param("id", id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(page(get("/returns/" + id), DemoAccounts.BUSINESS))
                .contains("Revision history")
                .contains("Late records found");
    }

    @Test
    void chasingOpensTheLatestPeriodAndAsksTheAgencyLead() throws Exception {
        long agency = fx.newAgency();
        fx.item(agency, true, null);
        returns.chase(fx.kent());
        Period latest = Period.containing(Frequency.MONTHLY, LocalDate.now()).previous();
        long id = jdbc.sql("select id from data_return where agency_id = :a and period_end = :e")
                .param("a", agency)
                .param("e", latest.end())
                .query(Long.class)
                .single();
        assertThat(fx.status(id)).isEqualTo("DRAFT");
        String title = Await.nonNull(
                () -> jdbc.sql("select title from task where source_type = 'data-return' and source_id = :s"
                                + " and assignee_role = 'AGENCY_LEAD' and agency_id = :a and status = 'OPEN'")
                        .param("s", String.valueOf(id))
                        .param("a", agency)
                        .query(String.class)
                        .optional()
                        .orElse(null));
        assertThat(title)
                .isEqualTo(
                        "Send " + DataReturns.possessive(fx.agencyName(agency)) + " data return for " + latest.label());
        // only the latest period is opened
        assertThat(jdbc.sql("select count(*) from data_return where agency_id = :a")
                        .param("a", agency)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void policeLeadSubmitsTheirReturnExplainingOutliersAndRedIndicators() throws Exception {
        long police = fx.kentPolice();
        LocalDate month = fx.freshMonth(police);
        long id = returns.save(
                        fx.actor(DemoAccounts.POLICE_LEAD),
                        police,
                        Frequency.MONTHLY,
                        month,
                        List.of(),
                        Map.of(),
                        Channel.FORM,
                        false)
                .returnId();
        String form = page(get("/returns/" + id), DemoAccounts.POLICE_LEAD);
        MockHttpServletRequestBuilder submit =
                post("/returns/" + id + "/submit").param("version", String.valueOf(fx.version(id)));
        Matcher totals = Pattern.compile("name=\"value\\|([a-z0-9_]+)\\|\\|\"").matcher(form);
        int n = 0;
        while (totals.find()) {
            submit.param("value|" + totals.group(1) + "||", "5")
                    .param("comment|" + totals.group(1) + "||", "Test figure");
            n++;
        }
        assertThat(n).isGreaterThanOrEqualTo(3);
        MockHttpServletResponse first = perform(submit, DemoAccounts.POLICE_LEAD);
        if (first.getStatus() == 422) {
            // the figures would turn indicators red: commentary is asked for on each
            Matcher red = Pattern.compile("name=\"commentary\\|([a-z0-9_]+)\"").matcher(first.getContentAsString());
            assertThat(first.getContentAsString()).contains("Explain why in the commentary");
            submit.param("version", String.valueOf(fx.version(id)));
            while (red.find()) {
                submit.param("commentary|" + red.group(1), "Test commentary");
            }
            MockHttpServletResponse second = perform(submit, DemoAccounts.POLICE_LEAD);
            assertThat(second.getStatus()).as(second.getContentAsString()).isEqualTo(302);
        } else {
            assertThat(first.getStatus()).isEqualTo(302);
        }
        assertThat(fx.status(id)).isEqualTo("SUBMITTED");
        assertThat(page(get("/returns/" + id), DemoAccounts.POLICE_LEAD)).doesNotContain("Accept return");
        assertThat(status(
                        post("/returns/" + id + "/accept").param("version", String.valueOf(fx.version(id))),
                        DemoAccounts.POLICE_LEAD))
                .isEqualTo(403);
    }

    private long draft(long agency, LocalDate end, String item, String value) {
        return returns.save(
                        fx.actor(DemoAccounts.BUSINESS),
                        agency,
                        Frequency.MONTHLY,
                        end,
                        List.of(ValueEntry.total(item, value)),
                        Map.of(),
                        Channel.FORM,
                        false)
                .returnId();
    }

    private void submit(long id, String a, String av, String b, String bv) throws Exception {
        MockHttpServletResponse r = perform(
                post("/returns/" + id + "/submit")
                        .param("version", String.valueOf(fx.version(id)))
                        .param("value|" + a + "||", av)
                        .param("comment|" + a + "||", "")
                        .param("value|" + b + "||", bv),
                DemoAccounts.BUSINESS);
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(302);
    }

    private Map<String, BigDecimal> values(long id) {
        return jdbc
                .sql("select i.code, v.value from data_value v join data_item i on i.id = v.data_item_id"
                        + " where v.return_id = :r and v.breakdown_kind = ''")
                .param("r", id)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getBigDecimal(2).stripTrailingZeros()))
                .list()
                .stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private Map<String, BigDecimal> firstValues(long id) {
        return jdbc
                .sql("select i.code, v.first_value from data_value v join data_item i on i.id = v.data_item_id"
                        + " where v.return_id = :r and v.breakdown_kind = ''")
                .param("r", id)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getBigDecimal(2).stripTrailingZeros()))
                .list()
                .stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private MockHttpServletResponse upload(long id, String name, byte[] bytes) throws Exception {
        return mvc.perform(multipart("/returns/" + id + "/upload")
                        .file(new MockMultipartFile("file", name, "text/csv", bytes))
                        .with(SignedIn.as(principals, DemoAccounts.BUSINESS))
                        .with(csrf()))
                .andReturn()
                .getResponse();
    }

    private String page(MockHttpServletRequestBuilder request, String who) throws Exception {
        MockHttpServletResponse response = perform(request, who);
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private int status(MockHttpServletRequestBuilder request, String who) throws Exception {
        return perform(request, who).getStatus();
    }

    private MockHttpServletResponse perform(MockHttpServletRequestBuilder request, String who) throws Exception {
        return mvc.perform(request.with(SignedIn.as(principals, who)).with(csrf()))
                .andReturn()
                .getResponse();
    }
}
