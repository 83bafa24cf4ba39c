package org.safeguardinghub.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The published-count rule and secondary suppression, as a reader of a published table would check them. */
class SafeTableTest {

    private final SafeCounts rule = SafeCounts.defaults();

    @Test
    void smallCountsAndZeroAreHiddenAndTheRestRoundedToFiveNeverBelowTen() {
        assertThat(rule.display(0)).isEqualTo("fewer than 6");
        assertThat(rule.display(5)).isEqualTo("fewer than 6");
        assertThat(rule.display(6)).isEqualTo("10");
        assertThat(rule.display(7)).isEqualTo("10");
        assertThat(rule.display(12)).isEqualTo("10");
        assertThat(rule.display(13)).isEqualTo("15");
        assertThat(rule.display(1_234)).isEqualTo("1,235");
        assertThat(rule.rate(7, 18)).contains(10 / 20.0);
        assertThat(rule.rate(5, 18)).isEmpty();
    }

    @Test
    void aHiddenCellThatTheTotalWouldPinDownIsProtectedBySuppressingAnother() {
        // 22 -> 20 (18 to 22), 12 -> 10 (6 to 12), 5 hidden, total 39 -> 40 (38 to 42): the hidden cell would be
        // at least 38 - 22 - 12 = 4, so 4 or 5
        SafeTable t = SafeTable.of(rule, new long[][] {{22}, {12}, {5}}, new long[] {39}, null);
        assertThat(t.cell(2, 0).text()).isEqualTo("fewer than 6");
        assertThat(t.cell(1, 0).status()).isEqualTo(SafeTable.Status.SUPPRESSED);
        assertThat(t.cell(1, 0).text()).isEqualTo("suppressed");
        assertThat(t.cell(0, 0).text()).isEqualTo("20");
        assertThat(t.columnTotal(0).text()).isEqualTo("40");
    }

    @Test
    void aTableWhoseMarginsPinNothingIsPublishedAsTheRuleSays() {
        SafeTable t = SafeTable.of(rule, new long[][] {{12}, {3}, {0}, {40}}, new long[] {55}, null);
        assertThat(t.cell(0, 0).text()).isEqualTo("10");
        assertThat(t.cell(1, 0).text()).isEqualTo("fewer than 6");
        assertThat(t.cell(2, 0).text()).isEqualTo("fewer than 6");
        assertThat(t.cell(3, 0).text()).isEqualTo("40");
        assertThat(t.columnTotal(0).text()).isEqualTo("55");
    }

    @Test
    void aHiddenCellNextToOneShownCellKeepsItsWholeRange() {
        // total 9 -> 10 (6 to 12), one part 6 -> 10 (6 to 12), the other 3 hidden: it can be 0 to 6, so 0 to 5
        SafeTable t = SafeTable.of(rule, new long[][] {{6}, {3}}, new long[] {9}, null);
        assertThat(t.cell(1, 0).text()).isEqualTo("fewer than 6");
        assertThat(t.cell(0, 0).text()).isEqualTo("10");
    }
}
