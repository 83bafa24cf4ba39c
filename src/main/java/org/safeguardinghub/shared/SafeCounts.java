package org.safeguardinghub.shared;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How one count is published: the rule every published figure of the Hub goes through (dashboards, the scorecard's
 * published view, Section 11 analysis and staff survey results, every download of them, and the registers that
 * reuse it). Tables of counts go through {@link SafeTable}, which applies this rule to every cell and total and then
 * adds secondary suppression.
 *
 * <p><b>Why hiding small numbers is not enough.</b> Hiding counts of 1 to 5 ("fewer than 6") stops a reader seeing a
 * small number, but not working it out: a total of 31 with years of 18 and 8 says the hidden year is 5, and a
 * filtered view subtracted from an unfiltered one gives the count nobody published. Anyone can ask the published
 * dashboards for every combination of their filters, so the rule has to hold against all of them at once.
 *
 * <p><b>The rule</b> (the approach of the ONS for census tables and of DfE statistics, in its simplest form):
 *
 * <ul>
 *   <li>every count from 0 to {@code minimumShown - 1} is shown as "fewer than 6" (zero too, so that being listed or
 *       hidden never says "at least one");
 *   <li>every larger count is rounded to the nearest 5 (12 is shown as 10, 13 as 15), and never shown below the first
 *       multiple of 5 at or above the threshold (6 and 7 are shown as 10), so no number below the threshold appears;
 *   <li>totals are counted from the exact data and rounded on their own, so they need not equal the sum of the rounded
 *       parts, and nobody can subtract exact figures;
 *   <li>the published value depends only on the exact count of the records in the cell, so the same cell has the
 *       same value in every view and every download: looking at a cell twice, in two views, teaches nothing new.
 * </ul>
 *
 * <p>Each published number therefore stands for a range a reader can state (10 means 6 to 12; 15 means 13 to 17;
 * "fewer than 6" means 0 to 5), and sums and differences of published numbers only give wider ranges. Where the
 * ranges of one table's cells and its total could still pin a hidden cell down, {@link SafeTable} hides one more cell.
 * Pages that publish tables also restrict their filters (fixed reporting periods, one breakdown at a time); see
 * docs/architecture.md.
 *
 * <p>A rate or percentage is published only from rounded counts, and withheld when its numerator or denominator is
 * hidden. Internal views for the people working on the cases keep exact counts and never use this class.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class SafeCounts {

    /** Published counts are rounded to a multiple of this. */
    public static final int BASE = 5;

    private final int minimumShown;

    private SafeCounts(int minimumShown) {
        if (minimumShown < 1) {
            throw new IllegalArgumentException("The smallest count shown must be at least 1, was " + minimumShown);
        }
        this.minimumShown = minimumShown;
    }

    /** The rule with the partnership's threshold ({@code hub.suppression.minimum-shown}, 6 by default). */
    public static SafeCounts of(SmallNumberSuppression threshold) {
        return new SafeCounts(threshold.minimumShown());
    }

    /** The rule with the default threshold: 0 to 5 hidden. */
    public static SafeCounts defaults() {
        return new SafeCounts(SmallNumberSuppression.DEFAULT_MINIMUM_SHOWN);
    }

    /** The smallest count that is shown (rounded). */
    public int minimumShown() {
        return minimumShown;
    }

    /** Whether the count is hidden (shown as {@link #hiddenText()}). */
    public boolean isHidden(long count) {
        requireCount(count);
        return count < minimumShown;
    }

    /** The number published for a count that is not hidden: rounded to the nearest 5, never below the threshold. */
    public long rounded(long count) {
        requireCount(count);
        if (isHidden(count)) {
            throw new IllegalArgumentException("A hidden count has no published number");
        }
        long nearest = Math.floorDiv(count + BASE / 2, BASE) * BASE;
        return Math.max(nearest, firstShown());
    }

    /** The smallest number ever published: the first multiple of 5 at or above the threshold (10 for 6). */
    public long firstShown() {
        return ((minimumShown + BASE - 1L) / BASE) * BASE;
    }

    /** The text for a hidden count, for example {@code "fewer than 6"}. */
    public String hiddenText() {
        return "fewer than " + minimumShown;
    }

    /** The count as published: {@code "1,235"} for 1,234, {@code "10"} for 6, or {@code "fewer than 6"}. */
    public String display(long count) {
        return isHidden(count)
                ? hiddenText()
                : NumberFormat.getIntegerInstance(Locale.UK).format(rounded(count));
    }

    /**
     * The range of exact counts a published text stands for, {low, high}, as any reader of the method can work it
     * out: what secondary suppression checks against.
     */
    long[] range(long count) {
        if (isHidden(count)) {
            return new long[] {0, minimumShown - 1L};
        }
        long r = rounded(count);
        long low = r == firstShown() ? minimumShown : Math.max(minimumShown, r - BASE / 2);
        return new long[] {low, r + BASE / 2};
    }

    /**
     * {@code numerator / denominator} as published: worked out from the rounded counts, so that it reveals no more
     * than they do; empty when either is hidden or the denominator is zero.
     */
    public Optional<Double> rate(long numerator, long denominator) {
        requireCount(numerator);
        requireCount(denominator);
        if (isHidden(numerator) || isHidden(denominator)) {
            return Optional.empty();
        }
        return Optional.of((double) rounded(numerator) / rounded(denominator));
    }

    /** A one-line plain-English statement of the rule, for page notes and download footers. */
    public String description() {
        return "Counts are rounded to the nearest " + BASE + " (never shown below " + firstShown()
                + "), counts from 0 to " + (minimumShown - 1) + " are shown as \"" + hiddenText()
                + "\", and totals are rounded on their own, so they may not equal the sum of the rows.";
    }

    private static void requireCount(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("A count cannot be negative, was " + value);
        }
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof SafeCounts that && minimumShown == that.minimumShown;
    }

    @Override
    public int hashCode() {
        return Objects.hash(minimumShown);
    }

    @Override
    public String toString() {
        return "SafeCounts[minimumShown=" + minimumShown + ", base=" + BASE + "]";
    }
}
