package org.safeguardinghub.shared.disclosure;

import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an attacker knows about how counts were published, worked out from the published text alone (the method is
 * documented, so the attacker knows it anyway): the threshold in "fewer than N"; whether zero is shown as "0" (then a
 * hidden count is at least 1); whether every number shown is a multiple of 5 (then counts are rounded to the nearest
 * 5, and a number below the threshold is shown as the first multiple of 5 at or above it). A cell shown as
 * "suppressed" (secondary suppression) could be anything.
 */
public record PublishedMethod(int minimumShown, boolean zeroShown, int base) {

    private static final Pattern FEWER = Pattern.compile("fewer than ([0-9,]+)");

    /** Infers the method from every cell text of the published views. */
    public static PublishedMethod inferredFrom(Collection<String> texts) {
        int minimum = 1;
        boolean zero = false;
        boolean allFives = true;
        boolean anyNumber = false;
        for (String t : texts) {
            Matcher m = FEWER.matcher(t);
            if (m.find()) {
                minimum = Math.max(minimum, Integer.parseInt(m.group(1).replace(",", "")));
            } else if (isNumber(t)) {
                long n = number(t);
                zero |= n == 0;
                if (n != 0) {
                    anyNumber = true;
                    allFives &= n % 5 == 0;
                }
            }
        }
        return new PublishedMethod(minimum, zero, anyNumber && allFives ? 5 : 1);
    }

    public static boolean isNumber(String text) {
        return text.trim().matches("[0-9][0-9,]*");
    }

    static long number(String text) {
        return Long.parseLong(text.trim().replace(",", ""));
    }

    /** Whether the text hides the count (primary or secondary suppression). */
    public boolean hidden(String text) {
        return !isNumber(text);
    }

    /** The values a cell shown as {@code text} can hold: {low, high}. */
    public long[] interval(String text) {
        if (FEWER.matcher(text).find()) {
            return new long[] {zeroShown ? 1 : 0, minimumShown - 1};
        }
        if (!isNumber(text)) {
            return new long[] {0, IntervalAttack.UNBOUNDED};
        }
        long n = number(text);
        if (n == 0 || base == 1) {
            return new long[] {n, n};
        }
        long half = base / 2;
        long first = ((minimumShown + base - 1) / base) * base;
        long low = n <= first ? minimumShown : Math.max(minimumShown, n - half);
        return new long[] {low, n + half};
    }
}
