package org.safeguardinghub.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmallNumberSuppressionTest {

    private final SmallNumberSuppression defaults = SmallNumberSuppression.defaults();

    @ParameterizedTest(name = "{0} is shown as \"{1}\"")
    @CsvSource(
            quoteCharacter = '"',
            value = {"0, 0", "1, fewer than 6", "5, fewer than 6", "6, 6", "42, 42", "1234, \"1,234\""})
    void defaultHidesOneToFiveAndShowsZero(long count, String shown) {
        assertThat(defaults.display(count)).isEqualTo(shown);
    }

    @Test
    void defaultSuppressionBoundaries() {
        assertThat(defaults.isSuppressed(0)).isFalse();
        assertThat(defaults.isSuppressed(1)).isTrue();
        assertThat(defaults.isSuppressed(5)).isTrue();
        assertThat(defaults.isSuppressed(6)).isFalse();
        assertThat(defaults.minimumShown()).isEqualTo(6);
        assertThat(defaults.suppressesZero()).isFalse();
        assertThat(defaults).isEqualTo(SmallNumberSuppression.of(6));
    }

    @Test
    void zeroCanBeHiddenToo() {
        SmallNumberSuppression rule = defaults.suppressingZero(true);
        assertThat(rule.isSuppressed(0)).isTrue();
        assertThat(rule.display(0)).isEqualTo("fewer than 6");
        assertThat(rule.display(6)).isEqualTo("6");
        // The default is left alone.
        assertThat(defaults.display(0)).isEqualTo("0");
        assertThat(rule.suppressingZero(false)).isEqualTo(defaults);
    }

    @Test
    void thresholdIsConfigurable() {
        SmallNumberSuppression ten = SmallNumberSuppression.of(10);
        assertThat(ten.display(9)).isEqualTo("fewer than 10");
        assertThat(ten.display(10)).isEqualTo("10");
        assertThat(ten.display(0)).isEqualTo("0");

        SmallNumberSuppression three = SmallNumberSuppression.of(3);
        assertThat(three.display(2)).isEqualTo("fewer than 3");
        assertThat(three.display(3)).isEqualTo("3");
        assertThat(three.display(5)).isEqualTo("5");
    }

    @Test
    void aThresholdOfOneHidesNothingButOptionallyZero() {
        SmallNumberSuppression none = SmallNumberSuppression.of(1);
        assertThat(none.display(1)).isEqualTo("1");
        assertThat(none.display(0)).isEqualTo("0");
        assertThat(none.suppressingZero(true).display(0)).isEqualTo("fewer than 1");
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> SmallNumberSuppression.of(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.display(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.rate(-1, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rateIsWithheldWhenTheNumeratorIsHidden() {
        assertThat(defaults.rate(3, 100)).isEmpty();
        assertThat(defaults.rate(5, 1000)).isEmpty();
        assertThat(defaults.rate(6, 100)).hasValueSatisfying(r -> assertThat(r).isCloseTo(0.06, within(1e-12)));
    }

    @Test
    void rateOfZeroFollowsTheZeroRule() {
        assertThat(defaults.rate(0, 100)).contains(0.0);
        assertThat(defaults.suppressingZero(true).rate(0, 100)).isEmpty();
    }

    @Test
    void rateIsWithheldWhenTheDenominatorIsHiddenOrZero() {
        // 7 events among 3 children would reveal the 3.
        assertThat(defaults.rate(7, 3)).isEmpty();
        assertThat(defaults.rate(7, 0)).isEmpty();
        assertThat(defaults.rate(12, 6)).contains(2.0);
    }
}
