package org.safeguardinghub.performance.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.identity.signin.Principals;
import org.safeguardinghub.performance.catalogue.Frequency;
import org.safeguardinghub.performance.compute.IndicatorCalculator;
import org.safeguardinghub.platform.security.Actor;
import org.safeguardinghub.support.DemoAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Only accepted figures (and figures from published reports) become indicator values. A draft, a submitted and a
 * returned return change no indicator value through any recompute path (a return accepted or corrected, "Recompute
 * history" or a definition change, start-up or a catalogue import); acceptance publishes the figure and "as first
 * published" stays the first accepted value after a correction.
 */
@SpringBootTest
class AcceptedFiguresOnlyTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Principals principals;

    @Autowired
    DataReturns returns;

    @Autowired
    IndicatorCalculator calculator;

    ReturnFixtures fx;
    long kent;

    @BeforeEach
    void setUp() {
        fx = new ReturnFixtures(jdbc, principals);
        kent = fx.kent();
    }

    @Test
    void kentCountyCouncilsSubmittedOctoberReturnIsInNoIndicatorValue() {
        assertThat(fx.status(jdbc.sql("""
                        select r.id from data_return r join agency a on a.id = r.agency_id
                        where r.partnership_id = :p and a.name = 'Kent County Council' and r.frequency = 'MONTHLY'
                          and r.period_end = date '2026-10-31'""").param("p", kent).query(Long.class).single()))
                .isEqualTo("SUBMITTED");
        // nobody else has returned October yet, so no indicator has a value for it
        assertThat(jdbc.sql("""
                        select count(*) from indicator_value where partnership_id = :p
                          and period_end = date '2026-10-31'""").param("p", kent).query(Long.class).single()).isZero();
        // the latest value of children on a child protection plan is September's
        assertThat(jdbc.sql("""
                        select max(v.period_end) from indicator_value v join indicator i on i.id = v.indicator_id
                        where i.partnership_id = :p and i.code = 'cp_plans' and v.breakdown_kind = ''""").param("p", kent).query(LocalDate.class).single())
                .isEqualTo(LocalDate.of(2026, 9, 30));
    }

    @Test
    void draftSubmittedAndReturnedFiguresReachNoIndicatorThroughAnyRecomputeAcceptedAndCorrectedOnesDo() {
        long agency = fx.newAgency();
        String item = fx.item(agency, false, null);
        String indicator = indicatorOver(item);
        LocalDate month = LocalDate.of(2025, 11, 30);
        Actor business = fx.actor(DemoAccounts.BUSINESS);

        SaveResult draft = returns.save(
                business,
                agency,
                Frequency.MONTHLY,
                month,
                List.of(ValueEntry.total(item, "9999")),
                Map.of(),
                Channel.FORM,
                false);
        assertThat(draft.problems()).isEmpty();
        long id = draft.returnId();
        assertThat(fx.status(id)).isEqualTo("DRAFT");
        assertNoValueThroughEveryPath(item, indicator, month, false);

        SaveResult submitted =
                returns.save(business, agency, Frequency.MONTHLY, month, List.of(), Map.of(), Channel.FORM, true);
        assertThat(submitted.problems()).isEmpty();
        assertThat(fx.status(id)).isEqualTo("SUBMITTED");
        assertNoValueThroughEveryPath(item, indicator, month, true);
        // the reviewer's preview shows what accepting would do, without storing it
        assertThat(calculator.preview(kent, month, Map.of(item, new BigDecimal("9999"))))
                .singleElement()
                .satisfies(p -> assertThat(p.display()).isEqualTo("9,999"));
        assertThat(value(indicator, month)).isNull();

        returns.sendBack(business, id, fx.version(id), "Please check the figure");
        assertThat(fx.status(id)).isEqualTo("RETURNED");
        assertNoValueThroughEveryPath(item, indicator, month, false);

        returns.save(business, agency, Frequency.MONTHLY, month, List.of(), Map.of(), Channel.FORM, true);
        returns.accept(business, id, fx.version(id));
        assertThat(fx.status(id)).isEqualTo("ACCEPTED");
        assertThat(value(indicator, month)).isEqualTo("9999 first 9999");

        List<CellProblem> problems = returns.correct(
                business, id, fx.version(id), List.of(ValueEntry.total(item, "50")), "Typing error: 50, not 9999");
        assertThat(problems).isEmpty();
        assertThat(value(indicator, month)).isEqualTo("50 first 9999");
        calculator.recomputeAll(kent);
        assertThat(value(indicator, month)).as("start-up or catalogue import").isEqualTo("50 first 9999");
    }

    private void assertNoValueThroughEveryPath(String item, String indicator, LocalDate month, boolean everything) {
        calculator.recomputeForItems(kent, List.of(item));
        assertThat(value(indicator, month))
                .as("after a return is accepted or corrected")
                .isNull();
        calculator.recomputeIndicator(kent, indicator);
        assertThat(value(indicator, month)).as("after Recompute history").isNull();
        if (everything) {
            // every indicator of the demo: slow, so once
            calculator.recomputeAll(kent);
            assertThat(value(indicator, month))
                    .as("at start-up or a catalogue import")
                    .isNull();
        }
    }

    /** A new indicator counting the item; its code. */
    private String indicatorOver(String item) {
        String code = ReturnFixtures.unique("t_ind_");
        long id = jdbc.sql("""
                        insert into indicator (partnership_id, code, name, sort_order) values (:p, :c, :n, 9999)
                        returning id""")
                .param("p", kent)
                .param("c", code)
                .param("n", "Test indicator " + code)
                .query(Long.class)
                .single();
        jdbc.sql("""
                        insert into indicator_version (indicator_id, version_no, numerator, factor, aggregation,
                                                       decimals, polarity, effective_from)
                        values (:i, 1, :item, 'COUNT', 'LATEST', 0, 'NEITHER', date '2000-01-01')""").param("i", id).param("item", item).update();
        return code;
    }

    private @Nullable String value(String indicator, LocalDate month) {
        return jdbc.sql("""
                        select v.value::int || ' first ' || v.first_value::int from indicator_value v
                        join indicator i on i.id = v.indicator_id
                        where i.partnership_id = :p and i.code = :c and v.period_end = :e and v.breakdown_kind = ''""")
                .param("p", kent)
                .param("c", indicator)
                .param("e", month)
                .query(String.class)
                .optional()
                .orElse(null);
    }
}
