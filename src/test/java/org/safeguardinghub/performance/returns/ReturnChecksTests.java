package org.safeguardinghub.performance.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.performance.catalogue.Breakdown;
import org.safeguardinghub.performance.catalogue.DataItem;
import org.safeguardinghub.performance.catalogue.DataRule;
import org.safeguardinghub.performance.catalogue.Frequency;
import org.safeguardinghub.performance.catalogue.PeriodType;
import org.safeguardinghub.performance.returns.ReturnChecks.CellKey;
import org.safeguardinghub.performance.returns.ReturnChecks.Given;

/** The checks on a return's cells, without a database. */
class ReturnChecksTests {

    static final DataItem PLANS =
            item(1, "cp_plans", "Child protection plans", "COUNT", true, null, null, Set.of(Breakdown.DISTRICT));
    static final DataItem SECOND = item(2, "cp_second", "Second or later plans", "COUNT", true, null, null, Set.of());
    static final DataItem SPEND = item(3, "spend", "Spend", "SUM", false, null, null, Set.of());
    static final DataItem RATE = item(
            4, "custody", "Children in custody", "COUNT", false, BigDecimal.ZERO, BigDecimal.valueOf(500), Set.of());
    static final List<DataItem> ITEMS = List.of(PLANS, SECOND, SPEND, RATE);
    static final Map<Breakdown, List<String>> BREAKDOWNS = Map.of(Breakdown.DISTRICT, List.of("Dover", "Thanet"));
    static final List<DataRule> RULES =
            List.of(new DataRule("second_le_plans", "cp_second", "<=", "cp_plans", "Second plans cannot exceed plans"));

    @Test
    void countsMustBeWholeNonNegativeNumbersAndSumsMayHaveDecimals() {
        var result = check(
                false,
                Map.of(
                        CellKey.total("cp_plans"), given("12.5"),
                        CellKey.total("cp_second"), given("-1"),
                        CellKey.total("spend"), given("1234.56"),
                        CellKey.total("custody"), given("twelve")));
        assertThat(messages(result))
                .anySatisfy(m -> assertThat(m).contains("Child protection plans (total) must be a whole number"))
                .anySatisfy(m -> assertThat(m).contains("Second or later plans (total) cannot be negative"))
                .anySatisfy(m -> assertThat(m).contains("Children in custody (total): enter a number"))
                .hasSize(3);
        assertThat(result.values()).containsEntry(CellKey.total("spend"), new BigDecimal("1234.56"));
    }

    @Test
    void rangeComesFromTheItem() {
        var result = check(false, Map.of(CellKey.total("custody"), given("501")));
        assertThat(messages(result)).containsExactly("Children in custody (total) must be 500 or less");
        assertThat(check(false, Map.of(CellKey.total("custody"), given("500"))).problems())
                .isEmpty();
    }

    @Test
    void requiredTotalsOnlyOnSubmit() {
        Map<CellKey, Given> cells = Map.of(CellKey.total("spend"), given("3"));
        assertThat(check(false, cells).problems()).isEmpty();
        assertThat(check(true, cells).problems())
                .extracting(CellProblem::message)
                .containsExactlyInAnyOrder(
                        "Enter the total for Child protection plans", "Enter the total for Second or later plans");
    }

    @Test
    void breakdownsMayNotExceedTheTotalAndWhenCompleteMustAddUpToIt() {
        Map<CellKey, Given> partial = new LinkedHashMap<>();
        partial.put(CellKey.total("cp_plans"), given("10"));
        partial.put(new CellKey("cp_plans", "DISTRICT", "Dover"), given("12"));
        assertThat(messages(check(false, partial)))
                .containsExactly("The district figures for Child protection plans add up to 12, 2 more than the total"
                        + " of 10");

        Map<CellKey, Given> complete = new LinkedHashMap<>(partial);
        complete.put(new CellKey("cp_plans", "DISTRICT", "Dover"), given("4"));
        complete.put(new CellKey("cp_plans", "DISTRICT", "Thanet"), given("5"));
        assertThat(messages(check(false, complete)))
                .containsExactly("The district figures for Child protection plans add up to 9, 1 less than the total"
                        + " of 10");

        complete.put(new CellKey("cp_plans", "DISTRICT", "Thanet"), given("6"));
        assertThat(check(false, complete).problems()).isEmpty();
    }

    @Test
    void unknownBreakdownValuesAndItemsAreReported() {
        Map<CellKey, Given> cells = new LinkedHashMap<>();
        cells.put(new CellKey("cp_plans", "DISTRICT", "Atlantis"), given("1"));
        cells.put(new CellKey("cp_second", "AGE_BAND", "1-4"), given("1"));
        cells.put(CellKey.total("nope"), given("1"));
        assertThat(check(false, cells).problems()).hasSize(3);
    }

    @Test
    void crossItemRuleIsReportedAgainstTheLeftItem() {
        var result =
                check(false, Map.of(CellKey.total("cp_plans"), given("5"), CellKey.total("cp_second"), given("6")));
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.itemCode()).isEqualTo("cp_second");
            assertThat(p.message()).startsWith("Second plans cannot exceed plans");
        });
    }

    @Test
    void zScoreOutlierNeedsACommentOnSubmit() {
        // history 98..184: 900 is far outside both screens, 150 inside both
        List<BigDecimal> history = numbers(98, 120, 130, 140, 150, 160, 170, 184);
        assertThat(ReturnChecks.outlier(BigDecimal.valueOf(150), history)).isNull();
        assertThat(ReturnChecks.outlier(BigDecimal.valueOf(900), history)).isNotNull();

        Map<CellKey, Given> cells = new LinkedHashMap<>();
        cells.put(CellKey.total("cp_plans"), given("900"));
        cells.put(CellKey.total("cp_second"), given("1"));
        var noComment = check(true, cells, Map.of("cp_plans", history));
        assertThat(noComment.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("comment");
            assertThat(p.message())
                    .startsWith("Kent Police usually returns between 98 and 184 for this item; 900 is far outside"
                            + " that. Check the figure or explain it in the comment");
        });
        // a draft save does not flag it
        assertThat(check(false, cells, Map.of("cp_plans", history)).problems()).isEmpty();
        cells.put(CellKey.total("cp_plans"), new Given("900", "New multi-agency team started"));
        assertThat(check(true, cells, Map.of("cp_plans", history)).problems()).isEmpty();
    }

    @Test
    void zScoreAloneFlagsAFigureInsideTheWidenedRange() {
        // tightly clustered with one far value: sd small relative to the range
        List<BigDecimal> history = numbers(100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 160);
        // widened range is 70..190, so 185 is inside it, but its z-score is about 4.8
        assertThat(ReturnChecks.outlier(BigDecimal.valueOf(185), history)).isNotNull();
        assertThat(ReturnChecks.outlier(BigDecimal.valueOf(110), history)).isNull();
    }

    @Test
    void minMaxAloneFlagsAFigureWithinThreeStandardDeviations() {
        // spread-out history: sd about 55, mean 150; 260 has z about 2 but is outside 100..200 widened to 50..250
        List<BigDecimal> history = numbers(100, 200, 100, 200, 100, 200);
        assertThat(ReturnChecks.outlier(BigDecimal.valueOf(260), history)).isNotNull();
        assertThat(ReturnChecks.outlier(BigDecimal.valueOf(240), history)).isNull();
    }

    @Test
    void noOutlierCheckWithFewerThanSixEarlierValues() {
        assertThat(ReturnChecks.outlier(BigDecimal.valueOf(10_000), numbers(1, 2, 3, 4, 5)))
                .isNull();
    }

    private static ReturnChecks.Result check(boolean submit, Map<CellKey, Given> cells) {
        return check(submit, cells, Map.of());
    }

    private static ReturnChecks.Result check(
            boolean submit, Map<CellKey, Given> cells, Map<String, List<BigDecimal>> history) {
        return ReturnChecks.check(new ReturnChecks.Input(
                "Kent Police", ITEMS, BREAKDOWNS, new LinkedHashMap<>(cells), RULES, history, submit));
    }

    private static List<String> messages(ReturnChecks.Result result) {
        return result.problems().stream().map(CellProblem::message).toList();
    }

    private static Given given(String raw) {
        return new Given(raw, null);
    }

    private static List<BigDecimal> numbers(int... xs) {
        return java.util.Arrays.stream(xs).mapToObj(BigDecimal::valueOf).toList();
    }

    private static DataItem item(
            long id,
            String code,
            String name,
            String kind,
            boolean required,
            @Nullable BigDecimal min,
            @Nullable BigDecimal max,
            Set<Breakdown> breakdowns) {
        return new DataItem(
                id,
                1,
                code,
                name,
                "",
                kind,
                PeriodType.MONTHLY,
                Frequency.MONTHLY,
                7L,
                "Kent Police",
                breakdowns,
                required,
                min,
                max,
                false,
                0);
    }
}
