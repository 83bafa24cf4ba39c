package org.safeguardinghub.imports;

import java.math.BigDecimal;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The one rule by which a figure typed, uploaded or sent to the Hub is read as a number: digits, optionally a
 * minus sign before them and a decimal point between them, with spaces around the whole allowed. Nothing is
 * guessed: {@code 1,5} could mean one and a half or fifteen, so a comma is refused, not removed; so are spaces
 * inside the number, currency signs, percent signs and exponents ({@code 1E5}). A number with more than
 * {@link #MAX_DIGITS} digits is refused before any arithmetic, so nothing is ever rounded to fit.
 *
 * <p>Whether the number is in range, and how many decimal places it may have, is the caller's rule (a data item's
 * declared range and precision, for example); this rule only decides what number the text is.
 */
public final class NumberRule {

    /** More digits than any figure the Hub keeps (a trillion with four decimal places has 17). */
    public static final int MAX_DIGITS = 20;

    private static final Pattern PLAIN = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private NumberRule() {}

    /**
     * The text read as a number, or the reason it is not one.
     *
     * @param value the number, or null when {@code problem} says why there is none
     * @param problem what is wrong, as the end of a sentence about the cell: "enter a number without commas..."
     */
    public record Result(
            @Nullable BigDecimal value, @Nullable String problem) {

        public boolean ok() {
            return value != null;
        }
    }

    /** Reads {@code text} (which must not be blank: an empty cell is the caller's business). */
    public static Result read(String text) {
        String s = text.strip();
        if (PLAIN.matcher(s).matches()) {
            int digits = s.length() - (s.startsWith("-") ? 1 : 0) - (s.contains(".") ? 1 : 0);
            if (digits > MAX_DIGITS) {
                return new Result(null, "the number has " + digits + " digits, more than any figure can have");
            }
            return new Result(new BigDecimal(s), null);
        }
        String shown = s.length() > 40 ? s.substring(0, 40) + "..." : s;
        if (s.contains(",")) {
            return new Result(
                    null,
                    "enter a number without commas, like 1500 or 1.5 (you entered \"" + shown
                            + "\"; a comma could mean a thousands separator or a decimal point, so it is not guessed)");
        }
        return new Result(null, "enter a number, like 12 or 1.5 (you entered \"" + shown + "\")");
    }
}
