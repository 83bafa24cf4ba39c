package org.safeguardinghub.performance.scorecard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.safeguardinghub.performance.catalogue.Factor;
import org.safeguardinghub.shared.SafeCounts;

/**
 * How one indicator's figures are written, and whether the published view must hide them. The published view (the
 * independent scrutineer, or anyone asking for {@code ?view=published}) goes through the Hub's one rule for published
 * figures ({@link SafeCounts}): a count below the partnership's minimum (zero included) is shown as "fewer than 6"
 * and any other count is rounded to the nearest 5; a rate or percentage is withheld ("suppressed") when its numerator
 * or denominator is below the minimum, and otherwise worked out from the rounded numerator and denominator, so that
 * it reveals no more than they do. Charts and changes use the same published values ({@link #publishedValue}). The
 * internal view ({@code rule} null) shows everything.
 */
record Figures(Factor factor, int decimals, @Nullable SafeCounts rule) {

    static final String SUPPRESSED = "suppressed";

    boolean published() {
        return rule != null;
    }

    /** Whether a point with these figures must be hidden in this view. */
    boolean hidden(@Nullable BigDecimal value, @Nullable BigDecimal numerator, @Nullable BigDecimal denominator) {
        if (rule == null) {
            return false;
        }
        if (factor == Factor.COUNT) {
            BigDecimal count = value != null ? value : numerator;
            return small(count);
        }
        return small(numerator) || small(denominator);
    }

    private boolean small(@Nullable BigDecimal count) {
        if (rule == null || count == null || count.signum() < 0) {
            return false;
        }
        return rule.isHidden(count.setScale(0, RoundingMode.HALF_UP).longValueExact());
    }

    /** The text that replaces a hidden value. */
    String hiddenText() {
        return rule == null ? "" : factor == Factor.COUNT ? rule.hiddenText() : SUPPRESSED;
    }

    /**
     * The value as this view may show it, in text and in charts: exact in the internal view; in the published view
     * null when hidden, a count rounded to 5, or a rate worked out from the rounded numerator and denominator (a rate
     * published without them, from a published source, as it is).
     */
    @Nullable
    BigDecimal publishedValue(
            @Nullable BigDecimal value, @Nullable BigDecimal numerator, @Nullable BigDecimal denominator) {
        if (rule == null || value == null) {
            return value;
        }
        if (hidden(value, numerator, denominator)) {
            return null;
        }
        if (factor == Factor.COUNT) {
            if (value.signum() < 0) {
                return value;
            }
            return BigDecimal.valueOf(
                    rule.rounded(value.setScale(0, RoundingMode.HALF_UP).longValueExact()));
        }
        if (numerator == null || denominator == null || numerator.signum() < 0 || denominator.signum() <= 0) {
            return value;
        }
        long n = rule.rounded(numerator.setScale(0, RoundingMode.HALF_UP).longValueExact());
        long d = rule.rounded(denominator.setScale(0, RoundingMode.HALF_UP).longValueExact());
        return factor.multiplier()
                .multiply(BigDecimal.valueOf(n))
                .divide(BigDecimal.valueOf(d), decimals + 4, RoundingMode.HALF_UP);
    }

    /** The value with its unit, the hidden text, or "No data". */
    String value(@Nullable BigDecimal value, @Nullable BigDecimal numerator, @Nullable BigDecimal denominator) {
        if (value == null) {
            return "No data";
        }
        BigDecimal shown = publishedValue(value, numerator, denominator);
        if (shown == null) {
            return hiddenText();
        }
        return number(shown) + factor.unit();
    }

    /** A numerator or denominator count, hidden when small in the published view. */
    String count(@Nullable BigDecimal count) {
        if (count == null) {
            return "";
        }
        if (small(count)) {
            return rule == null ? "" : rule.hiddenText();
        }
        if (rule != null && count.signum() >= 0) {
            return rule.display(count.setScale(0, RoundingMode.HALF_UP).longValueExact());
        }
        return plain(count);
    }

    /** The value at the indicator's decimals with thousands separators, no unit. */
    String number(BigDecimal value) {
        return format(value.setScale(decimals, RoundingMode.HALF_UP), decimals);
    }

    static String plain(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        int scale = Math.max(0, Math.min(4, v.scale()));
        return format(value.setScale(scale, RoundingMode.HALF_UP), scale);
    }

    /**
     * Axis tick text: up to two decimals, grouped. A value too large for a chart's arithmetic (infinite or not a
     * number: only possible for figures stored before every data item had a declared range) gives no tick text
     * rather than failing the page.
     */
    static String axis(double value) {
        if (!Double.isFinite(value)) {
            return "";
        }
        return plain(BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP));
    }

    /** A signed change such as "+12" or "-3.5", with the percentage when there is one: "+12 (+4.1%)". */
    String change(BigDecimal difference, @Nullable BigDecimal percent) {
        String d = (difference.signum() > 0 ? "+" : "") + number(difference);
        return percent == null ? d : d + " (" + percent(percent) + ")";
    }

    static String percent(BigDecimal percent) {
        return (percent.signum() > 0 ? "+" : "") + format(percent.setScale(1, RoundingMode.HALF_UP), 1) + "%";
    }

    private static String format(BigDecimal value, int decimals) {
        DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.UK));
        f.setMinimumFractionDigits(decimals);
        f.setMaximumFractionDigits(decimals);
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(value);
    }
}
