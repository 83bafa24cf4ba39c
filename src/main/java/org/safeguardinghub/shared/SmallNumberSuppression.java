package org.safeguardinghub.shared;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Hides small counts in figures that are published or shared beyond the people working on the cases.
 *
 * <p>In a small area, a count such as "2 children subject to a plan for sexual abuse in this ward" can identify the
 * children, especially when combined with other figures or local knowledge. Statistical disclosure control therefore
 * replaces counts below a threshold with a phrase such as "fewer than 6", and withholds any rate whose numerator (or
 * denominator) is hidden, because the rate and the other figure would reveal it. The default rule here hides 1 to 5
 * and shows zero, a common convention in published statistics; both the
 * threshold and whether zero is hidden are configurable to match a partnership's own policy or a data-sharing
 * agreement.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class SmallNumberSuppression {

    /** The default smallest count shown: counts 1 to 5 are hidden. */
    public static final int DEFAULT_MINIMUM_SHOWN = 6;

    private static final SmallNumberSuppression DEFAULT = new SmallNumberSuppression(DEFAULT_MINIMUM_SHOWN, false);

    private final int minimumShown;
    private final boolean suppressZero;

    private SmallNumberSuppression(int minimumShown, boolean suppressZero) {
        if (minimumShown < 1) {
            throw new IllegalArgumentException("The smallest count shown must be at least 1, was " + minimumShown);
        }
        this.minimumShown = minimumShown;
        this.suppressZero = suppressZero;
    }

    /** The default rule: counts 1 to 5 are shown as "fewer than 6"; zero is shown. */
    public static SmallNumberSuppression defaults() {
        return DEFAULT;
    }

    /**
     * Counts from 1 up to {@code minimumShown - 1} are hidden; zero is shown. {@code of(1)} hides nothing (except zero,
     * if {@link #suppressingZero(boolean)} says so).
     */
    public static SmallNumberSuppression of(int minimumShown) {
        return new SmallNumberSuppression(minimumShown, false);
    }

    /** This rule, with zero hidden too (or shown, if {@code suppress} is false). */
    public SmallNumberSuppression suppressingZero(boolean suppress) {
        return new SmallNumberSuppression(minimumShown, suppress);
    }

    /** The smallest positive count that is shown. */
    public int minimumShown() {
        return minimumShown;
    }

    /** Whether zero is hidden as well. */
    public boolean suppressesZero() {
        return suppressZero;
    }

    /** Whether the count must be hidden. */
    public boolean isSuppressed(long count) {
        requireCount(count, "count");
        return count == 0 ? suppressZero : count < minimumShown;
    }

    /** The text shown in place of a hidden count, for example {@code "fewer than 6"}. */
    public String suppressedText() {
        return "fewer than " + minimumShown;
    }

    /**
     * The count as it may be published: the number with thousands separators (for example {@code "1,234"}), or
     * {@link #suppressedText()} if it must be hidden.
     */
    public String display(long count) {
        return isSuppressed(count)
                ? suppressedText()
                : NumberFormat.getIntegerInstance(Locale.UK).format(count);
    }

    /**
     * {@code numerator / denominator} as a fraction (multiply by 100 or 10,000 for a percentage or a rate per 10,000),
     * or empty when it must not be published: when the numerator or the denominator is hidden, since together with the
     * other figure the rate would reveal it, or when the denominator is zero and there is no rate.
     */
    public Optional<Double> rate(long numerator, long denominator) {
        requireCount(numerator, "numerator");
        requireCount(denominator, "denominator");
        if (denominator == 0 || isSuppressed(numerator) || isSuppressed(denominator)) {
            return Optional.empty();
        }
        return Optional.of((double) numerator / denominator);
    }

    private static void requireCount(long value, String what) {
        if (value < 0) {
            throw new IllegalArgumentException("A " + what + " cannot be negative, was " + value);
        }
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof SmallNumberSuppression that
                && minimumShown == that.minimumShown
                && suppressZero == that.suppressZero;
    }

    @Override
    public int hashCode() {
        return Objects.hash(minimumShown, suppressZero);
    }

    @Override
    public String toString() {
        return "SmallNumberSuppression[minimumShown=" + minimumShown + ", suppressZero=" + suppressZero + "]";
    }
}
