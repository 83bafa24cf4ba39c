package org.safeguardinghub.performance.catalogue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A numerator or denominator: data item codes joined by {@code +} or {@code -}, e.g. {@code cp_plans} or
 * {@code referrals - re_referrals}. Deliberately small: anything richer belongs in a data item of its own, so
 * every figure on the scorecard can be traced to values an agency returned.
 */
public final class Formula {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private record Term(boolean negative, String code) {}

    private final String text;
    private final List<Term> terms;

    private Formula(String text, List<Term> terms) {
        this.text = text;
        this.terms = terms;
    }

    /**
     * Reads a formula.
     *
     * @throws IllegalArgumentException with a message fit for an error summary when it is not one
     */
    public static Formula parse(String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("Enter a formula: data item codes joined by + or -");
        }
        List<Term> terms = new ArrayList<>();
        boolean negative = false;
        boolean expectCode = true;
        for (String token : t.replace("+", " + ").replace("-", " - ").trim().split("\\s+")) {
            if (expectCode) {
                if (!CODE.matcher(token).matches()) {
                    throw new IllegalArgumentException("\"" + token + "\" is not a data item code (lower case letters,"
                            + " digits and underscores, starting with a letter)");
                }
                terms.add(new Term(negative, token));
                expectCode = false;
            } else {
                if (!token.equals("+") && !token.equals("-")) {
                    throw new IllegalArgumentException("Join data item codes with + or -, not \"" + token + "\"");
                }
                negative = token.equals("-");
                expectCode = true;
            }
        }
        if (expectCode) {
            throw new IllegalArgumentException("The formula ends with an operator: add a data item code after it");
        }
        return new Formula(t, List.copyOf(terms));
    }

    /** The codes the formula reads, in order of first appearance. */
    public Set<String> codes() {
        Set<String> codes = new LinkedHashSet<>();
        terms.forEach(term -> codes.add(term.code()));
        return codes;
    }

    /** The sum, or empty when any item has no value (a missing figure is never read as zero). */
    public Optional<BigDecimal> evaluate(Map<String, BigDecimal> values) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Term term : terms) {
            BigDecimal v = values.get(term.code());
            if (v == null) {
                return Optional.empty();
            }
            sum = term.negative() ? sum.subtract(v) : sum.add(v);
        }
        return Optional.of(sum);
    }

    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
